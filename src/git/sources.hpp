// Unit sources that read git (the only module that includes <git2.h>). Each reads content from
// git objects as git hands them to the hook, never from the working tree:
//   staged   - pre-commit / pre-merge-commit: the index (GIT_INDEX_FILE) against HEAD;
//   push     - pre-push: commits the remote lacks, tags and what they bring;
//   receive  - pre-receive: commits new to the server, read from the receive quarantine;
//   history  - scan --history [--since REV] / --range A..B.
// Every unit's path is repository-root relative. Constructors open the repository and throw
// GitError when it cannot be read; per-object problems during collect() land in report.errors.
#pragma once

#include "pipeline.hpp"

#include <hookguard/scan_target.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace hookguard::git {

// A wall-clock budget for a scan: sources stop emitting once it has passed and say so.
struct TimeBudget {
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  std::atomic<bool> expired{false};
  bool passed() {
    if (std::chrono::steady_clock::now() >= deadline) expired = true;
    return expired;
  }
};

std::unique_ptr<UnitSource> make_staged_source(const Config& config);

// For `scan` of plain files inside a clone: paths and fingerprints as the hooks make them, so a
// baseline written by `hookguard baseline` matches pre-commit's findings. The working tree root
// above `dir` (trailing '/'), empty outside a repository; the key is the root commit id.
std::string working_tree_root(const std::string& dir);
std::string fingerprint_key_at(const std::string& workdir, const std::string& cache_dir);
// `remote` is the remote's name, or its URL when pushing to a URL (git passes it twice).
std::unique_ptr<UnitSource> make_push_source(const Config& config, const std::string& remote,
                                             const std::vector<RefUpdate>& updates);
std::unique_ptr<UnitSource> make_receive_source(const Config& config, const std::vector<RefUpdate>& updates,
                                                TimeBudget& budget);
// `since` / `range` empty = every commit reachable from any ref and HEAD.
std::unique_ptr<UnitSource> make_history_source(const Config& config, const std::string& since, const std::string& range);

}  // namespace hookguard::git
