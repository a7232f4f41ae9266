#include "util/glob.hpp"

#include <string>
#include <vector>

namespace hookguard::util {
namespace {

// Matches one '[...]' class at pattern[pi]; sets pi past it. Returns false on a malformed class
// (which then matches the literal '[').
bool match_class(std::string_view p, std::size_t& pi, char c, bool& ok) {
  std::size_t i = pi + 1;
  bool negate = i < p.size() && (p[i] == '!' || p[i] == '^');
  if (negate) ++i;
  bool matched = false;
  bool first = true;
  while (i < p.size() && (p[i] != ']' || first)) {
    first = false;
    char lo = p[i];
    if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
      if (c >= lo && c <= p[i + 2]) matched = true;
      i += 3;
    } else {
      if (c == lo) matched = true;
      ++i;
    }
  }
  if (i >= p.size()) return ok = false;
  ok = true;
  pi = i + 1;
  return matched != negate;
}

// Iterative wildcard matcher with single-star backtracking. When `slash_stops` is true, '*'
// and '?' do not match '/', and "**" does.
bool match(std::string_view p, std::string_view t, bool slash_stops) {
  std::size_t pi = 0, ti = 0;
  std::size_t star_p = std::string_view::npos, star_t = 0;
  bool star_crosses = false;
  while (ti < t.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star_crosses = !slash_stops || (pi + 1 < p.size() && p[pi + 1] == '*');
      while (pi < p.size() && p[pi] == '*') ++pi;
      // "**/" also matches zero directories.
      if (star_crosses && pi < p.size() && p[pi] == '/' && slash_stops) {
        if (match(p.substr(pi + 1), t.substr(ti), slash_stops)) return true;
      }
      star_p = pi;
      star_t = ti;
      continue;
    }
    if (pi < p.size()) {
      char c = t[ti];
      if (p[pi] == '?' && !(slash_stops && c == '/')) { ++pi; ++ti; continue; }
      if (p[pi] == '[') {
        std::size_t save = pi;
        bool ok = true;
        if (match_class(p, pi, c, ok) && !(slash_stops && c == '/')) { ++ti; continue; }
        if (ok) pi = save; else if (c == '[') { ++pi; ++ti; continue; }
      } else if (p[pi] == '\\' && pi + 1 < p.size() && p[pi + 1] == c) { pi += 2; ++ti; continue; }
      else if (p[pi] == c) { ++pi; ++ti; continue; }
    }
    if (star_p == std::string_view::npos) return false;
    if (!star_crosses && t[star_t] == '/') return false;
    pi = star_p;
    ti = ++star_t;
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

}  // namespace

bool wildcard_match(std::string_view pattern, std::string_view text) { return match(pattern, text, false); }

bool gitignore_match(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return false;
  bool dir_only = pattern.back() == '/';
  if (dir_only) pattern.remove_suffix(1);
  bool anchored = !pattern.empty() && pattern.front() == '/';
  if (anchored) pattern.remove_prefix(1);
  bool has_slash = anchored || pattern.find('/') != std::string_view::npos;
  // Candidate prefixes: the path itself and each of its parent directories (a pattern that
  // names a directory covers everything below it).
  std::vector<std::string_view> candidates;
  for (std::size_t i = 0; i < path.size(); ++i)
    if (path[i] == '/') candidates.push_back(path.substr(0, i));
  if (!dir_only) candidates.push_back(path);
  for (auto candidate : candidates) {
    if (has_slash) {
      if (match(pattern, candidate, true)) return true;
    } else {
      auto slash = candidate.rfind('/');
      auto name = slash == std::string_view::npos ? candidate : candidate.substr(slash + 1);
      if (match(pattern, name, true)) return true;
    }
  }
  return false;
}

}  // namespace hookguard::util
