// Poland, the Nordic countries and Turkey.
#include "detect/pii/checks.hpp"
#include "detect/pii/validator_table.hpp"

namespace hookguard::pii {
namespace {

// PESEL: YYMMDD with the century in the month (+80 1800s, +20 2000s, +40, +60), weights 1-3-7-9.
std::optional<std::string> pl_pesel(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 11 || !all_digits(s) || all_same(s)) return std::nullopt;
  int month = num(s, 2, 2);
  static constexpr int k_century[] = {1900, 2000, 2100, 2200, 1800};
  int year = k_century[month / 20] + num(s, 0, 2);
  int check = (10 - weighted_sum(s, {1, 3, 7, 9, 1, 3, 7, 9, 1, 3}) % 10) % 10;
  return valid_if(valid_date(year, month % 20, num(s, 4, 2)) && check == digit(s[10]), "PESEL date and check digit valid");
}

// NIP: weights 6-5-7-2-3-4-5-6-7, mod 11 (a remainder of 10 is never issued).
std::optional<std::string> pl_nip(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.starts_with("PL")) s.erase(0, 2);
  if (s.size() != 10 || !all_digits(s) || all_same(s)) return std::nullopt;
  int check = weighted_sum(s, {6, 5, 7, 2, 3, 4, 5, 6, 7}) % 11;
  return valid_if(check != 10 && check == digit(s[9]), "NIP mod 11 valid");
}

// Personnummer: [YY]YYMMDD[-+]NNNC, Luhn over the 10-digit form; coordination numbers add 60
// to the day.
std::optional<std::string> se_personnummer(std::string_view candidate) {
  std::string s = compact(candidate);
  if (auto plus = s.find('+'); plus != std::string::npos) s.erase(plus, 1);
  if (s.size() == 12) s.erase(0, 2);
  if (s.size() != 10 || !all_digits(s)) return std::nullopt;
  int day = num(s, 4, 2);
  bool date_ok = valid_date(2000, num(s, 2, 2), day > 60 ? day - 60 : day);
  return valid_if(date_ok && luhn_valid(s), "personnummer date and Luhn valid");
}

// Organisationsnummer: 10 digits, Luhn, the third digit at least 2 (never a birth month).
std::optional<std::string> se_orgnr(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() == 12 && s.starts_with("16")) s.erase(0, 2);
  bool ok = s.size() == 10 && luhn_valid(s) && digit(s[2]) >= 2 && !all_same(s);
  return valid_if(ok, "organisationsnummer Luhn valid");
}

// Henkilötunnus: DDMMYY, century sign (+, -, A and the 2023 additions), 002-899, mod 31 check.
std::optional<std::string> fi_hetu(std::string_view candidate) {
  std::string s;
  for (char c : candidate) s.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  if (s.size() != 11 || !all_digits(s.substr(0, 6)) || !all_digits(s.substr(7, 3))) return std::nullopt;
  constexpr std::string_view k_1800 = "+", k_1900 = "-YXWVU", k_2000 = "ABCDEF";
  int century = k_1800.find(s[6]) != std::string_view::npos   ? 1800
                : k_1900.find(s[6]) != std::string_view::npos ? 1900
                : k_2000.find(s[6]) != std::string_view::npos ? 2000
                                                               : 0;
  int serial = num(s, 7, 3);
  if (!century || serial < 2 || serial > 899 || !valid_date(century + num(s, 4, 2), num(s, 2, 2), num(s, 0, 2)))
    return std::nullopt;
  constexpr std::string_view k_checks = "0123456789ABCDEFHJKLMNPRSTUVWXY";
  long long n = to_number(s.substr(0, 6)) * 1000 + serial;
  return valid_if(k_checks[n % 31] == s[10], "henkilötunnus date and mod 31 check valid");
}

// CPR: DDMMYY-SSSS. The mod 11 check was dropped in 2007, so only the date is checked and the
// rule needs context words.
std::optional<std::string> dk_cpr(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 10 || !all_digits(s) || all_same(s)) return std::nullopt;
  bool ok = valid_date(2000, num(s, 2, 2), num(s, 0, 2));
  bool mod11 = weighted_sum(s, {4, 3, 2, 7, 6, 5, 4, 3, 2, 1}) % 11 == 0;
  return valid_if(ok, mod11 ? "CPR date and mod 11 valid" : "CPR date valid");
}

int mod11_check(int sum) {
  int check = 11 - sum % 11;
  return check == 11 ? 0 : check;
}

// Fødselsnummer: DDMMYY, individual number, two mod 11 check digits; D-numbers add 40 to the
// day, H-numbers 40 to the month, synthetic test numbers 80.
std::optional<std::string> no_fnr(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 11 || !all_digits(s) || all_same(s)) return std::nullopt;
  int day = num(s, 0, 2) % 40, month = num(s, 2, 2) % 40;
  int k1 = mod11_check(weighted_sum(s, {3, 7, 6, 1, 8, 9, 4, 5, 2}));
  int k2 = mod11_check(weighted_sum(s, {5, 4, 3, 2, 7, 6, 5, 4, 3, 2}));
  bool ok = valid_date(2000, month, day) && k1 == digit(s[9]) && k2 == digit(s[10]);
  return valid_if(ok, "fødselsnummer date and mod 11 valid");
}

// T.C. Kimlik No: no leading zero; digit 10 from the odd/even sums, digit 11 the sum mod 10.
std::optional<std::string> tr_tckn(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 11 || !all_digits(s) || s[0] == '0') return std::nullopt;
  int odd = weighted_sum(s, {1, 0, 1, 0, 1, 0, 1, 0, 1}), even = weighted_sum(s, {0, 1, 0, 1, 0, 1, 0, 1});
  int d10 = ((odd * 7 - even) % 10 + 10) % 10;
  int d11 = (odd + even + d10) % 10;
  return valid_if(d10 == digit(s[9]) && d11 == digit(s[10]), "T.C. Kimlik No check digits valid");
}

constexpr NamedValidator k_table[] = {
    {"pl_pesel", pl_pesel}, {"pl_nip", pl_nip}, {"se_personnummer", se_personnummer}, {"se_orgnr", se_orgnr},
    {"fi_hetu", fi_hetu},   {"dk_cpr", dk_cpr}, {"no_fnr", no_fnr},                   {"tr_tckn", tr_tckn},
};

}  // namespace

ValidatorTable eu_north_east_validators() { return k_table; }

}  // namespace hookguard::pii
