// The client hooks git runs: `pre-commit`, `pre-merge-commit` (the staged content) and
// `pre-push REMOTE URL` (refs on stdin). Reports go to stderr, git's convention for hooks.
#include "cli/hook_input.hpp"
#include "cli/verbs.hpp"
#include "git/git_error.hpp"
#include "git/repo_paths.hpp"
#include "git/sources.hpp"
#include "policy/baseline.hpp"

#include <cstdlib>
#include <iostream>

namespace hookguard::cli {
namespace {

int run_client_hook(const Options& o, const std::string& hook, UnitSource& source, const Config& config) {
  ScanOptions so;
  so.verbose = o.verbose;
  so.cache_dir = o.cache_dir;
  so.threads = o.threads;
  auto baseline = policy::load_baseline_fingerprints(config.baseline);
  ScanResult result = run_scan(config, source, so, baseline, hook);
  return emit_reports(o, result, std::cerr, hook);
}

std::string env_or(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

// Under the pre-commit framework git's stdin is consumed by the framework, which passes the
// first ref with work as PRE_COMMIT_FROM_REF/TO_REF (install/README.md); without them (a push
// that reaches a root commit) the checked-out HEAD is what is being pushed.
std::vector<RefUpdate> framework_push_update() {
  std::string zero(40, '0');
  std::string to = env_or("PRE_COMMIT_TO_REF", "HEAD"), from = env_or("PRE_COMMIT_FROM_REF", "");
  return {{"", from.empty() ? zero : git::resolve_commit(from), git::resolve_commit(to), env_or("PRE_COMMIT_REMOTE_BRANCH", "HEAD")}};
}

int staged_hook(const Options& o, const std::string& hook) {
  if (!o.positional.empty()) throw UsageError(hook + " takes no arguments");
  return guard_git([&] {
    Config config = load_client_config(o);
    auto source = git::make_staged_source(config);
    return run_client_hook(o, hook, *source, config);
  });
}

}  // namespace

int pre_commit_command(const Options& o) { return staged_hook(o, "pre-commit"); }
int pre_merge_commit_command(const Options& o) { return staged_hook(o, "pre-merge-commit"); }

int pre_push_command(const Options& o) {
  bool framework = o.positional.empty() && std::getenv("PRE_COMMIT");
  if (!framework && (o.positional.empty() || o.positional.size() > 2))
    throw UsageError("pre-push takes REMOTE [URL] (refs on stdin)");
  return guard_git([&] {
    std::string remote = framework ? env_or("PRE_COMMIT_REMOTE_NAME", "origin") : o.positional[0];
    auto updates = framework ? framework_push_update() : read_push_lines(std::cin);
    Config config = load_client_config(o);
    auto source = git::make_push_source(config, remote, updates);
    return run_client_hook(o, "pre-push", *source, config);
  });
}

}  // namespace hookguard::cli
