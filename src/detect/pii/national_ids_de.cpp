// Germany: tax id, identity documents, health and pension insurance numbers, physician number.
#include "detect/pii/checks.hpp"
#include "detect/pii/validator_table.hpp"

#include <algorithm>
#include <array>

namespace hookguard::pii {
namespace {

// Steuerliche Identifikationsnummer: no leading zero; in the first 10 digits exactly one digit
// repeats (twice, or three times but not three in a row); ISO 7064 MOD 11,10.
std::optional<std::string> de_steuer_id(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 11 || !all_digits(s) || s[0] == '0') return std::nullopt;
  std::array<int, 10> counts{};
  for (char c : s.substr(0, 10)) ++counts[digit(c)];
  int repeated = 0, max = 0;
  for (int n : counts) repeated += n > 1, max = std::max(max, n);
  bool triple_run = false;
  for (char c = '0'; c <= '9'; ++c) triple_run |= s.substr(0, 10).find(std::string(3, c)) != std::string::npos;
  bool ok = repeated == 1 && max <= 3 && !triple_run && iso7064_mod11_10(s);
  return valid_if(ok, "Steuer-ID ISO 7064 MOD 11,10 valid");
}

// ICAO 9303 check digit (weights 7, 3, 1) over digits and letters (A=10).
int icao_check(std::string_view s) {
  static constexpr int k_weights[] = {7, 3, 1};
  int sum = 0;
  for (std::size_t i = 0; i < s.size(); ++i) sum += alnum_value(s[i]) * k_weights[i % 3];
  return sum % 10;
}

// Personalausweis (since 2010) and Reisepass: 9 characters of a reduced alphabet (no vowels,
// no look-alikes) and an ICAO check digit.
std::optional<std::string> de_id_document(std::string_view candidate) {
  std::string s = compact(candidate);
  constexpr std::string_view k_alphabet = "0123456789CFGHJKLMNPRTVWXYZ";
  if (s.size() != 10 || !all_digits(s.substr(9)) || std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  bool ok = std::all_of(s.begin(), s.end(), [&](char c) { return k_alphabet.find(c) != std::string_view::npos; }) &&
            icao_check(s.substr(0, 9)) == digit(s[9]);
  return valid_if(ok, "ICAO 9303 check digit valid");
}

// Digits of a letter as two decimal digits, A=01 ... Z=26.
std::string letter_digits(char c) {
  int n = c - 'A' + 1;
  return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

// Krankenversichertennummer: a letter and 9 digits; Luhn-like 1-2 weights over the letter's two
// digits and the first 8 digits.
std::optional<std::string> de_kvnr(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 10 || s[0] < 'A' || s[0] > 'Z' || !all_digits(s.substr(1))) return std::nullopt;
  std::string body = letter_digits(s[0]) + s.substr(1, 8);
  int sum = 0;
  for (std::size_t i = 0; i < body.size(); ++i) sum += cross_sum(digit(body[i]) * (i % 2 ? 2 : 1));
  return valid_if(sum % 10 == digit(s[9]), "KVNR check digit valid");
}

// Rentenversicherungsnummer: area, birth date DDMMYY, birth-name initial, serial, check digit.
std::optional<std::string> de_rvnr(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 12 || !all_digits(s.substr(0, 8)) || s[8] < 'A' || s[8] > 'Z' || !all_digits(s.substr(9)))
    return std::nullopt;
  int day = num(s, 2, 2), month = num(s, 4, 2);
  std::string body = s.substr(0, 8) + letter_digits(s[8]) + s.substr(9, 2);
  static constexpr int k_weights[] = {2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1};
  int sum = 0;
  for (std::size_t i = 0; i < body.size(); ++i) sum += cross_sum(digit(body[i]) * k_weights[i]);
  return valid_if(valid_date(2000, month, day) && sum % 10 == digit(s[11]), "RVNR birth date and check digit valid");
}

// Lebenslange Arztnummer: 6-digit id, check digit (weights 4, 9), 2-digit specialty.
std::optional<std::string> de_lanr(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 9 || !all_digits(s) || all_same(s)) return std::nullopt;
  int check = (10 - weighted_sum(s, {4, 9, 4, 9, 4, 9}) % 10) % 10;
  return valid_if(check == digit(s[6]), "LANR check digit valid");
}

constexpr NamedValidator k_table[] = {
    {"de_steuer_id", de_steuer_id}, {"de_id_document", de_id_document}, {"de_kvnr", de_kvnr},
    {"de_rvnr", de_rvnr},           {"de_lanr", de_lanr},
};

}  // namespace

ValidatorTable de_validators() { return k_table; }

}  // namespace hookguard::pii
