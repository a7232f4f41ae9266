#include "git/server_policy.hpp"

#include "git/libgit2.hpp"
#include "util/glob.hpp"

#include <fmt/format.h>

namespace hookguard::git {
namespace {

bool is_protected(const HookConfig& hooks, const std::string& ref) {
  for (const auto& pattern : hooks.protected_refs)
    if (pattern == ref || util::wildcard_match(pattern, ref)) return true;
  return false;
}

bool fast_forward(git_repository* repo, const RefUpdate& u) {
  git_oid old_oid = parse_oid(u.old_oid), new_oid = parse_oid(u.new_oid);
  if (git_oid_equal(&old_oid, &new_oid)) return true;
  int rc = git_graph_descendant_of(repo, &new_oid, &old_oid);
  check(rc, fmt::format("checking whether {} fast-forwards", u.ref));
  return rc == 1;
}

}  // namespace

Finding ref_finding(const std::string& rule_id, const std::string& ref, std::string message) {
  Finding f;
  f.rule_id = rule_id;
  f.detector = DetectorKind::policy;
  f.severity = Severity::high;
  f.location = LocationKind::ref;
  f.ref = ref;
  f.message = std::move(message);
  f.excerpt = f.message;
  f.match_key = rule_id + ':' + ref;
  return f;
}

std::vector<Finding> ref_policy_findings(const HookConfig& hooks, const std::vector<RefUpdate>& updates) {
  std::vector<Finding> out;
  RepoPtr repo;
  for (const auto& u : updates) {
    bool created = is_zero_oid(u.old_oid), deleted = is_zero_oid(u.new_oid);
    if (hooks.immutable_tags.value_or(true) && u.ref.rfind("refs/tags/", 0) == 0 && !created && u.old_oid != u.new_oid)
      out.push_back(ref_finding("policy-tag-moved", u.ref,
                                fmt::format("tag {} already exists on the server and cannot be {}", u.ref, deleted ? "deleted" : "moved")));
    if (!is_protected(hooks, u.ref) || created) continue;
    if (deleted) {
      out.push_back(ref_finding("policy-protected-ref", u.ref, fmt::format("{} is protected and cannot be deleted", u.ref)));
      continue;
    }
    if (!repo) repo = open_repository();
    if (!fast_forward(repo.get(), u))
      out.push_back(ref_finding("policy-protected-ref", u.ref,
                                fmt::format("{} is protected: this push rewrites its history (not a fast-forward)", u.ref)));
  }
  return out;
}

std::string pushed_author(const std::vector<RefUpdate>& updates) {
  for (const auto& u : updates) {
    if (is_zero_oid(u.new_oid)) continue;
    RepoPtr repo = open_repository();
    git_oid oid = parse_oid(u.new_oid);
    git_object* raw = nullptr;
    if (git_object_lookup(&raw, repo.get(), &oid, GIT_OBJECT_ANY) < 0) return "";
    ObjectPtr obj(raw);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, raw, GIT_OBJECT_COMMIT) < 0) return "";
    ObjectPtr commit(peeled);
    const git_signature* author = git_commit_author(reinterpret_cast<git_commit*>(peeled));
    return author && author->name ? author->name : "";
  }
  return "";
}

}  // namespace hookguard::git
