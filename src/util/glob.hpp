// Glob matching. Knows nothing of hookguard types.
#pragma once

#include <string_view>

namespace hookguard::util {

// Shell-style wildcard over a whole string: '*' any run, '?' one char, '[...]' a class.
// '*' crosses '/' (use gitignore_match for paths).
bool wildcard_match(std::string_view pattern, std::string_view text);

// gitignore-style match of a repository-relative path (CONTRACTS.md §6): a pattern without a
// '/' (other than a trailing one) matches a name at any depth; a trailing '/' matches a
// directory and everything under it; '**' spans directories; a leading '/' anchors at the root.
bool gitignore_match(std::string_view pattern, std::string_view path);

}  // namespace hookguard::util
