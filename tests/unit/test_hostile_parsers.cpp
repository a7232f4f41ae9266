// Hostile bytes against the parsers of untrusted input that have no hostile-input tests of their
// own (config loader, rule files, pattern engine, added lines): each case ends quickly with a
// clear error naming the file and line, or a normal result; never a crash or a hang.
#include "config/loader.hpp"
#include "config/rule_files.hpp"
#include "git/added_lines.hpp"
#include "test_helpers.hpp"
#include "util/yaml_guard.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace hookguard;

namespace {

std::string nested(std::size_t depth, char open, char close, const std::string& prefix) {
  return prefix + std::string(depth, open) + std::string(depth, close) + "\n";
}

// The ConfigError message of loading `text`, checking it ended in bounded time (generous: the
// suite also runs under ASan on busy machines).
std::string config_error(const std::string& text) {
  Config config;
  auto start = std::chrono::steady_clock::now();
  std::string message;
  try {
    config::load_text("hostile.yaml", text, config);
  } catch (const config::ConfigError& e) {
    message = e.what();
  }
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(15));
  return message;
}

std::string alias_bomb(const std::string& key) { return hookguard::testing::alias_bomb(key + ":\n", "x"); }

}  // namespace

TEST_CASE("hostile: the config loader names file and line for bad input") {
  SUBCASE("100,000-deep YAML flow nesting") {
    auto message = config_error(nested(100000, '[', ']', "version: 1\npaths: "));
    CHECK(message.rfind("hostile.yaml:", 0) == 0);
  }
  SUBCASE("100,000-deep JSON nesting") {
    auto message = config_error("{\"version\": 1, \"paths\": " + nested(100000, '{', '}', "").substr(0, 200000) + "}");
    CHECK(message.rfind("hostile.yaml:", 0) == 0);
  }
  SUBCASE("an alias bomb under an unknown key is refused, not expanded") {
    CHECK(config_error("version: 1\n" + alias_bomb("bomb")).rfind("hostile.yaml:", 0) == 0);
  }
  SUBCASE("NUL bytes and invalid UTF-8") {
    CHECK(config_error(std::string("version: 1\nblock: \0high\n", 24)).rfind("hostile.yaml:", 0) == 0);
    CHECK(config_error("version: 1\nblock: \xff\xfe\n").rfind("hostile.yaml:", 0) == 0);
  }
  SUBCASE("a UTF-16 file") {
    CHECK(config_error(std::string("\xff\xfev\0e\0r\0:\0 \0001\0\n\0", 16)).rfind("hostile.yaml:", 0) == 0);
  }
}

TEST_CASE("hostile: rule files with deep nesting are a RuleFileError") {
  CHECK_THROWS_AS(parse_rule_set({{"deep.yaml", nested(100000, '[', ']', "rules: ")}}), RuleFileError);
  CHECK_THROWS_AS(parse_rule_set({{"bomb.yaml", alias_bomb("rules")}}), RuleFileError);
}

TEST_CASE("hostile: the pattern engine over odd bytes stays fast and locates correctly") {
  static const testing::EngineFixture engine;
  auto timed = [&](const std::string& text) {
    auto start = std::chrono::steady_clock::now();
    auto findings = engine.scan(text);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(15));
    return findings;
  };
  SUBCASE("a 10 MB single line") { CHECK(timed(std::string(10u << 20, 'a')).empty()); }
  SUBCASE("1 MB of NUL bytes") { CHECK(timed(std::string(1u << 20, '\0')).empty()); }
  SUBCASE("invalid UTF-8 around a key") {
    auto key = "AKIA" + testing::seeded_token(16, 7, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    auto findings = timed("\xff\xfe\xc3\n\x80 aws_access_key_id = " + key + " \xed\xa0\x80\n");
    for (const auto& f : findings) {
      CHECK(f.line == 2);
      CHECK(f.excerpt.find(key) == std::string::npos);
    }
  }
}

TEST_CASE("hostile: added lines with CRLF, lone CR and no final newline") {
  using Ranges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;
  auto added = [](std::string_view before, std::string_view now) {
    Ranges out;
    for (const auto& r : git::added_lines(before, now)) out.emplace_back(r.first, r.last);
    return out;
  };
  CHECK(added("a\r\nb\r\n", "a\r\nX\r\nb\r\n") == Ranges{{2, 2}});
  // A lone CR is not a line break for git: the whole "line" changed.
  CHECK(added("a\rb\n", "a\rc\n") == Ranges{{1, 1}});
  CHECK(added("a\nb", "a\nb\nc") == Ranges{{2, 3}});
  CHECK(added("same\n", "same\n") == Ranges{{0, 0}});
}

// Regressions (found by fuzz_manifest, fuzz/regressions/manifest/): yaml-cpp 0.7 loops forever
// on a ',' at the top level of a document, where its root node starts or after it ends. Every
// YAML entry point refuses it first; valid YAML with commas must still parse.
TEST_CASE("yaml with a top-level comma is refused, not hung on") {
  struct Row { const char* text; std::uint32_t line; };
  const Row rows[] = {{",a: b\n", 1}, {" ,a\n", 1}, {"# c\n,a\n", 2}, {"a: b\n---\n,c\n", 3}, {"\n\n,", 3},
                      {"\"a\",\n", 1}, {"'a' ,x\n", 1}, {"[a],\n", 1}, {"{a: b},\n", 1}, {"&a ,\n", 1},
                      {"\"{pV: d\",\n \"spec\": [}\n", 1}, {"a: 1\n---\n\"a\"\n,\n", 4},
                      {"a: b\n,c\n", 0}, {"x: ,a\n", 0}, {"x: [,a]\n", 0}, {"{\"a\": [1, 2], \"b\": 3}\n", 0},
                      {"&a\nk: a, b\n", 0}, {"\"a\"\n...\n\"b, c\"\n", 0}, {"[1, 2]\n---\n[3, 4]\n", 0},
                      {"-\n\n\n, \n\ni2\x01i2\r", 4}, {"- a\n- b\n,\n", 3}, {"|\n x\n,\n", 3}, {">\n x\n,\n", 3},
                      {"- a: b\n,\n", 2}, {"- a, b\n- c\n", 0}, {"- a\n  ,\n", 0}, {"a\n,\n", 0},
                      {"a #c\n,\n", 2}, {"    rve s #\xff\n ,d:=x\nmt\n---\n---", 2}, {"k: v\n---\nx #c\n,\n", 4},
                      {"a: b #c\n,\n", 0}, {"a: b, c\n", 0}, {"a:\n  - \"x, y\"\n", 0}};
  for (const auto& r : rows) {
    INFO(std::string(r.text));
    CHECK(hookguard::util::yaml_hang_line(r.text) == r.line);
  }
  hookguard::Config config;
  CHECK_THROWS_WITH_AS(hookguard::config::load_text("c.yaml", ",a: b\n", config), doctest::Contains("c.yaml:1:"),
                       hookguard::config::ConfigError);
}
