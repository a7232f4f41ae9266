// The secrets engine: confirmation, capture, filters, dedup, redaction — on a small rule set
// defined here so the behaviour is tested independently of the shipped rules.
#include "test_helpers.hpp"

#include <doctest/doctest.h>

using namespace hookguard;
using hookguard::testing::EngineFixture;
using hookguard::testing::seeded_token;

namespace {

const char* k_rules = R"(rules:
  - id: secret-test-token
    title: Test token
    severity: high
    pattern: 'hgtest_[a-z0-9]{24}'
    keywords: [hgtest_]
    min_entropy: 3.0
    help: Revoke it.
  - id: secret-test-password
    title: Test password assignment
    severity: medium
    pattern: '(?i)passw(?:or)?d\s*[:=]\s*["'']?[^\s"'']{8,64}'
    secret: '(?i)passw(?:or)?d\s*[:=]\s*["'']?([^\s"'']{8,64})'
    min_entropy: 2.5
    allow: ['(?i)changeme']
    help: Use a secret store.
  - id: secret-test-generic
    title: Generic token
    severity: low
    pattern: 'hg[a-z]+_[a-z0-9]{24}'
    help: Generic.
  - id: secret-test-pem
    title: Test private key
    severity: critical
    pattern: '-----BEGIN TEST KEY-----[A-Za-z0-9+/=\s]{20,}-----END TEST KEY-----'
    help: Rotate the key.
  - id: secret-test-keyfile
    title: Key file by name
    severity: high
    path: ['id_test', '*.testkey']
    help: Remove the key file.
)";

std::string token(std::uint64_t seed) { return "hgtest_" + seeded_token(24, seed, "abcdefghijklmnopqrstuvwxyz0123456789"); }

}  // namespace

TEST_CASE("secrets engine confirms, captures and locates") {
  EngineFixture engine(k_rules, {}, hookguard::testing::Builtin::exclude);
  SUBCASE("a token on the second line, column in bytes") {
    auto t = token(1);
    auto f = engine.scan("first line\n  key: " + t + "\n");
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule_id == "secret-test-token");
    CHECK(f[0].line == 2);
    CHECK(f[0].column == 8);
    CHECK(f[0].end_column == 8 + t.size());
  }
  SUBCASE("the capture group is the secret") {
    auto f = engine.scan("db_password = \"Zx9!kq2LmW7p\"\n");
    REQUIRE(f.size() == 1);
    CHECK(f[0].rule_id == "secret-test-password");
    CHECK(f[0].column == 16);
    CHECK(f[0].excerpt == "db_password = \"Zx9!*****(12)\"");
  }
  SUBCASE("CRLF lines keep columns and excerpts clean") {
    auto f = engine.scan("a\r\npassword=Zx9!kq2LmW7p\r\n");
    REQUIRE(f.size() == 1);
    CHECK(f[0].line == 2);
    CHECK(f[0].excerpt.find('\r') == std::string::npos);
  }
  SUBCASE("a multi-line key spans lines") {
    auto f = engine.scan("x\n-----BEGIN TEST KEY-----\n" + seeded_token(40, 3) + "\n" + seeded_token(40, 4) +
                         "\n-----END TEST KEY-----\n");
    REQUIRE(f.size() == 1);
    CHECK(f[0].line == 2);
    CHECK(f[0].end_line == 5);
  }
}

TEST_CASE("secrets engine filters false positives") {
  EngineFixture engine(k_rules, {}, hookguard::testing::Builtin::exclude);
  struct Row { std::string text; const char* why; };
  const Row rows[] = {
      {"password = changeme_please", "per-rule allow list"},
      {"password = ${DB_PASSWORD}", "template variable"},
      {"password = {{ .Values.pw }}", "template"},
      {"password = xxxxxxxxxxxx", "filler"},
      {"password = aaaaaaaa", "low entropy"},
      {"hgtest_aaaaaaaaaaaaaaaaaaaaaaaa", "low-entropy token"},
      {"hgtest_abc", "too short"},
  };
  for (const auto& r : rows) {
    INFO(std::string(r.why));
    auto f = engine.scan(r.text);
    CHECK(f.empty());
  }
}

TEST_CASE("one finding per span: the specific rule beats the generic one") {
  EngineFixture engine(k_rules, {}, hookguard::testing::Builtin::exclude);
  auto f = engine.scan("t = " + token(7) + "\n");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule_id == "secret-test-token");
  REQUIRE(f[0].also_matched.size() == 1);
  CHECK(f[0].also_matched[0] == "secret-test-generic");
}

TEST_CASE("file-name rules fire on the path, whole-file scoped") {
  EngineFixture engine(k_rules, {}, hookguard::testing::Builtin::exclude);
  auto f = engine.scan("anything", "home/.ssh/id_test");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule_id == "secret-test-keyfile");
  CHECK(f[0].file_scope);
  CHECK(engine.scan("anything", "docs/id_test.md").empty());
}

