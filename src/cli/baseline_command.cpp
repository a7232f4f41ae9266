// `hookguard baseline [PATH...] [--update]`: accept the current findings. Writes the file named by
// `baseline:` in config (default .hookguard-baseline). Plain: every blocking and audited finding
// of the scan (review them first). --update: only prunes entries that are no longer found, so
// a fixed finding cannot come back silently and nothing new is accepted by accident.
#include "cli/verbs.hpp"
#include "policy/baseline.hpp"
#include "source/file_source.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iostream>

namespace hookguard::cli {

int baseline_command(const Options& o) {
  Config config = load_client_config(o);
  std::string file = config.baseline.empty() ? ".hookguard-baseline" : config.baseline;
  auto previous = policy::load_baseline_fingerprints(file);
  std::vector<std::string> paths = o.positional.empty() ? std::vector<std::string>{"."} : o.positional;
  FileSource source(paths, config);
  ScanOptions so;
  so.cache_dir = o.cache_dir;
  so.threads = o.threads;
  ScanResult result = run_scan(config, source, so, previous, "scan");
  if (!result.report.errors.empty()) {
    report::write_errors(std::cerr, result.report);
    return 2;
  }
  auto& decisions = result.report.verdict.decisions;
  if (o.has_flag("--update"))
    std::erase_if(decisions, [](const Decision& d) { return d.action != Action::baselined; });
  std::string text = policy::baseline_text(decisions);
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) {
    std::cerr << fmt::format("hookguard: {}: cannot write the baseline\n", file);
    return 2;
  }
  std::size_t entries = std::count(text.begin(), text.end(), '\n') - 1;
  std::cout << fmt::format("hookguard: wrote {} entries to {}{}\n", entries, file,
                           o.has_flag("--update") ? fmt::format(" ({} fixed ones pruned)", previous.size() - entries) : "");
  return 0;
}

}  // namespace hookguard::cli
