// hadolint pragmas and the tricky shapes: continuations, heredocs, multi-stage, variables,
// ONBUILD, CRLF, the backtick escape, locations and redaction.
#include "test_detect_dockerfile_support.hpp"

#include <doctest/doctest.h>

#include <ctime>

using hookguard::Finding;
using hookguard::test::find_rule;
using hookguard::test::has_unsuppressed;
using hookguard::test::lint;
using hookguard::test::LintOptions;

namespace {

const Finding& require(const std::vector<Finding>& fs, std::string_view id) {
  const Finding* f = find_rule(fs, id);
  REQUIRE_MESSAGE(f, "missing " << id);
  return *f;
}

}  // namespace

TEST_CASE("dockerfile pragmas: hadolint ignore applies to the next instruction") {
  SUBCASE("by DL code, with a trailing reason") {
    auto fs = lint("FROM a:1\n# hadolint ignore=DL3008,DL3015 # legacy image\nRUN apt-get install -y curl\nRUN apt-get install -y wget\n");
    std::vector<const Finding*> unpinned;
    for (const auto& f : fs)
      if (f.rule_id == "dockerfile-apt-unpinned") unpinned.push_back(&f);
    REQUIRE(unpinned.size() == 2);
    CHECK(unpinned[0]->suppressed_by == "hadolint ignore=DL3008,DL3015 (line 2)");
    CHECK(unpinned[1]->suppressed_by.empty());
    CHECK(find_rule(fs, "policy-unused-suppression") == nullptr);
  }
  SUBCASE("by our id or alias; blank lines and comments in between are fine") {
    auto fs = lint("FROM a:1\n# hadolint ignore=dockerfile-sudo, hadolint:DL3003\n\n# why\nRUN sudo make && cd /x\n");
    CHECK(require(fs, "dockerfile-sudo").suppressed_by == "hadolint ignore=dockerfile-sudo,hadolint:DL3003 (line 2)");
    CHECK_FALSE(require(fs, "dockerfile-cd-instead-of-workdir").suppressed_by.empty());
  }
  SUBCASE("a malformed list is not a pragma") {
    auto fs = lint("FROM a:1\n# hadolint ignore=DL3004 because\nRUN sudo make\n");
    CHECK(has_unsuppressed(fs, "dockerfile-sudo"));
  }
  SUBCASE("a pragma inside a heredoc or a RUN string is not a pragma") {
    auto fs = lint("FROM a:1\nRUN <<EOF\n# hadolint ignore=DL3004\nsudo make\nEOF\nRUN echo '# hadolint ignore=DL3004' && sudo x\n");
    CHECK(has_unsuppressed(fs, "dockerfile-sudo"));
  }
  SUBCASE("DL1001 reports the inline pragma itself") {
    auto fs = lint("FROM a:1\n# hadolint ignore=DL3004\nRUN sudo make\n");
    CHECK(require(fs, "dockerfile-inline-ignore-pragma").line == 2);
  }
}

TEST_CASE("dockerfile pragmas: global, stage and shell") {
  SUBCASE("global ignore covers the file") {
    auto fs = lint("# hadolint global ignore=DL3006\nFROM a\nFROM b\n");
    int n = 0;
    for (const auto& f : fs)
      if (f.rule_id == "dockerfile-untagged-image") {
        CHECK(f.suppressed_by == "hadolint global ignore=DL3006 (line 1)");
        ++n;
      }
    CHECK(n == 2);
  }
  SUBCASE("stage ignore covers the rest of its stage only") {
    auto fs = lint("FROM a:1 AS build\n# hadolint stage ignore=DL3004\nRUN x\nRUN sudo make\nFROM b:1\nRUN sudo make\n");
    std::vector<std::string> seen;
    for (const auto& f : fs)
      if (f.rule_id == "dockerfile-sudo") seen.push_back(std::to_string(f.line) + (f.suppressed_by.empty() ? "" : "s"));
    CHECK(seen == std::vector<std::string>{"4s", "6"});
  }
  SUBCASE("stage ignore above a FROM covers that stage") {
    auto fs = lint("# hadolint stage ignore=DL3006\nFROM a\nFROM b\n");
    std::vector<std::string> seen;
    for (const auto& f : fs)
      if (f.rule_id == "dockerfile-untagged-image") seen.push_back(std::to_string(f.line) + (f.suppressed_by.empty() ? "" : "s"));
    CHECK(seen == std::vector<std::string>{"2s", "3"});
  }
  SUBCASE("shell=powershell skips shell rules for the stage") {
    auto fs = lint("FROM mcr.microsoft.com/windows/servercore:ltsc2022\n# hadolint shell=powershell\nRUN cd C:\\ ; sudo x | y\n"
                   "FROM debian:12\nRUN sudo x\n");
    CHECK(require(fs, "dockerfile-sudo").line == 5);
    CHECK(find_rule(fs, "dockerfile-pipefail") == nullptr);
  }
  SUBCASE("SHELL powershell does the same") {
    auto fs = lint("FROM w:1\nSHELL [\"powershell\", \"-Command\"]\nRUN cd x | y\n");
    CHECK(find_rule(fs, "dockerfile-cd-instead-of-workdir") == nullptr);
  }
}

