#include "detect/manifest/hardening.hpp"
#include "detect/manifest/pod_security.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hookguard::manifest {
namespace {

void default_namespace(const YAML::Node& object, Reporter& r) {
  if (auto f = field_at(object, "metadata.namespace"); f && scalar(f->value) == "default")
    r.report("manifest-default-namespace", *f, "the object is placed in the default namespace", "metadata.namespace");
}

std::size_t literal_entries(const YAML::Node& data) {
  std::size_t count = 0;
  for (auto it = data.begin(); data.IsMap() && it != data.end(); ++it) count += !scalar(it->second).empty();
  return count;
}

// A committed Secret manifest puts the (base64 is not encryption) value in git history forever.
void secret_data(const YAML::Node& object, Reporter& r) {
  for (std::string_view name : {"data", "stringData"}) {
    auto f = field(object, name);
    std::size_t count = f ? literal_entries(f->value) : 0;
    if (count == 0) continue;
    r.report("manifest-secret-literal", f->key, f->value,
             fmt::format("Secret commits {} literal value{} in {}: use SealedSecrets, SOPS or an external "
                         "secret store", count, count == 1 ? "" : "s", name),
             name, fmt::format("{}: {} key{} (values redacted)", name, count, count == 1 ? "" : "s"));
  }
}

void rbac_wildcards(const YAML::Node& object, Reporter& r) {
  YAML::Node rules = at(object, "rules");
  for (std::size_t i = 0; rules.IsSequence() && i < rules.size(); ++i)
    for (std::string_view list : {"verbs", "resources", "apiGroups"}) {
      auto f = field(rules[i], list);
      auto values = f ? scalars(f->value) : std::vector<std::string>{};
      if (std::find(values.begin(), values.end(), "*") == values.end()) continue;
      r.report("manifest-rbac-wildcard", *f,
               fmt::format("rule {} grants every {} ('*')", i + 1, list == "verbs" ? "verb" : list == "resources"
                                                                     ? "resource" : "API group"),
               fmt::format("rules[{}]/{}", fmt::join(scalars(at(rules[i], "resources")), ","), list));
    }
}

void cluster_admin(const YAML::Node& object, Reporter& r) {
  auto f = field_at(object, "roleRef.name");
  if (f && scalar(f->value) == "cluster-admin")
    r.report("manifest-cluster-admin-binding", *f, "binds subjects to cluster-admin: full control of the cluster",
             "roleRef");
}

}  // namespace

void check_object_hardening(const YAML::Node& object, std::string_view kind, Reporter& r) {
  default_namespace(object, r);
  if (kind == "Secret") secret_data(object, r);
  if (kind == "Role" || kind == "ClusterRole") rbac_wildcards(object, r);
  if (kind == "RoleBinding" || kind == "ClusterRoleBinding") cluster_admin(object, r);
}

}  // namespace hookguard::manifest
