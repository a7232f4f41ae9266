// Loading a manifest file into YAML documents under hard limits, so hostile input (an alias bomb,
// 10,000-deep nesting, a 100 MB file, a million documents) costs milliseconds and bounded memory
// and becomes a finding instead of a crash or a hang. JSON goes through the same path: YAML is a
// superset of JSON apart from yaml-cpp's gaps, which load_documents works around or reports.
#pragma once

#include "detect/manifest/yaml_view.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::manifest {

struct LoadLimits {
  std::size_t max_bytes = 8u << 20;     // larger files are not parsed at all
  std::size_t max_documents = 2000;     // later documents are not parsed
  std::size_t max_nodes = 200000;       // per document, counting every alias expansion
  int max_depth = 200;                  // per document, after alias expansion
};

// A finding the loader itself produces: manifest-parse-error, manifest-yaml-limit or
// manifest-duplicate-key.
struct LoadProblem {
  std::string rule_id;
  Span span;
  std::string message;
  std::string match_key;  // normalized: no line numbers
};

struct Loaded {
  std::vector<YAML::Node> documents;  // only documents that passed every limit
  std::vector<LoadProblem> problems;
  // The text the documents' marks refer to when the loader had to rewrite it (JSON surrogate
  // pairs); empty when the marks refer to the input itself.
  std::string rewritten;

  std::string_view text(std::string_view input) const { return rewritten.empty() ? input : rewritten; }
};

// One document's text inside the file; yaml-cpp's marks count from its start.
struct Chunk {
  std::string_view text;
  std::uint32_t first_line = 0;  // lines of the file before it
};

struct Split {
  std::vector<Chunk> chunks;
  std::vector<LoadProblem> problems;  // file-level limits: size, number of documents
};

// Cuts a stream at its "---" lines, so documents are parsed, linted and freed one at a time:
// memory stays bounded by the largest document, and a syntax error costs only its document.
// (YAML forbids a "---" line inside a scalar, so the cut is exact.)
Split split_documents(std::string_view text, const LoadLimits& limits);

// Parses one chunk. Never throws: every yaml-cpp exception becomes a LoadProblem with a line
// (relative to the chunk).
Loaded load_documents(std::string_view chunk, const LoadLimits& limits);

}  // namespace hookguard::manifest
