// The data types that cross module boundaries (ARCHITECTURE.md):
//   ScanTarget -> ContentUnit... -> Finding... -> Decision/Verdict -> Report.
// Plain values, no behaviour beyond trivial helpers; safe to copy between threads.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard {

enum class Severity : std::uint8_t { info, low, medium, high, critical };
enum class DetectorKind : std::uint8_t { secrets, pii, dockerfile, manifest, policy };
// What a unit is, decided by the source module from its name and a content sniff.
enum class FileKind : std::uint8_t { text, dockerfile, manifest, binary, oversize };
// Where a finding sits: in a file, or in git metadata that has no file (CONTRACTS.md §3).
enum class LocationKind : std::uint8_t { file, commit_message, tag_message, ref };
enum class Action : std::uint8_t { block, audit, info, suppressed, baselined };
enum class Outcome : std::uint8_t { pass, audit, block, error };

std::string_view to_string(Severity s);
std::string_view to_string(DetectorKind d);
std::string_view to_string(LocationKind l);
std::string_view to_string(Action a);
std::string_view to_string(Outcome o);
std::optional<Severity> parse_severity(std::string_view s);
std::optional<DetectorKind> parse_detector(std::string_view s);

// 1-based, inclusive line range.
struct LineRange {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  bool contains(std::uint32_t line) const { return line >= first && line <= last; }
};

// One file version (or commit/tag message) to inspect. Detectors read only this.
struct ContentUnit {
  std::string path;      // as shown to the user (CONTRACTS.md §3)
  std::string rel_path;  // repository-root (or scanned-root) relative: fingerprints, globs
  std::string blob_id;   // git object id, empty for plain files
  std::string commit;    // commit the unit came from (history, push ranges), else empty
  std::string ref;       // ref for tag messages / ref findings
  FileKind kind = FileKind::text;
  LocationKind location = LocationKind::file;
  std::shared_ptr<const std::string> data;  // the bytes; shared so identical blobs scan once
  // Lines added by the change under judgement; empty = the whole file is in scope.
  std::vector<LineRange> added_lines;
  // Does a repository-relative path exist beside this unit (same tree / index / directory)?
  // Lets a detector ask "is there a .dockerignore next to the Dockerfile" without touching disk
  // or git. Null when unknown: rules that need it stay silent.
  std::function<bool(std::string_view rel_path)> exists;

  std::string_view text() const { return data ? std::string_view(*data) : std::string_view(); }
  bool whole_file() const { return added_lines.empty(); }
  bool line_added(std::uint32_t line) const;
  // Does any line of first..last lie on an added line? Only added ranges count: false when
  // added_lines is empty (callers check whole_file() first).
  bool touches_added(std::uint32_t first, std::uint32_t last) const;
};

// One problem a detector found. Title, aliases and help come from the catalog by rule_id.
struct Finding {
  std::string rule_id;
  DetectorKind detector = DetectorKind::secrets;
  Severity severity = Severity::medium;  // the rule's, after config overrides
  LocationKind location = LocationKind::file;
  std::string path;
  std::string rel_path;
  std::string commit;
  std::string ref;
  std::uint32_t line = 0, column = 0, end_line = 0, end_column = 0;  // 1-based; end_column exclusive
  std::string message;
  std::string excerpt;     // already redacted
  std::string validation;  // which check confirmed it, e.g. "Luhn valid, Visa prefix"
  // The matched secret or normalized instruction/resource: input to the fingerprint. Never
  // printed (it may be a secret); cleared after fingerprinting.
  std::string match_key;
  std::string fingerprint;
  std::vector<std::string> also_matched;  // other rules of the same detector on the same span
  // Set by a detector that honours a structure-scoped peer suppression (`# hadolint ignore=` on
  // the instruction before, a checkov/kube-linter annotation on the resource): the reason.
  // Policy turns it into Action::suppressed. Line-scoped comments are policy's job.
  std::string suppressed_by;
  // Judged on the whole new file, not only added lines (a dump, a key file by name; §8).
  bool file_scope = false;
  // Set by the pipeline for a linter finding outside the changed lines: decided as info,
  // "already there" (CONTRACTS.md §8).
  bool unchanged = false;
};

struct Decision {
  Finding finding;
  Action action = Action::block;
  std::string reason;
};

// A per-file or git failure: the scan could not decide about this input (exit 2).
struct ToolError {
  std::string path;
  std::uint32_t line = 0;
  std::string message;
};

struct ScanStats {
  std::uint64_t files = 0;
  std::uint64_t bytes = 0;
  std::uint64_t commits = 0;
  std::uint64_t duration_ms = 0;
  std::uint64_t skipped_binary = 0;
  std::uint64_t skipped_oversize = 0;
  std::uint64_t skipped_helm_template = 0;
  std::uint64_t skipped_gitlink = 0;
  std::uint64_t unconfirmed_hits = 0;  // pattern hits the confirming regex rejected (counted, never silent)
  std::vector<std::string> skipped_paths;  // with --verbose: "path: reason"
};

struct Verdict {
  std::vector<Decision> decisions;  // sorted (path, line, rule)
  Outcome outcome = Outcome::pass;
};

struct Report {
  Verdict verdict;
  ScanStats stats;
  std::vector<ToolError> errors;
  std::vector<std::string> notices;  // verbose-level remarks ("compiled the rule database", ...)
};

}  // namespace hookguard
