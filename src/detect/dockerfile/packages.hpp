// Helpers the package-manager rules share: package operands, cache mounts, stage reach.
#pragma once

#include "detect/dockerfile/model.hpp"
#include "detect/dockerfile/shell.hpp"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::dockerfile {

// "a, b, c" (at most 5 items, then "and N more").
std::string join_list(const std::vector<std::string>& items);

// Does the instruction have `--mount=type=cache|tmpfs,target=<prefix...>`? Such a directory is
// not part of the image, so there is no cache left to clean.
bool has_cache_mount(const Instruction& ins, std::string_view target_prefix);

// The operands of every command `is_install` accepts that `pinned` rejects. Words in `skip`
// (the subcommand) and unexpanded variables are ignored; `value_flags` take a value.
template <typename IsInstall, typename Pinned>
std::vector<std::string> loose_packages(const Script& s, IsInstall is_install,
                                        std::initializer_list<std::string_view> value_flags,
                                        std::initializer_list<std::string_view> skip, Pinned pinned) {
  std::vector<std::string> loose;
  for (const auto& c : s.commands) {
    if (!is_install(c)) continue;
    for (auto& p : c.operands(value_flags))
      if (std::find(skip.begin(), skip.end(), p) == skip.end() && !p.empty() && p[0] != '$' && !pinned(p))
        loose.push_back(std::move(p));
  }
  return loose;
}

}  // namespace hookguard::dockerfile
