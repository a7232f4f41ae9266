#include "cli/verbs.hpp"

namespace hookguard::cli {

const Verb* find_verb(const std::string& name) {
  static const std::vector<Verb> k_verbs = {
      {"scan", scan_command, {"--since", "--range"}, {"--history"}},
      {"rules", rules_command, {}, {"--markdown"}},
      {"explain", explain_command, {}, {}},
      {"pre-commit", pre_commit_command, {}, {}},
      {"pre-merge-commit", pre_merge_commit_command, {}, {}},
      {"pre-push", pre_push_command, {}, {}},
      {"pre-receive", pre_receive_command, {}, {}},
      {"install", install_command, {"--server"}, {"--no-chain"}},
      {"uninstall", uninstall_command, {"--server"}, {}},
      {"doctor", doctor_command, {"--server"}, {}},
      {"baseline", baseline_command, {}, {"--update"}},
  };
  for (const auto& v : k_verbs)
    if (v.name == name) return &v;
  return nullptr;
}

}  // namespace hookguard::cli
