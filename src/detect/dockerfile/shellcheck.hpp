// ShellCheck over RUN scripts, as hadolint does. The process lives behind ShellChecker so the
// detector stays testable from strings (tests pass a fake) and never spawns inside a benchmark
// loop unless asked. One process per Dockerfile: every RUN script is one file argument.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hookguard::dockerfile {

struct ShellScript {
  std::string text;  // complete file content, shebang included
};

struct ShellcheckComment {
  std::size_t script = 0;   // index into the scripts passed to check()
  std::uint32_t line = 0;   // 1-based line in that script
  std::string level;        // error, warning, info, style
  std::string code;         // "SC2086"
  std::string message;
};

class ShellChecker {
 public:
  virtual ~ShellChecker() = default;
  // nullopt when shellcheck could not run (the caller reports a notice, not a finding).
  virtual std::optional<std::vector<ShellcheckComment>> check(const std::vector<ShellScript>& scripts) const = 0;
};

// The real one: `shellcheck --format=gcc` on temporary files. nullptr when shellcheck is not on
// PATH. Thread-safe: every call uses its own temporary directory.
std::shared_ptr<const ShellChecker> make_process_shellchecker();

// Parses one line of `--format=gcc` output ("<file>:<line>:<col>: <level>: <msg> [SC1234]");
// `file_index` maps the file name back to a script index.
std::optional<ShellcheckComment> parse_gcc_line(std::string_view line, const std::vector<std::string>& files);

}  // namespace hookguard::dockerfile
