#include "git/tree_diff.hpp"

#include <algorithm>
#include <cstring>

namespace hookguard::git {
namespace {

bool is_tree(const git_tree_entry* e) { return git_tree_entry_filemode(e) == GIT_FILEMODE_TREE; }

// Git's tree order: names compare bytewise, a subtree as if its name ended in '/'.
int entry_order(const git_tree_entry* a, const git_tree_entry* b) {
  const char* an = git_tree_entry_name(a);
  const char* bn = git_tree_entry_name(b);
  std::size_t al = std::strlen(an), bl = std::strlen(bn), common = std::min(al, bl);
  if (int c = std::memcmp(an, bn, common)) return c;
  unsigned char ac = al > common ? (unsigned char)an[common] : is_tree(a) ? '/' : 0;
  unsigned char bc = bl > common ? (unsigned char)bn[common] : is_tree(b) ? '/' : 0;
  return int(ac) - int(bc);
}

class TreeDiffer {
 public:
  TreeDiffer(git_repository* repo, const ChangeVisitor& visit) : m_repo(repo), m_visit(visit) {}

  void diff(const git_tree* old_tree, const git_tree* new_tree, const std::string& prefix) {
    std::size_t on = old_tree ? git_tree_entrycount(old_tree) : 0;
    std::size_t nn = new_tree ? git_tree_entrycount(new_tree) : 0;
    std::size_t i = 0, j = 0;
    while (i < on || j < nn) {
      const git_tree_entry* o = i < on ? git_tree_entry_byindex(old_tree, i) : nullptr;
      const git_tree_entry* n = j < nn ? git_tree_entry_byindex(new_tree, j) : nullptr;
      int order = !o ? 1 : !n ? -1 : entry_order(o, n);
      if (order < 0) ++i, visit_pair(o, nullptr, prefix);
      else if (order > 0) ++j, visit_pair(nullptr, n, prefix);
      else ++i, ++j, visit_pair(o, n, prefix);
    }
  }

 private:
  TreePtr subtree(const git_tree_entry* e) {
    if (!e || !is_tree(e)) return nullptr;
    git_tree* t = nullptr;
    check(git_tree_lookup(&t, m_repo, git_tree_entry_id(e)), "reading tree " + oid_hex(*git_tree_entry_id(e)));
    return TreePtr(t);
  }

  void visit_pair(const git_tree_entry* o, const git_tree_entry* n, const std::string& prefix) {
    if (o && n && git_oid_equal(git_tree_entry_id(o), git_tree_entry_id(n)) &&
        git_tree_entry_filemode(o) == git_tree_entry_filemode(n))
      return;  // identical file or subtree: nothing inside can differ
    std::string path = prefix + git_tree_entry_name(o ? o : n);
    if ((o && is_tree(o)) || (n && is_tree(n))) {
      TreePtr ot = subtree(o), nt = subtree(n);
      diff(ot.get(), nt.get(), path + '/');
      return;
    }
    TreeChange c;
    c.path = std::move(path);
    if (o) c.old_oid = *git_tree_entry_id(o), c.old_mode = git_tree_entry_filemode(o);
    if (n) c.new_oid = *git_tree_entry_id(n), c.new_mode = git_tree_entry_filemode(n);
    m_visit(c);
  }

  git_repository* m_repo;
  const ChangeVisitor& m_visit;
};

}  // namespace

void diff_trees(git_repository* repo, const git_tree* old_tree, const git_tree* new_tree, const ChangeVisitor& visit) {
  TreeDiffer(repo, visit).diff(old_tree, new_tree, "");
}

void diff_index(git_repository* repo, const git_tree* tree, git_index* index, const ChangeVisitor& visit) {
  git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
  opts.flags = GIT_DIFF_SKIP_BINARY_CHECK | GIT_DIFF_IGNORE_SUBMODULES;
  git_diff* raw = nullptr;
  check(git_diff_tree_to_index(&raw, repo, const_cast<git_tree*>(tree), index, &opts), "comparing the index with HEAD");
  DiffPtr diff(raw);
  for (std::size_t k = 0, n = git_diff_num_deltas(raw); k < n; ++k) {
    const git_diff_delta* d = git_diff_get_delta(raw, k);
    TreeChange c;
    bool gone = d->status == GIT_DELTA_DELETED;
    c.path = gone ? d->old_file.path : d->new_file.path;
    if (d->status != GIT_DELTA_ADDED) c.old_oid = d->old_file.id, c.old_mode = git_filemode_t(d->old_file.mode);
    if (!gone) c.new_oid = d->new_file.id, c.new_mode = git_filemode_t(d->new_file.mode);
    visit(c);
  }
}

}  // namespace hookguard::git
