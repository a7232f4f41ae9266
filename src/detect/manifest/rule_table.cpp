#include "detect/manifest/rule_table.hpp"

namespace hookguard::manifest {

RuleTable::RuleTable(const DetectorContext& ctx) : m_catalog(ctx.catalog), m_redact(ctx.config.redact) {
  for (const RuleInfo& rule : ctx.catalog.rules()) {
    if (rule.detector != DetectorKind::manifest) continue;
    RuleOptions& options = m_options[rule.id];
    for (const auto& [name, defaults] : rule.options) options[name] = rule_option(ctx, rule, name);
    if (rule_enabled(ctx, rule)) m_active.emplace(rule.id, ActiveRule{&rule, rule_severity(ctx, rule)});
  }
}

const ActiveRule* RuleTable::find(std::string_view id) const {
  auto it = m_active.find(id);
  return it == m_active.end() ? nullptr : &it->second;
}

std::vector<std::string> RuleTable::option(std::string_view id, const std::string& name) const {
  auto rule = m_options.find(std::string(id));
  if (rule == m_options.end()) return {};
  auto value = rule->second.find(name);
  return value == rule->second.end() ? std::vector<std::string>{} : value->second;
}

}  // namespace hookguard::manifest
