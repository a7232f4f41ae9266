#include "detect/secrets/placeholder.hpp"

#include <array>

namespace hookguard::secrets {
namespace {

bool has_template_syntax(std::string_view s) {
  for (std::string_view marker : {"${", "$(", "{{", "%(", "#{", "<%"})
    if (s.find(marker) != std::string_view::npos) return true;
  return s.size() >= 2 && s.front() == '<' && s.back() == '>';
}

bool mostly_one_char(std::string_view s) {
  std::array<std::size_t, 256> counts{};
  std::size_t best = 0;
  for (unsigned char c : s) best = std::max(best, ++counts[c]);
  return s.size() >= 6 && best * 10 >= s.size() * 6;
}

}  // namespace

bool is_placeholder(std::string_view secret) { return has_template_syntax(secret) || mostly_one_char(secret); }

}  // namespace hookguard::secrets
