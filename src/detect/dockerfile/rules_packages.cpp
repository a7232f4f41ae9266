// Alpine (apk), Red Hat (yum, dnf, microdnf) and SUSE (zypper) package rules.
#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/packages.hpp"
#include "detect/dockerfile/text.hpp"

namespace hookguard::dockerfile {
namespace {

bool is_apk_add(const Command& c) { return c.is("apk") && c.has_arg("add"); }
bool is_yum_install(const Command& c) { return c.is("yum") && c.has_any_arg({"install", "groupinstall", "localinstall"}); }
bool is_dnf(const Command& c) { return c.is("dnf") || c.is("microdnf"); }
bool is_dnf_install(const Command& c) { return is_dnf(c) && c.has_any_arg({"install", "groupinstall", "localinstall"}); }
bool is_zypper_install(const Command& c) { return c.is("zypper") && c.has_any_arg({"install", "in"}); }

// Reports the first command of a RUN that `bad` accepts.
template <typename Bad>
void first_command(Lint& l, std::string_view rule, Bad bad, std::string_view message) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    for (const auto& c : s.commands)
      if (bad(c)) return l.report(rule, u, std::string(message));
  });
}

// Reports a RUN that installs with `is_install` but never cleans with `is_clean`, has no
// `rm` of `cache_dir` and no cache mount on it.
template <typename IsInstall, typename IsClean>
void missing_clean(Lint& l, std::string_view rule, IsInstall is_install, IsClean is_clean, std::string_view cache_dir,
                   std::string_view message) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    bool installs = false, cleans = has_cache_mount(*u.ins, cache_dir);
    for (const auto& c : s.commands) {
      installs = installs || is_install(c);
      cleans = cleans || is_clean(c) || (c.is("rm") && c.has_arg_prefix(std::string(cache_dir)));
    }
    if (installs && !cleans) l.report(rule, u, std::string(message));
  });
}

template <typename IsInstall, typename Pinned>
void unpinned(Lint& l, std::string_view rule, IsInstall is_install, std::initializer_list<std::string_view> value_flags,
              std::initializer_list<std::string_view> skip, Pinned pinned, std::string_view tool) {
  for_each_run(l, [&](const Unit& u, const Script& s) {
    auto loose = loose_packages(s, is_install, value_flags, skip, pinned);
    if (!loose.empty()) l.report(rule, u, std::string(tool) + " without a version for: " + join_list(loose));
  });
}

bool has_dash_or_rpm(std::string_view p) { return contains(p, "-") || ends_with(p, ".rpm") || contains(p, ":"); }

void apk_unpinned(Lint& l) {
  unpinned(l, "dockerfile-apk-unpinned", is_apk_add, {"t", "virtual", "repository", "X", "p", "root"}, {"add"},
           [](std::string_view p) { return contains(p, "=") || ends_with(p, ".apk"); }, "apk add");
}

void apk_no_cache(Lint& l) {
  first_command(l, "dockerfile-apk-no-cache", [](const Command& c) { return is_apk_add(c) && !c.has_flag("no-cache"); },
                "apk add without `--no-cache`");
}

void yum_missing_yes(Lint& l) {
  first_command(l, "dockerfile-yum-missing-yes",
                [](const Command& c) { return is_yum_install(c) && !c.has_any_flag({"y", "assumeyes"}); },
                "yum install without `-y`");
}

void yum_clean(Lint& l) {
  missing_clean(l, "dockerfile-yum-clean-missing", [](const Command& c) { return c.is("yum") && c.has_arg("install"); },
                [](const Command& c) { return c.is("yum") && c.has_arg("clean"); }, "/var/cache/yum",
                "yum install without `yum clean all` in the same RUN");
}

void yum_unpinned(Lint& l) {
  unpinned(l, "dockerfile-yum-unpinned", [](const Command& c) { return c.is("yum") && c.has_arg("install"); }, {},
           {"install"}, has_dash_or_rpm, "yum install");
}

void zypper_missing_yes(Lint& l) {
  first_command(l, "dockerfile-zypper-missing-yes",
                [](const Command& c) {
                  return c.is("zypper") &&
                         c.has_any_arg({"install", "in", "remove", "rm", "source-install", "si", "patch"}) &&
                         !c.has_any_flag({"n", "non-interactive", "y", "no-confirm"});
                },
                "zypper without `-n`/`-y`");
}

void zypper_dist_upgrade(Lint& l) {
  first_command(l, "dockerfile-zypper-dist-upgrade",
                [](const Command& c) { return c.is("zypper") && c.has_any_arg({"update", "up", "dist-upgrade", "dup"}); },
                "`zypper update`/`dist-upgrade` in a Dockerfile");
}

void zypper_clean(Lint& l) {
  missing_clean(l, "dockerfile-zypper-clean-missing", is_zypper_install,
                [](const Command& c) { return c.is("zypper") && c.has_any_arg({"clean", "cc"}); }, "/var/cache/zypp",
                "zypper install without `zypper clean` in the same RUN");
}

void zypper_unpinned(Lint& l) {
  unpinned(l, "dockerfile-zypper-unpinned", is_zypper_install, {}, {"install", "in"},
           [](std::string_view p) { return contains(p, "=") || contains(p, "<") || contains(p, ">") || ends_with(p, ".rpm"); },
           "zypper install");
}

void dnf_missing_yes(Lint& l) {
  first_command(l, "dockerfile-dnf-missing-yes",
                [](const Command& c) { return is_dnf_install(c) && !c.has_any_flag({"y", "assumeyes"}); },
                "dnf install without `-y`");
}

void dnf_clean(Lint& l) {
  missing_clean(l, "dockerfile-dnf-clean-missing", [](const Command& c) { return is_dnf(c) && c.has_arg("install"); },
                [](const Command& c) { return is_dnf(c) && c.has_arg("clean"); }, "/var/cache/",
                "dnf install without `dnf clean all` in the same RUN");
}

void dnf_unpinned(Lint& l) {
  unpinned(l, "dockerfile-dnf-unpinned", [](const Command& c) { return is_dnf(c) && c.has_arg("install"); }, {},
           {"install", "module"}, has_dash_or_rpm, "dnf install");
}

constexpr RuleDef k_rules[] = {
    {"dockerfile-apk-unpinned", apk_unpinned},
    {"dockerfile-apk-no-cache", apk_no_cache},
    {"dockerfile-yum-missing-yes", yum_missing_yes},
    {"dockerfile-yum-clean-missing", yum_clean},
    {"dockerfile-yum-unpinned", yum_unpinned},
    {"dockerfile-zypper-missing-yes", zypper_missing_yes},
    {"dockerfile-zypper-dist-upgrade", zypper_dist_upgrade},
    {"dockerfile-zypper-clean-missing", zypper_clean},
    {"dockerfile-zypper-unpinned", zypper_unpinned},
    {"dockerfile-dnf-missing-yes", dnf_missing_yes},
    {"dockerfile-dnf-clean-missing", dnf_clean},
    {"dockerfile-dnf-unpinned", dnf_unpinned},
};

}  // namespace

std::span<const RuleDef> package_rules() { return k_rules; }

}  // namespace hookguard::dockerfile
