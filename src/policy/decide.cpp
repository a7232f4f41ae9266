#include "policy/decide.hpp"

#include "util/glob.hpp"

#include <fmt/format.h>

namespace hookguard::policy {
namespace {

Severity one_below(Severity s) { return s == Severity::info ? s : Severity(int(s) - 1); }

const HookConfig* hook_config(const Config& config, const std::string& hook) {
  auto it = config.hooks.find(hook == "pre-merge-commit" ? "pre-commit" : hook);
  return it == config.hooks.end() ? nullptr : &it->second;
}

const AllowEntry* allow_entry(const Config& config, const RuleCatalog& catalog, const Finding& f) {
  for (const auto& entry : config.allow) {
    bool rule_ok = entry.rules.empty();
    const RuleInfo* rule = catalog.find(f.rule_id);
    for (const auto& r : entry.rules)
      if (util::wildcard_match(r, f.rule_id) || (rule && catalog.refers_to(r, *rule))) rule_ok = true;
    if (!rule_ok) continue;
    bool path_ok = entry.paths.empty();
    for (const auto& p : entry.paths)
      if (!f.rel_path.empty() && util::gitignore_match(p, f.rel_path)) path_ok = true;
    if (path_ok) return &entry;
  }
  return nullptr;
}

Decision judge(const Config& config, const RuleCatalog& catalog, const std::string& hook, Finding f,
               const std::set<std::string>& baseline) {
  Decision d;
  const HookConfig* hc = hook_config(config, hook);
  auto mode = hc && hc->inline_suppressions ? *hc->inline_suppressions
                                            : (hook == "pre-receive" ? InlineSuppressions::audit : InlineSuppressions::honour);
  auto t = thresholds_for(config, hook, f.detector);
  if (const AllowEntry* entry = allow_entry(config, catalog, f)) {
    d.action = Action::suppressed;
    d.reason = fmt::format("config allow ({}): {}", entry->source, entry->reason);
  } else if (!f.suppressed_by.empty() && mode == InlineSuppressions::honour) {
    d.action = Action::suppressed;
    d.reason = f.suppressed_by;
  } else if (!f.suppressed_by.empty() && mode == InlineSuppressions::audit && f.severity >= t.audit) {
    d.action = Action::audit;
    d.reason = fmt::format("{} (recorded: this hook audits inline suppressions in pushed content)", f.suppressed_by);
  } else if (baseline.count(f.fingerprint)) {
    d.action = Action::baselined;
    d.reason = "in the baseline";
  } else if (f.severity >= t.block) {
    d.action = Action::block;
    d.reason = fmt::format("severity {} >= block level {}", to_string(f.severity), to_string(t.block));
  } else if (f.severity >= t.audit) {
    d.action = Action::audit;
    d.reason = fmt::format("severity {} >= audit level {}", to_string(f.severity), to_string(t.audit));
  } else {
    d.action = Action::info;
    d.reason = fmt::format("severity {} below the audit level {}", to_string(f.severity), to_string(t.audit));
  }
  d.finding = std::move(f);
  return d;
}

}  // namespace

Thresholds thresholds_for(const Config& config, const std::string& hook, DetectorKind detector) {
  Thresholds t;
  t.block = config.block;
  const DetectorConfig& dc = config.detector(detector);
  if (dc.block) t.block = *dc.block;
  const HookConfig* hc = hook_config(config, hook);
  if (hc && hc->block) t.block = *hc->block;
  t.audit = config.audit ? *config.audit : one_below(t.block);
  if (hc && hc->audit) t.audit = *hc->audit;
  if (t.audit > t.block) t.audit = t.block;
  return t;
}

Verdict decide(const Config& config, const RuleCatalog& catalog, const std::string& hook, std::vector<Finding> findings,
               const std::set<std::string>& baseline) {
  Verdict v;
  for (auto& f : findings) {
    bool unchanged = f.unchanged;
    Decision d = judge(config, catalog, hook, std::move(f), baseline);
    if (unchanged && (d.action == Action::block || d.action == Action::audit)) {
      d.action = Action::info;
      d.reason = "already there: not on a changed line";
    }
    if (d.action == Action::block) v.outcome = Outcome::block;
    else if (d.action == Action::audit && v.outcome == Outcome::pass) v.outcome = Outcome::audit;
    v.decisions.push_back(std::move(d));
  }
  return v;
}

}  // namespace hookguard::policy
