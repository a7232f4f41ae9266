// pre-commit / pre-merge-commit: the index git is about to commit (GIT_INDEX_FILE: .git/index,
// index.lock for `commit -a`, next-index-*.lock for `commit <paths>`) against HEAD, or against
// the empty tree when HEAD is unborn. Staged blobs are read from the object store, so a secret
// staged and then removed from the working tree is still seen, and unstaged edits are not.
#include "git/repo_lookup.hpp"
#include "git/sources.hpp"
#include "git/tree_diff.hpp"

namespace hookguard::git {
namespace {

class StagedSource final : public UnitSource {
 public:
  explicit StagedSource(const Config& config) : m_config(config), m_repo(share(open_repository())) {}

  void collect(const EmitFn& emit, Report& report) override {
    UnitSink sink(emit, report);
    try {
      git_index* raw = nullptr;
      check(git_repository_index(&raw, m_repo.get()), "reading the index");
      m_index.reset(raw, git_index_free);
      TreePtr head = head_tree(m_repo.get());
      std::vector<TreeChange> changes;
      diff_index(m_repo.get(), head.get(), m_index.get(), [&](const TreeChange& c) { changes.push_back(c); });
      UnitBuilder(m_config, sink).add_diff(m_repo.get(), changes, "", index_exists(m_index, m_lock));
    } catch (const GitError& e) {
      sink.error("index", e.what());
    }
  }

  std::string fingerprint_key(const std::string& cache_dir) const override { return root_commit_key(m_repo.get(), cache_dir); }

 private:
  const Config& m_config;
  SharedRepo m_repo;
  std::shared_ptr<git_index> m_index;
  std::shared_ptr<std::mutex> m_lock = std::make_shared<std::mutex>();
};

}  // namespace

std::unique_ptr<UnitSource> make_staged_source(const Config& config) { return std::make_unique<StagedSource>(config); }

}  // namespace hookguard::git
