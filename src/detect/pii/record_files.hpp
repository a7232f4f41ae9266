// Finds record-shaped personal data in a file's text: delimited tables (CSV, TSV, semicolon,
// pipe), JSON / JSON lines / YAML lists of objects, and SQL dumps (INSERT ... VALUES, COPY ...
// FROM stdin). Linear in the text, no copies of it; tolerant of CRLF, NUL bytes and malformed
// input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::pii {

struct RecordEvidence {
  std::string format;                        // "CSV", "JSON", "SQL INSERT", ...
  std::size_t rows = 0;                      // records counted
  std::vector<std::string> fields;           // the personal field names (never record content)
  std::uint32_t first_record_line = 0;       // 1-based
};

// The record evidence with the most rows whose fields name personal data, if any. The path's
// extension selects the costlier whole-text checks: SQL statements only in .sql/.dump/.psql
// files, mapping keys only in .yml/.yaml files (JSON is recognised by its first character).
std::optional<RecordEvidence> find_personal_records(std::string_view text, std::string_view path);

}  // namespace hookguard::pii
