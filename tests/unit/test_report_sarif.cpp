#include <doctest/doctest.h>

#include "report_fixture.hpp"

using namespace hookguard;
using hookguard::test::render;
using hookguard::test::report_fixture;

using hookguard::test::has;

TEST_CASE("sarif: validates against the official SARIF 2.1.0 schema and GitHub's upload rules") {
  test::check_validator_both_ways(report::Format::sarif, "validate_sarif.py", "jsonschema",
                                  "\"columnKind\": \"unicodeCodePoints\"", "\"columnKind\": \"bytes\"");
}

TEST_CASE("sarif: driver, rules and results") {
  std::string s = render(report::Format::sarif, report_fixture());
  struct Row { const char* what; const char* needle; };
  const Row rows[] = {
      {"schema", R"("$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")"},
      {"version", R"("version": "2.1.0")"},
      {"driver", R"("name": "hookguard")"},
      {"semantic version", "\"semanticVersion\": \"" HOOKGUARD_VERSION "\""},
      {"rule name", R"("name": "SecretGithubPat")"},
      {"rule help markdown", R"("markdown": "**Title of secret-github-pat**\n\nHelp for secret-github-pat: rotate it & <remove> it.\n\nAlso known as: `gitleaks:github-pat`")"},
      {"critical score", R"("security-severity": "9.5")"},
      {"medium score", R"("security-severity": "5.5")"},
      {"default level", R"("level": "error")"},
      {"columns", R"("columnKind": "unicodeCodePoints")"},
      {"uri", R"("uri": "config/app.env")"},
      {"percent-encoded uri", R"("uri": "dir%20with%20space/%C3%BC.txt")"},
      {"hostile uri", R"("uri": "odd%01%3C%26%3E%22%27.txt")"},
      {"uri base", R"("uriBaseId": "%SRCROOT%")"},
      {"fingerprint", R"("hookguard/v1": "9f2c4e1a7b3d5e63")"},
      {"in-source suppression", R"("kind": "inSource")"},
      {"external suppression", R"("kind": "external")"},
      {"baseline justification", R"("justification": "reason for baselined")"},
      {"commit message goes to notifications", R"("text": "commit-message 0123456789abcdef0123456789abcdef01234567: found secret-github-pat")"},
      {"tool error notification", R"("text": "broken.yaml:7: cannot parse: <bad> & \u0002")"},
      {"execution failed", R"("executionSuccessful": false)"},
      {"invalid UTF-8 replaced", R"(bad bytes \ufffd\ufffd and \u001b[31m)"},
  };
  for (const auto& r : rows) {
    INFO(r.what);
    CHECK(has(s, r.needle));
  }
  CHECK_FALSE(has(s, "secret-unused-rule"));    // rules[] holds the rules that have results
  CHECK_FALSE(has(s, "\"startColumn\""));       // byte columns are not code-point columns
  CHECK(has(s, "\"byteColumn\": 7"));
}

TEST_CASE("sarif: levels follow the action, regions the lines") {
  ScanResult r = report_fixture();
  auto& d = r.report.verdict.decisions;
  d.erase(d.begin() + 1, d.end());
  SUBCASE("block is error") {
    CHECK(has(render(report::Format::sarif, r), "\"level\": \"error\",\n          \"message\""));
  }
  SUBCASE("audit is warning") {
    d[0].action = Action::audit;
    CHECK(has(render(report::Format::sarif, r), "\"level\": \"warning\",\n          \"message\""));
  }
  SUBCASE("info is note") {
    d[0].action = Action::info;
    CHECK(has(render(report::Format::sarif, r), "\"level\": \"note\",\n          \"message\""));
  }
  SUBCASE("multi-line finding keeps its end line") {
    d[0].finding.end_line = 9;
    CHECK(has(render(report::Format::sarif, r), "\"startLine\": 3,\n                  \"endLine\": 9"));
  }
  SUBCASE("a file-level finding (line 0) starts at line 1") {
    d[0].finding.line = d[0].finding.end_line = 0;
    CHECK(has(render(report::Format::sarif, r), "\"startLine\": 1,\n                  \"endLine\": 1"));
  }
  SUBCASE("no errors: execution successful, no notifications") {
    r.report.errors.clear();
    std::string s = render(report::Format::sarif, r);
    CHECK(has(s, "\"executionSuccessful\": true"));
    CHECK(has(s, "\"toolExecutionNotifications\": []"));
  }
}

TEST_CASE("sarif: an empty scan is a valid log with no results") {
  ScanResult r = report_fixture();
  r.report.verdict.decisions.clear();
  r.report.errors.clear();
  std::string s = render(report::Format::sarif, r);
  CHECK(has(s, "\"results\": []"));
  CHECK(has(s, "\"rules\": []"));
  int status = test::run_validator("validate_sarif.py", s, "jsonschema");
  CHECK((status == 0 || status == -1));
}
