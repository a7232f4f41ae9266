#include "detect/dockerfile/packages.hpp"

#include "detect/dockerfile/text.hpp"

namespace hookguard::dockerfile {

std::string join_list(const std::vector<std::string>& items) {
  constexpr std::size_t k_shown = 5;
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < k_shown; ++i) out += (i ? ", " : "") + items[i];
  if (items.size() > k_shown) out += " and " + std::to_string(items.size() - k_shown) + " more";
  return out;
}

bool has_cache_mount(const Instruction& ins, std::string_view target_prefix) {
  for (const auto& f : ins.flags) {
    if (f.name != "mount") continue;
    auto type = csv_option(f.value, "type");
    auto target = csv_option(f.value, "target");
    if (target.empty()) target = csv_option(f.value, "dst");
    if (target.empty()) target = csv_option(f.value, "destination");
    if ((type == "cache" || type == "tmpfs") && contains(target, target_prefix)) return true;
  }
  return false;
}

}  // namespace hookguard::dockerfile
