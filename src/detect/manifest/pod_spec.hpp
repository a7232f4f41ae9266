// Where a Kubernetes object keeps its pod spec, and the containers in it. Covers Pod,
// PodTemplate, CronJob and every kind with spec.template.spec (Deployment, ReplicaSet,
// ReplicationController, StatefulSet, DaemonSet, Job, and custom resources such as Argo Rollouts).
#pragma once

#include "detect/manifest/yaml_view.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::manifest {

struct ContainerView {
  YAML::Node node;
  std::string name;
  std::string_view group;  // "containers", "initContainers" or "ephemeralContainers"
  // Match-key path of a field of this container: "containers[web]/securityContext.privileged".
  std::string key(std::string_view field) const;
};

struct PodView {
  YAML::Node spec_key;  // the "spec:" key: pod-wide findings without a field point here
  YAML::Node spec;
  YAML::Node metadata;  // the pod's own metadata (pod annotations live here, not the owner's)
  std::vector<ContainerView> containers;  // every group, in document order
  bool windows = false;  // spec.os.name: windows relaxes some restricted checks (1.25+)
  bool batch = false;    // Job or CronJob: runs to completion, no probes expected
};

// nullopt when the object holds no pod spec (a Service, a ConfigMap, ...).
std::optional<PodView> find_pod(const YAML::Node& object, std::string_view kind);

}  // namespace hookguard::manifest
