#include "git/repo_paths.hpp"

#include "git/libgit2.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace fs = std::filesystem;

namespace hookguard::git {

HookLocation client_hooks_location() {
  RepoPtr repo = open_repository();
  HookLocation where;
  where.bare = git_repository_is_bare(repo.get());
  git_config* raw = nullptr;
  check(git_repository_config_snapshot(&raw, repo.get()), "reading the repository config");
  ConfigPtr config(raw);
  const char* hooks_path = nullptr;
  if (git_config_get_string(&hooks_path, raw, "core.hooksPath") == 0 && hooks_path && *hooks_path)
    where.hooks_path = hooks_path;
  fs::path dir;
  if (where.hooks_path.empty()) {
    dir = fs::path(git_repository_commondir(repo.get())) / "hooks";
  } else {
    fs::path configured = where.hooks_path;
    if (configured.string().rfind("~/", 0) == 0 && std::getenv("HOME")) configured = fs::path(std::getenv("HOME")) / configured.string().substr(2);
    const char* base = where.bare ? git_repository_path(repo.get()) : git_repository_workdir(repo.get());
    dir = configured.is_absolute() ? configured : fs::path(base ? base : ".") / configured;
  }
  std::error_code ec;
  where.hooks_dir = fs::absolute(dir, ec).lexically_normal().string();
  while (where.hooks_dir.size() > 1 && where.hooks_dir.back() == '/') where.hooks_dir.pop_back();
  return where;
}

bool is_git_dir(const std::string& dir) {
  std::error_code ec;
  return fs::exists(fs::path(dir) / "HEAD", ec) && fs::is_directory(fs::path(dir) / "objects", ec) &&
         fs::is_directory(fs::path(dir) / "refs", ec);
}

std::string libgit2_version() {
  int major = 0, minor = 0, rev = 0;
  git_libgit2_version(&major, &minor, &rev);
  return fmt::format("{}.{}.{}", major, minor, rev);
}

}  // namespace hookguard::git

namespace hookguard::git {

std::string resolve_commit(const std::string& revision) {
  RepoPtr repo = open_repository();
  git_object* raw = nullptr;
  check(git_revparse_single(&raw, repo.get(), (revision + "^{commit}").c_str()), "resolving " + revision);
  ObjectPtr obj(raw);
  return oid_hex(*git_object_id(raw));
}

}  // namespace hookguard::git
