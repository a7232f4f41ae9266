// The added-lines diff (old and new version split at the first NUL byte): ranges are ordered and
// inside the new version, or the {0,0} "nothing added" marker.
#include "git/added_lines.hpp"

#include <algorithm>
#include <cstdlib>

using namespace hookguard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  auto cut = all.find('\0');
  std::string_view before = all.substr(0, cut), now = cut == all.npos ? std::string_view() : all.substr(cut + 1);
  auto lines = std::uint32_t(std::count(now.begin(), now.end(), '\n') + 1);
  for (const auto& r : git::added_lines(before, now)) {
    if (r.first == 0 && r.last == 0) continue;
    if (r.first < 1 || r.last < r.first || r.last > lines) std::abort();
  }
  return 0;
}
