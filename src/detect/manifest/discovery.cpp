#include "detect/manifest/discovery.hpp"

#include "detect/manifest/compose.hpp"
#include "detect/manifest/ecs.hpp"
#include "detect/manifest/hardening.hpp"
#include "detect/manifest/images.hpp"
#include "detect/manifest/pod_security.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hookguard::manifest {
namespace {

constexpr int k_max_list_nesting = 4;

bool kustomization_file(std::string_view path) {
  std::string_view name = path.substr(path.rfind('/') + 1);
  return name == "kustomization.yaml" || name == "kustomization.yml" || name == "Kustomization";
}

// The text a resource owns, for "# checkov:skip=" comments: from the comment lines just above
// its first line to the end of its last line.
std::string_view resource_source(const Reporter& r, const YAML::Node& object) {
  if (!r.has_skip_comments() || object.Mark().is_null()) return {};
  std::string_view text = r.text();
  Span span = span_of(text, {}, object);
  std::size_t begin = static_cast<std::size_t>(span.line_offset);
  while (begin > 0) {
    std::size_t previous = begin >= 2 ? text.rfind('\n', begin - 2) : std::string_view::npos;
    previous = previous == std::string_view::npos ? 0 : previous + 1;
    std::string_view line = text.substr(previous, begin - 1 - previous);
    line.remove_prefix(std::min(line.size(), line.find_first_not_of(" \t")));
    if (!line.starts_with('#')) break;
    begin = previous;
  }
  std::size_t end = static_cast<std::size_t>(span.line_offset);
  for (std::uint32_t line = span.line; line <= span.end_line && end < text.size(); ++line) {
    end = text.find('\n', end);
    end = end == std::string_view::npos ? text.size() : end + 1;
  }
  return text.substr(begin, end - begin);
}

void begin(Reporter& r, std::string key, const YAML::Node& object, const YAML::Node& annotations) {
  r.begin_resource(std::move(key),
                   Suppressions::collect(annotations, resource_source(r, object), r.rules().catalog()));
}

void lint_kustomization(const YAML::Node& doc, Reporter& r) {
  begin(r, "Kustomization", doc, {});
  YAML::Node images = at(doc, "images");
  for (std::size_t i = 0; images.IsSequence() && i < images.size(); ++i) {
    const YAML::Node& image = images[i];
    std::string name = scalar(at(image, "newName"));
    if (name.empty()) name = scalar(at(image, "name"));
    std::string tag = scalar(at(image, "newTag")), digest = scalar(at(image, "digest"));
    if (tag.empty() && digest.empty()) continue;  // only renames: the workload's own tag stays
    std::string reference = name + (tag.empty() ? "" : ":" + tag) + (digest.empty() ? "" : "@" + digest);
    check_image_reference(r, reference, {}, image, fmt::format("images[{}]", scalar(at(image, "name"))),
                          "kustomize image");
  }
}

void lint_kubernetes(const YAML::Node& object, Reporter& r, int nesting) {
  std::string kind = scalar(at(object, "kind"));
  if (kind.ends_with("List") && at(object, "items").IsSequence() && nesting < k_max_list_nesting) {
    for (const auto& item : at(object, "items"))
      if (item.IsMap()) lint_kubernetes(item, r, nesting + 1);
    return;
  }
  if (kind == "Kustomization") return lint_kustomization(object, r);
  YAML::Node metadata = at(object, "metadata");
  begin(r, fmt::format("{}/{}/{}", kind, scalar(at(metadata, "namespace")), scalar(at(metadata, "name"))), object,
        at(metadata, "annotations"));
  check_object_hardening(object, kind, r);
  if (auto pod = find_pod(object, kind)) {
    check_pod_security_baseline(*pod, r);
    check_pod_security_restricted(*pod, r);
    check_pod_hardening(*pod, r);
  }
}

void lint_ecs(const YAML::Node& task, std::string key, Reporter& r) {
  begin(r, std::move(key), task, {});
  check_ecs_task(task, r);
}

bool lint_cloudformation(const YAML::Node& doc, Reporter& r) {
  YAML::Node resources = at(doc, "Resources");
  bool any = false;
  for (auto it = resources.begin(); resources.IsMap() && it != resources.end(); ++it) {
    if (scalar(at(it->second, "Type")) != "AWS::ECS::TaskDefinition") continue;
    lint_ecs(at(it->second, "Properties"), "AWS::ECS::TaskDefinition/" + scalar(it->first), r);
    any = true;
  }
  return any;
}

bool compose_file(const YAML::Node& doc) {
  YAML::Node services = at(doc, "services");
  if (!services.IsMap() || services.size() == 0) return false;
  for (auto it = services.begin(); it != services.end(); ++it)
    if (!it->second.IsMap() && !it->second.IsNull()) return false;
  return true;
}

void lint_compose(const YAML::Node& doc, Reporter& r) {
  YAML::Node services = at(doc, "services");
  for (auto it = services.begin(); it != services.end(); ++it) {
    if (!it->second.IsMap()) continue;
    std::string name = scalar(it->first);
    begin(r, "compose/" + name, it->second, {});
    check_compose_service(it->second, name, r);
  }
}

}  // namespace

bool may_be_manifest(std::string_view text, std::string_view path) {
  for (std::string_view marker : {"apiVersion", "ontainerDefinitions", "services"})
    if (text.find(marker) != std::string_view::npos) return true;
  return kustomization_file(path);
}

void lint_document(const YAML::Node& doc, std::string_view path, Reporter& r) {
  if (!doc.IsMap()) return;
  if (is_scalar(at(doc, "apiVersion")) && is_scalar(at(doc, "kind"))) return lint_kubernetes(doc, r, 0);
  if (kustomization_file(path)) return lint_kustomization(doc, r);
  if (field(doc, "containerDefinitions") || field(doc, "ContainerDefinitions"))
    return lint_ecs(doc, "TaskDefinition/" + ecs_family(doc), r);
  if (YAML::Node task = at(doc, "taskDefinition"); field(task, "containerDefinitions"))
    return lint_ecs(task, "TaskDefinition/" + ecs_family(task), r);
  if (lint_cloudformation(doc, r)) return;
  if (compose_file(doc)) lint_compose(doc, r);
}

}  // namespace hookguard::manifest
