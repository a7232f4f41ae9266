// Wall-clock timestamps for machine reports and the audit log. Knows nothing of hookguard types.
#pragma once

#include <chrono>
#include <string>

namespace hookguard::util {

// RFC 3339 in UTC with millisecond precision: "2026-11-23T11:37:11.042Z".
std::string rfc3339_utc(std::chrono::system_clock::time_point t);

}  // namespace hookguard::util
