#include "detect/dockerfile/key_values.hpp"

#include "detect/dockerfile/parser.hpp"
#include "detect/dockerfile/text.hpp"

#include <algorithm>

namespace hookguard::dockerfile {

std::vector<KeyValue> key_values(std::string_view args, char escape) {
  std::vector<KeyValue> out;
  auto words = split_words(args, escape);
  if (words.empty()) return out;
  if (words[0].find('=') == std::string::npos && words.size() > 1) {
    // Legacy form: the first word is the key, the rest of the line (verbatim) the value.
    // split_words separated the words, so a separator exists; find it with the same notion
    // of space (a stray CR counts) rather than assuming a blank or a tab.
    auto t = trim(args);
    auto space = std::find_if(t.begin(), t.end(), is_space);
    return {{words[0], unquote(trim(std::string_view(space, t.end()))), true}};
  }
  for (auto& w : words) {
    auto eq = w.find('=');
    if (eq == std::string::npos) out.push_back({std::move(w), {}, false});
    else out.push_back({w.substr(0, eq), w.substr(eq + 1), true});
  }
  return out;
}

}  // namespace hookguard::dockerfile
