// The Dockerfile detector: parse, build the model, run the enabled rules, honour hadolint's
// pragmas (they are structure-scoped, so they are applied here, not by policy), emit findings.
#include "detect/dockerfile/detector.hpp"
#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/pragmas.hpp"
#include "detect/dockerfile/run_shellcheck.hpp"
#include "detect/dockerfile/suppressor.hpp"
#include "detect/dockerfile/text.hpp"

#include <hookguard/detector.hpp>

#include <algorithm>
#include <atomic>
#include <set>
#include <unordered_map>

namespace hookguard {
namespace {

using namespace dockerfile;

constexpr std::string_view k_shellcheck_rules[] = {"dockerfile-shellcheck-error", "dockerfile-shellcheck-warning",
                                                   "dockerfile-shellcheck-info", "dockerfile-shellcheck-style"};

struct ActiveRule {
  const RuleInfo* info = nullptr;
  Severity severity = Severity::medium;
  bool enabled = false;
};

// Offsets of line starts, so a finding can say where its last line ends.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : m_text(text) {
    m_starts.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') m_starts.push_back(i + 1);
  }
  std::string_view line(std::uint32_t n) const {
    if (n == 0 || n > m_starts.size()) return {};
    std::size_t begin = m_starts[n - 1];
    std::size_t end = n < m_starts.size() ? m_starts[n] - 1 : m_text.size();
    auto l = m_text.substr(begin, end - begin);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
  }

 private:
  std::string_view m_text;
  std::vector<std::size_t> m_starts;
};

std::string excerpt_of(std::string_view line) {
  constexpr std::size_t k_max = 160;
  std::string out(trim(line));
  if (out.size() > k_max) out = out.substr(0, k_max) + "...";
  return out;
}

std::string normalized(const Unit& u) {
  std::string out = std::to_string(u.stage) + ":" + u.outer->keyword;
  constexpr std::size_t k_max = 512;
  bool space = true;
  for (char c : u.outer->raw) {
    if (out.size() >= k_max) break;
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    out.push_back(c);
    space = false;
  }
  if (out.size() > k_max) out.resize(k_max);  // the loop may overshoot by the separator
  return out;
}

std::optional<bool> dockerignore_exists(const ContentUnit& unit) {
  if (!unit.exists) return std::nullopt;
  auto slash = unit.rel_path.rfind('/');
  std::string dir = slash == std::string::npos ? std::string() : unit.rel_path.substr(0, slash + 1);
  return unit.exists(dir + ".dockerignore") || unit.exists(unit.rel_path + ".dockerignore");
}

std::vector<LabelSchemaEntry> parse_label_schema(const std::vector<std::string>& items) {
  std::vector<LabelSchemaEntry> out;
  for (const auto& item : items) {
    auto colon = item.rfind(':');
    if (colon == std::string::npos) out.push_back({item, "text"});
    else out.push_back({item.substr(0, colon), lower(trim(std::string_view(item).substr(colon + 1)))});
  }
  return out;
}

class DockerfileDetector final : public Detector {
 public:
  DockerfileDetector(const DetectorContext& ctx, std::shared_ptr<const ShellChecker> checker)
      : m_catalog(ctx.catalog), m_checker(std::move(checker)) {
    for (auto table : {image_rules(), apt_rules(), package_rules(), language_rules(), run_rules(), copy_rules(),
                       stage_rules(), instruction_rules(), label_rules(), secret_rules()})
      for (const auto& def : table) add_rule(ctx, def);
    for (auto id : {"dockerfile-syntax-error", "dockerfile-inline-ignore-pragma", "policy-unused-suppression"})
      m_rules[id] = state_of(ctx, id);
    for (auto id : k_shellcheck_rules) m_rules[id] = state_of(ctx, id);
    read_settings(ctx);
    read_disabled_shellcheck_codes(ctx.config);
  }

  DetectorKind kind() const override { return DetectorKind::dockerfile; }
  bool wants(const ContentUnit& unit) const override { return unit.kind == FileKind::dockerfile; }

