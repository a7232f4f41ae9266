#include "policy/inline_suppressions.hpp"

#include "util/text.hpp"

#include <fmt/format.h>

#include <cstring>
#include <string>

namespace hookguard::policy {
namespace {

struct Suppression {
  std::uint32_t first_line = 0, last_line = 0;  // lines whose findings it covers
  std::vector<std::string> ids;                 // empty = every rule
  std::string reason;
  std::uint32_t at_line = 0, at_column = 0;
  bool ours = false;
  bool used = false;
};

// The rule ids after a marker: "hookguard:allow a,b -- why" -> {a, b}, reason "why".
void parse_ids(std::string_view rest, Suppression& s) {
  auto dashes = rest.find("--");
  if (dashes != std::string_view::npos) {
    auto reason = rest.substr(dashes + 2);
    while (!reason.empty() && reason.front() == ' ') reason.remove_prefix(1);
    s.reason = std::string(reason);
    rest = rest.substr(0, dashes);
  }
  std::string token;
  auto flush = [&] {
    if (!token.empty()) s.ids.push_back(token);
    token.clear();
  };
  for (char c : rest) {
    if (c == ',' || c == ' ' || c == '\t') flush();
    else if (std::isalnum((unsigned char)c) || c == '-' || c == '_' || c == ':' || c == '*') token += c;
    else break;  // end of the id list (e.g. a closing comment marker)
  }
  flush();
}

bool comment_only(std::string_view line, std::size_t marker_at) {
  for (std::size_t i = 0; i < marker_at; ++i) {
    char c = line[i];
    if (c != ' ' && c != '\t' && c != '#' && c != '/' && c != '*' && c != '-' && c != ';' && c != '<' && c != '!')
      return false;
  }
  return true;
}

std::uint32_t document_end(std::string_view text, std::size_t from, util::LineCounter lines) {
  auto sep = text.find("\n---", from);
  return sep == std::string_view::npos ? UINT32_MAX : lines.at(sep + 1).line;
}

void find_marker(std::string_view text, std::string_view marker, std::vector<std::pair<std::size_t, std::string_view>>& out) {
  const char* base = text.data();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* hit = memmem(base + pos, text.size() - pos, marker.data(), marker.size());
    if (!hit) return;
    std::size_t at = std::size_t(static_cast<const char*>(hit) - base);
    out.emplace_back(at, marker);
    pos = at + marker.size();
  }
}

std::vector<Suppression> collect(std::string_view text) {
  std::vector<std::pair<std::size_t, std::string_view>> hits;
  for (std::string_view m : {"hookguard:allow", "gitleaks:allow", "trufflehog:ignore", "pragma: allowlist", "checkov:skip="})
    find_marker(text, m, hits);
  std::vector<Suppression> out;
  util::LineCounter lines(text);
  std::sort(hits.begin(), hits.end());
  for (auto [at, marker] : hits) {
    Suppression s;
    auto lc = lines.at(at);
    s.at_line = lc.line, s.at_column = lc.column;
    s.first_line = s.last_line = lc.line;
    auto line = lines.line_text(at);
    std::size_t in_line = at - std::size_t(line.data() - text.data());
    auto rest = line.substr(std::min(line.size(), in_line + marker.size()));
    if (marker == "hookguard:allow") {
      s.ours = true;
      parse_ids(rest, s);
      if (comment_only(line, in_line)) s.first_line = s.last_line = lc.line + 1;
    } else if (marker == "pragma: allowlist") {
      if (rest.find("nextline") != std::string_view::npos) s.first_line = s.last_line = lc.line + 1;
    } else if (marker == "checkov:skip=") {
      parse_ids(rest.substr(0, rest.find(':')), s);
      s.reason = std::string(rest.substr(std::min(rest.size(), rest.find(':') + 1)));
      s.last_line = document_end(text, at, lines);
    }
    if (s.reason.empty()) s.reason = std::string(marker);
    out.push_back(std::move(s));
  }
  return out;
}

bool covers(const Suppression& s, const Finding& f, const RuleCatalog& catalog) {
  if (f.line < s.first_line || f.line > s.last_line) return false;
  if (s.ids.empty()) return true;
  const RuleInfo* rule = catalog.find(f.rule_id);
  for (const auto& id : s.ids)
    if (id == f.rule_id || (rule && catalog.refers_to(id, *rule))) return true;
  return false;
}

}  // namespace

void apply_inline_suppressions(const ContentUnit& unit, const RuleCatalog& catalog, std::vector<Finding>& findings) {
  if (unit.location != LocationKind::file) return;
  // Hot path: a clean unit only needs the one marker whose staleness is reported.
  std::string_view text = unit.text();
  constexpr std::string_view k_ours = "hookguard:allow";
  if (findings.empty() && !memmem(text.data(), text.size(), k_ours.data(), k_ours.size())) return;
  auto suppressions = collect(text);
  if (suppressions.empty()) return;
  for (auto& f : findings) {
    if (!f.suppressed_by.empty()) continue;
    for (auto& s : suppressions) {
      if (!covers(s, f, catalog)) continue;
      s.used = true;
      f.suppressed_by = fmt::format("inline '{}' at line {}", s.reason, s.at_line);
      break;
    }
  }
  const RuleInfo* unused = catalog.find("policy-unused-suppression");
  for (const auto& s : suppressions) {
    if (s.used || !s.ours || !unused) continue;
    Finding f;
    f.rule_id = unused->id;
    f.detector = DetectorKind::policy;
    f.severity = unused->severity;
    f.path = unit.path, f.rel_path = unit.rel_path, f.commit = unit.commit;
    f.line = f.end_line = s.at_line, f.column = s.at_column, f.end_column = s.at_column + 15;
    f.message = "hookguard:allow suppresses no finding here: remove it";
    f.excerpt = "hookguard:allow";
    f.match_key = fmt::format("unused-allow:{}", fmt::join(s.ids, ","));
    findings.push_back(std::move(f));
  }
}

}  // namespace hookguard::policy
