// Shared helpers for unit tests: build units from strings, run the pattern engine over them.
#pragma once

#include "config/rule_files.hpp"
#include "detect/secrets/pattern_engine.hpp"

#include <hookguard/config.hpp>

#include <memory>
#include <string>
#include <vector>

namespace hookguard::testing {

ContentUnit text_unit(std::string path, std::string text);

enum class Builtin { include, exclude };

// An engine over the built-in rules (or none) plus `extra_yaml` (a rules file body), compiled
// without a cache.
class EngineFixture {
 public:
  explicit EngineFixture(const std::string& extra_yaml = "", Config config = {}, Builtin builtin = Builtin::include);
  std::vector<Finding> scan(const std::string& text, const std::string& path = "file.txt") const;
  std::vector<Finding> scan_unit(const ContentUnit& unit) const;
  const RuleSet& rules() const { return *m_compiled.rules; }

 private:
  Config m_config;
  secrets::CompiledRules m_compiled;
  std::unique_ptr<secrets::PatternEngine> m_engine;
};

// A "billion laughs" YAML body: `head`, then nine levels of nine aliases over `leaf` (9^9
// leaves when expanded, a few hundred bytes on disk).
std::string alias_bomb(const std::string& head, const std::string& leaf);

// Deterministic pseudo-random token material (fixed seed): test secrets are generated, not stored.
std::string seeded_token(std::size_t length, std::uint64_t seed, const std::string& alphabet =
                         "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

}  // namespace hookguard::testing
