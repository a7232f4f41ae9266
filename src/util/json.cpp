#include "util/json.hpp"

#include <cstdio>

namespace hookguard::util {
namespace {

// Length of a valid UTF-8 sequence at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return (unsigned char)s[i + k]; };
  unsigned char c = b(0);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((b(k) & 0xC0) != 0x80) return 0;
  if (n == 2 && c < 0xC2) return 0;                                   // overlong
  if (n == 3 && c == 0xE0 && b(1) < 0xA0) return 0;                   // overlong
  if (n == 3 && c == 0xED && b(1) >= 0xA0) return 0;                  // surrogate
  if (n == 4 && (c > 0xF4 || (c == 0xF0 && b(1) < 0x90) || (c == 0xF4 && b(1) >= 0x90))) return 0;
  return n;
}

}  // namespace

std::string json_quote(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = (unsigned char)s[i];
    std::size_t n = utf8_length(s, i);
    if (n == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    if (n > 1) {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += char(c);
        }
    }
    ++i;
  }
  return out + "\"";
}

void JsonWriter::newline() {
  if (!m_pretty) return;
  m_out << '\n';
  for (std::size_t i = 0; i < m_first.size(); ++i) m_out << "  ";
}

void JsonWriter::separate() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_first.empty()) {
    if (!m_first.back()) m_out << ',';
    m_first.back() = false;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object() {
  separate();
  m_out << '{';
  m_first.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_container(char close) {
  bool empty = m_first.back();
  m_first.pop_back();
  if (!empty) newline();
  m_out << close;
  return *this;
}

JsonWriter& JsonWriter::end_object() { return end_container('}'); }

JsonWriter& JsonWriter::begin_array() {
  separate();
  m_out << '[';
  m_first.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() { return end_container(']'); }

JsonWriter& JsonWriter::key(std::string_view k) {
  separate();
  m_out << json_quote(k) << (m_pretty ? ": " : ":");
  m_after_key = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view v) {
  separate();
  m_out << json_quote(v);
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t v) {
  separate();
  m_out << v;
  return *this;
}

JsonWriter& JsonWriter::value(std::uint64_t v) {
  separate();
  m_out << v;
  return *this;
}

JsonWriter& JsonWriter::value(bool v) {
  separate();
  m_out << (v ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  separate();
  m_out << "null";
  return *this;
}

JsonWriter& JsonWriter::string_array(std::string_view k, const std::vector<std::string>& items) {
  key(k).begin_array();
  for (const auto& i : items) value(i);
  return end_array();
}

}  // namespace hookguard::util
