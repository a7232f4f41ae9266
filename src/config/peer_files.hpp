// The peers' config files users already have, read leniently (their other valid keys are
// accepted and ignored) and mapped onto Config (CONTRACTS.md §6). Never used in pre-receive:
// the pusher controls those files.
#pragma once

#include "config/loader.hpp"

#include <hookguard/config.hpp>

#include <string>
#include <vector>

namespace hookguard::config {

// .hadolint.yaml: ignored -> rule disabled, trustedRegistries -> dockerfile-untrusted-registry
// option, override -> severities (error→high, warning→medium, info→low, style→info),
// failure-threshold -> dockerfile.block unless `own_dockerfile_block`, label-schema /
// strict-labels -> options of the label rules. Keys the user set in .hookguard.yaml win.
void apply_hadolint_file(const std::string& path, Config& config, bool own_dockerfile_block);

// hadolint's own look-up: the current directory, then its XDG/home locations; then the
// repository root. Empty when none exists.
std::string find_hadolint_file(const std::string& repo_root);

// .gitleaksignore: each `[commit:]path:rule:line` fingerprint becomes an allow entry for that
// rule (alias gitleaks:<rule>) on that path. Line numbers are not kept (ours move-proof).
void apply_gitleaksignore(const std::string& path, Config& config);

}  // namespace hookguard::config
