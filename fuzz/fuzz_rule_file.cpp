// User rule files (secrets.extra_rules) over arbitrary bytes: a RuleSet or a RuleFileError.
#include "config/rule_files.hpp"

#include <cstddef>
#include <cstdint>

using namespace hookguard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    parse_rule_set({{"fuzz-rules.yaml", std::string(reinterpret_cast<const char*>(data), size)}});
  } catch (const RuleFileError&) {
  }
  return 0;
}
