#include <hookguard/types.hpp>

#include <algorithm>
#include <array>

namespace hookguard {
namespace {

constexpr std::array<std::string_view, 5> k_severities = {"info", "low", "medium", "high", "critical"};
constexpr std::array<std::string_view, 5> k_detectors = {"secrets", "pii", "dockerfile", "manifest", "policy"};

}  // namespace

std::string_view to_string(Severity s) { return k_severities[static_cast<std::size_t>(s)]; }
std::string_view to_string(DetectorKind d) { return k_detectors[static_cast<std::size_t>(d)]; }

std::string_view to_string(LocationKind l) {
  constexpr std::array<std::string_view, 4> names = {"file", "commit-message", "tag-message", "ref"};
  return names[static_cast<std::size_t>(l)];
}

std::string_view to_string(Action a) {
  constexpr std::array<std::string_view, 5> names = {"block", "audit", "info", "suppressed", "baselined"};
  return names[static_cast<std::size_t>(a)];
}

std::string_view to_string(Outcome o) {
  constexpr std::array<std::string_view, 4> names = {"pass", "audit", "block", "error"};
  return names[static_cast<std::size_t>(o)];
}

std::optional<Severity> parse_severity(std::string_view s) {
  for (std::size_t i = 0; i < k_severities.size(); ++i)
    if (k_severities[i] == s) return static_cast<Severity>(i);
  return std::nullopt;
}

std::optional<DetectorKind> parse_detector(std::string_view s) {
  for (std::size_t i = 0; i < k_detectors.size(); ++i)
    if (k_detectors[i] == s) return static_cast<DetectorKind>(i);
  return std::nullopt;
}

bool ContentUnit::touches_added(std::uint32_t first, std::uint32_t last) const {
  for (const auto& r : added_lines)
    if (r.first <= std::max(first, last) && first <= r.last) return true;
  return false;
}

bool ContentUnit::line_added(std::uint32_t line) const {
  if (added_lines.empty()) return true;
  for (const auto& r : added_lines)
    if (r.contains(line)) return true;
  return false;
}

}  // namespace hookguard