  void scan(const ContentUnit& unit, ScanOutput& out) const override {
    Dockerfile file = parse(unit.text());
    Pragmas pragmas = read_pragmas(file);
    Model model = build_model(file, pragmas.non_posix_shell_lines);
    Lint lint(file, model, m_settings, dockerignore_exists(unit));
    for (auto check : m_checks) check(lint);
    run_shellcheck(unit, lint, out);
    for (const auto& e : file.errors) lint.report_line("dockerfile-syntax-error", e.line, e.message);
    for (const auto& p : pragmas.ignores)
      if (p.scope == PragmaScope::next) lint.report_line("dockerfile-inline-ignore-pragma", p.line, "inline ignore pragma " + p.label());
    emit(unit, lint, pragmas, out);
  }

 private:
  ActiveRule state_of(const DetectorContext& ctx, std::string_view id) const {
    ActiveRule r;
    r.info = ctx.catalog.find(id);
    if (r.info) r.enabled = rule_enabled(ctx, *r.info), r.severity = rule_severity(ctx, *r.info);
    return r;
  }

  void add_rule(const DetectorContext& ctx, const RuleDef& def) {
    ActiveRule r = state_of(ctx, def.id);
    m_rules[def.id] = r;
    if (r.enabled) m_checks.push_back(def.check);
  }

  void read_settings(const DetectorContext& ctx) {
    if (const RuleInfo* r = ctx.catalog.find("dockerfile-untrusted-registry"))
      m_settings.trusted_registries = rule_option(ctx, *r, "trusted_registries");
    if (const RuleInfo* r = ctx.catalog.find("dockerfile-label-missing"))
      m_settings.label_schema = parse_label_schema(rule_option(ctx, *r, "label_schema"));
    if (const RuleInfo* r = ctx.catalog.find("dockerfile-label-superfluous")) {
      auto v = rule_option(ctx, *r, "strict_labels");
      m_settings.strict_labels = !v.empty() && (v[0] == "true" || v[0] == "yes" || v[0] == "1");
    }
  }

  // `SC2086: {enabled: false}` (or .hadolint.yaml `ignored: [SC2086]`) names no rule of the
  // catalog: shellcheck codes are per comment, so they are filtered here.
  void read_disabled_shellcheck_codes(const Config& config) {
    for (const auto& [key, o] : config.rules) {
      std::string_view code = starts_with(key, "shellcheck:") ? std::string_view(key).substr(11) : std::string_view(key);
      if (starts_with(code, "SC") && o.enabled && !*o.enabled) m_disabled_sc.emplace(code);
    }
  }

  bool shellcheck_wanted() const {
    return std::any_of(std::begin(k_shellcheck_rules), std::end(k_shellcheck_rules),
                       [&](std::string_view id) { return m_rules.at(id).enabled; });
  }

  // hadolint's shellcheck pass: only RUNs on changed lines, one process per Dockerfile.
  void run_shellcheck(const ContentUnit& unit, Lint& lint, ScanOutput& out) const {
    if (!shellcheck_wanted()) return;
    if (!m_checker) {
      if (!m_told_missing.exchange(true)) out.notices.push_back("shellcheck is not on PATH: RUN scripts are not shell-checked");
      return;
    }
    auto changed = [&](const Unit& u) {
      for (auto line = u.outer->line; line <= u.outer->end_line; ++line)
        if (unit.line_added(line)) return true;
      return false;
    };
    if (!shellcheck_runs(lint, *m_checker, changed)) out.notices.push_back("shellcheck failed to run on " + unit.path);
  }

  void emit(const ContentUnit& unit, const Lint& lint, const Pragmas& pragmas, ScanOutput& out) const {
    LineIndex lines(unit.text());
    Suppressor suppressor(pragmas, m_catalog);
    for (const auto& hit : lint.hits) {
      auto it = m_rules.find(hit.rule);
      if (it == m_rules.end() || !it->second.enabled || (!hit.code.empty() && m_disabled_sc.count(hit.code))) continue;
      Finding f = make_finding(unit, hit, it->second, lines, lint.file.escape);
      f.suppressed_by = suppressor.cover(*it->second.info, hit.code, f.line);
      out.findings.push_back(std::move(f));
    }
    report_unused(unit, suppressor, lines, out);
  }

