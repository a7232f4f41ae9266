#include "detect/manifest/images.hpp"

#include <fmt/format.h>

namespace hookguard::manifest {
namespace {

// Template placeholders (compose "${TAG}", Helm-rendered leftovers) are resolved elsewhere.
bool templated(std::string_view reference) {
  return reference.find('$') != std::string_view::npos || reference.find("{{") != std::string_view::npos;
}

bool untagged_or_latest(const ImageRef& image) {
  return image.digest.empty() && (image.tag.empty() || image.tag == "latest");
}

}  // namespace

ImageRef parse_image(std::string_view reference) {
  ImageRef out;
  if (auto at = reference.find('@'); at != std::string_view::npos) {
    out.digest = std::string(reference.substr(at + 1));
    reference = reference.substr(0, at);
  }
  auto slash = reference.find('/');
  std::string_view first = reference.substr(0, slash);
  if (slash != std::string_view::npos &&
      (first.find_first_of(".:") != std::string_view::npos || first == "localhost")) {
    out.registry = std::string(first);
    reference = reference.substr(slash + 1);
  } else {
    out.registry = "docker.io";
  }
  auto last_slash = reference.rfind('/');
  auto colon = reference.rfind(':');
  if (colon != std::string_view::npos && (last_slash == std::string_view::npos || colon > last_slash)) {
    out.tag = std::string(reference.substr(colon + 1));
    reference = reference.substr(0, colon);
  }
  out.repository = std::string(reference);
  return out;
}

bool trusted_image(const ImageRef& image, const std::vector<std::string>& trusted) {
  std::string full = fmt::format("{}/{}", image.registry, image.repository);
  for (const auto& entry : trusted) {
    std::string_view prefix = entry;
    while (prefix.ends_with('/')) prefix.remove_suffix(1);
    if (image.registry == prefix || full == prefix || full.starts_with(fmt::format("{}/", prefix))) return true;
  }
  return false;
}

void check_image(Reporter& r, const Field& image, std::string_view field, std::string_view who) {
  check_image_reference(r, scalar(image.value), image.key, image.value, field, who);
}

void check_image_reference(Reporter& r, std::string_view reference, const YAML::Node& key, const YAML::Node& at,
                           std::string_view field, std::string_view who) {
  if (reference.empty() || templated(reference)) return;
  ImageRef ref = parse_image(reference);
  if (untagged_or_latest(ref))
    r.report("manifest-image-latest-tag", key, at,
             ref.tag.empty() ? fmt::format("{} image {} has no tag (means :latest)", who, reference)
                             : fmt::format("{} image {} uses the mutable :latest tag", who, reference),
             field);
  if (ref.digest.empty())
    r.report("manifest-image-not-pinned", key, at, fmt::format("{} image {} is not pinned by digest", who, reference),
             field);
  auto trusted = r.rules().option("manifest-untrusted-registry", "trusted_registries");
  if (!trusted.empty() && !trusted_image(ref, trusted))
    r.report("manifest-untrusted-registry", key, at,
             fmt::format("{} image {} comes from {}, not a trusted registry", who, reference, ref.registry), field);
}

void check_pull_policy(Reporter& r, const YAML::Node& container, const Field& image, std::string_view field,
                       std::string_view who) {
  std::string reference = scalar(image.value);
  if (reference.empty() || templated(reference)) return;
  ImageRef ref = parse_image(reference);
  if (!ref.digest.empty()) return;
  auto policy = manifest::field(container, "imagePullPolicy");
  // Kubernetes defaults to Always for :latest and untagged images, IfNotPresent otherwise.
  std::string effective = policy ? scalar(policy->value) : untagged_or_latest(ref) ? "Always" : "IfNotPresent";
  if (effective == "Always") return;
  std::string message = fmt::format("{} pulls mutable image {} with imagePullPolicy {}: nodes may run a stale "
                                    "or different image", who, reference, effective);
  if (policy) r.report("manifest-image-pull-policy", *policy, message, field);
  else r.report("manifest-image-pull-policy", image, message, field);
}

}  // namespace hookguard::manifest
