#include <doctest/doctest.h>

#include "report_fixture.hpp"

using namespace hookguard;
using hookguard::test::render;
using hookguard::test::report_fixture;

using hookguard::test::has;

TEST_CASE("junit: parses as XML and its counts match its testcases") {
  test::check_validator_both_ways(report::Format::junit, "validate_junit.py", "xml.etree.ElementTree", "failures=\"3\"",
                                  "failures=\"2\"");
}

TEST_CASE("junit: suites, cases and escaping") {
  report::ReportOptions o;
  o.now = "2026-11-23T11:37:11.042Z";
  std::string s = render(report::Format::junit, report_fixture(), o);
  struct Row { const char* what; const char* needle; };
  const Row rows[] = {
      {"root", R"(<testsuites name="hookguard" tests="10" failures="3" errors="1" skipped="3")"},
      {"suite per detector", R"(<testsuite name="hookguard.secrets" tests="8" failures="3" errors="0" skipped="3" time="0" timestamp="2026-11-23T11:37:11">)"},
      {"linter suite", R"(<testsuite name="hookguard.dockerfile" tests="1")"},
      {"failure for block", R"(<failure message="secret-github-pat [critical] Title of secret-github-pat" type="secret-github-pat">)"},
      {"skipped for suppressed", R"(<skipped message="suppressed: inline &apos;fixture&apos; at line 2"/>)"},
      {"skipped for baselined", R"(<skipped message="baselined: reason for baselined"/>)"},
      {"property", R"(<property name="fingerprint" value="9f2c4e1a7b3d5e63"/>)"},
      {"escaped file name", R"(file="./odd&lt;&amp;&gt;&quot;&apos;.txt")"},
      {"message location", R"(name="commit-message 0123456789ab secret-github-pat")"},
      {"error case", R"(<error message="cannot parse: &lt;bad&gt; &amp; " type="tool-error">)"},
      {"invalid UTF-8 replaced", "bad bytes \xEF\xBF\xBD\xEF\xBF\xBD and [31m escape ]]&gt; &lt;/testcase&gt;"},
  };
  for (const auto& r : rows) {
    INFO(r.what);
    CHECK(has(s, r.needle));
  }
  CHECK_FALSE(has(s, "\x1b"));  // illegal in XML 1.0: dropped
  CHECK_FALSE(has(s, "\x01"));
  CHECK_FALSE(has(s, "\x02"));
}

TEST_CASE("junit: a clean run still shows one passing testcase") {
  ScanResult r = report_fixture();
  r.report.verdict.decisions.clear();
  r.report.errors.clear();
  report::ReportOptions o;
  o.hook = "pre-commit";
  std::string s = render(report::Format::junit, r, o);
  CHECK(has(s, R"(<testsuites name="hookguard" tests="1" failures="0" errors="0" skipped="0")"));
  CHECK(has(s, R"(<testcase name="pre-commit: no findings" classname="hookguard" time="0"/>)"));
  int status = test::run_validator("validate_junit.py", s, "xml.etree.ElementTree");
  CHECK((status == 0 || status == -1));
}
