#include "git/added_lines.hpp"

#include "util/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>

namespace hookguard::git {
namespace {

// Past this many differing lines the change is a rewrite: every remaining new line counts as
// added (what a diff would say up to the placement of repeated lines) and memory stays bounded.
constexpr int k_max_edit_distance = 1000;

// The byte scans below run over whole blobs for every changed file of a push: they go through
// memcmp (vectorised) and a word-wise newline count rather than byte loops, which were a third
// of added_lines.
constexpr std::size_t k_block = 256;

// Length of the longest common prefix of a and b.
std::size_t same_prefix(std::string_view a, std::string_view b) {
  std::size_t limit = std::min(a.size(), b.size()), n = 0;
  while (n + k_block <= limit && std::memcmp(a.data() + n, b.data() + n, k_block) == 0) n += k_block;
  while (n < limit && a[n] == b[n]) ++n;
  return n;
}

// Length of the longest common suffix of a and b, at most `limit`.
std::size_t same_suffix(std::string_view a, std::string_view b, std::size_t limit) {
  std::size_t n = 0;
  while (n + k_block <= limit && std::memcmp(a.data() + a.size() - n - k_block, b.data() + b.size() - n - k_block, k_block) == 0)
    n += k_block;
  while (n < limit && a[a.size() - 1 - n] == b[b.size() - 1 - n]) ++n;
  return n;
}

// Bytes of whole lines both versions start with.
std::size_t common_prefix(std::string_view a, std::string_view b) {
  auto n = same_prefix(a, b);
  if (n == a.size() && n == b.size()) return n;
  auto nl = a.substr(0, n).rfind('\n');
  return nl == std::string_view::npos ? 0 : nl + 1;
}

// Bytes of whole lines both versions end with, not overlapping `prefix`.
std::size_t common_suffix(std::string_view a, std::string_view b, std::size_t prefix) {
  std::size_t n = same_suffix(a, b, std::min(a.size(), b.size()) - prefix);
  // The suffix must start right after a newline that is itself shared.
  std::string_view tail = a.substr(a.size() - n);
  auto nl = tail.find('\n');
  return nl == std::string_view::npos ? 0 : n - (nl + 1);
}

struct Lines {
  std::vector<std::string_view> text;
  std::vector<std::size_t> hash;
};

Lines split(std::string_view s) {
  Lines l;
  while (!s.empty()) {
    auto nl = s.find('\n');
    std::size_t len = nl == std::string_view::npos ? s.size() : nl + 1;
    l.text.push_back(s.substr(0, len));
    l.hash.push_back(std::hash<std::string_view>{}(l.text.back()));
    s.remove_prefix(len);
  }
  return l;
}

bool same(const Lines& a, int i, const Lines& b, int j) { return a.hash[i] == b.hash[j] && a.text[i] == b.text[j]; }

// Myers' O(ND) shortest edit script; marks the lines of `b` that are insertions. False when the
// edit distance exceeds k_max_edit_distance. The trace keeps, per step d, only the diagonals
// -d..d that step can reach (O(D^2) in total, not O(D * max): copying the whole frontier per step
// was most of a 10,000-commit push).
bool mark_insertions(const Lines& a, const Lines& b, std::vector<bool>& inserted) {
  const int n = int(a.text.size()), m = int(b.text.size()), max = std::min(n + m, k_max_edit_distance);
  const int offset = max + 1;
  std::vector<int> v(2 * max + 3, 0);
  std::vector<int> trace;  // step d's diagonals -d..d start at trace[d * d]
  auto at = [&](int d, int k) { return trace[std::size_t(d * d + d + k)]; };
  for (int d = 0; d <= max; ++d) {
    // Before step d, v holds step d-1's frontier: keep what step d reads (diagonals -d..d).
    for (int k = -d; k <= d; ++k) trace.push_back(v[offset + k]);
    for (int k = -d; k <= d; k += 2) {
      bool down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
      int x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && same(a, x, b, y)) ++x, ++y;
      v[offset + k] = x;
      if (x < n || y < m) continue;
      for (int dd = d, kk = k; dd > 0; --dd) {  // walk back: each step down is an inserted line
        bool dn = kk == -dd || (kk != dd && at(dd, kk - 1) < at(dd, kk + 1));
        int prev_k = dn ? kk + 1 : kk - 1;
        if (dn) inserted[at(dd, prev_k) - prev_k] = true;
        kk = prev_k;
      }
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<LineRange> added_lines(std::string_view before, std::string_view now) {
  std::size_t prefix = common_prefix(before, now);
  std::size_t suffix = common_suffix(before, now, prefix);
  Lines a = split(before.substr(prefix, before.size() - prefix - suffix));
  Lines b = split(now.substr(prefix, now.size() - prefix - suffix));
  std::uint32_t offset = util::count_newlines(now.substr(0, prefix));
  std::vector<bool> inserted(b.text.size(), false);
  if (!mark_insertions(a, b, inserted)) inserted.assign(b.text.size(), true);
  std::vector<LineRange> ranges;
  for (std::size_t j = 0; j < inserted.size(); ++j) {
    if (!inserted[j]) continue;
    auto line = offset + std::uint32_t(j) + 1;
    if (!ranges.empty() && ranges.back().last + 1 == line) ranges.back().last = line;
    else ranges.push_back({line, line});
  }
  if (ranges.empty()) ranges.push_back({0, 0});
  return ranges;
}

}  // namespace hookguard::git
