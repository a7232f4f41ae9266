// The lines a change adds: the insertions of a shortest line edit script (Myers, as git diff),
// computed only over the edited middle: lines shared at the start and end of both versions are
// trimmed first (most edits touch a small region). Where a line repeats, which copy counts as
// added may differ from git's choice; the added text is the same. Pure function, no git.
#pragma once

#include <hookguard/types.hpp>

#include <string_view>
#include <vector>

namespace hookguard::git {

// 1-based ranges in `now`; {{0,0}} (matches no line) when the change only deletes lines.
std::vector<LineRange> added_lines(std::string_view before, std::string_view now);

}  // namespace hookguard::git
