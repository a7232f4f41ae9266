// The client hooks git runs: `pre-commit`, `pre-merge-commit` (the staged content) and
// `pre-push REMOTE URL` (refs on stdin). Reports go to stderr, git's convention for hooks.
#include "cli/hook_input.hpp"
#include "cli/verbs.hpp"
#include "git/git_error.hpp"
#include "git/sources.hpp"
#include "policy/baseline.hpp"

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
  if (o.positional.empty() || o.positional.size() > 2) throw UsageError("pre-push takes REMOTE [URL] (refs on stdin)");
  auto updates = read_push_lines(std::cin);
  return guard_git([&] {
    Config config = load_client_config(o);
    auto source = git::make_push_source(config, o.positional[0], updates);
    return run_client_hook(o, "pre-push", *source, config);
  });
}

}  // namespace hookguard::cli
