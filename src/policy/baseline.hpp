// The baseline: accepted findings, merge-friendly (sorted, one entry per line, no line numbers,
// no timestamps, no secret values: `<fingerprint> <rule-id> <path>`), so two branches that touch
// different files never conflict.
#pragma once

#include <hookguard/types.hpp>

#include <set>
#include <string>
#include <vector>

namespace hookguard::policy {

// Fingerprints in the baseline file; empty when `path` is empty or the file does not exist.
// Throws std::runtime_error ("path:line: ...") on a malformed line.
std::set<std::string> load_baseline_fingerprints(const std::string& path);

// The baseline text for these decisions (blocking and audited findings; suppressed excluded).
std::string baseline_text(const std::vector<Decision>& decisions);

}  // namespace hookguard::policy
