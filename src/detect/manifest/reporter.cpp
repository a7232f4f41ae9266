#include "detect/manifest/reporter.hpp"

#include <fmt/format.h>

namespace hookguard::manifest {
namespace {

constexpr std::size_t k_max_excerpt = 160;

// Rules judged on the whole new file rather than the changed lines (CONTRACTS.md §8): a
// committed Secret stays a leak whichever line changed, and a file that cannot be parsed (or is
// refused by a limit) cannot be linted at all.
bool whole_file_rule(std::string_view id) {
  return id == "manifest-secret-literal" || id == "manifest-parse-error" || id == "manifest-yaml-limit";
}

}  // namespace

std::string redact(std::string_view secret) {
  if (secret.size() >= 12) return fmt::format("{}*****({})", secret.substr(0, 4), secret.size());
  return fmt::format("*****({})", secret.size());
}

void Reporter::begin_resource(std::string resource_key, Suppressions suppressions) {
  m_resource_key = std::move(resource_key);
  m_suppressions = std::move(suppressions);
}

void Reporter::report(std::string_view rule_id, const YAML::Node& key, const YAML::Node& value,
                      std::string message, std::string_view field, std::string excerpt) {
  if (!active(rule_id)) return;
  std::string match_key = field.empty() ? m_resource_key : fmt::format("{}/{}", m_resource_key, field);
  Span span = span_of(m_text, key, value);
  std::size_t before = m_out.findings.size();
  report_span(rule_id, span, std::move(message), std::move(match_key));
  if (m_out.findings.size() > before && !excerpt.empty()) m_out.findings.back().excerpt = std::move(excerpt);
}

void Reporter::report_span(std::string_view rule_id, const Span& span, std::string message, std::string match_key) {
  const ActiveRule* rule = m_rules.find(rule_id);
  if (!rule) return;
  Finding f;
  f.rule_id = rule->info->id;
  f.detector = DetectorKind::manifest;
  f.severity = rule->severity;
  f.location = m_unit.location;
  f.path = m_unit.path;
  f.rel_path = m_unit.rel_path;
  f.commit = m_unit.commit;
  f.line = (span.line ? span.line : 1) + m_line_base;
  f.column = span.column ? span.column : 1;
  f.end_line = std::max(span.end_line + m_line_base, f.line);
  f.end_column = span.end_line ? span.end_column : f.column;
  f.message = std::move(message);
  f.excerpt = line_excerpt(span);
  f.match_key = std::move(match_key);
  f.file_scope = whole_file_rule(f.rule_id);
  if (auto reason = m_suppressions.reason_for(*rule->info)) f.suppressed_by = std::move(*reason);
  m_out.findings.push_back(std::move(f));
}

// Excerpts need the line's offset: scanning from the top per finding would be quadratic.
std::string Reporter::line_excerpt(const Span& span) const {
  std::size_t pos = span.line_offset >= 0 ? static_cast<std::size_t>(span.line_offset) : 0;
  for (std::uint32_t l = 1; span.line_offset < 0 && l < span.line && pos != std::string_view::npos; ++l) {
    pos = m_text.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  if (pos == std::string_view::npos || pos >= m_text.size()) return {};
  std::string_view text = m_text.substr(pos, m_text.find_first_of("\r\n", pos) - pos);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return std::string(text.substr(0, k_max_excerpt));
}

}  // namespace hookguard::manifest
