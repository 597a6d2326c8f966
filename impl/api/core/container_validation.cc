// Container validation (pkg/apis/core/validation): validateContainerCommon and its parts, ports,
// environment, volume mounts and devices, resources and resize policies, security contexts,
// probes and lifecycle hooks.
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/core/internal/pod_validation.h"
#include "impl/api/core/internal/validation_helpers.h"

namespace kref::api::core::internal {
namespace {

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
using validation::Problems;
using validation::Required;

constexpr std::string_view kMoreThanOneHandler = "may not specify more than 1 handler type";
constexpr int64_t kMaxInt32 = std::numeric_limits<int32_t>::max();

// ---- Ports and environment ------------------------------------------------------------------

// validateContainerPorts.
FieldErrors ValidateContainerPorts(const std::vector<ContainerPort>& ports, const Path& path) {
  FieldErrors errors;
  std::set<std::string> names;
  for (size_t i = 0; i < ports.size(); ++i) {
    const ContainerPort& port = ports[i];
    Path at = path.Index(i);
    if (!port.name.empty()) {
      Problems problems = validation::IsValidPortName(port.name);
      if (!problems.empty()) {
        Append(errors, InvalidPerProblem(problems, at.Child("name"), port.name));
      } else if (!names.insert(port.name).second) {
        errors.push_back(Duplicate(at.Child("name"), port.name));
      }
    }
    if (port.containerPort == 0) {
      errors.push_back(Required(at.Child("containerPort")));
    } else {
      Append(errors, InvalidPerProblem(validation::IsValidPortNum(port.containerPort),
                                       at.Child("containerPort"), port.containerPort));
    }
    if (port.hostPort != 0) {
      Append(errors, InvalidPerProblem(validation::IsValidPortNum(port.hostPort),
                                       at.Child("hostPort"), port.hostPort));
    }
    if (port.protocol.empty()) {
      errors.push_back(Required(at.Child("protocol")));
    } else if (!Contains({"SCTP", "TCP", "UDP"}, port.protocol)) {
      errors.push_back(NotSupported(at.Child("protocol"), port.protocol, {"SCTP", "TCP", "UDP"}));
    }
  }
  return errors;
}

// validation.IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is on in v1.32): any
// printable ASCII but '='.
Problems IsRelaxedEnvVarName(std::string_view value) {
  Problems problems;
  if (value.empty()) problems.push_back("environment variable name must be non-empty");
  for (char c : value) {
    if (c < 0x20 || c > 0x7E || c == '=') {
      problems.push_back(
          "a valid environment variable name must consist only of printable ASCII characters "
          "other than '='");
      break;
    }
  }
  return problems;
}

const std::vector<std::string>& EnvFieldPathExpressions() {
  static const std::vector<std::string> kExpressions = {"metadata.name",
                                                        "metadata.namespace",
                                                        "metadata.uid",
                                                        "spec.nodeName",
                                                        "spec.serviceAccountName",
                                                        "status.hostIP",
                                                        "status.hostIPs",
                                                        "status.podIP",
                                                        "status.podIPs"};
  return kExpressions;
}

// validateConfigMapKeySelector and validateSecretKeySelector.
template <class Selector>
FieldErrors ValidateKeySelector(const Selector& s, const Path& path) {
  FieldErrors errors = ValidateSubdomainName(s.name, path.Child("name"));
  if (s.key.empty()) {
    errors.push_back(Required(path.Child("key")));
  } else {
    Append(errors, InvalidPerProblem(validation::IsConfigMapKey(s.key), path.Child("key"), s.key));
  }
  return errors;
}

// validateEnvVarValueFrom.
FieldErrors ValidateEnvVarValueFrom(const EnvVar& env, const Path& path) {
  if (!env.valueFrom) return {};
  const EnvVarSource& from = *env.valueFrom;
  FieldErrors errors;
  int sources = 0;
  if (from.fieldRef) {
    ++sources;
    Append(errors, ValidateObjectFieldSelector(*from.fieldRef, EnvFieldPathExpressions(),
                                               path.Child("fieldRef")));
  }
  if (from.resourceFieldRef) {
    ++sources;
    Append(errors, ValidateContainerResourceFieldSelector(*from.resourceFieldRef,
                                                          path.Child("resourceFieldRef"), false));
  }
  if (from.configMapKeyRef) {
    ++sources;
    Append(errors, ValidateKeySelector(*from.configMapKeyRef, path.Child("configMapKeyRef")));
  }
  if (from.secretKeyRef) {
    ++sources;
    Append(errors, ValidateKeySelector(*from.secretKeyRef, path.Child("secretKeyRef")));
  }
  if (sources == 0) {
    errors.push_back(Invalid(path, "",
                             "must specify one of: `fieldRef`, `resourceFieldRef`, "
                             "`configMapKeyRef` or `secretKeyRef`"));
  } else if (!env.value.empty()) {
    errors.push_back(Invalid(path, "", "may not be specified when `value` is not empty"));
  } else if (sources > 1) {
    errors.push_back(Invalid(path, "", "may not have more than one field specified at a time"));
  }
  return errors;
}

// ValidateEnv.
FieldErrors ValidateEnv(const std::vector<EnvVar>& vars, const Path& path) {
  FieldErrors errors;
  for (size_t i = 0; i < vars.size(); ++i) {
    Path at = path.Index(i);
    if (vars[i].name.empty()) {
      errors.push_back(Required(at.Child("name")));
    } else {
      Append(errors,
             InvalidPerProblem(IsRelaxedEnvVarName(vars[i].name), at.Child("name"), vars[i].name));
    }
    Append(errors, ValidateEnvVarValueFrom(vars[i], at.Child("valueFrom")));
  }
  return errors;
}

// ValidateEnvFrom (the one-source errors are reported at envFrom, as upstream).
FieldErrors ValidateEnvFrom(const std::vector<EnvFromSource>& sources, const Path& path) {
  FieldErrors errors;
  for (size_t i = 0; i < sources.size(); ++i) {
    const EnvFromSource& source = sources[i];
    Path at = path.Index(i);
    if (!source.prefix.empty()) {
      Append(errors, InvalidPerProblem(IsRelaxedEnvVarName(source.prefix), at.Child("prefix"),
                                       source.prefix));
    }
    int count = 0;
    auto validate_ref = [&](const std::string& name, const Path& ref_path) {
      ++count;
      if (name.empty()) {
        errors.push_back(Required(ref_path.Child("name")));
      } else {
        Append(errors, ValidateSubdomainName(name, ref_path.Child("name"), true));
      }
    };
    if (source.configMapRef) validate_ref(source.configMapRef->name, at.Child("configMapRef"));
    if (source.secretRef) validate_ref(source.secretRef->name, at.Child("secretRef"));
    if (count == 0) {
      errors.push_back(Invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
    } else if (count > 1) {
      errors.push_back(Invalid(path, "", "may not have more than one field specified at a time"));
    }
  }
  return errors;
}

// ---- Volume mounts and devices --------------------------------------------------------------

// validateMountPropagation.
FieldErrors ValidateMountPropagation(const std::string& propagation, const Container& container,
                                     const Path& path) {
  FieldErrors errors;
  if (!Contains({"Bidirectional", "HostToContainer", "None"}, propagation)) {
    errors.push_back(NotSupported(path, propagation, {"Bidirectional", "HostToContainer", "None"}));
  }
  bool privileged = container.securityContext && container.securityContext->privileged &&
                    *container.securityContext->privileged;
  if (propagation == "Bidirectional" && !privileged) {
    errors.push_back(Forbidden(
        path, "Bidirectional mount propagation is available only to privileged containers"));
  }
  return errors;
}

// validateMountRecursiveReadOnly.
FieldErrors ValidateMountRecursiveReadOnly(const VolumeMount& mount, const Path& path) {
  if (!mount.recursiveReadOnly) return {};
  const std::string& rro = *mount.recursiveReadOnly;
  FieldErrors errors;
  if (rro == "Disabled") return errors;
  if (rro == "Enabled" || rro == "IfPossible") {
    if (!mount.readOnly) {
      errors.push_back(Forbidden(path, "may only be specified when readOnly is true"));
    }
    if (mount.mountPropagation && *mount.mountPropagation != "None") {
      errors.push_back(
          Forbidden(path, "may only be specified when mountPropagation is None or not specified"));
    }
    return errors;
  }
  return {NotSupported(path, rro, {"Disabled", "Enabled", "IfPossible"})};
}

bool HasMountPath(const std::map<std::string, std::string>& by_name, const std::string& value) {
  for (const auto& [name, mount_path] : by_name) {
    if (mount_path == value) return true;
  }
  return false;
}

// ValidateVolumeMounts (subPath, propagation and recursiveReadOnly errors are reported without
// the mount's index, as upstream).
FieldErrors ValidateVolumeMounts(const Container& container, const VolumeMap& volumes,
                                 const Path& path) {
  std::map<std::string, std::string> devices;
  for (const VolumeDevice& device : container.volumeDevices)
    devices[device.name] = device.devicePath;
  FieldErrors errors;
  std::set<std::string> mount_points;
  for (size_t i = 0; i < container.volumeMounts.size(); ++i) {
    const VolumeMount& mount = container.volumeMounts[i];
    Path at = path.Index(i);
    if (mount.name.empty()) errors.push_back(Required(at.Child("name")));
    if (!volumes.contains(mount.name)) errors.push_back(NotFound(at.Child("name"), mount.name));
    if (mount.mountPath.empty()) errors.push_back(Required(at.Child("mountPath")));
    if (!mount_points.insert(mount.mountPath).second) {
      errors.push_back(Invalid(at.Child("mountPath"), mount.mountPath, "must be unique"));
    }
    if (devices.contains(mount.name)) {
      errors.push_back(
          Invalid(at.Child("name"), mount.name, "must not already exist in volumeDevices"));
    }
    if (HasMountPath(devices, mount.mountPath)) {
      errors.push_back(Invalid(at.Child("mountPath"), mount.mountPath,
                               "must not already exist as a path in volumeDevices"));
    }
    if (auto it = volumes.find(mount.name); it != volumes.end() && it->second->image) {
      if (!mount.subPath.empty()) {
        errors.push_back(
            Invalid(at.Child("subPath"), mount.subPath, "not allowed in image volume sources"));
      }
      if (!mount.subPathExpr.empty()) {
        errors.push_back(Invalid(at.Child("subPathExpr"), mount.subPathExpr,
                                 "not allowed in image volume sources"));
      }
    }
    if (!mount.subPath.empty()) {
      Append(errors, ValidateLocalDescendingPath(mount.subPath, path.Child("subPath")));
    }
    if (!mount.subPathExpr.empty()) {
      if (!mount.subPath.empty()) {
        errors.push_back(Invalid(at.Child("subPathExpr"), mount.subPathExpr,
                                 "subPathExpr and subPath are mutually exclusive"));
      }
      Append(errors, ValidateLocalDescendingPath(mount.subPathExpr, path.Child("subPathExpr")));
    }
    if (mount.mountPropagation) {
      Append(errors, ValidateMountPropagation(*mount.mountPropagation, container,
                                              path.Child("mountPropagation")));
    }
    Append(errors, ValidateMountRecursiveReadOnly(mount, path.Child("recursiveReadOnly")));
  }
  return errors;
}

// ValidateVolumeDevices: raw block devices come from claims only.
FieldErrors ValidateVolumeDevices(const Container& container, const VolumeMap& volumes,
                                  const Path& path) {
  std::map<std::string, std::string> mounts;
  for (const VolumeMount& mount : container.volumeMounts) mounts[mount.name] = mount.mountPath;
  FieldErrors errors;
  std::set<std::string> device_paths;
  std::set<std::string> device_names;
  for (size_t i = 0; i < container.volumeDevices.size(); ++i) {
    const VolumeDevice& device = container.volumeDevices[i];
    Path at = path.Index(i);
    auto it = volumes.find(device.name);
    bool matched = it != volumes.end();
    bool is_claim = matched && (it->second->persistentVolumeClaim || it->second->ephemeral);
    if (device.name.empty()) errors.push_back(Required(at.Child("name")));
    if (device_names.contains(device.name)) {
      errors.push_back(Invalid(at.Child("name"), device.name, "must be unique"));
    }
    if (matched && !is_claim) {
      errors.push_back(Invalid(at.Child("name"), device.name,
                               "can only use volume source type of PersistentVolumeClaim or "
                               "Ephemeral for block mode"));
    }
    if (!matched) errors.push_back(NotFound(at.Child("name"), device.name));
    if (device.devicePath.empty()) errors.push_back(Required(at.Child("devicePath")));
    if (device_paths.contains(device.devicePath)) {
      errors.push_back(Invalid(at.Child("devicePath"), device.devicePath, "must be unique"));
    }
    if (!device.devicePath.empty() &&
        !ValidatePathNoBacksteps(device.devicePath, path.Child("devicePath")).empty()) {
      errors.push_back(
          Invalid(at.Child("devicePath"), device.devicePath, "can not contain backsteps ('..')"));
    } else {
      device_paths.insert(device.devicePath);
    }
    if (mounts.contains(device.name)) {
      errors.push_back(
          Invalid(at.Child("name"), device.name, "must not already exist in volumeMounts"));
    }
    if (HasMountPath(mounts, device.devicePath)) {
      errors.push_back(Invalid(at.Child("devicePath"), device.devicePath,
                               "must not already exist as a path in volumeMounts"));
    }
    if (!device.name.empty()) device_names.insert(device.name);
  }
  return errors;
}

// ---- Resources ------------------------------------------------------------------------------

// validateResourceQuantityHugePageValue: a multiple of the page size.
FieldErrors ValidateHugePageValue(const std::string& name, const Quantity& value,
                                  const Path& path) {
  if (!IsHugePageResourceName(name)) return {};
  Result<Quantity> page = Quantity::Parse(std::string_view(name).substr(10));
  bool divisible = page && page->Sign() > 0 && page->MilliValue() % 1000 == 0 &&
                   value.Value() % page->Value() == 0;
  if (divisible) return {};
  return {Invalid(path, value.ToString(),
                  value.ToString() + " is not positive integer multiple of " + name)};
}

// validateResizePolicy.
FieldErrors ValidateResizePolicy(const std::vector<ContainerResizePolicy>& policies,
                                 const Path& path, const std::string& pod_restart_policy) {
  FieldErrors errors;
  std::set<std::string> resources;
  for (size_t i = 0; i < policies.size(); ++i) {
    const ContainerResizePolicy& p = policies[i];
    if (!resources.insert(p.resourceName).second) {
      errors.push_back(Duplicate(path.Index(i), p.resourceName));
    }
    if (p.resourceName.empty()) {
      errors.push_back(Required(path));
    } else if (p.resourceName != "cpu" && p.resourceName != "memory") {
      errors.push_back(NotSupported(path, p.resourceName, {"cpu", "memory"}));
    }
    if (p.restartPolicy.empty()) {
      errors.push_back(Required(path));
    } else if (p.restartPolicy != "NotRequired" && p.restartPolicy != "RestartContainer") {
      errors.push_back(NotSupported(path, p.restartPolicy, {"NotRequired", "RestartContainer"}));
    }
    if (pod_restart_policy == "Never" && p.restartPolicy != "NotRequired") {
      errors.push_back(
          Invalid(path, p.restartPolicy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    }
  }
  return errors;
}

// ---- Security contexts ----------------------------------------------------------------------

// ValidateSecurityContext (privileged containers are allowed: kref runs with
// --allow-privileged).
FieldErrors ValidateSecurityContext(const std::optional<SecurityContext>& sc, const Path& path,
                                    bool host_users) {
  if (!sc) return {};
  FieldErrors errors;
  if (sc->runAsUser) Append(errors, ValidateID(*sc->runAsUser, path.Child("runAsUser")));
  if (sc->runAsGroup) Append(errors, ValidateID(*sc->runAsGroup, path.Child("runAsGroup")));
  if (sc->procMount) {
    if (*sc->procMount != "Default" && *sc->procMount != "Unmasked") {
      errors.push_back(
          NotSupported(path.Child("procMount"), *sc->procMount, {"Default", "Unmasked"}));
    }
    if (host_users && *sc->procMount == "Unmasked") {
      errors.push_back(Invalid(path.Child("procMount"), *sc->procMount,
                               "`hostUsers` must be false to use `Unmasked`"));
    }
  }
  Append(errors, ValidateSeccompProfileField(sc->seccompProfile, path.Child("seccompProfile")));
  if (sc->allowPrivilegeEscalation && !*sc->allowPrivilegeEscalation) {
    const BadValue value = BadValue::Raw("core.SecurityContext{...}");
    if (sc->privileged && *sc->privileged) {
      errors.push_back(Invalid(path, value,
                               "cannot set `allowPrivilegeEscalation` to false and `privileged` to "
                               "true"));
    }
    if (sc->capabilities) {
      for (const std::string& capability : sc->capabilities->add) {
        if (capability == "CAP_SYS_ADMIN") {
          errors.push_back(Invalid(path, value,
                                   "cannot set `allowPrivilegeEscalation` to false and "
                                   "`capabilities.Add` CAP_SYS_ADMIN"));
        }
      }
    }
  }
  Append(errors, ValidateAppArmorProfileField(sc->appArmorProfile, path.Child("appArmorProfile")));
  return errors;
}

// ---- Probes and lifecycle handlers ----------------------------------------------------------

// validateHTTPGetAction.
FieldErrors ValidateHTTPGetAction(const HTTPGetAction& action, const Path& path) {
  FieldErrors errors;
  if (action.path.empty()) errors.push_back(Required(path.Child("path")));
  Append(errors, ValidatePortNumOrName(action.port, path.Child("port")));
  if (action.scheme != "HTTP" && action.scheme != "HTTPS") {
    errors.push_back(NotSupported(path.Child("scheme"), action.scheme, {"HTTP", "HTTPS"}));
  }
  for (const HTTPHeader& header : action.httpHeaders) {
    Append(errors, InvalidPerProblem(validation::IsHTTPHeaderName(header.name),
                                     path.Child("httpHeaders"), header.name));
  }
  return errors;
}

// The handlers a probe or lifecycle hook may name (upstream's commonHandler).
struct CommonHandler {
  const ExecAction* exec = nullptr;
  const HTTPGetAction* http_get = nullptr;
  const TCPSocketAction* tcp_socket = nullptr;
  const GRPCAction* grpc = nullptr;
  const SleepAction* sleep = nullptr;
};

template <class T>
const T* Ptr(const std::optional<T>& value) {
  return value ? &*value : nullptr;
}

// validateSleepAction (AllowPodLifecycleSleepActionZeroValue is off in v1.32).
FieldErrors ValidateSleepAction(const SleepAction& sleep, const std::optional<int64_t>& grace,
                                const Path& path) {
  if (grace && (sleep.seconds <= 0 || sleep.seconds > *grace)) {
    return {Invalid(path, sleep.seconds,
                    "must be greater than 0 and less than terminationGracePeriodSeconds (" +
                        std::to_string(*grace) +
                        "). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero "
                        "sleep.")};
  }
  return {};
}

// validateHandler: exactly one handler.
FieldErrors ValidateHandler(const CommonHandler& handler, const std::optional<int64_t>& grace,
                            const Path& path) {
  FieldErrors errors;
  int count = 0;
  auto add = [&](bool present, std::string_view name, auto&& validate) {
    if (!present) return;
    if (count > 0) {
      errors.push_back(Forbidden(path.Child(name), std::string(kMoreThanOneHandler)));
      return;
    }
    ++count;
    Append(errors, validate(path.Child(name)));
  };
  add(handler.exec, "exec", [&](const Path& at) -> FieldErrors {
    if (handler.exec->command.empty()) return {Required(at.Child("command"))};
    return {};
  });
  add(handler.http_get, "httpGet",
      [&](const Path& at) { return ValidateHTTPGetAction(*handler.http_get, at); });
  add(handler.tcp_socket, "tcpSocket", [&](const Path& at) {
    return ValidatePortNumOrName(handler.tcp_socket->port, at.Child("port"));
  });
  add(handler.grpc, "grpc", [&](const Path& at) {
    return ValidatePortNumOrName(IntOrString::FromInt(handler.grpc->port), at.Child("port"));
  });
  add(handler.sleep, "sleep",
      [&](const Path& at) { return ValidateSleepAction(*handler.sleep, grace, at); });
  if (count == 0) errors.push_back(Required(path, "must specify a handler type"));
  return errors;
}

// validateLifecycle.
FieldErrors ValidateLifecycle(const Lifecycle& lifecycle, const std::optional<int64_t>& grace,
                              const Path& path) {
  FieldErrors errors;
  auto hook = [&](const std::optional<LifecycleHandler>& h, std::string_view name) {
    if (!h) return;
    Append(errors, ValidateHandler(
                       {Ptr(h->exec), Ptr(h->httpGet), Ptr(h->tcpSocket), nullptr, Ptr(h->sleep)},
                       grace, path.Child(name)));
  };
  hook(lifecycle.postStart, "postStart");
  hook(lifecycle.preStop, "preStop");
  return errors;
}

// validateProbe.
FieldErrors ValidateProbe(const Probe& probe, const std::optional<int64_t>& grace,
                          const Path& path) {
  FieldErrors errors = ValidateHandler(
      {Ptr(probe.exec), Ptr(probe.httpGet), Ptr(probe.tcpSocket), Ptr(probe.grpc), nullptr}, grace,
      path);
  using validation::ValidateNonnegative;
  Append(errors, ValidateNonnegative(probe.initialDelaySeconds, path.Child("initialDelaySeconds")));
  Append(errors, ValidateNonnegative(probe.timeoutSeconds, path.Child("timeoutSeconds")));
  Append(errors, ValidateNonnegative(probe.periodSeconds, path.Child("periodSeconds")));
  Append(errors, ValidateNonnegative(probe.successThreshold, path.Child("successThreshold")));
  Append(errors, ValidateNonnegative(probe.failureThreshold, path.Child("failureThreshold")));
  if (probe.terminationGracePeriodSeconds && *probe.terminationGracePeriodSeconds <= 0) {
    errors.push_back(Invalid(path.Child("terminationGracePeriodSeconds"),
                             *probe.terminationGracePeriodSeconds, "must be greater than 0"));
  }
  return errors;
}

// validateLivenessProbe and validateStartupProbe: successThreshold must be 1.
FieldErrors ValidateLivenessOrStartupProbe(const std::optional<Probe>& probe,
                                           const std::optional<int64_t>& grace, const Path& path) {
  if (!probe) return {};
  FieldErrors errors = ValidateProbe(*probe, grace, path);
  if (probe->successThreshold != 1) {
    errors.push_back(Invalid(path.Child("successThreshold"), probe->successThreshold, "must be 1"));
  }
  return errors;
}

// validateReadinessProbe: no terminationGracePeriodSeconds.
FieldErrors ValidateReadinessProbe(const std::optional<Probe>& probe,
                                   const std::optional<int64_t>& grace, const Path& path) {
  if (!probe) return {};
  FieldErrors errors = ValidateProbe(*probe, grace, path);
  if (probe->terminationGracePeriodSeconds) {
    errors.push_back(Invalid(path.Child("terminationGracePeriodSeconds"),
                             *probe->terminationGracePeriodSeconds,
                             "must not be set for readinessProbes"));
  }
  return errors;
}

}  // namespace

// validatePullPolicy.
FieldErrors ValidatePullPolicy(const std::string& policy, const Path& path) {
  if (Contains({"Always", "IfNotPresent", "Never"}, policy)) return {};
  if (policy.empty()) return {Required(path)};
  return {NotSupported(path, policy, {"Always", "IfNotPresent", "Never"})};
}

// validateResourceRequirements for containers (ValidateContainerResourceRequirements).
FieldErrors ValidateContainerResourceRequirements(const Map<Quantity>& limits,
                                                  const Map<Quantity>& requests, const Path& path) {
  FieldErrors errors;
  Path lim_path = path.Child("limits");
  Path req_path = path.Child("requests");
  bool cpu_or_memory = false;
  bool huge_pages = false;
  for (const auto& [name, quantity] : limits) {
    Path at = lim_path.Key(name);
    Append(errors, ValidateContainerResourceName(name, at));
    Append(errors, ValidateResourceQuantityValue(name, quantity, at));
    if (IsHugePageResourceName(name)) {
      huge_pages = true;
      Append(errors, ValidateHugePageValue(name, quantity, at));
    }
    cpu_or_memory |= name == "cpu" || name == "memory";
  }
  for (const auto& [name, quantity] : requests) {
    Path at = req_path.Key(name);
    Append(errors, ValidateContainerResourceName(name, at));
    Append(errors, ValidateResourceQuantityValue(name, quantity, at));
    auto limit = limits.find(name);
    if (limit != limits.end()) {
      const std::string limit_text = limit->second.ToString();
      if (!(quantity == limit->second) && !IsOvercommitAllowed(name)) {
        errors.push_back(Invalid(req_path, quantity.ToString(),
                                 "must be equal to " + name + " limit of " + limit_text));
      } else if (quantity > limit->second) {
        errors.push_back(
            Invalid(req_path, quantity.ToString(),
                    "must be less than or equal to " + name + " limit of " + limit_text));
      }
    } else if (!IsOvercommitAllowed(name)) {
      errors.push_back(Required(lim_path, "Limit must be set for non overcommitable resources"));
    }
    if (IsHugePageResourceName(name)) {
      huge_pages = true;
      Append(errors, ValidateHugePageValue(name, quantity, at));
    }
    cpu_or_memory |= name == "cpu" || name == "memory";
  }
  if (!cpu_or_memory && huge_pages) {
    errors.push_back(Forbidden(path, "HugePages require cpu or memory"));
  }
  return errors;
}

// validation.IsValidUserID / IsValidGroupID: 0..2^31-1.
FieldErrors ValidateID(int64_t id, const Path& path) {
  if (id >= 0 && id <= kMaxInt32) return {};
  return {Invalid(path, id, validation::InclusiveRangeError(0, kMaxInt32))};
}

// validateSeccompProfileField.
FieldErrors ValidateSeccompProfileField(const std::optional<SeccompProfile>& profile,
                                        const Path& path) {
  if (!profile) return {};
  FieldErrors errors;
  const std::string& type = profile->type;
  if (type.empty()) {
    errors.push_back(Required(path.Child("type"), "type is required when seccompProfile is set"));
  } else if (!Contains({"Localhost", "RuntimeDefault", "Unconfined"}, type)) {
    errors.push_back(
        NotSupported(path.Child("type"), type, {"Localhost", "RuntimeDefault", "Unconfined"}));
  }
  if (type == "Localhost") {
    if (!profile->localhostProfile) {
      errors.push_back(
          Required(path.Child("localhostProfile"), "must be set when seccomp type is Localhost"));
    } else {
      Append(errors, ValidateLocalDescendingPath(*profile->localhostProfile,
                                                 path.Child("localhostProfile")));
    }
  } else if (profile->localhostProfile) {
    errors.push_back(Invalid(path.Child("localhostProfile"),
                             BadValue::Raw("core.SeccompProfile{...}"),
                             "can only be set when seccomp type is Localhost"));
  }
  return errors;
}

// ValidateAppArmorProfileField.
FieldErrors ValidateAppArmorProfileField(const std::optional<AppArmorProfile>& profile,
                                         const Path& path) {
  if (!profile) return {};
  FieldErrors errors;
  const std::string& type = profile->type;
  if (type == "Localhost") {
    if (!profile->localhostProfile) {
      errors.push_back(
          Required(path.Child("localhostProfile"), "must be set when AppArmor type is Localhost"));
    } else {
      const std::string& name = *profile->localhostProfile;
      std::string trimmed = TrimSpace(name);
      if (trimmed != name) {
        errors.push_back(
            Invalid(path.Child("localhostProfile"), name, "must not be padded with whitespace"));
      } else if (trimmed.empty()) {
        errors.push_back(Required(path.Child("localhostProfile"),
                                  "must be set when AppArmor type is Localhost"));
      }
      if (name.size() > 4095)
        errors.push_back(validation::TooLong(path.Child("localhostProfile"), 4095));
    }
  } else if (type == "RuntimeDefault" || type == "Unconfined") {
    if (profile->localhostProfile) {
      errors.push_back(Invalid(path.Child("localhostProfile"), *profile->localhostProfile,
                               "can only be set when AppArmor type is Localhost"));
    }
  } else if (type.empty()) {
    errors.push_back(Required(path.Child("type"), "type is required when appArmorProfile is set"));
  } else {
    errors.push_back(
        NotSupported(path.Child("type"), type, {"Localhost", "RuntimeDefault", "Unconfined"}));
  }
  return errors;
}

// The probes and lifecycle regular containers and sidecars may have.
FieldErrors ValidateProbesAndLifecycle(const Container& ctr, const std::optional<int64_t>& grace,
                                       const Path& path) {
  FieldErrors errors;
  if (ctr.lifecycle)
    Append(errors, ValidateLifecycle(*ctr.lifecycle, grace, path.Child("lifecycle")));
  Append(errors,
         ValidateLivenessOrStartupProbe(ctr.livenessProbe, grace, path.Child("livenessProbe")));
  Append(errors, ValidateReadinessProbe(ctr.readinessProbe, grace, path.Child("readinessProbe")));
  Append(errors,
         ValidateLivenessOrStartupProbe(ctr.startupProbe, grace, path.Child("startupProbe")));
  return errors;
}

// validateContainerCommon.
FieldErrors ValidateContainerCommon(const Container& ctr, const PodContext& pod, const Path& path) {
  FieldErrors errors;
  if (ctr.name.empty()) {
    errors.push_back(Required(path.Child("name")));
  } else {
    Append(errors, ValidateDNS1123Label(ctr.name, path.Child("name")));
  }
  if (ctr.image.empty()) errors.push_back(Required(path.Child("image")));
  const std::string& policy = ctr.terminationMessagePolicy;
  if (policy.empty()) {
    errors.push_back(Required(path.Child("terminationMessagePolicy")));
  } else if (policy != "File" && policy != "FallbackToLogsOnError") {
    errors.push_back(NotSupported(path.Child("terminationMessagePolicy"), policy,
                                  {"File", "FallbackToLogsOnError"}));
  }
  Append(errors, ValidateContainerPorts(ctr.ports, path.Child("ports")));
  Append(errors, ValidateEnv(ctr.env, path.Child("env")));
  Append(errors, ValidateEnvFrom(ctr.envFrom, path.Child("envFrom")));
  Append(errors, ValidateVolumeMounts(ctr, pod.volumes, path.Child("volumeMounts")));
  Append(errors, ValidateVolumeDevices(ctr, pod.volumes, path.Child("volumeDevices")));
  Append(errors, ValidatePullPolicy(ctr.imagePullPolicy, path.Child("imagePullPolicy")));
  Append(errors, ValidateContainerResourceRequirements(ctr.resources.limits, ctr.resources.requests,
                                                       path.Child("resources")));
  Append(errors,
         ValidateResizePolicy(ctr.resizePolicy, path.Child("resizePolicy"), pod.restart_policy));
  Append(errors, ValidateSecurityContext(ctr.securityContext, path.Child("securityContext"),
                                         pod.host_users));
  return errors;
}

}  // namespace kref::api::core::internal
