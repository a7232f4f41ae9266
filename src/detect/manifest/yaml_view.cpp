#include "detect/manifest/yaml_view.hpp"

#include <charconv>

namespace hookguard::manifest {
namespace {

// Descendants visited, and levels descended, when looking for a collection's last node. The
// loader rejects documents whose expansion is larger than its own budget, but it still asks for
// the span of such a node to report it, and an alias inside its own anchor (`&c [*c]`) makes a
// cycle: without the depth cap, 20,000 nested calls overflowed the stack (fuzz_manifest).
constexpr int k_span_budget = 20000;
constexpr int k_span_depth = 64;

bool has_mark(const YAML::Node& node) { return node.IsDefined() && !node.Mark().is_null(); }

// Where the source text of a node ends: its visually last descendant (the one that starts last).
struct LastToken {
  YAML::Mark mark;
  std::string scalar;  // empty unless that descendant is a scalar
};

LastToken last_token(const YAML::Node& node, int& budget, int depth = 0) {
  LastToken last{node.Mark(), scalar(node)};
  if (--budget < 0 || depth >= k_span_depth || !(node.IsMap() || node.IsSequence())) return last;
  for (auto it = node.begin(); it != node.end() && budget > 0; ++it) {
    const YAML::Node& child = node.IsMap() ? it->second : *it;
    if (!has_mark(child)) continue;
    LastToken candidate = last_token(child, budget, depth + 1);
    if (candidate.mark.pos > last.mark.pos) last = std::move(candidate);
  }
  return last;
}

// Byte length of the token starting at `pos`: a quoted scalar up to its closing quote, a plain
// scalar as long as its value (plain single-line scalars appear verbatim), else to end of line.
std::size_t token_length(std::string_view text, std::size_t pos, const std::string& plain) {
  if (pos >= text.size()) return 0;
  char open = text[pos];
  if (open == '"' || open == '\'') {
    for (std::size_t i = pos + 1; i < text.size() && text[i] != '\n'; ++i) {
      if (open == '"' && text[i] == '\\') ++i;
      else if (text[i] == open) return i + 1 - pos;
    }
  } else if (!plain.empty() && text.substr(pos).starts_with(plain)) {
    return plain.size();
  }
  std::size_t end = text.find_first_of("\r\n", pos);
  return (end == std::string_view::npos ? text.size() : end) - pos;
}

// Kubernetes' YAML reader honours merge keys ("<<: *defaults"), yaml-cpp 0.7 keeps "<<" as an
// ordinary key: look through it, explicit keys first. Depth-capped: a merge may refer to itself.
std::optional<Field> find_field(const YAML::Node& map, std::string_view name, int merges_left) {
  if (!map.IsMap()) return std::nullopt;
  std::optional<Field> merged;
  // One dereference per entry: each builds two reference-counted Node handles.
  for (const auto& entry : map) {
    const YAML::Node& key = entry.first;
    if (!key.IsScalar()) continue;
    const std::string& text = key.Scalar();
    if (text == name) return Field{key, entry.second};
    if (text == "<<" && !merged && key.Tag() != "!") merged.emplace(key, entry.second);
  }
  if (!merged || merges_left == 0) return std::nullopt;
  const YAML::Node& source = merged->value;
  if (source.IsMap()) return find_field(source, name, merges_left - 1);
  for (std::size_t i = 0; source.IsSequence() && i < source.size(); ++i)
    if (auto f = find_field(source[i], name, merges_left - 1)) return f;
  return std::nullopt;
}

}  // namespace

std::optional<Field> field(const YAML::Node& map, std::string_view name) { return find_field(map, name, 4); }

std::optional<Field> field_at(const YAML::Node& node, std::string_view dotted_path) {
  auto dot = dotted_path.find('.');
  auto first = field(node, dotted_path.substr(0, dot));
  if (!first || dot == std::string_view::npos) return first;
  return field_at(first->value, dotted_path.substr(dot + 1));
}

YAML::Node at(const YAML::Node& node, std::string_view dotted_path) {
  auto f = field_at(node, dotted_path);
  return f ? f->value : YAML::Node(YAML::NodeType::Undefined);
}

bool is_scalar(const YAML::Node& node) { return node.IsDefined() && node.IsScalar(); }

std::string scalar(const YAML::Node& node) { return is_scalar(node) ? node.Scalar() : std::string(); }

std::optional<bool> as_bool(const YAML::Node& node) {
  if (!is_scalar(node) || node.Tag() == "!") return std::nullopt;  // "!" = quoted: a string
  const std::string& s = node.Scalar();
  if (s == "true" || s == "True" || s == "TRUE") return true;
  if (s == "false" || s == "False" || s == "FALSE") return false;
  return std::nullopt;
}

bool is_true(const YAML::Node& node) { return as_bool(node).value_or(false); }

std::optional<std::int64_t> as_int(const YAML::Node& node) {
  if (!is_scalar(node) || node.Tag() == "!") return std::nullopt;
  const std::string& s = node.Scalar();
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

Span span_of(std::string_view text, const YAML::Node& key, const YAML::Node& value) {
  Span span;
  const YAML::Node& start = has_mark(key) ? key : value;
  if (!has_mark(start)) return span;
  span.line = static_cast<std::uint32_t>(start.Mark().line + 1);
  span.column = static_cast<std::uint32_t>(start.Mark().column + 1);
  span.line_offset = start.Mark().pos - start.Mark().column;
  int budget = k_span_budget;
  LastToken last = has_mark(value) ? last_token(value, budget) : LastToken{start.Mark(), scalar(start)};
  if (last.mark.pos < start.Mark().pos) last = LastToken{start.Mark(), scalar(start)};
  auto pos = static_cast<std::size_t>(last.mark.pos);
  span.end_line = static_cast<std::uint32_t>(last.mark.line + 1);
  span.end_column = static_cast<std::uint32_t>(last.mark.column + 1 + token_length(text, pos, last.scalar));
  return span;
}

}  // namespace hookguard::manifest
