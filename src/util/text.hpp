// Small text utilities. Knows nothing of hookguard types.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hookguard::util {

// Shannon entropy in bits per character.
double shannon_entropy(std::string_view s);

std::string to_lower(std::string_view s);
bool icontains(std::string_view haystack, std::string_view lower_needle);

// Line (1-based) and byte column (1-based) of an offset; counts '\n' only (CRLF files keep
// their '\r' in the previous line, lone CR is not a line break, as git and compilers count).
struct LineCol {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
};

// Number of '\n' bytes, eight at a time: a hook counts the lines before every change of every
// file it reads, and the byte loop (or a memchr call per line) showed up in a 10,000-commit push.
std::uint32_t count_newlines(std::string_view text);
// Offset just past the n-th '\n' at or after `pos` (pos itself for n = 0; text.size() when there
// are fewer): where line L + n starts, given where line L starts.
std::size_t skip_lines(std::string_view text, std::size_t pos, std::uint32_t n);

// Incremental offset -> line/column for offsets visited in increasing order.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : m_text(text) {}
  LineCol at(std::size_t offset);
  std::string_view line_text(std::size_t offset) const;  // the line containing offset, no EOL
  std::string_view previous_line(std::size_t offset) const;

 private:
  std::string_view m_text;
  std::size_t m_pos = 0;
  std::size_t m_line_start = 0;
  std::uint32_t m_line = 1;
};

bool looks_binary(std::string_view head);  // NUL in the first 8 KiB

}  // namespace hookguard::util
