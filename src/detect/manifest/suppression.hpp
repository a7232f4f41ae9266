// Peer tools' resource-scoped suppressions, honoured so a manifest that already passes checkov,
// kube-linter or Polaris with documented exceptions passes here too:
//   metadata.annotations  checkov.io/skip<N>: CKV_K8S_20=reason
//                         ignore-check.kube-linter.io/<check>: reason
//                         kube-linter.io/ignore-all: reason
//                         polaris.fairwinds.com/<check>-exempt: "true"
//                         polaris.fairwinds.com/exempt: "true"
//   a comment inside the resource   # checkov:skip=CKV_K8S_20:reason
// Ids resolve through the catalog (alias or bare code), so a suppression covers exactly the
// hookguard rule that means the same check.
#pragma once

#include "detect/manifest/yaml_view.hpp"

#include <hookguard/rule_catalog.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hookguard::manifest {

class Suppressions {
 public:
  // `annotations`: the resource's metadata.annotations; `source`: the resource's own text.
  static Suppressions collect(const YAML::Node& annotations, std::string_view source,
                              const RuleCatalog& catalog);
  // The reason text when `rule` is suppressed on this resource.
  std::optional<std::string> reason_for(const RuleInfo& rule) const;

 private:
  void add(const RuleInfo* rule, std::string reason);
  void add_checkov(std::string_view value, const RuleCatalog& catalog);
  void add_annotation(std::string_view name, std::string_view value, const RuleCatalog& catalog);

  std::vector<std::pair<const RuleInfo*, std::string>> m_rules;
  // Whole-tool exemptions, keyed by alias prefix ("kube-linter:"), with their reason.
  std::vector<std::pair<std::string, std::string>> m_tools;
};

}  // namespace hookguard::manifest
