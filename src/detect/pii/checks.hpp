// Building blocks shared by the validators: separator stripping, digit arithmetic and the
// published check-digit schemes (Luhn, ISO 7064, Verhoeff, weighted mod-N sums, dates).
// Pure functions over ASCII; every validator calls compact() first so all of them accept the
// printed forms ("4539 1488 0343 6467", "DE 136 695 976", "123-45-6789").
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace hookguard::pii {

// The candidate without spaces, dashes, dots, slashes and tabs, letters upper-cased.
std::string compact(std::string_view candidate);
bool all_digits(std::string_view s);
bool all_same(std::string_view s);  // "000000000", "1111..." are placeholders, never real
inline int digit(char c) { return c - '0'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_letter(char c) { return c >= 'A' && c <= 'Z'; }  // after compact(): upper case
// Digit sum of a number below 100 (products of a digit and a weight).
inline int cross_sum(int n) { return n / 10 + n % 10; }
// Numeric value of a digit or letter: 0-9, A=10 ... Z=35; -1 for anything else.
int alnum_value(char c);
// Digits of s (from first) as an integer; s must be digits and short enough for 64 bits.
long long to_number(std::string_view s);
// The digits s[pos, pos+len) as a number (date fields, check pairs).
inline int num(std::string_view s, std::size_t pos, std::size_t len) { return static_cast<int>(to_number(s.substr(pos, len))); }

bool luhn_valid(std::string_view digits);
// The digit that makes body + digit Luhn-valid.
int luhn_check_digit(std::string_view body);
// Sum of digit(s[i]) * weights[i] for the first weights.size() characters.
int weighted_sum(std::string_view digits, std::initializer_list<int> weights);
// ISO 7064 MOD 11,10 (German tax ids, Croatian OIB): is the last digit the check digit?
bool iso7064_mod11_10(std::string_view digits);
int iso7064_mod11_10_check(std::string_view body);
// ISO 7064 MOD 97-10 over digits and letters (A=10): the remainder of the whole string.
int mod97(std::string_view alnum);
bool verhoeff_valid(std::string_view digits);
int verhoeff_check_digit(std::string_view body);
// Gregorian calendar date check (year with century).
bool valid_date(int year, int month, int day);

// Validators return this when they accept: the reason shown as Finding::validation.
inline std::optional<std::string> valid_if(bool ok, std::string_view reason) {
  if (!ok) return std::nullopt;
  return std::string(reason);
}

}  // namespace hookguard::pii
