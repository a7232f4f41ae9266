// Shared set-up of the manifest linter tests: the catalog from the embedded manifest.yaml, a
// config, the detector, and helpers to scan a string.
#pragma once

#include <hookguard/detector.hpp>

#include "config/embedded_rules.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::test {

inline RuleCatalog manifest_catalog() {
  RuleCatalog catalog;
  for (const auto& file : embedded_rule_files()) {
    if (file.name != "manifest.yaml") continue;
    for (const auto& node : YAML::Load(file.text)["rules"]) {
      RuleInfo rule;
      rule.id = node["id"].as<std::string>();
      rule.title = node["title"].as<std::string>();
      rule.severity = parse_severity(node["severity"].as<std::string>()).value();
      rule.help = node["help"].as<std::string>();
      rule.detector = DetectorKind::manifest;
      if (node["aliases"]) rule.aliases = node["aliases"].as<std::vector<std::string>>();
      for (const auto& option : node["options"]) {
        const auto& value = option.second;
        rule.options[option.first.as<std::string>()] =
            value.IsSequence() ? value.as<std::vector<std::string>>() : std::vector<std::string>{value.as<std::string>()};
      }
      catalog.add(std::move(rule));
    }
  }
  return catalog;
}

struct ManifestFixture {
  Config config;
  RuleCatalog catalog = manifest_catalog();
  std::unique_ptr<Detector> detector;

  // The detector refers to config and catalog: the fixture is neither copied nor moved.
  explicit ManifestFixture(const std::function<void(Config&)>& configure = {}) {
    if (configure) configure(config);
    detector = make_manifest_detector(DetectorContext{config, catalog});
  }
  ManifestFixture(const ManifestFixture&) = delete;
  ManifestFixture& operator=(const ManifestFixture&) = delete;

  static ContentUnit unit(std::string text, std::string path = "deploy/app.yaml") {
    ContentUnit unit;
    unit.path = unit.rel_path = std::move(path);
    unit.kind = FileKind::manifest;
    unit.data = std::make_shared<const std::string>(std::move(text));
    return unit;
  }

  ScanOutput scan(const ContentUnit& content) const {
    ScanOutput out;
    detector->scan(content, out);
    return out;
  }

  ScanOutput scan(std::string_view text, std::string path = "deploy/app.yaml") const {
    return scan(unit(std::string(text), std::move(path)));
  }

  std::vector<Finding> hits(std::string_view text, std::string_view rule_id, std::string path = "deploy/app.yaml") const {
    std::vector<Finding> out;
    for (auto& f : scan(text, std::move(path)).findings)
      if (f.rule_id == rule_id) out.push_back(std::move(f));
    return out;
  }
};

}  // namespace hookguard::test
