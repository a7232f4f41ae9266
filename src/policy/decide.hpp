// Findings -> decisions (the pipeline's severity gate, CONTRACTS.md §3, §6):
//   config allow entry  -> suppressed      inline/structural suppression -> suppressed (or audit,
//   baseline entry      -> baselined       per hooks.<hook>.inline_suppressions)
//   unchanged lines     -> info ("already there", linters only)
//   severity >= block   -> block           severity >= audit -> audit      else -> info
#pragma once

#include <hookguard/config.hpp>
#include <hookguard/types.hpp>

#include <set>
#include <string>
#include <vector>

namespace hookguard::policy {

struct Thresholds {
  Severity block = Severity::high;
  Severity audit = Severity::medium;
};

// The effective thresholds for a hook ("scan", "pre-commit", ...) and detector.
Thresholds thresholds_for(const Config& config, const std::string& hook, DetectorKind detector);

// `findings` must be sorted; `baseline` holds fingerprints.
Verdict decide(const Config& config, const RuleCatalog& catalog, const std::string& hook, std::vector<Finding> findings,
               const std::set<std::string>& baseline);

}  // namespace hookguard::policy
