// Inputs that hang yaml-cpp 0.7 (Debian bookworm) instead of failing: found by fuzzing. Every
// caller of YAML::Load checks untrusted text here first. Knows nothing of hookguard types.
#pragma once

#include <cstdint>
#include <string_view>

namespace hookguard::util {

// A YAML document whose first token is ',' (a flow indicator outside a flow collection: invalid
// YAML) makes yaml-cpp 0.7 loop forever. Returns the 1-based line of such a token, or 0.
std::uint32_t yaml_hang_line(std::string_view text);

}  // namespace hookguard::util
