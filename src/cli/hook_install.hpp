// Shared by install, uninstall and doctor: which hooks, where a server hook goes.
#pragma once

#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace hookguard::cli {

class InstallError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline const std::array<std::string, 3> k_client_hooks = {"pre-commit", "pre-merge-commit", "pre-push"};

// The pre-receive file for `--server TARGET`: a bare repository -> hooks/pre-receive (or
// hooks/pre-receive.d/hookguard when a Gitea/Forgejo dispatcher directory exists); a directory
// named *.d (GitLab custom_hooks/pre-receive.d, Gitea hooks/pre-receive.d) -> TARGET/hookguard;
// any other directory (GitLab custom_hooks/, a hooks dir) -> TARGET/pre-receive.
std::filesystem::path server_hook_file(const std::string& target);

// The whole file, or empty when it cannot be read.
std::string read_text(const std::filesystem::path& path);

}  // namespace hookguard::cli
