// The lines a change adds: the new side's hunks of a zero-context diff (git's xdiff, through
// libgit2). Lines shared at the start and end of both versions are trimmed before diffing, so
// xdiff hashes only the edited middle of a file (most edits touch a small region).
#pragma once

#include <hookguard/types.hpp>

#include <string_view>
#include <vector>

namespace hookguard::git {

// 1-based ranges in `now`; {{0,0}} (matches no line) when the change only deletes lines.
// Throws GitError when the diff fails.
std::vector<LineRange> added_lines(std::string_view before, std::string_view now);

}  // namespace hookguard::git
