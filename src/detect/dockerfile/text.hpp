// Small string helpers shared by the Dockerfile parser and rules (ASCII only, no allocation
// unless a string is returned).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hookguard::dockerfile {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s);
std::string_view rtrim(std::string_view s);
std::string lower(std::string_view s);
std::string upper(std::string_view s);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
bool contains(std::string_view s, std::string_view needle);
bool all_digits(std::string_view s);
// Removes one pair of matching surrounding quotes.
std::string unquote(std::string_view s);
// A JSON array of strings (`["a", "b"]`), as exec form uses it. False if s is anything else.
bool parse_json_array(std::string_view s, std::vector<std::string>& out);
// The value of `key` in a comma-separated `k=v` list ("type=cache,target=/x", "target").
std::string csv_option(std::string_view csv, std::string_view key);
// A secret as reports show it (CONTRACTS.md §3): "abcd*****(40)", or "*****(8)" when short.
std::string redact(std::string_view secret);
// Last path component ("/usr/bin/apt-get" -> "apt-get").
std::string_view basename(std::string_view path);

}  // namespace hookguard::dockerfile
