// What to scan: built by the CLI from argv and the hook's stdin, turned into ContentUnits by a
// source (src/source/ for files, src/git/ for everything in git).
#pragma once

#include <string>
#include <vector>

namespace hookguard {

// One line of pre-push / pre-receive stdin.
struct RefUpdate {
  std::string local_ref;   // pre-push only
  std::string old_oid;     // pre-receive: old; pre-push: remote oid
  std::string new_oid;     // pre-receive: new; pre-push: local oid
  std::string ref;         // pre-receive: the ref; pre-push: remote ref
};

struct ScanTarget {
  enum class Kind { files, staged, push, receive, history };
  Kind kind = Kind::files;
  std::string hook;                 // "scan", "pre-commit", "pre-push", "pre-receive" (per-hook config)
  std::vector<std::string> paths;   // files: as typed by the user
  std::vector<RefUpdate> updates;   // push, receive
  std::string remote, remote_url;   // push
  std::string since;                // history: --since REV
  std::string range;                // history: --range A..B
};

}  // namespace hookguard
