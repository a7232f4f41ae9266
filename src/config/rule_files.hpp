// Loading rule files (config/rules/*.yaml, embedded; plus user files from config) into the
// catalog and the pattern rules of the secrets/pii engine. Format: config/rules/README.md.
#pragma once

#include <hookguard/rule_catalog.hpp>

#include <stdexcept>
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

// The embedded default rules plus `extra_files` (user secret/pii rule files). Throws RuleFileError.
RuleSet load_rule_set(const std::vector<std::string>& extra_files = {});

}  // namespace hookguard
