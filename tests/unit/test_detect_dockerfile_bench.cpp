// Benchmark driver for bench/bench_dockerfile.sh (skipped in normal runs): lints every file of
// $HOOKGUARD_BENCH_DIR through the detector and prints files, bytes, read and lint time, and
// the median per-file lint time. Run: hookguard_tests -tc='dockerfile bench driver' --no-skip
#include "test_detect_dockerfile_support.hpp"

#include <algorithm>
#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

TEST_CASE("dockerfile bench driver" * doctest::skip()) {
  const char* dir = std::getenv("HOOKGUARD_BENCH_DIR");
  REQUIRE(dir);
  using clock = std::chrono::steady_clock;
  auto t0 = clock::now();
  std::vector<std::shared_ptr<const std::string>> files;
  std::vector<std::string> names;
  std::size_t bytes = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    files.push_back(std::make_shared<const std::string>(ss.str()));
    names.push_back(e.path().filename().string());
    bytes += files.back()->size();
  }
  auto t1 = clock::now();
  hookguard::Config config;
  hookguard::DetectorContext ctx{config, hookguard::test::dockerfile_catalog()};
  auto detector = hookguard::make_dockerfile_detector(ctx, nullptr);  // shellcheck: never in the hot loop
  std::vector<double> per_file_us;
  std::pair<double, std::string> slowest{0.0, {}};
  std::clock_t cpu_start = std::clock();  // CPU time: wall time on a shared machine is noisy
  std::size_t findings = 0;
  for (const auto& data : files) {
    hookguard::ContentUnit unit;
    unit.path = unit.rel_path = "Dockerfile";
    unit.kind = hookguard::FileKind::dockerfile;
    unit.data = data;
    hookguard::ScanOutput out;
    auto s = clock::now();
    detector->scan(unit, out);
    per_file_us.push_back(std::chrono::duration<double, std::micro>(clock::now() - s).count());
    slowest = std::max(slowest, {per_file_us.back(), names[per_file_us.size() - 1]});
    findings += out.findings.size();
  }
  auto t2 = clock::now();
  double cpu_ms = 1000.0 * double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::sort(per_file_us.begin(), per_file_us.end());
  std::printf("files=%zu bytes=%zu findings=%zu read_ms=%.1f lint_ms=%.1f lint_cpu_ms=%.1f median_file_us=%.1f p99_file_us=%.1f slowest=%s (%.0f us)\n",
              files.size(), bytes, findings, std::chrono::duration<double, std::milli>(t1 - t0).count(),
              std::chrono::duration<double, std::milli>(t2 - t1).count(), cpu_ms, per_file_us[per_file_us.size() / 2],
              per_file_us[per_file_us.size() * 99 / 100], slowest.second.c_str(), slowest.first);
  CHECK(findings > 0);
}
