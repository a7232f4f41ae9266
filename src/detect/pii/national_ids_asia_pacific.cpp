// Thailand, India, Singapore, South Korea, Japan and Australia.
#include "detect/pii/checks.hpp"
#include "detect/pii/validator_table.hpp"

#include <algorithm>

namespace hookguard::pii {
namespace {

// Thai citizen id: 13 digits (first 1-8), weights 13..2, check = (11 - sum mod 11) mod 10.
std::optional<std::string> th_id(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 13 || !all_digits(s) || s[0] == '0' || s[0] == '9' || all_same(s)) return std::nullopt;
  int sum = weighted_sum(s, {13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2});
  return valid_if((11 - sum % 11) % 10 == digit(s[12]), "Thai ID mod 11 valid");
}

// Aadhaar: 12 digits, never starting with 0 or 1, Verhoeff check digit.
std::optional<std::string> in_aadhaar(std::string_view candidate) {
  std::string s = compact(candidate);
  bool ok = s.size() == 12 && all_digits(s) && s[0] >= '2' && !all_same(s) && verhoeff_valid(s);
  return valid_if(ok, "Aadhaar Verhoeff valid");
}

// PAN: 5 letters (the 4th is the holder type), 4 digits (not 0000), a letter. No check digit.
bool pan_format(std::string_view s) {
  return s.size() == 10 && std::all_of(s.begin(), s.begin() + 5, is_letter) && all_digits(s.substr(5, 4)) &&
         s.substr(5, 4) != "0000" && is_letter(s[9]) && std::string_view("ABCFGHJLPT").find(s[3]) != std::string_view::npos;
}

std::optional<std::string> in_pan(std::string_view candidate) {
  return valid_if(pan_format(compact(candidate)), "PAN format and holder type valid");
}

// GSTIN: state code, PAN, entity number, 'Z', Luhn mod 36 check character.
std::optional<std::string> in_gstin(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 15 || !all_digits(s.substr(0, 2)) || !pan_format(s.substr(2, 10)) || s[13] != 'Z') return std::nullopt;
  int state = num(s, 0, 2);
  if (state < 1 || (state > 38 && state != 97 && state != 99)) return std::nullopt;
  int sum = 0;
  for (int i = 0; i < 14; ++i) {
    int v = alnum_value(s[i]);
    if (v < 0) return std::nullopt;
    int p = v * (i % 2 ? 2 : 1);
    sum += p / 36 + p % 36;
  }
  return valid_if(alnum_value(s[14]) == (36 - sum % 36) % 36, "GSTIN mod 36 check valid");
}

// NRIC/FIN: S/T (citizens), F/G (foreigners), weights 2-7-6-5-4-3-2, offset 4 for T and G.
std::optional<std::string> sg_nric(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 9 || std::string_view("STFG").find(s[0]) == std::string_view::npos || !all_digits(s.substr(1, 7)))
    return std::nullopt;
  int sum = weighted_sum(s.substr(1), {2, 7, 6, 5, 4, 3, 2}) + (s[0] == 'T' || s[0] == 'G' ? 4 : 0);
  std::string_view letters = s[0] == 'S' || s[0] == 'T' ? "JZIHGFEDCBA" : "XWUTRQPNMLK";
  return valid_if(letters[sum % 11] == s[8], "NRIC/FIN check letter valid");
}

// UEN of businesses (8 digits + letter) and local companies (year + 5 digits + letter).
std::optional<std::string> sg_uen(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() == 9 && all_digits(s.substr(0, 8)))
    return valid_if("XMKECAWLJDB"[weighted_sum(s, {10, 4, 9, 3, 8, 2, 7, 1}) % 11] == s[8], "UEN check letter valid");
  if (s.size() == 10 && all_digits(s.substr(0, 9)) && num(s, 0, 4) >= 1800)
    return valid_if("ZKCMDNERGWH"[weighted_sum(s, {10, 8, 6, 4, 9, 7, 5, 3, 1}) % 11] == s[9], "UEN check letter valid");
  return std::nullopt;
}

int kr_sum(std::string_view s) { return weighted_sum(s, {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}); }

