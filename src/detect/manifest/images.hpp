// Image policy shared by Kubernetes, ECS, docker-compose and Kustomize: trusted registries
// (option trusted_registries of manifest-untrusted-registry; empty = inactive), latest or missing
// tags, digest pinning, and Kubernetes' imagePullPolicy.
#pragma once

#include "detect/manifest/reporter.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace hookguard::manifest {

struct ImageRef {
  std::string registry;    // "docker.io" when the reference names none
  std::string repository;  // without registry, tag and digest
  std::string tag;         // empty when absent
  std::string digest;      // "sha256:..." or empty
};

// Docker's reference grammar: the first path component is a registry when it has a '.' or ':'
// or is "localhost".
ImageRef parse_image(std::string_view reference);
// Does `reference` come from one of `trusted` ("registry.example.com" or a path prefix
// "registry.example.com/team")?
bool trusted_image(const ImageRef& image, const std::vector<std::string>& trusted);

// Checks the image at `image` (a map entry whose value is the reference). `field` is the
// match-key path, `who` names the container in messages.
void check_image(Reporter& r, const Field& image, std::string_view field, std::string_view who);
// The same for a reference assembled from several fields (Kustomize images: newName/newTag),
// reported at `key`..`at`.
void check_image_reference(Reporter& r, std::string_view reference, const YAML::Node& key, const YAML::Node& at,
                           std::string_view field, std::string_view who);
// Kubernetes only: an image that is not pinned by digest should be pulled Always.
void check_pull_policy(Reporter& r, const YAML::Node& container, const Field& image, std::string_view field,
                       std::string_view who);

}  // namespace hookguard::manifest
