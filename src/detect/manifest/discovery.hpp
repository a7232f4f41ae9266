// Recognising what a YAML/JSON document is by its content, and running the checks that fit:
//   Kubernetes object (apiVersion + kind; *List kinds through items), Kustomization (images only),
//   ECS task definition (containerDefinitions, also `describe` output and CloudFormation
//   AWS::ECS::TaskDefinition resources), docker-compose (services of maps). Anything else is not
//   a deployment manifest and costs nothing more.
#pragma once

#include "detect/manifest/reporter.hpp"

#include <string_view>

namespace hookguard::manifest {

// Cheap test on the raw text before parsing: could this file be any of the above?
bool may_be_manifest(std::string_view text, std::string_view path);

void lint_document(const YAML::Node& document, std::string_view path, Reporter& r);

}  // namespace hookguard::manifest
