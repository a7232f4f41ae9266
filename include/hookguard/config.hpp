// Typed configuration (CONTRACTS.md §6). Produced by config::load_* (src/config/), which rejects
// unknown keys, wrong types and bad regexes with file, line and key. Immutable during a scan.
#pragma once

#include <hookguard/rule_catalog.hpp>
#include <hookguard/types.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hookguard {

struct RuleOverride {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  RuleOptions options;
  std::string source;  // "file:line" of the entry
};

// include adds names to a detector's own file-kind detection; exclude removes paths.
struct PathFilter {
  std::vector<std::string> include;
  std::vector<std::string> exclude;
};

struct DetectorConfig {
  bool enabled = true;
  PathFilter paths;
  std::optional<Severity> block;  // overrides the global block level for this detector
};

struct AllowEntry {
  std::vector<std::string> rules;  // ids, aliases or globs ("secret-*"); empty = all
  std::vector<std::string> paths;  // gitignore-style
  std::string reason;
  std::string source;
};

enum class InlineSuppressions : std::uint8_t { honour, audit, ignore };
enum class TimeoutAction : std::uint8_t { reject, accept_and_audit };

struct HookConfig {
  std::optional<Severity> block;
  std::optional<Severity> audit;
  std::optional<std::chrono::milliseconds> time_budget;
  std::optional<TimeoutAction> on_timeout;
  std::optional<bool> immutable_tags;
  std::vector<std::string> protected_refs;
  std::optional<bool> bypass_push_option;
  std::optional<InlineSuppressions> inline_suppressions;
};

struct Config {
  Severity block = Severity::high;
  std::optional<Severity> audit;  // default: one level below block
  DetectorConfig secrets, pii, dockerfile, manifest;
  bool scan_binary = false;              // secrets.scan_binary
  std::vector<std::string> extra_rule_files;  // secrets.extra_rules, pii.extra_rules
  std::map<std::string, RuleOverride> rules;  // by id or alias as written
  PathFilter paths;                           // every detector
  std::uint64_t max_file_size = 10ull << 20;
  std::chrono::milliseconds file_time{2000};
  std::vector<AllowEntry> allow;
  std::string baseline;
  std::string audit_log;
  std::string fingerprint_key_file;
  std::string cache_dir;
  std::string asff_account_id, asff_region;
  std::map<std::string, HookConfig> hooks;  // "pre-commit", "pre-receive", ...
  std::vector<std::string> sources;         // files this config was read from
  bool redact = true;                       // false only with --no-redact (never in pre-receive)

  Severity audit_level() const;  // audit, else one below block
  const DetectorConfig& detector(DetectorKind kind) const;
};

}  // namespace hookguard
