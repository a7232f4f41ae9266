// United States, Canada, Brazil and Mexico.
#include "detect/pii/checks.hpp"
#include "detect/pii/validator_table.hpp"

#include <algorithm>

namespace hookguard::pii {
namespace {

// SSA: area 000, 666 and 900-999, group 00 and serial 0000 are never issued; the famous
// sample numbers (Woolworth's wallet card, the 1940s ad) and 123-45-6789 were voided.
std::optional<std::string> us_ssn(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 9 || !all_digits(s)) return std::nullopt;
  int area = num(s, 0, 3);
  bool issued = area != 0 && area != 666 && area < 900 && s.substr(3, 2) != "00" && s.substr(5) != "0000";
  bool sample = s == "078051120" || s == "219099999" || s == "123456789";
  return valid_if(issued && !sample, "SSN area, group and serial valid");
}

// IRS: 9XX-GG-XXXX with group 50-65, 70-88, 90-92 or 94-99.
std::optional<std::string> itin(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 9 || !all_digits(s) || s[0] != '9') return std::nullopt;
  int group = num(s, 3, 2);
  bool ok = (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) ||
            group >= 94;
  return valid_if(ok, "ITIN area and group valid");
}

// CMS: Luhn over the number prefixed with the card issuer id 80840.
std::optional<std::string> npi(std::string_view candidate) {
  std::string s = compact(candidate);
  bool ok = s.size() == 10 && (s[0] == '1' || s[0] == '2') && luhn_valid("80840" + s);
  return valid_if(ok, "NPI Luhn valid (80840 prefix)");
}

// CMS Medicare Beneficiary Identifier: fixed character classes per position, no check digit;
// letters S, L, O, I, B and Z are never used.
std::optional<std::string> mbi(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 11) return std::nullopt;
  auto letter = [](char c) { return c >= 'A' && c <= 'Z' && std::string_view("SLOIBZ").find(c) == std::string_view::npos; };
  auto num = [](char c) { return c >= '0' && c <= '9'; };
  auto either = [&](char c) { return letter(c) || num(c); };
  bool ok = num(s[0]) && s[0] != '0' && letter(s[1]) && either(s[2]) && num(s[3]) && letter(s[4]) &&
            either(s[5]) && num(s[6]) && letter(s[7]) && letter(s[8]) && num(s[9]) && num(s[10]);
  return valid_if(ok, "MBI character classes valid");
}

// ABA routing transit number: Federal Reserve prefix and 3-7-1 weighted checksum.
std::optional<std::string> aba_routing(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 9 || !all_digits(s)) return std::nullopt;
  int prefix = num(s, 0, 2);
  bool known = prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix == 80;
  bool ok = known && !all_same(s) && weighted_sum(s, {3, 7, 1, 3, 7, 1, 3, 7, 1}) % 10 == 0;
  return valid_if(ok, "ABA routing checksum valid");
}

// Canadian Social Insurance Number: Luhn; 0 and 8 are not assigned as first digits.
std::optional<std::string> ca_sin(std::string_view candidate) {
  std::string s = compact(candidate);
  bool ok = s.size() == 9 && luhn_valid(s) && s[0] != '0' && s[0] != '8' && !all_same(s);
  return valid_if(ok, "SIN Luhn valid");
}

// Brazilian mod 11 check digit: remainder below 2 gives 0. Works on the alphanumeric CNPJ
// (2026) too, where each character counts as its ASCII code minus 48.
int br_check(std::string_view body, int first_weight, int max_weight) {
  int sum = 0;
  int w = first_weight;
  for (char c : body) {
    sum += (c - '0') * w;
    w = w == 2 ? max_weight : w - 1;
  }
  int r = sum % 11;
  return r < 2 ? 0 : 11 - r;
}

std::optional<std::string> br_cpf(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 11 || !all_digits(s) || all_same(s)) return std::nullopt;
  bool ok = br_check(s.substr(0, 9), 10, 11) == digit(s[9]) && br_check(s.substr(0, 10), 11, 11) == digit(s[10]);
  return valid_if(ok, "CPF check digits valid");
}

std::optional<std::string> br_cnpj(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 14 || !all_digits(s.substr(12)) || all_same(s)) return std::nullopt;
  if (!std::all_of(s.begin(), s.end(), [](char c) { return alnum_value(c) >= 0; })) return std::nullopt;
  bool ok = br_check(s.substr(0, 12), 5, 9) == digit(s[12]) && br_check(s.substr(0, 13), 6, 9) == digit(s[13]);
  return valid_if(ok, "CNPJ check digits valid");
}


bool valid_yymmdd(std::string_view s) {
  if (!all_digits(s)) return false;
  int yy = num(s, 0, 2);
  return valid_date(2000 + yy, num(s, 2, 2), num(s, 4, 2));
}

// RENAPO CURP: 4 letters, birth date, sex, state, 3 consonants, homoclave, check digit.
constexpr std::string_view k_curp_alphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ";
constexpr std::string_view k_curp_states =
    "AS BC BS CC CL CM CS CH DF DG GT GR HG JC MC MN MS NT NL OC PL QT QR SP SL SR TC TS TL VZ YN ZS NE";

std::optional<std::string> mx_curp(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 18 || !std::all_of(s.begin(), s.begin() + 4, is_letter) || !valid_yymmdd(s.substr(4, 6)))
    return std::nullopt;
  bool sex = s[10] == 'H' || s[10] == 'M' || s[10] == 'X';
  bool state = k_curp_states.find(s.substr(11, 2)) != std::string_view::npos;
  if (!sex || !state || !std::all_of(s.begin() + 13, s.begin() + 16, is_letter) || !is_digit(s[17])) return std::nullopt;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    auto v = k_curp_alphabet.find(s[i]);
    if (v == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(v) * (18 - i);
  }
  return valid_if((10 - sum % 10) % 10 == digit(s[17]), "CURP check digit valid");
}

// SAT RFC: 3 (company) or 4 (person) letters, a valid date, a 3-character homoclave.
std::optional<std::string> mx_rfc(std::string_view candidate) {
  std::string s = compact(candidate);
  std::size_t letters = s.size() == 13 ? 4 : 3;
  if ((s.size() != 12 && s.size() != 13) || !std::all_of(s.begin(), s.begin() + letters, [](char c) { return is_letter(c) || c == '&'; }))
    return std::nullopt;
  bool ok = valid_yymmdd(s.substr(letters, 6)) &&
            std::all_of(s.begin() + letters + 6, s.end(), [](char c) { return is_letter(c) || is_digit(c); });
  return valid_if(ok, "RFC date and homoclave format valid");
}

constexpr NamedValidator k_table[] = {
    {"us_ssn", us_ssn}, {"itin", itin},     {"npi", npi},       {"mbi", mbi},
    {"aba_routing", aba_routing}, {"ca_sin", ca_sin}, {"br_cpf", br_cpf}, {"br_cnpj", br_cnpj},
    {"mx_curp", mx_curp}, {"mx_rfc", mx_rfc},
};

}  // namespace

ValidatorTable americas_validators() { return k_table; }

}  // namespace hookguard::pii
