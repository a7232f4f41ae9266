// SARIF 2.1.0 for GitHub code scanning, GitLab and other SARIF consumers (docs/reports.md).
// Findings without a file (commit and tag messages, refs) and tool errors become
// invocations[0].toolExecutionNotifications: code scanning rejects a result without a location.
// Columns: findings carry byte columns and no line text, so regions hold lines only (a SARIF
// region without columns spans whole lines); the byte columns stay in result.properties.
#include "report/report.hpp"
#include "report/rule_table.hpp"

#include "util/json.hpp"

#include <fmt/format.h>

namespace hookguard::report {
namespace {

constexpr std::string_view k_schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const char* level_of(Action a) {
  switch (a) {
    case Action::block: return "error";
    case Action::audit: return "warning";
    default: return "note";
  }
}

const char* level_of(Severity s) {
  if (s >= Severity::high) return "error";
  return s == Severity::medium ? "warning" : "note";
}

// GitHub code scanning reads properties.security-severity as a CVSS-like score.
const char* security_severity(Severity s) {
  switch (s) {
    case Severity::critical: return "9.5";
    case Severity::high: return "8.0";
    case Severity::medium: return "5.5";
    case Severity::low: return "3.0";
    default: return "0.0";
  }
}

// "secret-github-pat" -> "SecretGithubPat": SARIF's reportingDescriptor.name is an identifier.
std::string pascal_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_' || c == ':') {
      upper = true;
    } else {
      out += upper && c >= 'a' && c <= 'z' ? char(c - 'a' + 'A') : c;
      upper = false;
    }
  }
  return out;
}

