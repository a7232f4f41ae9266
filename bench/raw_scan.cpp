// bench helper: raw multi-pattern scan of files with the compiled rule database (no
// confirmation, no I/O in the timed part). Prints bytes, hits and seconds, so bench_secrets.sh
// can compare hookguard's full pipeline with the physical floor of the same database.
#include "detect/secrets/db_cache.hpp"

#include <chrono>
#include <iostream>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  std::vector<std::string> notices;
  auto compiled = hookguard::secrets::load_compiled_rules({}, hookguard::secrets::default_cache_dir(""), notices);
  std::vector<std::string> files;
  for (std::string path; std::getline(std::cin, path);) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    files.push_back(ss.str());
  }
  (void)argc, (void)argv;
  std::vector<hookguard::secrets::RawHit> hits;
  std::size_t bytes = 0;
  auto start = std::chrono::steady_clock::now();
  for (const auto& f : files) {
    compiled.matchers->scan(f, {{0, f.size()}}, hits);
    bytes += f.size();
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu %zu %.6f\n", bytes, hits.size(), s);
}
