// Shell commands inside RUN: tools that do not belong in a build, pipes, permissions, ssh.
#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/text.hpp"

#include <algorithm>
#include <array>

namespace hookguard::dockerfile {
namespace {

template <typename Bad>
void first_command(Lint& l, std::string_view rule, Bad bad, std::string_view message) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    for (const auto& c : s.commands)
      if (bad(c)) return l.report(rule, u, std::string(message) + " `" + c.name + "`");
  });
}

void pointless_command(Lint& l) {
  static constexpr std::array<std::string_view, 9> k_tools = {"free", "kill", "mount", "ps", "service",
                                                              "shutdown", "ssh", "top", "vim"};
  first_command(l, "dockerfile-pointless-command",
                [](const Command& c) { return std::find(k_tools.begin(), k_tools.end(), c.name) != k_tools.end(); },
                "command has no use in an image build:");
}

void cd_in_run(Lint& l) {
  first_command(l, "dockerfile-cd-instead-of-workdir", [](const Command& c) { return c.is("cd"); }, "RUN changes directory with");
}

void sudo(Lint& l) {
  first_command(l, "dockerfile-sudo", [](const Command& c) { return c.is("sudo"); }, "RUN uses");
}

void useradd_high_uid(Lint& l) {
  first_command(l, "dockerfile-useradd-high-uid",
                [](const Command& c) {
                  return c.is("useradd") && !c.has_any_flag({"l", "no-log-init"}) && c.flag_value("u", "uid").size() > 5;
                },
                "high UID without `-l`/`--no-log-init` bloats /var/log/lastlog:");
}

void wget_progress(Lint& l) {
  first_command(l, "dockerfile-wget-no-progress",
                [](const Command& c) {
                  return c.is("wget") && !c.has_flag("progress") &&
                         !c.has_any_flag({"q", "quiet", "o", "output-file", "a", "append-output", "no-verbose"}) &&
                         !c.has_arg("-nv");
                },
                "progress bars bloat the build log:");
}

void ln_bin_sh(Lint& l) {
  first_command(l, "dockerfile-ln-bin-sh", [](const Command& c) { return c.is("ln") && c.has_arg("/bin/sh"); },
                "RUN relinks /bin/sh with");
}

void consecutive_run(Lint& l) {
  const Unit* prev = nullptr;
  for (const auto& u : l.model.units) {
    if (u.ins->keyword != "RUN" || u.onbuild) {
      prev = nullptr;
      continue;
    }
    bool same_flags = prev && prev->ins->flags.size() == u.ins->flags.size() &&
                      std::equal(u.ins->flags.begin(), u.ins->flags.end(), prev->ins->flags.begin(),
                                 [](const Flag& a, const Flag& b) { return a.name == b.name && a.value == b.value; });
    if (same_flags && prev->script.commands.size() <= 2 && u.script.commands.size() <= 2 && u.posix_shell)
      l.report("dockerfile-consecutive-run", u, "consecutive RUN instructions could be one layer");
    prev = &u;
  }
}

void wget_and_curl(Lint& l) {
  int stage = -2;
  bool curl = false, wget = false;
  for_each_run(l, [&](const Unit& u, const Script& s) {
    if (u.stage != stage) stage = u.stage, curl = wget = false;
    bool uses = s.any("curl") || s.any("wget");
    curl = curl || s.any("curl");
    wget = wget || s.any("wget");
    if (uses && curl && wget) l.report("dockerfile-wget-and-curl", u, "the stage uses both curl and wget");
  });
}

bool shell_sets_pipefail(const std::vector<std::string>& shell) {
  if (shell.empty()) return false;
  auto b = basename(shell[0]);
  if (starts_with(lower(b), "pwsh") || starts_with(lower(b), "powershell") || starts_with(lower(b), "cmd")) return true;
  bool posix = b == "bash" || b == "zsh" || b == "ash";
  return posix && std::find(shell.begin(), shell.end(), "pipefail") != shell.end();
}

void pipefail(Lint& l) {
  int stage = -2;
  bool safe = false;
  for (const auto& u : l.model.units) {
    if (u.stage != stage) stage = u.stage, safe = false;
    if (u.ins->keyword == "SHELL" && !u.onbuild) safe = shell_sets_pipefail(u.ins->json_args);
    if (u.ins->keyword != "RUN" || safe || !u.posix_shell || u.ins->json_form || !u.script.has_pipe) continue;
    if (std::any_of(u.script.commands.begin(), u.script.commands.end(),
                    [](const Command& c) { return c.is("set") && c.has_arg("pipefail"); }))
      continue;
    l.report("dockerfile-pipefail", u, "RUN has a pipe but the shell does not set `-o pipefail`");
  }
}

