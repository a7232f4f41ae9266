#include "util/yaml_guard.hpp"

namespace hookguard::util {

std::uint32_t yaml_hang_line(std::string_view text) {
  std::uint32_t line = 1;
  bool document_start = true;  // before the first token of a document
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    if (l.substr(0, 3) == "---") {
      document_start = true;
      l.remove_prefix(3);
    }
    std::size_t first = l.find_first_not_of(" \t\r");
    if (document_start && first != std::string_view::npos && l[first] != '#' && l[first] != '%') {
      if (l[first] == ',') return line;
      document_start = false;
    }
    pos = end + 1;
    ++line;
  }
  return 0;
}

}  // namespace hookguard::util
