// The default rule files of config/rules/, embedded at build time (cmake/EmbedRules.cmake).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hookguard {

struct EmbeddedFile {
  std::string name;       // "secrets.yaml"
  std::string_view text;  // static storage
};

const std::vector<EmbeddedFile>& embedded_rule_files();
// SHA-256 (hex) of every embedded file's name and text, computed at build time.
std::string_view embedded_rules_digest();

}  // namespace hookguard
