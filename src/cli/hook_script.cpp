#include "cli/hook_script.hpp"

#include <fmt/format.h>

namespace hookguard::cli {
namespace {

bool reads_stdin(const std::string& hook) { return hook == "pre-push" || hook == "pre-receive"; }

// The chained hook runs first with the same arguments; ref lines on stdin go to both.
std::string chain_block(const std::string& hook, const std::string& run) {
  if (!reads_stdin(hook))
    return "if [ -x \"$chained\" ]; then\n"
           "  \"$chained\" \"$@\" || exit $?\n"
           "fi\n";
  return "if [ -x \"$chained\" ]; then\n"
         "  input=$(cat)\n"
         "  feed() { if [ -n \"$input\" ]; then printf '%s\\n' \"$input\"; fi; }\n"
         "  feed | \"$chained\" \"$@\" || exit $?\n"
         "  feed | " + run + "\n"
         "  exit $?\n"
         "fi\n";
}

}  // namespace

std::string sh_quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::string hook_script(const std::string& hook, const std::string& binary, const std::string& config) {
  std::string run = "\"$bin\" \"$hook\"" + (config.empty() ? "" : " --config " + sh_quote(config)) + " \"$@\"";
  return fmt::format(
      "#!/bin/sh\n"
      "{} {} (installed by `hookguard install`; `hookguard uninstall` restores what was here)\n"
      "# Exit 0 passes, 1 blocks, 2 means hookguard could not decide (fails closed).\n"
      "hook={}\n"
      "bin=${{HOOKGUARD:-{}}}\n"
      "if ! command -v \"$bin\" >/dev/null 2>&1; then\n"
      "  bin=$(command -v hookguard) || {{ echo \"hookguard: binary not found ({}); reinstall it or set HOOKGUARD\" >&2; exit 2; }}\n"
      "fi\n"
      "chained=\"$0{}\"\n"
      "{}"
      "exec {}\n",
      k_script_marker, hook, hook, sh_quote(binary), binary, k_chained_suffix, chain_block(hook, run), run);
}

bool is_hookguard_script(std::string_view text) { return text.find(k_script_marker) != std::string_view::npos; }

}  // namespace hookguard::cli
