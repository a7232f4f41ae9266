// The whole-file PII check: customer-data dumps (rule pii-customer-data-dump). A file is a dump
// when it holds at least min_rows records whose header or keys name personal fields, or at
// least min_emails distinct real-looking email addresses. One finding per file, at the first
// record, with counts only: the excerpt never shows record content.
#include <hookguard/detector.hpp>

#include "detect/pii/email_census.hpp"
#include "detect/pii/record_files.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace hookguard {
namespace {

constexpr std::string_view k_rule = "pii-customer-data-dump";

std::size_t number_option(const DetectorContext& ctx, const RuleInfo& rule, const char* name, std::size_t fallback) {
  auto values = rule_option(ctx, rule, name);
  std::size_t n = fallback;
  if (!values.empty()) std::from_chars(values[0].data(), values[0].data() + values[0].size(), n);
  return n;
}

// Files that list people on purpose (project credits, changelogs) are not customer data.
bool lists_contributors(std::string_view rel_path) {
  std::size_t slash = rel_path.rfind('/');
  std::string_view base = rel_path.substr(slash == std::string_view::npos ? 0 : slash + 1);
  std::string stem(base.substr(0, base.find('.', 1)));  // "CHANGELOG.md" -> CHANGELOG, ".mailmap" stays
  for (char& c : stem) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  for (std::string_view name : {"AUTHORS", "CONTRIBUTORS", "MAINTAINERS", "CODEOWNERS", ".MAILMAP", "CHANGELOG",
                                "CHANGES", "CREDITS", "THANKS", "NEWS", "COPYRIGHT", "HISTORY"})
    if (stem == name) return true;
  return false;
}

class DumpDetector final : public Detector {
 public:
  DumpDetector(const DetectorContext& ctx, const RuleInfo& rule)
      : m_severity(rule_severity(ctx, rule)),
        m_min_rows(number_option(ctx, rule, "min_rows", 20)),
        m_min_emails(number_option(ctx, rule, "min_emails", 20)),
        m_ignored_domains(rule_option(ctx, rule, "ignored_domains")) {}

  DetectorKind kind() const override { return DetectorKind::pii; }
  bool wants(const ContentUnit& unit) const override {
    return unit.location == LocationKind::file && unit.kind != FileKind::binary && unit.kind != FileKind::oversize;
  }
  void scan(const ContentUnit& unit, ScanOutput& out) const override;

 private:
  Finding finding(const ContentUnit& unit, std::uint32_t line, std::string message, std::string excerpt,
                  std::string match_key) const;

  Severity m_severity;
  std::size_t m_min_rows, m_min_emails;
  std::vector<std::string> m_ignored_domains;
};

std::string join(const std::vector<std::string>& items, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > max) out += ", ...";
  return out;
}

void DumpDetector::scan(const ContentUnit& unit, ScanOutput& out) const {
  std::string_view text = unit.text();
  auto records = pii::find_personal_records(text, unit.rel_path);
  bool contributors = lists_contributors(unit.rel_path);
  auto emails = contributors ? pii::EmailCensus{} : pii::count_real_emails(text, m_ignored_domains);
  bool by_records = records && records->rows >= m_min_rows;
  bool by_emails = emails.distinct >= m_min_emails;
  if (!by_records && !by_emails) return;
  std::string email_part = emails.distinct ? fmt::format("{} distinct email addresses", emails.distinct) : "";
  if (by_records) {
    std::string message = fmt::format("{} records of personal data ({} fields: {})", records->rows, records->format,
                                      join(records->fields, 6));
    if (!email_part.empty()) message += "; " + email_part;
    std::string excerpt = fmt::format("{} records, {} personal fields{}", records->rows, records->fields.size(),
                                      email_part.empty() ? "" : ", " + email_part);
    out.findings.push_back(finding(unit, records->first_record_line, message, excerpt, "records:" + records->format));
    return;
  }
  out.findings.push_back(finding(unit, emails.first_line, email_part + " (a mailing or customer list)", email_part, "emails"));
}

Finding DumpDetector::finding(const ContentUnit& unit, std::uint32_t line, std::string message, std::string excerpt,
                              std::string match_key) const {
  Finding f;
  f.rule_id = std::string(k_rule);
  f.detector = DetectorKind::pii;
  f.severity = m_severity;
  f.location = unit.location;
  f.path = unit.path, f.rel_path = unit.rel_path, f.commit = unit.commit;
  f.line = f.end_line = std::max<std::uint32_t>(line, 1);
  f.column = f.end_column = 1;
  f.message = "Customer data dump: " + std::move(message);
  f.excerpt = std::move(excerpt);
  f.match_key = std::move(match_key);  // stable while the dump grows (CONTRACTS.md §8)
  f.file_scope = true;
  return f;
}

}  // namespace

std::unique_ptr<Detector> make_pii_dump_detector(const DetectorContext& ctx) {
  const RuleInfo* rule = ctx.catalog.find(k_rule);
  if (!rule || !rule_enabled(ctx, *rule)) return nullptr;
  return std::make_unique<DumpDetector>(ctx, *rule);
}

}  // namespace hookguard
