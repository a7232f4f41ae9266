#include "detect/dockerfile/text.hpp"

#include <cctype>

namespace hookguard::dockerfile {

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  return rtrim(s);
}

std::string_view rtrim(std::string_view s) {
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool contains(std::string_view s, std::string_view needle) { return s.find(needle) != std::string_view::npos; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

std::string unquote(std::string_view s) {
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    return std::string(s.substr(1, s.size() - 2));
  return std::string(s);
}

namespace {

// Reads one JSON string starting at s[i] == '"'; returns the index after it, or npos.
std::size_t read_json_string(std::string_view s, std::size_t i, std::string& out) {
  for (++i; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') return i + 1;
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    if (++i >= s.size()) return std::string_view::npos;
    switch (s[i]) {
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'u': i += 4; out.push_back('?'); break;  // rules never look at non-ASCII escapes
      default: out.push_back(s[i]);
    }
  }
  return std::string_view::npos;
}

std::size_t skip_space(std::string_view s, std::size_t i) {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

}  // namespace

bool parse_json_array(std::string_view s, std::vector<std::string>& out) {
  s = trim(s);
  if (s.size() < 2 || s.front() != '[' || s.back() != ']') return false;
  std::vector<std::string> items;
  std::size_t i = skip_space(s, 1);
  if (s[i] == ']') return out = {}, i == s.size() - 1;
  while (i < s.size()) {
    if (s[i] != '"') return false;
    std::string item;
    i = read_json_string(s, i, item);
    if (i == std::string_view::npos) return false;
    items.push_back(std::move(item));
    i = skip_space(s, i);
    if (i < s.size() && s[i] == ']') {
      if (skip_space(s, i + 1) != s.size()) return false;
      out = std::move(items);
      return true;
    }
    if (i >= s.size() || s[i] != ',') return false;
    i = skip_space(s, i + 1);
  }
  return false;
}

std::string csv_option(std::string_view csv, std::string_view key) {
  while (!csv.empty()) {
    auto comma = csv.find(',');
    auto item = csv.substr(0, comma);
    auto eq = item.find('=');
    if (trim(item.substr(0, eq)) == key) return eq == std::string_view::npos ? std::string() : unquote(trim(item.substr(eq + 1)));
    if (comma == std::string_view::npos) break;
    csv.remove_prefix(comma + 1);
  }
  return {};
}

std::string redact(std::string_view secret) {
  std::string n = "(" + std::to_string(secret.size()) + ")";
  return secret.size() >= 12 ? std::string(secret.substr(0, 4)) + "*****" + n : "*****" + n;
}

std::string_view basename(std::string_view path) {
  auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace hookguard::dockerfile
