#include "report/report.hpp"

namespace hookguard::report {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "sarif") return Format::sarif;
  if (name == "asff") return Format::asff;
  if (name == "junit") return Format::junit;
  return std::nullopt;
}

void write_report(Format format, std::ostream& out, const ScanResult& result, const ReportOptions& options) {
  switch (format) {
    case Format::text: return write_text(out, result, options);
    case Format::json: return write_json(out, result, options);
    case Format::sarif: return write_sarif(out, result, options);
    case Format::asff: return write_asff(out, result, options);
    case Format::junit: return write_junit(out, result, options);
  }
  throw ReportError("unknown report format");
}

}  // namespace hookguard::report
