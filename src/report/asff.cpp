// AWS Security Finding Format for Security Hub's BatchImportFindings: a JSON array of findings,
// one per decision (suppressed and baselined ones with Workflow.Status SUPPRESSED), with every
// required attribute within its documented length limit (docs/reports.md).
#include "report/report.hpp"
#include "report/rule_table.hpp"

#include "util/clock.hpp"
#include "util/json.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <map>

namespace hookguard::report {
namespace {

struct AwsTarget {
  std::string account, region, partition;
};

std::string from_env(const std::string& configured, std::initializer_list<const char*> names) {
  if (!configured.empty()) return configured;
  for (const char* name : names)
    if (const char* v = std::getenv(name); v && *v) return v;
  return {};
}

std::string partition_of(const std::string& region) {
  if (region.rfind("cn-", 0) == 0) return "aws-cn";
  if (region.rfind("us-gov-", 0) == 0) return "aws-us-gov";
  return "aws";
}

// Importing under a made-up account fails or lands in the wrong place, so a missing account is an
// error rather than a placeholder.
AwsTarget aws_target(const ReportOptions& o) {
  AwsTarget t{from_env(o.aws_account_id, {"AWS_ACCOUNT_ID"}), from_env(o.aws_region, {"AWS_REGION", "AWS_DEFAULT_REGION"}), {}};
  bool account_ok = t.account.size() == 12 && t.account.find_first_not_of("0123456789") == std::string::npos;
  if (!account_ok)
    throw ReportError(fmt::format("ASFF needs a 12-digit AWS account id (asff.aws_account_id in the config, or AWS_ACCOUNT_ID); got '{}'", t.account));
  if (t.region.empty()) throw ReportError("ASFF needs an AWS region (asff.region in the config, or AWS_REGION / AWS_DEFAULT_REGION)");
  t.partition = partition_of(t.region);
  return t;
}

// At most `limit` bytes, cut on a UTF-8 character boundary (the limits count characters, so a
// byte limit is always within them).
std::string clip(std::string_view s, std::size_t limit) {
  if (s.size() <= limit) return std::string(s);
  std::size_t n = limit - 3;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n)) + "...";
}

const char* severity_label(Severity s) {
  switch (s) {
    case Severity::critical: return "CRITICAL";
    case Severity::high: return "HIGH";
    case Severity::medium: return "MEDIUM";
    case Severity::low: return "LOW";
    default: return "INFORMATIONAL";
  }
}

// Documented ASFF type namespaces ("namespace/category").
std::vector<std::string> types_of(DetectorKind d) {
  switch (d) {
    case DetectorKind::secrets: return {"Sensitive Data Identifications/Passwords", "Effects/Data Exposure"};
    case DetectorKind::pii: return {"Sensitive Data Identifications/PII", "Effects/Data Exposure"};
    default: return {"Software and Configuration Checks/Industry and Regulatory Standards"};
  }
}

std::string resource_id(const Finding& f) {
  std::string where;
  if (f.location == LocationKind::file) where = f.rel_path.empty() ? f.path : f.rel_path;
  else where = fmt::format("{}:{}", to_string(f.location), f.commit.empty() ? f.ref : f.commit);
  if (!f.commit.empty() && f.location == LocationKind::file) where = fmt::format("{}:{}", f.commit, where);
  return clip(where, 512);
}

// Unique within the batch and stable across runs: rule, fingerprint, commit; a repeat of the same
// secret in the same file (same fingerprint) gets "#2", "#3", ...
class IdMaker {
 public:
  std::string operator()(const Finding& f) {
    std::string id = fmt::format("hookguard/{}/{}", f.rule_id, f.fingerprint);
    if (!f.commit.empty()) id += "/" + f.commit;
    if (int n = ++m_seen[id]; n > 1) id += fmt::format("#{}", n);
    return clip(id, 512);
  }

 private:
  std::map<std::string, int> m_seen;
};

void write_string_map(util::JsonWriter& w, std::string_view key, const std::vector<std::pair<std::string, std::string>>& items) {
  w.key(key).begin_object();
  for (const auto& [k, v] : items)
    if (!v.empty()) w.field(k, clip(v, 2048));
  w.end_object();
}

void write_resource(util::JsonWriter& w, const Finding& f, const AwsTarget& t) {
  w.key("Resources").begin_array().begin_object();
  w.field("Type", "Other").field("Id", resource_id(f)).field("Partition", t.partition).field("Region", t.region);
  w.key("Details").begin_object();
  write_string_map(w, "Other", {{"path", f.rel_path.empty() ? f.path : f.rel_path},
                                {"line", f.line ? std::to_string(f.line) : ""},
                                {"commit", f.commit},
                                {"ref", f.ref}});
  w.end_object();
  w.end_object().end_array();
}

void write_finding(util::JsonWriter& w, const Decision& d, const RuleInfo& rule, const AwsTarget& t,
                   const std::string& id, const std::string& now) {
  const Finding& f = d.finding;
  bool suppressed = d.action == Action::suppressed || d.action == Action::baselined;
  w.begin_object();
  w.field("SchemaVersion", "2018-10-08").field("Id", id);
  w.field("ProductArn", fmt::format("arn:{}:securityhub:{}:{}:product/{}/default", t.partition, t.region, t.account, t.account));
  w.field("ProductName", "hookguard").field("CompanyName", "hookguard");
  w.field("GeneratorId", clip(f.rule_id, 512)).field("AwsAccountId", t.account).field("Region", t.region);
  w.string_array("Types", types_of(f.detector));
  w.field("CreatedAt", now).field("UpdatedAt", now);
  w.key("Severity").begin_object().field("Label", severity_label(f.severity)).field("Original", to_string(f.severity)).end_object();
  w.field("Title", clip(rule.title, 256));
  w.field("Description", clip(f.message.empty() ? rule.title : f.message, 1024));
  w.key("Remediation").begin_object().key("Recommendation").begin_object().field("Text", clip(rule.help, 512)).end_object().end_object();
  write_string_map(w, "ProductFields", {{"hookguard/rule_id", f.rule_id}, {"hookguard/fingerprint", f.fingerprint},
                                        {"hookguard/action", std::string(to_string(d.action))}, {"hookguard/reason", d.reason},
                                        {"hookguard/detector", std::string(to_string(f.detector))},
                                        {"hookguard/location", std::string(to_string(f.location))}});
  write_resource(w, f, t);
  w.key("Workflow").begin_object().field("Status", suppressed ? "SUPPRESSED" : "NEW").end_object();
  w.field("RecordState", "ACTIVE");
  w.end_object();
}

}  // namespace

void write_asff(std::ostream& out, const ScanResult& result, const ReportOptions& options) {
  AwsTarget target = aws_target(options);
  RuleTable rules(result.report.verdict, *result.catalog);
  std::string now = options.now.empty() ? util::rfc3339_utc(std::chrono::system_clock::now()) : options.now;
  IdMaker make_id;
  util::JsonWriter w(out, true);
  w.begin_array();
  for (const auto& d : result.report.verdict.decisions)
    write_finding(w, d, rules.rule(d.finding.rule_id), target, make_id(d.finding), now);
  w.end_array();
  out << '\n';
}

}  // namespace hookguard::report
