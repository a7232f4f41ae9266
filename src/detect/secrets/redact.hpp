// Redaction of secrets and personal data for every output (CONTRACTS.md §3).
#pragma once

#include <string>
#include <string_view>

namespace hookguard::secrets {

// "ghp_*****(40)" for 12+ characters, "*****(8)" for shorter ones.
std::string redact_secret(std::string_view secret);
// At most the last 4 digits: "*****1111(16)".
std::string redact_personal(std::string_view value);
// The line with [start, end) replaced by `replacement`, cut to at most ~160 bytes around it,
// control characters shown as '?'.
std::string excerpt_line(std::string_view line, std::size_t start, std::size_t end, std::string_view replacement);

}  // namespace hookguard::secrets
