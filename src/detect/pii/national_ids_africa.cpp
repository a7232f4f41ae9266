// South Africa. (Nigeria's NIN has no published check digit: its rule relies on context words.)
#include "detect/pii/checks.hpp"
#include "detect/pii/validator_table.hpp"

namespace hookguard::pii {
namespace {

// ID number: YYMMDD, gender sequence, citizenship (0 citizen, 1 resident, 2 refugee), a
// former race digit, Luhn check digit.
std::optional<std::string> za_id(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 13 || !all_digits(s) || all_same(s) || s[10] > '2') return std::nullopt;
  int month = num(s, 2, 2), day = num(s, 4, 2);
  return valid_if(valid_date(2000, month, day) && luhn_valid(s), "SA ID date and Luhn valid");
}

constexpr NamedValidator k_table[] = {{"za_id", za_id}};

}  // namespace

ValidatorTable africa_validators() { return k_table; }

}  // namespace hookguard::pii
