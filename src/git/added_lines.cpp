#include "git/added_lines.hpp"

#include "git/libgit2.hpp"

#include <algorithm>
#include <cstdint>

namespace hookguard::git {
namespace {

struct Hunks {
  std::uint32_t line_offset = 0;  // lines trimmed from the start
  std::vector<LineRange> ranges;
};

int collect_hunk(const git_diff_delta*, const git_diff_hunk* hunk, void* payload) {
  auto& h = *static_cast<Hunks*>(payload);
  if (hunk->new_lines > 0) {
    auto first = std::uint32_t(hunk->new_start) + h.line_offset;
    h.ranges.push_back({first, first + std::uint32_t(hunk->new_lines) - 1});
  }
  return 0;
}

std::uint32_t count_lines(std::string_view s) { return std::uint32_t(std::count(s.begin(), s.end(), '\n')); }

// Bytes of whole lines both versions start with.
std::size_t common_prefix(std::string_view a, std::string_view b) {
  auto n = std::size_t(std::mismatch(a.begin(), a.begin() + std::min(a.size(), b.size()), b.begin()).first - a.begin());
  if (n == a.size() && n == b.size()) return n;
  auto nl = a.substr(0, n).rfind('\n');
  return nl == std::string_view::npos ? 0 : nl + 1;
}

// Bytes of whole lines both versions end with, not overlapping `prefix`.
std::size_t common_suffix(std::string_view a, std::string_view b, std::size_t prefix) {
  std::size_t limit = std::min(a.size(), b.size()) - prefix, n = 0;
  while (n < limit && a[a.size() - 1 - n] == b[b.size() - 1 - n]) ++n;
  // The suffix must start right after a newline that is itself shared.
  std::string_view tail = a.substr(a.size() - n);
  auto nl = tail.find('\n');
  return nl == std::string_view::npos ? 0 : n - (nl + 1);
}

}  // namespace

std::vector<LineRange> added_lines(std::string_view before, std::string_view now) {
  std::size_t prefix = common_prefix(before, now);
  std::size_t suffix = common_suffix(before, now, prefix);
  std::string_view old_mid = before.substr(prefix, before.size() - prefix - suffix);
  std::string_view new_mid = now.substr(prefix, now.size() - prefix - suffix);
  Hunks hunks;
  hunks.line_offset = count_lines(now.substr(0, prefix));
  if (new_mid.empty()) return {{0, 0}};
  if (old_mid.empty()) {
    std::uint32_t lines = count_lines(new_mid) + (new_mid.back() != '\n');
    return {{hunks.line_offset + 1, hunks.line_offset + lines}};
  }
  ensure_libgit2();
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.context_lines = 0;
  opts.interhunk_lines = 0;
  opts.flags = GIT_DIFF_FORCE_TEXT;
  check(git_diff_buffers(old_mid.data(), old_mid.size(), nullptr, new_mid.data(), new_mid.size(), nullptr, &opts, nullptr,
                         nullptr, collect_hunk, nullptr, &hunks),
        "diffing two versions of a file");
  if (hunks.ranges.empty()) hunks.ranges.push_back({0, 0});
  return hunks.ranges;
}

}  // namespace hookguard::git
