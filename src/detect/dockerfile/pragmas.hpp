// hadolint's inline pragmas, read from the comments of a parsed Dockerfile:
//   # hadolint ignore=DL3008,DL3015        the next instruction
//   # hadolint stage ignore=DL3006         from the next instruction to the end of its stage
//   # hadolint global ignore=DL3003        the whole file
//   # hadolint shell=powershell            shell rules skip the rest of the stage
// Codes may be hadolint codes, our rule ids or any alias; the caller resolves them. Like
// hadolint, a list with a malformed item is not a pragma at all.
#pragma once

#include "detect/dockerfile/parser.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace hookguard::dockerfile {

enum class PragmaScope { next, stage, global };

struct IgnorePragma {
  PragmaScope scope = PragmaScope::next;
  std::uint32_t line = 0;                 // the comment's line
  std::vector<std::string> codes;
  std::uint32_t first = 0;                // instructions starting in [first, last] are covered
  std::uint32_t last = 0;
  std::string label() const;              // "hadolint ignore=DL3008,DL3015 (line 4)"
  bool covers(std::uint32_t instruction_line) const { return instruction_line >= first && instruction_line <= last; }
};

struct Pragmas {
  std::vector<IgnorePragma> ignores;
  std::vector<std::uint32_t> non_posix_shell_lines;  // `# hadolint shell=` naming a non-POSIX shell
};

Pragmas read_pragmas(const Dockerfile& file);

}  // namespace hookguard::dockerfile
