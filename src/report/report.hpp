// Reporters: one file per format. Only the text reporter knows about terminals and colour.
#pragma once

#include "pipeline.hpp"

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

namespace hookguard::report {

enum class Format { text, json, sarif, asff, junit };
std::optional<Format> parse_format(std::string_view name);

struct ReportOptions {
  bool verbose = false;     // show info findings, skip reasons, notices
  bool color = false;       // text only: the caller decided (tty and no NO_COLOR)
  bool gitlab = false;      // prefix rejection lines with GL-HOOK-ERR:
  std::string hook;         // "scan", "pre-commit", ...
  // ASFF: account and region from config (asff.aws_account_id, asff.region); when empty, from
  // AWS_ACCOUNT_ID and AWS_REGION / AWS_DEFAULT_REGION. Neither set: ReportError.
  std::string aws_account_id, aws_region;
  std::string now;          // RFC 3339 time stamp for ASFF/JUnit; empty = the current time
};

// A report that cannot be written as asked (e.g. ASFF without an AWS account): exit 2.
class ReportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

void write_report(Format format, std::ostream& out, const ScanResult& result, const ReportOptions& options);

// Tool errors as `hookguard: path:line: message` lines (always to the person, whatever the format).
void write_errors(std::ostream& out, const Report& report);
// Neutralises terminal control characters (ESC, CR, ...) for text output.
std::string safe(std::string_view s);

void write_text(std::ostream& out, const ScanResult& result, const ReportOptions& options);
void write_json(std::ostream& out, const ScanResult& result, const ReportOptions& options);
void write_sarif(std::ostream& out, const ScanResult& result, const ReportOptions& options);  // SARIF 2.1.0
void write_asff(std::ostream& out, const ScanResult& result, const ReportOptions& options);   // AWS Security Hub
void write_junit(std::ostream& out, const ScanResult& result, const ReportOptions& options);  // JUnit XML

}  // namespace hookguard::report
