// The default rule files of config/rules/, embedded at build time (cmake/EmbedRules.cmake).
#pragma once

#include <string>
#include <vector>

namespace hookguard {

struct EmbeddedFile {
  std::string name;  // "secrets.yaml"
  std::string text;
};

const std::vector<EmbeddedFile>& embedded_rule_files();

}  // namespace hookguard
