#include <doctest/doctest.h>

#include "policy/audit_log.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace hookguard;
using hookguard::policy::AuditContext;

namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "hg-audit-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

Decision decision(Action action, const std::string& rule, const std::string& reason) {
  Decision d;
  d.action = action;
  d.reason = reason;
  d.finding.rule_id = rule;
  d.finding.severity = Severity::high;
  d.finding.path = "./config/app.env";
  d.finding.rel_path = "config/app.env";
  d.finding.line = 3;
  d.finding.commit = "0123456789abcdef0123456789abcdef01234567";
  d.finding.message = "MESSAGE-NOT-LOGGED";
  d.finding.excerpt = "EXCERPT-NOT-LOGGED";
  d.finding.match_key = "SECRET-NOT-LOGGED";
  d.finding.fingerprint = "9f2c4e1a7b3d5e60";
  return d;
}

AuditContext context() {
  AuditContext c;
  c.hook = "pre-receive";
  c.repository = "group/project";
  c.ref = "refs/heads/main";
  c.old_oid = "1111111111111111111111111111111111111111";
  c.new_oid = "2222222222222222222222222222222222222222";
  c.pusher = "alice";
  return c;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string without_time(const std::string& line) {
  static const std::regex time(R"("time":"[^"]*")");
  return std::regex_replace(line, time, "\"time\":\"T\"");
}

}  // namespace

TEST_CASE("audit records: audit and block decisions, never the secret") {
  Verdict v;
  v.decisions = {decision(Action::block, "secret-a", "severity high >= block level high"),
                 decision(Action::audit, "secret-b", "severity medium >= audit level medium"),
                 decision(Action::info, "secret-c", "below"), decision(Action::suppressed, "secret-d", "inline"),
                 decision(Action::baselined, "secret-e", "in the baseline")};
  auto t = std::chrono::system_clock::time_point(std::chrono::milliseconds(1795435031042));
  auto lines = lines_of(policy::audit_records(context(), v, t));
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] ==
        R"({"time":"2026-11-23T11:57:11.042Z","hook":"pre-receive","repository":"group/project",)"
        R"("ref":"refs/heads/main","old":"1111111111111111111111111111111111111111",)"
        R"("new":"2222222222222222222222222222222222222222","pusher":"alice","event":"finding",)"
        R"("rule_id":"secret-a","severity":"high","action":"block","reason":"severity high >= block level high",)"
        R"("location":"file","path":"config/app.env","line":3,"commit":"0123456789abcdef0123456789abcdef01234567",)"
        R"("fingerprint":"9f2c4e1a7b3d5e60"})");
  CHECK(lines[1].find(R"("rule_id":"secret-b")") != std::string::npos);
  for (const auto& l : lines) {
    CHECK(l.find("NOT-LOGGED") == std::string::npos);
  }
}

TEST_CASE("audit records: the event record comes first, even with no findings") {
  AuditContext c = context();
  c.event = "bypass";
  c.reason = "push option hookguard.bypass=incident-42";
  c.pusher.clear();
  auto lines = lines_of(policy::audit_records(c, Verdict{}, std::chrono::system_clock::now()));
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find(R"("pusher":null,"event":"bypass","reason":"push option hookguard.bypass=incident-42"})") !=
        std::string::npos);
  CHECK(policy::audit_records(context(), Verdict{}, std::chrono::system_clock::now()).empty());
}

TEST_CASE("append_audit_log: file creation and errors") {
  TempDir dir;
  Verdict v;
  v.decisions = {decision(Action::audit, "secret-a", "r")};
  std::string error;
  SUBCASE("creates the file with mode 0640") {
    mode_t old = umask(022);
    fs::path log = dir.path / "audit.jsonl";
    REQUIRE(policy::append_audit_log(log.string(), context(), v, error));
    umask(old);
    struct stat st{};
    REQUIRE(stat(log.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
    REQUIRE(policy::append_audit_log(log.string(), context(), v, error));
    CHECK(lines_of(read_file(log)).size() == 2);
  }
  SUBCASE("missing parent directory is an error naming the file") {
    fs::path log = dir.path / "missing" / "audit.jsonl";
    CHECK_FALSE(policy::append_audit_log(log.string(), context(), v, error));
    CHECK(error.find(log.string()) != std::string::npos);
    CHECK_FALSE(fs::exists(log));
  }
  SUBCASE("nothing to record leaves the file alone") {
    fs::path log = dir.path / "audit.jsonl";
    CHECK(policy::append_audit_log(log.string(), context(), Verdict{}, error));
    CHECK_FALSE(fs::exists(log));
  }
}

// 20 processes x 200 appends of ~6 KiB batches (larger than PIPE_BUF, so only the lock and the
// single write keep them whole): every line must come back exactly once and intact.
TEST_CASE("append_audit_log: 20 concurrent writer processes, no lost or torn lines") {
  constexpr int k_writers = 20, k_records = 200;
  TempDir dir;
  fs::path log = dir.path / "audit.jsonl";
  auto verdict_for = [](int writer, int record) {
    std::string tag = "w" + std::to_string(writer) + "-r" + std::to_string(record) + "-";
    Verdict v;
    v.decisions = {decision(Action::audit, "rule-" + tag, tag + std::string(3000, 'a')),
                   decision(Action::block, "rule-" + tag + "b", tag + std::string(3000, 'b'))};
    return v;
  };
  std::vector<pid_t> children;
  for (int w = 0; w < k_writers; ++w) {
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      std::string error;
      for (int r = 0; r < k_records; ++r)
        if (!policy::append_audit_log(log.string(), context(), verdict_for(w, r), error)) _exit(1);
      _exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    REQUIRE(waitpid(pid, &status, 0) == pid);
    CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
  }
  std::map<std::string, int> seen;
  for (const auto& line : lines_of(read_file(log))) ++seen[without_time(line)];
  std::size_t expected_lines = 0;
  for (int w = 0; w < k_writers; ++w)
    for (int r = 0; r < k_records; ++r)
      for (const auto& line : lines_of(policy::audit_records(context(), verdict_for(w, r), {}))) {
        ++expected_lines;
        CHECK(seen[without_time(line)] == 1);
      }
  CHECK(seen.size() == expected_lines);
}
