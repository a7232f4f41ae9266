// The secrets/pii pattern engine: one multi-pattern pass (MatchBackend), then per hit an RE2
// confirmation anchored at the hit's end, secret capture, and the filters (keywords, context,
// entropy, placeholders, per-rule allow list, named validator). One finding per span: when
// several rules hit the same bytes the most specific wins and the others are listed.
// Immutable after construction; scan() is thread-safe. Regexes are compiled lazily, on a rule's
// first hit, so a run pays only for the rules that fire.
#pragma once

#include "detect/secrets/db_cache.hpp"

#include <hookguard/detector.hpp>

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace re2 {
class RE2;
}

namespace hookguard::secrets {

class PatternEngine {
 public:
  PatternEngine(CompiledRules compiled, const DetectorContext& ctx);
  ~PatternEngine();

  // Scans the unit's added lines (all of it when whole_file()); confirmation may look at the
  // lines around them. The pipeline still judges findings by line afterwards.
  void scan(const ContentUnit& unit, ScanOutput& out) const;
  const RuleSet& rules() const { return *m_compiled.rules; }

 private:
  struct LazyRegexes;
  struct Candidate;
  const LazyRegexes& regexes(std::uint32_t rule) const;
  bool confirm(std::string_view text, std::uint32_t rule, std::uint64_t end, Candidate& c) const;
  bool passes_filters(std::string_view text, std::uint32_t rule, Candidate& c) const;
  void scan_paths(const ContentUnit& unit, ScanOutput& out) const;
  // (rule, glob) pairs that match a path, remembered per path: a push or history scan meets the
  // same paths thousands of times, and matching every file-name glob was 7% of a push.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> path_matches(const std::string& rel_path) const;
  void scan_in_scope(const ContentUnit& unit, std::vector<RawHit>& hits) const;
  Finding to_finding(const ContentUnit& unit, const Candidate& c, std::string_view text) const;

  CompiledRules m_compiled;
  std::vector<const RuleInfo*> m_info;   // per pattern rule
  std::vector<bool> m_enabled;           // per pattern rule, under the config
  std::vector<Severity> m_severity;      // per pattern rule, under the config
  bool m_scan_binary = false;
  bool m_redact = true;
  std::unique_ptr<LazyRegexes[]> m_regexes;
  mutable std::mutex m_paths_mutex;
  mutable std::unordered_map<std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>> m_path_matches;
};

// The Detector wrapper the pipeline uses: wants every text unit.
std::unique_ptr<Detector> make_pattern_detector(std::shared_ptr<const PatternEngine> engine);

}  // namespace hookguard::secrets
