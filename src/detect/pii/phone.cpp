// Phone numbers: no check digit, so the rule needs context words; the validator keeps E.164
// lengths and drops the ranges regulators reserve for fiction and documentation, which are what
// well-written fixtures use.
#include "detect/pii/checks.hpp"
#include "detect/pii/validator_table.hpp"

namespace hookguard::pii {
namespace {

// Country code + national number prefixes (digits only) reserved for drama and examples:
// NANP 555-0100..0199, Ofcom's drama ranges, ARCEP's fiction numbers.
constexpr std::string_view k_fictional[] = {
    "1???55501", "447700900", "4420794600", "4420794609", "441632960", "441134960", "441174960", "441184960",
    "441214960", "441314960", "441414960", "441514960", "441614960", "441914980", "4428964960", "442920180",
    "33199",     "3363998",
};

bool has_prefix(std::string_view digits, std::string_view pattern) {
  if (digits.size() < pattern.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i)
    if (pattern[i] != '?' && pattern[i] != digits[i]) return false;
  return true;
}

std::optional<std::string> phone_number(std::string_view candidate) {
  std::string digits;
  for (char c : candidate)
    if (c >= '0' && c <= '9') digits.push_back(c);
  if (digits.size() < 8 || digits.size() > 15 || all_same(digits.substr(1))) return std::nullopt;
  for (std::string_view reserved : k_fictional)
    if (has_prefix(digits, reserved)) return std::nullopt;
  return "phone number length valid, not a reserved fictional range";
}

constexpr NamedValidator k_table[] = {{"phone_number", phone_number}};

}  // namespace

ValidatorTable phone_validators() { return k_table; }

}  // namespace hookguard::pii
