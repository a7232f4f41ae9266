// Shared set-up of the manifest linter tests: the catalog from the embedded rule files, a
// config, the detector, and helpers to scan a string.
#pragma once

#include <hookguard/detector.hpp>

#include "config/rule_files.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::test {

// The real rule loader: the embedded manifest.yaml is validated as users get it.
inline RuleCatalog manifest_catalog() {
  static const RuleSet k_rules = load_rule_set();
  return k_rules.catalog;
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
