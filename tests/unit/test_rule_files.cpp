// Every shipped pattern rule is its own test corpus: its examples must be found by that rule
// and its negative examples must not, through the *combined* database (a Hyperscan regression
// that loses matches in a big union shows up here, not only per rule).
#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace hookguard;

namespace {

bool found_by(const std::vector<Finding>& findings, const std::string& id) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.rule_id == id || std::find(f.also_matched.begin(), f.also_matched.end(), id) != f.also_matched.end();
  });
}

}  // namespace

TEST_CASE("shipped rule files load and every pattern rule carries examples") {
  hookguard::testing::EngineFixture engine;
  const auto& rules = engine.rules();
  CHECK(rules.catalog.find("policy-file-not-scanned") != nullptr);
  for (const auto& p : rules.patterns) {
    INFO(p.id);
    const RuleInfo* info = rules.catalog.find(p.id);
    REQUIRE(info != nullptr);
    CHECK(!info->help.empty());
    if (p.path_globs.empty() && p.validate.empty()) CHECK(!p.examples.empty());
  }
}

TEST_CASE("every example is found and every negative example is not") {
  hookguard::testing::EngineFixture engine;
  for (const auto& p : engine.rules().patterns) {
    // A file-name rule's examples are paths; a pattern rule's are lines of text.
    bool by_path = !p.path_globs.empty();
    auto scan = [&](const std::string& ex) { return by_path ? engine.scan("", ex) : engine.scan(ex + "\n"); };
    for (const auto& ex : p.examples) {
      INFO(p.id << " example: " << ex);
      CHECK(found_by(scan(ex), p.id));
    }
    for (const auto& ex : p.negative_examples) {
      INFO(p.id << " negative example: " << ex);
      CHECK_FALSE(found_by(scan(ex), p.id));
    }
  }
}

TEST_CASE("rule file errors name file, line and rule") {
  struct Row { const char* yaml; const char* expected; };
  const Row rows[] = {
      {"rules:\n  - id: secret-x\n    title: X\n    severity: urgent\n    help: h\n    pattern: 'a'\n", "extra.yaml:4: rule secret-x: severity"},
      {"rules:\n  - id: secret-x\n    title: X\n    severity: high\n    help: h\n    pattern: 'a('\n", "extra.yaml:6: rule secret-x: pattern does not compile"},
      {"rules:\n  - id: secret-x\n    title: X\n    severity: high\n    help: h\n    pattern: 'a'\n    secret: 'a'\n", "rule secret-x: secret must have exactly 1 capture group"},
      {"rules:\n  - id: secret-x\n    title: X\n    severity: high\n    help: h\n    pattern: 'a'\n    colour: red\n", "extra.yaml:7: rule secret-x: unknown key 'colour'"},
      {"rules: [\n", "extra.yaml:"},
  };
  for (const auto& r : rows) {
    INFO(std::string(r.yaml));
    std::vector<RuleText> texts{RuleText::from_string("extra.yaml", r.yaml)};
    try {
      parse_rule_set(texts);
      FAIL("expected RuleFileError");
    } catch (const RuleFileError& e) {
      CHECK(std::string(e.what()).find(r.expected) != std::string::npos);
    }
  }
}
