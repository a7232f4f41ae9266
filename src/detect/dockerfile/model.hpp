// The semantic view the rules read: build stages, image references with ARG values expanded,
// the per-stage variable environment (ARG/ENV) and the parsed shell of every RUN. Built once
// per Dockerfile from the parser's output; ONBUILD triggers appear as their own units.
#pragma once

#include "detect/dockerfile/parser.hpp"
#include "detect/dockerfile/shell.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hookguard::dockerfile {

// name -> value; nullopt = declared (ARG NAME) but with no value known at lint time.
using Vars = std::map<std::string, std::optional<std::string>, std::less<>>;

struct Expanded {
  std::string text;
  bool unresolved = false;  // referenced a variable whose value is unknown (a build arg)
};

// $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:+alt}, ${VAR+alt}, ${VAR:?err}.
Expanded expand(std::string_view text, const Vars& vars, char escape = '\\');

struct ImageRef {
  std::string registry;  // "" = implicit Docker Hub
  std::string name;      // repository path without registry ("library/debian" stays "debian")
  std::string tag;
  std::string digest;    // "sha256:..."
  bool unresolved = false;
  bool is_scratch() const { return registry.empty() && name == "scratch"; }
};

ImageRef parse_image_ref(std::string_view text);

struct Stage {
  std::size_t index = 0;
  const Instruction* from = nullptr;
  std::string name;        // "AS name", lower-cased; empty if none
  std::string image_text;  // expanded FROM image operand
  ImageRef image;
  int parent = -1;         // an earlier stage this one is built FROM, else -1
  std::string platform;    // --platform value, as written
  bool reaches_image = false;  // the final stage or an ancestor (FROM <stage>) of it
};

struct Unit {
  const Instruction* ins = nullptr;    // the effective instruction (ONBUILD's trigger for triggers)
  const Instruction* outer = nullptr;  // the instruction as written (line numbers, pragmas)
  int stage = -1;                      // -1 = before the first FROM
  bool onbuild = false;
  bool posix_shell = true;             // false under SHELL ["powershell"...] or `# hadolint shell=`
  std::string shell = "/bin/sh";       // the stage's SHELL program for RUN
  Script script;                       // RUN only
  Expanded expanded;                   // args with variables expanded (USER, WORKDIR, FROM, ...)
};

struct Model {
  std::vector<Stage> stages;
  std::vector<Unit> units;  // file order; an ONBUILD contributes its trigger only
  Vars global_args;
  std::map<std::string, std::size_t, std::less<>> stage_names;  // lower-cased alias -> first stage

  const Stage* stage_named(std::string_view name) const;  // by alias (case-insensitive)
  // Is this stage part of the final image? Cleanup rules only matter there. -1 (before any
  // FROM) counts as yes.
  bool reaches_image(int stage) const {
    return stage < 0 || static_cast<std::size_t>(stage) >= stages.size() || stages[static_cast<std::size_t>(stage)].reaches_image;
  }
  bool is_final(int stage) const { return stage >= 0 && static_cast<std::size_t>(stage) + 1 == stages.size(); }
};

// `pwsh_lines`: lines of `# hadolint shell=` comments naming a non-POSIX shell.
Model build_model(const Dockerfile& file, const std::vector<std::uint32_t>& non_posix_pragma_lines);

// The shell script a RUN executes: shell form text, the `-c` script of an exec form shell, or a
// heredoc body fed to a shell.
std::string run_script(const Instruction& run);

}  // namespace hookguard::dockerfile
