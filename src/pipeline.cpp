#include "pipeline.hpp"

#include "classify.hpp"
#include "detect/secrets/pattern_engine.hpp"
#include "policy/decide.hpp"
#include "policy/inline_suppressions.hpp"
#include "util/hash.hpp"
#include "util/work_queue.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <future>
#include <mutex>
#include <sstream>
#include <thread>

namespace hookguard {
namespace {

using Clock = std::chrono::steady_clock;

struct Detectors {
  std::vector<std::unique_ptr<Detector>> list;
};

// Step 1: the rule set, from the on-disk cache when valid.
std::string cache_dir(const Config& config, const ScanOptions& options) {
  return secrets::default_cache_dir(options.cache_dir.empty() ? config.cache_dir : options.cache_dir);
}

secrets::CompiledRules load_rules(const Config& config, const ScanOptions& options, std::vector<std::string>& notices) {
  return secrets::load_compiled_rules(config.extra_rule_files, cache_dir(config, options), notices);
}

// Step 2: one detector per enabled kind; the pattern detectors share one engine.
Detectors build_detectors(const DetectorContext& ctx, secrets::CompiledRules compiled) {
  Detectors d;
  const Config& c = ctx.config;
  if (c.secrets.enabled || c.pii.enabled)
    d.list.push_back(secrets::make_pattern_detector(std::make_shared<secrets::PatternEngine>(std::move(compiled), ctx)));
  if (c.pii.enabled)
    if (auto p = make_pii_dump_detector(ctx)) d.list.push_back(std::move(p));
  if (c.dockerfile.enabled)
    if (auto p = make_dockerfile_detector(ctx)) d.list.push_back(std::move(p));
  if (c.manifest.enabled)
    if (auto p = make_manifest_detector(ctx)) d.list.push_back(std::move(p));
  return d;
}

// Steps 1-2 together, prepared on a thread of their own while the source starts reading: loading
// the rule cache and reading git's index and blobs each took ~4 ms of a typical pre-commit, back
// to back. The context lives on the heap: detectors keep references to it.
struct Prepared {
  std::shared_ptr<const RuleCatalog> catalog;
  std::unique_ptr<DetectorContext> ctx;
  Detectors detectors;
  std::vector<std::string> notices;
};
using PreparedFuture = std::shared_future<std::shared_ptr<const Prepared>>;

std::shared_ptr<const Prepared> prepare(const Config& config, const ScanOptions& options) {
  auto p = std::make_shared<Prepared>();
  auto compiled = load_rules(config, options, p->notices);
  p->catalog = std::shared_ptr<const RuleCatalog>(compiled.rules, &compiled.rules->catalog);
  p->ctx = std::make_unique<DetectorContext>(DetectorContext{config, *p->catalog});
  p->detectors = build_detectors(*p->ctx, compiled);
  return p;
}

// Step 4: what a hook judges (CONTRACTS.md §8). Value rules: only findings on added lines.
// Linters: findings off the changed lines are kept but marked unchanged ("already there").
void judge_lines(const ContentUnit& unit, std::vector<Finding>& findings) {
  if (unit.whole_file()) return;
  std::erase_if(findings, [&](Finding& f) {
    if (f.file_scope || unit.touches_added(f.line, f.end_line)) return false;
    if (f.detector == DetectorKind::dockerfile || f.detector == DetectorKind::manifest) {
      f.unchanged = true;
      return false;
    }
    return true;
  });
}

Finding not_scanned(const ContentUnit& unit, const RuleCatalog& catalog, const Config& config, std::string why) {
  Finding f;
  const RuleInfo* rule = catalog.find("policy-file-not-scanned");
  f.rule_id = "policy-file-not-scanned";
  f.detector = DetectorKind::policy;
  f.severity = rule ? rule_severity({config, catalog}, *rule) : Severity::medium;
  f.path = unit.path, f.rel_path = unit.rel_path, f.commit = unit.commit;
  f.line = f.end_line = f.column = f.end_column = 1;
  f.message = std::move(why);
  f.match_key = "not-scanned";
  f.file_scope = true;
  return f;
}

// Step 3: scan one unit with every detector that wants it.
class UnitScanner {
 public:
  // Units wait for the prepared detectors (a rule file error is rethrown to each).
  UnitScanner(const Config& config, PreparedFuture prepared) : m_config(config), m_prepared(std::move(prepared)) {}

