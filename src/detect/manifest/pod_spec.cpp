#include "detect/manifest/pod_spec.hpp"

#include <fmt/format.h>

#include <array>

namespace hookguard::manifest {
namespace {

constexpr std::array<std::string_view, 3> k_groups = {"containers", "initContainers", "ephemeralContainers"};

// Path of the pod template (metadata + spec) inside an object of `kind`; empty = the object
// itself is the pod.
std::string_view template_path(std::string_view kind) {
  if (kind == "Pod") return {};
  if (kind == "PodTemplate") return "template";
  if (kind == "CronJob") return "spec.jobTemplate.spec.template";
  return "spec.template";
}

}  // namespace

std::string ContainerView::key(std::string_view field) const {
  return field.empty() ? fmt::format("{}[{}]", group, name) : fmt::format("{}[{}]/{}", group, name, field);
}

std::optional<PodView> find_pod(const YAML::Node& object, std::string_view kind) {
  std::string_view path = template_path(kind);
  YAML::Node pod = path.empty() ? object : at(object, path);
  auto spec = field(pod, "spec");
  if (!spec || !spec->value.IsMap()) return std::nullopt;
  PodView view{spec->key, spec->value, at(pod, "metadata"), {}, scalar(at(spec->value, "os.name")) == "windows",
               kind == "Job" || kind == "CronJob"};
  for (std::string_view group : k_groups) {
    YAML::Node list = at(view.spec, group);
    if (!list.IsSequence()) continue;
    for (const auto& container : list)
      if (container.IsMap()) view.containers.push_back({container, scalar(at(container, "name")), group});
  }
  if (view.containers.empty() && !field(view.spec, "containers")) return std::nullopt;
  return view;
}

}  // namespace hookguard::manifest
