#include "util/yaml_guard.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <sstream>
#include <string>

namespace hookguard::util {
namespace {

// Counts documents through yaml-cpp's event interface, which has the same parser but lets the
// caller stop: LoadAll cannot be stopped.
class DocumentCounter final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark& mark) override { ++count, last = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

  std::size_t count = 0;
  YAML::Mark last;
};

bool is_document_marker(std::string_view line) {
  return (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") && (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r');
}

// Does a document's first line start a block mapping (`key: ...` or `key:`)? A ',' after a block
// mapping is an error yaml-cpp reports; after any other root (a scalar, plain ones too when a
// comment ends them, a flow collection, a block sequence or scalar, a property) it is the hang.
bool starts_block_mapping(std::string_view line) {
  if (std::string_view("\"'[{&!*,-|>?%@`#").find(line[0]) != std::string_view::npos) return false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) return false;  // a comment
    if (line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t' || line[i + 1] == '\r'))
      return true;
  }
  return false;
}

// The cheap test that decides whether the exact one must run: the text has a ',' and some
// document does not start with a block mapping. Manifests and configs (block mappings) never pay
// for the second parse. Also counts the document markers (start and end: each may begin another
// document).
bool may_hang(std::string_view text, std::size_t& markers) {
  bool at_document_start = true, suspicious = false;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (is_document_marker(line)) {
      ++markers, at_document_start = true;
      line.remove_prefix(3);
    }
    if (!at_document_start) continue;
    std::size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == '#' || line[first] == '%') continue;
    at_document_start = false;
    suspicious |= !starts_block_mapping(line.substr(first));
  }
  return suspicious && text.find(',') != std::string_view::npos;
}

}  // namespace

std::uint32_t yaml_hang_line(std::string_view text) {
  std::size_t markers = 0;
  if (!may_hang(text, markers)) return 0;
  std::istringstream in{std::string(text)};
  try {
    YAML::Parser parser(in);
    DocumentCounter counter;
    while (parser.HandleNextDocument(counter))
      if (counter.count > markers + 1) return std::uint32_t(counter.last.line + 1);
  } catch (const YAML::Exception&) {
    // Invalid in a way yaml-cpp reports: the caller's own parse says where.
  }
  return 0;
}

}  // namespace hookguard::util