  void scan(ContentUnit unit) {
    m_prepared.wait();  // before any per-file clock starts (limits.file_time)
    ScanOutput out;
    unit.kind = classify(m_config, unit.rel_path, unit.kind);
    if (unit.kind == FileKind::oversize) {
      out.findings.push_back(not_scanned(unit, catalog(), m_config,
                                         fmt::format("not scanned: larger than limits.max_file_size ({} bytes)", m_config.max_file_size)));
    } else {
      if (unit.kind == FileKind::binary && !m_config.scan_binary) out.skipped.push_back("binary");
      run_detectors(unit, out);
      std::erase_if(out.findings, [&](const Finding& f) { return detector_excluded(m_config, f.detector, f.rel_path); });
      policy::apply_inline_suppressions(unit, catalog(), out.findings);
      judge_lines(unit, out.findings);
    }
    std::lock_guard lock(m_mutex);
    ++m_stats.files;
    m_stats.bytes += unit.text().size();
    m_stats.unconfirmed_hits += out.unconfirmed;
    for (const auto& s : out.skipped) {
      if (s == "binary") ++m_stats.skipped_binary;
      else if (s == "helm_template") ++m_stats.skipped_helm_template;
      m_stats.skipped_paths.push_back(fmt::format("{}: {}", unit.path, s));
    }
    if (unit.kind == FileKind::oversize) ++m_stats.skipped_oversize;
    for (auto& n : out.notices) m_notices.push_back(std::move(n));
    for (auto& f : out.findings) m_findings.push_back(std::move(f));
  }

  // limits.file_time, checked between detector passes: once a file is over its time the
  // remaining detectors are skipped and the file gets policy-file-not-scanned (what was already
  // found is kept). Fails closed: the finding blocks unless the config sets that rule's severity.
  void run_detectors(const ContentUnit& unit, ScanOutput& out) const {
    auto start = Clock::now();
    std::string skipped;
    for (const auto& d : detectors().list) {
      if (!d->wants(unit)) continue;
      if (d->kind() != DetectorKind::secrets && detector_excluded(m_config, d->kind(), unit.rel_path)) continue;
      if (Clock::now() - start > m_config.file_time) skipped += fmt::format("{}{}", skipped.empty() ? "" : ", ", to_string(d->kind()));
      else scan_guarded(*d, unit, out);
    }
    if (skipped.empty()) return;
    add_blocking_not_scanned(unit, out, fmt::format("not fully scanned: over limits.file_time ({} ms); skipped: {}", m_config.file_time.count(), skipped));
    out.skipped.push_back("timeout");
  }

  // A detector bug must not abort the hook (an exception escaping a worker thread would) nor
  // let the file pass: the file is reported as not scanned, blocking, and the others go on.
  void scan_guarded(const Detector& d, const ContentUnit& unit, ScanOutput& out) const {
    try {
      d.scan(unit, out);
    } catch (const std::exception& e) {
      add_blocking_not_scanned(unit, out, fmt::format("not fully scanned: internal error in the {} detector: {}", to_string(d.kind()), e.what()));
    }
  }

  void add_blocking_not_scanned(const ContentUnit& unit, ScanOutput& out, std::string message) const {
    Finding f = not_scanned(unit, catalog(), m_config, std::move(message));
    if (!m_config.rules.count(f.rule_id)) f.severity = std::max(f.severity, m_config.block);
    out.findings.push_back(std::move(f));
  }

  std::vector<Finding> take_findings() { return std::move(m_findings); }
  void merge_into(Report& report) {
    auto& s = report.stats;
    s.files += m_stats.files, s.bytes += m_stats.bytes, s.unconfirmed_hits += m_stats.unconfirmed_hits;
    s.skipped_binary += m_stats.skipped_binary, s.skipped_oversize += m_stats.skipped_oversize;
    s.skipped_helm_template += m_stats.skipped_helm_template;
    s.skipped_paths.insert(s.skipped_paths.end(), m_stats.skipped_paths.begin(), m_stats.skipped_paths.end());
    std::sort(m_notices.begin(), m_notices.end());
    m_notices.erase(std::unique(m_notices.begin(), m_notices.end()), m_notices.end());
    report.notices.insert(report.notices.end(), m_notices.begin(), m_notices.end());
  }

 private:
  const RuleCatalog& catalog() const { return *m_prepared.get()->catalog; }
  const Detectors& detectors() const { return m_prepared.get()->detectors; }

