#include "detect/pii/record_files.hpp"

#include "detect/pii/personal_fields.hpp"

#include <algorithm>
#include <map>

namespace hookguard::pii {
namespace {

struct Line {
  std::string_view text;  // without the line break (and a CR before it)
  std::uint32_t number = 0;
};

// Walks the lines of a text without copying it.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : m_text(text) {}
  bool next(Line& line) {
    if (m_pos > m_text.size()) return false;
    std::size_t end = std::min(m_text.find('\n', m_pos), m_text.size());
    line.text = m_text.substr(m_pos, end - m_pos);
    if (!line.text.empty() && line.text.back() == '\r') line.text.remove_suffix(1);
    line.number = ++m_number;
    m_pos = end + 1;
    return true;
  }

 private:
  std::string_view m_text;
  std::size_t m_pos = 0;
  std::uint32_t m_number = 0;
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"' || s.front() == '\'' || s.front() == '`'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '"' || s.back() == '\'' || s.back() == '`'))
    s.remove_suffix(1);
  return s;
}

// Fields of one delimited line; a delimiter inside double quotes does not split.
std::vector<std::string_view> split_fields(std::string_view line, char delimiter) {
  std::vector<std::string_view> out;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == delimiter && !quoted) out.push_back(line.substr(start, i - start)), start = i + 1;
  }
  out.push_back(line.substr(start));
  return out;
}

// A header cell is a plain column name, not code or prose.
bool is_column_name(std::string_view cell) {
  cell = trim(cell);
  if (cell.empty() || cell.size() > 48) return false;
  return std::all_of(cell.begin(), cell.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ' ' ||
           c == '-' || c == '.';
  });
}

std::vector<std::string> names_of(const std::vector<std::string_view>& cells) {
  std::vector<std::string> out;
  for (auto c : cells) out.emplace_back(trim(c));
  return out;
}

bool blank(std::string_view s) { return trim(s).empty(); }

std::optional<RecordEvidence> delimited_table(std::string_view text) {
  LineCursor cursor(text);
  Line header;
  while (cursor.next(header) && (blank(header.text) || header.text[0] == '#')) {}
  if (blank(header.text)) return std::nullopt;
  static constexpr std::pair<char, const char*> k_delimiters[] = {{',', "CSV"}, {'\t', "TSV"}, {';', "CSV"}, {'|', "table"}};
  for (auto [delimiter, format] : k_delimiters) {
    auto cells = split_fields(header.text, delimiter);
    if (delimiter == '|') {  // Markdown tables: | a | b |
      if (!cells.empty() && blank(cells.front())) cells.erase(cells.begin());
      if (!cells.empty() && blank(cells.back())) cells.pop_back();
    }
    if (cells.size() < 2 || !std::all_of(cells.begin(), cells.end(), is_column_name)) continue;
    auto names = names_of(cells);
    if (!names_personal_data(names)) continue;
    RecordEvidence e{format, 0, personal_fields(names), 0};
    std::size_t want = split_fields(header.text, delimiter).size();
    for (Line row; cursor.next(row);) {
      if (blank(row.text) || split_fields(row.text, delimiter).size() != want) continue;
      if (row.text.find_first_not_of("|-: \t") == std::string_view::npos) continue;  // Markdown rule
      if (!e.rows++) e.first_record_line = row.number;
    }
    return e;
  }
  return std::nullopt;
}

// Keys of JSON objects ("key": ...) and YAML mappings (key: ... / - key: ...) by occurrence.
struct KeyCount {
  std::size_t count = 0;
  std::uint32_t first_line = 0;
};

using KeyCounts = std::map<std::string_view, KeyCount>;  // views into the scanned text

void count_json_keys(const Line& line, KeyCounts& keys) {
  std::string_view t = line.text;
  for (std::size_t q = t.find('"'); q != std::string_view::npos; q = t.find('"', q + 1)) {
    std::size_t close = t.find('"', q + 1);
    if (close == std::string_view::npos) return;
    std::size_t colon = t.find_first_not_of(" \t", close + 1);
    if (colon != std::string_view::npos && t[colon] == ':' && close - q - 1 <= 48) {
      auto& k = keys[t.substr(q + 1, close - q - 1)];
      if (!k.count++) k.first_line = line.number;
    }
    q = close;
  }
}

