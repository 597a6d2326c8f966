// Pod, PodTemplate and Binding create validation, and the pod spec rules shared with every
// workload kind: pkg/apis/core/validation/validation.go (ValidatePodCreate, ValidatePodSpec,
// ValidatePodTemplate, ValidatePodTemplateSpec, ValidatePodBinding and their helpers), with the
// options the API server uses for new objects in v1.32 (relaxed environment variable names on,
// strict DNS search paths, no zero-second sleep, no alpha pod-level resources). This file holds
// the pod-level rules and the container lists; containers, volumes and scheduling constraints
// are in container_validation.cc, volume_validation.cc and scheduling_validation.cc.
#include "impl/api/core/internal/pod_validation.h"

#include <cstdint>
#include <limits>
#include <optional>
#include <regex>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/core/internal/validation_helpers.h"
#include "impl/api/core/ops.h"

namespace kref::api::core {
namespace {

using internal::Contains;
using internal::Options;
using internal::PodContext;
using internal::TrimSpace;
using internal::ValidateAffinity;
using internal::ValidateAppArmorProfileField;
using internal::ValidateContainerCommon;
using internal::ValidateContainerResourceRequirements;
using internal::ValidateDNS1123Label;
using internal::ValidateDNS1123Subdomain;
using internal::ValidateID;
using internal::ValidateLocalDescendingPath;
using internal::ValidateProbesAndLifecycle;
using internal::ValidateQualifiedName;
using internal::ValidateSeccompProfileField;
using internal::ValidateSubdomainName;
using internal::ValidateTolerations;
using internal::ValidateTopologySpreadConstraints;
using internal::ValidateVolumes;
using internal::VolumeMap;
using validation::Append;
using validation::BadValue;
using validation::Duplicate;
using validation::FieldErrors;
using validation::Forbidden;
using validation::Invalid;
using validation::InvalidPerProblem;
using validation::NotFound;
using validation::NotSupported;
using validation::Path;
using validation::Required;

constexpr int64_t kMaxInt32 = std::numeric_limits<int32_t>::max();
constexpr std::string_view kMirrorPodAnnotation = "kubernetes.io/config.mirror";
constexpr std::string_view kPodDeletionCostAnnotation =
    "controller.kubernetes.io/pod-deletion-cost";
constexpr std::string_view kSeccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
constexpr std::string_view kSeccompContainerPrefix =
    "container.seccomp.security.alpha.kubernetes.io/";
constexpr std::string_view kAppArmorContainerPrefix =
    "container.apparmor.security.beta.kubernetes.io/";

// Calls f(container, path) for init, regular and ephemeral containers
// (podshelper.VisitContainersWithPath).
template <class F>
void VisitContainersWithPath(const PodSpec& spec, const Path& path, F&& f) {
  for (size_t i = 0; i < spec.initContainers.size(); ++i) {
    f(spec.initContainers[i].name, spec.initContainers[i].securityContext,
      path.Child("initContainers").Index(i));
  }
  for (size_t i = 0; i < spec.containers.size(); ++i) {
    f(spec.containers[i].name, spec.containers[i].securityContext,
      path.Child("containers").Index(i));
  }
  for (size_t i = 0; i < spec.ephemeralContainers.size(); ++i) {
    f(spec.ephemeralContainers[i].name, spec.ephemeralContainers[i].securityContext,
      path.Child("ephemeralContainers").Index(i));
  }
}

// ---- Container lists ------------------------------------------------------------------------

// Go's %#v of a resize policy list, as upstream prints it in "must not be set for init
// containers".
std::string ResizePolicyGoSyntax(const std::vector<ContainerResizePolicy>& policies) {
  std::string out = "[]core.ContainerResizePolicy{";
  for (size_t i = 0; i < policies.size(); ++i) {
    if (i > 0) out += ", ";
    out +=
        "core.ContainerResizePolicy{ResourceName:" + validation::GoQuote(policies[i].resourceName) +
        ", RestartPolicy:" + validation::GoQuote(policies[i].restartPolicy) + "}";
  }
  return out + "}";
}

// AccumulateUniqueHostPorts: a protocol/hostIP/hostPort triple is used once among
// `containers`, which sit at `path`[first_index...].
FieldErrors CheckHostPortConflicts(std::span<const Container> containers, size_t first_index,
                                   const Path& path) {
  FieldErrors errors;
  std::set<std::string> seen;
  for (size_t c = 0; c < containers.size(); ++c) {
    const Container& ctr = containers[c];
    for (size_t p = 0; p < ctr.ports.size(); ++p) {
      const ContainerPort& port = ctr.ports[p];
      if (port.hostPort == 0) continue;
      std::string key = port.protocol + "/" + port.hostIP + "/" + std::to_string(port.hostPort);
      if (!seen.insert(key).second) {
        errors.push_back(
            Duplicate(path.Index(first_index + c).Child("ports").Index(p).Child("hostPort"), key));
      }
    }
  }
  return errors;
}

// validateContainers.
FieldErrors ValidateContainers(const std::vector<Container>& containers, const PodContext& pod,
                               const Path& path) {
  if (containers.empty()) return {Required(path)};
  FieldErrors errors;
  std::set<std::string> names;
  for (size_t i = 0; i < containers.size(); ++i) {
    const Container& ctr = containers[i];
    Path at = path.Index(i);
    Append(errors, ValidateContainerCommon(ctr, pod, at));
    if (!names.insert(ctr.name).second) errors.push_back(Duplicate(at.Child("name"), ctr.name));
    Append(errors, ValidateProbesAndLifecycle(ctr, pod.grace_period, at));
    if (ctr.restartPolicy) {
      errors.push_back(
          Forbidden(at.Child("restartPolicy"), "may not be set for non-init containers"));
    }
  }
  Append(errors, CheckHostPortConflicts(containers, 0, path));
  return errors;
}

// validateInitContainers: sidecars (restartPolicy Always) may have probes and lifecycle hooks.
FieldErrors ValidateInitContainers(const std::vector<Container>& containers,
                                   const std::vector<Container>& regular, const PodContext& pod,
                                   const Path& path) {
  FieldErrors errors;
  std::set<std::string> names;
  for (const Container& ctr : regular) names.insert(ctr.name);
  for (size_t i = 0; i < containers.size(); ++i) {
    const Container& ctr = containers[i];
    Path at = path.Index(i);
    Append(errors, ValidateContainerCommon(ctr, pod, at));
    bool restart_always = false;
    if (ctr.restartPolicy) {
      if (*ctr.restartPolicy != "Always") {
        errors.push_back(NotSupported(at.Child("restartPolicy"), *ctr.restartPolicy, {"Always"}));
      }
      restart_always = *ctr.restartPolicy == "Always";
    }
    if (names.contains(ctr.name)) {
      errors.push_back(Duplicate(at.Child("name"), ctr.name));
    } else if (!ctr.name.empty()) {
      names.insert(ctr.name);
    }
    Append(errors, CheckHostPortConflicts(std::span(&ctr, 1), i, path));
    if (restart_always) {
      Append(errors, ValidateProbesAndLifecycle(ctr, pod.grace_period, at));
    } else {
      constexpr std::string_view kNotSidecar =
          "may not be set for init containers without restartPolicy=Always";
      if (ctr.lifecycle)
        errors.push_back(Forbidden(at.Child("lifecycle"), std::string(kNotSidecar)));
      if (ctr.livenessProbe) {
        errors.push_back(Forbidden(at.Child("livenessProbe"), std::string(kNotSidecar)));
      }
      if (ctr.readinessProbe) {
        errors.push_back(Forbidden(at.Child("readinessProbe"), std::string(kNotSidecar)));
      }
      if (ctr.startupProbe) {
        errors.push_back(Forbidden(at.Child("startupProbe"), std::string(kNotSidecar)));
      }
    }
    if (!ctr.resizePolicy.empty()) {
      errors.push_back(Invalid(at.Child("resizePolicy"),
                               BadValue::Raw(ResizePolicyGoSyntax(ctr.resizePolicy)),
                               "must not be set for init containers"));
    }
  }
  return errors;
}

// The Container an ephemeral container's common fields describe.
Container AsContainer(const EphemeralContainer& ec) {
  Container c;
  c.name = ec.name;
  c.image = ec.image;
  c.command = ec.command;
  c.args = ec.args;
  c.workingDir = ec.workingDir;
  c.ports = ec.ports;
  c.envFrom = ec.envFrom;
  c.env = ec.env;
  c.resources = ec.resources;
  c.resizePolicy = ec.resizePolicy;
  c.restartPolicy = ec.restartPolicy;
  c.volumeMounts = ec.volumeMounts;
  c.volumeDevices = ec.volumeDevices;
  c.livenessProbe = ec.livenessProbe;
  c.readinessProbe = ec.readinessProbe;
  c.startupProbe = ec.startupProbe;
  c.lifecycle = ec.lifecycle;
  c.terminationMessagePath = ec.terminationMessagePath;
  c.terminationMessagePolicy = ec.terminationMessagePolicy;
  c.imagePullPolicy = ec.imagePullPolicy;
  c.securityContext = ec.securityContext;
  c.stdin = ec.stdin;
  c.stdinOnce = ec.stdinOnce;
  c.tty = ec.tty;
  return c;
}

// validateContainerOnlyForPod: no surrounding whitespace in the image.
FieldErrors ValidateContainerOnlyForPod(const Container& ctr, const Path& path) {
  if (TrimSpace(ctr.image).size() != ctr.image.size()) {
    return {
        Invalid(path.Child("image"), ctr.image, "must not have leading or trailing whitespace")};
  }
  return {};
}

// validateEphemeralContainers (they are rejected on create, but validated all the same).
FieldErrors ValidateEphemeralContainers(const PodSpec& spec, const PodContext& pod,
                                        const Path& path) {
  FieldErrors errors;
  std::set<std::string> other_names;
  for (const Container& c : spec.containers) other_names.insert(c.name);
  for (const Container& c : spec.initContainers) other_names.insert(c.name);
  std::set<std::string> all_names = other_names;
  for (size_t i = 0; i < spec.ephemeralContainers.size(); ++i) {
    const EphemeralContainer& ec = spec.ephemeralContainers[i];
    Path at = path.Index(i);
    Container c = AsContainer(ec);
    Append(errors, ValidateContainerCommon(c, pod, at));
    Append(errors, ValidateContainerOnlyForPod(c, at));
    if (!all_names.insert(ec.name).second) errors.push_back(Duplicate(at.Child("name"), ec.name));
    if (!ec.targetContainerName.empty() && !other_names.contains(ec.targetContainerName)) {
      errors.push_back(NotFound(at.Child("targetContainerName"), ec.targetContainerName));
    }
    ForEachField(c, [&](std::string_view name, const auto& value) {
      static const std::initializer_list<std::string_view> kAllowed = {"name",
                                                                       "image",
                                                                       "command",
                                                                       "args",
                                                                       "workingDir",
                                                                       "envFrom",
                                                                       "env",
                                                                       "volumeMounts",
                                                                       "volumeDevices",
                                                                       "terminationMessagePath",
                                                                       "terminationMessagePolicy",
                                                                       "imagePullPolicy",
                                                                       "securityContext",
                                                                       "stdin",
                                                                       "stdinOnce",
                                                                       "tty"};
      if (Contains(kAllowed, name) || value == std::decay_t<decltype(value)>{}) return;
      errors.push_back(Forbidden(at.Child(name), "cannot be set for an Ephemeral Container"));
    });
    for (size_t m = 0; m < ec.volumeMounts.size(); ++m) {
      Path mount = at.Child("volumeMounts").Index(m);
      if (!ec.volumeMounts[m].subPath.empty()) {
        errors.push_back(
            Forbidden(mount.Child("subPath"), "cannot be set for an Ephemeral Container"));
      }
      if (!ec.volumeMounts[m].subPathExpr.empty()) {
        errors.push_back(
            Forbidden(mount.Child("subPathExpr"), "cannot be set for an Ephemeral Container"));
      }
    }
  }
  return errors;
}

// ---- Pod-level fields -----------------------------------------------------------------------

// validatePodHostNetworkDeps: with host networking a hostPort must equal its containerPort (a
// template may leave it 0, to be defaulted when the pod is made).
FieldErrors ValidatePodHostNetworkDeps(const PodSpec& spec, const Path& path, const Options& opts) {
  if (!spec.hostNetwork) return {};
  FieldErrors errors;
  Path containers = path.Child("containers");
  for (size_t i = 0; i < spec.containers.size(); ++i) {
    const std::vector<ContainerPort>& ports = spec.containers[i].ports;
    for (size_t p = 0; p < ports.size(); ++p) {
      int32_t hp = ports[p].hostPort;
      if ((opts.resource_is_pod || hp != 0) && hp != ports[p].containerPort) {
        errors.push_back(Invalid(containers.Index(i).Child("ports").Index(p).Child("hostPort"), hp,
                                 "must match `containerPort` when `hostNetwork` is true"));
      }
    }
  }
  return errors;
}

// validateRestartPolicy.
FieldErrors ValidateRestartPolicy(const std::string& policy, const Path& path) {
  if (Contains({"Always", "OnFailure", "Never"}, policy)) return {};
  if (policy.empty()) return {Required(path)};
  return {NotSupported(path, policy, {"Always", "OnFailure", "Never"})};
}

// validateDNSPolicy.
FieldErrors ValidateDNSPolicy(const std::string& policy, const Path& path) {
  if (Contains({"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"}, policy)) return {};
  if (policy.empty()) return {Required(path)};
  return {
      NotSupported(path, policy, {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"})};
}

// utilsysctl.NormalizeName: slash-separated names become dot-separated.
std::string NormalizeSysctlName(std::string name) {
  size_t first = name.find_first_of("./");
  if (first == std::string::npos || name[first] == '.') return name;
  for (char& c : name) {
    if (c == '.') {
      c = '/';
    } else if (c == '/') {
      c = '.';
    }
  }
  return name;
}

// ValidateHostSysctl: namespaced sysctls cannot be set when sharing that namespace with the host.
FieldErrors ValidateHostSysctl(const std::string& sysctl, const PodSpec& spec, const Path& path) {
  std::string name = NormalizeSysctlName(sysctl);
  bool net = name.starts_with("net.");
  bool ipc = name.starts_with("fs.mqueue.") ||
             Contains({"kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni",
                       "kernel.shm_rmid_forced", "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni"},
                      name);
  if (spec.hostNetwork && net) {
    return {Invalid(path, sysctl, "may not be specified when 'hostNetwork' is true")};
  }
  if (spec.hostIPC && ipc)
    return {Invalid(path, sysctl, "may not be specified when 'hostIPC' is true")};
  return {};
}

// validateSysctls.
FieldErrors ValidateSysctls(const PodSpec& spec, const std::vector<Sysctl>& sysctls,
                            const Path& path) {
  static const std::string kSysctlRegex =
      "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";
  static const std::regex kSysctl(kSysctlRegex);
  FieldErrors errors;
  std::set<std::string> names;
  for (size_t i = 0; i < sysctls.size(); ++i) {
    const std::string& name = sysctls[i].name;
    Path at = path.Index(i).Child("name");
    if (name.empty()) {
      errors.push_back(Required(at));
    } else if (name.size() > 253 || !std::regex_match(name, kSysctl)) {
      errors.push_back(
          Invalid(at, name, "must have at most 253 characters and match regex " + kSysctlRegex));
    } else if (names.contains(name)) {
      errors.push_back(Duplicate(at, name));
    }
    Append(errors, ValidateHostSysctl(name, spec, at));
    names.insert(name);
  }
  return errors;
}

// validatePodSpecSecurityContext (alpha fields supplementalGroupsPolicy and seLinuxChangePolicy
// are not checked).
FieldErrors ValidatePodSpecSecurityContext(const PodSpec& spec, const Path& path) {
  if (!spec.securityContext) return {};
  const PodSecurityContext& sc = *spec.securityContext;
  FieldErrors errors;
  if (sc.fsGroup) Append(errors, ValidateID(*sc.fsGroup, path.Child("fsGroup")));
  if (sc.runAsUser) Append(errors, ValidateID(*sc.runAsUser, path.Child("runAsUser")));
  if (sc.runAsGroup) Append(errors, ValidateID(*sc.runAsGroup, path.Child("runAsGroup")));
  for (size_t g = 0; g < sc.supplementalGroups.size(); ++g) {
    Append(errors, ValidateID(sc.supplementalGroups[g], path.Child("supplementalGroups").Index(g)));
  }
  if (spec.shareProcessNamespace && *spec.shareProcessNamespace && spec.hostPID) {
    errors.push_back(Invalid(path.Child("shareProcessNamespace"), true,
                             "ShareProcessNamespace and HostPID cannot both be enabled"));
  }
  if (!sc.sysctls.empty()) Append(errors, ValidateSysctls(spec, sc.sysctls, path.Child("sysctls")));
  if (sc.fsGroupChangePolicy && *sc.fsGroupChangePolicy != "Always" &&
      *sc.fsGroupChangePolicy != "OnRootMismatch") {
    errors.push_back(NotSupported(path.Child("fsGroupChangePolicy"), *sc.fsGroupChangePolicy,
                                  {"Always", "OnRootMismatch"}));
  }
  Append(errors, ValidateSeccompProfileField(sc.seccompProfile, path.Child("seccompProfile")));
  Append(errors, ValidateAppArmorProfileField(sc.appArmorProfile, path.Child("appArmorProfile")));
  return errors;
}

// validatePodDNSConfig.
FieldErrors ValidatePodDNSConfig(const std::optional<PodDNSConfig>& config,
                                 const std::string& policy, const Path& path) {
  if (policy == "None") {
    if (!config) return {Required(path, "must provide `dnsConfig` when `dnsPolicy` is None")};
    if (config->nameservers.empty()) {
      return {Required(path.Child("nameservers"),
                       "must provide at least one DNS nameserver when `dnsPolicy` is None")};
    }
  }
  if (!config) return {};
  FieldErrors errors;
  if (config->nameservers.size() > 3) {
    errors.push_back(Invalid(path.Child("nameservers"), config->nameservers,
                             "must not have more than 3 nameservers"));
  }
  for (size_t i = 0; i < config->nameservers.size(); ++i) {
    Append(errors, InvalidPerProblem(validation::IsValidIP(config->nameservers[i]),
                                     path.Child("nameservers").Index(i), config->nameservers[i]));
  }
  if (config->searches.size() > 32) {
    errors.push_back(Invalid(path.Child("searches"), config->searches,
                             "must not have more than 32 search paths"));
  }
  size_t chars = 0;
  for (const std::string& search : config->searches) chars += search.size();
  if (!config->searches.empty()) chars += config->searches.size() - 1;
  if (chars > 2048) {
    errors.push_back(Invalid(path.Child("searches"), config->searches,
                             "must not have more than 2048 characters (including spaces) in the "
                             "search list"));
  }
  for (size_t i = 0; i < config->searches.size(); ++i) {
    std::string_view search = config->searches[i];
    if (search.ends_with('.')) search.remove_suffix(1);
    Append(errors, ValidateDNS1123Subdomain(search, path.Child("searches").Index(i)));
  }
  for (size_t i = 0; i < config->options.size(); ++i) {
    if (config->options[i].name.empty()) {
      errors.push_back(Required(path.Child("options").Index(i), "must not be empty"));
    }
  }
  return errors;
}

// ValidateHostAliases.
FieldErrors ValidateHostAliases(const std::vector<HostAlias>& aliases, const Path& path) {
  FieldErrors errors;
  for (size_t i = 0; i < aliases.size(); ++i) {
    Append(errors, InvalidPerProblem(validation::IsValidIP(aliases[i].ip),
                                     path.Index(i).Child("ip"), aliases[i].ip));
    for (size_t j = 0; j < aliases[i].hostnames.size(); ++j) {
      Append(errors, ValidateDNS1123Subdomain(aliases[i].hostnames[j],
                                              path.Index(i).Child("hostnames").Index(j)));
    }
  }
  return errors;
}

// validateHostUsers: a user namespace cannot be combined with host namespaces.
FieldErrors ValidateHostUsers(const PodSpec& spec, const Path& path) {
  if (!spec.hostUsers || *spec.hostUsers) return {};
  FieldErrors errors;
  constexpr std::string_view kDetail = "when `pod.Spec.HostUsers` is false";
  if (spec.hostNetwork)
    errors.push_back(Forbidden(path.Child("hostNetwork"), std::string(kDetail)));
  if (spec.hostPID) errors.push_back(Forbidden(path.Child("HostPID"), std::string(kDetail)));
  if (spec.hostIPC) errors.push_back(Forbidden(path.Child("HostIPC"), std::string(kDetail)));
  return errors;
}

// validateOS, and validateLinux for Linux pods (Windows pods' rules are not checked).
FieldErrors ValidateOS(const PodSpec& spec, const Path& path) {
  if (!spec.os) return {};
  Path os_path = path.Child("os");
  if (spec.os->name.empty()) return {Required(os_path.Child("name"), "cannot be empty")};
  if (spec.os->name != "linux" && spec.os->name != "windows") {
    return {NotSupported(os_path, spec.os->name, {"linux", "windows"})};
  }
  if (spec.os->name != "linux") return {};
  FieldErrors errors;
  constexpr std::string_view kDetail = "windows options cannot be set for a linux pod";
  if (spec.securityContext && spec.securityContext->windowsOptions) {
    errors.push_back(
        Forbidden(path.Child("securityContext").Child("windowsOptions"), std::string(kDetail)));
  }
  VisitContainersWithPath(spec, path, [&](const std::string&, const auto& sc, const Path& at) {
    if (sc && sc->windowsOptions) {
      errors.push_back(
          Forbidden(at.Child("securityContext").Child("windowsOptions"), std::string(kDetail)));
    }
  });
  return errors;
}

// The pod-level fields ValidatePodSpec checks after the containers.
FieldErrors ValidatePodSpecFields(const PodSpec& spec, const Path& path) {
  FieldErrors errors;
  if (!spec.serviceAccountName.empty()) {
    Append(errors,
           ValidateSubdomainName(spec.serviceAccountName, path.Child("serviceAccountName")));
  }
  if (!spec.nodeName.empty()) {
    Append(errors, ValidateSubdomainName(spec.nodeName, path.Child("nodeName")));
  }
  if (spec.activeDeadlineSeconds) {
    int64_t value = *spec.activeDeadlineSeconds;
    if (value < 1 || value > kMaxInt32) {
      errors.push_back(Invalid(path.Child("activeDeadlineSeconds"), value,
                               validation::InclusiveRangeError(1, kMaxInt32)));
    }
  }
  if (!spec.hostname.empty())
    Append(errors, ValidateDNS1123Label(spec.hostname, path.Child("hostname")));
  if (!spec.subdomain.empty()) {
    Append(errors, ValidateDNS1123Label(spec.subdomain, path.Child("subdomain")));
  }
  Append(errors, ValidateTolerations(spec.tolerations, path.Child("tolerations")));
  Append(errors, ValidateHostAliases(spec.hostAliases, path.Child("hostAliases")));
  if (!spec.priorityClassName.empty()) {
    Append(errors, ValidateSubdomainName(spec.priorityClassName, path.Child("priorityClassName")));
  }
  if (spec.runtimeClassName) {
    Append(errors, ValidateSubdomainName(*spec.runtimeClassName, path.Child("runtimeClassName")));
  }
  if (spec.preemptionPolicy) {
    const std::string& policy = *spec.preemptionPolicy;
    if (policy.empty()) {
      errors.push_back(Required(path.Child("preemptionPolicy")));
    } else if (policy != "PreemptLowerPriority" && policy != "Never") {
      errors.push_back(
          NotSupported(path.Child("preemptionPolicy"), policy, {"PreemptLowerPriority", "Never"}));
    }
  }
  if (!spec.overhead.empty()) {
    Append(errors,
           ValidateContainerResourceRequirements(spec.overhead, {}, path.Child("overhead")));
  }
  Append(errors, ValidateOS(spec, path));
  return errors;
}

// ValidatePodSpec with the given options; `pod_meta` is set for Pods (ephemeral volume names).
FieldErrors ValidatePodSpecWith(const PodSpec& spec, const meta::ObjectMeta* pod_meta,
                                const Path& path, const Options& opts) {
  FieldErrors errors;
  if (!spec.terminationGracePeriodSeconds) {
    errors.push_back(Required(path.Child("terminationGracePeriodSeconds")));
  }
  VolumeMap volumes;
  Append(errors, ValidateVolumes(spec.volumes, pod_meta, path.Child("volumes"), opts, volumes));
  PodContext pod{volumes, spec.terminationGracePeriodSeconds, spec.restartPolicy,
                 !spec.hostUsers || *spec.hostUsers};
  Append(errors, ValidateContainers(spec.containers, pod, path.Child("containers")));
  Append(errors, ValidateInitContainers(spec.initContainers, spec.containers, pod,
                                        path.Child("initContainers")));
  Append(errors, ValidateEphemeralContainers(spec, pod, path.Child("ephemeralContainers")));
  Append(errors, ValidatePodHostNetworkDeps(spec, path, opts));
  Append(errors, ValidateRestartPolicy(spec.restartPolicy, path.Child("restartPolicy")));
  Append(errors, ValidateDNSPolicy(spec.dnsPolicy, path.Child("dnsPolicy")));
  Append(errors, validation::ValidateLabels(spec.nodeSelector, path.Child("nodeSelector")));
  Append(errors, ValidatePodSpecSecurityContext(spec, path.Child("securityContext")));
  Append(errors, ValidateAffinity(spec.affinity, path.Child("affinity")));
  Append(errors, ValidatePodDNSConfig(spec.dnsConfig, spec.dnsPolicy, path.Child("dnsConfig")));
  for (size_t i = 0; i < spec.readinessGates.size(); ++i) {
    Append(errors,
           ValidateQualifiedName(spec.readinessGates[i].conditionType,
                                 path.Child("readinessGates").Index(i).Child("conditionType")));
  }
  std::set<std::string> gates;
  for (size_t i = 0; i < spec.schedulingGates.size(); ++i) {
    Path at = path.Child("schedulingGates").Index(i);
    Append(errors, ValidateQualifiedName(spec.schedulingGates[i].name, at));
    if (!gates.insert(spec.schedulingGates[i].name).second) {
      errors.push_back(Duplicate(at, spec.schedulingGates[i].name));
    }
  }
  Append(errors, ValidateTopologySpreadConstraints(spec.topologySpreadConstraints,
                                                   path.Child("topologySpreadConstraints")));
  Append(errors, ValidateHostUsers(spec, path));
  Append(errors, ValidatePodSpecFields(spec, path));
  return errors;
}

// ---- Annotations ----------------------------------------------------------------------------

// ValidateSeccompProfile: a deprecated seccomp annotation value.
FieldErrors ValidateSeccompProfileAnnotation(const std::string& value, const Path& path) {
  if (value == "runtime/default" || value == "docker/default" || value == "unconfined") return {};
  if (value.starts_with("localhost/")) {
    return ValidateLocalDescendingPath(std::string_view(value).substr(10), path);
  }
  return {Invalid(path, value, "must be a valid seccomp profile")};
}

// ValidateAppArmorPodAnnotations.
FieldErrors ValidateAppArmorPodAnnotations(const Map<std::string>& annotations, const PodSpec& spec,
                                           const Path& path) {
  FieldErrors errors;
  for (const auto& [key, value] : annotations) {
    if (!key.starts_with(kAppArmorContainerPrefix)) continue;
    std::string container = key.substr(kAppArmorContainerPrefix.size());
    bool found = false;
    VisitContainersWithPath(spec, path, [&](const std::string& name, const auto&, const Path&) {
      found |= name == container;
    });
    if (!found) errors.push_back(Invalid(path.Key(key), container, "container not found"));
    if (!value.empty() && value != "runtime/default" && value != "unconfined" &&
        !value.starts_with("localhost/")) {
      errors.push_back(Invalid(path.Key(key), value,
                               "invalid AppArmor profile name: " + validation::GoQuote(value)));
    }
  }
  return errors;
}

// helper.GetDeletionCostFromPodAnnotations' acceptance: a 32-bit integer without '+' or
// leading zeros.
bool IsValidDeletionCost(const std::string& value) {
  if (value.empty()) return false;
  char first = value[0];
  if (!(first == '-' || (first == '0' && value == "0") || (first >= '1' && first <= '9'))) {
    return false;
  }
  size_t digits = first == '-' ? 1 : 0;
  if (digits == value.size()) return false;
  for (size_t i = digits; i < value.size(); ++i) {
    if (value[i] < '0' || value[i] > '9') return false;
  }
  if (value.size() - digits > 10) return false;
  int64_t parsed = std::stoll(value);
  return parsed >= std::numeric_limits<int32_t>::min() && parsed <= kMaxInt32;
}

// ValidatePodSpecificAnnotations (the deprecated tolerations annotation is not checked).
FieldErrors ValidatePodSpecificAnnotations(const Map<std::string>& annotations, const PodSpec& spec,
                                           const Path& path) {
  FieldErrors errors;
  if (auto it = annotations.find(std::string(kMirrorPodAnnotation));
      it != annotations.end() && spec.nodeName.empty()) {
    errors.push_back(Invalid(path.Key(kMirrorPodAnnotation), it->second,
                             "must set spec.nodeName if mirror pod annotation is set"));
  }
  if (auto it = annotations.find(std::string(kPodDeletionCostAnnotation));
      it != annotations.end() && !IsValidDeletionCost(it->second)) {
    errors.push_back(
        Invalid(path.Key(kPodDeletionCostAnnotation), it->second, "must be a 32bit integer"));
  }
  if (auto it = annotations.find(std::string(kSeccompPodAnnotation)); it != annotations.end()) {
    Append(errors, ValidateSeccompProfileAnnotation(it->second, path.Child(kSeccompPodAnnotation)));
  }
  for (const auto& [key, value] : annotations) {
    if (key.starts_with(kSeccompContainerPrefix)) {
      Append(errors, ValidateSeccompProfileAnnotation(value, path.Child(key)));
    }
  }
  Append(errors, ValidateAppArmorPodAnnotations(annotations, spec, path));
  return errors;
}

// validateSeccompAnnotationsAndFieldsMatch.
std::optional<validation::FieldError> SeccompAnnotationMismatch(const std::string& annotation,
                                                                const SeccompProfile& field,
                                                                const Path& path) {
  constexpr std::string_view kTypes = "seccomp type in annotation and field must match";
  if (field.type == "Unconfined" && annotation != "unconfined") {
    return Forbidden(path.Child("type"), std::string(kTypes));
  }
  if (field.type == "RuntimeDefault" && annotation != "runtime/default" &&
      annotation != "docker/default") {
    return Forbidden(path.Child("type"), std::string(kTypes));
  }
  if (field.type == "Localhost") {
    if (!annotation.starts_with("localhost/"))
      return Forbidden(path.Child("type"), std::string(kTypes));
    if (!field.localhostProfile || annotation.substr(10) != *field.localhostProfile) {
      return Forbidden(path.Child("localhostProfile"),
                       "seccomp profile in annotation and field must match");
    }
  }
  return std::nullopt;
}

// validateSeccompAnnotationsAndFields: where both are given they must agree.
FieldErrors ValidateSeccompAnnotationsAndFields(const meta::ObjectMeta& object_meta,
                                                const PodSpec& spec, const Path& path) {
  FieldErrors errors;
  if (spec.securityContext && spec.securityContext->seccompProfile) {
    if (auto it = object_meta.annotations.find(std::string(kSeccompPodAnnotation));
        it != object_meta.annotations.end()) {
      if (auto error =
              SeccompAnnotationMismatch(it->second, *spec.securityContext->seccompProfile,
                                        path.Child("securityContext").Child("seccompProfile"))) {
        errors.push_back(*error);
      }
    }
  }
  VisitContainersWithPath(spec, path, [&](const std::string& name, const auto& sc, const Path& at) {
    if (!sc || !sc->seccompProfile) return;
    auto it = object_meta.annotations.find(std::string(kSeccompContainerPrefix) + name);
    if (it == object_meta.annotations.end()) return;
    if (auto error = SeccompAnnotationMismatch(
            it->second, *sc->seccompProfile, at.Child("securityContext").Child("seccompProfile"))) {
      errors.push_back(*error);
    }
  });
  return errors;
}

// validateAppArmorAnnotationsAndFieldsMatchOnCreate.
FieldErrors ValidateAppArmorAnnotationsAndFieldsMatch(const meta::ObjectMeta& object_meta,
                                                      const PodSpec& spec, const Path& path) {
  if (spec.os && spec.os->name == "windows") return {};
  std::optional<AppArmorProfile> pod_profile;
  if (spec.securityContext) pod_profile = spec.securityContext->appArmorProfile;
  FieldErrors errors;
  VisitContainersWithPath(spec, path, [&](const std::string& name, const auto& sc, const Path& at) {
    std::optional<AppArmorProfile> profile = pod_profile;
    if (sc && sc->appArmorProfile) profile = sc->appArmorProfile;
    if (!profile) return;
    auto it = object_meta.annotations.find(std::string(kAppArmorContainerPrefix) + name);
    if (it == object_meta.annotations.end()) return;
    const std::string& annotation = it->second;
    Path apparmor = at.Child("securityContext").Child("appArmorProfile");
    constexpr std::string_view kTypes = "apparmor type in annotation and field must match";
    if ((profile->type == "Unconfined" && annotation != "unconfined") ||
        (profile->type == "RuntimeDefault" && annotation != "runtime/default") ||
        (profile->type == "Localhost" && !annotation.starts_with("localhost/"))) {
      errors.push_back(Forbidden(apparmor.Child("type"), std::string(kTypes)));
    } else if (profile->type == "Localhost" &&
               (!profile->localhostProfile ||
                annotation.substr(10) != *profile->localhostProfile)) {
      errors.push_back(Forbidden(apparmor.Child("localhostProfile"),
                                 "apparmor profile in annotation and field must match"));
    }
  });
  return errors;
}

// ValidatePodTemplateSpec with the given options.
FieldErrors ValidatePodTemplateSpecWith(const PodTemplateSpec& template_spec, const Path& path,
                                        const Options& opts) {
  FieldErrors errors =
      validation::ValidateLabels(template_spec.metadata.labels, path.Child("labels"));
  Append(errors, validation::ValidateAnnotations(template_spec.metadata.annotations,
                                                 path.Child("annotations")));
  Append(errors, ValidatePodSpecificAnnotations(template_spec.metadata.annotations,
                                                template_spec.spec, path.Child("annotations")));
  Append(errors, ValidatePodSpecWith(template_spec.spec, nullptr, path.Child("spec"), opts));
  Append(errors, ValidateSeccompAnnotationsAndFields(template_spec.metadata, template_spec.spec,
                                                     path.Child("spec")));
  Append(errors, ValidateAppArmorAnnotationsAndFieldsMatch(template_spec.metadata,
                                                           template_spec.spec, path.Child("spec")));
  if (!template_spec.spec.ephemeralContainers.empty()) {
    errors.push_back(Forbidden(path.Child("spec").Child("ephemeralContainers"),
                               "ephemeral containers not allowed in pod template"));
  }
  return errors;
}

}  // namespace

// For specs embedded in other kinds: a template's hostPort may be left 0 and an image volume's
// reference empty. Pods themselves are validated with the Pod options by Validate(const Pod&).
FieldErrors ValidatePodSpec(const PodSpec& spec, const meta::ObjectMeta& pod_meta,
                            const Path& path) {
  return ValidatePodSpecWith(spec, &pod_meta, path, Options{});
}

FieldErrors ValidatePodTemplateSpec(const PodTemplateSpec& template_spec, const Path& path) {
  return ValidatePodTemplateSpecWith(template_spec, path, Options{});
}

FieldErrors ValidateLongRunningPodSpec(const PodSpec& spec, std::string_view kind,
                                       const Path& path) {
  FieldErrors errors;
  if (spec.restartPolicy != "Always") {
    errors.push_back(NotSupported(path.Child("restartPolicy"), spec.restartPolicy, {"Always"}));
  }
  if (spec.activeDeadlineSeconds) {
    errors.push_back(
        Forbidden(path.Child("activeDeadlineSeconds"),
                  "activeDeadlineSeconds in " + std::string(kind) + " is not Supported"));
  }
  return errors;
}

// ValidatePodCreate (validatePodMetadataAndSpec and the create-only rules).
FieldErrors Validate(const Pod& object) {
  Path meta_path("metadata");
  Path spec_path("spec");
  const PodSpec& spec = object.spec;
  FieldErrors errors = validation::ValidateObjectMeta(object.metadata, true,
                                                      validation::NameIsDNSSubdomain, meta_path);
  Append(errors, ValidatePodSpecificAnnotations(object.metadata.annotations, spec,
                                                meta_path.Child("annotations")));
  Append(errors,
         ValidatePodSpecWith(spec, &object.metadata, spec_path, Options{.resource_is_pod = true}));
  if (spec.serviceAccountName.empty()) {
    for (size_t v = 0; v < spec.volumes.size(); ++v) {
      if (!spec.volumes[v].projected) continue;
      const auto& sources = spec.volumes[v].projected->sources;
      for (size_t s = 0; s < sources.size(); ++s) {
        if (!sources[s].serviceAccountToken) continue;
        errors.push_back(Forbidden(spec_path.Child("volumes")
                                       .Index(v)
                                       .Child("projected")
                                       .Child("sources")
                                       .Index(s)
                                       .Child("serviceAccountToken"),
                                   "must not be specified when serviceAccountName is not set"));
      }
    }
  }
  for (size_t i = 0; i < spec.containers.size(); ++i) {
    Append(errors,
           ValidateContainerOnlyForPod(spec.containers[i], spec_path.Child("containers").Index(i)));
  }
  for (size_t i = 0; i < spec.initContainers.size(); ++i) {
    Append(errors, ValidateContainerOnlyForPod(spec.initContainers[i],
                                               spec_path.Child("initContainers").Index(i)));
  }
  if (!spec.ephemeralContainers.empty()) {
    errors.push_back(Forbidden(spec_path.Child("ephemeralContainers"), "cannot be set on create"));
  }
  if (!spec.nodeName.empty() && !spec.schedulingGates.empty()) {
    errors.push_back(Forbidden(spec_path.Child("nodeName"),
                               "cannot be set until all schedulingGates have been cleared"));
  }
  Append(errors, ValidateSeccompAnnotationsAndFields(object.metadata, spec, spec_path));
  Append(errors, ValidateAppArmorAnnotationsAndFieldsMatch(object.metadata, spec, spec_path));
  return errors;
}

// ValidatePodTemplate.
FieldErrors Validate(const PodTemplate& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  Append(errors, ValidatePodTemplateSpec(object.template_, Path("template")));
  return errors;
}

// ValidatePodBinding, after the metadata every kind validates.
FieldErrors Validate(const Binding& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  const ObjectReference& target = object.target;
  if (!target.kind.empty() && target.kind != "Node") {
    errors.push_back(NotSupported(Path("target").Child("kind"), target.kind, {"Node", "<empty>"}));
  }
  if (target.name.empty()) errors.push_back(Required(Path("target").Child("name")));
  return errors;
}

}  // namespace kref::api::core
