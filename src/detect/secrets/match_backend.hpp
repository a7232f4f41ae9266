// The multi-pattern matcher behind the secrets/pii engine: finds candidate match *ends* for every
// pattern rule in one pass. Hyperscan when built with it (match_backend_hs.cpp), else RE2
// (match_backend_re2.cpp). Only the end offset of a hit is exact: the engine confirms with RE2.
// Immutable after construction; scan() is thread-safe (per-thread scratch inside).
#pragma once

#include "config/rule_files.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::secrets {

// A run of consecutive end offsets of one rule, [first_end, last_end]: variable-length patterns
// report every end; runs keep match floods small.
struct RawHit {
  std::uint32_t rule = 0;  // index into RuleSet::patterns
  std::uint64_t first_end = 0;
  std::uint64_t last_end = 0;
};

class MatchBackend {
 public:
  virtual ~MatchBackend() = default;
  virtual void scan(std::string_view text, std::vector<RawHit>& hits) const = 0;
  // Bytes to cache on disk (empty when the backend is cheap to rebuild).
  virtual std::string serialize() const = 0;
  virtual std::string name() const = 0;
};

// Compiles the pattern rules (those with a pattern). `notices` receives remarks such as which
// rules fell back to prefilter mode. Throws RuleFileError naming the rule on failure.
std::unique_ptr<MatchBackend> compile_backend(const std::vector<PatternRule>& rules, std::vector<std::string>& notices);
// Rebuilds from serialize() output; nullptr when the bytes are unusable (stale, corrupt, other CPU).
// `rules` builds the rule list only for a backend that recompiles (RE2): Hyperscan needs only
// `rule_count`, and building the list was a measurable part of a warm start.
using RuleListFn = std::function<std::vector<PatternRule>()>;
std::unique_ptr<MatchBackend> load_backend(const RuleListFn& rules, std::size_t rule_count, std::string_view bytes);
// Identifies the engine build and CPU for the cache key.
std::string backend_fingerprint();

// Pattern text with the rule's flags in the shared dialect, for RE2 ("(?m)(?i)...").
std::string re2_pattern(const PatternRule& rule);

}  // namespace hookguard::secrets
