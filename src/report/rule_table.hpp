// The rules a verdict refers to, in order of first use: SARIF's tool.driver.rules[] (results point
// into it by index) and the titles the other machine formats show.
#pragma once

#include <hookguard/rule_catalog.hpp>
#include <hookguard/types.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::report {

class RuleTable {
 public:
  // A rule missing from the catalog (a stale id) gets an entry made from its findings. Each
  // entry's severity is the effective one of its findings (config overrides applied).
  RuleTable(const Verdict& verdict, const RuleCatalog& catalog);
  const std::vector<RuleInfo>& rules() const { return m_rules; }
  std::uint64_t index_of(const std::string& id) const { return m_index.at(id); }
  const RuleInfo& rule(const std::string& id) const { return m_rules[m_index.at(id)]; }
  const std::string& title_of(const std::string& id) const { return rule(id).title; }

 private:
  std::vector<RuleInfo> m_rules;
  std::map<std::string, std::size_t> m_index;
};

}  // namespace hookguard::report
