#include "git/libgit2.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace hookguard::git {
namespace {

// libgit2 1.5 refuses repositories with extensions it does not know. worktreeConfig only moves
// some config into config.worktree (which we do not need); preciousobjects only forbids pruning.
void accept_harmless_extensions() {
  const char* extensions[] = {"worktreeconfig", "preciousobjects"};
  git_libgit2_opts(GIT_OPT_SET_EXTENSIONS, extensions, std::size(extensions));
}

std::string explain_open_failure(const std::string& message) {
  if (message.find("objectformat") != std::string::npos)
    return fmt::format("cannot open the repository: {} (SHA-256 repositories are not supported by this build's libgit2)", message);
  return fmt::format("cannot open the repository: {}", message);
}

}  // namespace

void ensure_libgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    accept_harmless_extensions();
    // Re-hashing every object read costs ~20% of a history scan; git itself does not do it on
    // reads either. Corrupt objects still fail to inflate or parse and are reported.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  });
}

std::string last_error(std::string_view doing) {
  const git_error* e = git_error_last();
  return fmt::format("{}: {}", doing, e && e->message ? e->message : "unknown libgit2 error");
}

void check(int rc, std::string_view doing) {
  if (rc < 0) throw GitError(last_error(doing));
}

RepoPtr open_repository() {
  ensure_libgit2();
  // libgit2 1.5's FROM_ENV fails on GIT_WORK_TREE and GIT_COMMON_DIR ("unimplemented"): drop
  // them, open with the rest of the environment, then apply the work tree by hand.
  std::string work_tree;
  if (const char* wt = std::getenv("GIT_WORK_TREE")) {
    std::error_code ec;
    work_tree = std::filesystem::absolute(wt, ec).string();
    ::unsetenv("GIT_WORK_TREE");
  }
  ::unsetenv("GIT_COMMON_DIR");
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, nullptr, GIT_REPOSITORY_OPEN_FROM_ENV, nullptr) < 0) {
    const git_error* e = git_error_last();
    throw GitError(explain_open_failure(e && e->message ? e->message : "not a git repository"));
  }
  RepoPtr repo(raw);
  if (!work_tree.empty()) check(git_repository_set_workdir(repo.get(), work_tree.c_str(), 0), "setting GIT_WORK_TREE");
  return repo;
}

std::string oid_hex(const git_oid& oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &oid);
  return buf;
}

git_oid parse_oid(const std::string& hex) {
  git_oid oid;
  if (hex.size() != GIT_OID_HEXSZ || git_oid_fromstr(&oid, hex.c_str()) < 0)
    throw GitError(fmt::format("'{}' is not a SHA-1 object id (SHA-256 repositories are not supported)", hex));
  return oid;
}

bool is_zero_oid(const std::string& hex) { return !hex.empty() && hex.find_first_not_of('0') == std::string::npos; }

TreePtr head_tree(git_repository* repo) {
  int unborn = git_repository_head_unborn(repo);
  if (unborn == 1) return nullptr;
  check(unborn, "reading HEAD");
  git_object* obj = nullptr;
  check(git_revparse_single(&obj, repo, "HEAD^{tree}"), "reading HEAD's tree");
  return TreePtr(reinterpret_cast<git_tree*>(obj));
}

}  // namespace hookguard::git
