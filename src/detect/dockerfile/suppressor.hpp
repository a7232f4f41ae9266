// Matches findings against hadolint ignore pragmas in O((findings + pragma codes) log n): each
// pragma code is resolved once to a catalog rule (or, for codes that name no rule such as
// shellcheck's SC2086, kept as written), its covered line range indexed per rule. Afterwards it
// tells which codes suppressed nothing.
#pragma once

#include "detect/dockerfile/pragmas.hpp"

#include <hookguard/rule_catalog.hpp>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

namespace hookguard::dockerfile {

class Suppressor {
 public:
  Suppressor(const Pragmas& pragmas, const RuleCatalog& catalog);

  // The label of a pragma covering `rule` (or the peer `code`, e.g. "SC2086") at `line`
  // ("hadolint ignore=DL3008 (line 3)"), or empty. Records the hit for unused().
  std::string cover(const RuleInfo& rule, std::string_view code, std::uint32_t line);

  struct Unused {
    const IgnorePragma* pragma;
    std::vector<std::string> codes;
  };
  // Pragma codes that covered no recorded hit; `worth` filters codes worth reporting. Call
  // after every cover().
  template <typename Worth>
  std::vector<Unused> unused(Worth worth);

 private:
  struct Entry {
    std::uint32_t first, last;
    std::size_t pragma, code;
  };
  struct Group {
    std::vector<Entry> entries;          // by first
    std::vector<std::size_t> best;       // per prefix: entry with the greatest last
    std::vector<std::uint32_t> hits;     // recorded hit lines, sorted by unused()
  };
  static bool entry_used(const Group& g, const Entry& e);
  std::string cover_key(const std::string& key, std::uint32_t line);

  const Pragmas& m_pragmas;
  std::unordered_map<std::string, Group> m_groups;  // rule id, or the code as written
};

template <typename Worth>
std::vector<Suppressor::Unused> Suppressor::unused(Worth worth) {
  for (auto& [rule, g] : m_groups) std::sort(g.hits.begin(), g.hits.end());
  std::vector<std::vector<std::string>> per_pragma(m_pragmas.ignores.size());
  for (const auto& [rule, g] : m_groups)
    for (const auto& e : g.entries)
      if (!entry_used(g, e) && worth(m_pragmas.ignores[e.pragma].codes[e.code])) per_pragma[e.pragma].push_back(m_pragmas.ignores[e.pragma].codes[e.code]);
  std::vector<Unused> out;
  for (std::size_t i = 0; i < per_pragma.size(); ++i)
    if (!per_pragma[i].empty()) out.push_back({&m_pragmas.ignores[i], std::move(per_pragma[i])});
  return out;
}

}  // namespace hookguard::dockerfile
