// Does a column or key name say it holds personal data? "email", "date_of_birth" and "ssn" do
// on their own (strong); "name", "city" and "age" only next to another personal field (weak),
// since package, host and file names are everywhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::pii {

enum class FieldKind : std::uint8_t { none, weak, strong };

FieldKind classify_field(std::string_view name);
// At least two personal fields, one of them strong.
bool names_personal_data(const std::vector<std::string>& fields);
// The personal ones among fields, in order, without duplicates.
std::vector<std::string> personal_fields(const std::vector<std::string>& fields);

}  // namespace hookguard::pii