TEST_CASE("dockerfile pragmas: a pragma that suppressed nothing is reported") {
  SUBCASE("unused code is named") {
    auto fs = lint("FROM a:1\n# hadolint ignore=DL3008,DL3004\nRUN sudo make\n");
    const auto& f = require(fs, "policy-unused-suppression");
    CHECK(f.line == 2);
    CHECK(f.detector == hookguard::DetectorKind::policy);
    CHECK(f.message.find("DL3008") != std::string::npos);
    CHECK(f.message.find("DL3004,") == std::string::npos);
  }
  SUBCASE("shellcheck codes and rules disabled by config are not reported") {
    LintOptions opt;
    opt.config.rules["DL3008"].enabled = false;
    auto fs = lint("FROM a:1\n# hadolint ignore=SC2086,DL3008\nRUN echo $x\n", opt);
    CHECK(find_rule(fs, "policy-unused-suppression") == nullptr);
  }
}

TEST_CASE("dockerfile tricky shapes") {
  SUBCASE("a multi-line instruction spans lines and columns") {
    auto fs = lint("FROM a:1\n  RUN apt-get update \\\n    && apt-get install -y \\\n       curl\n");
    const auto& f = require(fs, "dockerfile-apt-unpinned");
    CHECK(f.line == 2);
    CHECK(f.column == 3);
    CHECK(f.end_line == 4);
    CHECK(f.end_column == 12);
    CHECK(f.excerpt == "RUN apt-get update \\");
    CHECK(f.path == "Dockerfile");
  }
  SUBCASE("heredoc RUN is linted as shell") {
    auto fs = lint("FROM a:1\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nEOF\nUSER 1\n");
    const auto& f = require(fs, "dockerfile-apt-unpinned");
    CHECK(f.end_line == 6);
    CHECK(has_unsuppressed(fs, "dockerfile-apt-lists-not-deleted"));
    CHECK(find_rule(fs, "dockerfile-no-user") == nullptr);  // USER after the heredoc is seen
  }
  SUBCASE("heredoc fed to another program is not shell") {
    auto fs = lint("FROM a:1\nRUN python3 <<EOF\nimport os\nsudo = 1\nEOF\nCOPY <<EOF /etc/app.conf\nsudo apt-get install x\nEOF\n");
    CHECK(find_rule(fs, "dockerfile-sudo") == nullptr);
    CHECK(find_rule(fs, "dockerfile-apt-unpinned") == nullptr);
  }
  SUBCASE("ONBUILD triggers are linted") {
    auto fs = lint("FROM a:1\nONBUILD RUN apt-get install -y curl\nONBUILD ADD app.py /app/\n");
    CHECK(require(fs, "dockerfile-apt-unpinned").line == 2);
    CHECK(require(fs, "dockerfile-add-instead-of-copy").line == 3);
  }
  SUBCASE("CRLF files report the same lines") {
    auto fs = lint("FROM a:1\r\nRUN sudo x \\\r\n  && y\r\nUSER 1\r\n");
    const auto& f = require(fs, "dockerfile-sudo");
    CHECK(f.line == 2);
    CHECK(f.end_line == 3);
    CHECK(f.excerpt == "RUN sudo x \\");
  }
  SUBCASE("escape=` Windows Dockerfile") {
    auto fs = lint("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\n"
                   "RUN Invoke-WebRequest https://x -OutFile C:\\x.zip ; `\n    Expand-Archive C:\\x.zip\nWORKDIR C:\\app\nUSER ContainerUser\n");
    CHECK(find_rule(fs, "dockerfile-syntax-error") == nullptr);
    CHECK(find_rule(fs, "dockerfile-workdir-relative") == nullptr);
    CHECK(find_rule(fs, "dockerfile-pipefail") == nullptr);
  }
  SUBCASE("ARG-provided image names and tags") {
    auto fs = lint("ARG BASE=debian\nARG TAG=latest\nFROM ${BASE}:${TAG}\n");
    CHECK(require(fs, "dockerfile-latest-tag").message.find("debian:latest") != std::string::npos);
    auto unknown = lint("ARG REGISTRY\nFROM ${REGISTRY}/app\n");
    CHECK(find_rule(unknown, "dockerfile-untagged-image") == nullptr);
    CHECK(find_rule(unknown, "dockerfile-image-not-pinned-by-digest") == nullptr);
  }
  SUBCASE("USER from a variable") {
    auto fs = lint("FROM a:1\nARG RUN_AS=root\nUSER ${RUN_AS}\n");
    CHECK(has_unsuppressed(fs, "dockerfile-last-user-root"));
  }
  SUBCASE("secrets never appear in excerpts") {
    auto fs = lint("FROM a:1\nENV API_TOKEN=abcd1234efgh5678ijkl OTHER=1\nRUN x\n");
    for (const auto& f : fs) CHECK(f.excerpt.find("efgh5678") == std::string::npos);
    CHECK(require(fs, "dockerfile-secret-in-env-arg").excerpt == "ENV API_TOKEN=abcd*****(20)");
  }
  SUBCASE("syntax errors are findings with lines, and linting continues") {
    auto fs = lint("FROM a:1\nRUN <<EOF\necho\n");
    CHECK(require(fs, "dockerfile-syntax-error").line == 2);
    auto more = lint("FROM a:1\nFROBNICATE\nRUN sudo x\n");
    CHECK(require(more, "dockerfile-syntax-error").line == 2);
    CHECK(has_unsuppressed(more, "dockerfile-sudo"));
  }
  SUBCASE("match keys ignore line numbers") {
    auto a = lint("FROM a:1\nRUN sudo   x\n");
    auto b = lint("FROM a:1\n\n\n# moved\nRUN sudo x\n");
    CHECK(require(a, "dockerfile-sudo").match_key == require(b, "dockerfile-sudo").match_key);
  }
}

