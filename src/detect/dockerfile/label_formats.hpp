// Value formats of hadolint's label schema (DL3052-DL3058): url, rfc3339, spdx, hash, semver,
// email. Pure functions over one value.
#pragma once

#include <string_view>

namespace hookguard::dockerfile {

bool is_uri(std::string_view v);
bool is_rfc3339(std::string_view v);
bool is_spdx_id(std::string_view v);  // a known SPDX license id, or LicenseRef-...
bool is_git_hash(std::string_view v);
bool is_semver(std::string_view v);
bool is_email(std::string_view v);

}  // namespace hookguard::dockerfile
