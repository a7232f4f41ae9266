#include "detect/manifest/env_secrets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace hookguard::manifest {
namespace {

constexpr std::array<std::string_view, 10> k_secret_words = {
    "password", "passwd", "secret", "token", "apikey", "api_key", "privatekey", "private_key",
    "accesskey", "access_key"};
// Suffixes of names that hold a reference to a secret, or a setting about it, not the secret.
constexpr std::array<std::string_view, 12> k_reference_suffixes = {
    "_file", "_path", "_dir", "_name", "_url", "_uri", "_endpoint", "_enabled", "_ttl", "_length", "_header",
    "_type"};

std::string normalized(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = c == '-' || c == '.' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool secret_like_name(std::string_view name) {
  std::string n = normalized(name);
  auto has = [&](std::string_view word) { return n.find(word) != std::string::npos; };
  auto ends = [&](std::string_view suffix) { return n.ends_with(suffix); };
  return std::any_of(k_secret_words.begin(), k_secret_words.end(), has) &&
         std::none_of(k_reference_suffixes.begin(), k_reference_suffixes.end(), ends);
}

bool literal_secret_value(std::string_view value) {
  if (value.empty() || value.starts_with("$(") || value.starts_with("${")) return false;
  return value != "true" && value != "false";
}

void check_env_secret(Reporter& r, const YAML::Node& key, const YAML::Node& at, std::string_view name,
                      std::string_view value, std::string_view field, std::string_view advice) {
  if (!secret_like_name(name) || !literal_secret_value(value)) return;
  r.report("manifest-env-secret-literal", key, at,
           fmt::format("environment variable {} holds a literal secret: use {}", name, advice), field,
           fmt::format("{}={}", name, r.rules().redact() ? redact(value) : std::string(value)));
}

}  // namespace hookguard::manifest
