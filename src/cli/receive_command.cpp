// `hookguard pre-receive` (server hook; `<old> <new> <ref>` lines on stdin). Scans only commits
// new to the repository, read from the receive quarantine; applies the server's ref policy,
// time budget and push-option bypass; reports on stdout (git relays it as `remote:` lines, and
// GitHub Enterprise shows only stdout); records audit events. Nothing in the pushed content
// changes policy: config comes from the server (CONTRACTS.md §6).
#include "cli/hook_input.hpp"
#include "cli/verbs.hpp"
#include "config/loader.hpp"
#include "git/server_policy.hpp"
#include "git/sources.hpp"
#include "policy/audit_log.hpp"
#include "policy/baseline.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace hookguard::cli {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr const char* k_system_config = "/etc/hookguard/config.yaml";

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

// --config from the installed hook script, else the system file; then the repository's own
// hookguard.yaml in its git dir (an administrator's file, not pushed content) overrides.
Config load_server_config(const Options& o) {
  Config config;
  std::error_code ec;
  if (!o.config.empty()) config::load_file(o.config, config);
  else if (fs::exists(k_system_config, ec)) config::load_file(k_system_config, config);
  fs::path repo_file = fs::path(env("GIT_DIR").empty() ? "." : env("GIT_DIR")) / "hookguard.yaml";
  if (fs::exists(repo_file, ec)) config::load_file(repo_file.lexically_normal().string(), config);
  return config;
}

// `git push -o hookguard.skip=<reason>`: the reason, or nullopt when no such option was sent.
std::optional<std::string> skip_request() {
  int count = std::atoi(env("GIT_PUSH_OPTION_COUNT").c_str());
  for (int i = 0; i < count; ++i) {
    std::string opt = env(fmt::format("GIT_PUSH_OPTION_{}", i).c_str());
    if (opt == "hookguard.skip") return std::string("(no reason given)");
    if (opt.rfind("hookguard.skip=", 0) == 0) return opt.substr(15);
  }
  return std::nullopt;
}

class NothingToScan final : public UnitSource {
 public:
  void collect(const std::function<void(ContentUnit)>&, Report&) override {}
  std::string fingerprint_key(const std::string&) const override { return "hookguard-bypass"; }
};

// Policy decisions are not thresholds: a rejection blocks, an accepted exception is audited.
void add_decision(ScanResult& result, const Config& config, Finding f, Action action, std::string reason) {
  if (const RuleInfo* rule = result.catalog->find(f.rule_id)) f.severity = rule_severity({config, *result.catalog}, *rule);
  f.match_key.clear();
  Verdict& v = result.report.verdict;
  v.decisions.push_back({std::move(f), action, std::move(reason)});
  if (action == Action::block && v.outcome != Outcome::error) v.outcome = Outcome::block;
  if (action == Action::audit && v.outcome == Outcome::pass) v.outcome = Outcome::audit;
}

std::string pusher(const std::vector<RefUpdate>& updates) {
  for (const char* var : {"GL_USERNAME", "GITHUB_USER_LOGIN", "REMOTE_USER", "GITEA_PUSHER_NAME"})
    if (!env(var).empty()) return env(var);
  return git::pushed_author(updates);
}

std::string repository_name() {
  for (const char* var : {"GITHUB_REPO_NAME", "GL_PROJECT_PATH"})
    if (!env(var).empty()) return env(var);
  if (!env("GITEA_REPO_NAME").empty()) return env("GITEA_REPO_USER_NAME") + "/" + env("GITEA_REPO_NAME");
  std::error_code ec;
  return fs::absolute(env("GIT_DIR").empty() ? "." : env("GIT_DIR"), ec).lexically_normal().string();
}

// One record set per push: the decisions are not per ref (a commit can reach several).
void write_audit(const Config& config, const std::vector<RefUpdate>& updates, const Verdict& verdict, const std::string& event,
                 const std::string& reason) {
  if (config.audit_log.empty()) return;
  std::string refs;
  for (const auto& u : updates) refs += (refs.empty() ? "" : " ") + u.ref;
  bool single = updates.size() == 1;
  policy::AuditContext ctx{"pre-receive", repository_name(), refs, single ? updates[0].old_oid : "",
                           single ? updates[0].new_oid : "", pusher(updates), event, reason};
  std::string error;
  if (!policy::append_audit_log(config.audit_log, ctx, verdict, error))
    std::cerr << fmt::format("hookguard: {}: cannot write the audit log: {}\n", config.audit_log, error);
}

ScanResult scan_push(const Options& o, const Config& config, const std::vector<RefUpdate>& updates, git::TimeBudget& budget,
                     bool bypassed) {
  ScanOptions so;
  so.verbose = o.verbose;
  so.cache_dir = o.cache_dir;
  so.threads = o.threads;
  auto baseline = policy::load_baseline_fingerprints(config.baseline);
  if (bypassed) {
    NothingToScan nothing;
    return run_scan(config, nothing, so, baseline, "pre-receive");
  }
  auto source = git::make_receive_source(config, updates, budget);
  return run_scan(config, *source, so, baseline, "pre-receive");
}

int receive(const Options& o, const std::vector<RefUpdate>& updates, std::chrono::steady_clock::time_point start) {
  Config config = load_server_config(o);
  HookConfig hooks = config.hooks.count("pre-receive") ? config.hooks.at("pre-receive") : HookConfig{};
  git::TimeBudget budget;
  budget.deadline = start + hooks.time_budget.value_or(4000ms);
  auto skip = skip_request();
  bool bypassed = skip && hooks.bypass_push_option.value_or(false);
  ScanResult result = scan_push(o, config, updates, budget, bypassed);
  std::string event, reason;
  for (auto& f : git::ref_policy_findings(hooks, updates)) add_decision(result, config, std::move(f), Action::block, "server policy");
  if (bypassed) {
    event = "bypass", reason = *skip;
    add_decision(result, config, git::ref_finding("policy-push-bypassed", "(push)", fmt::format("scan skipped by push option: {}", *skip)),
                 Action::audit, "hooks.pre-receive.bypass_push_option is on; recorded");
  } else if (skip) {
    result.report.notices.push_back("push option hookguard.skip ignored: bypass_push_option is off on this server");
  }
  if (budget.expired) {
    bool accept = hooks.on_timeout.value_or(TimeoutAction::reject) == TimeoutAction::accept_and_audit;
    event = "timeout", reason = fmt::format("time budget of {} ms exhausted", hooks.time_budget.value_or(4000ms).count());
    add_decision(result, config, git::ref_finding("policy-time-budget-exceeded", "(push)", reason + "; the push was not fully scanned"),
                 accept ? Action::audit : Action::block, accept ? "on_timeout: accept-and-audit" : "on_timeout: reject");
  }
  int code = emit_reports(o, result, std::cout, "pre-receive");
  write_audit(config, updates, result.report.verdict, event, reason);
  if (budget.expired && code == 1) code = 2;  // could not decide: fail closed with the tool-error code
  return code;
}

}  // namespace

int pre_receive_command(const Options& o) {
  auto start = std::chrono::steady_clock::now();
  if (o.no_redact) throw UsageError("--no-redact is refused in pre-receive: the report is shown to the pusher");
  if (!o.positional.empty()) throw UsageError("pre-receive takes no arguments (ref updates on stdin)");
  auto updates = read_receive_lines(std::cin);
  return guard_git([&] { return receive(o, updates, start); });
}

}  // namespace hookguard::cli
