// Turns rule hits into Findings for one unit: effective severity, location from node marks,
// excerpt, normalized match key ("Deployment/shop/web/containers[app]/securityContext.privileged")
// and the current resource's peer suppressions. One Reporter per scan() call: not shared.
#pragma once

#include "detect/manifest/rule_table.hpp"
#include "detect/manifest/suppression.hpp"
#include "detect/manifest/yaml_view.hpp"

#include <hookguard/detector.hpp>

#include <string>
#include <string_view>

namespace hookguard::manifest {

class Reporter {
 public:
  // `text` is what node marks count from: the whole file or one document of it, which starts
  // after `line_base` lines of the file.
  Reporter(const RuleTable& rules, const ContentUnit& unit, std::string_view text, std::uint32_t line_base,
           ScanOutput& out)
      : m_rules(rules), m_unit(unit), m_text(text), m_line_base(line_base), m_out(out),
        m_skip_comments(text.find("checkov:skip=") != std::string_view::npos) {}

  // Enters a resource: every finding until the next call is keyed under `resource_key` and
  // checked against `suppressions`.
  void begin_resource(std::string resource_key, Suppressions suppressions);

  // Is the rule enabled? Checks skip their work when not.
  bool active(std::string_view rule_id) const { return m_rules.find(rule_id) != nullptr; }
  const RuleTable& rules() const { return m_rules; }
  std::string_view text() const { return m_text; }
  // Does the file hold any "# checkov:skip=" comment? Asked per resource, answered once per file.
  bool has_skip_comments() const { return m_skip_comments; }

  // A finding spanning `key` (or `value` when key is null) to the end of `value`. `field` is the
  // match-key suffix under the current resource. The excerpt defaults to the first line of the
  // span; rules whose line may hold a secret pass a redacted one.
  void report(std::string_view rule_id, const YAML::Node& key, const YAML::Node& value,
              std::string message, std::string_view field, std::string excerpt = {});
  void report(std::string_view rule_id, const Field& at, std::string message, std::string_view field) {
    report(rule_id, at.key, at.value, std::move(message), field);
  }
  // A finding at a precomputed span relative to `text` (loader problems).
  void report_span(std::string_view rule_id, const Span& span, std::string message, std::string match_key);

 private:
  std::string line_excerpt(const Span& span) const;

  const RuleTable& m_rules;
  const ContentUnit& m_unit;
  std::string_view m_text;
  std::uint32_t m_line_base;
  ScanOutput& m_out;
  bool m_skip_comments;
  std::string m_resource_key;
  Suppressions m_suppressions;
};

// Secret redaction (CONTRACTS.md §3): "abcd*****(N)" for 12+ characters, else "*****(N)".
std::string redact(std::string_view secret);

}  // namespace hookguard::manifest
