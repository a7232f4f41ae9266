#include "detect/pii/checks.hpp"

#include <algorithm>

namespace hookguard::pii {

std::string compact(std::string_view candidate) {
  std::string out;
  out.reserve(candidate.size());
  for (char c : candidate) {
    if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '\t') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool all_same(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [&](char c) { return c == s.front(); });
}

int alnum_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return -1;
}

long long to_number(std::string_view s) {
  long long n = 0;
  for (char c : s) n = n * 10 + digit(c);
  return n;
}

namespace {

// Luhn sum of s, doubling every second digit counted from the right end of s.
int luhn_sum(std::string_view s, bool double_last) {
  int sum = 0;
  bool twice = double_last;
  for (auto it = s.rbegin(); it != s.rend(); ++it, twice = !twice) {
    int d = digit(*it) * (twice ? 2 : 1);
    sum += d > 9 ? d - 9 : d;
  }
  return sum;
}

}  // namespace

bool luhn_valid(std::string_view digits) {
  return all_digits(digits) && luhn_sum(digits, false) % 10 == 0;
}

int luhn_check_digit(std::string_view body) { return (10 - luhn_sum(body, true) % 10) % 10; }

int weighted_sum(std::string_view digits, std::initializer_list<int> weights) {
  int sum = 0;
  std::size_t i = 0;
  for (int w : weights) sum += digit(digits[i++]) * w;
  return sum;
}

int iso7064_mod11_10_check(std::string_view body) {
  int product = 10;
  for (char c : body) {
    int sum = (digit(c) + product) % 10;
    if (sum == 0) sum = 10;
    product = (sum * 2) % 11;
  }
  return (11 - product) % 10;
}

bool iso7064_mod11_10(std::string_view digits) {
  return all_digits(digits) && digits.size() >= 2 &&
         iso7064_mod11_10_check(digits.substr(0, digits.size() - 1)) == digit(digits.back());
}

int mod97(std::string_view alnum) {
  int rem = 0;
  for (char c : alnum) {
    int v = alnum_value(c);
    rem = v >= 10 ? (rem * 100 + v) % 97 : (rem * 10 + v) % 97;
  }
  return rem;
}

namespace {

constexpr int k_verhoeff_d[10][10] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
constexpr int k_verhoeff_p[8][10] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
constexpr int k_verhoeff_inv[10] = {0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

// Verhoeff running check over s, position 0 being the rightmost digit plus offset.
int verhoeff_run(std::string_view s, int offset) {
  int c = 0;
  int i = offset;
  for (auto it = s.rbegin(); it != s.rend(); ++it, ++i) c = k_verhoeff_d[c][k_verhoeff_p[i % 8][digit(*it)]];
  return c;
}

}  // namespace

bool verhoeff_valid(std::string_view digits) { return all_digits(digits) && verhoeff_run(digits, 0) == 0; }

int verhoeff_check_digit(std::string_view body) { return k_verhoeff_inv[verhoeff_run(body, 1)]; }

bool valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= k_days[month - 1] + (month == 2 && leap ? 1 : 0);
}

}  // namespace hookguard::pii
