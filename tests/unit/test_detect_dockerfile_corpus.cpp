// The real-world corpus: each tests/corpus/dockerfile/real/*.Dockerfile lints without error and
// yields exactly the `rule:line` list frozen in its .expected file (reviewed by eye once).
// HOOKGUARD_UPDATE_CORPUS=1 rewrites the .expected files; review the diff before committing.
#include "test_detect_dockerfile_support.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> read_lines(const fs::path& p) {
  std::vector<std::string> out;
  std::ifstream in(p);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("dockerfile corpus: frozen findings of real-world Dockerfiles") {
  const fs::path dir = fs::path(HOOKGUARD_SOURCE_DIR) / "tests/corpus/dockerfile/real";
  bool update = std::getenv("HOOKGUARD_UPDATE_CORPUS") != nullptr;
  int files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".Dockerfile") continue;
    ++files;
    CAPTURE(entry.path().filename().string());
    hookguard::test::LintOptions opt;
    opt.rel_path = "real/" + entry.path().filename().string();
    opt.exists = [&](std::string_view rel) { return fs::exists(dir.parent_path() / std::string(rel)); };
    auto got = hookguard::test::rule_lines(hookguard::test::lint(read_file(entry.path()), opt));
    fs::path expected = entry.path();
    expected += ".expected";
    if (update) {
      std::ofstream out(expected);
      for (const auto& l : got) out << l << "\n";
    }
    CHECK(got == read_lines(expected));
    CHECK(std::find_if(got.begin(), got.end(), [](const std::string& s) { return s.rfind("dockerfile-syntax-error", 0) == 0; }) ==
          got.end());
  }
  CHECK(files >= 12);
}
