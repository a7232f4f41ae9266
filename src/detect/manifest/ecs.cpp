#include "detect/manifest/ecs.hpp"

#include "detect/manifest/env_secrets.hpp"
#include "detect/manifest/images.hpp"

#include <fmt/format.h>

#include <cctype>

namespace hookguard::manifest {
namespace {

// The API's camelCase name, else CloudFormation's PascalCase spelling of it.
std::optional<Field> ecs_field(const YAML::Node& node, std::string_view name) {
  if (auto f = field(node, name)) return f;
  std::string pascal(name);
  pascal[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(pascal[0])));
  return field(node, pascal);
}

std::string ecs_scalar(const YAML::Node& node, std::string_view name) {
  auto f = ecs_field(node, name);
  return f ? scalar(f->value) : std::string();
}

bool root_user(std::string_view user) {
  return user == "root" || user == "0" || user.starts_with("root:") || user.starts_with("0:");
}

void task_namespaces(const YAML::Node& task, Reporter& r) {
  for (std::string_view mode : {"networkMode", "pidMode", "ipcMode"})
    if (auto f = ecs_field(task, mode); f && scalar(f->value) == "host")
      r.report("manifest-ecs-host-namespace", *f, fmt::format("task sets {}: host, sharing the host's namespace", mode),
               mode);
}

void container(const YAML::Node& c, Reporter& r) {
  std::string name = ecs_scalar(c, "name");
  std::string key = fmt::format("containerDefinitions[{}]", name);
  if (auto f = ecs_field(c, "privileged"); f && is_true(f->value))
    r.report("manifest-ecs-privileged", *f, fmt::format("container '{}' runs privileged", name), key + "/privileged");
  auto user = ecs_field(c, "user");
  if (!user || root_user(scalar(user->value))) {
    std::string message = user ? fmt::format("container '{}' runs as {}", name, scalar(user->value))
                               : fmt::format("container '{}' sets no user: it runs as the image's user, often root", name);
    if (user) r.report("manifest-ecs-root-user", *user, message, key + "/user");
    else r.report("manifest-ecs-root-user", {}, c, message, key + "/user");
  }
  auto rofs = ecs_field(c, "readonlyRootFilesystem");
  if (!rofs || !is_true(rofs->value)) {
    std::string message = fmt::format("container '{}' has a writable root filesystem", name);
    if (rofs) r.report("manifest-ecs-writable-root-filesystem", *rofs, message, key + "/readonlyRootFilesystem");
    else r.report("manifest-ecs-writable-root-filesystem", {}, c, message, key + "/readonlyRootFilesystem");
  }
  YAML::Node env = ecs_field(c, "environment").value_or(Field{}).value;
  for (std::size_t i = 0; env.IsSequence() && i < env.size(); ++i) {
    std::string var = ecs_scalar(env[i], "name");
    check_env_secret(r, {}, env[i], var, ecs_scalar(env[i], "value"), key + "/environment/" + var,
                     "the container definition's secrets (Secrets Manager or SSM Parameter Store)");
  }
  if (auto image = ecs_field(c, "image")) check_image(r, *image, key + "/image", fmt::format("container '{}'", name));
}

}  // namespace

std::string ecs_family(const YAML::Node& task) { return ecs_scalar(task, "family"); }

void check_ecs_task(const YAML::Node& task, Reporter& r) {
  task_namespaces(task, r);
  auto definitions = ecs_field(task, "containerDefinitions");
  for (std::size_t i = 0; definitions && definitions->value.IsSequence() && i < definitions->value.size(); ++i)
    if (definitions->value[i].IsMap()) container(definitions->value[i], r);
}

}  // namespace hookguard::manifest
