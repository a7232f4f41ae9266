// Restricted profile: current pod hardening best practice (PSS "restricted"), on top of baseline.
#include "detect/manifest/pod_security.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace hookguard::manifest {
namespace {

constexpr std::array<std::string_view, 8> k_restricted_volume_types = {
    "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"};

void restricted_volumes(const PodView& pod, Reporter& r) {
  YAML::Node volumes = at(pod.spec, "volumes");
  for (std::size_t i = 0; volumes.IsSequence() && i < volumes.size(); ++i) {
    const YAML::Node& volume = volumes[i];
    for (auto it = volume.begin(); volume.IsMap() && it != volume.end(); ++it) {
      std::string type = scalar(it->first);
      if (type == "name" || std::find(k_restricted_volume_types.begin(), k_restricted_volume_types.end(), type) !=
                                k_restricted_volume_types.end())
        continue;
      std::string name = scalar(at(volume, "name"));
      r.report("manifest-restricted-volume-type", it->first, it->second,
               fmt::format("volume '{}' uses type {}, not allowed by the restricted profile", name, type),
               fmt::format("volumes[{}]/{}", name, type));
    }
  }
}

void privilege_escalation(const PodView& pod, Reporter& r) {
  if (pod.windows) return;  // 1.25+: not applicable to Windows pods
  for (const auto& c : pod.containers) {
    auto f = container_context(c, "allowPrivilegeEscalation");
    if (f && as_bool(f->value) == false) continue;
    std::string message = fmt::format("container '{}' must set securityContext.allowPrivilegeEscalation=false", c.name);
    if (f) r.report("manifest-privilege-escalation", *f, message, c.key("securityContext.allowPrivilegeEscalation"));
    else r.report("manifest-privilege-escalation", {}, c.node, message, c.key("securityContext.allowPrivilegeEscalation"));
  }
}

void run_as_non_root(const PodView& pod, Reporter& r) {
  auto pod_level = pod_context(pod, "runAsNonRoot");
  bool pod_true = pod_level && is_true(pod_level->value);
  if (pod_level && as_bool(pod_level->value) == false)
    r.report("manifest-run-as-non-root", *pod_level, "pod must not set securityContext.runAsNonRoot=false",
             "securityContext.runAsNonRoot");
  for (const auto& c : pod.containers) {
    auto f = container_context(c, "runAsNonRoot");
    if (f && as_bool(f->value) == false)
      r.report("manifest-run-as-non-root", *f,
               fmt::format("container '{}' must not set securityContext.runAsNonRoot=false", c.name),
               c.key("securityContext.runAsNonRoot"));
    else if (!f && !pod_true)
      r.report("manifest-run-as-non-root", {}, c.node,
               fmt::format("pod or container '{}' must set securityContext.runAsNonRoot=true", c.name),
               c.key("securityContext.runAsNonRoot"));
  }
}

void run_as_user(const PodView& pod, Reporter& r) {
  if (auto f = pod_context(pod, "runAsUser"); f && as_int(f->value) == 0)
    r.report("manifest-run-as-user-root", *f, "pod must not set runAsUser=0", "securityContext.runAsUser");
  for (const auto& c : pod.containers)
    if (auto f = container_context(c, "runAsUser"); f && as_int(f->value) == 0)
      r.report("manifest-run-as-user-root", *f, fmt::format("container '{}' must not set runAsUser=0", c.name),
               c.key("securityContext.runAsUser"));
}

bool seccomp_allowed(const YAML::Node& type) {
  std::string value = scalar(type);
  return value == "RuntimeDefault" || value == "Localhost";
}

void seccomp_restricted(const PodView& pod, Reporter& r) {
  if (pod.windows) return;  // 1.25+: not applicable to Windows pods
  auto pod_level = pod_context(pod, "seccompProfile.type");
  bool pod_ok = pod_level && seccomp_allowed(pod_level->value);
  if (pod_level && !pod_ok)
    r.report("manifest-seccomp-restricted", *pod_level,
             fmt::format("pod must not set securityContext.seccompProfile.type to '{}'", scalar(pod_level->value)),
             "securityContext.seccompProfile");
  for (const auto& c : pod.containers) {
    auto f = container_context(c, "seccompProfile.type");
    if (f && !seccomp_allowed(f->value))
      r.report("manifest-seccomp-restricted", *f,
               fmt::format("container '{}' must not set securityContext.seccompProfile.type to '{}'", c.name,
                           scalar(f->value)),
               c.key("securityContext.seccompProfile"));
    else if (!f && !pod_ok)
      r.report("manifest-seccomp-restricted", {}, c.node,
               fmt::format("pod or container '{}' must set securityContext.seccompProfile.type to "
                           "\"RuntimeDefault\" or \"Localhost\"", c.name),
               c.key("securityContext.seccompProfile"));
  }
}

void capabilities_restricted(const PodView& pod, Reporter& r) {
  if (pod.windows) return;  // 1.25+: not applicable to Windows pods
  for (const auto& c : pod.containers) {
    auto drop = container_context(c, "capabilities.drop");
    auto dropped = drop ? scalars(drop->value) : std::vector<std::string>{};
    if (std::find(dropped.begin(), dropped.end(), "ALL") == dropped.end()) {
      std::string message = fmt::format("container '{}' must set securityContext.capabilities.drop=[\"ALL\"]", c.name);
      if (drop) r.report("manifest-capabilities-restricted", *drop, message, c.key("securityContext.capabilities.drop"));
      else r.report("manifest-capabilities-restricted", {}, c.node, message, c.key("securityContext.capabilities.drop"));
    }
    auto add = container_context(c, "capabilities.add");
    for (const auto& cap : add ? scalars(add->value) : std::vector<std::string>{})
      if (cap != "NET_BIND_SERVICE")
        r.report("manifest-capabilities-restricted", *add,
                 fmt::format("container '{}' must not add capability {} (only NET_BIND_SERVICE)", c.name, cap),
                 c.key("securityContext.capabilities.add/" + cap));
  }
}

}  // namespace

void check_pod_security_restricted(const PodView& pod, Reporter& r) {
  restricted_volumes(pod, r);
  privilege_escalation(pod, r);
  run_as_non_root(pod, r);
  run_as_user(pod, r);
  seccomp_restricted(pod, r);
  capabilities_restricted(pod, r);
}

}  // namespace hookguard::manifest