void count_yaml_key(const Line& line, KeyCounts& keys) {
  std::string_view t = line.text;
  std::size_t start = t.find_first_not_of(" \t-");
  std::size_t colon = t.find(':');
  if (start == std::string_view::npos || colon == std::string_view::npos || colon <= start) return;
  std::string_view key = t.substr(start, colon - start);
  if (!is_column_name(key) || key.find(' ') != std::string_view::npos) return;
  auto& k = keys[trim(key)];
  if (!k.count++) k.first_line = line.number;
}

std::optional<RecordEvidence> keyed_records(std::string_view text, bool json) {
  KeyCounts keys;
  LineCursor cursor(text);
  for (Line l; cursor.next(l);) json ? count_json_keys(l, keys) : count_yaml_key(l, keys);
  std::vector<std::string> names;
  for (const auto& [name, count] : keys) names.emplace_back(name);
  if (!names_personal_data(names)) return std::nullopt;
  RecordEvidence e{json ? "JSON" : "YAML", 0, personal_fields(names), 0};
  e.first_record_line = UINT32_MAX;
  for (const auto& name : e.fields) {
    const KeyCount& k = keys[std::string_view(name)];
    if (classify_field(name) == FieldKind::strong) e.rows = std::max(e.rows, k.count);
    e.first_record_line = std::min(e.first_record_line, k.first_line);  // the first record's first field
  }
  return e;
}

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if ((s[i] | 0x20) != (prefix[i] | 0x20)) return false;
  return true;
}

std::size_t find_nocase(std::string_view s, std::string_view word) {
  for (std::size_t i = 0; i + word.size() <= s.size(); ++i)
    if (starts_with_nocase(s.substr(i), word)) return i;
  return std::string_view::npos;
}

// Column names from "INSERT INTO t (a, b) VALUES" / "COPY t (a, b) FROM stdin"; none when the
// statement lists no columns.
std::vector<std::string> sql_columns(std::string_view statement, std::string_view keyword) {
  statement = statement.substr(0, find_nocase(statement, keyword));
  std::size_t open = statement.find('('), close = statement.find(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return {};
  return names_of(split_fields(statement.substr(open + 1, close - open - 1), ','));
}

std::size_t value_tuples(std::string_view statement) {
  std::size_t n = 1;
  for (std::size_t p = statement.find("),"); p != std::string_view::npos; p = statement.find("),", p + 2)) ++n;
  return n;
}

std::optional<RecordEvidence> sql_dump(std::string_view text) {
  RecordEvidence e{"SQL", 0, {}, 0};
  std::vector<std::string> columns;
  bool in_copy = false;
  LineCursor cursor(text);
  for (Line l; cursor.next(l);) {
    std::string_view t = trim(l.text);
    if (in_copy) {
      in_copy = t != "\\.";
      if (in_copy && !e.rows++) e.first_record_line = l.number;
      continue;
    }
    bool insert = starts_with_nocase(t, "insert into");
    bool copy = starts_with_nocase(t, "copy ") && find_nocase(t, "from stdin") != std::string_view::npos;
    if (!insert && !copy) continue;
    auto cols = sql_columns(t, copy ? "from stdin" : "values");
    if (!names_personal_data(cols)) continue;
    for (auto& c : personal_fields(cols))
      if (std::find(columns.begin(), columns.end(), c) == columns.end()) columns.push_back(c);
    if (copy) {
      in_copy = true;
      continue;
    }
    if (!e.first_record_line) e.first_record_line = l.number;
    e.rows += value_tuples(t);
  }
  if (e.rows == 0) return std::nullopt;
  e.fields = std::move(columns);
  return e;
}

}  // namespace

std::optional<RecordEvidence> find_personal_records(std::string_view text, std::string_view path) {
  std::string_view start = text.substr(std::min(text.find_first_not_of(" \t\r\n\xEF\xBB\xBF"), text.size()));
  bool json = !start.empty() && (start.front() == '[' || start.front() == '{');
  bool yaml = path.ends_with(".yml") || path.ends_with(".yaml");
  bool sql = path.ends_with(".sql") || path.ends_with(".dump") || path.ends_with(".psql");
  std::optional<RecordEvidence> best;
  auto consider = [&](std::optional<RecordEvidence> candidate) {
    if (candidate && (!best || candidate->rows > best->rows)) best = std::move(candidate);
  };
  if (sql) consider(sql_dump(text));
  if (json || yaml) consider(keyed_records(text, json));
  if (!json) consider(delimited_table(text));
  return best;
}

}  // namespace hookguard::pii
