// Test support for the Dockerfile detector: the catalog from config/rules/dockerfile.yaml (read
// directly, so these tests do not depend on the rule-file loader) and a one-call lint helper.
#pragma once

#include <hookguard/detector.hpp>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace hookguard::test {

inline RuleCatalog load_dockerfile_catalog() {
  RuleCatalog catalog;
  YAML::Node root = YAML::LoadFile(std::string(HOOKGUARD_SOURCE_DIR) + "/config/rules/dockerfile.yaml");
  for (const auto& node : root["rules"]) {
    RuleInfo r;
    r.id = node["id"].as<std::string>();
    if (node["aliases"]) r.aliases = node["aliases"].as<std::vector<std::string>>();
    r.title = node["title"].as<std::string>();
    r.severity = *parse_severity(node["severity"].as<std::string>());
    r.help = node["help"].as<std::string>();
    r.detector = DetectorKind::dockerfile;
    if (node["options"])
      for (const auto& opt : node["options"]) r.options[opt.first.as<std::string>()] = opt.second.as<std::vector<std::string>>();
    catalog.add(std::move(r));
  }
  // Owned by the lead's policy catalog; added here so the detector can report it.
  catalog.add({"policy-unused-suppression", {}, "Suppression that suppresses nothing", Severity::info, "Remove it.",
               DetectorKind::policy, {}, "test"});
  return catalog;
}

inline const RuleCatalog& dockerfile_catalog() {
  static const RuleCatalog catalog = load_dockerfile_catalog();
  return catalog;
}

struct LintOptions {
  Config config;
  std::function<bool(std::string_view)> exists;
  std::string rel_path = "Dockerfile";
};

inline std::vector<Finding> lint(const std::string& text, const LintOptions& opt = {}) {
  DetectorContext ctx{opt.config, dockerfile_catalog()};
  auto detector = make_dockerfile_detector(ctx);
  ContentUnit unit;
  unit.path = unit.rel_path = opt.rel_path;
  unit.kind = FileKind::dockerfile;
  unit.data = std::make_shared<const std::string>(text);
  unit.exists = opt.exists;
  ScanOutput out;
  detector->scan(unit, out);
  std::sort(out.findings.begin(), out.findings.end(),
            [](const Finding& a, const Finding& b) { return std::tie(a.line, a.rule_id) < std::tie(b.line, b.rule_id); });
  return out.findings;
}

inline const Finding* find_rule(const std::vector<Finding>& fs, std::string_view id) {
  for (const auto& f : fs)
    if (f.rule_id == id) return &f;
  return nullptr;
}

inline bool has_unsuppressed(const std::vector<Finding>& fs, std::string_view id) {
  return std::any_of(fs.begin(), fs.end(), [&](const Finding& f) { return f.rule_id == id && f.suppressed_by.empty(); });
}

// "rule:line" for every unsuppressed finding, sorted: the frozen form of corpus results.
inline std::vector<std::string> rule_lines(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs)
    if (f.suppressed_by.empty()) out.push_back(f.rule_id + ":" + std::to_string(f.line));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace hookguard::test
