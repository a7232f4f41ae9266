// Operational hardening that checkov (CKV_K8S_*), kube-linter and Polaris check beyond the Pod
// Security Standards: resources, probes, read-only root filesystem, service accounts, NET_RAW,
// runtime socket mounts, images, literal secrets, RBAC wildcards and cluster-admin bindings.
#pragma once

#include "detect/manifest/pod_spec.hpp"
#include "detect/manifest/reporter.hpp"

#include <string_view>

namespace hookguard::manifest {

// Checks of the pod spec and its containers.
void check_pod_hardening(const PodView& pod, Reporter& r);
// Checks of the object itself: namespace, Secret data, Role rules, bindings.
void check_object_hardening(const YAML::Node& object, std::string_view kind, Reporter& r);
// A host path that is a container runtime socket (docker.sock, containerd.sock, ...): whoever
// can write it controls every container on the host.
bool runtime_socket_path(std::string_view path);

}  // namespace hookguard::manifest
