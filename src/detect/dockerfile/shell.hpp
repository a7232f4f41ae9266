// A small POSIX-shell splitter for RUN scripts: enough structure for the package-manager rules.
// It splits on `&&`, `||`, `;`, `&`, `|`, newlines and sub-shells, descends into `$(...)` and
// backticks, honours quotes, drops redirections and comments, strips leading `VAR=value`
// assignments and shell keywords (`if`, `then`, `do`, `!`, `{`...), and unwraps `sudo`/`env`/
// `exec`/`nohup`/`command`/`time` so `sudo apt-get install` is seen as `apt-get install` too.
// Never fails: unbalanced quotes end at the end of the script. Linear in the script size.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::dockerfile {

struct Command {
  std::string name;               // basename of the command word: "apt-get"
  std::vector<std::string> args;  // the words after it, quotes removed
  bool piped_in = false;          // its stdin is a pipe from the previous command
  bool piped_out = false;         // its stdout goes into a pipe

  bool is(std::string_view n) const { return name == n; }
  bool has_arg(std::string_view a) const;
  bool has_any_arg(std::initializer_list<std::string_view> list) const;
  bool has_arg_prefix(std::string_view prefix) const;
  // hadolint's flag view: "--name=x" -> "name", "-abc" -> "a","b","c".
  bool has_flag(std::string_view flag) const;
  bool has_any_flag(std::initializer_list<std::string_view> flags) const;
  // Words that are not flags. Flags named in `with_value` also consume the next word when
  // written without '=' ("-t stable", "--virtual .deps").
  std::vector<std::string> operands(std::initializer_list<std::string_view> with_value = {}) const;
  // The value of a flag ("-u 1000", "-u1000", "--uid=1000"), empty if absent.
  std::string flag_value(std::string_view short_name, std::string_view long_name) const;
};

struct Script {
  std::vector<Command> commands;
  bool has_pipe = false;

  bool any(std::string_view name) const;
  // The first command `name` with any of `subcommands` among its arguments, or nullptr.
  bool any_with(std::string_view name, std::initializer_list<std::string_view> subcommands) const;
};

Script parse_shell(std::string_view script);

}  // namespace hookguard::dockerfile
