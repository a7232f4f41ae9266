// Small repository queries shared by the git sources. Internal to src/git/.
#pragma once

#include "git/libgit2.hpp"
#include "git/unit_builder.hpp"

#include <memory>
#include <mutex>
#include <string>

namespace hookguard::git {

// The fingerprint key (CONTRACTS.md §3): the root commit reached from HEAD by first parents,
// else from `fallback_tip` (a bare server whose HEAD is unborn), else "hookguard-unborn".
// A long history costs a commit read per ancestor (50 ms for 12,000 commits, on every blocked
// commit): `cache_dir`/root-commits remembers recent (commit, root) pairs, and the walk stops
// at the first remembered commit (its first-parent chain, hence its root, cannot change).
std::string root_commit_key(git_repository* repo, const std::string& cache_dir, const git_oid* fallback_tip = nullptr);

// ContentUnit::exists for a commit's tree / the index. libgit2 handles are not shared between
// threads without a lock, so each lookup takes `lock` (they are rare: a detector asking whether
// a .dockerignore sits beside a Dockerfile).
ExistsFn tree_exists(SharedRepo repo, const git_oid& tree, std::shared_ptr<std::mutex> lock);
ExistsFn index_exists(std::shared_ptr<git_index> index, std::shared_ptr<std::mutex> lock);

// The object `oid` names, peeled through annotated tags to a commit; false when it is not one.
bool peel_to_commit(git_repository* repo, const git_oid& oid, git_oid& commit);

}  // namespace hookguard::git
