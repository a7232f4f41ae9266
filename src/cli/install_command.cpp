// `hookguard install` (client hooks into the common git dir's hooks, or core.hooksPath),
// `hookguard install --server <bare repo | hooks dir>` (pre-receive) and `hookguard uninstall`.
// An existing foreign hook is chained (kept as <hook>.hookguard-chained and run first) unless
// --no-chain, which refuses instead. Install warms the rule cache so no commit pays the compile.
#include "cli/hook_install.hpp"
#include "cli/hook_input.hpp"
#include "cli/hook_script.hpp"
#include "cli/verbs.hpp"
#include "config/loader.hpp"
#include "git/repo_paths.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace fs = std::filesystem;

namespace hookguard::cli {
namespace {

std::string self_path() {
  std::error_code ec;
  auto p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("hookguard") : p.string();
}

void write_script(const fs::path& path, const std::string& text) {
  fs::path tmp = path.string() + ".hookguard-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw InstallError(fmt::format("{}: cannot write", tmp.string()));
  }
  fs::permissions(tmp, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                           fs::perms::others_exec);
  fs::rename(tmp, path);
}

// Installs one hook file; returns what happened, for the summary.
std::string install_one(const fs::path& path, const std::string& text, bool chain) {
  fs::path chained = path.string() + std::string(k_chained_suffix);
  std::error_code ec;
  bool present = fs::exists(fs::symlink_status(path, ec));
  if (present && !is_hookguard_script(read_text(path))) {
    if (!chain)
      throw InstallError(fmt::format("{} exists and is not hookguard's; rerun without --no-chain to keep it and run it first, "
                                     "or move it away",
                                     path.string()));
    if (fs::exists(fs::symlink_status(chained, ec)))
      throw InstallError(fmt::format("{} and {} both exist; remove one of them first", path.string(), chained.string()));
    fs::rename(path, chained);
    write_script(path, text);
    return fmt::format("{} (existing hook kept as {} and run first)", path.string(), chained.filename().string());
  }
  write_script(path, text);
  return fmt::format("{}{}", path.string(), present ? " (updated)" : "");
}

std::string uninstall_one(const fs::path& path) {
  fs::path chained = path.string() + std::string(k_chained_suffix);
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return "";
  if (!is_hookguard_script(read_text(path))) return fmt::format("{}: not hookguard's, left alone", path.string());
  fs::remove(path);
  if (fs::exists(fs::symlink_status(chained, ec))) {
    fs::rename(chained, path);
    return fmt::format("{}: restored the previous hook", path.string());
  }
  return fmt::format("{}: removed", path.string());
}

// Compiles the rule database into the cache now, as the installing user.
void warm_cache(const Options& o, const Config& config) {
  ScanOptions so;
  so.cache_dir = o.cache_dir;
  std::vector<std::string> notices;
  load_catalog(config, so, notices);
  for (const auto& n : notices) std::cout << "note: " << n << '\n';
}

int install_client(const Options& o) {
  Config config = load_client_config(o);
  auto where = git::client_hooks_location();
  fs::create_directories(where.hooks_dir);
  if (!where.hooks_path.empty()) std::cout << fmt::format("core.hooksPath is set ({}): installing there\n", where.hooks_path);
  for (const auto& hook : k_client_hooks) {
    std::string what = install_one(fs::path(where.hooks_dir) / hook, hook_script(hook, self_path()), !o.has_flag("--no-chain"));
    std::cout << "installed " << what << '\n';
  }
  warm_cache(o, config);
  return 0;
}

int install_server(const Options& o, const std::string& target) {
  fs::path file = server_hook_file(target);
  fs::create_directories(file.parent_path());
  std::string config_path;
  if (!o.config.empty()) config_path = fs::absolute(o.config).lexically_normal().string();
  Config config;
  if (!config_path.empty()) config::load_file(config_path, config);
  std::string what = install_one(file, hook_script("pre-receive", self_path(), config_path), !o.has_flag("--no-chain"));
  std::cout << "installed " << what << '\n';
  warm_cache(o, config);
  std::cout << "note: the rule cache was warmed for this user; if git runs hooks as another user, run "
               "`hookguard rules >/dev/null` once as that user (or set cache_dir in the server config)\n";
  return 0;
}

int guard_install(const std::function<int()>& body) {
  try {
    return guard_git(body);
  } catch (const InstallError& e) {
    std::cerr << "hookguard: " << e.what() << '\n';
    return 2;
  } catch (const fs::filesystem_error& e) {
    std::cerr << "hookguard: " << e.what() << '\n';
    return 2;
  }
}

}  // namespace

int install_command(const Options& o) {
  if (!o.positional.empty()) throw UsageError("install takes no paths (use --server DIR for a server)");
  return guard_install([&] {
    if (auto target = o.flag_value("--server")) return install_server(o, *target);
    return install_client(o);
  });
}

int uninstall_command(const Options& o) {
  return guard_install([&] {
    std::vector<fs::path> files;
    if (auto target = o.flag_value("--server")) {
      files.push_back(server_hook_file(*target));
    } else {
      auto where = git::client_hooks_location();
      for (const auto& hook : k_client_hooks) files.push_back(fs::path(where.hooks_dir) / hook);
    }
    for (const auto& f : files)
      if (auto what = uninstall_one(f); !what.empty()) std::cout << what << '\n';
    return 0;
  });
}

}  // namespace hookguard::cli
