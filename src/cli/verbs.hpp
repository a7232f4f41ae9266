// The verb table. Each verb lives in its own file (src/cli/<verb>_command.cpp) and registers here.
#pragma once

#include "cli/options.hpp"

#include <string>
#include <vector>

namespace hookguard::cli {

struct Verb {
  std::string name;
  int (*run)(const Options&);
  std::vector<std::string> value_flags;  // flags that take a value, e.g. "--since"
  std::vector<std::string> bool_flags;   // flags without a value, e.g. "--history"
};

const Verb* find_verb(const std::string& name);

int scan_command(const Options& o);
int rules_command(const Options& o);
int explain_command(const Options& o);
int baseline_command(const Options& o);
// Git hooks and installation (src/cli/hook_commands.cpp, receive_command.cpp, install_command.cpp,
// doctor_command.cpp).
int pre_commit_command(const Options& o);
int pre_merge_commit_command(const Options& o);
int pre_push_command(const Options& o);
int pre_receive_command(const Options& o);
int install_command(const Options& o);
int uninstall_command(const Options& o);
int doctor_command(const Options& o);

}  // namespace hookguard::cli
