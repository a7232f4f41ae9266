// Placeholder registry until the PII detector lands.
#include "detect/pii/validators.hpp"

namespace hookguard::pii {

Validator find_validator(std::string_view) { return nullptr; }

}  // namespace hookguard::pii
