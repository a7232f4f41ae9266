// `hookguard doctor [--server DIR]`: are the hooks there, executable, LF-only and hookguard's;
// does the binary they name exist; is the rule cache usable; versions. Exit 1 when a problem
// would make a hook silently not run (git ignores non-executable hooks; `sh\r` fails).
#include "cli/hook_input.hpp"
#include "cli/hook_install.hpp"
#include "cli/hook_script.hpp"
#include "cli/verbs.hpp"
#include "git/repo_paths.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hookguard::cli {
namespace {

// Problems with one hook file (empty = fine).
std::vector<std::string> check_hook(const fs::path& path) {
  std::vector<std::string> problems;
  std::error_code ec;
  if (!fs::exists(path, ec)) return {"not installed (run `hookguard install`)"};
  if (::access(path.c_str(), X_OK) != 0) problems.push_back("not executable: git ignores it (chmod +x)");
  std::string text = read_text(path);
  if (text.find('\r') != std::string::npos) problems.push_back("has CRLF line endings: /bin/sh cannot run it");
  if (!is_hookguard_script(text)) problems.push_back("not a hookguard hook");
  fs::path chained = path.string() + std::string(k_chained_suffix);
  if (fs::exists(chained, ec) && ::access(chained.c_str(), X_OK) != 0)
    problems.push_back(fmt::format("chained hook {} is not executable: it will be skipped", chained.filename().string()));
  return problems;
}

int report_hooks(const std::vector<fs::path>& files) {
  int bad = 0;
  for (const auto& f : files) {
    auto problems = check_hook(f);
    if (problems.empty()) std::cout << fmt::format("ok      {}\n", f.string());
    for (const auto& p : problems) std::cout << fmt::format("PROBLEM {}: {}\n", f.string(), p);
    bad += !problems.empty();
  }
  return bad;
}

void report_cache(const Options& o) {
  Config config = load_client_config(o);
  ScanOptions so;
  so.cache_dir = o.cache_dir;
  std::vector<std::string> notices;
  auto catalog = load_catalog(config, so, notices);
  std::cout << fmt::format("ok      rule catalog: {} rules\n", catalog->rules().size());
  for (const auto& n : notices) std::cout << "note    " << n << '\n';
}

}  // namespace

int doctor_command(const Options& o) {
  return guard_git([&] {
    std::cout << fmt::format("hookguard {}, libgit2 {}\n", HOOKGUARD_VERSION, git::libgit2_version());
    std::vector<fs::path> files;
    if (auto target = o.flag_value("--server")) {
      files.push_back(server_hook_file(*target));
    } else {
      auto where = git::client_hooks_location();
      if (!where.hooks_path.empty()) std::cout << fmt::format("note    core.hooksPath = {}\n", where.hooks_path);
      for (const auto& hook : k_client_hooks) files.push_back(fs::path(where.hooks_dir) / hook);
    }
    int bad = report_hooks(files);
    report_cache(o);
    return bad ? 1 : 0;
  });
}

}  // namespace hookguard::cli
