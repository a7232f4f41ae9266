// run_scan: the whole scan as a short list of named steps (ARCHITECTURE.md):
// load rules -> build detectors -> collect units -> detect in parallel -> judge lines ->
// suppress -> sort -> decide. Reporting is the caller's (cli/) job.
#pragma once

#include <hookguard/config.hpp>
#include <hookguard/detector.hpp>
#include <hookguard/scan_target.hpp>
#include <hookguard/types.hpp>

#include <functional>
#include <memory>
#include <set>
#include <string>

namespace hookguard {

// Turns a ScanTarget into units. Implementations: source/file_source (plain files), git/ (staged,
// push, receive, history). collect() calls emit for each unit (possibly from one thread while
// workers scan) and records skips and errors in the report.
class UnitSource {
 public:
  virtual ~UnitSource() = default;
  virtual void collect(const std::function<void(ContentUnit)>& emit, Report& report) = 0;
  // Key for finding fingerprints when config sets none: the repository's root commit id, or a
  // constant outside a repository (CONTRACTS.md §3). `cache_dir` (may be empty) lets a source
  // remember what was expensive to find (the root commit of a long history).
  virtual std::string fingerprint_key(const std::string& cache_dir) const = 0;
  // A source that reads with threads of its own (a commit walk) agrees to use at most `threads`
  // and returns true: the pipeline then scans each unit on the thread that emitted it (its bytes
  // are still in that core's cache, and nothing is handed through a queue). The others return
  // false and their units go to the pipeline's worker threads.
  virtual bool emit_from_threads(unsigned /*threads*/) { return false; }
};

struct ScanOptions {
  bool verbose = false;
  std::string cache_dir;  // --cache-dir
  unsigned threads = 0;   // 0 = hardware concurrency
};

// Everything the reporters need besides the report itself.
struct ScanResult {
  Report report;
  std::shared_ptr<const RuleCatalog> catalog;
  std::string aws_account_id, aws_region;  // config asff.* (ASFF reports)
};

// Throws RuleFileError for bad rule files; per-file and git problems land in report.errors.
// `baseline` holds accepted fingerprints; `hook` selects per-hook config ("scan", "pre-commit").
ScanResult run_scan(const Config& config, UnitSource& source, const ScanOptions& options,
                    const std::set<std::string>& baseline, const std::string& hook);

// The catalog alone (hookguard rules / explain / SARIF rules[]), from the cache when valid.
std::shared_ptr<const RuleCatalog> load_catalog(const Config& config, const ScanOptions& options, std::vector<std::string>& notices);

}  // namespace hookguard
