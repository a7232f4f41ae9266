#include "detect/manifest/env_secrets.hpp"
#include "detect/manifest/hardening.hpp"
#include "detect/manifest/images.hpp"
#include "detect/manifest/pod_security.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace hookguard::manifest {
namespace {

constexpr std::array<std::string_view, 5> k_runtime_sockets = {"docker.sock", "containerd.sock", "crio.sock",
                                                               "podman.sock", "cri-dockerd.sock"};

bool runs_long(const ContainerView& c) { return c.group == "containers"; }
bool has_resources(const ContainerView& c) { return c.group != "ephemeralContainers"; }

void report_missing(Reporter& r, std::string_view rule, const ContainerView& c, std::string_view path,
                    std::string message) {
  // Point at the nearest existing parent ("resources:") or else at the container.
  std::string parent(path.substr(0, path.rfind('.')));
  if (auto f = field_at(c.node, parent); f && parent != path) r.report(rule, *f, std::move(message), c.key(path));
  else r.report(rule, {}, c.node, std::move(message), c.key(path));
}

void resources(const ContainerView& c, Reporter& r) {
  struct Need { std::string_view path, rule, what; };
  constexpr std::array<Need, 4> k_needs = {{{"resources.requests.cpu", "manifest-cpu-requests", "CPU request"},
                                            {"resources.limits.cpu", "manifest-cpu-limits", "CPU limit"},
                                            {"resources.requests.memory", "manifest-memory-requests", "memory request"},
                                            {"resources.limits.memory", "manifest-memory-limits", "memory limit"}}};
  for (const auto& need : k_needs)
    if (r.active(need.rule) && !field_at(c.node, need.path))
      report_missing(r, need.rule, c, need.path, fmt::format("container '{}' sets no {}", c.name, need.what));
}

void probes(const ContainerView& c, Reporter& r) {
  if (!field(c.node, "livenessProbe"))
    r.report("manifest-liveness-probe", {}, c.node, fmt::format("container '{}' has no livenessProbe", c.name),
             c.key("livenessProbe"));
  if (!field(c.node, "readinessProbe"))
    r.report("manifest-readiness-probe", {}, c.node, fmt::format("container '{}' has no readinessProbe", c.name),
             c.key("readinessProbe"));
}

void read_only_root(const ContainerView& c, Reporter& r) {
  auto f = container_context(c, "readOnlyRootFilesystem");
  if (f && is_true(f->value)) return;
  report_missing(r, "manifest-writable-root-filesystem", c, "securityContext.readOnlyRootFilesystem",
                 fmt::format("container '{}' has a writable root filesystem", c.name));
}

bool listed(const std::vector<std::string>& caps, std::string_view cap) {
  return std::find(caps.begin(), caps.end(), cap) != caps.end() || std::find(caps.begin(), caps.end(), "ALL") != caps.end();
}

void net_raw(const ContainerView& c, Reporter& r) {
  auto add = container_context(c, "capabilities.add");
  if (add && listed(scalars(add->value), "NET_RAW")) {
    r.report("manifest-net-raw-capability", *add, fmt::format("container '{}' adds NET_RAW", c.name),
             c.key("securityContext.capabilities.add"));
    return;
  }
  auto drop = container_context(c, "capabilities.drop");
  if (drop && listed(scalars(drop->value), "NET_RAW")) return;
  std::string message = fmt::format("container '{}' keeps NET_RAW (granted by default): drop it or ALL", c.name);
  if (drop) r.report("manifest-net-raw-capability", *drop, message, c.key("securityContext.capabilities.drop"));
  else report_missing(r, "manifest-net-raw-capability", c, "securityContext.capabilities.drop", message);
}

void env_secrets(const ContainerView& c, Reporter& r) {
  YAML::Node env = at(c.node, "env");
  for (std::size_t i = 0; env.IsSequence() && i < env.size(); ++i) {
    auto value = field(env[i], "value");
    std::string name = scalar(at(env[i], "name"));
    if (value)
      check_env_secret(r, {}, env[i], name, scalar(value->value), c.key("env/" + name),
                       "valueFrom.secretKeyRef (or a mounted Secret)");
  }
}

void image(const ContainerView& c, Reporter& r) {
  auto f = field(c.node, "image");
  if (!f) return;
  std::string who = fmt::format("container '{}'", c.name);
  check_image(r, *f, c.key("image"), who);
  check_pull_policy(r, c.node, *f, c.key("imagePullPolicy"), who);
}

void runtime_socket(const PodView& pod, Reporter& r) {
  YAML::Node volumes = at(pod.spec, "volumes");
  for (std::size_t i = 0; volumes.IsSequence() && i < volumes.size(); ++i) {
    auto path = field_at(volumes[i], "hostPath.path");
    std::string value = path ? scalar(path->value) : std::string();
    if (!runtime_socket_path(value)) continue;
    r.report("manifest-docker-socket-mount", *path,
             fmt::format("volume '{}' mounts the container runtime socket {}: control of the node",
                         scalar(at(volumes[i], "name")), value),
             fmt::format("volumes[{}]/hostPath", scalar(at(volumes[i], "name"))));
  }
}

void service_account(const PodView& pod, Reporter& r) {
  auto automount = field(pod.spec, "automountServiceAccountToken");
  if (!automount || !(as_bool(automount->value) == false)) {
    std::string message = "the pod mounts a service account token: set automountServiceAccountToken: false "
                          "unless it calls the API";
    if (automount) r.report("manifest-service-account-token", *automount, message, "automountServiceAccountToken");
    else r.report("manifest-service-account-token", pod.spec_key, pod.spec, message, "automountServiceAccountToken");
  }
  auto name = field(pod.spec, "serviceAccountName");
  auto legacy = field(pod.spec, "serviceAccount");  // deprecated alias of serviceAccountName
  const std::optional<Field>& named = name ? name : legacy;
  std::string account = named ? scalar(named->value) : std::string();
  if (!account.empty() && account != "default") return;
  std::string message = "the pod runs as the namespace's default service account";
  if (named) r.report("manifest-default-service-account", *named, message, "serviceAccountName");
  else r.report("manifest-default-service-account", pod.spec_key, pod.spec, message, "serviceAccountName");
}

}  // namespace

bool runtime_socket_path(std::string_view path) {
  while (path.size() > 1 && path.ends_with('/')) path.remove_suffix(1);
  return std::any_of(k_runtime_sockets.begin(), k_runtime_sockets.end(),
                     [&](std::string_view socket) { return path.ends_with(socket); });
}

void check_pod_hardening(const PodView& pod, Reporter& r) {
  for (const auto& c : pod.containers) {
    if (has_resources(c)) resources(c, r);
    if (has_resources(c)) read_only_root(c, r);
    if (runs_long(c) && !pod.batch) probes(c, r);
    if (!pod.windows) net_raw(c, r);
    env_secrets(c, r);
    image(c, r);
  }
  runtime_socket(pod, r);
  service_account(pod, r);
}

}  // namespace hookguard::manifest
