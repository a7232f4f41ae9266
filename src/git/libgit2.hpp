// Internal to src/git/: owning handles for libgit2 objects, error checks, and opening the
// repository exactly as git hands it to a hook (GIT_DIR, GIT_INDEX_FILE, the receive quarantine).
// Nothing outside src/git/ includes this header (it pulls in <git2.h>).
#pragma once

#include "git/git_error.hpp"

#include <git2.h>

#include <memory>
#include <string>
#include <string_view>

namespace hookguard::git {

template <typename T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, Freer<T, Free>>;

using RepoPtr = Handle<git_repository, git_repository_free>;
using IndexPtr = Handle<git_index, git_index_free>;
using TreePtr = Handle<git_tree, git_tree_free>;
using CommitPtr = Handle<git_commit, git_commit_free>;
using BlobPtr = Handle<git_blob, git_blob_free>;
using ObjectPtr = Handle<git_object, git_object_free>;
using TagPtr = Handle<git_tag, git_tag_free>;
using DiffPtr = Handle<git_diff, git_diff_free>;
using WalkPtr = Handle<git_revwalk, git_revwalk_free>;
using OdbPtr = Handle<git_odb, git_odb_free>;
using RefPtr = Handle<git_reference, git_reference_free>;
using ConfigPtr = Handle<git_config, git_config_free>;

// Shared ownership, for closures that outlive a source (ContentUnit::exists).
using SharedRepo = std::shared_ptr<git_repository>;
inline SharedRepo share(RepoPtr repo) { return SharedRepo(repo.release(), git_repository_free); }

// Initialises libgit2 once per process (idempotent, thread-safe).
void ensure_libgit2();

// libgit2's last error message, prefixed with what we were doing.
std::string last_error(std::string_view doing);
// Throws GitError(last_error(doing)) when rc < 0.
void check(int rc, std::string_view doing);

// The repository of the running hook or of the current directory: GIT_REPOSITORY_OPEN_FROM_ENV
// (honours GIT_DIR, GIT_INDEX_FILE, GIT_OBJECT_DIRECTORY and the alternates of a quarantine),
// with libgit2 1.5's gaps closed: GIT_WORK_TREE / GIT_COMMON_DIR are applied by hand and
// extensions.worktreeConfig is accepted. Throws GitError with a clear message (SHA-256 repos).
RepoPtr open_repository();

std::string oid_hex(const git_oid& oid);
git_oid parse_oid(const std::string& hex);  // throws GitError
bool is_zero_oid(const std::string& hex);

// HEAD's tree, or null when HEAD is unborn (a first commit). Throws on other errors.
TreePtr head_tree(git_repository* repo);

}  // namespace hookguard::git
