#include "detect/dockerfile/run_shellcheck.hpp"

#include "detect/dockerfile/key_values.hpp"
#include "detect/dockerfile/text.hpp"

#include <set>

namespace hookguard::dockerfile {
namespace {

constexpr std::size_t k_max_script = 1 << 20;  // larger scripts are not sent to shellcheck

// What hadolint tells shellcheck: the shell, and that ARG/ENV/proxy variables are set.
std::string header(const Unit& u, const std::set<std::string>& vars) {
  std::string shell(basename(u.shell));
  if (shell != "bash" && shell != "zsh" && shell != "ksh" && shell != "dash") shell = "sh";
  std::string out = "#!/bin/" + shell + "\n";
  for (const auto& v : vars) out += "export " + v + "=1\n";
  return out;
}

std::string_view level_rule(std::string_view level) {
  if (level == "error") return "dockerfile-shellcheck-error";
  if (level == "warning") return "dockerfile-shellcheck-warning";
  if (level == "info") return "dockerfile-shellcheck-info";
  return "dockerfile-shellcheck-style";
}

}  // namespace

bool shellcheck_runs(Lint& l, const ShellChecker& checker, const std::function<bool(const Unit&)>& changed) {
  std::set<std::string> vars = {"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY",
                                "ftp_proxy",  "NO_PROXY",   "no_proxy"};
  std::vector<ShellScript> scripts;
  std::vector<std::pair<const Unit*, std::uint32_t>> origin;  // unit, header lines
  for (const auto& u : l.model.units) {
    if (u.ins->keyword == "ARG" || u.ins->keyword == "ENV")
      for (const auto& kv : key_values(u.ins->args, l.file.escape)) vars.insert(kv.key);
    if (u.ins->keyword != "RUN" || !u.posix_shell || !changed(u)) continue;
    std::string script = run_script(*u.ins);
    if (trim(script).empty() || script.size() > k_max_script) continue;
    std::string head = header(u, vars);
    origin.emplace_back(&u, static_cast<std::uint32_t>(std::count(head.begin(), head.end(), '\n')));
    scripts.push_back({head + script + "\n"});
  }
  auto comments = checker.check(scripts);
  if (!comments) return false;
  for (const auto& c : *comments) {
    if (c.script >= origin.size()) continue;
    auto [unit, head] = origin[c.script];
    std::uint32_t line = c.line > head ? c.line - head : 1;
    std::string where = line > 1 ? " (script line " + std::to_string(line) + ")" : "";
    l.hits.push_back({level_rule(c.level), unit, 0, c.code + ": " + c.message + where, {}, c.code});
  }
  return true;
}

}  // namespace hookguard::dockerfile
