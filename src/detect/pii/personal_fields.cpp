#include "detect/pii/personal_fields.hpp"

#include <algorithm>

namespace hookguard::pii {
namespace {

constexpr std::string_view k_strong[] = {
    "email", "mail", "phone", "mobile", "telephone", "tel", "address", "street", "addr", "zip",
    "zipcode", "postcode", "postal", "dob", "birth", "birthday", "birthdate", "ssn", "iban", "card",
    "passport", "salary", "gender", "nationality", "national"};
// Qualifiers that make a field technical: ip_address, mac_address, server_name, wallet_address.
constexpr std::string_view k_technical[] = {"ip", "mac", "host", "server", "url", "uri", "wallet", "contract",
                                            "bind", "listen", "remote", "node", "file", "path", "package", "class"};
constexpr std::string_view k_weak[] = {"name", "firstname", "lastname", "surname", "fullname", "city", "country",
                                       "age", "customer", "contact", "user", "username", "login", "title"};
// Compound spellings that hold a strong word without a separator.
constexpr std::string_view k_strong_infixes[] = {"email", "phone", "birth", "address", "passport", "zipcode", "postcode"};

std::vector<std::string> tokens(std::string_view name) {
  std::vector<std::string> out(1);
  for (char c : name) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      if (!out.back().empty()) out.emplace_back();
      continue;
    }
    // camelCase boundary: "firstName" -> first, name
    if (c >= 'A' && c <= 'Z' && !out.back().empty() && out.back().back() >= 'a') out.emplace_back();
    out.back().push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

bool in(std::string_view word, auto const& list) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

}  // namespace

FieldKind classify_field(std::string_view name) {
  FieldKind kind = FieldKind::none;
  auto words = tokens(name);
  if (std::any_of(words.begin(), words.end(), [](const std::string& t) { return in(t, k_technical); })) return kind;
  for (const std::string& t : words) {
    bool infix = std::any_of(std::begin(k_strong_infixes), std::end(k_strong_infixes),
                             [&](std::string_view s) { return t.find(s) != std::string::npos; });
    if (in(t, k_strong) || infix) return FieldKind::strong;
    if (in(t, k_weak) || (t.size() > 4 && t.ends_with("name"))) kind = FieldKind::weak;
  }
  return kind;
}

bool names_personal_data(const std::vector<std::string>& fields) {
  int strong = 0, any = 0;
  for (const auto& f : personal_fields(fields)) {
    FieldKind k = classify_field(f);
    strong += k == FieldKind::strong;
    any += k != FieldKind::none;
  }
  return strong >= 1 && any >= 2;
}

std::vector<std::string> personal_fields(const std::vector<std::string>& fields) {
  std::vector<std::string> out;
  for (const auto& f : fields)
    if (classify_field(f) != FieldKind::none && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
  return out;
}

}  // namespace hookguard::pii
