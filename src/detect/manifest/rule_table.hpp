// The manifest rules resolved against the catalog and the config once, when the detector is
// built: scan() then reads plain values from any thread.
#pragma once

#include <hookguard/detector.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hookguard::manifest {

struct ActiveRule {
  const RuleInfo* info = nullptr;
  Severity severity = Severity::medium;
};

class RuleTable {
 public:
  explicit RuleTable(const DetectorContext& ctx);

  // The rule if it is in the catalog and enabled, else nullptr (the check is skipped).
  const ActiveRule* find(std::string_view id) const;
  // Option value under the config (rule_option), empty when the rule is unknown.
  std::vector<std::string> option(std::string_view id, const std::string& name) const;
  // For peer suppressions, which name rules by alias or bare code.
  const RuleCatalog& catalog() const { return m_catalog; }
  // False only with --no-redact: secrets are then shown in excerpts.
  bool redact() const { return m_redact; }

 private:
  // Lookups by string_view without building a std::string (scan() asks once per finding).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  const RuleCatalog& m_catalog;
  bool m_redact = true;
  std::unordered_map<std::string, ActiveRule, Hash, std::equal_to<>> m_active;
  std::unordered_map<std::string, RuleOptions> m_options;
};

}  // namespace hookguard::manifest
