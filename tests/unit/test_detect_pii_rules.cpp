// config/rules/pii.yaml through the shared pattern engine: the rule file is its own corpus
// (examples / negative examples), generated values embedded in realistic lines, redaction,
// and false-positive traps from tests/corpus/pii/.
#include <doctest/doctest.h>

#include "pii_generators.hpp"
#include "test_helpers.hpp"

#include <algorithm>
#include <random>

using namespace hookguard;
using hookguard::test::read_pii_corpus;
using hookguard::test::pii_schemes;
using hookguard::test::PiiScheme;

namespace {

const testing::EngineFixture& pii_engine() {
  static const testing::EngineFixture k_engine;
  return k_engine;
}

std::vector<Finding> scan_text(const std::string& text) {
  std::vector<Finding> pii;
  for (auto& f : pii_engine().scan(text, "fixtures/data.txt"))
    if (f.detector == DetectorKind::pii) pii.push_back(std::move(f));
  return pii;
}

bool reports(const std::vector<Finding>& findings, const std::string& rule) {
  return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.rule_id == rule || std::find(f.also_matched.begin(), f.also_matched.end(), rule) != f.also_matched.end();
  });
}

std::vector<const PatternRule*> pii_rules() {
  std::vector<const PatternRule*> out;
  for (const auto& p : pii_engine().rules().patterns)
    if (p.detector == DetectorKind::pii) out.push_back(&p);
  return out;
}

}  // namespace

TEST_CASE("pii.yaml: every rule is complete and finds its examples") {
  auto rules = pii_rules();
  REQUIRE(rules.size() >= 60);
  for (const PatternRule* p : rules) {
    SUBCASE(p->id.c_str()) {
      const RuleInfo* info = pii_engine().rules().catalog.find(p->id);
      REQUIRE(info != nullptr);
      CHECK(info->severity == (p->id == "pii-credit-card-test-number" ? Severity::info : Severity::medium));
      CHECK_FALSE(p->secret.empty());
      // Without a check digit a number is only personal data next to a word that says so.
      if (p->validate.empty()) CHECK_FALSE(p->context.empty());
      for (const auto& example : p->examples) {
        INFO("example: " << example);
        CHECK(reports(scan_text(example + "\n"), p->id));
      }
      for (const auto& example : p->negative_examples) {
        INFO("negative example: " << example);
        CHECK_FALSE(reports(scan_text(example + "\n"), p->id));
      }
    }
  }
}

// Seeded, checksum-valid values of every scheme, embedded the way fixtures hold them.
TEST_CASE("pii.yaml: generated values in realistic lines are found by their rule") {
  std::mt19937_64 rng(hookguard::test::k_pii_seed + 3);
  for (const PatternRule* p : pii_rules()) {
    if (p->validate.empty() || p->validate == "payment_card_test") continue;  // test numbers: a fixed list
    bool covered = false;
    for (const PiiScheme& scheme : pii_schemes()) {
      if (scheme.validator != p->validate) continue;
      covered = true;
      std::string field = p->context.empty() ? std::string(scheme.field) : p->context.front();
      for (int i = 0; i < 5; ++i) {
        std::string value = hookguard::test::generate_valid(scheme, rng);
        INFO(p->id << ": " << value);
        CHECK(reports(scan_text("{\"" + field + "\": \"" + value + "\"}\n"), p->id));
        CHECK(reports(scan_text("# " + field + "\n" + value + ",\n"), p->id));  // context on the line before
      }
    }
    CHECK_MESSAGE(covered, p->id << " has no generator scheme");
  }
}

TEST_CASE("pii findings: severity, validation and redaction") {
  SUBCASE("a real-looking card is medium, validated, and shows at most its last 4 digits") {
    std::mt19937_64 rng(hookguard::test::k_pii_seed + 4);
    std::string card = hookguard::test::generate_valid({"payment_card", "4##############?", "card"}, rng);
    std::string printed = card.substr(0, 4) + " " + card.substr(4, 4) + " " + card.substr(8, 4) + " " + card.substr(12);
    auto findings = scan_text("customer_name = \"x\"\n\"card\": \"" + printed + "\"\n");
    REQUIRE(findings.size() == 1);
    const Finding& f = findings.front();
    CHECK(f.rule_id == "pii-credit-card");
    CHECK(f.severity == Severity::medium);
    CHECK(f.validation == "Luhn valid, Visa prefix");
    CHECK(f.line == 2);
    CHECK(f.column == 10);
    CHECK(f.excerpt == "*****" + card.substr(12) + "(19)");
    CHECK(f.message.find(card.substr(0, 12)) == std::string::npos);
    CHECK(f.excerpt.find(card.substr(0, 4)) == std::string::npos);
  }
  SUBCASE("a published test card is reported at info with its reason, never as a card") {
    auto findings = scan_text("const testCard = '4242 4242 4242 4242';\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().rule_id == "pii-credit-card-test-number");
    CHECK(findings.front().severity == Severity::info);
    CHECK(findings.front().validation == "published Visa test card number");
  }
  SUBCASE("an IBAN names its country") {
    auto findings = scan_text("iban: GB82 WEST 1234 5698 7654 32\n");
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().validation == "IBAN mod 97 valid (GB)");
  }
  SUBCASE("an SSN without a context word is not a finding") {
    CHECK(scan_text("ref: 536-90-4399\n").empty());
    CHECK(scan_text("ssn: 536-90-4399\n").size() == 1);
  }
}

TEST_CASE("pii rules stay silent on false-positive traps") {
  for (const char* name : {"fp_traps.txt", "package-lock.json", "app.min.js"}) {
    SUBCASE(name) {
      auto findings = scan_text(read_pii_corpus(name));
      for (const auto& f : findings) INFO(f.rule_id << " line " << f.line);
      std::string rules;
      for (const auto& f : findings) rules += f.rule_id + ":" + std::to_string(f.line) + " ";
      CHECK_MESSAGE(findings.empty(), rules);
    }
  }
  SUBCASE("payment SDK fixtures hold only test numbers") {
    auto findings = scan_text(read_pii_corpus("payment_sdk_fixture.js"));
    CHECK(findings.size() >= 8);
    for (const auto& f : findings) {
      INFO(f.line);
      CHECK(f.rule_id == "pii-credit-card-test-number");
      CHECK(f.severity == Severity::info);
    }
  }
}
