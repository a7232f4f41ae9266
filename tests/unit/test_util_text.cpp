// Text helpers: the word-wise newline count and line skip against plain byte walks, at every alignment and
// with bytes that trip naive zero-byte tricks (0x8a has the high bit of '\n' | 0x80; 0x0b, 0x09
// differ from '\n' by one bit).
#include "util/text.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

TEST_CASE("count_newlines and skip_lines count exactly") {
  const std::string alphabet = std::string("\n\x8a\x0b\x09\x0a\xff\x00 a", 9);
  std::uint64_t state = 42;
  for (std::size_t length = 0; length < 80; ++length) {
    std::string text;
    for (std::size_t i = 0; i < length; ++i) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      text += alphabet[(state >> 33) % alphabet.size()];
    }
    for (std::size_t skip = 0; skip < std::min<std::size_t>(8, length + 1); ++skip) {
      std::string_view view = std::string_view(text).substr(skip);
      INFO(length, " ", skip);
      CHECK(hookguard::util::count_newlines(view) == std::uint32_t(std::count(view.begin(), view.end(), '\n')));
      for (std::uint32_t n = 0; n < 12; ++n) {  // skip_lines against a byte walk
        std::size_t expected = 0, seen = 0;
        while (seen < n && expected < view.size()) seen += view[expected++] == '\n';
        if (seen < n) expected = view.size();
        CHECK(hookguard::util::skip_lines(view, 0, n) == expected);
      }
    }
  }
  CHECK(hookguard::util::count_newlines(std::string(4096, '\n')) == 4096);
}
