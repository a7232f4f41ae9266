// Read-only helpers over yaml-cpp nodes for the manifest linter: field lookup that keeps the key
// node (findings point at the key), typed scalar reads, and source spans. yaml-cpp 0.7's const
// operator[] would do the lookups, but it loses the key's mark and, on a duplicate key, silently
// picks the first: these helpers make the first-wins choice explicit and visible.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hookguard::manifest {

// A map entry: the key node (for its position) and the value node.
// Never assign a YAML::Node to an existing YAML::Node: yaml-cpp's operator= rewrites the node the
// left side refers to, i.e. the document. Field forbids assignment so optional<Field> cannot.
struct Field {
  YAML::Node key;
  YAML::Node value;
  Field& operator=(const Field&) = delete;
};

// The first entry named `name` of a map (yaml-cpp's own rule), or nullopt (not a map, absent).
std::optional<Field> field(const YAML::Node& map, std::string_view name);
// Value at a dotted path ("securityContext.privileged"); an undefined node when absent.
YAML::Node at(const YAML::Node& node, std::string_view dotted_path);
// Entry at a dotted path, keeping the last key (for locations).
std::optional<Field> field_at(const YAML::Node& node, std::string_view dotted_path);

// Scalar text, or empty for null, absent and collection nodes.
std::string scalar(const YAML::Node& node);
bool is_scalar(const YAML::Node& node);
// YAML 1.2 core booleans as Kubernetes reads them (true/True/TRUE); anything else is nullopt.
std::optional<bool> as_bool(const YAML::Node& node);
std::optional<std::int64_t> as_int(const YAML::Node& node);
bool is_true(const YAML::Node& node);

// 1-based source span, end column exclusive (CONTRACTS.md §3).
struct Span {
  std::uint32_t line = 0, column = 0, end_line = 0, end_column = 0;
  std::int64_t line_offset = -1;  // byte offset where `line` starts, -1 when unknown
};

// From the key (or the value when the key is null) to the end of the value: a scalar ends at
// its token's end, a collection at the end of its last line. Walks at most `budget` nodes.
Span span_of(std::string_view text, const YAML::Node& key, const YAML::Node& value);

}  // namespace hookguard::manifest
