// Each validator family file exports its named validators as a table; validators.cpp joins
// them into the registry behind find_validator(). Names are what pii.yaml writes after
// `validate:`.
#pragma once

#include "detect/pii/validators.hpp"

#include <span>
#include <string_view>

namespace hookguard::pii {

struct NamedValidator {
  std::string_view name;
  Validator check;
};

using ValidatorTable = std::span<const NamedValidator>;

ValidatorTable card_validators();      // cards.cpp
ValidatorTable iban_validators();      // iban.cpp
ValidatorTable americas_validators();  // national_ids_americas.cpp
ValidatorTable uk_ie_validators();     // national_ids_uk_ie.cpp
ValidatorTable de_validators();        // national_ids_de.cpp
ValidatorTable eu_west_validators();   // national_ids_eu_west.cpp (FR, ES, IT, NL, BE)
ValidatorTable eu_north_east_validators();  // national_ids_eu_north_east.cpp (PL, Nordics, TR)
ValidatorTable asia_pacific_validators();   // national_ids_asia_pacific.cpp
ValidatorTable africa_validators();    // national_ids_africa.cpp
ValidatorTable vat_validators();       // vat_eu.cpp
ValidatorTable phone_validators();     // phone.cpp

}  // namespace hookguard::pii
