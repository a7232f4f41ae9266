// Inputs that hang yaml-cpp 0.7 (Debian bookworm) instead of failing: found by fuzzing. Every
// caller of YAML::Load/LoadAll checks untrusted text here first. Knows nothing of hookguard types.
#pragma once

#include <cstdint>
#include <string_view>

namespace hookguard::util {

// What the hang is, for the callers' error messages.
constexpr std::string_view k_yaml_hang_reason =
    "a ',' outside a flow collection (at the start of a document or after its root node, as in "
    "`\"a\",`, `[a],` or a ',' line after a top-level list or scalar)";

// A ',' at the top level of a document, where its root node starts or ends (`, x`, `"a",`,
// `[a],`, `&x ,`, `- a\n,`, `|\n a\n,`, `a #c\n,`), is invalid YAML that makes yaml-cpp 0.7 yield empty documents forever without
// consuming it. Returns the 1-based line of the first such document, or 0.
std::uint32_t yaml_hang_line(std::string_view text);

}  // namespace hookguard::util
