// The hook scripts `hookguard install` writes (the generic versions live in hooks/): POSIX sh,
// LF only, marked so install/uninstall/doctor recognise their own files. An existing hook is
// kept beside it as `<hook>.hookguard-chained` and run first with the same arguments and stdin.
#pragma once

#include <string>
#include <string_view>

namespace hookguard::cli {

constexpr std::string_view k_script_marker = "# hookguard-hook:";
constexpr std::string_view k_chained_suffix = ".hookguard-chained";

// `binary` is the absolute path of hookguard; `config` (server hooks) is passed as --config.
std::string hook_script(const std::string& hook, const std::string& binary, const std::string& config = "");

bool is_hookguard_script(std::string_view text);

// Quotes for sh: 'it'\''s'.
std::string sh_quote(std::string_view s);

}  // namespace hookguard::cli
