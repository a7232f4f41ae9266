// .hookguard.yaml -> Config (CONTRACTS.md §6). Strict: unknown keys, wrong types and bad
// regexes/globs are errors naming file, line and key. Several files merge in order: a later
// file overrides the keys it sets (server-wide file, then the repository's).
#pragma once

#include <hookguard/config.hpp>

#include <stdexcept>
#include <string>

namespace hookguard::config {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;  // "file:line: key: message"
};

// Applies `path` on top of `config`. Throws ConfigError.
void load_file(const std::string& path, Config& config);
// Same, from text already in memory (`name` is used in messages).
void load_text(const std::string& name, const std::string& text, Config& config);

std::uint64_t parse_size(const std::string& text);  // "10MiB", "512k", "1000"; throws invalid_argument
std::chrono::milliseconds parse_duration(const std::string& text);  // "4s", "500ms", "1m"

}  // namespace hookguard::config
