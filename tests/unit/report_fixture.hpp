// A ScanResult with one decision of every action, findings outside files, a tool error and
// hostile bytes (invalid UTF-8, control characters, XML/JSON metacharacters) for the reporters.
#pragma once

#include "pipeline.hpp"
#include "report/report.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace hookguard::test {

inline RuleInfo report_rule(std::string id, DetectorKind detector, Severity severity, std::vector<std::string> aliases) {
  RuleInfo r;
  r.id = std::move(id);
  r.detector = detector;
  r.severity = severity;
  r.aliases = std::move(aliases);
  r.title = "Title of " + r.id;
  r.help = "Help for " + r.id + ": rotate it & <remove> it.";
  return r;
}

inline Decision report_decision(const std::string& rule, Action action, Severity severity, std::string path, std::uint32_t line) {
  Decision d;
  d.action = action;
  d.reason = "reason for " + std::string(to_string(action));
  Finding& f = d.finding;
  f.rule_id = rule;
  f.detector = rule.rfind("secret-", 0) == 0 ? DetectorKind::secrets : DetectorKind::dockerfile;
  f.severity = severity;
  f.path = "./" + path;
  f.rel_path = path;
  f.line = line;
  f.column = 7;
  f.end_line = line;
  f.end_column = 47;
  f.message = "found " + rule;
  f.excerpt = "TOKEN=ghp_*****(40)";
  f.fingerprint = "9f2c4e1a7b3d5e6" + std::to_string(line % 10);
  return d;
}

inline ScanResult report_fixture() {
  auto catalog = std::make_shared<RuleCatalog>();
  catalog->add(report_rule("secret-github-pat", DetectorKind::secrets, Severity::critical, {"gitleaks:github-pat"}));
  catalog->add(report_rule("secret-generic-assignment", DetectorKind::secrets, Severity::medium, {}));
  catalog->add(report_rule("dockerfile-untagged-image", DetectorKind::dockerfile, Severity::medium, {"hadolint:DL3006"}));
  catalog->add(report_rule("secret-unused-rule", DetectorKind::secrets, Severity::low, {}));
  ScanResult result;
  result.catalog = catalog;
  auto& decisions = result.report.verdict.decisions;
  decisions.push_back(report_decision("secret-github-pat", Action::block, Severity::critical, "config/app.env", 3));
  decisions.push_back(report_decision("secret-github-pat", Action::block, Severity::critical, "config/app.env", 9));
  decisions.push_back(report_decision("secret-generic-assignment", Action::audit, Severity::medium, "dir with space/ü.txt", 1));
  decisions.push_back(report_decision("dockerfile-untagged-image", Action::info, Severity::medium, "Dockerfile", 1));
  decisions.push_back(report_decision("secret-generic-assignment", Action::suppressed, Severity::medium, "a.txt", 2));
  decisions.back().reason = "inline 'fixture' at line 2";
  decisions.push_back(report_decision("secret-generic-assignment", Action::suppressed, Severity::medium, "b.txt", 2));
  decisions.back().reason = "config allow (.hookguard.yaml:4): generated test keys";
  decisions.push_back(report_decision("secret-generic-assignment", Action::baselined, Severity::medium, "c.txt", 0));
  Decision in_message = report_decision("secret-github-pat", Action::block, Severity::critical, "", 0);
  in_message.finding.location = LocationKind::commit_message;
  in_message.finding.path.clear();
  in_message.finding.rel_path.clear();
  in_message.finding.commit = "0123456789abcdef0123456789abcdef01234567";
  decisions.push_back(in_message);
  Decision hostile = report_decision("secret-not-in-catalog", Action::audit, Severity::high, "odd\x01<&>\"'.txt", 4);
  hostile.finding.message = "bad bytes \xff\xfe and \x1b[31m escape ]]> </testcase>";
  decisions.push_back(hostile);
  result.report.verdict.outcome = Outcome::block;
  result.report.errors.push_back({"broken.yaml", 7, "cannot parse: <bad> & \x02"});
  result.report.stats.files = 6;
  return result;
}

inline std::string render(report::Format format, const ScanResult& result, report::ReportOptions options = {}) {
  options.aws_account_id = options.aws_account_id.empty() ? "123456789012" : options.aws_account_id;
  options.aws_region = options.aws_region.empty() ? "eu-west-1" : options.aws_region;
  std::ostringstream out;
  report::write_report(format, out, result, options);
  return out.str();
}

// Debian's interpreter (with python3-jsonschema) when present: it starts faster than a shim.
inline std::string python() { return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

// Runs a validator script from tests/e2e on `text`; returns its exit status, or -1 when python3
// (or the module the script needs) is not installed.
inline int run_validator(const std::string& script, const std::string& text, const std::string& module = "json") {
  if (std::system((python() + " -c 'import " + module + "' 2>/dev/null").c_str()) != 0) return -1;
  auto file = std::filesystem::temp_directory_path() / ("hookguard-report-" + std::to_string(::getpid()));
  std::ofstream(file, std::ios::binary) << text;
  std::string cmd = python() + " " + std::string(HOOKGUARD_SOURCE_DIR) + "/tests/e2e/" + script + " " + file.string();
  int status = std::system(cmd.c_str());
  std::filesystem::remove(file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// The rendered report must pass `script`, and a copy broken by replacing `from` with `to` must
// fail it: a validator that accepts anything proves nothing.
inline void check_validator_both_ways(report::Format format, const std::string& script, const std::string& module,
                                      const std::string& from, const std::string& to) {
  std::string text = render(format, report_fixture());
  int status = run_validator(script, text, module);
  if (status == -1) {
    MESSAGE("python3 module " << module << " is not installed: " << script << " skipped");
    return;
  }
  CHECK(status == 0);
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  CHECK(run_validator(script, text, module) == 1);
}

inline bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

}  // namespace hookguard::test
