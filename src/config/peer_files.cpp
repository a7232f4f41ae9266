#include "config/peer_files.hpp"

#include "util/yaml_guard.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace fs = std::filesystem;

namespace hookguard::config {
namespace {

std::optional<Severity> hadolint_severity(const std::string& level) {
  if (level == "error") return Severity::high;
  if (level == "warning") return Severity::medium;
  if (level == "info") return Severity::low;
  if (level == "style") return Severity::info;
  if (level == "none") return Severity::critical;  // hadolint never fails; nothing below critical blocks
  return std::nullopt;
}

std::vector<std::string> strings(const YAML::Node& n) {
  std::vector<std::string> out;
  if (n && n.IsSequence())
    for (const auto& item : n)
      if (item.IsScalar()) out.push_back(item.as<std::string>());
  return out;
}

RuleOverride& override_for(Config& c, const std::string& id, const std::string& source) {
  RuleOverride& o = c.rules[id];
  if (o.source.empty()) o.source = source;
  return o;
}

}  // namespace

void apply_hadolint_file(const std::string& path, Config& config, bool own_dockerfile_block) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("{}:0: cannot read the file", path));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (auto line = util::yaml_hang_line(text))
    throw ConfigError(fmt::format("{}:{}: not valid YAML: {}", path, line, util::k_yaml_hang_reason));
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}:{}: {}", path, e.mark.line + 1, e.msg));
  }
  if (!root.IsMap()) return;
  const std::string source = path;
  for (const auto& code : strings(root["ignored"])) {
    auto& o = override_for(config, code, source);
    if (!o.enabled) o.enabled = false;
  }
  if (auto trusted = strings(root["trustedRegistries"]); !trusted.empty()) {
    auto& o = override_for(config, "dockerfile-untrusted-registry", source);
    o.options.try_emplace("trusted_registries", trusted);
  }
  if (const auto& ov = root["override"]; ov && ov.IsMap()) {
    for (const auto& kv : ov) {
      auto sev = hadolint_severity(kv.first.as<std::string>());
      if (!sev) continue;
      for (const auto& code : strings(kv.second)) {
        auto& o = override_for(config, code, source);
        if (!o.severity) o.severity = sev;
      }
    }
  }
  if (const auto& t = root["failure-threshold"]; t && t.IsScalar() && !own_dockerfile_block)
    if (auto sev = hadolint_severity(t.as<std::string>())) config.dockerfile.block = sev;
  if (const auto& schema = root["label-schema"]; schema && schema.IsMap()) {
    std::vector<std::string> labels;
    for (const auto& kv : schema) labels.push_back(fmt::format("{}:{}", kv.first.as<std::string>(), kv.second.as<std::string>("text")));
    override_for(config, "hadolint:DL3049", source).options.try_emplace("label_schema", labels);
  }
  if (const auto& strict = root["strict-labels"]; strict && strict.IsScalar())
    override_for(config, "hadolint:DL3050", source).options.try_emplace("strict_labels", std::vector<std::string>{strict.as<std::string>()});
  config.sources.push_back(path);
}

std::string find_hadolint_file(const std::string& repo_root) {
  std::vector<fs::path> candidates = {".hadolint.yaml", ".hadolint.yml"};
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) candidates.push_back(fs::path(xdg) / "hadolint.yaml");
  if (const char* home = std::getenv("HOME"); home && *home) {
    candidates.push_back(fs::path(home) / ".config/hadolint.yaml");
    candidates.push_back(fs::path(home) / ".hadolint/hadolint.yaml");
    candidates.push_back(fs::path(home) / ".hadolint.yaml");
  }
  if (!repo_root.empty()) {
    candidates.push_back(fs::path(repo_root) / ".hadolint.yaml");
    candidates.push_back(fs::path(repo_root) / ".hadolint.yml");
  }
  std::error_code ec;
  for (const auto& c : candidates)
    if (fs::is_regular_file(c, ec)) return c.string();
  return {};
}

void apply_gitleaksignore(const std::string& path, Config& config) {
  std::ifstream in(path);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    // [commit:]path:rule:line — split from the right: the path may hold ':'.
    auto last = line.rfind(':');
    if (last == std::string::npos) continue;
    auto rule_sep = line.rfind(':', last - 1);
    if (rule_sep == std::string::npos) continue;
    std::string rule = line.substr(rule_sep + 1, last - rule_sep - 1);
    std::string file = line.substr(0, rule_sep);
    if (auto colon = file.find(':'); colon == 40 && file.find_first_not_of("0123456789abcdef") == 40) file = file.substr(41);
    AllowEntry entry;
    entry.rules = {"gitleaks:" + rule};
    entry.paths = {"/" + file};
    entry.reason = ".gitleaksignore";
    entry.source = fmt::format("{}:{}", path, n);
    config.allow.push_back(std::move(entry));
  }
}

}  // namespace hookguard::config
