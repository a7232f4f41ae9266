// `hookguard scan PATH...`: plain files and directories.
#include "cli/verbs.hpp"
#include "policy/baseline.hpp"
#include "source/file_source.hpp"

#include <iostream>

namespace hookguard::cli {

int scan_command(const Options& o) {
  Config config = load_client_config(o);
  std::vector<std::string> paths = o.positional;
  if (paths.empty()) paths.push_back(".");
  FileSource source(paths, config);
  ScanOptions so;
  so.verbose = o.verbose;
  so.cache_dir = o.cache_dir;
  so.threads = o.threads;
  auto baseline = policy::load_baseline_fingerprints(config.baseline);
  ScanResult result = run_scan(config, source, so, baseline, "scan");
  return emit_reports(o, result, std::cout, "scan");
}

}  // namespace hookguard::cli
