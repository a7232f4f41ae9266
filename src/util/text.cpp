#include "util/text.hpp"


#include <array>
#include <cmath>
#include <algorithm>
#include <cstring>

namespace hookguard::util {

double shannon_entropy(std::string_view s) {
  if (s.empty()) return 0.0;
  std::array<std::uint32_t, 256> counts{};
  for (unsigned char c : s) ++counts[c];
  double entropy = 0.0;
  const double n = double(s.size());
  for (auto c : counts)
    if (c) entropy -= (c / n) * std::log2(c / n);
  return entropy;
}

std::string to_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return out;
}

bool icontains(std::string_view haystack, std::string_view lower_needle) {
  if (lower_needle.empty()) return true;
  if (haystack.size() < lower_needle.size()) return false;
  for (std::size_t i = 0; i + lower_needle.size() <= haystack.size(); ++i) {
    std::size_t j = 0;
    for (; j < lower_needle.size(); ++j) {
      char c = haystack[i + j];
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
      if (c != lower_needle[j]) break;
    }
    if (j == lower_needle.size()) return true;
  }
  return false;
}

namespace {

// '\n' bytes among the eight at `p`: zero-byte detection on word ^ "\n\n\n\n\n\n\n\n" (exact: no
// carry crosses a byte).
std::uint32_t newlines_in_word(const char* p) {
  constexpr std::uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull, low7 = 0x7f7f7f7f7f7f7f7full;
  std::uint64_t word;
  std::memcpy(&word, p, 8);
  std::uint64_t x = word ^ (ones * '\n');
  std::uint64_t nonzero = ((x & low7) + low7) | x;  // high bit set in every non-zero byte
  // One bit per newline byte, summed into the top byte by the multiply (std::popcount is a libgcc
  // call on baseline x86-64, without -mpopcnt).
  return std::uint32_t((((~nonzero & high) >> 7) * ones) >> 56);
}

}  // namespace

std::uint32_t count_newlines(std::string_view text) {
  std::uint32_t n = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) n += newlines_in_word(text.data() + i);
  for (; i < text.size(); ++i) n += text[i] == '\n';
  return n;
}

std::size_t skip_lines(std::string_view text, std::size_t pos, std::uint32_t n) {
  for (std::uint32_t c; n > 0 && pos + 8 <= text.size() && (c = newlines_in_word(text.data() + pos)) < n; pos += 8) n -= c;
  for (; n > 0 && pos < text.size(); ++pos) n -= text[pos] == '\n';
  return n == 0 ? pos : text.size();
}

LineCol LineCounter::at(std::size_t offset) {
  if (offset < m_pos) {  // went backwards: restart
    m_pos = m_line_start = 0;
    m_line = 1;
  }
  while (m_pos < offset) {
    const void* nl = std::memchr(m_text.data() + m_pos, '\n', offset - m_pos);
    if (!nl) {
      m_pos = offset;
      break;
    }
    m_pos = std::size_t(static_cast<const char*>(nl) - m_text.data()) + 1;
    m_line_start = m_pos;
    ++m_line;
  }
  return {m_line, std::uint32_t(offset - m_line_start + 1)};
}

std::string_view LineCounter::line_text(std::size_t offset) const {
  offset = std::min(offset, m_text.size());
  std::size_t start = offset == 0 ? std::string_view::npos : m_text.rfind('\n', offset - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  std::size_t end = m_text.find('\n', offset);
  if (end == std::string_view::npos) end = m_text.size();
  auto line = m_text.substr(start, end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

std::string_view LineCounter::previous_line(std::size_t offset) const {
  auto line = line_text(offset);
  std::size_t start = std::size_t(line.data() - m_text.data());
  if (start == 0) return {};
  return line_text(start - 1);
}

bool looks_binary(std::string_view head) {
  return std::memchr(head.data(), '\0', std::min<std::size_t>(head.size(), 8192)) != nullptr;
}

}  // namespace hookguard::util