  Finding make_finding(const ContentUnit& unit, const Hit& hit, const ActiveRule& rule, const LineIndex& lines,
                       char escape) const {
    Finding f;
    f.rule_id = rule.info->id;
    f.detector = rule.info->detector;
    f.severity = rule.severity;
    f.path = unit.path;
    f.rel_path = unit.rel_path;
    f.commit = unit.commit;
    f.message = hit.message;
    const Instruction* ins = hit.unit ? hit.unit->outer : nullptr;
    f.line = ins ? ins->line : hit.line;
    f.column = ins ? ins->column : 1;
    f.end_line = ins ? ins->end_line : hit.line;
    f.end_column = static_cast<std::uint32_t>(lines.line(f.end_line).size() + 1);
    f.excerpt = hit.excerpt.empty() ? excerpt_of(lines.line(f.line)) : hit.excerpt;
    if (hit.unit && hit.excerpt.empty() && (hit.unit->ins->keyword == "ENV" || hit.unit->ins->keyword == "ARG"))
      f.excerpt = variables_excerpt(*hit.unit->ins, escape);
    // Stage + normalized instruction + what is wrong: two shellcheck notes on one RUN stay apart.
    f.match_key = (hit.unit ? normalized(*hit.unit) : std::string()) + "|" + hit.message;
    return f;
  }

  // Is an unused pragma code worth a finding? Codes of enabled rules and unknown codes are; SC
  // codes only when shellcheck ran (without it they could not have matched anything).
  bool worth_reporting(std::string_view code) const {
    const RuleInfo* r = m_catalog.find(code);
    if (!r) return !starts_with(code, "SC") || (m_checker && shellcheck_wanted());
    auto it = m_rules.find(r->id);
    return it != m_rules.end() && it->second.enabled;
  }

  void report_unused(const ContentUnit& unit, Suppressor& suppressor, const LineIndex& lines, ScanOutput& out) const {
    const ActiveRule& rule = m_rules.at("policy-unused-suppression");
    if (rule.info && !rule.enabled) return;
    for (const auto& u : suppressor.unused([&](std::string_view code) { return worth_reporting(code); })) {
      Finding f;
      f.rule_id = "policy-unused-suppression";
      f.detector = DetectorKind::policy;
      f.severity = rule.info ? rule.severity : Severity::info;
      f.path = unit.path, f.rel_path = unit.rel_path, f.commit = unit.commit;
      f.line = f.end_line = u.pragma->line;
      f.column = 1;
      f.end_column = static_cast<std::uint32_t>(lines.line(f.line).size() + 1);
      std::string codes;
      for (const auto& c : u.codes) codes += (codes.empty() ? "" : ", ") + c;
      f.message = u.pragma->label() + " suppressed nothing: " + codes;
      f.excerpt = std::string(trim(lines.line(f.line)));
      f.match_key = "unused:" + f.excerpt;
      out.findings.push_back(std::move(f));
    }
  }

  const RuleCatalog& m_catalog;
  std::shared_ptr<const ShellChecker> m_checker;
  mutable std::atomic<bool> m_told_missing{false};  // the missing-shellcheck notice, once
  std::unordered_map<std::string_view, ActiveRule> m_rules;
  std::vector<RuleCheck> m_checks;
  Settings m_settings;
  std::set<std::string, std::less<>> m_disabled_sc;
};

}  // namespace

std::unique_ptr<Detector> make_dockerfile_detector(const DetectorContext& ctx) {
  bool wanted = false;
  for (auto id : k_shellcheck_rules)
    if (const RuleInfo* r = ctx.catalog.find(id)) wanted = wanted || rule_enabled(ctx, *r);
  return make_dockerfile_detector(ctx, wanted ? make_process_shellchecker() : nullptr);
}

std::unique_ptr<Detector> make_dockerfile_detector(const DetectorContext& ctx, std::shared_ptr<const ShellChecker> checker) {
  return std::make_unique<DockerfileDetector>(ctx, std::move(checker));
}

}  // namespace hookguard
