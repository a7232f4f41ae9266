// Audit records are built in memory first, then appended with a single write() under flock():
// O_APPEND alone keeps one write() atomic on local file systems, and the lock extends that to
// writers on NFS-like mounts and to the rare partial write, so no reader ever sees a torn line.
#include "policy/audit_log.hpp"

#include "util/clock.hpp"
#include "util/json.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/file.h>
#include <unistd.h>

namespace hookguard::policy {
namespace {

void write_context(util::JsonWriter& w, const std::string& time, const AuditContext& c) {
  w.field("time", time);
  w.field("hook", c.hook);
  w.field_or_null("repository", c.repository);
  w.field_or_null("ref", c.ref);
  w.field_or_null("old", c.old_oid);
  w.field_or_null("new", c.new_oid);
  w.field_or_null("pusher", c.pusher);
}

// The finding's coordinates and decision; never its excerpt, message or matched text.
void write_decision(std::ostream& out, const std::string& time, const AuditContext& c, const Decision& d) {
  const Finding& f = d.finding;
  util::JsonWriter w(out);
  w.begin_object();
  write_context(w, time, c);
  w.field("event", "finding");
  w.field("rule_id", f.rule_id);
  w.field("severity", to_string(f.severity));
  w.field("action", to_string(d.action));
  w.field("reason", d.reason);
  w.field("location", to_string(f.location));
  std::string path = f.rel_path.empty() ? f.path : f.rel_path;
  w.field_or_null("path", f.location == LocationKind::file ? path : std::string());
  w.key("line").value(f.line);
  w.field_or_null("commit", f.commit);
  w.field("fingerprint", f.fingerprint);
  w.end_object();
  out << '\n';
}

void write_event(std::ostream& out, const std::string& time, const AuditContext& c) {
  util::JsonWriter w(out);
  w.begin_object();
  write_context(w, time, c);
  w.field("event", c.event);
  w.field("reason", c.reason);
  w.end_object();
  out << '\n';
}

bool write_all(int fd, const std::string& data) {
  for (std::size_t done = 0; done < data.size();) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool append_locked(const std::string& path, const std::string& data, std::string& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) {
    error = path + ": cannot open the audit log: " + std::strerror(errno);
    return false;
  }
  int rc;
  do rc = ::flock(fd, LOCK_EX); while (rc != 0 && errno == EINTR);
  bool ok = rc == 0 && write_all(fd, data);
  if (!ok) error = path + ": cannot write the audit log: " + std::strerror(errno);
  ::close(fd);  // releases the lock
  return ok;
}

}  // namespace

std::string audit_records(const AuditContext& context, const Verdict& verdict, std::chrono::system_clock::time_point now) {
  std::string time = util::rfc3339_utc(now);
  std::ostringstream out;
  if (!context.event.empty()) write_event(out, time, context);
  for (const auto& d : verdict.decisions)
    if (d.action == Action::audit || d.action == Action::block) write_decision(out, time, context, d);
  return out.str();
}

bool append_audit_log(const std::string& path, const AuditContext& context, const Verdict& verdict, std::string& error) {
  std::string records = audit_records(context, verdict, std::chrono::system_clock::now());
  if (records.empty()) return true;
  return append_locked(path, records, error);
}

}  // namespace hookguard::policy
