#include "detect/secrets/match_backend.hpp"

namespace hookguard::secrets {

std::string re2_pattern(const PatternRule& rule) {
  std::string flags = "(?m";
  if (rule.caseless) flags += 'i';
  if (rule.dotall) flags += 's';
  return flags + ")(?:" + rule.pattern + ")";
}

}  // namespace hookguard::secrets
