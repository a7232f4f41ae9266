#include "cli/hook_install.hpp"

#include "git/repo_paths.hpp"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace hookguard::cli {

fs::path server_hook_file(const std::string& target) {
  fs::path dir = fs::absolute(target).lexically_normal();
  if (dir.filename().empty()) dir = dir.parent_path();
  std::error_code ec;
  if (git::is_git_dir(dir.string())) {
    fs::path dispatcher = dir / "hooks" / "pre-receive.d";
    return fs::is_directory(dispatcher, ec) ? dispatcher / "hookguard" : dir / "hooks" / "pre-receive";
  }
  if (!fs::is_directory(dir, ec) && !dir.parent_path().empty() && !fs::is_directory(dir.parent_path(), ec))
    throw InstallError(fmt::format("{}: not a bare repository or a hooks directory", target));
  if (dir.extension() == ".d") return dir / "hookguard";
  return dir / "pre-receive";
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace hookguard::cli
