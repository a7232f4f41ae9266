#include "detect/secrets/redact.hpp"

#include <fmt/format.h>

namespace hookguard::secrets {
namespace {

std::string printable(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if ((unsigned char)c < 0x20 || c == 0x7f) c = '?';
  return out;
}

}  // namespace

std::string redact_secret(std::string_view secret) {
  if (secret.size() >= 12) return fmt::format("{}*****({})", printable(secret.substr(0, 4)), secret.size());
  return fmt::format("*****({})", secret.size());
}

std::string redact_personal(std::string_view value) {
  std::string digits;
  for (auto it = value.rbegin(); it != value.rend() && digits.size() < 4; ++it)
    if (*it >= '0' && *it <= '9') digits.insert(digits.begin(), *it);
  if (value.size() < 8) digits.clear();  // too short: even 4 digits say too much
  return fmt::format("*****{}({})", digits, value.size());
}

std::string excerpt_line(std::string_view line, std::size_t start, std::size_t end, std::string_view replacement) {
  constexpr std::size_t k_context = 70;
  start = std::min(start, line.size());
  end = std::min(std::max(end, start), line.size());
  std::size_t from = start > k_context ? start - k_context : 0;
  std::size_t to = std::min(line.size(), end + k_context);
  std::string out;
  if (from > 0) out += "...";
  out += printable(line.substr(from, start - from));
  out += replacement;
  out += printable(line.substr(end, to - end));
  if (to < line.size()) out += "...";
  return out;
}

}  // namespace hookguard::secrets
