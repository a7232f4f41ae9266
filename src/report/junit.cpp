// JUnit XML for CI dashboards (GitLab, Jenkins, Azure DevOps): one testsuite per detector, one
// testcase per finding — a <failure> when it blocks, <skipped> when suppressed or baselined, a
// pass otherwise — and tool errors as <error> testcases. A run without findings still shows one
// passing testcase, so dashboards record that the check ran.
#include "report/report.hpp"
#include "report/rule_table.hpp"

#include "util/clock.hpp"

#include <fmt/format.h>

#include <map>

namespace hookguard::report {
namespace {

// Next code point of UTF-8 text, or U+FFFD for an invalid byte (consumed alone).
char32_t next_code_point(std::string_view s, std::size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  if (n == 0 || i + n > s.size()) return ++i, U'\uFFFD';
  for (std::size_t k = 1; k < n; ++k) {
    auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return ++i, U'\uFFFD';
    cp = (cp << 6) | (b & 0x3F);
  }
  constexpr char32_t k_min[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < k_min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return ++i, U'\uFFFD';
  i += n;
  return cp;
}

bool legal_in_xml(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

// Escaped for element text or (attribute = true) attribute values; characters XML 1.0 cannot hold
// at all are dropped, and line breaks in attributes are written as references so parsers keep them.
std::string xml(std::string_view s, bool attribute = true) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = next_code_point(s, i);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default:
        if (legal_in_xml(c)) append_utf8(out, c);
    }
  }
  return out;
}

std::string where(const Finding& f) {
  if (f.location != LocationKind::file)
    return fmt::format("{} {}", to_string(f.location), f.commit.empty() ? f.ref : f.commit.substr(0, 12));
  std::string loc = fmt::format("{}:{}", f.path, f.line);
  return f.commit.empty() ? loc : fmt::format("{}@{}", f.commit.substr(0, 12), loc);
}

std::string details(const Decision& d, const RuleInfo& rule) {
  const Finding& f = d.finding;
  std::string text = fmt::format("{}: {} [{}] {}\n{}\n", where(f), f.rule_id, to_string(f.severity), rule.title, f.message);
  if (!f.excerpt.empty()) text += fmt::format("    {}\n", f.excerpt);
  return text + fmt::format("action: {} ({})\nfingerprint: {}\nhelp: {}\n", to_string(d.action), d.reason, f.fingerprint, rule.help);
}

void write_properties(std::ostream& out, const Decision& d) {
  const Finding& f = d.finding;
  out << "      <properties>\n";
  auto prop = [&](std::string_view name, std::string_view value) {
    if (!value.empty()) out << fmt::format("        <property name=\"{}\" value=\"{}\"/>\n", name, xml(value));
  };
  prop("rule_id", f.rule_id);
  prop("severity", to_string(f.severity));
  prop("action", to_string(d.action));
  prop("reason", d.reason);
  prop("fingerprint", f.fingerprint);
  prop("commit", f.commit);
  prop("ref", f.ref);
  out << "      </properties>\n";
}

void write_testcase(std::ostream& out, const Decision& d, const RuleInfo& rule) {
  const Finding& f = d.finding;
  std::string classname = fmt::format("hookguard.{}.{}", to_string(f.detector), f.rule_id);
  out << fmt::format("    <testcase name=\"{}\" classname=\"{}\"", xml(where(f) + " " + f.rule_id), xml(classname));
  if (f.location == LocationKind::file) out << fmt::format(" file=\"{}\" line=\"{}\"", xml(f.path), f.line);
  out << " time=\"0\">\n";
  write_properties(out, d);
  std::string summary = xml(fmt::format("{} [{}] {}", f.rule_id, to_string(f.severity), rule.title));
  if (d.action == Action::block)
    out << fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", summary, xml(f.rule_id), xml(details(d, rule), false));
  else if (d.action == Action::suppressed || d.action == Action::baselined)
    out << fmt::format("      <skipped message=\"{}: {}\"/>\n", to_string(d.action), xml(d.reason));
  else
    out << fmt::format("      <system-out>{}</system-out>\n", xml(details(d, rule), false));
  out << "    </testcase>\n";
}

void write_error_case(std::ostream& out, const ToolError& e) {
  std::string where = e.line ? fmt::format("{}:{}", e.path, e.line) : e.path;
  out << fmt::format("    <testcase name=\"{}\" classname=\"hookguard.errors\" time=\"0\">\n", xml(where));
  out << fmt::format("      <error message=\"{}\" type=\"tool-error\">{}</error>\n", xml(e.message), xml(where + ": " + e.message, false));
  out << "    </testcase>\n";
}

struct Suite {
  std::vector<const Decision*> decisions;
  std::size_t failures = 0, skipped = 0;
};

std::map<std::string, Suite> suites_of(const Verdict& verdict) {
  std::map<std::string, Suite> suites;
  for (const auto& d : verdict.decisions) {
    Suite& s = suites[fmt::format("hookguard.{}", to_string(d.finding.detector))];
    s.decisions.push_back(&d);
    s.failures += d.action == Action::block;
    s.skipped += d.action == Action::suppressed || d.action == Action::baselined;
  }
  return suites;
}

struct Counts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
};

void open_suite(std::ostream& out, const std::string& name, const Counts& c, const std::string& now) {
  out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"0\" timestamp=\"{}\">\n",
                     xml(name), c.tests, c.failures, c.errors, c.skipped, now);
}

void write_finding_suites(std::ostream& out, const std::map<std::string, Suite>& suites, const RuleTable& rules, const std::string& now) {
  for (const auto& [name, s] : suites) {
    open_suite(out, name, {s.decisions.size(), s.failures, 0, s.skipped}, now);
    for (const Decision* d : s.decisions) write_testcase(out, *d, rules.rule(d->finding.rule_id));
    out << "  </testsuite>\n";
  }
}

void write_error_suite(std::ostream& out, const std::vector<ToolError>& errors, const std::string& now) {
  if (errors.empty()) return;
  open_suite(out, "hookguard.errors", {errors.size(), 0, errors.size(), 0}, now);
  for (const auto& e : errors) write_error_case(out, e);
  out << "  </testsuite>\n";
}

void write_passing_suite(std::ostream& out, const std::string& hook, const std::string& now) {
  open_suite(out, "hookguard", {1, 0, 0, 0}, now);
  out << fmt::format("    <testcase name=\"{}: no findings\" classname=\"hookguard\" time=\"0\"/>\n", xml(hook.empty() ? "scan" : hook));
  out << "  </testsuite>\n";
}

}  // namespace

void write_junit(std::ostream& out, const ScanResult& result, const ReportOptions& options) {
  const Report& r = result.report;
  RuleTable rules(r.verdict, *result.catalog);
  std::string now = options.now.empty() ? util::rfc3339_utc(std::chrono::system_clock::now()) : options.now;
  now = now.substr(0, 19);  // JUnit's timestamp is xs:dateTime without a zone
  auto suites = suites_of(r.verdict);
  Counts total{r.verdict.decisions.size() + r.errors.size(), 0, r.errors.size(), 0};
  for (const auto& [name, s] : suites) total.failures += s.failures, total.skipped += s.skipped;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"hookguard\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{:.3f}\">\n",
                     std::max<std::size_t>(total.tests, 1), total.failures, total.errors, total.skipped, r.stats.duration_ms / 1000.0);
  write_finding_suites(out, suites, rules, now);
  write_error_suite(out, r.errors, now);
  if (total.tests == 0) write_passing_suite(out, options.hook, now);
  out << "</testsuites>\n";
}

}  // namespace hookguard::report
