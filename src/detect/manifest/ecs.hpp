// Amazon ECS task definitions, as the API and `aws ecs register-task-definition` files write them
// (camelCase) and inside CloudFormation AWS::ECS::TaskDefinition resources (PascalCase).
#pragma once

#include "detect/manifest/reporter.hpp"

#include <string_view>

namespace hookguard::manifest {

// `task` holds containerDefinitions / ContainerDefinitions. The caller has begun the resource.
void check_ecs_task(const YAML::Node& task, Reporter& r);
// Family or CloudFormation-independent name of a task for match keys ("TaskDefinition/<family>").
std::string ecs_family(const YAML::Node& task);

}  // namespace hookguard::manifest
