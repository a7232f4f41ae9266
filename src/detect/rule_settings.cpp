// Effective rule settings under a config: overrides may name a rule by id or by any alias.
#include <hookguard/detector.hpp>

namespace hookguard {
namespace {

const RuleOverride* find_override(const DetectorContext& ctx, const RuleInfo& rule) {
  if (auto it = ctx.config.rules.find(rule.id); it != ctx.config.rules.end()) return &it->second;
  for (const auto& [key, value] : ctx.config.rules)
    if (ctx.catalog.refers_to(key, rule)) return &value;
  return nullptr;
}

}  // namespace

bool rule_enabled(const DetectorContext& ctx, const RuleInfo& rule) {
  if (!ctx.config.detector(rule.detector).enabled) return false;
  const RuleOverride* o = find_override(ctx, rule);
  return !(o && o->enabled && !*o->enabled);
}

Severity rule_severity(const DetectorContext& ctx, const RuleInfo& rule) {
  const RuleOverride* o = find_override(ctx, rule);
  return o && o->severity ? *o->severity : rule.severity;
}

std::vector<std::string> rule_option(const DetectorContext& ctx, const RuleInfo& rule, const std::string& name) {
  if (const RuleOverride* o = find_override(ctx, rule))
    if (auto it = o->options.find(name); it != o->options.end()) return it->second;
  if (auto it = rule.options.find(name); it != rule.options.end()) return it->second;
  return {};
}

}  // namespace hookguard
