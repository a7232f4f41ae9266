// shellcheck over RUN scripts: mapping back to instructions, levels, SC pragmas, changed lines,
// the gcc output parser and (when shellcheck is on PATH) the real process.
#include "test_detect_dockerfile_support.hpp"

#include <doctest/doctest.h>

using namespace hookguard::dockerfile;
using hookguard::test::find_rule;
using hookguard::test::lint;
using hookguard::test::LintOptions;

namespace {

// Reports SC2086 on every script line that contains `$x` unquoted, one comment of each level
// for a script that says `levels`, and remembers its input.
class FakeChecker final : public ShellChecker {
 public:
  mutable std::vector<ShellScript> seen;
  std::optional<std::vector<ShellcheckComment>> check(const std::vector<ShellScript>& scripts) const override {
    seen = scripts;
    std::vector<ShellcheckComment> out;
    for (std::size_t i = 0; i < scripts.size(); ++i) {
      if (scripts[i].text.find("levels") != std::string::npos)
        for (auto level : {"error", "warning", "info", "style"}) out.push_back({i, 9, level, "SC1000", "x"});
      std::uint32_t line = 1;
      for (std::size_t p = 0; p < scripts[i].text.size(); ++p) {
        if (scripts[i].text[p] == '\n') ++line;
        if (scripts[i].text.compare(p, 3, " $x") == 0) out.push_back({i, line, "info", "SC2086", "Double quote to prevent globbing."});
      }
    }
    return out;
  }
};

}  // namespace

TEST_CASE("dockerfile shellcheck: comments map to their RUN and level") {
  auto fake = std::make_shared<FakeChecker>();
  LintOptions opt;
  opt.shellcheck = fake;
  auto fs = lint("FROM a:1\nARG TOKEN\nRUN echo $x \\\n && true\nRUN <<EOF\nset -e\necho $x\nEOF\n", opt);
  std::vector<std::string> got;
  for (const auto& f : fs)
    if (f.rule_id == "dockerfile-shellcheck-info") got.push_back(std::to_string(f.line) + " " + f.message);
  CHECK(got == std::vector<std::string>{"3 SC2086: Double quote to prevent globbing.",
                                        "5 SC2086: Double quote to prevent globbing. (script line 2)"});
  REQUIRE(fake->seen.size() == 2);
  CHECK(fake->seen[0].text.rfind("#!/bin/sh\n", 0) == 0);
  CHECK(fake->seen[0].text.find("export TOKEN=1\n") != std::string::npos);
}

TEST_CASE("dockerfile shellcheck: levels map to rules; no comment, no finding") {
  LintOptions opt;
  opt.shellcheck = std::make_shared<FakeChecker>();
  auto fs = lint("FROM a:1\nRUN echo levels\n", opt);
  for (auto id : {"dockerfile-shellcheck-error", "dockerfile-shellcheck-warning", "dockerfile-shellcheck-info",
                  "dockerfile-shellcheck-style"}) {
    CAPTURE(id);
    REQUIRE(find_rule(fs, id));
    CHECK(find_rule(fs, id)->line == 2);
  }
  auto clean = lint("FROM a:1\nRUN echo \"$x\"\n", opt);
  for (const auto& f : clean) CHECK(f.rule_id.rfind("dockerfile-shellcheck-", 0) != 0);
}

TEST_CASE("dockerfile shellcheck: SC pragmas, unused SC pragmas, changed lines only") {
  auto fake = std::make_shared<FakeChecker>();
  LintOptions opt;
  opt.shellcheck = fake;
  auto fs = lint("FROM a:1\n# hadolint ignore=SC2086\nRUN echo $x\n# hadolint ignore=SC2046\nRUN echo $x\n", opt);
  const auto* first = find_rule(fs, "dockerfile-shellcheck-info");
  REQUIRE(first);
  CHECK(first->suppressed_by == "hadolint ignore=SC2086 (line 2)");
  const auto* unused = find_rule(fs, "policy-unused-suppression");
  REQUIRE(unused);
  CHECK(unused->line == 4);

  fake->seen.clear();
  hookguard::ContentUnit unit;
  hookguard::Config config;
  hookguard::DetectorContext ctx{config, hookguard::test::dockerfile_catalog()};
  auto detector = hookguard::make_dockerfile_detector(ctx, fake);
  unit.kind = hookguard::FileKind::dockerfile;
  unit.data = std::make_shared<const std::string>("FROM a:1\nRUN echo $x\nRUN echo $x\n");
  unit.added_lines = {{3, 3}};
  hookguard::ScanOutput out;
  detector->scan(unit, out);
  CHECK(fake->seen.size() == 1);
}

TEST_CASE("dockerfile shellcheck: SC codes disabled in config are dropped") {
  LintOptions opt;
  opt.shellcheck = std::make_shared<FakeChecker>();
  opt.config.rules["SC2086"].enabled = false;
  auto fs = lint("FROM a:1\nRUN echo $x\n", opt);
  CHECK(find_rule(fs, "dockerfile-shellcheck-info") == nullptr);
}

TEST_CASE("dockerfile shellcheck: without shellcheck there is a notice, once") {
  hookguard::Config config;
  hookguard::DetectorContext ctx{config, hookguard::test::dockerfile_catalog()};
  auto detector = hookguard::make_dockerfile_detector(ctx, nullptr);
  hookguard::ContentUnit unit;
  unit.kind = hookguard::FileKind::dockerfile;
  unit.data = std::make_shared<const std::string>("FROM a:1\nRUN echo\n");
  hookguard::ScanOutput a, b;
  detector->scan(unit, a);
  detector->scan(unit, b);
  CHECK(a.notices.size() == 1);
  CHECK(b.notices.empty());
}

TEST_CASE("dockerfile shellcheck: gcc output lines") {
  std::vector<std::string> files = {"/tmp/x/run0.sh", "/tmp/x/run1.sh"};
  auto c = parse_gcc_line("/tmp/x/run1.sh:4:6: warning: Quote this to prevent word splitting. [SC2046]", files);
  REQUIRE(c);
  CHECK(c->script == 1);
  CHECK(c->line == 4);
  CHECK(c->level == "warning");
  CHECK(c->code == "SC2046");
  CHECK(c->message == "Quote this to prevent word splitting.");
  CHECK_FALSE(parse_gcc_line("garbage", files));
  CHECK_FALSE(parse_gcc_line("/tmp/x/run9.sh:1:1: note: x [SC1]", files));
}

TEST_CASE("dockerfile shellcheck: the real process, when shellcheck is on PATH") {
  auto real = make_process_shellchecker();
  if (!real) return;  // not installed: nothing to run against
  LintOptions opt;
  opt.shellcheck = real;
  auto fs = lint("FROM a:1\nRUN for f in $(ls *.txt); do echo $f; done\n", opt);
  bool sc = false;
  for (const auto& f : fs) sc = sc || (f.rule_id.rfind("dockerfile-shellcheck-", 0) == 0 && f.line == 2);
  CHECK(sc);
}
