// Line-scoped inline suppressions (CONTRACTS.md §4): ours and the peers' comment forms.
//   hookguard:allow [ids] [-- reason]   the line; on a comment-only line, the next line
//   gitleaks:allow, trufflehog:ignore,
//   pragma: allowlist secret            the same line
//   pragma: allowlist nextline secret   the next line
//   checkov:skip=ID[:reason]            findings of ID in the rest of that YAML document
// Structure-scoped forms (# hadolint ignore=, checkov/kube-linter annotations) are applied by
// the detectors that understand the structure (Finding::suppressed_by).
#pragma once

#include <hookguard/rule_catalog.hpp>
#include <hookguard/types.hpp>

#include <vector>

namespace hookguard::policy {

// Sets suppressed_by on covered findings; appends a `policy-unused-suppression` finding (info)
// for each of our `hookguard:allow` comments that covered nothing (stale ignores rot).
void apply_inline_suppressions(const ContentUnit& unit, const RuleCatalog& catalog, std::vector<Finding>& findings);

}  // namespace hookguard::policy
