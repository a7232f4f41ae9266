// Added line ranges of a change (src/git/added_lines): the prefix/suffix trimming must give the
// lines a zero-context `git diff` shows as added, at their line numbers in the new version.
#include "git/added_lines.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using hookguard::LineRange;
using hookguard::git::added_lines;

namespace {

std::vector<std::pair<unsigned, unsigned>> ranges(const std::string& before, const std::string& now) {
  std::vector<std::pair<unsigned, unsigned>> out;
  for (const LineRange& r : added_lines(before, now)) out.emplace_back(r.first, r.last);
  return out;
}

using R = std::vector<std::pair<unsigned, unsigned>>;

}  // namespace

TEST_CASE("git added lines") {
  SUBCASE("appended line") { CHECK(ranges("a\nb\n", "a\nb\nc\n") == R{{3, 3}}); }
  SUBCASE("inserted in the middle") { CHECK(ranges("a\nb\nc\n", "a\nb\nX\nc\n") == R{{3, 3}}); }
  SUBCASE("prepended") { CHECK(ranges("a\nb\n", "X\na\nb\n") == R{{1, 1}}); }
  SUBCASE("changed line") { CHECK(ranges("a\nb\nc\n", "a\nB\nc\n") == R{{2, 2}}); }
  SUBCASE("two separate edits") { CHECK(ranges("1\n2\n3\n4\n5\n6\n", "1\nX\n3\n4\nY\n6\n") == R{{2, 2}, {5, 5}}); }
  SUBCASE("deletion only adds nothing") { CHECK(ranges("a\nb\nc\n", "a\nc\n") == R{{0, 0}}); }
  SUBCASE("identical content adds nothing") { CHECK(ranges("a\nb\n", "a\nb\n") == R{{0, 0}}); }
  SUBCASE("edit within a line shared by prefix bytes") { CHECK(ranges("token=abc\nz\n", "token=abd\nz\n") == R{{1, 1}}); }
  SUBCASE("newline added at end of file") { CHECK(ranges("a\nb", "a\nb\n") == R{{2, 2}}); }
  SUBCASE("last line without newline changed") { CHECK(ranges("a\nb", "a\nc") == R{{2, 2}}); }
  SUBCASE("from empty") { CHECK(ranges("", "a\nb\n") == R{{1, 2}}); }
  SUBCASE("duplicate line inserted next to its twin") {
    auto r = ranges("a\nb\nc\n", "a\nb\nb\nc\n");
    REQUIRE(r.size() == 1);
    CHECK(r[0].second - r[0].first == 0);
    CHECK((r[0].first == 2 || r[0].first == 3));
  }
  SUBCASE("suffix does not start mid-line") { CHECK(ranges("xa\n", "ya\n") == R{{1, 1}}); }
}

namespace {

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto nl = s.find('\n', start);
    auto end = nl == std::string::npos ? s.size() : nl + 1;
    out.push_back(s.substr(start, end - start));
    start = end;
  }
  return out;
}

std::size_t lcs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<std::size_t>> t(a.size() + 1, std::vector<std::size_t>(b.size() + 1, 0));
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j)
      t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
  return t[a.size()][b.size()];
}

}  // namespace

TEST_CASE("git added lines are a minimal edit on random inputs") {
  unsigned seed = 12345;
  auto next = [&] { return (seed = seed * 1103515245u + 12345u) >> 16; };
  for (int round = 0; round < 300; ++round) {
    std::string before, now;
    for (unsigned i = 0, n = next() % 12; i < n; ++i) before += std::string(1, char('a' + next() % 4)) + "\n";
    for (unsigned i = 0, n = next() % 12; i < n; ++i) now += std::string(1, char('a' + next() % 4)) + "\n";
    auto a = lines_of(before), b = lines_of(now);
    std::vector<std::string> kept;
    std::size_t added = 0;
    auto r = added_lines(before, now);
    for (std::size_t j = 0; j < b.size(); ++j) {
      bool in = false;
      for (const auto& range : r) in = in || range.contains(std::uint32_t(j + 1));
      if (in) ++added;
      else kept.push_back(b[j]);
    }
    INFO(before << "---\n" << now);
    CHECK(lcs(a, kept) == kept.size());        // what is not added was already there, in order
    CHECK(added == b.size() - lcs(a, b));      // and nothing more than necessary is added
  }
}
