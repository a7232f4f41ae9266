// Payment cards: issuer prefix and length tables, Luhn, and the brands' and processors'
// published test numbers (reported by their own info-level rule, never as real cards).
#include "detect/pii/checks.hpp"
#include "detect/pii/validator_table.hpp"

#include <algorithm>
#include <iterator>

namespace hookguard::pii {
namespace {

struct Brand {
  std::string_view name;
  int prefix_lo, prefix_hi;  // inclusive range over the first `prefix_digits` digits
  int prefix_digits;
  int min_len, max_len;
};

// Most specific ranges first: Discover's 622126-622925 sits inside UnionPay's 62.
constexpr Brand k_brands[] = {
    Brand{"Discover", 622126, 622925, 6, 16, 19}, Brand{"Discover", 6011, 6011, 4, 16, 19},
    Brand{"Discover", 644, 649, 3, 16, 19},       Brand{"Discover", 65, 65, 2, 16, 19},
    Brand{"Maestro", 5018, 5018, 4, 12, 19},      Brand{"Maestro", 5020, 5020, 4, 12, 19},
    Brand{"Maestro", 5038, 5038, 4, 12, 19},      Brand{"Maestro", 5893, 5893, 4, 12, 19},
    Brand{"Maestro", 6304, 6304, 4, 12, 19},      Brand{"Maestro", 6759, 6759, 4, 12, 19},
    Brand{"Maestro", 6761, 6763, 4, 12, 19},
    Brand{"Mastercard", 2221, 2720, 4, 16, 16},   Brand{"Mastercard", 51, 55, 2, 16, 16},
    Brand{"Amex", 34, 34, 2, 15, 15},             Brand{"Amex", 37, 37, 2, 15, 15},
    Brand{"JCB", 3528, 3589, 4, 16, 19},          Brand{"Diners", 3095, 3095, 4, 14, 19},
    Brand{"Diners", 300, 305, 3, 14, 19},         Brand{"Diners", 36, 36, 2, 14, 19},
    Brand{"Diners", 38, 39, 2, 16, 19},           Brand{"UnionPay", 62, 62, 2, 16, 19},
    Brand{"Visa", 4, 4, 1, 13, 19},
};

// Published test numbers: card brands, Stripe, Adyen, Braintree, PayPal, Checkout.com docs.
constexpr std::string_view k_test_numbers[] = {
    "4111111111111111", "4242424242424242", "4012888888881881", "4222222222222",
    "4000056655665556", "4000000000000002", "4000000000009995", "4000000000009987",
    "4000000000009979", "4000000000000069", "4000000000000127", "4000000000000119",
    "4000000000003220", "4000002500003155", "4000000000003063", "4000000000000341",
    "4000000000000101", "4000000000000077", "4000000000000093", "4000000000000010",
    "4005519200000004", "4009348888881881", "4012000033330026", "4012000077777777",
    "4217651111111119", "4500600000000061", "4111111145551142", "4988438843884305",
    "4917610000000000", "4444333322221111", "4001919257537193", "4007702835532454",
    "5555555555554444", "5105105105105100", "2223003122003222", "5200828282828210",
    "2223000048400011", "5555341244441115", "2222400070000005", "5454545454545454",
    "5431111111111111", "378282246310005",  "371449635398431",  "378734493671000",
    "370000000000002",  "6011111111111117", "6011000990139424", "6011981111111113",
    "6011601160116611", "6445644564456445", "3530111333300000", "3566002020360505",
    "3569990010095841", "3566111111111113", "30569309025904",   "38520000023237",
    "36227206271667",   "3056930009020004", "36006666333344",   "6200000000000005",
    "6243030000000001",
};

bool is_test_number(std::string_view digits) {
  return std::find(std::begin(k_test_numbers), std::end(k_test_numbers), digits) != std::end(k_test_numbers);
}

const Brand* find_brand(std::string_view digits) {
  for (const Brand& b : k_brands) {
    if (static_cast<int>(digits.size()) < std::max(b.min_len, b.prefix_digits)) continue;
    int prefix = static_cast<int>(to_number(digits.substr(0, b.prefix_digits)));
    int len = static_cast<int>(digits.size());
    if (prefix >= b.prefix_lo && prefix <= b.prefix_hi && len >= b.min_len && len <= b.max_len) return &b;
  }
  return nullptr;
}

// A card-shaped number: 12-19 digits, a known issuer prefix and length, Luhn valid.
const Brand* card_brand(std::string_view digits) {
  if (!all_digits(digits) || digits.size() < 12 || digits.size() > 19 || !luhn_valid(digits)) return nullptr;
  return find_brand(digits);
}

std::optional<std::string> payment_card(std::string_view candidate) {
  std::string digits = compact(candidate);
  const Brand* brand = card_brand(digits);
  if (!brand || is_test_number(digits)) return std::nullopt;
  return "Luhn valid, " + std::string(brand->name) + " prefix";
}

std::optional<std::string> payment_card_test(std::string_view candidate) {
  std::string digits = compact(candidate);
  const Brand* brand = card_brand(digits);
  if (!brand || !is_test_number(digits)) return std::nullopt;
  return "published " + std::string(brand->name) + " test card number";
}

std::optional<std::string> luhn(std::string_view candidate) {
  std::string digits = compact(candidate);
  return valid_if(digits.size() >= 2 && luhn_valid(digits) && !all_same(digits), "Luhn valid");
}

constexpr NamedValidator k_table[] = {
    {"payment_card", payment_card},
    {"payment_card_test", payment_card_test},
    {"luhn", luhn},
};

}  // namespace

ValidatorTable card_validators() { return k_table; }

}  // namespace hookguard::pii
