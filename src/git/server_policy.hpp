// Server-side ref rules for pre-receive (hooks.pre-receive in the server config): tags are
// immutable (policy-tag-moved), protected refs are never deleted or rewritten
// (policy-protected-ref). Reads only the repository (new commits from the quarantine), never the
// pushed content's config. Findings have location `ref`; the caller decides them (they block).
#pragma once

#include <hookguard/config.hpp>
#include <hookguard/scan_target.hpp>
#include <hookguard/types.hpp>

#include <string>
#include <vector>

namespace hookguard::git {

// Throws GitError when a commit needed for the fast-forward check cannot be read.
std::vector<Finding> ref_policy_findings(const HookConfig& hooks, const std::vector<RefUpdate>& updates);

// The author name of the first pushed tip's commit (the pusher when no server variable names
// one), or empty.
std::string pushed_author(const std::vector<RefUpdate>& updates);

// A policy finding about a ref (also used for push bypasses and exhausted time budgets).
Finding ref_finding(const std::string& rule_id, const std::string& ref, std::string message);

}  // namespace hookguard::git
