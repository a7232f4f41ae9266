// Human report (CONTRACTS.md §5): `path:line:col: rule-id (alias) [severity] title`, the redacted
// excerpt, one line of help; a summary line ends every report. Terminal escape sequences in file
// names or content are neutralised: a file name must not rewrite the reader's terminal.
#include "report/report.hpp"

#include <fmt/format.h>

namespace hookguard::report {
namespace {

}  // namespace

std::string safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    if (c == 0x1b) out += "\\e";
    else if (c < 0x20 || c == 0x7f) out += fmt::format("\\x{:02x}", c);
    else out += char(c);
  }
  return out;
}

namespace {

const char* color_of(Action a) {
  switch (a) {
    case Action::block: return "\x1b[1;31m";
    case Action::audit: return "\x1b[33m";
    default: return "\x1b[2m";
  }
}

std::string where(const Finding& f) {
  if (f.location != LocationKind::file) {
    std::string what(to_string(f.location));
    if (!f.commit.empty()) return fmt::format("{} {}", what, f.commit.substr(0, 12));
    return fmt::format("{} {}", what, safe(f.ref));
  }
  std::string loc = fmt::format("{}:{}:{}", safe(f.path), f.line, f.column);
  if (!f.commit.empty()) loc = fmt::format("{}@{}", f.commit.substr(0, 12), loc);
  return loc;
}

bool shown(const Decision& d, const ReportOptions& o) {
  return o.verbose || d.action == Action::block || d.action == Action::audit;
}

void write_decision(std::ostream& out, const Decision& d, const RuleCatalog& catalog, const ReportOptions& o) {
  const Finding& f = d.finding;
  const RuleInfo* rule = catalog.find(f.rule_id);
  std::string alias = rule && !rule->aliases.empty() ? fmt::format(" ({})", rule->aliases.front()) : "";
  std::string prefix = o.gitlab && d.action == Action::block ? "GL-HOOK-ERR: " : "";
  std::string tag = d.action == Action::block ? "" : fmt::format(" {{{}}}", to_string(d.action));
  std::string head = fmt::format("{}{}: {}{} [{}] {}{}", prefix, where(f), f.rule_id, alias, to_string(f.severity),
                                 rule ? safe(rule->title) : "", tag);
  if (o.color) head = fmt::format("{}{}\x1b[0m", color_of(d.action), head);
  out << head << '\n';
  // The message says what is wrong here (which packages are unpinned, ...) unless it only
  // repeats the title.
  if (rule && !f.message.empty() && f.message.rfind(rule->title, 0) != 0) out << prefix << "    " << safe(f.message) << '\n';
  if (!f.excerpt.empty()) out << prefix << "    " << safe(f.excerpt) << '\n';
  if (d.action == Action::block && rule) out << prefix << "    help: " << safe(rule->help) << '\n';
  if (o.verbose || d.action != Action::block) out << prefix << "    (" << safe(d.reason) << ")\n";
}

}  // namespace

void write_errors(std::ostream& out, const Report& report) {
  for (const auto& e : report.errors) {
    if (e.line) out << fmt::format("hookguard: {}:{}: {}\n", safe(e.path), e.line, safe(e.message));
    else out << fmt::format("hookguard: {}: {}\n", safe(e.path), safe(e.message));
  }
  if (!report.errors.empty()) out << "hookguard: could not scan everything: failing closed (exit 2)\n";
}

void write_text(std::ostream& out, const ScanResult& result, const ReportOptions& o) {
  const Report& r = result.report;
  std::uint64_t counts[5] = {};
  for (const auto& d : r.verdict.decisions) {
    ++counts[std::size_t(d.action)];
    if (shown(d, o)) write_decision(out, d, *result.catalog, o);
  }
  if (o.verbose) {
    for (const auto& s : r.stats.skipped_paths) out << "skipped: " << safe(s) << '\n';
    for (const auto& n : r.notices) out << "note: " << safe(n) << '\n';
  }
  std::string skipped;
  if (r.stats.skipped_binary) skipped += fmt::format(", {} binary skipped", r.stats.skipped_binary);
  if (r.stats.skipped_oversize) skipped += fmt::format(", {} too large", r.stats.skipped_oversize);
  if (r.stats.skipped_helm_template) skipped += fmt::format(", {} Helm templates not linted", r.stats.skipped_helm_template);
  if (r.stats.skipped_gitlink) skipped += fmt::format(", {} submodules skipped", r.stats.skipped_gitlink);
  out << fmt::format("hookguard: {}: {} blocking, {} audited, {} info, {} suppressed, {} baselined; {} files{}{} in {} ms\n",
                     to_string(r.verdict.outcome), counts[0], counts[1], counts[2], counts[3], counts[4], r.stats.files,
                     r.stats.commits ? fmt::format(", {} commits", r.stats.commits) : "", skipped, r.stats.duration_ms);
}

}  // namespace hookguard::report
