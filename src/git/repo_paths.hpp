// Where git looks for hooks, for `hookguard install` / `uninstall` / `doctor`.
#pragma once

#include <string>

namespace hookguard::git {

struct HookLocation {
  std::string hooks_dir;   // absolute: core.hooksPath if set, else <common git dir>/hooks
  std::string hooks_path;  // core.hooksPath as configured, empty when unset
  bool bare = false;
};

// The hooks directory of the repository around the current directory. Linked worktrees share
// the common dir's hooks (git never reads .git/worktrees/<n>/hooks); a relative core.hooksPath is
// resolved against the working tree root, as git does when it runs client hooks.
// Throws GitError outside a repository.
HookLocation client_hooks_location();

// Is `dir` a git directory (bare repository or .git)?
bool is_git_dir(const std::string& dir);

std::string libgit2_version();

// The commit id a revision names in the current repository. Throws GitError.
std::string resolve_commit(const std::string& revision);

}  // namespace hookguard::git
