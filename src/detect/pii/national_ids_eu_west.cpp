// France, Spain, Italy, the Netherlands and Belgium.
#include "detect/pii/checks.hpp"
#include "detect/pii/validator_table.hpp"

#include <algorithm>

namespace hookguard::pii {
namespace {

// NIR (numéro de sécurité sociale): sex, year, month, department (2A/2B for Corsica count as
// 19/18), commune, order, key = 97 - (number mod 97).
std::optional<std::string> fr_nir(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 15) return std::nullopt;
  if (s.substr(5, 2) == "2A") s.replace(5, 2, "19");
  else if (s.substr(5, 2) == "2B") s.replace(5, 2, "18");
  if (!all_digits(s) || std::string_view("123478").find(s[0]) == std::string_view::npos) return std::nullopt;
  int month = num(s, 3, 2);
  bool month_ok = (month >= 1 && month <= 12) || month == 20 || month >= 30;
  int key = 97 - static_cast<int>(to_number(s.substr(0, 13)) % 97);
  return valid_if(month_ok && key == to_number(s.substr(13)), "NIR mod 97 key valid");
}

// SIREN/SIRET (SIREN + establishment number): Luhn over both; La Poste's establishments (SIREN 356000000) use a digit sum mod 5.
bool la_poste_siret(std::string_view s) {
  int sum = 0;
  for (char c : s) sum += digit(c);
  return s.starts_with("356000000") && sum % 5 == 0;
}

std::optional<std::string> fr_siren(std::string_view candidate) {
  std::string s = compact(candidate);
  return valid_if(s.size() == 9 && luhn_valid(s) && !all_same(s), "SIREN Luhn valid");
}

std::optional<std::string> fr_siret(std::string_view candidate) {
  std::string s = compact(candidate);
  bool ok = s.size() == 14 && all_digits(s) && !all_same(s) &&
            ((luhn_valid(s) && luhn_valid(s.substr(0, 9))) || la_poste_siret(s));
  return valid_if(ok, "SIRET Luhn valid");
}

constexpr std::string_view k_dni_letters = "TRWAGMYFPDXBNJZSQVHLCKE";

std::optional<std::string> es_dni(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 9 || !all_digits(s.substr(0, 8)) || all_same(s.substr(0, 8))) return std::nullopt;
  return valid_if(k_dni_letters[to_number(s.substr(0, 8)) % 23] == s[8], "DNI mod 23 check letter valid");
}

// NIE: X, Y or Z (standing for 0, 1, 2) and 7 digits, then the DNI check letter.
std::optional<std::string> es_nie(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 9 || (s[0] != 'X' && s[0] != 'Y' && s[0] != 'Z') || !all_digits(s.substr(1, 7))) return std::nullopt;
  long long n = (s[0] - 'X') * 10000000LL + to_number(s.substr(1, 7));
  return valid_if(k_dni_letters[n % 23] == s[8], "NIE mod 23 check letter valid");
}

// CIF: entity letter, 7 digits, control digit or letter (JABCDEFGHI). Sources disagree on
// which entity types use which form, so either is accepted.
std::optional<std::string> es_cif(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 9 || std::string_view("ABCDEFGHJNPQRSUVW").find(s[0]) == std::string_view::npos ||
      !all_digits(s.substr(1, 7)) || all_same(s.substr(1, 7)))
    return std::nullopt;
  int sum = 0;
  for (int i = 1; i <= 7; ++i) {
    int d = digit(s[i]);
    sum += i % 2 ? cross_sum(2 * d) : d;
  }
  int control = (10 - sum % 10) % 10;
  bool ok = s[8] == '0' + control || s[8] == "JABCDEFGHI"[control];
  return valid_if(ok, "CIF control character valid");
}

// Codice fiscale: odd and even positions map through different tables; the last letter is the
// sum mod 26. Omocodia replaces digits with LMNPQRSTUV, so both count in digit positions.
constexpr int k_cf_odd[26] = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

int cf_value(char c, bool odd) {
  int index = c >= '0' && c <= '9' ? c - '0' : c - 'A';
  return odd ? k_cf_odd[index] : index;
}

bool cf_digit(char c) { return (c >= '0' && c <= '9') || std::string_view("LMNPQRSTUV").find(c) != std::string_view::npos; }

std::optional<std::string> it_codice_fiscale(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 16 || !std::all_of(s.begin(), s.begin() + 6, is_letter)) return std::nullopt;
  static constexpr int k_digit_positions[] = {6, 7, 9, 10, 12, 13, 14};
  for (int i : k_digit_positions)
    if (!cf_digit(s[i])) return std::nullopt;
  if (std::string_view("ABCDEHLMPRST").find(s[8]) == std::string_view::npos || !is_letter(s[11]) || !is_letter(s[15]))
    return std::nullopt;
  int sum = 0;
  for (int i = 0; i < 15; ++i) sum += cf_value(s[i], i % 2 == 0);
  return valid_if('A' + sum % 26 == s[15], "codice fiscale check letter valid");
}

// Partita IVA: 11 digits, Luhn; the last three before the check digit are the tax office.
std::optional<std::string> it_partita_iva(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 11 || !luhn_valid(s) || all_same(s) || s.substr(0, 7) == "0000000") return std::nullopt;
  int office = num(s, 7, 3);
  bool office_ok = (office >= 1 && office <= 100) || office == 120 || office == 121 || office == 888 || office == 999;
  return valid_if(office_ok, "partita IVA Luhn and office code valid");
}

// BSN: the "11-proef", weights 9..2 and -1.
std::optional<std::string> nl_bsn(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() == 8) s.insert(0, "0");
  if (s.size() != 9 || !all_digits(s) || all_same(s)) return std::nullopt;
  int sum = weighted_sum(s, {9, 8, 7, 6, 5, 4, 3, 2}) - digit(s[8]);
  return valid_if(sum % 11 == 0, "BSN 11-proef valid");
}

// Rijksregisternummer: YYMMDD, serial, 97 - (number mod 97), with a leading 2 for births
// from 2000 on. Bis numbers add 20 or 40 to the month; unknown dates use 00.
std::optional<std::string> be_nrn(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 11 || !all_digits(s) || all_same(s)) return std::nullopt;
  int month = num(s, 2, 2) % 20, day = num(s, 4, 2);
  if (month > 12 || day > 31) return std::nullopt;
  long long body = to_number(s.substr(0, 9));
  int check = static_cast<int>(to_number(s.substr(9)));
  bool ok = 97 - body % 97 == check || 97 - (2000000000LL + body) % 97 == check;
  return valid_if(ok, "national number mod 97 valid");
}

constexpr NamedValidator k_table[] = {
    {"fr_nir", fr_nir},     {"fr_siren", fr_siren}, {"fr_siret", fr_siret},
    {"es_dni", es_dni},     {"es_nie", es_nie},     {"es_cif", es_cif},
    {"it_codice_fiscale", it_codice_fiscale},       {"it_partita_iva", it_partita_iva},
    {"nl_bsn", nl_bsn},     {"be_nrn", be_nrn},
};

}  // namespace

ValidatorTable eu_west_validators() { return k_table; }

}  // namespace hookguard::pii
