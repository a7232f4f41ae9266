// The multi-pattern pass of the secrets/pii engine, split so that expensive rules run only where
// they can report. A rule with `context` keywords is kept by the engine only when a keyword sits
// on the match's line or the line before it; most such rules are personal-data formats (bare
// digit runs) that cost Hyperscan far more than every secret rule together (measured: 64 PII
// rules 150 MiB/s, 258 secret rules 2 GiB/s). So they live in a second, "gated" database that
// runs only over the lines from a keyword to two lines below it (the span a match that passes the
// context check can end in), found by a third, literal database of every context keyword.
#pragma once

#include "detect/secrets/match_backend.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hookguard::secrets {

using ByteRanges = std::vector<std::pair<std::size_t, std::size_t>>;  // [begin, end), ordered, line-aligned

class Matchers {
 public:
  // Compiles the three databases; RuleFileError names a rule that does not compile.
  static Matchers compile(const std::vector<PatternRule>& rules, std::vector<std::string>& notices);
  // From serialize() output; nullopt when unusable (stale, corrupt, another CPU).
  static std::optional<Matchers> load(const std::vector<PatternRule>& rules, std::string_view bytes);
  std::string serialize() const;
  std::string name() const { return m_always->name(); }

  // Hits of every pattern rule ending inside `ranges` of `text` (gated rules: only near a keyword,
  // which may sit up to two lines above a range).
  void scan(std::string_view text, const ByteRanges& ranges, std::vector<RawHit>& hits) const;

 private:
  ByteRanges keyword_regions(std::string_view text, const ByteRanges& ranges) const;

  std::shared_ptr<const MatchBackend> m_always;    // rules without context
  std::shared_ptr<const MatchBackend> m_gated;     // rules with context; null when there are none
  std::shared_ptr<const MatchBackend> m_keywords;  // every context keyword, literal and caseless
};

}  // namespace hookguard::secrets