// RFC 3986 path: unreserved characters and '/' stay, every other byte is %XX (UTF-8 included).
std::string uri_encode(std::string_view path) {
  if (path.substr(0, 2) == "./") path.remove_prefix(2);
  std::string out;
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) out += char(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string help_markdown(const RuleInfo& rule) {
  std::string md = fmt::format("**{}**\n\n{}", rule.title, rule.help);
  if (!rule.aliases.empty()) {
    md += "\n\nAlso known as:";
    for (const auto& a : rule.aliases) md += fmt::format(" `{}`", a);
  }
  return md;
}

void write_rule(util::JsonWriter& w, const RuleInfo& rule) {
  w.begin_object();
  w.field("id", rule.id).field("name", pascal_case(rule.id));
  w.key("shortDescription").begin_object().field("text", rule.title).end_object();
  w.key("fullDescription").begin_object().field("text", rule.help).end_object();
  w.key("help").begin_object().field("text", rule.help).field("markdown", help_markdown(rule)).end_object();
  w.key("defaultConfiguration").begin_object().field("level", level_of(rule.severity)).end_object();
  w.key("properties").begin_object();
  w.string_array("tags", {"security", std::string(to_string(rule.detector))});
  w.field("security-severity", security_severity(rule.severity));
  w.field("severity", to_string(rule.severity));
  w.string_array("aliases", rule.aliases);
  w.end_object();
  w.end_object();
}

void write_tool(util::JsonWriter& w, const RuleTable& rules) {
  w.key("tool").begin_object().key("driver").begin_object();
  w.field("name", "hookguard").field("version", HOOKGUARD_VERSION).field("semanticVersion", HOOKGUARD_VERSION);
#ifdef HOOKGUARD_HOMEPAGE  // the build sets it from project(HOMEPAGE_URL) once the project has one
  w.field("informationUri", HOOKGUARD_HOMEPAGE);
#endif
  w.key("rules").begin_array();
  for (const auto& rule : rules.rules()) write_rule(w, rule);
  w.end_array();
  w.end_object().end_object();
}

void write_finding_properties(util::JsonWriter& w, const Decision& d) {
  const Finding& f = d.finding;
  w.key("properties").begin_object();
  w.field_or_null("commit", f.commit);
  w.field_or_null("ref", f.ref);
  w.field("action", to_string(d.action)).field("reason", d.reason);
  w.field("severity", to_string(f.severity)).field("detector", to_string(f.detector));
  w.field("excerpt", f.excerpt);
  w.field_or_null("validation", f.validation);
  if (f.location == LocationKind::file) w.key("byteColumn").value(f.column).key("byteEndColumn").value(f.end_column);
  if (f.location != LocationKind::file) w.field("fingerprint", f.fingerprint);
  w.end_object();
}

void write_location(util::JsonWriter& w, const Finding& f) {
  std::uint32_t start = std::max<std::uint32_t>(f.line, 1);
  w.key("locations").begin_array().begin_object().key("physicalLocation").begin_object();
  w.key("artifactLocation").begin_object();
  w.field("uri", uri_encode(f.rel_path.empty() ? f.path : f.rel_path)).field("uriBaseId", "%SRCROOT%");
  w.end_object();
  w.key("region").begin_object();
  w.key("startLine").value(start).key("endLine").value(std::max(f.end_line, start));
  w.end_object();
  w.end_object().end_object().end_array();
}

void write_suppressions(util::JsonWriter& w, const Decision& d) {
  if (d.action != Action::suppressed && d.action != Action::baselined) return;
  // In-source: a comment in the scanned file; external: config allowlist or baseline file.
  bool in_source = d.action == Action::suppressed && d.reason.rfind("config allow", 0) != 0;
  w.key("suppressions").begin_array().begin_object();
  w.field("kind", in_source ? "inSource" : "external").field("status", "accepted").field("justification", d.reason);
  w.end_object().end_array();
}

void write_result(util::JsonWriter& w, const Decision& d, const RuleTable& rules) {
  const Finding& f = d.finding;
  w.begin_object();
  w.field("ruleId", f.rule_id).key("ruleIndex").value(rules.index_of(f.rule_id));
  w.field("level", level_of(d.action));
  w.key("message").begin_object().field("text", f.message.empty() ? rules.title_of(f.rule_id) : f.message).end_object();
  write_location(w, f);
  w.key("partialFingerprints").begin_object().field("hookguard/v1", f.fingerprint).end_object();
  write_suppressions(w, d);
  write_finding_properties(w, d);
  w.end_object();
}

void write_notification(util::JsonWriter& w, const Decision& d, const RuleTable& rules) {
  const Finding& f = d.finding;
  std::string where = f.commit.empty() ? f.ref : f.commit;
  w.begin_object();
  w.field("level", level_of(d.action));
  w.key("message").begin_object().field("text", fmt::format("{} {}: {}", to_string(f.location), where, f.message)).end_object();
  w.key("associatedRule").begin_object().field("id", f.rule_id).key("index").value(rules.index_of(f.rule_id)).end_object();
  write_finding_properties(w, d);
  w.end_object();
}

void write_error(util::JsonWriter& w, const ToolError& e) {
  std::string where = e.line ? fmt::format("{}:{}", e.path, e.line) : e.path;
  w.begin_object();
  w.field("level", "error");
  w.key("message").begin_object().field("text", fmt::format("{}: {}", where, e.message)).end_object();
  w.key("properties").begin_object().field("path", e.path).key("line").value(e.line).end_object();
  w.end_object();
}

void write_invocation(util::JsonWriter& w, const Report& r, const RuleTable& rules) {
  w.key("invocations").begin_array().begin_object();
  w.key("executionSuccessful").value(r.errors.empty());
  w.key("toolExecutionNotifications").begin_array();
  for (const auto& d : r.verdict.decisions)
    if (d.finding.location != LocationKind::file) write_notification(w, d, rules);
  for (const auto& e : r.errors) write_error(w, e);
  w.end_array();
  w.end_object().end_array();
}

void write_run_properties(util::JsonWriter& w, const Report& r, const ReportOptions& options) {
  w.key("properties").begin_object();
  w.field("hook", options.hook.empty() ? "scan" : options.hook);
  w.field("outcome", to_string(r.verdict.outcome));
  w.key("files").value(r.stats.files).key("durationMs").value(r.stats.duration_ms);
  w.end_object();
}

}  // namespace

void write_sarif(std::ostream& out, const ScanResult& result, const ReportOptions& options) {
  const Report& r = result.report;
  RuleTable rules(r.verdict, *result.catalog);
  util::JsonWriter w(out, true);
  w.begin_object().field("$schema", k_schema).field("version", "2.1.0");
  w.key("runs").begin_array().begin_object();
  write_tool(w, rules);
  write_invocation(w, r, rules);
  w.field("columnKind", "unicodeCodePoints");
  w.key("results").begin_array();
  for (const auto& d : r.verdict.decisions)
    if (d.finding.location == LocationKind::file) write_result(w, d, rules);
  w.end_array();
  write_run_properties(w, r, options);
  w.end_object().end_array().end_object();
  out << '\n';
}

}  // namespace hookguard::report
