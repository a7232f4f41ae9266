#include "detect/manifest/suppression.hpp"

#include <fmt/format.h>

namespace hookguard::manifest {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string reason_text(std::string_view tool, std::string_view detail) {
  detail = trim(detail);
  return detail.empty() ? std::string(tool) : fmt::format("{}: {}", tool, detail);
}

}  // namespace

Suppressions Suppressions::collect(const YAML::Node& annotations, std::string_view source,
                                   const RuleCatalog& catalog) {
  Suppressions out;
  if (annotations.IsMap())
    for (auto it = annotations.begin(); it != annotations.end(); ++it)
      out.add_annotation(scalar(it->first), scalar(it->second), catalog);
  // "# checkov:skip=CKV_K8S_20:reason" comments anywhere inside the resource.
  constexpr std::string_view k_marker = "checkov:skip=";
  for (auto pos = source.find(k_marker); pos != std::string_view::npos; pos = source.find(k_marker, pos + 1)) {
    std::string_view rest = source.substr(pos + k_marker.size());
    rest = rest.substr(0, rest.find_first_of("\r\n"));
    auto colon = rest.find(':');
    std::string_view id = trim(rest.substr(0, colon));
    std::string_view why = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    out.add(catalog.find(id), reason_text("checkov:skip", why));
  }
  return out;
}

// "CKV_K8S_20=reason" or just "CKV_K8S_20".
void Suppressions::add_checkov(std::string_view value, const RuleCatalog& catalog) {
  auto eq = value.find('=');
  std::string_view id = trim(value.substr(0, eq));
  std::string_view why = eq == std::string_view::npos ? std::string_view() : value.substr(eq + 1);
  add(catalog.find(id), reason_text("checkov.io/skip", why));
}

void Suppressions::add_annotation(std::string_view name, std::string_view value, const RuleCatalog& catalog) {
  constexpr std::string_view k_kube_linter = "ignore-check.kube-linter.io/";
  constexpr std::string_view k_polaris = "polaris.fairwinds.com/";
  constexpr std::string_view k_exempt = "-exempt";
  if (name.starts_with("checkov.io/skip")) {
    add_checkov(value, catalog);
  } else if (name.starts_with(k_kube_linter)) {
    std::string alias = fmt::format("kube-linter:{}", name.substr(k_kube_linter.size()));
    add(catalog.find(alias), reason_text(name, value));
  } else if (name == "kube-linter.io/ignore-all") {
    m_tools.emplace_back("kube-linter:", reason_text(name, value));
  } else if (name == "polaris.fairwinds.com/exempt" && trim(value) == "true") {
    m_tools.emplace_back("polaris:", std::string(name));
  } else if (name.starts_with(k_polaris) && name.ends_with(k_exempt) && trim(value) == "true") {
    auto check = name.substr(k_polaris.size(), name.size() - k_polaris.size() - k_exempt.size());
    add(catalog.find(fmt::format("polaris:{}", check)), std::string(name));
  }
}

void Suppressions::add(const RuleInfo* rule, std::string reason) {
  if (rule) m_rules.emplace_back(rule, std::move(reason));
}

std::optional<std::string> Suppressions::reason_for(const RuleInfo& rule) const {
  for (const auto& [suppressed, reason] : m_rules)
    if (suppressed == &rule) return reason;
  for (const auto& [prefix, reason] : m_tools)
    for (const auto& alias : rule.aliases)
      if (alias.starts_with(prefix)) return reason;
  return std::nullopt;
}

}  // namespace hookguard::manifest