bool is_interpreter(std::string_view n) {
  return n == "sh" || n == "bash" || n == "zsh" || n == "ash" || n == "dash" || n == "ksh" ||
         starts_with(n, "python") || n == "perl" || n == "ruby" || n == "node";
}

bool is_download(const Command& c) { return c.is("curl") || c.is("wget"); }

void curl_pipe_shell(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    const auto& cs = s.commands;
    for (std::size_t i = 0; i + 1 < cs.size(); ++i) {
      if (!is_download(cs[i]) || !cs[i].piped_out || !cs[i + 1].piped_in) continue;
      std::size_t next = i + 1;
      while (next + 1 < cs.size() && (cs[next].is("sudo") || cs[next].is("env"))) ++next;
      if (is_interpreter(cs[next].name))
        return l.report("dockerfile-curl-pipe-shell", u, "`" + cs[i].name + " ... | " + cs[next].name + "` runs an unverified download");
    }
    for (const auto& c : cs)
      if (is_interpreter(c.name) && c.has_arg("-c") && c.has_arg_prefix("$(...)") &&
          std::any_of(cs.begin(), cs.end(), is_download))
        return l.report("dockerfile-curl-pipe-shell", u, "`" + c.name + " -c \"$(curl ...)\"` runs an unverified download");
  });
}

// A mode that lets everyone write (777, 0666, o+w, a+rwx), without the sticky bit of /tmp.
bool world_writable(std::string_view mode) {
  if (all_digits(mode) && (mode.size() == 3 || mode.size() == 4)) {
    if (mode.size() == 4 && (mode[0] - '0') & 1) return false;
    return ((mode.back() - '0') & 2) != 0;
  }
  for (auto who : {"o+", "a+", "ugo+"})
    if (auto p = mode.find(who); p != std::string_view::npos && mode.find('w', p) != std::string_view::npos)
      return !contains(mode, "t");
  return false;
}

void chmod_777(Lint& l) {
  for (const auto& u : l.model.units) {
    const Flag* f = u.ins->flag("chmod");
    if (f && world_writable(f->value)) l.report("dockerfile-chmod-777", u, "--chmod=" + f->value + " makes files world-writable");
  }
  first_command(l, "dockerfile-chmod-777",
                [](const Command& c) {
                  auto ops = c.operands();
                  return c.is("chmod") && !ops.empty() && world_writable(ops[0]);
                },
                "world-writable mode set with");
}

bool is_ssh_server_package(std::string_view p) {
  auto name = p.substr(0, p.find_first_of("=<>:"));
  return name == "openssh-server" || name == "openssh" || name == "ssh" || name == "dropbear" || name == "openssh-server-pam";
}

bool installs_ssh_server(const Command& c) {
  bool installer = (c.is("apt-get") || c.is("apt") || c.is("yum") || c.is("dnf") || c.is("microdnf") ||
                    c.is("zypper")) && c.has_any_arg({"install", "in"});
  installer = installer || (c.is("apk") && c.has_arg("add"));
  if (!installer) return false;
  auto ops = c.operands();
  return std::any_of(ops.begin(), ops.end(), [](const std::string& p) { return is_ssh_server_package(p); });
}

bool exposes_22(const Unit& u) {
  for (const auto& w : split_words(u.expanded.text))
    if (w == "22" || w == "22/tcp") return true;
  return false;
}

void ssh_server(Lint& l) {
  for (const auto& u : l.model.units) {
    const auto& k = u.ins->keyword;
    if (k == "EXPOSE" && exposes_22(u)) l.report("dockerfile-ssh-server", u, "EXPOSE 22 publishes an ssh port");
    if ((k == "CMD" || k == "ENTRYPOINT") && contains(u.ins->args, "sshd")) l.report("dockerfile-ssh-server", u, k + " starts sshd");
    if (k == "RUN" && u.posix_shell && std::any_of(u.script.commands.begin(), u.script.commands.end(), installs_ssh_server))
      l.report("dockerfile-ssh-server", u, "RUN installs an ssh server");
  }
}

constexpr RuleDef k_rules[] = {
    {"dockerfile-pointless-command", pointless_command},
    {"dockerfile-cd-instead-of-workdir", cd_in_run},
    {"dockerfile-sudo", sudo},
    {"dockerfile-useradd-high-uid", useradd_high_uid},
    {"dockerfile-wget-no-progress", wget_progress},
    {"dockerfile-ln-bin-sh", ln_bin_sh},
    {"dockerfile-consecutive-run", consecutive_run},
    {"dockerfile-wget-and-curl", wget_and_curl},
    {"dockerfile-pipefail", pipefail},
    {"dockerfile-curl-pipe-shell", curl_pipe_shell},
    {"dockerfile-chmod-777", chmod_777},
    {"dockerfile-ssh-server", ssh_server},
};

}  // namespace

std::span<const RuleDef> run_rules() { return k_rules; }

}  // namespace hookguard::dockerfile
