#include "report/rule_table.hpp"

namespace hookguard::report {
namespace {

RuleInfo rule_for(const Finding& f, const RuleCatalog& catalog) {
  RuleInfo rule;
  if (const RuleInfo* known = catalog.find(f.rule_id)) rule = *known;
  rule.id = f.rule_id;
  rule.severity = f.severity;
  rule.detector = f.detector;
  if (rule.title.empty()) rule.title = f.rule_id;
  if (rule.help.empty()) rule.help = rule.title;
  return rule;
}

}  // namespace

RuleTable::RuleTable(const Verdict& verdict, const RuleCatalog& catalog) {
  for (const auto& d : verdict.decisions) {
    if (m_index.count(d.finding.rule_id)) continue;
    m_index.emplace(d.finding.rule_id, m_rules.size());
    m_rules.push_back(rule_for(d.finding, catalog));
  }
}

}  // namespace hookguard::report
