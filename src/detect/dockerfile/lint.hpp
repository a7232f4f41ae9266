// What a rule sees and how it reports. A rule is one function `void check(Lint&)` that walks
// the model and calls report(); the detector decides afterwards which hits become findings
// (enabled rules, pragmas). Rules are grouped by subject in rules_*.cpp, each group exposing
// its table.
#pragma once

#include "detect/dockerfile/model.hpp"
#include "detect/dockerfile/parser.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::dockerfile {

struct LabelSchemaEntry {
  std::string name;
  std::string type;  // text, url, semver, hash, rfc3339, spdx, email
};

// Rule options resolved from the config once, at detector construction.
struct Settings {
  std::vector<std::string> trusted_registries;  // dockerfile-untrusted-registry; empty = inactive
  std::vector<LabelSchemaEntry> label_schema;   // label_schema of dockerfile-label-missing
  bool strict_labels = false;                   // strict_labels of dockerfile-label-superfluous
};

struct Hit {
  std::string_view rule;
  const Unit* unit = nullptr;   // the instruction; null for file-level hits
  std::uint32_t line = 0;       // used when unit is null
  std::string message;
  std::string excerpt;          // replaces the instruction's first line (redacted secrets)
  std::string code;             // a peer's own code (SC2086) that pragmas may name
};

class Lint {
 public:
  Lint(const Dockerfile& f, const Model& m, const Settings& s, std::optional<bool> dockerignore)
      : file(f), model(m), settings(s), has_dockerignore(dockerignore) {}

  void report(std::string_view rule, const Unit& at, std::string message, std::string excerpt = {}) {
    hits.push_back({rule, &at, 0, std::move(message), std::move(excerpt)});
  }
  void report_line(std::string_view rule, std::uint32_t line, std::string message) {
    hits.push_back({rule, nullptr, line, std::move(message), {}});
  }

  const Dockerfile& file;
  const Model& model;
  const Settings& settings;
  std::optional<bool> has_dockerignore;  // nullopt: unknown, rules that need it stay silent
  std::vector<Hit> hits;
};

using RuleCheck = void (*)(Lint&);

struct RuleDef {
  std::string_view id;
  RuleCheck check;
};

// Walks the units of one keyword (ONBUILD triggers included).
template <typename F>
void for_each(const Lint& l, std::string_view keyword, F&& f) {
  for (const auto& u : l.model.units)
    if (u.ins->keyword == keyword) f(u);
}

// Walks RUN units whose shell is POSIX (rules about shell commands skip PowerShell stages).
template <typename F>
void for_each_run(const Lint& l, F&& f) {
  for (const auto& u : l.model.units)
    if (u.ins->keyword == "RUN" && u.posix_shell) f(u, u.script);
}

// ENV/ARG shown with credential-like values redacted: the excerpt of any finding on them.
std::string variables_excerpt(const Instruction& ins, char escape);

std::span<const RuleDef> image_rules();
std::span<const RuleDef> apt_rules();
std::span<const RuleDef> package_rules();
std::span<const RuleDef> language_rules();
std::span<const RuleDef> run_rules();
std::span<const RuleDef> copy_rules();
std::span<const RuleDef> stage_rules();
std::span<const RuleDef> instruction_rules();
std::span<const RuleDef> label_rules();
std::span<const RuleDef> secret_rules();

}  // namespace hookguard::dockerfile
