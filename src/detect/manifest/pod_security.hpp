// The Kubernetes Pod Security Standards, one function per control, evaluated as the reference
// implementation (k8s.io/pod-security-admission, policy/check_*.go) does at its newest version:
// pod-level settings are inherited by containers unless a container overrides them; containers,
// initContainers and ephemeralContainers are all checked. Each rule carries the check id as the
// alias "PSS:<id>". Baseline controls default to high, restricted-only controls to medium.
#pragma once

#include "detect/manifest/pod_spec.hpp"
#include "detect/manifest/reporter.hpp"

namespace hookguard::manifest {

void check_pod_security_baseline(const PodView& pod, Reporter& r);
void check_pod_security_restricted(const PodView& pod, Reporter& r);

// securityContext.<path> of the pod spec / of a container.
std::optional<Field> pod_context(const PodView& pod, std::string_view path);
std::optional<Field> container_context(const ContainerView& c, std::string_view path);
// Values of a sequence node as strings (non-scalars skipped).
std::vector<std::string> scalars(const YAML::Node& sequence);

}  // namespace hookguard::manifest
