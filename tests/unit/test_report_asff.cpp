#include <doctest/doctest.h>

#include "report_fixture.hpp"

#include <cstdlib>

using namespace hookguard;
using hookguard::test::render;
using hookguard::test::report_fixture;

namespace {

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// Sets or clears an environment variable for one scope.
struct EnvVar {
  std::string name;
  std::optional<std::string> old;
  EnvVar(std::string n, const char* value) : name(std::move(n)) {
    if (const char* v = std::getenv(name.c_str())) old = v;
    if (value) setenv(name.c_str(), value, 1);
    else unsetenv(name.c_str());
  }
  ~EnvVar() {
    if (old) setenv(name.c_str(), old->c_str(), 1);
    else unsetenv(name.c_str());
  }
};

}  // namespace

TEST_CASE("asff: passes the documented field checks") {
  test::check_validator_both_ways(report::Format::asff, "validate_asff.py", "json", "\"GeneratorId\"", "\"Generator\"");
}

TEST_CASE("asff: fields") {
  report::ReportOptions o;
  o.now = "2026-11-23T11:37:11.042Z";
  std::string s = render(report::Format::asff, report_fixture(), o);
  struct Row { const char* what; const char* needle; };
  const Row rows[] = {
      {"schema", R"("SchemaVersion": "2018-10-08")"},
      {"product arn", R"("ProductArn": "arn:aws:securityhub:eu-west-1:123456789012:product/123456789012/default")"},
      {"id", R"("Id": "hookguard/secret-github-pat/9f2c4e1a7b3d5e63")"},
      {"repeated fingerprint gets a suffix", R"("Id": "hookguard/secret-generic-assignment/9f2c4e1a7b3d5e62#2")"},
      {"commit in id", R"("Id": "hookguard/secret-github-pat/9f2c4e1a7b3d5e60/0123456789abcdef0123456789abcdef01234567")"},
      {"generator", R"("GeneratorId": "secret-github-pat")"},
      {"secret type", R"("Sensitive Data Identifications/Passwords")"},
      {"linter type", R"("Software and Configuration Checks/Industry and Regulatory Standards")"},
      {"time", R"("CreatedAt": "2026-11-23T11:37:11.042Z")"},
      {"severity", R"("Label": "CRITICAL")"},
      {"informational", R"("Label": "MEDIUM")"},
      {"resource", R"("Id": "config/app.env")"},
      {"message resource", R"("Id": "commit-message:0123456789abcdef0123456789abcdef01234567")"},
      {"suppressed workflow", R"("Status": "SUPPRESSED")"},
      {"fingerprint field", R"("hookguard/fingerprint": "9f2c4e1a7b3d5e63")"},
  };
  for (const auto& r : rows) {
    INFO(r.what);
    CHECK(has(s, r.needle));
  }
  CHECK_FALSE(has(s, "TOKEN="));  // no excerpt leaves for AWS
}

TEST_CASE("asff: description is clipped to 1024 bytes on a character boundary") {
  ScanResult r = report_fixture();
  r.report.verdict.decisions.resize(1);
  std::string message;
  while (message.size() < 3000) message += "é";
  r.report.verdict.decisions[0].finding.message = message;
  std::string s = render(report::Format::asff, r);
  auto start = s.find("\"Description\": \"") + 16;
  auto end = s.find('"', start);
  std::string description = s.substr(start, end - start);
  CHECK(description.size() <= 1024);
  CHECK(description.size() > 1000);
  CHECK(description.substr(description.size() - 5) == "é...");
  CHECK_FALSE(has(description, "\\ufffd"));
}

TEST_CASE("asff: account and region") {
  ScanResult r = report_fixture();
  report::ReportOptions o;
  std::ostringstream out;
  SUBCASE("from the environment when config sets none") {
    EnvVar account("AWS_ACCOUNT_ID", "210987654321"), region("AWS_REGION", nullptr), fallback("AWS_DEFAULT_REGION", "cn-north-1");
    report::write_asff(out, r, o);
    CHECK(has(out.str(), "arn:aws-cn:securityhub:cn-north-1:210987654321:product/210987654321/default"));
  }
  SUBCASE("config wins over the environment") {
    EnvVar account("AWS_ACCOUNT_ID", "210987654321"), region("AWS_REGION", "us-east-2");
    o.aws_account_id = "123456789012";
    o.aws_region = "us-gov-west-1";
    report::write_asff(out, r, o);
    CHECK(has(out.str(), "arn:aws-us-gov:securityhub:us-gov-west-1:123456789012:"));
  }
  SUBCASE("missing account is an error, not a made-up account") {
    EnvVar account("AWS_ACCOUNT_ID", nullptr), region("AWS_REGION", "eu-west-1");
    CHECK_THROWS_AS(report::write_asff(out, r, o), report::ReportError);
  }
  SUBCASE("malformed account is an error") {
    o.aws_account_id = "12345";
    o.aws_region = "eu-west-1";
    CHECK_THROWS_AS(report::write_asff(out, r, o), report::ReportError);
  }
  SUBCASE("missing region is an error") {
    EnvVar region("AWS_REGION", nullptr), fallback("AWS_DEFAULT_REGION", nullptr);
    o.aws_account_id = "123456789012";
    CHECK_THROWS_AS(report::write_asff(out, r, o), report::ReportError);
  }
}

TEST_CASE("asff: no findings is an empty batch") {
  ScanResult r = report_fixture();
  r.report.verdict.decisions.clear();
  CHECK(render(report::Format::asff, r) == "[]\n");
}
