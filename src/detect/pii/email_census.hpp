// Counts distinct real-looking email addresses in a text. Documentation and test domains
// (example.com/.org/.net, *.test, *.invalid, *.example, *.localhost, localhost, configured
// ignored domains) and no-reply addresses never count.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::pii {

struct EmailCensus {
  std::size_t distinct = 0;
  std::uint32_t first_line = 0;  // of the first counted address
};

EmailCensus count_real_emails(std::string_view text, const std::vector<std::string>& ignored_domains);

}  // namespace hookguard::pii
