#include "git/commit_source.hpp"

#include "git/parallel_reads.hpp"
#include "git/repo_lookup.hpp"
#include "git/tree_diff.hpp"

#include <fmt/format.h>

#include <malloc.h>

namespace hookguard::git {
namespace {

TreePtr commit_tree(git_commit* commit) {
  git_tree* raw = nullptr;
  check(git_commit_tree(&raw, commit), "reading the tree of commit " + oid_hex(*git_commit_id(commit)));
  return TreePtr(raw);
}

TreePtr first_parent_tree(git_commit* commit) {
  if (git_commit_parentcount(commit) == 0) return nullptr;
  git_commit* raw = nullptr;
  check(git_commit_parent(&raw, commit, 0), "reading the parent of commit " + oid_hex(*git_commit_id(commit)));
  CommitPtr parent(raw);
  return commit_tree(parent.get());
}

// Blob buffers come and go by the thousand; glibc's default returns them to the kernel each
// time and faults them back in (a third of a history scan's time in the kernel). Keep them.
void keep_heap_mapped() {
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 64 << 20);
}

}  // namespace

CommitWalkSource::CommitWalkSource(const Config& config, TimeBudget* budget)
    : m_config(config), m_repo(share(open_repository())), m_budget(budget) {}

std::string CommitWalkSource::fingerprint_key(const std::string& cache_dir) const {
  return root_commit_key(m_repo.get(), cache_dir, m_first_tip ? &*m_first_tip : nullptr);
}

struct CommitWalkSource::CommitWork {
  std::string hex;
  git_oid tree{};
  std::string message;
  std::vector<TreeChange> changes;
  ExistsFn exists;
  bool ok = false;
};

void CommitWalkSource::collect(const EmitFn& emit, Report& report) {
  keep_heap_mapped();
  UnitSink sink(emit, report);
  UnitBuilder builder(m_config, sink);
  std::vector<git_oid> commits;
  try {
    git_revwalk* raw = nullptr;
    check(git_revwalk_new(&raw, m_repo.get()), "starting a revision walk");
    WalkPtr walk(raw);
    git_revwalk_sorting(raw, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
    prepare(raw, builder);
    git_oid oid;
    int rc;
    while ((rc = git_revwalk_next(&oid, raw)) == 0) commits.push_back(oid);
    if (rc != GIT_ITEROVER) check(rc, "walking the commits");
  } catch (const GitError& e) {
    sink.error("refs", e.what());
    return;
  }
  std::vector<CommitWork> work(commits.size());
  parallel_for(commits.size(), [&](git_repository* repo, std::size_t i) {
    try {
      work[i] = diff_commit(repo, commits[i]);
    } catch (const GitError& e) {
      sink.error(oid_hex(commits[i]), e.what());
    }
  });
  // One work item per commit message and per selected change, so that one big commit is read
  // (and, since the pipeline scans where units are emitted, scanned) by every thread.
  std::vector<std::pair<std::uint32_t, std::int32_t>> items;  // (commit, change; -1 = the message)
  for (std::uint32_t i = 0; i < work.size(); ++i) {
    CommitWork& w = work[i];
    if (!w.ok) continue;
    w.changes = builder.select(w.changes);
    w.exists = tree_exists(m_repo, w.tree, m_lock);
    items.emplace_back(i, -1);
    for (std::int32_t k = 0; k < std::int32_t(w.changes.size()); ++k) items.emplace_back(i, k);
  }
  parallel_for(items.size(), [&](git_repository* repo, std::size_t n) {
    auto [i, k] = items[n];
    CommitWork& w = work[i];
    if (k >= 0) return builder.add_selected(repo, w.changes[std::size_t(k)], w.hex, w.exists);
    builder.add_message(std::move(w.message), LocationKind::commit_message, w.hex, "");
    sink.count_commit();
  });
}

CommitWalkSource::CommitWork CommitWalkSource::diff_commit(git_repository* repo, const git_oid& oid) {
  git_commit* raw = nullptr;
  check(git_commit_lookup(&raw, repo, &oid), "reading commit " + oid_hex(oid));
  CommitPtr commit(raw);
  CommitWork w;
  w.hex = oid_hex(oid);
  w.message = git_commit_message(raw);
  TreePtr tree = commit_tree(raw), parent = first_parent_tree(raw);
  w.tree = *git_tree_id(tree.get());
  diff_trees(repo, parent.get(), tree.get(), [&](const TreeChange& c) { w.changes.push_back(c); });
  w.ok = true;
  return w;
}

void CommitWalkSource::parallel_for(std::size_t count, const std::function<void(git_repository*, std::size_t)>& body) {
  // A handle per thread: the source's own handle serves tree_exists() under m_lock meanwhile.
  parallel_reads(count, m_threads, 16, [&] { return m_budget && m_budget->passed(); }, body);
}

void CommitWalkSource::add_ref_target(git_revwalk* walk, UnitBuilder& builder, const std::string& ref, const git_oid& oid) {
  git_object* raw = nullptr;
  check(git_object_lookup(&raw, m_repo.get(), &oid, GIT_OBJECT_ANY), fmt::format("reading {} ({})", oid_hex(oid), ref));
  ObjectPtr obj(raw);
  while (git_object_type(obj.get()) == GIT_OBJECT_TAG) {
    auto tag = reinterpret_cast<git_tag*>(obj.get());
    if (const char* message = git_tag_message(tag)) builder.add_message(message, LocationKind::tag_message, "", ref);
    git_object* target = nullptr;
    check(git_tag_target(&target, tag), fmt::format("reading the target of tag {}", ref));
    obj.reset(target);
  }
  const git_oid* id = git_object_id(obj.get());
  switch (git_object_type(obj.get())) {
    case GIT_OBJECT_COMMIT:
      check(git_revwalk_push(walk, id), fmt::format("walking from {}", ref));
      if (!m_first_tip) m_first_tip = *id;
      break;
    case GIT_OBJECT_BLOB: builder.add_whole_blob(m_repo.get(), *id, ref, "", nullptr); break;
    case GIT_OBJECT_TREE: {
      std::vector<TreeChange> changes;
      diff_trees(m_repo.get(), nullptr, reinterpret_cast<git_tree*>(obj.get()), [&](const TreeChange& c) { changes.push_back(c); });
      builder.add_diff(m_repo.get(), changes, "", tree_exists(m_repo, *id, m_lock));
      break;
    }
    default: break;
  }
}

}  // namespace hookguard::git