TEST_CASE("redaction never shows the whole secret") {
  EngineFixture engine(k_rules, {}, hookguard::testing::Builtin::exclude);
  auto t = token(11);
  for (const auto& f : engine.scan("k=" + t)) {
    CHECK(f.excerpt.find(t) == std::string::npos);
    CHECK(f.message.find(t) == std::string::npos);
    CHECK(f.excerpt.find("hgte*****(31)") != std::string::npos);
  }
}

TEST_CASE("disabled rules and --no-redact") {
  Config config;
  config.rules["secret-test-token"].enabled = false;
  config.redact = false;
  EngineFixture engine(k_rules, config, hookguard::testing::Builtin::exclude);
  auto t = token(12);
  auto f = engine.scan("k=" + t);
  REQUIRE(f.size() == 1);  // the generic rule still sees it
  CHECK(f[0].rule_id == "secret-test-generic");
  CHECK(f[0].excerpt == "k=" + t);
}

TEST_CASE("binary and hostile input do not crash") {
  EngineFixture engine(k_rules, {}, hookguard::testing::Builtin::exclude);
  std::string nul(10000, '\0');
  CHECK(engine.scan(nul).empty());
  std::string long_line(2 << 20, 'a');
  CHECK(engine.scan(long_line + token(5)).size() == 1);
  CHECK(engine.scan("\xff\xfe\x80password=\xff\xfe\x80\x81\x82\x83\x84\x85\x86").size() <= 1);
}

TEST_CASE("hook units scan only their added lines") {
  EngineFixture engine(k_rules, {}, hookguard::testing::Builtin::exclude);
  std::string text = "a = " + token(21) + "\nb = 1\nc = " + token(22) + "\n-----BEGIN TEST KEY-----\n" + seeded_token(40, 8) +
                     "\n-----END TEST KEY-----\nlast = " + token(23);
  auto scan = [&](std::vector<LineRange> added) {
    auto unit = hookguard::testing::text_unit("f.txt", text);
    unit.added_lines = std::move(added);
    return engine.scan_unit(unit);
  };
  SUBCASE("a secret on an unchanged line is not scanned") { CHECK(scan({{2, 2}}).empty()); }
  SUBCASE("a secret on an added line is") {
    auto f = scan({{3, 3}});
    REQUIRE(f.size() == 1);
    CHECK(f[0].line == 3);
  }
  SUBCASE("a key spanning added lines, and the last line without a newline") {
    auto f = scan({{4, 7}});
    REQUIRE(f.size() == 2);
    CHECK(f[0].line == 4);
    CHECK(f[1].line == 7);
  }
  SUBCASE("a key whose body alone changed (BEGIN/END lines unchanged)") {
    auto f = scan({{5, 5}});
    REQUIRE(f.size() == 1);
    CHECK(f[0].line == 4);
  }
  SUBCASE("unsorted, overlapping ranges") { CHECK(scan({{7, 7}, {1, 3}, {2, 2}}).size() == 3); }
}

// Rules with context run in a database gated by their keywords (matchers.hpp): the answers must
// be those of the context check alone, wherever the keyword sits relative to the scanned lines.
TEST_CASE("context rules report exactly where their keyword allows") {
  const char* rules = R"(rules:
  - id: pii-test-number
    title: Test number
    severity: medium
    pattern: '(?:^|[^0-9])([0-9]{9})(?:[^0-9]|$)'
    secret: '([0-9]{9})'
    context: [member id, 'mid:']
    help: Remove it.
)";
  EngineFixture engine(rules, {}, hookguard::testing::Builtin::exclude);
  auto scan = [&](const std::string& text, std::vector<LineRange> added = {}) {
    auto unit = hookguard::testing::text_unit("f.txt", text);
    unit.added_lines = std::move(added);
    return engine.scan_unit(unit);
  };
  CHECK(scan("x = 123456789\n").empty());
  CHECK(scan("MEMBER ID = 123456789\n").size() == 1);
  CHECK(scan("# Member Id\nx = 123456789\n").size() == 1);
  CHECK(scan("# member id\n\nx = 123456789\n").empty());  // two lines below: outside the context
  SUBCASE("the keyword on an unchanged line above an added one") {
    auto f = scan("a\n# mid: next line\nx = 123456789\nb\n", {{3, 3}});
    REQUIRE(f.size() == 1);
    CHECK(f[0].line == 3);
  }
  SUBCASE("a keyword inside the scope does not open lines outside it") {
    CHECK(scan("mid: 123456789\nmid: 987654321\n", {{2, 2}}).size() == 1);
  }
  SUBCASE("many keywords on one long line, the number at its end") {
    std::string line;
    for (int i = 0; i < 20000; ++i) line += "mid: x ";
    auto f = scan("\n" + line + "123456789\n" + line + "\n");
    REQUIRE(f.size() == 1);
    CHECK(f[0].line == 2);
  }
}
