// Which commits each walking source judges:
//   pre-push    - the pushed tips, minus what the remote is known to have: its remote-tracking
//                 refs (all of them when pushing to a URL) and every remote oid git sent us that
//                 exists locally; deletions judge nothing.
//   pre-receive - `git rev-list <new>... --not --all`: refs are not updated yet, so hiding every
//                 ref hides exactly what the server already had; objects come from the quarantine.
//   history     - every commit of every ref and HEAD, or `--since REV`, or `--range A..B`.
#include "git/commit_source.hpp"
#include "git/repo_lookup.hpp"

#include <fmt/format.h>

namespace hookguard::git {
namespace {

bool remote_exists(git_repository* repo, const std::string& name) {
  git_remote* remote = nullptr;
  if (git_remote_lookup(&remote, repo, name.c_str()) < 0) return false;
  git_remote_free(remote);
  return true;
}

class PushSource final : public CommitWalkSource {
 public:
  PushSource(const Config& config, std::string remote, std::vector<RefUpdate> updates)
      : CommitWalkSource(config), m_remote(std::move(remote)), m_updates(std::move(updates)) {}

 private:
  void prepare(git_revwalk* walk, UnitBuilder& builder) override {
    for (const auto& u : m_updates) {
      if (is_zero_oid(u.new_oid) || u.new_oid == u.old_oid) continue;  // deletion, or nothing new
      add_ref_target(walk, builder, u.ref, parse_oid(u.new_oid));
    }
    std::string glob = remote_exists(m_repo.get(), m_remote) ? fmt::format("refs/remotes/{}/*", m_remote) : "refs/remotes/*";
    check(git_revwalk_hide_glob(walk, glob.c_str()), "hiding " + glob);
    for (const auto& u : m_updates) {
      git_oid known;
      if (!is_zero_oid(u.old_oid) && peel_to_commit(m_repo.get(), parse_oid(u.old_oid), known))
        check(git_revwalk_hide(walk, &known), "hiding the remote's " + u.ref);
    }
  }

  std::string m_remote;
  std::vector<RefUpdate> m_updates;
};

class ReceiveSource final : public CommitWalkSource {
 public:
  ReceiveSource(const Config& config, std::vector<RefUpdate> updates, TimeBudget& budget)
      : CommitWalkSource(config, &budget), m_updates(std::move(updates)) {}

 private:
  void prepare(git_revwalk* walk, UnitBuilder& builder) override {
    for (const auto& u : m_updates)
      if (!is_zero_oid(u.new_oid)) add_ref_target(walk, builder, u.ref, parse_oid(u.new_oid));
    check(git_revwalk_hide_glob(walk, "*"), "hiding the refs the server already has");
  }

  std::vector<RefUpdate> m_updates;
};

class HistorySource final : public CommitWalkSource {
 public:
  HistorySource(const Config& config, std::string since, std::string range)
      : CommitWalkSource(config), m_since(std::move(since)), m_range(std::move(range)) {}

 private:
  void prepare(git_revwalk* walk, UnitBuilder& builder) override {
    if (!m_range.empty()) {
      check(git_revwalk_push_range(walk, m_range.c_str()), "resolving the range " + m_range);
      return;
    }
    check(git_revwalk_push_glob(walk, "*"), "reading the refs");
    int rc = git_revwalk_push_head(walk);
    if (rc < 0 && rc != GIT_ENOTFOUND && rc != GIT_EUNBORNBRANCH) check(rc, "reading HEAD");
    if (!m_since.empty()) hide_since(walk);
    else add_tag_messages(builder);
  }

  void hide_since(git_revwalk* walk) {
    git_object* raw = nullptr;
    check(git_revparse_single(&raw, m_repo.get(), m_since.c_str()), "resolving --since " + m_since);
    ObjectPtr obj(raw);
    git_oid commit;
    if (!peel_to_commit(m_repo.get(), *git_object_id(raw), commit)) throw GitError(fmt::format("--since {}: not a commit", m_since));
    check(git_revwalk_hide(walk, &commit), "hiding --since " + m_since);
  }

  void add_tag_messages(UnitBuilder& builder) {
    struct Payload {
      git_repository* repo;
      UnitBuilder& builder;
    } payload{m_repo.get(), builder};
    git_reference_foreach_glob(
        m_repo.get(), "refs/tags/*",
        [](const char* name, void* p) {
          auto& pl = *static_cast<Payload*>(p);
          git_oid oid;
          git_tag* tag = nullptr;
          if (git_reference_name_to_id(&oid, pl.repo, name) == 0 && git_tag_lookup(&tag, pl.repo, &oid) == 0) {
            if (const char* message = git_tag_message(tag)) pl.builder.add_message(message, LocationKind::tag_message, "", name);
            git_tag_free(tag);
          }
          return 0;
        },
        &payload);
  }

  std::string m_since, m_range;
};

}  // namespace

std::unique_ptr<UnitSource> make_push_source(const Config& config, const std::string& remote, const std::vector<RefUpdate>& updates) {
  return std::make_unique<PushSource>(config, remote, updates);
}

std::unique_ptr<UnitSource> make_receive_source(const Config& config, const std::vector<RefUpdate>& updates, TimeBudget& budget) {
  return std::make_unique<ReceiveSource>(config, updates, budget);
}

std::unique_ptr<UnitSource> make_history_source(const Config& config, const std::string& since, const std::string& range) {
  return std::make_unique<HistorySource>(config, since, range);
}

}  // namespace hookguard::git
