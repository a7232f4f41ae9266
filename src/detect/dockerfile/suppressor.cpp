#include "detect/dockerfile/suppressor.hpp"

#include <algorithm>

namespace hookguard::dockerfile {

Suppressor::Suppressor(const Pragmas& pragmas, const RuleCatalog& catalog) : m_pragmas(pragmas) {
  for (std::size_t p = 0; p < pragmas.ignores.size(); ++p) {
    const auto& pragma = pragmas.ignores[p];
    for (std::size_t c = 0; c < pragma.codes.size(); ++c) {
      const RuleInfo* rule = catalog.find(pragma.codes[c]);
      m_groups[rule ? rule->id : pragma.codes[c]].entries.push_back({pragma.first, pragma.last, p, c});
    }
  }
  for (auto& [rule, g] : m_groups) {
    std::sort(g.entries.begin(), g.entries.end(), [](const Entry& a, const Entry& b) { return a.first < b.first; });
    for (std::size_t i = 0; i < g.entries.size(); ++i)
      g.best.push_back(i > 0 && g.entries[g.best[i - 1]].last >= g.entries[i].last ? g.best[i - 1] : i);
  }
}

std::string Suppressor::cover(const RuleInfo& rule, std::string_view code, std::uint32_t line) {
  std::string label = cover_key(rule.id, line);
  std::string by_code = code.empty() ? std::string() : cover_key(std::string(code), line);
  return label.empty() ? by_code : label;
}

std::string Suppressor::cover_key(const std::string& key, std::uint32_t line) {
  auto it = m_groups.find(key);
  if (it == m_groups.end()) return {};
  Group& g = it->second;
  g.hits.push_back(line);
  auto end = std::upper_bound(g.entries.begin(), g.entries.end(), line, [](std::uint32_t l, const Entry& e) { return l < e.first; });
  if (end == g.entries.begin()) return {};
  const Entry& e = g.entries[g.best[static_cast<std::size_t>(end - g.entries.begin()) - 1]];
  return e.last >= line ? m_pragmas.ignores[e.pragma].label() : std::string();
}

bool Suppressor::entry_used(const Group& g, const Entry& e) {
  auto it = std::lower_bound(g.hits.begin(), g.hits.end(), e.first);
  return e.first <= e.last && it != g.hits.end() && *it <= e.last;
}

}  // namespace hookguard::dockerfile
