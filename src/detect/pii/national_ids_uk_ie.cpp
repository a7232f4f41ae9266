// United Kingdom and Ireland.
#include "detect/pii/checks.hpp"
#include "detect/pii/validator_table.hpp"

#include <algorithm>

namespace hookguard::pii {
namespace {

// HMRC: prefix letters exclude D, F, I, Q, U, V (second also O); BG, GB, KN, NK, NT, TN and ZZ
// are never allocated (so the specimen QQ 12 34 56 C fails); suffix A-D.
std::optional<std::string> uk_nino(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 9 || !is_letter(s[0]) || !is_letter(s[1]) || !all_digits(s.substr(2, 6))) return std::nullopt;
  constexpr std::string_view k_bad_first = "DFIQUV", k_bad_second = "DFIOQUV";
  constexpr std::string_view k_unallocated = "BG GB KN NK NT TN ZZ";
  bool ok = k_bad_first.find(s[0]) == std::string_view::npos && k_bad_second.find(s[1]) == std::string_view::npos &&
            k_unallocated.find(s.substr(0, 2)) == std::string_view::npos && s[8] >= 'A' && s[8] <= 'D';
  return valid_if(ok, "NINO prefix and suffix valid");
}

// NHS number: mod 11 with weights 10..2; a check value of 10 is never issued.
std::optional<std::string> uk_nhs(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 10 || !all_digits(s) || all_same(s)) return std::nullopt;
  int check = 11 - weighted_sum(s, {10, 9, 8, 7, 6, 5, 4, 3, 2}) % 11;
  if (check == 11) check = 0;
  return valid_if(check != 10 && check == digit(s[9]), "NHS mod 11 valid");
}

// DVLA licence: 5 surname characters (9-padded), decade digit, month (+5 for women), day,
// year digit, 2 initials (9-padded), an arbitrary digit, 2 check characters.
std::optional<std::string> uk_driving_licence(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() != 16 || !is_letter(s[0])) return std::nullopt;
  auto name_char = [](char c) { return is_letter(c) || c == '9'; };
  if (!std::all_of(s.begin(), s.begin() + 5, name_char) || !all_digits(s.substr(5, 6))) return std::nullopt;
  int month = digit(s[6]) % 5 * 10 + digit(s[7]);
  int day = num(s, 8, 2);
  bool ok = valid_date(2000, month, day) && name_char(s[11]) && name_char(s[12]) &&
            std::all_of(s.begin() + 13, s.end(), [](char c) { return alnum_value(c) >= 0; });
  return valid_if(ok, "DVLA licence date and format valid");
}

// Irish PPSN: 7 digits, a mod 23 check letter, optionally a second letter: A, B or H (2013 on)
// count in the check; the older W, T and X do not.
std::optional<std::string> ie_ppsn(std::string_view candidate) {
  std::string s = compact(candidate);
  if ((s.size() != 8 && s.size() != 9) || !all_digits(s.substr(0, 7)) || !is_letter(s[7])) return std::nullopt;
  int sum = weighted_sum(s, {8, 7, 6, 5, 4, 3, 2});
  if (s.size() == 9) {
    if (std::string_view("ABHWTX").find(s[8]) == std::string_view::npos) return std::nullopt;
    if (s[8] == 'A' || s[8] == 'B' || s[8] == 'H') sum += 9 * (s[8] - 'A' + 1);
  }
  constexpr std::string_view k_letters = "WABCDEFGHIJKLMNOPQRSTUV";
  return valid_if(k_letters[sum % 23] == s[7], "PPSN mod 23 check letter valid");
}

constexpr NamedValidator k_table[] = {
    {"uk_nino", uk_nino}, {"uk_nhs", uk_nhs}, {"uk_driving_licence", uk_driving_licence}, {"ie_ppsn", ie_ppsn}};

}  // namespace

ValidatorTable uk_ie_validators() { return k_table; }

}  // namespace hookguard::pii
