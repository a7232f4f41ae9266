// Engine-wide placeholder detection applied to every captured secret, on top of each rule's
// own allow list: template variables and filler are never credentials.
#pragma once

#include <string_view>

namespace hookguard::secrets {

// ${VAR}, $(cmd), {{ var }}, %(name)s, <your-token>, and runs of one character covering most of
// the value (xxxxxxxx, 00000000, ********).
bool is_placeholder(std::string_view secret);

}  // namespace hookguard::secrets
