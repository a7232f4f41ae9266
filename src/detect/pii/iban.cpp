// IBAN (ISO 13616): the country's registered length, check digits 02-98, ISO 7064 mod 97-10.
#include "detect/pii/checks.hpp"
#include "detect/pii/validator_table.hpp"

#include <algorithm>
#include <iterator>

namespace hookguard::pii {
namespace {

struct IbanCountry {
  std::string_view code;
  int length;
};

// Every country of the SWIFT IBAN registry (release 98, 2024), sorted by code.
constexpr IbanCountry k_countries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

int registered_length(std::string_view code) {
  auto it = std::find_if(std::begin(k_countries), std::end(k_countries), [&](const IbanCountry& c) { return c.code == code; });
  return it == std::end(k_countries) ? 0 : it->length;
}

bool alnum_upper(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return alnum_value(c) >= 0; });
}

std::optional<std::string> iban_mod97(std::string_view candidate) {
  std::string iban = compact(candidate);
  if (iban.size() < 15 || !alnum_upper(iban) || !all_digits(iban.substr(2, 2))) return std::nullopt;
  std::string country = iban.substr(0, 2);
  int check = num(iban, 2, 2);
  if (registered_length(country) != static_cast<int>(iban.size()) || check < 2 || check > 98) return std::nullopt;
  std::string rotated = iban.substr(4) + iban.substr(0, 4);
  return valid_if(mod97(rotated) == 1, "IBAN mod 97 valid (" + country + ")");
}

constexpr NamedValidator k_table[] = {{"iban_mod97", iban_mod97}};

}  // namespace

ValidatorTable iban_validators() { return k_table; }

}  // namespace hookguard::pii
