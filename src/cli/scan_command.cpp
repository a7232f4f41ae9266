// `hookguard scan PATH...`: plain files and directories; `scan --history [--since REV]` and
// `scan --range A..B`: every commit of the repository (or the range), each diff judged once.
#include "cli/hook_input.hpp"
#include "cli/verbs.hpp"
#include "git/sources.hpp"
#include "policy/baseline.hpp"
#include "source/file_source.hpp"

#include <iostream>

namespace hookguard::cli {
namespace {

std::unique_ptr<UnitSource> history_source(const Options& o, const Config& config) {
  if (!o.positional.empty()) throw UsageError("--history and --range take no paths");
  if (o.has_flag("--range") && (o.has_flag("--history") || o.has_flag("--since")))
    throw UsageError("--range A..B cannot be combined with --history/--since");
  return git::make_history_source(config, o.flag_value("--since").value_or(""), o.flag_value("--range").value_or(""));
}

}  // namespace

int scan_command(const Options& o) {
  Config config = load_client_config(o);
  bool history = o.has_flag("--history") || o.has_flag("--range") || o.has_flag("--since");
  return guard_git([&] {
    std::unique_ptr<UnitSource> source;
    if (history) {
      source = history_source(o, config);
    } else {
      std::vector<std::string> paths = o.positional;
      if (paths.empty()) paths.push_back(".");
      source = std::make_unique<FileSource>(paths, config, repo_context_here());
    }
    ScanOptions so;
    so.verbose = o.verbose;
    so.cache_dir = o.cache_dir;
    so.threads = o.threads;
    auto baseline = policy::load_baseline_fingerprints(config.baseline);
    ScanResult result = run_scan(config, *source, so, baseline, "scan");
    return emit_reports(o, result, std::cout, "scan");
  });
}

}  // namespace hookguard::cli
