// Loading rule files (config/rules/*.yaml, embedded; plus user files from config) into the
// catalog and the pattern rules of the secrets/pii engine. Format: config/rules/README.md.
#pragma once

#include <hookguard/rule_catalog.hpp>

#include <memory>
#include <stdexcept>
#include <string_view>
#include <string>
#include <vector>

namespace hookguard {

// A pattern rule of secrets.yaml / pii.yaml (the RuleInfo part lives in the catalog).
struct PatternRule {
  std::string id;
  DetectorKind detector = DetectorKind::secrets;
  std::string pattern;
  bool caseless = false;
  bool dotall = false;
  std::string secret;                   // RE2 with one capture group; empty = whole match
  std::vector<std::string> keywords;    // lower-cased
  std::vector<std::string> context;     // lower-cased
  double min_entropy = 0.0;
  std::vector<std::string> allow;       // RE2 tested on the secret
  std::vector<std::string> path_globs;  // file-name rules
  std::string validate;                 // named validator (pii)
  std::vector<std::string> examples;
  std::vector<std::string> negative_examples;
  std::string source;                   // "secrets.yaml:12"
};

struct RuleSet {
  RuleCatalog catalog;
  std::vector<PatternRule> patterns;
  std::string digest;  // hash of every input text: the cache key's rule part
};

// "file:line: rule <id>: <reason>" (exit 2).
class RuleFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct RuleText {
  std::string name;       // "secrets.yaml" (embedded) or the user's path
  std::string_view text;  // embedded (static) or `owned`
  std::shared_ptr<const std::string> owned;
  bool embedded = false;

  static RuleText from_string(std::string name, std::string text) {
    auto owned = std::make_shared<const std::string>(std::move(text));
    return {std::move(name), *owned, owned, false};
  }
};

// The embedded default rule files plus `extra_files` (user secret/pii rule files, read from
// disk). Cheap: no parsing. Throws RuleFileError when a file cannot be read.
std::vector<RuleText> rule_texts(const std::vector<std::string>& extra_files = {});
// Hash of all texts: identifies a rule set for the on-disk cache.
std::string rule_digest(const std::vector<RuleText>& texts);
// Parses and validates (every regex compiled with RE2). Throws RuleFileError. ~20-40 ms: the
// warm path reads the cached result instead (detect/secrets/db_cache).
RuleSet parse_rule_set(const std::vector<RuleText>& texts);

inline RuleSet load_rule_set(const std::vector<std::string>& extra_files = {}) {
  return parse_rule_set(rule_texts(extra_files));
}

}  // namespace hookguard
