// The registry of named validators: the union of every family's table.
#include "detect/pii/validators.hpp"

#include "detect/pii/validator_table.hpp"

#include <array>

namespace hookguard::pii {

Validator find_validator(std::string_view name) {
  static const std::array<ValidatorTable, 11> k_families = {
      card_validators(),          iban_validators(),         americas_validators(), uk_ie_validators(),
      de_validators(),            eu_west_validators(),      eu_north_east_validators(),
      asia_pacific_validators(),  africa_validators(),       vat_validators(),      phone_validators()};
  for (ValidatorTable family : k_families)
    for (const NamedValidator& v : family)
      if (v.name == name) return v.check;
  return nullptr;
}

}  // namespace hookguard::pii
