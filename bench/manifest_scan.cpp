// bench helper: the manifest detector alone, in-process, on the files named on stdin (read
// before timing). Runs every file PASSES times (argv[1], default 1) and prints
//   files bytes findings median_pass_wall_s median_pass_cpu_s
// so bench_manifest.sh can quote the detector's own cost per document, apart from hookguard's
// start-up, reporting and the machine's load.
#include <hookguard/detector.hpp>

#include "config/rule_files.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  int passes = argc > 1 ? std::max(1, std::atoi(argv[1])) : 1;
  hookguard::RuleSet rules = hookguard::load_rule_set();
  hookguard::Config config;
  auto detector = hookguard::make_manifest_detector({config, rules.catalog});
  std::vector<hookguard::ContentUnit> units;
  std::size_t bytes = 0;
  for (std::string path; std::getline(std::cin, path);) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    hookguard::ContentUnit unit;
    unit.path = unit.rel_path = path;
    unit.kind = hookguard::FileKind::manifest;
    unit.data = std::make_shared<const std::string>(text.str());
    bytes += unit.data->size();
    units.push_back(std::move(unit));
  }
  std::vector<double> wall, cpu;
  std::size_t findings = 0;
  for (int pass = 0; pass < passes; ++pass) {
    findings = 0;
    auto start = std::chrono::steady_clock::now();
    double cpu_start = cpu_seconds();
    for (const auto& unit : units) {
      hookguard::ScanOutput out;
      detector->scan(unit, out);
      findings += out.findings.size();
    }
    cpu.push_back(cpu_seconds() - cpu_start);
    wall.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("%zu %zu %zu %.9f %.9f\n", units.size(), bytes, findings, median(wall), median(cpu));
}