// RRN / foreign registration number: YYMMDD, a sex-and-century digit, mod 11 check. The
// century digit tells residents (1-4, 9, 0) from registered foreigners (5-8); digits 8-9 are
// the registration office (00-96).
std::optional<std::string> kr_registration(std::string_view candidate, std::string_view sex_digits, const char* reason) {
  std::string s = compact(candidate);
  if (s.size() != 13 || !all_digits(s) || sex_digits.find(s[6]) == std::string_view::npos || num(s, 7, 2) > 96)
    return std::nullopt;
  static constexpr int k_century[] = {1800, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000, 1800};
  int year = k_century[digit(s[6])] + num(s, 0, 2);
  bool ok = valid_date(year, num(s, 2, 2), num(s, 4, 2)) && (11 - kr_sum(s) % 11) % 10 == digit(s[12]);
  return valid_if(ok, reason);
}

std::optional<std::string> kr_rrn(std::string_view c) { return kr_registration(c, "123490", "RRN date and check digit valid"); }
std::optional<std::string> kr_frn(std::string_view c) { return kr_registration(c, "5678", "FRN date and check digit valid"); }

// Business registration number: weights 1-3-7-1-3-7-1-3-5 plus the carry of the last product.
std::optional<std::string> kr_brn(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 10 || !all_digits(s) || all_same(s) || s.substr(3, 2) == "00") return std::nullopt;
  int sum = weighted_sum(s, {1, 3, 7, 1, 3, 7, 1, 3, 5}) + digit(s[8]) * 5 / 10;
  return valid_if((10 - sum % 10) % 10 == digit(s[9]), "BRN check digit valid");
}

// Individual Number (My Number): weights 6..2, 7..2 from the left, r = sum mod 11.
std::optional<std::string> jp_my_number(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 12 || !all_digits(s) || all_same(s)) return std::nullopt;
  int r = weighted_sum(s, {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2}) % 11;
  return valid_if((r <= 1 ? 0 : 11 - r) == digit(s[11]), "My Number check digit valid");
}

std::optional<std::string> au_tfn(std::string_view candidate) {
  std::string s = compact(candidate);
  if ((s.size() != 8 && s.size() != 9) || !all_digits(s) || all_same(s)) return std::nullopt;
  int sum = s.size() == 9 ? weighted_sum(s, {1, 4, 3, 7, 5, 8, 6, 9, 10}) : weighted_sum(s, {1, 4, 3, 7, 5, 8, 6, 9});
  return valid_if(sum % 11 == 0, "TFN mod 11 valid");
}

// ABN: subtract 1 from the first digit, weights 10, 1, 3, ..., 19, sum divisible by 89.
std::optional<std::string> au_abn(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 11 || !all_digits(s) || s[0] == '0') return std::nullopt;
  int sum = weighted_sum(s, {10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19}) - 10;
  return valid_if(sum % 89 == 0, "ABN mod 89 valid");
}

std::optional<std::string> au_acn(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 9 || !all_digits(s) || all_same(s)) return std::nullopt;
  int check = (10 - weighted_sum(s, {8, 7, 6, 5, 4, 3, 2, 1}) % 10) % 10;
  return valid_if(check == digit(s[8]), "ACN check digit valid");
}

// Medicare card: first digit 2-6, weights 1-3-7-9, check in position 9, then issue (and IRN).
std::optional<std::string> au_medicare(std::string_view candidate) {
  std::string s = compact(candidate);
  if ((s.size() != 10 && s.size() != 11) || !all_digits(s) || s[0] < '2' || s[0] > '6') return std::nullopt;
  int check = weighted_sum(s, {1, 3, 7, 9, 1, 3, 7, 9}) % 10;
  return valid_if(check == digit(s[8]) && s[9] != '0', "Medicare check digit valid");
}

constexpr NamedValidator k_table[] = {
    {"th_id", th_id},   {"in_aadhaar", in_aadhaar}, {"in_pan", in_pan},       {"in_gstin", in_gstin},
    {"sg_nric", sg_nric}, {"sg_uen", sg_uen},       {"kr_rrn", kr_rrn},       {"kr_frn", kr_frn},
    {"kr_brn", kr_brn}, {"jp_my_number", jp_my_number}, {"au_tfn", au_tfn},   {"au_abn", au_abn},
    {"au_acn", au_acn}, {"au_medicare", au_medicare},
};

}  // namespace

ValidatorTable asia_pacific_validators() { return k_table; }

}  // namespace hookguard::pii
