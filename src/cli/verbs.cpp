#include "cli/verbs.hpp"

namespace hookguard::cli {

const Verb* find_verb(const std::string& name) {
  static const std::vector<Verb> k_verbs = {
      {"scan", scan_command, {"--since", "--range"}, {"--history"}},
      {"rules", rules_command, {}, {"--markdown"}},
      {"explain", explain_command, {}, {}},
  };
  for (const auto& v : k_verbs)
    if (v.name == name) return &v;
  return nullptr;
}

}  // namespace hookguard::cli
