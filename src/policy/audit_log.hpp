// The audit trail: every audit-level decision (and every bypass or time-budget event) appended as
// one JSON line to the configured file — never the secret. Safe under concurrent pushes: each
// record is written with one write() under an exclusive lock, so lines never interleave.
#pragma once

#include <hookguard/types.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace hookguard::policy {

struct AuditContext {
  std::string hook;        // "pre-receive", "pre-commit", ...
  std::string repository;  // path or GITHUB_REPO_NAME / GL_PROJECT_PATH
  std::string ref, old_oid, new_oid;
  std::string pusher;      // GL_USERNAME, GITHUB_USER_LOGIN, REMOTE_USER, else git author
  std::string event;       // "" for findings; "bypass", "timeout" for policy events
  std::string reason;      // bypass reason, timeout details
};

// The JSON lines for one run: the event record (when context.event is set), then one record per
// audit or block decision. Empty when there is nothing to record.
std::string audit_records(const AuditContext& context, const Verdict& verdict, std::chrono::system_clock::time_point now);

// Appends the records for `verdict` (audit decisions; blocks too, so rejections are on record).
// The file is created with mode 0640 when missing; a missing parent directory is an error.
// Returns false and fills `error` when the log cannot be written.
bool append_audit_log(const std::string& path, const AuditContext& context, const Verdict& verdict, std::string& error);

}  // namespace hookguard::policy
