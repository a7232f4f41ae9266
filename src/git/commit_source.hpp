// The shared engine of the push, receive and history sources: walk a set of commits (oldest
// first, so a blob is attributed to the commit that introduced it), diff each against its first
// parent (root commits: the whole tree), and emit the commit message and every changed blob once.
// Three passes: tree diffs in parallel, blob ownership in walk order (deterministic), blob reads
// and line diffs in parallel; each thread has its own repository handle (libgit2 handles are not
// shared between threads). Internal to src/git/.
#pragma once

#include "git/libgit2.hpp"
#include "git/sources.hpp"
#include "git/unit_builder.hpp"

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace hookguard::git {

class CommitWalkSource : public UnitSource {
 public:
  void collect(const EmitFn& emit, Report& report) override;
  std::string fingerprint_key(const std::string& cache_dir) const override;
  bool emit_from_threads(unsigned threads) override { return m_threads = threads, true; }

 protected:
  explicit CommitWalkSource(const Config& config, TimeBudget* budget = nullptr);
  // Pushes and hides tips on `walk`; may add units directly (tag messages, tagged blobs).
  // Throws GitError when a ref or revision cannot be resolved.
  virtual void prepare(git_revwalk* walk, UnitBuilder& builder) = 0;
  // A pushed ref's new object: annotated tags add their message and are peeled; a commit is
  // pushed on the walk; a blob or tree tagged directly is judged whole.
  void add_ref_target(git_revwalk* walk, UnitBuilder& builder, const std::string& ref, const git_oid& oid);

  const Config& m_config;
  SharedRepo m_repo;

 private:
  struct CommitWork;
  CommitWork diff_commit(git_repository* repo, const git_oid& oid);
  // Runs body(repo, i) for i in [0, count) on worker threads; stops early when the budget passes.
  void parallel_for(std::size_t count, const std::function<void(git_repository*, std::size_t)>& body);

  TimeBudget* m_budget;
  unsigned m_threads = 0;  // 0 = one per core
  std::optional<git_oid> m_first_tip;
  std::shared_ptr<std::mutex> m_lock = std::make_shared<std::mutex>();
};

}  // namespace hookguard::git