// CPU-time bounds of the pathological cases; instrumented or unoptimized builds get slack.
#if defined(__SANITIZE_ADDRESS__) || !defined(NDEBUG)
constexpr double k_cpu_seconds = 30.0;
#else
constexpr double k_cpu_seconds = 3.0;
#endif

TEST_CASE("dockerfile pathological inputs stay fast") {
  SUBCASE("20,000 chained stages with stage pragmas, COPY --from and labels") {
    std::string text = "FROM a:1 AS s0\n";
    for (int i = 1; i <= 20000; ++i)
      text += "FROM s" + std::to_string(i - 1) + " AS s" + std::to_string(i) + "\n# hadolint stage ignore=DL3004\n"
              "RUN sudo apt-get update\nCOPY --from=s0 /a /b/\n# hadolint ignore=DL3059\nLABEL x=1\n";
    LintOptions opt;
    opt.config.rules["dockerfile-label-missing"].options["label_schema"] = {"version:semver"};
    std::clock_t start = std::clock();  // CPU time: the machine is shared
    auto fs = lint(text, opt);
    CHECK(double(std::clock() - start) / CLOCKS_PER_SEC < k_cpu_seconds);
    CHECK(find_rule(fs, "dockerfile-sudo"));
    CHECK_FALSE(has_unsuppressed(fs, "dockerfile-sudo"));
  }
  SUBCASE("deeply nested substitutions and unbalanced quotes") {
    std::string text = "FROM a:1\nRUN ";
    for (int i = 0; i < 5000; ++i) text += "$(echo \"";
    text += "\n";
    std::clock_t start = std::clock();
    CHECK_NOTHROW(lint(text));
    CHECK(double(std::clock() - start) / CLOCKS_PER_SEC < k_cpu_seconds);
  }
}

TEST_CASE("dockerfile robustness: mutated and random inputs never throw") {
  const std::string seed_text =
      "# escape=`\nFROM a:1 AS b\nRUN <<EOF\necho \"$(x`\nEOF\nCOPY --from=b [\"/a\", \"/b\"]\nONBUILD ONBUILD RUN x\n"
      "ENV A=${B:-${C:+x}} D='unterminated\nLABEL k=\"v\nUSER ${U:?}\n# hadolint ignore=,,\nHEALTHCHECK CMD\n";
  std::uint64_t state = 42;
  auto next = [&] { return state = state * 6364136223846793005ULL + 1442695040888963407ULL, state >> 33; };
  const std::string alphabet = "\\`$(){}[]\"' \t\n\r#=<-:/@AZaz09";
  for (int round = 0; round < 300; ++round) {
    std::string text = seed_text;
    for (int m = 0; m < 20; ++m) {
      auto pos = next() % (text.size() + 1);
      if (next() % 2) text.insert(pos, 1, alphabet[next() % alphabet.size()]);
      else if (pos < text.size()) text.erase(pos, 1);
    }
    if (round % 50 == 0) text.push_back('\0');
    CAPTURE(text);
    CHECK_NOTHROW(lint(text));
  }
}
