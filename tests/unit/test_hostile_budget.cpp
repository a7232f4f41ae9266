// limits.file_time through the real pipeline: a file over its time is not silently passed. It
// gets policy-file-not-scanned at the block level (fail closed) unless the config sets that
// rule's severity (fail open, still reported).
#include "pipeline.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace hookguard;
using namespace std::chrono_literals;

namespace {

class MemorySource final : public UnitSource {
 public:
  explicit MemorySource(std::vector<std::pair<std::string, std::string>> files) : m_files(std::move(files)) {}
  void collect(const std::function<void(ContentUnit)>& emit, Report&) override {
    for (const auto& [path, text] : m_files) {
      ContentUnit u;
      u.path = u.rel_path = path;
      u.data = std::make_shared<const std::string>(text);
      emit(std::move(u));
    }
  }
  std::string fingerprint_key(const std::string&) const override { return "test"; }

 private:
  std::vector<std::pair<std::string, std::string>> m_files;
};

std::vector<Finding> not_scanned(const Config& config) {
  MemorySource source(std::vector<std::pair<std::string, std::string>>{{"Dockerfile", "FROM debian:12\nRUN echo hi\n"}});
  ScanOptions options;
  options.cache_dir = (std::filesystem::temp_directory_path() / "hookguard-unit-cache").string();
  options.threads = 1;
  auto result = run_scan(config, source, options, {}, "scan");
  std::vector<Finding> hits;
  for (const auto& d : result.report.verdict.decisions)
    if (d.finding.rule_id == "policy-file-not-scanned") hits.push_back(d.finding);
  return hits;
}

}  // namespace

TEST_CASE("hostile: limits.file_time fails closed by default, open only when configured") {
  Config config;
  SUBCASE("within the budget: no finding") {
    CHECK(not_scanned(config).empty());
  }
  SUBCASE("over the budget: the remaining detectors are named and the finding blocks") {
    config.file_time = 0ms;
    auto hits = not_scanned(config);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].message.find("limits.file_time") != std::string::npos);
    CHECK(hits[0].message.find("dockerfile") != std::string::npos);
    CHECK(hits[0].severity >= config.block);
  }
  SUBCASE("over the budget with the rule's severity configured: reported at that severity") {
    config.file_time = 0ms;
    config.rules["policy-file-not-scanned"].severity = Severity::low;
    auto hits = not_scanned(config);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].severity == Severity::low);
  }
}
