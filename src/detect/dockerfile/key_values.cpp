#include "detect/dockerfile/key_values.hpp"

#include "detect/dockerfile/parser.hpp"
#include "detect/dockerfile/text.hpp"

namespace hookguard::dockerfile {

std::vector<KeyValue> key_values(std::string_view args, char escape) {
  std::vector<KeyValue> out;
  auto words = split_words(args, escape);
  if (words.empty()) return out;
  if (words[0].find('=') == std::string::npos && words.size() > 1) {
    // Legacy form: the first word is the key, the rest of the line (verbatim) the value.
    auto t = trim(args);
    auto space = t.find_first_of(" \t");
    return {{words[0], unquote(trim(t.substr(space))), true}};
  }
  for (auto& w : words) {
    auto eq = w.find('=');
    if (eq == std::string::npos) out.push_back({std::move(w), {}, false});
    else out.push_back({w.substr(0, eq), w.substr(eq + 1), true});
  }
  return out;
}

}  // namespace hookguard::dockerfile
