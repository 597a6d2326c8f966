// core/v1 containers: Container and EphemeralContainer with ports, env, resources, mounts,
// probes, lifecycle hooks and security context. Conventions: impl/api/reflect.h.
#pragma once

#include "impl/api/core/references.h"
#include "impl/api/int_or_string.h"
#include "impl/api/quantity.h"
#include "impl/api/reflect.h"

// clang-format off
namespace kref::api::core {

// ---- Containers ------------------------------------------------------------------------------

struct ContainerPort {
  KREF_API_STRUCT(ContainerPort,
      (std::string, name),
      (int32_t, hostPort),
      (int32_t, containerPort),
      (std::string, protocol),
      (std::string, hostIP));
  static constexpr std::string_view kAlwaysEmit[] = {"containerPort"};
};

// LocalObjectReference is inlined here (name).
struct ConfigMapKeySelector {
  KREF_API_STRUCT(ConfigMapKeySelector,
      (std::string, name),
      (std::string, key),
      (std::optional<bool>, optional));
  static constexpr std::string_view kAlwaysEmit[] = {"key"};
};

// LocalObjectReference is inlined here (name).
struct SecretKeySelector {
  KREF_API_STRUCT(SecretKeySelector,
      (std::string, name),
      (std::string, key),
      (std::optional<bool>, optional));
  static constexpr std::string_view kAlwaysEmit[] = {"key"};
};

struct EnvVarSource {
  KREF_API_STRUCT(EnvVarSource,
      (std::optional<ObjectFieldSelector>, fieldRef),
      (std::optional<ResourceFieldSelector>, resourceFieldRef),
      (std::optional<ConfigMapKeySelector>, configMapKeyRef),
      (std::optional<SecretKeySelector>, secretKeyRef));
};

struct EnvVar {
  KREF_API_STRUCT(EnvVar,
      (std::string, name),
      (std::string, value),
      (std::optional<EnvVarSource>, valueFrom));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

// LocalObjectReference is inlined here (name).
struct ConfigMapEnvSource {
  KREF_API_STRUCT(ConfigMapEnvSource,
      (std::string, name),
      (std::optional<bool>, optional));
};

// LocalObjectReference is inlined here (name).
struct SecretEnvSource {
  KREF_API_STRUCT(SecretEnvSource,
      (std::string, name),
      (std::optional<bool>, optional));
};

struct EnvFromSource {
  KREF_API_STRUCT(EnvFromSource,
      (std::string, prefix),
      (std::optional<ConfigMapEnvSource>, configMapRef),
      (std::optional<SecretEnvSource>, secretRef));
};

struct ResourceClaim {
  KREF_API_STRUCT(ResourceClaim,
      (std::string, name),
      (std::string, request));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct ResourceRequirements {
  KREF_API_STRUCT(ResourceRequirements,
      (Map<Quantity>, limits),
      (Map<Quantity>, requests),
      (std::vector<ResourceClaim>, claims));
};

struct ContainerResizePolicy {
  KREF_API_STRUCT(ContainerResizePolicy,
      (std::string, resourceName),
      (std::string, restartPolicy));
  static constexpr std::string_view kAlwaysEmit[] = {"resourceName", "restartPolicy"};
};

struct VolumeMount {
  KREF_API_STRUCT(VolumeMount,
      (std::string, name),
      (bool, readOnly),
      (std::optional<std::string>, recursiveReadOnly),
      (std::string, mountPath),
      (std::string, subPath),
      (std::optional<std::string>, mountPropagation),
      (std::string, subPathExpr));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "mountPath"};
};

struct VolumeDevice {
  KREF_API_STRUCT(VolumeDevice,
      (std::string, name),
      (std::string, devicePath));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "devicePath"};
};

struct ExecAction {
  KREF_API_STRUCT(ExecAction,
      (std::vector<std::string>, command));
};

struct HTTPHeader {
  KREF_API_STRUCT(HTTPHeader,
      (std::string, name),
      (std::string, value));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "value"};
};

struct HTTPGetAction {
  KREF_API_STRUCT(HTTPGetAction,
      (std::string, path),
      (IntOrString, port),
      (std::string, host),
      (std::string, scheme),
      (std::vector<HTTPHeader>, httpHeaders));
  static constexpr std::string_view kAlwaysEmit[] = {"port"};
};

struct TCPSocketAction {
  KREF_API_STRUCT(TCPSocketAction,
      (IntOrString, port),
      (std::string, host));
  static constexpr std::string_view kAlwaysEmit[] = {"port"};
};

// service has no omitempty upstream: an absent service is written as null.
struct GRPCAction {
  KREF_API_STRUCT(GRPCAction,
      (int32_t, port),
      (std::optional<std::string>, service));
  static constexpr std::string_view kAlwaysEmit[] = {"port", "service"};
};

// ProbeHandler is inlined here: exec, httpGet, tcpSocket and grpc are direct fields.
struct Probe {
  KREF_API_STRUCT(Probe,
      (std::optional<ExecAction>, exec),
      (std::optional<HTTPGetAction>, httpGet),
      (std::optional<TCPSocketAction>, tcpSocket),
      (std::optional<GRPCAction>, grpc),
      (int32_t, initialDelaySeconds),
      (int32_t, timeoutSeconds),
      (int32_t, periodSeconds),
      (int32_t, successThreshold),
      (int32_t, failureThreshold),
      (std::optional<int64_t>, terminationGracePeriodSeconds));
};

