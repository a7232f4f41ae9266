#include "detect/manifest/compose.hpp"

#include "detect/manifest/env_secrets.hpp"
#include "detect/manifest/hardening.hpp"
#include "detect/manifest/images.hpp"

#include <fmt/format.h>

namespace hookguard::manifest {
namespace {

void isolation(const YAML::Node& service, std::string_view name, Reporter& r) {
  if (auto f = field(service, "privileged"); f && is_true(f->value))
    r.report("manifest-compose-privileged", *f, fmt::format("service '{}' runs privileged", name), "privileged");
  for (std::string_view mode : {"network_mode", "pid", "ipc", "userns_mode"})
    if (auto f = field(service, mode); f && scalar(f->value) == "host")
      r.report("manifest-compose-host-namespace", *f,
               fmt::format("service '{}' sets {}: host, sharing the host's namespace", name, mode), mode);
  if (auto f = field(service, "cap_add"); f && f->value.IsSequence() && f->value.size() > 0)
    r.report("manifest-compose-cap-add", *f, fmt::format("service '{}' adds Linux capabilities", name), "cap_add");
}

void user(const YAML::Node& service, std::string_view name, Reporter& r) {
  auto f = field(service, "user");
  std::string value = f ? scalar(f->value) : std::string();
  if (f && !value.empty() && value != "root" && value != "0" && !value.starts_with("root:") && !value.starts_with("0:"))
    return;
  std::string message = f ? fmt::format("service '{}' runs as {}", name, value.empty() ? "root" : value)
                          : fmt::format("service '{}' sets no user: it runs as the image's user, often root", name);
  if (f) r.report("manifest-compose-no-user", *f, message, "user");
  else r.report("manifest-compose-no-user", {}, service, message, "user");
}

// Short syntax "/var/run/docker.sock:/var/run/docker.sock:ro" or long syntax {source: ...}.
std::string volume_source(const YAML::Node& volume) {
  if (volume.IsMap()) return scalar(at(volume, "source"));
  std::string spec = scalar(volume);
  return spec.substr(0, spec.find(':'));
}

void socket_mounts(const YAML::Node& service, std::string_view name, Reporter& r) {
  YAML::Node volumes = at(service, "volumes");
  for (std::size_t i = 0; volumes.IsSequence() && i < volumes.size(); ++i) {
    std::string source = volume_source(volumes[i]);
    if (runtime_socket_path(source))
      r.report("manifest-docker-socket-mount", {}, volumes[i],
               fmt::format("service '{}' mounts the container runtime socket {}: control of the host", name, source),
               "volumes/" + source);
  }
}

void environment(const YAML::Node& service, Reporter& r) {
  constexpr std::string_view k_advice = "compose secrets: (files under /run/secrets) or an env_file kept out of git";
  YAML::Node env = at(service, "environment");
  for (auto it = env.begin(); env.IsMap() && it != env.end(); ++it)
    check_env_secret(r, it->first, it->second, scalar(it->first), scalar(it->second),
                     "environment/" + scalar(it->first), k_advice);
  for (std::size_t i = 0; env.IsSequence() && i < env.size(); ++i) {
    std::string entry = scalar(env[i]);
    auto eq = entry.find('=');
    if (eq == std::string::npos) continue;
    std::string var = entry.substr(0, eq);
    check_env_secret(r, {}, env[i], var, std::string_view(entry).substr(eq + 1), "environment/" + var, k_advice);
  }
}

}  // namespace

void check_compose_service(const YAML::Node& service, std::string_view name, Reporter& r) {
  isolation(service, name, r);
  user(service, name, r);
  socket_mounts(service, name, r);
  environment(service, r);
  if (auto image = field(service, "image")) check_image(r, *image, "image", fmt::format("service '{}'", name));
}

}  // namespace hookguard::manifest
