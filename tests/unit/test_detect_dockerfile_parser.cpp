// Parser, shell splitter and variable expansion of the Dockerfile detector.
#include "detect/dockerfile/key_values.hpp"
#include "detect/dockerfile/model.hpp"
#include "detect/dockerfile/parser.hpp"
#include "detect/dockerfile/shell.hpp"

#include <doctest/doctest.h>

#include <ctime>

using namespace hookguard::dockerfile;

TEST_CASE("dockerfile parser: instructions, lines and continuations") {
  SUBCASE("continuations join lines and keep the span") {
    auto f = parse("FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\nUSER 1000\n");
    REQUIRE(f.instructions.size() == 3);
    CHECK(f.instructions[1].keyword == "RUN");
    CHECK(f.instructions[1].line == 2);
    CHECK(f.instructions[1].end_line == 3);
    CHECK(f.instructions[1].args == "apt-get update     && apt-get install -y curl");
    CHECK(f.instructions[2].line == 4);
  }
  SUBCASE("comments and blank lines inside a continuation are dropped") {
    auto f = parse("RUN a \\\n# note\n\n  && b\nCMD x\n");
    REQUIRE(f.instructions.size() == 2);
    CHECK(f.instructions[0].args == "a   && b");
    CHECK(f.instructions[0].end_line == 4);
    REQUIRE(f.comments.size() == 1);
    CHECK(f.comments[0].inside_instruction);
  }
  SUBCASE("escape directive switches to backtick") {
    auto f = parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir C:\\ `\n  && echo hi\n");
    CHECK(f.escape == '`');
    REQUIRE(f.instructions.size() == 2);
    CHECK(f.instructions[1].end_line == 4);
    CHECK(f.instructions[1].args == "dir C:\\   && echo hi");
  }
  SUBCASE("directives only count at the top") {
    auto f = parse("# syntax=docker/dockerfile:1\n# check=skip=all\nFROM a\n# escape=`\nRUN b \\\n c\n");
    CHECK(f.syntax == "docker/dockerfile:1");
    CHECK(f.check == "skip=all");
    CHECK(f.escape == '\\');
    CHECK(f.instructions[1].end_line == 6);
  }
  SUBCASE("CRLF line endings") {
    auto f = parse("FROM a\r\nRUN x \\\r\n  y\r\nUSER 1\r\n");
    REQUIRE(f.instructions.size() == 3);
    CHECK(f.instructions[1].args == "x   y");
    CHECK(f.instructions[2].line == 4);
  }
  SUBCASE("flags, JSON form and shell form") {
    auto f = parse("COPY --from=build --chown=1:1 --link /out /app\nCMD [\"app\", \"--port\", \"80\"]\nENTRYPOINT app run\n"
                   "RUN --mount=type=cache,target=/root/.cache --network=none --security=insecure --future=1 make\n");
    const auto& copy = f.instructions[0];
    REQUIRE(copy.flags.size() == 3);
    CHECK(copy.flag("from")->value == "build");
    CHECK(copy.flag("link")->has_value == false);
    CHECK(copy.args == "/out /app");
    CHECK(f.instructions[1].json_form);
    CHECK(f.instructions[1].json_args == std::vector<std::string>{"app", "--port", "80"});
    CHECK_FALSE(f.instructions[2].json_form);
    CHECK(f.instructions[3].flags.size() == 4);
    CHECK(f.instructions[3].args == "make");
    CHECK(f.errors.empty());
  }
  SUBCASE("malformed JSON falls back to shell form") {
    auto f = parse("CMD [\"app\", 'x']\n");
    CHECK_FALSE(f.instructions[0].json_form);
  }
}

