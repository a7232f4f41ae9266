#include <hookguard/rule_catalog.hpp>

#include "util/glob.hpp"

namespace hookguard {
namespace {

// "hadolint:DL3006" -> "DL3006": hadolint (DLxxxx, SCxxxx) and checkov (CKV_...) codes are
// accepted bare, so existing inline ignores keep working (CONTRACTS.md §4).
std::string_view bare_code(std::string_view alias) {
  auto colon = alias.find(':');
  if (colon == std::string_view::npos) return {};
  auto tool = alias.substr(0, colon);
  if (tool == "hadolint" || tool == "checkov" || tool == "shellcheck") return alias.substr(colon + 1);
  return {};
}

}  // namespace

void RuleCatalog::add(RuleInfo rule) {
  std::size_t index = m_rules.size();
  m_index[rule.id] = index;
  for (const auto& alias : rule.aliases) {
    m_index.emplace(alias, index);
    if (auto code = bare_code(alias); !code.empty()) m_index.emplace(std::string(code), index);
  }
  m_rules.push_back(std::move(rule));
}

void RuleCatalog::reserve(std::size_t rules) {
  m_rules.reserve(rules);
  m_index.reserve(rules * 2);
}

const RuleInfo* RuleCatalog::find(std::string_view id_or_alias) const {
  auto it = m_index.find(std::string(id_or_alias));
  return it == m_index.end() ? nullptr : &m_rules[it->second];
}

bool RuleCatalog::refers_to(std::string_view name, const RuleInfo& rule) const {
  if (name == rule.id) return true;
  for (const auto& alias : rule.aliases)
    if (alias == name || bare_code(alias) == name) return true;
  return false;
}

std::vector<const RuleInfo*> RuleCatalog::match(std::string_view glob) const {
  std::vector<const RuleInfo*> out;
  if (const RuleInfo* exact = find(glob)) {
    out.push_back(exact);
    return out;
  }
  for (const auto& rule : m_rules)
    if (util::wildcard_match(glob, rule.id)) out.push_back(&rule);
  return out;
}

}  // namespace hookguard
