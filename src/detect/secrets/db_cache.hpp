// The on-disk cache of the parsed rule set and the compiled pattern database, so a hook run
// neither parses YAML (~15 ms) nor compiles Hyperscan (0.5-7 s). Key = rule digest + engine
// build + CPU. Written atomically (temp file + rename); a corrupt or stale file is detected by
// magic, key and checksum and rebuilt, never trusted. A read-only cache that is valid is used.
#pragma once

#include "config/rule_files.hpp"
#include "detect/secrets/matchers.hpp"

#include <memory>
#include <string>
#include <vector>

namespace hookguard::secrets {

struct CompiledRules {
  std::shared_ptr<const RuleSet> rules;
  std::shared_ptr<const Matchers> matchers;
  bool from_cache = false;
};

// Loads from `cache_dir` when valid, else parses + compiles and (best effort) writes the cache.
// `notices` receives what happened ("compiled the rule database in 612 ms", cache write failures).
// Throws RuleFileError on bad rules.
CompiledRules load_compiled_rules(const std::vector<std::string>& extra_rule_files, const std::string& cache_dir,
                                  std::vector<std::string>& notices);

// The cache directory from the contract: explicit, else $XDG_CACHE_HOME/hookguard, else
// ~/.cache/hookguard (empty when none can be determined: no cache is used).
std::string default_cache_dir(const std::string& configured);

}  // namespace hookguard::secrets