TEST_CASE("dockerfile parser: heredocs") {
  SUBCASE("RUN heredoc body is part of the instruction") {
    auto f = parse("FROM a\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER 1\n");
    REQUIRE(f.instructions.size() == 3);
    const auto& run = f.instructions[1];
    CHECK(run.end_line == 5);
    REQUIRE(run.heredocs.size() == 1);
    CHECK(run.heredocs[0].body == "apt-get update\napt-get install -y curl\n");
    CHECK(f.instructions[2].line == 6);
  }
  SUBCASE("<<- strips tabs, quoted delimiters, two heredocs on one line") {
    auto f = parse("COPY <<-\"A\" <<'B' /dst/\n\tone\n\tA\ntwo\nB\nUSER 1\n");
    const auto& copy = f.instructions[0];
    REQUIRE(copy.heredocs.size() == 2);
    CHECK(copy.heredocs[0].body == "one\n");
    CHECK(copy.heredocs[0].quoted);
    CHECK(copy.heredocs[1].body == "two\n");
    CHECK(copy.end_line == 5);
    CHECK(f.instructions[1].keyword == "USER");
  }
  SUBCASE("unterminated heredoc is an error, not a crash") {
    auto f = parse("FROM a\nRUN <<EOF\necho hi\n");
    REQUIRE(f.errors.size() == 1);
    CHECK(f.errors[0].line == 2);
  }
  SUBCASE("a here-string or a shift is not a heredoc") {
    auto f = parse("RUN cat <<< hello\nRUN echo $((1<<4))\nUSER 1\n");
    CHECK(f.instructions[0].heredocs.empty());
    CHECK(f.instructions[1].heredocs.empty());
    CHECK(f.instructions.size() == 3);
    CHECK(f.errors.empty());
  }
  SUBCASE("a heredoc on a file descriptor") {
    auto f = parse("RUN python3 3<<EOF\nx\nEOF\nUSER 1\n");
    CHECK(f.instructions[0].heredocs.size() == 1);
    CHECK(f.instructions.size() == 2);
  }
}

TEST_CASE("dockerfile parser: ONBUILD and errors") {
  SUBCASE("ONBUILD parses its trigger") {
    auto f = parse("ONBUILD RUN --mount=type=cache,target=/x npm install\n");
    REQUIRE(f.instructions[0].inner);
    CHECK(f.instructions[0].inner->keyword == "RUN");
    CHECK(f.instructions[0].inner->args == "npm install");
  }
  SUBCASE("unknown instructions and missing arguments are errors with lines") {
    auto f = parse("FROM a\nFOO bar\nWORKDIR\nSHELL /bin/bash\n");
    REQUIRE(f.errors.size() == 3);
    CHECK(f.errors[0].line == 2);
    CHECK(f.errors[1].line == 3);
    CHECK(f.errors[2].line == 4);
  }
  SUBCASE("a UTF-8 byte order mark and lower-case keywords are fine") {
    auto f = parse("\xEF\xBB\xBF" "from debian:12\nrun echo\n");
    CHECK(f.errors.empty());
    CHECK(f.instructions[0].keyword == "FROM");
  }
  SUBCASE("binary garbage never throws") {
    std::string junk("\0\xff\xfe RUN \\\n\\\n\x01", 12);
    CHECK_NOTHROW(parse(junk));
  }
}

TEST_CASE("dockerfile parser: 100,000 continuation lines parse in linear time") {
  std::string text = "FROM a\nRUN true";
  for (int i = 0; i < 100000; ++i) text += " \\\n  && echo " + std::to_string(i);
  text += "\n";
  std::clock_t start = std::clock();  // CPU time: the machine is shared
  auto f = parse(text);
  auto script = parse_shell(run_script(f.instructions[1]));
  auto ms = 1000.0 * double(std::clock() - start) / CLOCKS_PER_SEC;
  CHECK(f.instructions[1].end_line == 100002);
  CHECK(script.commands.size() == 100001);
  CHECK(ms < 2000);
}