  const Config& m_config;
  PreparedFuture m_prepared;
  std::mutex m_mutex;
  ScanStats m_stats;
  std::vector<std::string> m_notices;
  std::vector<Finding> m_findings;
};

// Steps 3+: the source fills a bounded queue while workers drain it. Workers start on demand, up
// to `threads`: a small commit, where reading blobs is slower than scanning them, keeps one (each
// worker costs a thread and its scratch memory, a measurable part of a 20-file pre-commit). A
// source that emits from threads of its own has each unit scanned where it was emitted.
void scan_in_parallel(UnitSource& source, UnitScanner& scanner, unsigned threads, Report& report) {
  // Detector exceptions are findings already (UnitScanner::scan_guarded); anything else thrown
  // while judging a unit must still not escape a thread (std::terminate): it is a tool error,
  // which fails the run closed (exit 2). The source writes `report` meanwhile: keep them apart.
  std::mutex failed_mutex;
  std::vector<ToolError> failed;
  auto scan_one = [&](ContentUnit unit) {
    std::string path = unit.path;
    try {
      scanner.scan(std::move(unit));
    } catch (const std::exception& e) {
      std::lock_guard lock(failed_mutex);
      failed.push_back({path, 0, fmt::format("not scanned: {}", e.what())});
    }
  };
  auto report_failed = [&] {
    for (auto& e : failed) report.errors.push_back(std::move(e));
  };
  if (source.emit_from_threads(threads)) {
    try {
      source.collect(scan_one, report);
    } catch (...) {
      report_failed();
      throw;
    }
    report_failed();
    return;
  }
  util::WorkQueue<ContentUnit> queue(256);
  std::vector<std::thread> workers;
  std::mutex workers_mutex;  // emit may be called from several threads
  std::atomic<unsigned> started{1};
  auto start_worker = [&] {
    workers.emplace_back([&] {
      while (auto unit = queue.pop()) scan_one(std::move(*unit));
    });
  };
  start_worker();
  auto join = [&] {
    queue.close();
    for (auto& w : workers) w.join();
    report_failed();
  };
  try {
    source.collect(
        [&](ContentUnit u) {
          queue.push(std::move(u));
          if (started < threads && queue.size() > 1) {  // a backlog: more hands
            std::lock_guard lock(workers_mutex);
            if (workers.size() < threads) start_worker(), ++started;
          }
        },
        report);
  } catch (...) {
    join();
    throw;
  }
  join();
}

std::string fingerprint_key(const Config& config, const ScanOptions& options, UnitSource& source, Report& report) {
  if (config.fingerprint_key_file.empty()) return source.fingerprint_key(cache_dir(config, options));
  std::ifstream in(config.fingerprint_key_file, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in || ss.str().empty()) report.errors.push_back({config.fingerprint_key_file, 0, "cannot read fingerprint_key_file"});
  return ss.str();
}

// Step 5: stable fingerprints (never the line number), then the match text is forgotten.
void fingerprint(std::vector<Finding>& findings, const std::string& key) {
  for (auto& f : findings) {
    std::string where = f.location == LocationKind::file ? f.rel_path : std::string(to_string(f.location));
    auto mac = util::hmac_sha256(key, f.rule_id + '\0' + where + '\0' + f.match_key);
    f.fingerprint = util::to_hex(mac.data(), 8);
    f.match_key.clear();
    f.match_key.shrink_to_fit();
  }
}

void sort_findings(std::vector<Finding>& findings) {
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.path, a.line, a.rule_id, a.column, a.commit) < std::tie(b.path, b.line, b.rule_id, b.column, b.commit);
  });
}

}  // namespace

std::shared_ptr<const RuleCatalog> load_catalog(const Config& config, const ScanOptions& options, std::vector<std::string>& notices) {
  auto compiled = load_rules(config, options, notices);
  return std::shared_ptr<const RuleCatalog>(compiled.rules, &compiled.rules->catalog);
}

ScanResult run_scan(const Config& config, UnitSource& source, const ScanOptions& options, const std::set<std::string>& baseline,
                    const std::string& hook) {
  auto start = Clock::now();
  ScanResult result;
  result.aws_account_id = config.asff_account_id;
  result.aws_region = config.asff_region;
  Report& report = result.report;
  PreparedFuture prepared = std::async(std::launch::async, [&] { return prepare(config, options); }).share();
  UnitScanner scanner(config, prepared);
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  scan_in_parallel(source, scanner, threads, report);
  const Prepared& ready = *prepared.get();  // rethrows a rule file error
  report.notices.insert(report.notices.begin(), ready.notices.begin(), ready.notices.end());
  result.catalog = ready.catalog;
  scanner.merge_into(report);
  auto findings = scanner.take_findings();
  if (!findings.empty()) fingerprint(findings, fingerprint_key(config, options, source, report));
  sort_findings(findings);
  report.verdict = policy::decide(config, *result.catalog, hook, std::move(findings), baseline);
  if (!report.errors.empty()) report.verdict.outcome = Outcome::error;
  report.stats.duration_ms = std::uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count());
  return result;
}

}  // namespace hookguard
