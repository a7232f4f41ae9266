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

// Recursive wildcard matcher (patterns are short). When `slash_stops` is true, '*' and '?' do
// not match '/', "**" does, and "**/" also matches zero directories.
bool match(std::string_view p, std::string_view t, bool slash_stops) {
  while (!p.empty()) {
    if (p[0] == '*') {
      bool crosses = !slash_stops || (p.size() > 1 && p[1] == '*');
      while (!p.empty() && p[0] == '*') p.remove_prefix(1);
      if (crosses && slash_stops && !p.empty() && p[0] == '/' && match(p.substr(1), t, slash_stops)) return true;
      for (std::size_t i = 0; i <= t.size(); ++i) {
        if (match(p, t.substr(i), slash_stops)) return true;
        if (i < t.size() && !crosses && t[i] == '/') return false;
      }
      return false;
    }
    if (t.empty()) return false;
    char c = t[0];
    if (p[0] == '?') {
      if (slash_stops && c == '/') return false;
      p.remove_prefix(1);
    } else if (p[0] == '[') {
      std::size_t pi = 0;
      bool ok = true;
      bool hit = match_class(p, pi, c, ok);
      if (!ok) {
        if (c != '[') return false;
        p.remove_prefix(1);
      } else {
        if (!hit || (slash_stops && c == '/')) return false;
        p.remove_prefix(pi);
      }
    } else if (p[0] == '\\' && p.size() > 1) {
      if (p[1] != c) return false;
      p.remove_prefix(2);
    } else {
      if (p[0] != c) return false;
      p.remove_prefix(1);
    }
    t.remove_prefix(1);
  }
  return t.empty();
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
