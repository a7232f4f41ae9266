// The rule catalog: every rule of every detector with its id, aliases, title, severity and help.
// Loaded once from config/rules/*.yaml (embedded in the binary) plus user rule files; immutable
// afterwards and shared by threads. Feeds the detectors, `hookguard rules`, SARIF rules[] and docs.
#pragma once

#include <hookguard/types.hpp>

#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace hookguard {

// Rule-specific options, e.g. trusted_registries: [a, b]. Scalars are one-element lists.
using RuleOptions = std::map<std::string, std::vector<std::string>>;

struct RuleInfo {
  std::string id;
  std::vector<std::string> aliases;  // "tool:code" (CONTRACTS.md §4)
  std::string title;
  Severity severity = Severity::medium;  // default; Config may override
  std::string help;
  DetectorKind detector = DetectorKind::secrets;
  RuleOptions options;  // defaults from the rule file
  std::string source;   // "secrets.yaml:123" for error messages
};

class RuleCatalog {
 public:
  void add(RuleInfo rule);
  void reserve(std::size_t rules);
  // By id, alias ("hadolint:DL3006"), or bare hadolint/checkov code ("DL3006", "CKV_K8S_16").
  const RuleInfo* find(std::string_view id_or_alias) const;
  const std::vector<RuleInfo>& rules() const { return m_rules; }
  // Does `name` (id, alias or bare code) name this rule? Unlike find(), true for every rule that
  // shares an alias (PSS:hostNamespaces names the host network, PID and IPC rules).
  bool refers_to(std::string_view name, const RuleInfo& rule) const;
  // Ids matched by a glob such as "secret-*" (for config allow entries).
  std::vector<const RuleInfo*> match(std::string_view glob) const;

 private:
  std::vector<RuleInfo> m_rules;
  std::unordered_map<std::string, std::size_t> m_index;  // id, alias, bare code -> rule
};

}  // namespace hookguard
