// The detector interface. Detectors never touch git, disk, config files or the terminal: they
// take a ContentUnit and emit Findings, so every rule is testable from a string.
// Implementations are immutable after construction and scan() is called concurrently from
// worker threads (per-thread state lives inside the implementation, e.g. thread_local scratch).
#pragma once

#include <hookguard/config.hpp>
#include <hookguard/rule_catalog.hpp>
#include <hookguard/types.hpp>

#include <cstdint>
#include <memory>
#include <vector>

namespace hookguard {

struct DetectorContext {
  const Config& config;
  const RuleCatalog& catalog;
};

// What one scan of one unit produced.
struct ScanOutput {
  std::vector<Finding> findings;  // unsorted; the pipeline sorts and fingerprints
  // Policy skips, counted in summary.skipped: "helm_template", "binary", ... (CONTRACTS.md §2)
  std::vector<std::string> skipped;
  std::vector<std::string> notices;  // verbose-only remarks ("shellcheck not on PATH")
  std::uint64_t unconfirmed = 0;     // pattern hits the confirming regex rejected (counted)
};

class Detector {
 public:
  virtual ~Detector() = default;
  virtual DetectorKind kind() const = 0;
  // Cheap test on path/kind: does this detector look at this unit at all?
  virtual bool wants(const ContentUnit& unit) const = 0;
  // Appends to out. Findings carry the rule's configured severity (rule_severity()). A malformed
  // input is a finding (file, line), not an exception.
  virtual void scan(const ContentUnit& unit, ScanOutput& out) const = 0;
};

// Effective severity and enablement of a rule under a config (overrides by id or alias).
bool rule_enabled(const DetectorContext& ctx, const RuleInfo& rule);
Severity rule_severity(const DetectorContext& ctx, const RuleInfo& rule);
// Option value: the config override if set, else the rule file's default.
std::vector<std::string> rule_option(const DetectorContext& ctx, const RuleInfo& rule,
                                     const std::string& name);

// Factories of the structural detectors (src/detect/<name>/detector.cpp). The pattern detectors
// (secrets, pii) share one compiled database and are built by the pipeline from the engine.
std::unique_ptr<Detector> make_dockerfile_detector(const DetectorContext& ctx);
std::unique_ptr<Detector> make_manifest_detector(const DetectorContext& ctx);
// Whole-file PII checks (customer-data dumps); value rules run in the pattern engine.
std::unique_ptr<Detector> make_pii_dump_detector(const DetectorContext& ctx);

}  // namespace hookguard
