// Named check-digit validators referenced by pii.yaml rules (`validate: luhn`). Each takes the
// captured candidate (separators still in place) and returns a description of what validated it
// ("Luhn valid, Visa prefix") or nullopt when the candidate fails. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace hookguard::pii {

using Validator = std::optional<std::string> (*)(std::string_view candidate);

// nullptr when no validator has that name (a rule-file error at load time).
Validator find_validator(std::string_view name);

}  // namespace hookguard::pii
