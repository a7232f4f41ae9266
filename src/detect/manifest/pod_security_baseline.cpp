// Baseline profile: prevents known privilege escalations (PSS "baseline").
#include "detect/manifest/pod_security.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace hookguard::manifest {
namespace {

constexpr std::array<std::string_view, 13> k_baseline_capabilities = {
    "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"};
// Safe sysctls of the newest policy version (1.0 set, +1.27, +1.29, +1.32).
constexpr std::array<std::string_view, 12> k_safe_sysctls = {
    "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
    "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem",
    "net.ipv4.tcp_wmem"};
constexpr std::array<std::string_view, 4> k_selinux_types = {"", "container_t", "container_init_t", "container_kvm_t"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view value) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

void host_namespaces(const PodView& pod, Reporter& r) {
  struct Namespace { std::string_view field, rule; };
  for (auto [name, rule] : {Namespace{"hostNetwork", "manifest-host-network"},
                            Namespace{"hostPID", "manifest-host-pid"}, Namespace{"hostIPC", "manifest-host-ipc"}})
    if (auto f = field(pod.spec, name); f && is_true(f->value))
      r.report(rule, *f, fmt::format("{}: true shares the node's namespace with the pod", name), name);
}

void privileged(const PodView& pod, Reporter& r) {
  for (const auto& c : pod.containers)
    if (auto f = container_context(c, "privileged"); f && is_true(f->value))
      r.report("manifest-privileged-container", *f,
               fmt::format("container '{}' runs privileged: full access to the node", c.name),
               c.key("securityContext.privileged"));
}

void capabilities_baseline(const PodView& pod, Reporter& r) {
  for (const auto& c : pod.containers) {
    auto added = container_context(c, "capabilities.add");
    if (!added) continue;
    for (const auto& cap : scalars(added->value))
      if (!contains(k_baseline_capabilities, cap))
        r.report("manifest-capabilities-baseline", *added,
                 fmt::format("container '{}' adds capability {}, outside the baseline set", c.name, cap),
                 c.key("securityContext.capabilities.add/" + cap));
  }
}

void host_path_volumes(const PodView& pod, Reporter& r) {
  YAML::Node volumes = at(pod.spec, "volumes");
  for (std::size_t i = 0; volumes.IsSequence() && i < volumes.size(); ++i)
    if (auto f = field(volumes[i], "hostPath"))
      r.report("manifest-host-path-volume", *f,
               fmt::format("volume '{}' mounts host path {}", scalar(at(volumes[i], "name")),
                           scalar(at(f->value, "path"))),
               "volumes[" + scalar(at(volumes[i], "name")) + "]/hostPath");
}

void host_ports(const PodView& pod, Reporter& r) {
  for (const auto& c : pod.containers) {
    YAML::Node ports = at(c.node, "ports");
    for (std::size_t i = 0; ports.IsSequence() && i < ports.size(); ++i)
      if (auto f = field(ports[i], "hostPort"); f && as_int(f->value).value_or(1) != 0)
        r.report("manifest-host-port", *f,
                 fmt::format("container '{}' binds host port {}", c.name, scalar(f->value)),
                 c.key("ports/hostPort=" + scalar(f->value)));
  }
}

bool apparmor_annotation_allowed(std::string_view profile) {
  return profile.empty() || profile == "runtime/default" || profile.starts_with("localhost/");
}

void apparmor_field(const std::optional<Field>& f, std::string_view who, std::string key, Reporter& r) {
  if (f && scalar(f->value) == "Unconfined")
    r.report("manifest-apparmor-profile", *f, fmt::format("{} sets appArmorProfile.type: Unconfined", who), key);
}

void apparmor(const PodView& pod, Reporter& r) {
  constexpr std::string_view k_prefix = "container.apparmor.security.beta.kubernetes.io/";
  YAML::Node annotations = at(pod.metadata, "annotations");
  for (auto it = annotations.begin(); annotations.IsMap() && it != annotations.end(); ++it)
    if (scalar(it->first).starts_with(k_prefix) && !apparmor_annotation_allowed(scalar(it->second)))
      r.report("manifest-apparmor-profile", it->first, it->second,
               fmt::format("annotation {} sets forbidden AppArmor profile '{}'", scalar(it->first),
                           scalar(it->second)),
               "annotations/" + scalar(it->first));
  apparmor_field(pod_context(pod, "appArmorProfile.type"), "pod", "securityContext.appArmorProfile", r);
  for (const auto& c : pod.containers)
    apparmor_field(container_context(c, "appArmorProfile.type"), fmt::format("container '{}'", c.name),
                   c.key("securityContext.appArmorProfile"), r);
}

// Problems of one seLinuxOptions block, empty when it is allowed.
std::string selinux_problems(const YAML::Node& options) {
  std::vector<std::string> bad;
  if (std::string type = scalar(at(options, "type")); !contains(k_selinux_types, type))
    bad.push_back(fmt::format("type '{}'", type));
  if (!scalar(at(options, "user")).empty()) bad.push_back("user may not be set");
  if (!scalar(at(options, "role")).empty()) bad.push_back("role may not be set");
  return fmt::format("{}", fmt::join(bad, "; "));
}

void selinux_block(const std::optional<Field>& f, std::string_view who, std::string key, Reporter& r) {
  if (!f) return;
  if (std::string problems = selinux_problems(f->value); !problems.empty())
    r.report("manifest-selinux-options", *f, fmt::format("{} sets forbidden seLinuxOptions: {}", who, problems), key);
}

void selinux(const PodView& pod, Reporter& r) {
  selinux_block(pod_context(pod, "seLinuxOptions"), "pod", "securityContext.seLinuxOptions", r);
  for (const auto& c : pod.containers)
    selinux_block(container_context(c, "seLinuxOptions"), fmt::format("container '{}'", c.name),
                  c.key("securityContext.seLinuxOptions"), r);
}

void proc_mount(const PodView& pod, Reporter& r) {
  if (auto host_users = as_bool(at(pod.spec, "hostUsers")); host_users && !*host_users) return;  // user namespace
  for (const auto& c : pod.containers)
    if (auto f = container_context(c, "procMount"); f && scalar(f->value) != "Default" && !f->value.IsNull())
      r.report("manifest-proc-mount", *f,
               fmt::format("container '{}' sets procMount: {} (unmasked /proc)", c.name, scalar(f->value)),
               c.key("securityContext.procMount"));
}

void seccomp_block(const std::optional<Field>& f, std::string_view who, std::string key, Reporter& r) {
  if (f && scalar(f->value) == "Unconfined")
    r.report("manifest-seccomp-unconfined", *f, fmt::format("{} sets seccompProfile.type: Unconfined", who), key);
}

void seccomp_baseline(const PodView& pod, Reporter& r) {
  seccomp_block(pod_context(pod, "seccompProfile.type"), "pod", "securityContext.seccompProfile", r);
  for (const auto& c : pod.containers)
    seccomp_block(container_context(c, "seccompProfile.type"), fmt::format("container '{}'", c.name),
                  c.key("securityContext.seccompProfile"), r);
}

void sysctls(const PodView& pod, Reporter& r) {
  auto list = pod_context(pod, "sysctls");
  for (std::size_t i = 0; list && list->value.IsSequence() && i < list->value.size(); ++i) {
    auto name = field(list->value[i], "name");
    if (name && !contains(k_safe_sysctls, scalar(name->value)))
      r.report("manifest-unsafe-sysctls", *name, fmt::format("unsafe sysctl {}", scalar(name->value)),
               "securityContext.sysctls/" + scalar(name->value));
  }
}

void windows_host_process(const PodView& pod, Reporter& r) {
  if (auto f = pod_context(pod, "windowsOptions.hostProcess"); f && is_true(f->value))
    r.report("manifest-windows-host-process", *f, "pod runs as a Windows HostProcess: full access to the node",
             "securityContext.windowsOptions.hostProcess");
  for (const auto& c : pod.containers)
    if (auto f = container_context(c, "windowsOptions.hostProcess"); f && is_true(f->value))
      r.report("manifest-windows-host-process", *f,
               fmt::format("container '{}' runs as a Windows HostProcess", c.name),
               c.key("securityContext.windowsOptions.hostProcess"));
}

void probe_hosts(const PodView& pod, Reporter& r) {
  constexpr std::array<std::string_view, 5> k_handlers = {"livenessProbe", "readinessProbe", "startupProbe",
                                                          "lifecycle.postStart", "lifecycle.preStop"};
  for (const auto& c : pod.containers)
    for (std::string_view handler : k_handlers)
      for (std::string_view action : {"httpGet", "tcpSocket"}) {
        std::string path = fmt::format("{}.{}.host", handler, action);
        if (auto f = field_at(c.node, path); f && !scalar(f->value).empty())
          r.report("manifest-probe-host", *f,
                   fmt::format("container '{}' {} targets host {}: probes may not reach other hosts",
                               c.name, path, scalar(f->value)),
                   c.key(path));
      }
}

}  // namespace

std::optional<Field> pod_context(const PodView& pod, std::string_view path) {
  return field_at(pod.spec, fmt::format("securityContext.{}", path));
}

std::optional<Field> container_context(const ContainerView& c, std::string_view path) {
  return field_at(c.node, fmt::format("securityContext.{}", path));
}

std::vector<std::string> scalars(const YAML::Node& sequence) {
  std::vector<std::string> out;
  if (!sequence.IsSequence()) return out;
  for (const auto& item : sequence)
    if (item.IsScalar()) out.push_back(item.Scalar());
  return out;
}

void check_pod_security_baseline(const PodView& pod, Reporter& r) {
  host_namespaces(pod, r);
  privileged(pod, r);
  capabilities_baseline(pod, r);
  host_path_volumes(pod, r);
  host_ports(pod, r);
  apparmor(pod, r);
  selinux(pod, r);
  proc_mount(pod, r);
  seccomp_baseline(pod, r);
  sysctls(pod, r);
  windows_host_process(pod, r);
  probe_hosts(pod, r);
}

}  // namespace hookguard::manifest