struct SleepAction {
  KREF_API_STRUCT(SleepAction,
      (int64_t, seconds));
  static constexpr std::string_view kAlwaysEmit[] = {"seconds"};
};

struct LifecycleHandler {
  KREF_API_STRUCT(LifecycleHandler,
      (std::optional<ExecAction>, exec),
      (std::optional<HTTPGetAction>, httpGet),
      (std::optional<TCPSocketAction>, tcpSocket),
      (std::optional<SleepAction>, sleep));
};

struct Lifecycle {
  KREF_API_STRUCT(Lifecycle,
      (std::optional<LifecycleHandler>, postStart),
      (std::optional<LifecycleHandler>, preStop));
};

struct Capabilities {
  KREF_API_STRUCT(Capabilities,
      (std::vector<std::string>, add),
      (std::vector<std::string>, drop));
};

struct SELinuxOptions {
  KREF_API_STRUCT(SELinuxOptions,
      (std::string, user),
      (std::string, role),
      (std::string, type),
      (std::string, level));
};

struct WindowsSecurityContextOptions {
  KREF_API_STRUCT(WindowsSecurityContextOptions,
      (std::optional<std::string>, gmsaCredentialSpecName),
      (std::optional<std::string>, gmsaCredentialSpec),
      (std::optional<std::string>, runAsUserName),
      (std::optional<bool>, hostProcess));
};

struct SeccompProfile {
  KREF_API_STRUCT(SeccompProfile,
      (std::string, type),
      (std::optional<std::string>, localhostProfile));
  static constexpr std::string_view kAlwaysEmit[] = {"type"};
};

struct AppArmorProfile {
  KREF_API_STRUCT(AppArmorProfile,
      (std::string, type),
      (std::optional<std::string>, localhostProfile));
  static constexpr std::string_view kAlwaysEmit[] = {"type"};
};

struct SecurityContext {
  KREF_API_STRUCT(SecurityContext,
      (std::optional<Capabilities>, capabilities),
      (std::optional<bool>, privileged),
      (std::optional<SELinuxOptions>, seLinuxOptions),
      (std::optional<WindowsSecurityContextOptions>, windowsOptions),
      (std::optional<int64_t>, runAsUser),
      (std::optional<int64_t>, runAsGroup),
      (std::optional<bool>, runAsNonRoot),
      (std::optional<bool>, readOnlyRootFilesystem),
      (std::optional<bool>, allowPrivilegeEscalation),
      (std::optional<std::string>, procMount),
      (std::optional<SeccompProfile>, seccompProfile),
      (std::optional<AppArmorProfile>, appArmorProfile));
};

struct Container {
  KREF_API_STRUCT(Container,
      (std::string, name),
      (std::string, image),
      (std::vector<std::string>, command),
      (std::vector<std::string>, args),
      (std::string, workingDir),
      (std::vector<ContainerPort>, ports),
      (std::vector<EnvFromSource>, envFrom),
      (std::vector<EnvVar>, env),
      (ResourceRequirements, resources),
      (std::vector<ContainerResizePolicy>, resizePolicy),
      (std::optional<std::string>, restartPolicy),
      (std::vector<VolumeMount>, volumeMounts),
      (std::vector<VolumeDevice>, volumeDevices),
      (std::optional<Probe>, livenessProbe),
      (std::optional<Probe>, readinessProbe),
      (std::optional<Probe>, startupProbe),
      (std::optional<Lifecycle>, lifecycle),
      (std::string, terminationMessagePath),
      (std::string, terminationMessagePolicy),
      (std::string, imagePullPolicy),
      (std::optional<SecurityContext>, securityContext),
      (bool, stdin),
      (bool, stdinOnce),
      (bool, tty));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

// EphemeralContainerCommon is inlined here: the fields of Container, then targetContainerName.
struct EphemeralContainer {
  KREF_API_STRUCT(EphemeralContainer,
      (std::string, name),
      (std::string, image),
      (std::vector<std::string>, command),
      (std::vector<std::string>, args),
      (std::string, workingDir),
      (std::vector<ContainerPort>, ports),
      (std::vector<EnvFromSource>, envFrom),
      (std::vector<EnvVar>, env),
      (ResourceRequirements, resources),
      (std::vector<ContainerResizePolicy>, resizePolicy),
      (std::optional<std::string>, restartPolicy),
      (std::vector<VolumeMount>, volumeMounts),
      (std::vector<VolumeDevice>, volumeDevices),
      (std::optional<Probe>, livenessProbe),
      (std::optional<Probe>, readinessProbe),
      (std::optional<Probe>, startupProbe),
      (std::optional<Lifecycle>, lifecycle),
      (std::string, terminationMessagePath),
      (std::string, terminationMessagePolicy),
      (std::string, imagePullPolicy),
      (std::optional<SecurityContext>, securityContext),
      (bool, stdin),
      (bool, stdinOnce),
      (bool, tty),
      (std::string, targetContainerName));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

}  // namespace kref::api::core
// clang-format on
