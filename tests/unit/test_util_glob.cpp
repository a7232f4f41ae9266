#include <doctest/doctest.h>

#include "util/glob.hpp"

#include <string>

using hookguard::util::gitignore_match;
using hookguard::util::wildcard_match;

TEST_CASE("wildcard_match") {
  struct Row { const char* pattern; const char* text; bool expected; };
  const Row rows[] = {
      {"secret-*", "secret-aws-access-key-id", true}, {"secret-*", "pii-iban", false},
      {"a?c", "abc", true},  {"a[bc]d", "acd", true}, {"a[!bc]d", "acd", false},
      {"*", "", true},       {"*.yaml", "x/y.yaml", true},
  };
  for (const auto& r : rows) {
    INFO((std::string(r.pattern) + " ~ " + r.text));
    CHECK(wildcard_match(r.pattern, r.text) == r.expected);
  }
}

TEST_CASE("gitignore_match") {
  struct Row { const char* pattern; const char* path; bool expected; };
  const Row rows[] = {
      {"vendor/", "vendor/a/b.go", true},      {"vendor/", "vendor", false},
      {"vendor/", "src/vendor/x", true},       {"*.min.js", "web/app.min.js", true},
      {"/build", "build/x", true},             {"/build", "src/build/x", false},
      {"deploy/**/*.yaml", "deploy/a/b/c.yaml", true}, {"deploy/**/*.yaml", "deploy/c.yaml", true},
      {"deploy/*.yaml", "deploy/a/c.yaml", false},     {"tests/fixtures/", "tests/fixtures/k.txt", true},
      {"fixtures/*.csv", "fixtures/a.csv", true},      {"Dockerfile", "svc/Dockerfile", true},
  };
  for (const auto& r : rows) {
    INFO((std::string(r.pattern) + " ~ " + r.path));
    CHECK(gitignore_match(r.pattern, r.path) == r.expected);
  }
}
