// Dockerfile parser: text -> instructions with exact line spans. Handles parser directives
// (`# syntax=`, `# escape=`, `# check=`), line continuations with either escape character,
// comments and blank lines inside continuations, heredocs (`<<EOF`, `<<-EOF`, quoted
// delimiters, several per line), JSON (exec) vs shell form, `--flags`, ONBUILD and CRLF.
// It never throws on bad input: problems become ParseError entries with a line. Linear in the
// input size (every line is visited a bounded number of times).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::dockerfile {

struct Flag {
  std::string name;   // without the leading "--"
  std::string value;  // after '=', empty when none
  bool has_value = false;
};

struct Heredoc {
  std::string delimiter;
  std::string body;          // lines joined with '\n' (tabs stripped for <<-)
  bool strip_tabs = false;   // <<-
  bool quoted = false;       // <<"EOF" / <<'EOF': no expansion
  std::uint32_t first_line = 0;  // line of the first body line
};

struct Instruction {
  std::string keyword;   // upper-cased: FROM, RUN, ...
  std::uint32_t line = 0, end_line = 0;  // 1-based, inclusive span incl. heredoc bodies
  std::uint32_t column = 1;              // of the keyword
  std::string raw;       // everything after the keyword, continuations joined by '\n'-free space
  std::vector<Flag> flags;
  std::string args;      // raw minus leading flags, trimmed
  bool json_form = false;
  std::vector<std::string> json_args;  // valid only when json_form
  std::vector<Heredoc> heredocs;
  std::shared_ptr<const Instruction> inner;  // ONBUILD's trigger instruction

  const Flag* flag(std::string_view name) const;
};

struct Comment {
  std::uint32_t line = 0;
  std::string text;        // after '#', not trimmed
  bool inside_instruction = false;  // a comment line inside a continuation
};

struct ParseError {
  std::uint32_t line = 0;
  std::string message;
};

struct Dockerfile {
  char escape = '\\';
  std::string syntax;  // # syntax= directive value
  std::string check;   // # check= directive value
  std::vector<Instruction> instructions;
  std::vector<Comment> comments;
  std::vector<ParseError> errors;
};

Dockerfile parse(std::string_view text);

// One instruction from its logical text ("RUN apt-get update"), as ONBUILD's trigger uses it.
Instruction parse_instruction_text(std::string_view text, std::uint32_t line, std::uint32_t end_line,
                                   std::vector<ParseError>& errors);

// The words of a shell-form argument string, honouring quotes (quotes removed). Used for
// COPY/ADD/EXPOSE/USER/LABEL operands.
std::vector<std::string> split_words(std::string_view text, char escape = '\\');

}  // namespace hookguard::dockerfile
