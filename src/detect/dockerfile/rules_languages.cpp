// Language package managers: pip, npm, yarn, gem, go.
#include "detect/dockerfile/key_values.hpp"
#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/packages.hpp"
#include "detect/dockerfile/text.hpp"

#include <algorithm>

namespace hookguard::dockerfile {
namespace {

bool is_pip_wrapper(const Command& c) {
  return contains(c.name, "pipx") || contains(c.name, "pipenv") ||
         (starts_with(c.name, "python") && (c.has_arg("pipx") || c.has_arg("pipenv")));
}

// `pip install ...` or `python -m pip install ...` as a pip command of its own.
bool as_pip_install(const Command& c, Command& pip) {
  if (is_pip_wrapper(c)) return false;
  if (starts_with(c.name, "pip") && c.has_arg("install")) return pip = c, true;
  if (!starts_with(c.name, "python")) return false;
  auto m = std::find(c.args.begin(), c.args.end(), "-m");
  if (m == c.args.end() || m + 1 == c.args.end() || *(m + 1) != "pip") return false;
  pip.name = "pip";
  pip.args.assign(m + 2, c.args.end());
  return pip.has_arg("install");
}

bool pip_pinned(std::string_view p) {
  for (auto op : {"==", ">=", "<=", ">", "<", "!=", "~=", "==="})
    if (contains(p, op)) return true;
  return (contains(p, "git+") && contains(p, "@")) || ends_with(p, ".whl") || ends_with(p, ".tar.gz") ||
         starts_with(p, ".") || starts_with(p, "/");
}

void pip_unpinned(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    std::vector<std::string> loose;
    for (const auto& c : s.commands) {
      Command pip;
      if (!as_pip_install(c, pip) || pip.has_any_flag({"r", "requirement", "c", "constraint"}) || pip.has_arg(".")) continue;
      Script one{{pip}, false};
      auto more = loose_packages(
          one, [](const Command&) { return true; },
          {"abi", "b", "build", "e", "editable", "extra-index-url", "f", "find-links", "i", "index-url",
           "implementation", "no-binary", "only-binary", "platform", "prefix", "progress-bar", "proxy",
           "python-version", "root", "src", "t", "target", "trusted-host", "upgrade-strategy"},
          {"install"}, pip_pinned);
      loose.insert(loose.end(), more.begin(), more.end());
    }
    if (!loose.empty()) l.report("dockerfile-pip-unpinned", u, "pip install without a version for: " + join_list(loose));
  });
}

bool sets_pip_no_cache(const Lint& l, const Unit& u) {
  if (u.ins->keyword != "ENV") return false;
  auto kvs = key_values(u.ins->args, l.file.escape);
  return std::any_of(kvs.begin(), kvs.end(), [](const KeyValue& kv) { return kv.key == "PIP_NO_CACHE_DIR" && !kv.value.empty(); });
}

void pip_cache(Lint& l) {
  int stage = -2;
  bool env_no_cache = false;  // ENV PIP_NO_CACHE_DIR=1 earlier in the stage
  for (const auto& u : l.model.units) {
    if (u.stage != stage) stage = u.stage, env_no_cache = false;
    env_no_cache = env_no_cache || sets_pip_no_cache(l, u);
    if (u.ins->keyword != "RUN" || !u.posix_shell || env_no_cache || has_cache_mount(*u.ins, ".cache/pip")) continue;
    for (const auto& c : u.script.commands) {
      Command pip;
      if (as_pip_install(c, pip) && !pip.has_arg("--no-cache-dir")) {
        l.report("dockerfile-pip-cache", u, "pip install without `--no-cache-dir`");
        break;
      }
    }
  }
}

bool npm_pinned(std::string_view p) {
  for (auto g : {"git://", "git+ssh://", "git+http://", "git+https://"})
    if (starts_with(p, g)) return contains(p, "#");
  for (auto t : {".tar", ".tar.gz", ".tgz"})
    if (ends_with(p, t)) return true;
  for (auto d : {"/", "./", "../", "~/"})
    if (starts_with(p, d)) return true;
  if (starts_with(p, "@")) p = p.substr(std::min(p.size(), p.find('/')));
  return contains(p, "@");
}

void npm_unpinned(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    auto loose = loose_packages(
        s,
        [](const Command& c) {
          auto ops = c.operands();
          return c.is("npm") && !ops.empty() && (ops[0] == "install" || ops[0] == "i" || ops[0] == "add");
        },
        {}, {"install", "i", "add"}, npm_pinned);
    if (!loose.empty()) l.report("dockerfile-npm-unpinned", u, "npm install without a version for: " + join_list(loose));
  });
}

bool is_npm_install(const Command& c) { return c.is("npm") && c.has_any_arg({"install", "i", "ci"}); }

void npm_cache(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    if (!std::any_of(s.commands.begin(), s.commands.end(), is_npm_install) || has_cache_mount(*u.ins, ".npm")) return;
    if (s.any_with("npm", {"cache"}) || !l.model.reaches_image(u.stage)) return;
    l.report("dockerfile-npm-cache-left", u, "npm install without `npm cache clean --force` leaves ~/.npm in the image");
  });
}

void yarn_cache(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    if (!s.any_with("yarn", {"install"}) || s.any_with("yarn", {"cache"}) || has_cache_mount(*u.ins, "yarn")) return;
    if (u.onbuild || l.model.reaches_image(u.stage))
      l.report("dockerfile-yarn-cache", u, "yarn install without `yarn cache clean` in the same RUN");
  });
}

void gem_unpinned(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    auto loose = loose_packages(
        s,
        [](const Command& c) {
          return c.is("gem") && c.has_any_arg({"install", "i"}) && !c.has_any_arg({"-v", "--version"}) &&
                 !c.has_arg_prefix("--version=");
        },
        {}, {"install", "i"}, [](std::string_view p) { return contains(p, ":") || ends_with(p, ".gem"); });
    if (!loose.empty()) l.report("dockerfile-gem-unpinned", u, "gem install without a version for: " + join_list(loose));
  });
}

void go_unpinned(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    auto loose = loose_packages(
        s, [](const Command& c) { auto ops = c.operands(); return c.is("go") && !ops.empty() && ops[0] == "install"; },
        {"C", "o", "ldflags", "gcflags", "tags", "p", "mod", "modfile", "pkgdir", "toolexec", "asmflags"}, {"install"},
        [](std::string_view p) { return contains(p, "@") || starts_with(p, ".") || starts_with(p, "/"); });
    if (!loose.empty()) l.report("dockerfile-go-install-unpinned", u, "go install without @version for: " + join_list(loose));
  });
}

constexpr RuleDef k_rules[] = {
    {"dockerfile-pip-unpinned", pip_unpinned}, {"dockerfile-pip-cache", pip_cache},
    {"dockerfile-npm-unpinned", npm_unpinned}, {"dockerfile-npm-cache-left", npm_cache},
    {"dockerfile-yarn-cache", yarn_cache},     {"dockerfile-gem-unpinned", gem_unpinned},
    {"dockerfile-go-install-unpinned", go_unpinned},
};

}  // namespace

std::span<const RuleDef> language_rules() { return k_rules; }

}  // namespace hookguard::dockerfile
