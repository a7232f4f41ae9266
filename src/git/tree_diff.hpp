// What changed between two trees, or between a tree and the index: one TreeChange per path whose
// content differs. Identical subtrees are skipped by oid without being read (git's own trick;
// libgit2's tree diff walks them and costs ~3x git). Internal to src/git/.
#pragma once

#include "git/libgit2.hpp"

#include <functional>
#include <string>

namespace hookguard::git {

struct TreeChange {
  std::string path;  // repository-root relative
  git_oid old_oid{};
  git_oid new_oid{};
  git_filemode_t old_mode = GIT_FILEMODE_UNREADABLE;  // UNREADABLE = absent (added)
  git_filemode_t new_mode = GIT_FILEMODE_UNREADABLE;  // UNREADABLE = absent (deleted)

  bool added() const { return old_mode == GIT_FILEMODE_UNREADABLE; }
  bool deleted() const { return new_mode == GIT_FILEMODE_UNREADABLE; }
};

using ChangeVisitor = std::function<void(const TreeChange&)>;

// Non-tree entries that differ between old_tree and new_tree (either may be null = empty tree).
// Gitlinks (mode 160000) are reported like files; the caller skips them.
void diff_trees(git_repository* repo, const git_tree* old_tree, const git_tree* new_tree, const ChangeVisitor& visit);

// The staged changes: index entries (stage 0) against `tree` (null = empty tree).
void diff_index(git_repository* repo, const git_tree* tree, git_index* index, const ChangeVisitor& visit);

}  // namespace hookguard::git
