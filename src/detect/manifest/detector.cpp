// The deployment manifest linter: Kubernetes objects, ECS task definitions, docker-compose and
// Kustomize files, recognised by content among every *.yaml/*.yml/*.json unit the source module
// marks as a manifest candidate. Immutable after construction; scan() keeps its state on the stack.
#include <hookguard/detector.hpp>

#include "detect/manifest/discovery.hpp"
#include "detect/manifest/loader.hpp"
#include "detect/manifest/reporter.hpp"
#include "detect/manifest/rule_table.hpp"

#include <charconv>

namespace hookguard {
namespace {

using namespace manifest;

// Helm chart templates are Go templates, not YAML: a parse error there would be noise.
bool helm_template(const ContentUnit& unit) {
  std::string_view path = unit.rel_path.empty() ? std::string_view(unit.path) : std::string_view(unit.rel_path);
  bool under_templates = path.starts_with("templates/") || path.find("/templates/") != std::string_view::npos;
  return under_templates && unit.text().find("{{") != std::string_view::npos;
}

std::size_t limit_option(const RuleTable& rules, const std::string& name, std::size_t fallback) {
  auto values = rules.option("manifest-yaml-limit", name);
  std::size_t value = 0;
  if (values.empty()) return fallback;
  auto [end, ec] = std::from_chars(values[0].data(), values[0].data() + values[0].size(), value);
  return ec == std::errc() && end == values[0].data() + values[0].size() && value > 0 ? value : fallback;
}

LoadLimits limits_from(const RuleTable& rules) {
  LoadLimits defaults;
  return LoadLimits{limit_option(rules, "max_bytes", defaults.max_bytes),
                    limit_option(rules, "max_documents", defaults.max_documents),
                    limit_option(rules, "max_nodes", defaults.max_nodes),
                    static_cast<int>(limit_option(rules, "max_depth", static_cast<std::size_t>(defaults.max_depth)))};
}

class ManifestDetector final : public Detector {
 public:
  explicit ManifestDetector(const DetectorContext& ctx) : m_rules(ctx), m_limits(limits_from(m_rules)) {}

  DetectorKind kind() const override { return DetectorKind::manifest; }
  bool wants(const ContentUnit& unit) const override { return unit.kind == FileKind::manifest; }

  void scan(const ContentUnit& unit, ScanOutput& out) const override {
    if (helm_template(unit)) {
      out.skipped.emplace_back("helm_template");
      return;
    }
    std::string_view input = unit.text();
    if (!may_be_manifest(input.substr(0, m_limits.max_bytes), unit.path)) return;
    Split split = split_documents(input, m_limits);
    Reporter file(m_rules, unit, input, 0, out);
    for (const auto& problem : split.problems) file.report_span(problem.rule_id, problem.span, problem.message, problem.match_key);
    for (const auto& chunk : split.chunks) {
      Loaded loaded = load_documents(chunk.text, m_limits);
      Reporter reporter(m_rules, unit, loaded.text(chunk.text), chunk.first_line, out);
      for (const auto& problem : loaded.problems)
        reporter.report_span(problem.rule_id, problem.span, problem.message, problem.match_key);
      for (const auto& document : loaded.documents) lint_document(document, unit.path, reporter);
    }
  }

 private:
  RuleTable m_rules;
  LoadLimits m_limits;
};

}  // namespace

std::unique_ptr<Detector> make_manifest_detector(const DetectorContext& ctx) {
  return std::make_unique<ManifestDetector>(ctx);
}

}  // namespace hookguard
