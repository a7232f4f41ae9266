#include "detect/dockerfile/label_formats.hpp"

#include "detect/dockerfile/text.hpp"

#include <algorithm>
#include <cctype>

namespace hookguard::dockerfile {
namespace {

bool digits(std::string_view v, std::size_t pos, std::size_t n) {
  return pos + n <= v.size() && all_digits(v.substr(pos, n));
}

bool semver_number(std::string_view n) { return all_digits(n) && (n.size() == 1 || n[0] != '0'); }

bool identifiers(std::string_view v) {
  while (true) {
    auto dot = v.find('.');
    auto id = v.substr(0, dot);
    if (id.empty() || !std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }))
      return false;
    if (dot == std::string_view::npos) return true;
    v.remove_prefix(dot + 1);
  }
}

// The most used SPDX license identifiers (spdx.org/licenses); unknown ids are reported.
constexpr std::string_view k_spdx[] = {
    "0BSD", "AFL-3.0", "AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later", "Apache-1.1", "Apache-2.0",
    "APSL-2.0", "Artistic-2.0", "BSD-1-Clause", "BSD-2-Clause", "BSD-2-Clause-Patent", "BSD-3-Clause",
    "BSD-3-Clause-Clear", "BSD-4-Clause", "BSL-1.0", "BUSL-1.1", "CC-BY-3.0", "CC-BY-4.0", "CC-BY-SA-3.0",
    "CC-BY-SA-4.0", "CC-BY-NC-4.0", "CC0-1.0", "CDDL-1.0", "CDDL-1.1", "CECILL-2.1", "ECL-2.0", "EPL-1.0",
    "EPL-2.0", "EUPL-1.1", "EUPL-1.2", "GFDL-1.3", "GFDL-1.3-only", "GFDL-1.3-or-later", "GPL-1.0",
    "GPL-2.0", "GPL-2.0-only", "GPL-2.0-or-later", "GPL-3.0", "GPL-3.0-only", "GPL-3.0-or-later", "ISC",
    "LGPL-2.0", "LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1", "LGPL-2.1-only", "LGPL-2.1-or-later",
    "LGPL-3.0", "LGPL-3.0-only", "LGPL-3.0-or-later", "LPPL-1.3c", "MirOS", "MIT", "MIT-0", "MPL-1.1",
    "MPL-2.0", "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL", "NCSA", "ODbL-1.0", "OFL-1.1", "OpenSSL",
    "OSL-3.0", "PHP-3.01", "PostgreSQL", "Python-2.0", "Ruby", "SSPL-1.0", "Unicode-DFS-2016", "Unlicense",
    "UPL-1.0", "Vim", "W3C", "WTFPL", "X11", "Zlib", "ZPL-2.1"};

}  // namespace

bool is_uri(std::string_view v) {
  auto colon = v.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 == v.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(v[0]))) return false;
  for (char c : v.substr(0, colon))
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  return std::none_of(v.begin(), v.end(), [](char c) { return is_space(c) || c == '"' || c == '<' || c == '>'; });
}

bool is_rfc3339(std::string_view v) {
  if (v.size() < 20 || !digits(v, 0, 4) || v[4] != '-' || !digits(v, 5, 2) || v[7] != '-' || !digits(v, 8, 2)) return false;
  if (v[10] != 'T' && v[10] != 't' && v[10] != ' ') return false;
  if (!digits(v, 11, 2) || v[13] != ':' || !digits(v, 14, 2) || v[16] != ':' || !digits(v, 17, 2)) return false;
  std::size_t i = 19;
  if (v[i] == '.') {
    for (++i; i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])); ++i) {}
  }
  auto zone = v.substr(i);
  if (zone == "Z" || zone == "z") return true;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(zone, 1, 2) && zone[3] == ':' && digits(zone, 4, 2);
}

bool is_spdx_id(std::string_view v) {
  if (starts_with(v, "LicenseRef-") && v.size() > 11) return true;
  return std::find(std::begin(k_spdx), std::end(k_spdx), v) != std::end(k_spdx);
}

bool is_git_hash(std::string_view v) {
  return (v.size() == 7 || v.size() == 40) &&
         std::all_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || (c >= 'a' && c <= 'f'); });
}

bool is_semver(std::string_view v) {
  auto plus = v.find('+');
  if (plus != std::string_view::npos && !identifiers(v.substr(plus + 1))) return false;
  v = v.substr(0, plus);
  auto dash = v.find('-');
  if (dash != std::string_view::npos && !identifiers(v.substr(dash + 1))) return false;
  v = v.substr(0, dash);
  for (int part = 0; part < 3; ++part) {
    auto dot = v.find('.');
    if ((part < 2) == (dot == std::string_view::npos) || !semver_number(v.substr(0, dot))) return false;
    v = dot == std::string_view::npos ? std::string_view() : v.substr(dot + 1);
  }
  return true;
}

bool is_email(std::string_view v) {
  auto at = v.rfind('@');
  if (at == 0 || at == std::string_view::npos || at + 1 >= v.size()) return false;
  auto local = v.substr(0, at), domain = v.substr(at + 1);
  auto ok_local = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || contains("!#$%&'*+/=?^_`{|}~.-", std::string_view(&c, 1)); };
  auto ok_domain = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.'; };
  return std::all_of(local.begin(), local.end(), ok_local) && std::all_of(domain.begin(), domain.end(), ok_domain) &&
         domain.front() != '.' && domain.back() != '.' && !contains(domain, "..") && local.front() != '.' && local.back() != '.';
}

}  // namespace hookguard::dockerfile
