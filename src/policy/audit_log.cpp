// Placeholder until the audit log lands (issue 6).
#include "policy/audit_log.hpp"

namespace hookguard::policy {

bool append_audit_log(const std::string&, const AuditContext&, const Verdict&, std::string&) { return true; }

}  // namespace hookguard::policy
