// Debian/Ubuntu package rules (apt-get, apt) and in-image upgrades of any distribution.
#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/packages.hpp"
#include "detect/dockerfile/text.hpp"

namespace hookguard::dockerfile {
namespace {

bool is_apt_install(const Command& c) { return c.is("apt-get") && c.has_arg("install"); }

bool apt_pinned(std::string_view p) { return contains(p, "=") || contains(p, "/") || ends_with(p, ".deb"); }

void apt_unpinned(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    auto loose = loose_packages(s, is_apt_install, {"t", "target-release", "o", "option", "c", "config-file"},
                                {"install"}, apt_pinned);
    if (!loose.empty())
      l.report("dockerfile-apt-unpinned", u, "apt-get install without a version for: " + join_list(loose));
  });
}

bool cleans_apt_lists(const Unit& u, const Script& s) {
  for (const auto& c : s.commands)
    if (c.is("rm") && c.has_arg_prefix("/var/lib/apt/lists")) return true;
  return has_cache_mount(*u.ins, "/var/lib/apt");
}

void apt_lists_left(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    if (!s.any_with("apt-get", {"update"}) || cleans_apt_lists(u, s)) return;
    if (u.onbuild || l.model.reaches_image(u.stage))
      l.report("dockerfile-apt-lists-not-deleted", u, "apt-get update without `rm -rf /var/lib/apt/lists/*` in the same RUN");
  });
}

void apt_missing_yes(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    for (const auto& c : s.commands)
      if (is_apt_install(c) && !c.has_any_flag({"y", "yes", "q", "assume-yes"}))
        return l.report("dockerfile-apt-missing-yes", u, "apt-get install without `-y`");
  });
}

void apt_recommends(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    for (const auto& c : s.commands)
      if (is_apt_install(c) && !c.has_flag("no-install-recommends") && !c.has_arg("APT::Install-Recommends=false") &&
          !c.has_arg("APT::Install-Recommends=0"))
        return l.report("dockerfile-apt-install-recommends", u, "apt-get install without `--no-install-recommends`");
  });
}

void apt_command(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    if (s.any("apt")) l.report("dockerfile-apt-command", u, "`apt` is meant for interactive use; use `apt-get`");
  });
}

// The subcommand that upgrades every installed package, per package manager.
std::string upgrade_command(const Command& c) {
  if ((c.is("apt-get") || c.is("apt")) && c.has_any_arg({"upgrade", "dist-upgrade", "full-upgrade"})) return c.name + " upgrade";
  if (c.is("apk") && c.has_arg("upgrade")) return "apk upgrade";
  if ((c.is("yum") || c.is("dnf") || c.is("microdnf")) && c.has_any_arg({"update", "upgrade", "distro-sync"}) &&
      c.operands().size() == 1)
    return c.name + " " + c.operands().front();
  return {};
}

void package_upgrade(Lint& l) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    for (const auto& c : s.commands)
      if (auto what = upgrade_command(c); !what.empty())
        return l.report("dockerfile-package-upgrade", u, "`" + what + "` upgrades the whole base image in place");
  });
}

constexpr RuleDef k_rules[] = {
    {"dockerfile-apt-unpinned", apt_unpinned},
    {"dockerfile-apt-lists-not-deleted", apt_lists_left},
    {"dockerfile-apt-missing-yes", apt_missing_yes},
    {"dockerfile-apt-install-recommends", apt_recommends},
    {"dockerfile-apt-command", apt_command},
    {"dockerfile-package-upgrade", package_upgrade},
};

}  // namespace

std::span<const RuleDef> apt_rules() { return k_rules; }

}  // namespace hookguard::dockerfile
