// Secret-looking literal values in environment variables (Kubernetes env, ECS environment,
// compose environment): the value is in the repository and in every `describe` output. A name
// heuristic, not a pattern engine: the secrets detector still scans the same file for known
// token formats.
#pragma once

#include "detect/manifest/reporter.hpp"

#include <string_view>

namespace hookguard::manifest {

// PASSWORD, DB_SECRET, API_KEY, ... but not DB_PASSWORD_FILE or SECRET_NAME (they point at one).
bool secret_like_name(std::string_view name);
// A literal worth reporting: not empty, not a $(VAR)/${VAR} reference, not a boolean.
bool literal_secret_value(std::string_view value);

// Reports `name`=`value` at `at` when both look like a committed secret. `advice` says where the
// value belongs instead ("valueFrom.secretKeyRef", "secrets", ...).
void check_env_secret(Reporter& r, const YAML::Node& key, const YAML::Node& at, std::string_view name,
                      std::string_view value, std::string_view field, std::string_view advice);

}  // namespace hookguard::manifest
