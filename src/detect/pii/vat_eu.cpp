// VAT identification numbers of every EU member state (and the UK's GB/XI), one check per
// country behind a dispatcher on the two-letter prefix (EL for Greece, ATU for Austria).
#include "detect/pii/checks.hpp"
#include "detect/pii/validator_table.hpp"

#include <algorithm>
#include <iterator>

namespace hookguard::pii {
namespace {

using BodyCheck = bool (*)(std::string_view body);

int mod11_minus(int sum) { return (11 - sum % 11) % 11; }
bool delegate(std::string_view validator, std::string_view body) { return find_validator(validator)(body).has_value(); }

bool at(std::string_view b) {
  if (b.size() != 9 || b[0] != 'U' || !all_digits(b.substr(1))) return false;
  int sum = 0;
  for (int i = 1; i <= 7; ++i) sum += i % 2 ? digit(b[i]) : cross_sum(2 * digit(b[i]));
  return (10 - (sum + 4) % 10) % 10 == digit(b[8]);
}

bool be(std::string_view b) {
  std::string s = b.size() == 9 ? "0" + std::string(b) : std::string(b);
  return s.size() == 10 && all_digits(s) && s[0] <= '1' && (to_number(s.substr(0, 8)) + num(s, 8, 2)) % 97 == 0;
}

bool bg(std::string_view b) {
  if (!all_digits(b)) return false;
  if (b.size() == 10) return weighted_sum(b, {2, 4, 8, 5, 10, 9, 7, 3, 6}) % 11 % 10 == digit(b[9]);  // EGN
  if (b.size() != 9) return false;
  int r = weighted_sum(b, {1, 2, 3, 4, 5, 6, 7, 8}) % 11;
  if (r == 10) r = weighted_sum(b, {3, 4, 5, 6, 7, 8, 9, 10}) % 11 % 10;
  return r == digit(b[8]);
}

bool cy(std::string_view b) {
  static constexpr int k_odd[] = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
  if (b.size() != 9 || !all_digits(b.substr(0, 8)) || b[0] == '2' || b.substr(0, 2) == "12") return false;
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += i % 2 ? digit(b[i]) : k_odd[digit(b[i])];
  return b[8] == 'A' + sum % 26;
}

// Czech/Slovak rodné číslo: YYMMDD (+50 to the month for women, +20 for late allocations),
// 3 digits before 1954, then a 4th making the number divisible by 11.
bool birth_number(std::string_view b) {
  if ((b.size() != 9 && b.size() != 10) || !all_digits(b) || !valid_date(2000, num(b, 2, 2) % 50 % 20, num(b, 4, 2)))
    return false;
  return b.size() == 9 || to_number(b) % 11 == 0 || (to_number(b.substr(0, 9)) % 11 == 10 && b[9] == '0');
}

// Legal entities (8 digits), special individuals (9 digits from 6), birth numbers (9 or 10).
bool cz(std::string_view b) {
  if (!all_digits(b)) return false;
  if (b.size() == 8) {
    int check = mod11_minus(weighted_sum(b, {8, 7, 6, 5, 4, 3, 2}));
    return b[0] != '9' && (check == 0 ? 1 : check) % 10 == digit(b[7]);
  }
  if (b.size() == 9 && b[0] == '6') {
    int r = weighted_sum(b.substr(1), {8, 7, 6, 5, 4, 3, 2}) % 11;
    return ((8 - (10 - r) % 11) % 10 + 10) % 10 == digit(b[8]);
  }
  return birth_number(b);
}

bool de(std::string_view b) { return b.size() == 9 && b[0] != '0' && iso7064_mod11_10(b); }
bool dk(std::string_view b) { return b.size() == 8 && all_digits(b) && b[0] != '0' && weighted_sum(b, {2, 7, 6, 5, 4, 3, 2, 1}) % 11 == 0; }
bool ee(std::string_view b) { return b.size() == 9 && all_digits(b) && b.starts_with("10") && weighted_sum(b, {3, 7, 1, 3, 7, 1, 3, 7, 1}) % 10 == 0; }

bool el(std::string_view b) {
  std::string s = b.size() == 8 ? "0" + std::string(b) : std::string(b);
  return s.size() == 9 && all_digits(s) && weighted_sum(s, {256, 128, 64, 32, 16, 8, 4, 2}) % 11 % 10 == digit(s[8]);
}

// DNI, NIE, CIF, or a NIF of minors and non-residents (K, L, M + 7 digits + DNI letter).
bool es(std::string_view b) {
  bool klm = b.size() == 9 && (b[0] == 'K' || b[0] == 'L' || b[0] == 'M') && delegate("es_dni", "0" + std::string(b.substr(1)));
  return klm || delegate("es_dni", b) || delegate("es_nie", b) || delegate("es_cif", b);
}

bool fi(std::string_view b) {
  if (b.size() != 8 || !all_digits(b)) return false;
  int r = weighted_sum(b, {7, 9, 10, 5, 8, 4, 2}) % 11;
  return r != 1 && (r == 0 ? 0 : 11 - r) == digit(b[7]);
}

bool fr(std::string_view b) {
  if (b.size() != 11 || !all_digits(b.substr(2)) || !delegate("fr_siren", b.substr(2))) return false;
  if (!all_digits(b.substr(0, 2))) return std::all_of(b.begin(), b.begin() + 2, [](char c) { return alnum_value(c) >= 0; });
  return (12 + 3 * (to_number(b.substr(2)) % 97)) % 97 == num(b, 0, 2);
}

bool gb(std::string_view b) {
  if ((b.size() != 9 && b.size() != 12) || !all_digits(b)) return false;
  int sum = weighted_sum(b, {8, 7, 6, 5, 4, 3, 2}) + num(b, 7, 2);
  return sum % 97 == 0 || (sum + 55) % 97 == 0;
}

bool hr(std::string_view b) { return b.size() == 11 && iso7064_mod11_10(b); }
bool hu(std::string_view b) { return b.size() == 8 && all_digits(b) && weighted_sum(b, {9, 7, 3, 1, 9, 7, 3, 1}) % 10 == 0; }

bool ie(std::string_view b) {
  std::string s(b);
  if (s.size() == 8 && (s[1] == '+' || s[1] == '*' || (s[1] >= 'A' && s[1] <= 'Z')))  // old form 1X23456Y
    s = "0" + s.substr(2, 5) + s.substr(0, 1) + s.substr(7);
  return delegate("ie_ppsn", s);
}

bool it(std::string_view b) { return delegate("it_partita_iva", b); }

bool lt(std::string_view b) {
  if ((b.size() != 9 && b.size() != 12) || !all_digits(b) || b[b.size() - 2] != '1') return false;
  int n = static_cast<int>(b.size()) - 1, sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) sum += digit(b[i]) * (1 + i % 9), sum2 += digit(b[i]) * (1 + (i + 2) % 9);
  int r = sum % 11 == 10 ? sum2 % 11 % 10 : sum % 11;
  return r == digit(b.back());
}

bool lu(std::string_view b) { return b.size() == 8 && all_digits(b) && to_number(b.substr(0, 6)) % 89 == num(b, 6, 2); }

bool lv(std::string_view b) {
  if (b.size() != 11 || !all_digits(b)) return false;
  if (b[0] > '3') return weighted_sum(b, {9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1}) % 11 == 3;
  return valid_date(2000, num(b, 2, 2), num(b, 0, 2));
}

bool mt(std::string_view b) { return b.size() == 8 && all_digits(b) && b[0] != '0' && weighted_sum(b, {3, 4, 6, 7, 8, 9, 10, 1}) % 37 == 0; }

bool nl(std::string_view b) {
  if (b.size() != 12 || !all_digits(b.substr(0, 9)) || b[9] != 'B' || !all_digits(b.substr(10))) return false;
  return b.substr(10) != "00" && (delegate("nl_bsn", b.substr(0, 9)) || mod97("NL" + std::string(b)) == 1);
}

bool pl(std::string_view b) { return delegate("pl_nip", b); }

bool pt(std::string_view b) {
  if (b.size() != 9 || !all_digits(b) || b[0] == '0') return false;
  int check = 11 - weighted_sum(b, {9, 8, 7, 6, 5, 4, 3, 2}) % 11;
  return (check >= 10 ? 0 : check) == digit(b[8]);
}

bool ro(std::string_view b) {
  if (b.size() < 2 || b.size() > 10 || !all_digits(b) || b[0] == '0') return false;
  std::string s = std::string(10 - b.size(), '0') + std::string(b);
  return weighted_sum(s, {7, 5, 3, 2, 1, 7, 5, 3, 2}) * 10 % 11 % 10 == digit(s[9]);
}

// Sole traders use their personnummer, so only Luhn (not the organisation-number digit rule).
bool se(std::string_view b) { return b.size() == 12 && b.ends_with("01") && luhn_valid(b.substr(0, 10)); }

bool si(std::string_view b) {
  if (b.size() != 8 || !all_digits(b) || b[0] == '0') return false;
  int check = 11 - weighted_sum(b, {8, 7, 6, 5, 4, 3, 2}) % 11;
  return check != 11 && check % 10 == digit(b[7]);
}

// Legal entities (third digit 2-4 or 7-9, divisible by 11) or a birth number.
bool sk(std::string_view b) {
  if (b.size() != 10 || !all_digits(b)) return false;
  bool legal = b[0] != '0' && std::string_view("234789").find(b[2]) != std::string_view::npos && to_number(b) % 11 == 0;
  return legal || birth_number(b);
}

struct VatCountry {
  std::string_view prefix;
  BodyCheck check;
};

constexpr VatCountry k_countries[] = {
    {"AT", at}, {"BE", be}, {"BG", bg}, {"CY", cy}, {"CZ", cz}, {"DE", de}, {"DK", dk}, {"EE", ee},
    {"EL", el}, {"GR", el}, {"ES", es}, {"FI", fi}, {"FR", fr}, {"GB", gb}, {"XI", gb}, {"HR", hr},
    {"HU", hu}, {"IE", ie}, {"IT", it}, {"LT", lt}, {"LU", lu}, {"LV", lv}, {"MT", mt}, {"NL", nl},
    {"PL", pl}, {"PT", pt}, {"RO", ro}, {"SE", se}, {"SI", si}, {"SK", sk},
};

std::optional<std::string> eu_vat(std::string_view candidate) {
  std::string s = compact(candidate);
  if (s.size() < 4) return std::nullopt;
  std::string prefix = s.substr(0, 2);
  auto it = std::find_if(std::begin(k_countries), std::end(k_countries), [&](const VatCountry& c) { return c.prefix == prefix; });
  if (it == std::end(k_countries) || all_same(s.substr(2)) || !it->check(s.substr(2))) return std::nullopt;
  return "VAT number check valid (" + prefix + ")";
}

constexpr NamedValidator k_table[] = {{"eu_vat", eu_vat}};

}  // namespace

ValidatorTable vat_validators() { return k_table; }

}  // namespace hookguard::pii
