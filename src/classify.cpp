#include "classify.hpp"

#include "util/glob.hpp"

namespace hookguard {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool any_match(const std::vector<std::string>& patterns, std::string_view rel) {
  for (const auto& p : patterns)
    if (util::gitignore_match(p, rel)) return true;
  return false;
}

bool dockerfile_name(std::string_view name) {
  return name == "Dockerfile" || name == "Containerfile" || starts_with(name, "Dockerfile.") ||
         starts_with(name, "Containerfile.") || ends_with(name, ".Dockerfile") || ends_with(name, ".dockerfile");
}

bool manifest_name(std::string_view name) {
  return ends_with(name, ".yaml") || ends_with(name, ".yml") || ends_with(name, ".json");
}

}  // namespace

FileKind classify(const Config& config, std::string_view rel_path, FileKind sniffed) {
  if (sniffed != FileKind::text) return sniffed;
  auto slash = rel_path.rfind('/');
  auto name = slash == std::string_view::npos ? rel_path : rel_path.substr(slash + 1);
  if (dockerfile_name(name) || any_match(config.dockerfile.paths.include, rel_path)) return FileKind::dockerfile;
  if (manifest_name(name) || any_match(config.manifest.paths.include, rel_path)) return FileKind::manifest;
  return FileKind::text;
}

bool detector_excluded(const Config& config, DetectorKind detector, std::string_view rel_path) {
  const DetectorConfig& dc = config.detector(detector);
  return !dc.enabled || any_match(dc.paths.exclude, rel_path);
}

}  // namespace hookguard
