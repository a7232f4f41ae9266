// docker-compose files (the Compose specification): services that weaken isolation, literal
// secrets in environment, and the shared image policy.
#pragma once

#include "detect/manifest/reporter.hpp"

namespace hookguard::manifest {

// One service of `services:`. The caller has begun the resource ("compose/<service>").
void check_compose_service(const YAML::Node& service, std::string_view name, Reporter& r);

}  // namespace hookguard::manifest
