#include "git/commit_source.hpp"

#include "git/repo_lookup.hpp"
#include "git/tree_diff.hpp"

#include <fmt/format.h>

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

}  // namespace

CommitWalkSource::CommitWalkSource(const Config& config, TimeBudget* budget)
    : m_config(config), m_repo(open_repository()), m_budget(budget) {}

std::string CommitWalkSource::fingerprint_key() const {
  return root_commit_key(m_repo.get(), m_first_tip ? &*m_first_tip : nullptr);
}

void CommitWalkSource::collect(const EmitFn& emit, Report& report) {
  UnitSink sink(emit, report);
  UnitBuilder builder(m_config, sink);
  git_revwalk* raw = nullptr;
  std::vector<git_oid> commits;
  try {
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
  for (const auto& oid : commits) {
    if (m_budget && m_budget->passed()) return;
    try {
      scan_commit(oid, builder, sink);
    } catch (const GitError& e) {
      sink.error(oid_hex(oid), e.what());
    }
  }
}

void CommitWalkSource::scan_commit(const git_oid& oid, UnitBuilder& builder, UnitSink& sink) {
  git_commit* raw = nullptr;
  check(git_commit_lookup(&raw, m_repo.get(), &oid), "reading commit " + oid_hex(oid));
  CommitPtr commit(raw);
  std::string hex = oid_hex(oid);
  builder.add_message(git_commit_message(raw), LocationKind::commit_message, hex, "");
  TreePtr tree = commit_tree(raw), parent = first_parent_tree(raw);
  std::vector<TreeChange> changes;
  diff_trees(m_repo.get(), parent.get(), tree.get(), [&](const TreeChange& c) { changes.push_back(c); });
  builder.add_diff(m_repo.get(), changes, hex, tree_exists(m_repo.get(), *git_tree_id(tree.get()), m_lock));
  sink.count_commit();
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
      builder.add_diff(m_repo.get(), changes, "", tree_exists(m_repo.get(), *id, m_lock));
      break;
    }
    default: break;
  }
}

}  // namespace hookguard::git
