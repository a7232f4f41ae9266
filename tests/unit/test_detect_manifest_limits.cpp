// Hostile and malformed input: every case ends quickly with a clear finding, never a crash, hang
// or unbounded allocation.
#include <doctest/doctest.h>

#include "test_helpers.hpp"

#include "test_detect_manifest_fixture.hpp"

#include <chrono>

using hookguard::Finding;
using hookguard::ScanOutput;
using hookguard::test::ManifestFixture;

namespace {

// Scans and returns the findings of `rule`, checking the scan took less than `budget`.
std::vector<Finding> timed_hits(const ManifestFixture& fx, std::string text, std::string_view rule,
                                std::chrono::milliseconds budget = std::chrono::milliseconds(2000)) {
  auto unit = ManifestFixture::unit(std::move(text));
  auto start = std::chrono::steady_clock::now();
  ScanOutput out = fx.scan(unit);
  auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(elapsed < budget);
  std::vector<Finding> hits;
  for (auto& f : out.findings)
    if (f.rule_id == rule) hits.push_back(std::move(f));
  return hits;
}

// Nine levels of nine aliases each: 9^9 leaves when expanded, a few hundred bytes on disk.
std::string billion_laughs() {
  return hookguard::testing::alias_bomb("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: lol}\ndata:\n", "lol");
}

}  // namespace

TEST_CASE("manifest hostile input is rejected quickly with a clear finding") {
  ManifestFixture fx;
  SUBCASE("alias bomb (billion laughs)") {
    auto hits = timed_hits(fx, billion_laughs(), "manifest-yaml-limit");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].message.find("alias") != std::string::npos);
  }
  SUBCASE("an alias bomb aimed at the containers list") {
    std::string text = billion_laughs() + "spec:\n  containers: *j\n";
    CHECK(timed_hits(fx, "apiVersion: v1\nkind: Pod\n" + text.substr(text.find("metadata")), "manifest-yaml-limit").size() == 1);
  }
  SUBCASE("a self-referencing alias") {
    CHECK(timed_hits(fx, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: &s\n  containers: [*s]\n", "manifest-yaml-limit").size() == 1);
  }
  SUBCASE("an alias inside its own anchor, in a flow list (found by fuzz_manifest: stack overflow)") {
    std::string text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  b: &b [x]\n  c: &c [y, *b, *c, *c]\n";
    auto hits = timed_hits(fx, text, "manifest-yaml-limit");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line >= 4);  // inside the data block (where the expansion ran over)
    CHECK(hits[0].line <= 5);
  }
  SUBCASE("10,000-deep flow nesting") {
    std::string text = "apiVersion: v1\nkind: ConfigMap\ndata: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
    auto hits = timed_hits(fx, text, "manifest-yaml-limit");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 3);
    CHECK(hits[0].message.find("nesting") != std::string::npos);
  }
  SUBCASE("10,000-deep block nesting") {
    std::string text = "apiVersion: v1\nkind: ConfigMap\n";
    for (int i = 0; i < 10000; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
    CHECK(timed_hits(fx, text, "manifest-yaml-limit").size() == 1);
  }
  SUBCASE("a 100 MB file is refused before parsing") {
    std::string text(100u << 20, '\n');
    text.replace(0, 30, "apiVersion: v1\nkind: ConfigMap\n");
    auto hits = timed_hits(fx, std::move(text), "manifest-yaml-limit", std::chrono::milliseconds(200));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 1);
    CHECK(hits[0].message.find("bytes") != std::string::npos);
  }
  SUBCASE("more documents than the limit: the first ones are linted, the cut is reported") {
    std::string doc = "---\napiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  hostPID: true\n  containers: []\n";
    std::string text;
    for (int i = 0; i < 2100; ++i) text += doc;
    auto out = fx.scan(text);
    std::size_t limit = 0, host_pid = 0;
    for (const auto& f : out.findings) {
      limit += f.rule_id == "manifest-yaml-limit";
      host_pid += f.rule_id == "manifest-host-pid";
    }
    CHECK(limit == 1);
    CHECK(host_pid == 2000);
  }
}

TEST_CASE("manifest malformed input becomes a finding with a line") {
  ManifestFixture fx;
  SUBCASE("duplicate keys: the ambiguous value is reported where it is written") {
    auto hits = timed_hits(fx, "apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec:\n  containers:\n    - name: a\n"
                               "      securityContext:\n        privileged: false\n        privileged: true\n",
                           "manifest-duplicate-key");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 9);
    CHECK(hits[0].message.find("privileged") != std::string::npos);
  }
  SUBCASE("a JSON key longer than 1024 characters") {
    std::string text = "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\",\n \"" + std::string(1100, 'k') + "\": 1}\n";
    auto hits = timed_hits(fx, text, "manifest-parse-error");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].message.find("1024") != std::string::npos);
  }
  SUBCASE("a lone surrogate escape") {
    auto hits = timed_hits(fx, "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",\n \"x\": \"\\ud83d\"}\n", "manifest-parse-error");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 2);
  }
  SUBCASE("invalid UTF-8, NUL bytes and a huge line do not crash") {
    std::string text = "apiVersion: v1\nkind: Pod\nmetadata: {name: \"\xff\xfe\"}\nspec:\n  containers: []\n";
    text += std::string("x: ") + std::string(1u << 20, 'a') + "\n";
    text += std::string("nul: \"a") + '\0' + "b\"\n";
    timed_hits(fx, text, "manifest-parse-error");
  }
}
