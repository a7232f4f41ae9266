// Hook plumbing shared by the git verbs: git's stdin protocols and git errors -> exit 2.
#pragma once

#include "git/git_error.hpp"

#include <hookguard/scan_target.hpp>

#include <functional>
#include <istream>
#include <vector>

namespace hookguard::cli {

// pre-push: `<local ref> SP <local oid> SP <remote ref> SP <remote oid>` per line.
// Throws UsageError on a malformed line.
std::vector<RefUpdate> read_push_lines(std::istream& in);
// pre-receive: `<old oid> SP <new oid> SP <ref>` per line.
std::vector<RefUpdate> read_receive_lines(std::istream& in);

// Runs `body`; a git::GitError becomes `hookguard: <message>` on stderr and exit 2 (fail closed).
int guard_git(const std::function<int()>& body);

}  // namespace hookguard::cli