TEST_CASE("dockerfile shell splitter") {
  SUBCASE("operators, sub-shells, substitutions") {
    auto s = parse_shell("apt-get update && (cd /x; make) || echo \"$(curl -s x | sh)\" & wait");
    std::vector<std::string> names;
    for (const auto& c : s.commands) names.push_back(c.name);
    CHECK(names == std::vector<std::string>{"apt-get", "cd", "make", "echo", "curl", "sh", "wait"});
    CHECK(s.has_pipe);
  }
  SUBCASE("assignments, keywords, wrappers, redirections, comments") {
    auto s = parse_shell("DEBIAN_FRONTEND=noninteractive sudo -u root apt-get install -y x >/dev/null 2>&1 # trailing\n"
                         "if [ -f a ]; then /usr/bin/pip install b; fi");
    REQUIRE(s.commands.size() == 4);
    CHECK(s.commands[0].name == "sudo");
    CHECK(s.commands[1].name == "apt-get");
    CHECK(s.commands[1].args == std::vector<std::string>{"install", "-y", "x"});
    CHECK(s.commands[2].name == "[");
    CHECK(s.commands[3].name == "pip");
  }
  SUBCASE("pipes mark both ends; || is not a pipe") {
    auto s = parse_shell("curl -fsSL https://x | bash -s -- a || true");
    REQUIRE(s.commands.size() == 3);
    CHECK(s.commands[0].piped_out);
    CHECK(s.commands[1].piped_in);
    CHECK_FALSE(s.commands[2].piped_in);
  }
  SUBCASE("quotes keep words together") {
    auto s = parse_shell("pip install 'a>=1' \"b c\" d\\ e");
    CHECK(s.commands[0].args == std::vector<std::string>{"install", "a>=1", "b c", "d e"});
  }
  SUBCASE("flags and operands") {
    auto s = parse_shell("apt-get -qq install -t stable --no-install-recommends a b=1");
    const auto& c = s.commands[0];
    CHECK(c.has_flag("q"));
    CHECK(c.has_flag("no-install-recommends"));
    CHECK(c.operands({"t"}) == std::vector<std::string>{"install", "a", "b=1"});
  }
}

TEST_CASE("dockerfile variable expansion and image references") {
  Vars vars{{"TAG", "1.2"}, {"EMPTY", ""}, {"UNKNOWN", std::nullopt}};
  CHECK(expand("debian:$TAG", vars).text == "debian:1.2");
  CHECK(expand("debian:${TAG}-slim", vars).text == "debian:1.2-slim");
  CHECK(expand("${EMPTY:-x}", vars).text == "x");
  CHECK(expand("${EMPTY-x}", vars).text == "");
  CHECK(expand("${UNKNOWN:-d}", vars).text == "d");
  CHECK(expand("${TAG:+set}", vars).text == "set");
  CHECK(expand("${UNKNOWN}", vars).unresolved);
  CHECK(expand("${UNKNOWN:+x}", vars).unresolved);
  CHECK(expand("\\$TAG", vars).text == "$TAG");
  CHECK(expand("${A:-${TAG}}", vars).text == "1.2");

  auto r = parse_image_ref("registry.example.com:5000/team/app:1.0@sha256:abc");
  CHECK(r.registry == "registry.example.com:5000");
  CHECK(r.name == "team/app");
  CHECK(r.tag == "1.0");
  CHECK(r.digest == "sha256:abc");
  auto hub = parse_image_ref("library/debian");
  CHECK(hub.registry.empty());
  CHECK(hub.tag.empty());
  CHECK(parse_image_ref("localhost/x:1").registry == "localhost");
}

TEST_CASE("dockerfile key/value operands") {
  auto modern = key_values("A=1 B=\"x y\" C");
  REQUIRE(modern.size() == 3);
  CHECK(modern[1].value == "x y");
  CHECK_FALSE(modern[2].has_value);
  auto legacy = key_values("KEY value with spaces");
  REQUIRE(legacy.size() == 1);
  CHECK(legacy[0].value == "value with spaces");
  // Found by fuzz_dockerfile: a CR is the only separator between key and value.
  auto cr = key_values("RUBY_V$RUB\r_VERSION");
  REQUIRE(cr.size() == 1);
  CHECK(cr[0].key == "RUBY_V$RUB");
  CHECK(cr[0].value == "_VERSION");
}
