// Test support for the Dockerfile detector: the embedded rule catalog and a one-call lint helper.
#pragma once

#include "config/rule_files.hpp"
#include "detect/dockerfile/detector.hpp"

#include <hookguard/detector.hpp>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace hookguard::test {

// The embedded catalog, as the binary loads it (all detectors' rules, policy rules included).
inline const RuleCatalog& dockerfile_catalog() {
  static const RuleSet rules = load_rule_set();
  return rules.catalog;
}

struct LintOptions {
  Config config;
  std::shared_ptr<const dockerfile::ShellChecker> shellcheck;  // none by default: deterministic
  std::function<bool(std::string_view)> exists;
  std::string rel_path = "Dockerfile";
};

inline std::vector<Finding> lint(const std::string& text, const LintOptions& opt = {}) {
  DetectorContext ctx{opt.config, dockerfile_catalog()};
  auto detector = make_dockerfile_detector(ctx, opt.shellcheck);
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
