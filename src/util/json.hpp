// A minimal streaming JSON writer: correct escaping, invalid UTF-8 replaced with U+FFFD so the
// output is always valid JSON whatever bytes a scanned file held.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::util {

std::string json_quote(std::string_view s);

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out, bool pretty = false) : m_out(out), m_pretty(pretty) {}
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view v);
  JsonWriter& value(const char* v) { return value(std::string_view(v)); }
  JsonWriter& value(const std::string& v) { return value(std::string_view(v)); }
  JsonWriter& value(std::int64_t v);
  JsonWriter& value(std::uint64_t v);
  JsonWriter& value(int v) { return value(std::int64_t(v)); }
  JsonWriter& value(unsigned v) { return value(std::uint64_t(v)); }
  JsonWriter& value(bool v);
  JsonWriter& null();
  // "key": value, or "key": null when the string is empty.
  JsonWriter& field(std::string_view k, std::string_view v) { return key(k).value(v); }
  JsonWriter& field_or_null(std::string_view k, std::string_view v) { return v.empty() ? key(k).null() : key(k).value(v); }
  JsonWriter& string_array(std::string_view k, const std::vector<std::string>& items);

 private:
  void separate();
  JsonWriter& end_container(char close);
  void newline();
  std::ostream& m_out;
  bool m_pretty;
  std::vector<bool> m_first;  // per open container: nothing written yet
  bool m_after_key = false;
};

}  // namespace hookguard::util
