// Data-driven rule tests: tests/corpus/manifest/<rule-id>/hit-*.{yaml,json} must produce that
// rule (exactly N times with a first line "# expect: N"), miss-* files must not. Every rule of
// manifest.yaml has at least one of each.
#include <doctest/doctest.h>

#include "test_detect_manifest_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using hookguard::test::ManifestFixture;

namespace {

const fs::path k_corpus = fs::path(HOOKGUARD_SOURCE_DIR) / "tests/corpus/manifest";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "# expect: N" on the first line, else -1 (at least one).
int expected_count(const std::string& text) {
  constexpr std::string_view k_marker = "# expect: ";
  return text.starts_with(k_marker) ? std::stoi(text.substr(k_marker.size())) : -1;
}

void trust_example_registry(hookguard::Config& config) {
  config.rules["manifest-untrusted-registry"].options["trusted_registries"] = {"registry.example.com"};
}

}  // namespace

TEST_CASE("manifest corpus: every hit file is caught, every miss file passes") {
  ManifestFixture fx(trust_example_registry);
  int files = 0;
  for (const auto& dir : fs::directory_iterator(k_corpus)) {
    std::string rule = dir.path().filename().string();
    REQUIRE_MESSAGE(fx.catalog.find(rule) != nullptr, "corpus directory names no rule: " << rule);
    for (const auto& file : fs::directory_iterator(dir.path())) {
      std::string name = file.path().filename().string();
      std::string text = read_file(file.path());
      auto hits = fx.hits(text, rule, "deploy/" + name);
      ++files;
      INFO(rule << "/" << name);
      if (name.starts_with("hit-")) {
        if (int expected = expected_count(text); expected >= 0) CHECK(hits.size() == static_cast<std::size_t>(expected));
        else CHECK(!hits.empty());
      } else {
        CHECK(hits.empty());
      }
    }
  }
  CHECK(files > 100);
}

TEST_CASE("manifest corpus: every rule has a hit and a miss") {
  ManifestFixture fx;
  int rules = 0;
  for (const auto& rule : fx.catalog.rules()) {
    if (rule.detector != hookguard::DetectorKind::manifest) continue;
    ++rules;
    INFO(rule.id);
    bool hit = false, miss = false;
    if (fs::is_directory(k_corpus / rule.id))
      for (const auto& file : fs::directory_iterator(k_corpus / rule.id)) {
        hit |= file.path().filename().string().starts_with("hit-");
        miss |= file.path().filename().string().starts_with("miss-");
      }
    CHECK(hit);
    CHECK(miss);
  }
  CHECK(rules >= 50);
}

TEST_CASE("manifest corpus: a hardened Deployment has no finding at all") {
  ManifestFixture fx(trust_example_registry);
  auto out = fx.scan(read_file(k_corpus / "manifest-privileged-container/miss-false.yaml"));
  for (const auto& f : out.findings) INFO(f.rule_id << ": " << f.message);
  CHECK(out.findings.empty());
}
