// Turns the changes of one diff (index vs HEAD, or a commit vs its first parent) into
// ContentUnits: global path excludes, gitlinks counted and skipped, files moved unchanged
// skipped, identical blobs at one path scanned once per run, big blobs gated on the object header before
// they are read, and the added line ranges of modified text files. Internal to src/git/.
#pragma once

#include "git/libgit2.hpp"
#include "git/tree_diff.hpp"
#include "pipeline.hpp"

#include <functional>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

namespace hookguard::git {

using ExistsFn = std::function<bool(std::string_view rel_path)>;
using EmitFn = std::function<void(ContentUnit)>;

// Where units and bookkeeping go. Safe to share between collector threads.
class UnitSink {
 public:
  UnitSink(const EmitFn& emit, Report& report) : m_emit(emit), m_report(report) {}
  void emit(ContentUnit unit) { m_emit(std::move(unit)); }
  void error(std::string path, std::string message);
  void skipped_gitlink(const std::string& path);
  void count_commit();
  // True the first time a blob id is offered at a path (identical blobs at one path, e.g. the
  // same version in many commits of a history, are scanned once per run).
  bool first_sighting(const git_oid& oid, const std::string& path);

 private:
  const EmitFn& m_emit;
  Report& m_report;
  std::mutex m_mutex;
  std::unordered_set<std::string> m_seen;  // raw oid + path
};

class UnitBuilder {
 public:
  UnitBuilder(const Config& config, UnitSink& sink) : m_config(config), m_sink(sink) {}

  // Every change of one diff. `commit` is empty for the staged changes.
  void add_diff(git_repository* repo, const std::vector<TreeChange>& changes, const std::string& commit,
                const ExistsFn& exists);
  // The two halves of add_diff, so a parallel walk can select serially (deterministic: a blob
  // belongs to the first commit, in walk order, that introduces it) and read in parallel.
  // select: drops deletions, gitlinks (counted), files moved unchanged, excluded paths and blobs
  // already selected. add_selected: reads and emits; safe to call from several threads, each
  // with its own repository handle.
  std::vector<TreeChange> select(const std::vector<TreeChange>& changes);
  void add_selected(git_repository* repo, const std::vector<TreeChange>& selected, const std::string& commit,
                    const ExistsFn& exists);
  void add_selected(git_repository* repo, const TreeChange& selected, const std::string& commit, const ExistsFn& exists);
  // A blob judged whole (files of a root commit, a blob tagged directly).
  void add_whole_blob(git_repository* repo, const git_oid& oid, const std::string& path, const std::string& commit,
                      const ExistsFn& exists);
  // A commit or annotated tag message.
  void add_message(std::string text, LocationKind location, const std::string& commit, const std::string& ref);

 private:
  void add_change(git_repository* repo, const TreeChange& change, const std::string& commit, const ExistsFn& exists);
  bool excluded(const std::string& rel_path) const;

  const Config& m_config;
  UnitSink& m_sink;
};

}  // namespace hookguard::git
