// Options shared by every verb (CONTRACTS.md §1) and how a verb turns them into a Config and
// report destinations.
#pragma once

#include "pipeline.hpp"
#include "report/report.hpp"
#include "source/file_source.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hookguard::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ExtraReport {
  report::Format format;
  std::string path;
};

struct Options {
  std::string verb;
  std::vector<std::string> positional;
  report::Format format = report::Format::text;
  std::string output;                  // --output FILE
  std::vector<ExtraReport> reports;    // --report FORMAT=FILE, --sarif FILE
  std::string config;                  // --config FILE
  std::string cache_dir;
  unsigned threads = 0;                // --threads N (0 = one per core)
  bool verbose = false, debug = false, no_redact = false;
  // Verb-specific flags: --history, --since REV, --range A..B, --update, --server, --force ...
  std::vector<std::string> flags;
  std::optional<std::string> flag_value(const std::string& name) const;
  bool has_flag(const std::string& name) const;
};

// Throws UsageError. `value_flags` are verb flags that take a value ("--since").
Options parse_options(int argc, char** argv, const std::vector<std::string>& value_flags,
                      const std::vector<std::string>& bool_flags);

// Config for a client-side run: --config, else .hookguard.yaml at the working tree root, else in
// the current directory (CONTRACTS.md §6). Throws config::ConfigError.
Config load_client_config(const Options& options);

// Writes the main report and the extra ones; returns the exit code (0 pass/audit, 1 block, 2 error).
int emit_reports(const Options& options, const ScanResult& result, std::ostream& human, const std::string& hook);

int exit_code(Outcome outcome);

// The clone around the current directory, for plain-file scans (empty outside a repository).
hookguard::RepoContext repo_context_here();

}  // namespace hookguard::cli
