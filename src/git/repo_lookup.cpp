#include "git/repo_lookup.hpp"

#include "git/sources.hpp"
#include "util/atomic_file.hpp"

#include <filesystem>
#include <fstream>
#include <vector>

namespace hookguard::git {
namespace {

using Roots = std::vector<std::pair<std::string, std::string>>;

constexpr std::size_t k_remembered_roots = 32;

// "<commit> <root>" lines, most recent first; unreadable or malformed lines are ignored.
Roots read_roots(const std::filesystem::path& file) {
  Roots roots;
  std::ifstream in(file);
  for (std::string commit, root; roots.size() < k_remembered_roots && in >> commit >> root;)
    if (commit.size() == 40 && root.size() == 40) roots.emplace_back(commit, root);
  return roots;
}

// Best effort: a read-only cache only costs the walk next time.
void remember_root(const std::filesystem::path& file, Roots roots, const std::string& commit, const std::string& root) {
  std::erase_if(roots, [&](const auto& r) { return r.first == commit; });
  roots.insert(roots.begin(), {commit, root});
  if (roots.size() > k_remembered_roots) roots.resize(k_remembered_roots);
  std::string text;
  for (const auto& [c, r] : roots) text += c + ' ' + r + '\n';
  util::write_file_atomically(file, text);
}

}  // namespace

std::string root_commit_key(git_repository* repo, const std::string& cache_dir, const git_oid* fallback_tip) {
  git_oid oid;
  if (git_reference_name_to_id(&oid, repo, "HEAD") < 0) {
    if (!fallback_tip) return "hookguard-unborn";
    oid = *fallback_tip;
  }
  std::filesystem::path file = cache_dir.empty() ? std::filesystem::path() : std::filesystem::path(cache_dir) / "root-commits";
  Roots roots = file.empty() ? Roots() : read_roots(file);
  std::string start = oid_hex(oid);
  for (;;) {
    std::string hex = oid_hex(oid);
    for (const auto& [commit, root] : roots)
      if (commit == hex) {
        if (hex != start && !file.empty()) remember_root(file, roots, start, root);
        return root;
      }
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo, &oid) < 0) return "hookguard-unborn";
    CommitPtr commit(raw);
    if (git_commit_parentcount(raw) == 0) {
      if (!file.empty()) remember_root(file, roots, start, hex);
      return hex;
    }
    oid = *git_commit_parent_id(raw, 0);
  }
}

ExistsFn tree_exists(SharedRepo repo, const git_oid& tree, std::shared_ptr<std::mutex> lock) {
  return [repo, tree, lock](std::string_view rel_path) {
    std::lock_guard guard(*lock);
    git_tree* raw = nullptr;
    if (git_tree_lookup(&raw, repo.get(), &tree) < 0) return false;
    TreePtr t(raw);
    git_tree_entry* entry = nullptr;
    if (git_tree_entry_bypath(&entry, raw, std::string(rel_path).c_str()) < 0) return false;
    git_tree_entry_free(entry);
    return true;
  };
}

ExistsFn index_exists(std::shared_ptr<git_index> index, std::shared_ptr<std::mutex> lock) {
  return [index, lock](std::string_view rel_path) {
    std::lock_guard guard(*lock);
    return git_index_get_bypath(index.get(), std::string(rel_path).c_str(), 0) != nullptr;
  };
}

bool peel_to_commit(git_repository* repo, const git_oid& oid, git_oid& commit) {
  git_object* raw = nullptr;
  if (git_object_lookup(&raw, repo, &oid, GIT_OBJECT_ANY) < 0) return false;
  ObjectPtr obj(raw);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, raw, GIT_OBJECT_COMMIT) < 0) return false;
  commit = *git_object_id(peeled);
  git_object_free(peeled);
  return true;
}

}  // namespace hookguard::git

namespace hookguard::git {

std::string working_tree_root(const std::string& dir) {
  ensure_libgit2();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, dir.c_str(), 0, nullptr) < 0) return {};
  RepoPtr repo(raw);
  const char* workdir = git_repository_workdir(raw);
  return workdir ? workdir : "";
}

std::string fingerprint_key_at(const std::string& workdir, const std::string& cache_dir) {
  ensure_libgit2();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, workdir.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) return "hookguard-scan";
  RepoPtr repo(raw);
  return root_commit_key(raw, cache_dir);
}

}  // namespace hookguard::git
