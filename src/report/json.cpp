// JSON report, schema version 1 (CONTRACTS.md §3; documented in docs/json-schema.md).
#include "report/report.hpp"

#include "util/json.hpp"

namespace hookguard::report {
namespace {

void write_finding(util::JsonWriter& w, const Decision& d, const RuleCatalog& catalog) {
  const Finding& f = d.finding;
  const RuleInfo* rule = catalog.find(f.rule_id);
  bool in_file = f.location == LocationKind::file;
  w.begin_object();
  w.field("rule_id", f.rule_id);
  w.string_array("aliases", rule ? rule->aliases : std::vector<std::string>{});
  w.field("detector", to_string(f.detector));
  w.field("severity", to_string(f.severity));
  w.field("title", rule ? rule->title : f.rule_id);
  w.field("message", f.message);
  w.field("location", to_string(f.location));
  if (in_file) w.field("path", f.path); else w.key("path").null();
  w.key("line").value(f.line).key("column").value(f.column);
  w.key("end_line").value(f.end_line).key("end_column").value(f.end_column);
  w.field_or_null("commit", f.commit);
  w.field_or_null("ref", f.ref);
  w.field("excerpt", f.excerpt);
  w.field_or_null("validation", f.validation);
  w.field("fingerprint", f.fingerprint);
  w.field("action", to_string(d.action));
  w.field("reason", d.reason);
  if (!f.also_matched.empty()) w.string_array("also_matched", f.also_matched);
  w.end_object();
}

void write_summary(util::JsonWriter& w, const Report& r) {
  std::uint64_t counts[5] = {};
  for (const auto& d : r.verdict.decisions) ++counts[std::size_t(d.action)];
  w.key("summary").begin_object();
  w.field("outcome", to_string(r.verdict.outcome));
  w.key("files").value(r.stats.files).key("bytes").value(r.stats.bytes);
  if (r.stats.commits) w.key("commits").value(r.stats.commits);
  w.key("duration_ms").value(r.stats.duration_ms);
  w.key("skipped").begin_object();
  w.key("binary").value(r.stats.skipped_binary).key("oversize").value(r.stats.skipped_oversize);
  w.key("helm_template").value(r.stats.skipped_helm_template).key("gitlink").value(r.stats.skipped_gitlink);
  w.end_object();
  w.key("counts").begin_object();
  for (auto a : {Action::block, Action::audit, Action::info, Action::suppressed, Action::baselined})
    w.key(to_string(a)).value(counts[std::size_t(a)]);
  w.end_object();
  w.key("unconfirmed_hits").value(r.stats.unconfirmed_hits);
  w.key("errors").begin_array();
  for (const auto& e : r.errors) {
    w.begin_object().field("path", e.path).key("line").value(e.line).field("message", e.message).end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

void write_json(std::ostream& out, const ScanResult& result, const ReportOptions&) {
  util::JsonWriter w(out);
  w.begin_object().key("version").value(1);
  w.key("findings").begin_array();
  for (const auto& d : result.report.verdict.decisions) write_finding(w, d, *result.catalog);
  w.end_array();
  write_summary(w, result.report);
  w.end_object();
  out << '\n';
}

}  // namespace hookguard::report
