#include "policy/baseline.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace hookguard::policy {

std::set<std::string> load_baseline_fingerprints(const std::string& path) {
  std::set<std::string> out;
  std::error_code ec;
  if (path.empty() || !std::filesystem::exists(path, ec)) return out;
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("{}:0: cannot read the baseline", path));
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto fp = line.substr(0, line.find(' '));
    if (fp.size() != 16 || fp.find_first_not_of("0123456789abcdef") != std::string::npos)
      throw std::runtime_error(fmt::format("{}:{}: not a baseline entry (expected '<16 hex digits> <rule> <path>')", path, n));
    out.insert(fp);
  }
  return out;
}

std::string baseline_text(const std::vector<Decision>& decisions) {
  std::set<std::string> lines;
  for (const auto& d : decisions) {
    if (d.action == Action::suppressed || d.action == Action::info) continue;
    const auto& f = d.finding;
    lines.insert(fmt::format("{} {} {}", f.fingerprint, f.rule_id, f.location == LocationKind::file ? f.rel_path : to_string(f.location)));
  }
  std::string out = "# hookguard baseline: accepted findings, one per line (fingerprint rule path). Regenerate with `hookguard baseline`.\n";
  for (const auto& l : lines) out += l + '\n';
  return out;
}

}  // namespace hookguard::policy
