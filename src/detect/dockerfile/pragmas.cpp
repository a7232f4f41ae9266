#include "detect/dockerfile/pragmas.hpp"

#include "detect/dockerfile/text.hpp"

#include <algorithm>
#include <optional>

namespace hookguard::dockerfile {
namespace {

constexpr std::uint32_t k_end = std::numeric_limits<std::uint32_t>::max();

// Consumes `word` followed by at least one blank (or '=' when allowed); false if absent.
bool take_word(std::string_view& s, std::string_view word) {
  if (!starts_with(s, word)) return false;
  s.remove_prefix(word.size());
  auto t = trim(s);
  if (t.size() == s.size() && !t.empty() && t.front() != '=') return false;
  s = t;
  return true;
}

std::optional<std::vector<std::string>> code_list(std::string_view s) {
  s = trim(s.substr(0, s.find('#')));  // an inline "# reason" may follow
  std::vector<std::string> codes;
  while (true) {
    auto comma = s.find(',');
    auto code = trim(s.substr(0, comma));
    if (code.empty() || code.find_first_of(" \t") != std::string_view::npos) return std::nullopt;
    codes.emplace_back(code);
    if (comma == std::string_view::npos) return codes;
    s.remove_prefix(comma + 1);
  }
}

const Instruction* next_instruction(const Dockerfile& f, std::uint32_t line) {
  auto it = std::upper_bound(f.instructions.begin(), f.instructions.end(), line,
                             [](std::uint32_t l, const Instruction& i) { return l < i.line; });
  return it == f.instructions.end() ? nullptr : &*it;
}

// Lines of the FROM instructions, ascending.
std::vector<std::uint32_t> from_lines(const Dockerfile& f) {
  std::vector<std::uint32_t> out;
  for (const auto& i : f.instructions)
    if (i.keyword == "FROM") out.push_back(i.line);
  return out;
}

std::uint32_t stage_end(const std::vector<std::uint32_t>& froms, std::uint32_t after) {
  auto it = std::upper_bound(froms.begin(), froms.end(), after);
  return it == froms.end() ? k_end : *it - 1;
}

void set_scope(const Dockerfile& f, const std::vector<std::uint32_t>& froms, IgnorePragma& p) {
  const Instruction* next = next_instruction(f, p.line);
  if (p.scope == PragmaScope::global) return void((p.first = 0, p.last = k_end));
  if (!next) return void((p.first = 1, p.last = 0));  // covers nothing
  p.first = next->line;
  p.last = p.scope == PragmaScope::next ? next->line : stage_end(froms, next->line);
}

bool is_posix_shell(std::string_view name) {
  auto b = basename(name.substr(0, name.find_first_of(" \t")));
  return b == "sh" || b == "bash" || b == "zsh" || b == "ash" || b == "dash" || b == "ksh";
}

void read_comment(const Dockerfile& f, const std::vector<std::uint32_t>& froms, const Comment& c, Pragmas& out) {
  std::string_view s = trim(c.text);
  if (!take_word(s, "hadolint")) return;
  IgnorePragma p;
  p.line = c.line;
  if (take_word(s, "global")) p.scope = PragmaScope::global;
  else if (take_word(s, "stage")) p.scope = PragmaScope::stage;
  if (p.scope == PragmaScope::next && take_word(s, "shell")) {
    if (!starts_with(s, "=")) return;
    auto name = trim(s.substr(1));
    if (!name.empty() && !is_posix_shell(name)) out.non_posix_shell_lines.push_back(c.line);
    return;
  }
  if (!take_word(s, "ignore") || !starts_with(s, "=")) return;
  auto codes = code_list(s.substr(1));
  if (!codes) return;
  p.codes = std::move(*codes);
  set_scope(f, froms, p);
  out.ignores.push_back(std::move(p));
}

}  // namespace

std::string IgnorePragma::label() const {
  std::string out = "hadolint ";
  if (scope == PragmaScope::global) out += "global ";
  if (scope == PragmaScope::stage) out += "stage ";
  out += "ignore=";
  for (std::size_t i = 0; i < codes.size(); ++i) out += (i ? "," : "") + codes[i];
  return out + " (line " + std::to_string(line) + ")";
}

Pragmas read_pragmas(const Dockerfile& file) {
  Pragmas out;
  auto froms = from_lines(file);
  for (const auto& c : file.comments)
    if (!c.inside_instruction) read_comment(file, froms, c, out);
  return out;
}

}  // namespace hookguard::dockerfile
