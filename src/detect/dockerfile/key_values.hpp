// KEY=VALUE operands of ENV, LABEL and ARG, in both the modern (`A=1 B="x y"`) and the legacy
// (`ENV KEY value with spaces`) forms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hookguard::dockerfile {

struct KeyValue {
  std::string key;
  std::string value;       // quotes removed
  bool has_value = false;  // `ARG NAME` has none
};

std::vector<KeyValue> key_values(std::string_view args, char escape = '\\');

}  // namespace hookguard::dockerfile
