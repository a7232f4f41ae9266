#include "detect/manifest/loader.hpp"

#include "util/yaml_guard.hpp"

#include <yaml-cpp/depthguard.h>

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

namespace hookguard::manifest {
namespace {

Span line_span(std::uint32_t line) { return Span{line, 1, line, 1}; }

// A line that opens a document: "---" followed by white space or the end of the line.
bool document_marker(std::string_view text, std::size_t pos) {
  return text.compare(pos, 3, "---") == 0 && (pos + 3 == text.size() || std::string_view(" \t\r\n").find(text[pos + 3]) != std::string_view::npos);
}

// Directives ("%YAML 1.2") belong to the document their "---" opens: start the chunk before them.
std::size_t with_directives(std::string_view text, std::size_t start) {
  while (start > 0) {
    std::size_t previous = start >= 2 ? text.rfind('\n', start - 2) : std::string_view::npos;
    previous = previous == std::string_view::npos ? 0 : previous + 1;
    if (text.substr(previous, 1) != "%") break;
    start = previous;
  }
  return start;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits after "\u" at `pos`, or -1.
long utf16_unit(std::string_view text, std::size_t pos) {
  if (pos + 6 > text.size() || text[pos] != '\\' || text[pos + 1] != 'u') return -1;
  long value = 0;
  for (std::size_t i = pos + 2; i < pos + 6; ++i) {
    int digit = hex_value(text[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

// yaml-cpp rejects JSON's surrogate-pair escapes ("\ud83d\ude00", what Python's json.dumps
// writes for non-BMP characters); YAML's own "\U0001F600" means the same. The rewrite is two
// bytes shorter per pair, so columns later on that line shift; lines stay exact.
std::string rewrite_surrogate_pairs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    long high = utf16_unit(text, i);
    long low = high >= 0xD800 && high <= 0xDBFF ? utf16_unit(text, i + 6) : -1;
    if (low >= 0xDC00 && low <= 0xDFFF && (i == 0 || text[i - 1] != '\\')) {
      long code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
      out += fmt::format("\\U{:08X}", code);
      i += 11;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool has_surrogate_escape(std::string_view text) {
  for (auto pos = text.find("\\u"); pos != std::string_view::npos; pos = text.find("\\u", pos + 2))
    if (pos + 3 < text.size() && (text[pos + 2] == 'd' || text[pos + 2] == 'D')) return true;
  return false;
}

std::string_view line_text(std::string_view text, std::uint32_t line) {
  std::size_t pos = 0;
  for (std::uint32_t l = 1; l < line && pos != std::string_view::npos; ++l) {
    pos = text.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  if (pos == std::string_view::npos || pos >= text.size()) return {};
  return text.substr(pos, text.find('\n', pos) - pos);
}

LoadProblem parse_problem(std::string_view text, const YAML::Exception& e, bool too_deep) {
  auto line = static_cast<std::uint32_t>(e.mark.is_null() ? 1 : e.mark.line + 1);
  if (too_deep)
    return {"manifest-yaml-limit", line_span(line),
            "nesting deeper than the YAML parser allows (about 500 levels): not linted", "depth"};
  std::string message = fmt::format("not valid YAML/JSON: {}", e.msg);
  // yaml-cpp caps implicit keys at 1024 characters, which valid JSON may exceed.
  if (line_text(text, line).size() > 1024) message += " (a key longer than 1024 characters?)";
  return {"manifest-parse-error", line_span(line), std::move(message), "parse:" + e.msg};
}

// Walks one document the way a consumer would (aliases expanded) with a node and depth budget,
// reporting duplicate keys. Returns false when a limit was hit.
class DocumentChecker {
 public:
  DocumentChecker(std::string_view text, const LoadLimits& limits, std::vector<LoadProblem>& problems)
      : m_text(text), m_limits(limits), m_problems(problems) {}

  bool check(const YAML::Node& root) {
    if (visit(root, 0)) return true;
    auto line = static_cast<std::uint32_t>(m_failed_at.line + 1);
    m_problems.push_back({"manifest-yaml-limit", line_span(line),
                          fmt::format("document expands to more than {} nodes or {} levels (alias bomb?): "
                                      "not linted", m_limits.max_nodes, m_limits.max_depth),
                          "expansion"});
    return false;
  }

 private:
  bool visit(const YAML::Node& node, int depth) {
    if (++m_visited > m_limits.max_nodes || depth > m_limits.max_depth) {
      m_failed_at = node.Mark();
      return false;
    }
    if (node.IsMap()) check_duplicates(node);
    if (!node.IsMap() && !node.IsSequence()) return true;
    for (auto it = node.begin(); it != node.end(); ++it)
      if (!visit(node.IsMap() ? it->second : *it, depth + 1)) return false;
    return true;
  }

  void check_duplicates(const YAML::Node& map) {
    std::unordered_set<std::string> keys;
    for (auto it = map.begin(); it != map.end(); ++it) {
      if (!it->first.IsScalar() || keys.insert(it->first.Scalar()).second) continue;
      if (!m_reported.insert(it->first.Mark().pos).second) continue;  // an alias shows it again
      m_problems.push_back({"manifest-duplicate-key", span_of(m_text, it->first, it->second),
                            fmt::format("duplicate key '{}': this parser keeps the first value, other "
                                        "consumers keep this one", it->first.Scalar()),
                            "duplicate:" + it->first.Scalar()});
    }
  }

  std::string_view m_text;
  const LoadLimits& m_limits;
  std::vector<LoadProblem>& m_problems;
  std::size_t m_visited = 0;
  YAML::Mark m_failed_at;
  std::unordered_set<int> m_reported;
};

void parse_stream(std::string_view text, const LoadLimits& limits, Loaded& out) {
  if (auto line = util::yaml_hang_line(text)) {
    out.problems.push_back({"manifest-parse-error", line_span(line),
                            fmt::format("not valid YAML: {}", util::k_yaml_hang_reason), "parse:stray-comma"});
    return;
  }
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(std::string(text));
  } catch (const YAML::DeepRecursion& e) {
    out.problems.push_back(parse_problem(text, e, true));
    return;
  } catch (const YAML::Exception& e) {
    out.problems.push_back(parse_problem(text, e, false));
    return;
  }
  for (auto& document : documents) {
    DocumentChecker checker(text, limits, out.problems);
    if (checker.check(document)) out.documents.push_back(std::move(document));
  }
}

}  // namespace

Split split_documents(std::string_view text, const LoadLimits& limits) {
  Split out;
  if (text.size() > limits.max_bytes) {
    out.problems.push_back({"manifest-yaml-limit", line_span(1),
                            fmt::format("file is {} bytes, over the {}-byte manifest limit: not linted",
                                        text.size(), limits.max_bytes), "size"});
    return out;
  }
  std::size_t start = 0;
  std::uint32_t start_line = 0, line = 0;
  auto close = [&](std::size_t end, std::uint32_t end_line) {
    std::string_view chunk = text.substr(start, end - start);
    if (chunk.find_first_not_of(" \t\r\n") != std::string_view::npos) out.chunks.push_back({chunk, start_line});
    start = end, start_line = end_line;
  };
  for (std::size_t pos = 0; pos < text.size(); ++line) {
    if (pos > 0 && document_marker(text, pos)) {
      std::size_t begin = with_directives(text, pos);
      close(begin, line - static_cast<std::uint32_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                                                text.begin() + static_cast<std::ptrdiff_t>(pos), '\n')));
      if (out.chunks.size() == limits.max_documents) {
        out.problems.push_back({"manifest-yaml-limit", line_span(line + 1),
                                fmt::format("more than {} documents: the rest of the file is not linted",
                                            limits.max_documents), "documents"});
        return out;
      }
    }
    pos = text.find('\n', pos);
    pos = pos == std::string_view::npos ? text.size() : pos + 1;
  }
  close(text.size(), line);
  return out;
}

Loaded load_documents(std::string_view chunk, const LoadLimits& limits) {
  Loaded out;
  if (has_surrogate_escape(chunk)) out.rewritten = rewrite_surrogate_pairs(chunk);
  parse_stream(out.text(chunk), limits, out);
  return out;
}

}  // namespace hookguard::manifest
