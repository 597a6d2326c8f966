// core/v1 (k8s.io/api/core/v1): Pod, PodTemplate, Binding, the pod spec and status. The types
// they reach are in references.h, volume.h, container.h and affinity.h.
// Field names, order and omitempty as upstream; see impl/api/reflect.h for the conventions.
#pragma once

#include "impl/api/core/affinity.h"
#include "impl/api/core/container.h"
#include "impl/api/core/references.h"
#include "impl/api/core/volume.h"
#include "impl/api/int_or_string.h"
#include "impl/api/meta/types.h"
#include "impl/api/quantity.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

// clang-format off
namespace kref::api::core {

// ---- Pod spec --------------------------------------------------------------------------------

struct HostAlias {
  KREF_API_STRUCT(HostAlias,
      (std::string, ip),
      (std::vector<std::string>, hostnames));
  static constexpr std::string_view kAlwaysEmit[] = {"ip"};
};

struct Sysctl {
  KREF_API_STRUCT(Sysctl,
      (std::string, name),
      (std::string, value));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "value"};
};

struct PodSecurityContext {
  KREF_API_STRUCT(PodSecurityContext,
      (std::optional<SELinuxOptions>, seLinuxOptions),
      (std::optional<WindowsSecurityContextOptions>, windowsOptions),
      (std::optional<int64_t>, runAsUser),
      (std::optional<int64_t>, runAsGroup),
      (std::optional<bool>, runAsNonRoot),
      (std::vector<int64_t>, supplementalGroups),
      (std::optional<std::string>, supplementalGroupsPolicy),
      (std::optional<int64_t>, fsGroup),
      (std::vector<Sysctl>, sysctls),
      (std::optional<std::string>, fsGroupChangePolicy),
      (std::optional<SeccompProfile>, seccompProfile),
      (std::optional<AppArmorProfile>, appArmorProfile),
      (std::optional<std::string>, seLinuxChangePolicy));
};

struct PodDNSConfigOption {
  KREF_API_STRUCT(PodDNSConfigOption,
      (std::string, name),
      (std::optional<std::string>, value));
};

struct PodDNSConfig {
  KREF_API_STRUCT(PodDNSConfig,
      (std::vector<std::string>, nameservers),
      (std::vector<std::string>, searches),
      (std::vector<PodDNSConfigOption>, options));
};

struct PodReadinessGate {
  KREF_API_STRUCT(PodReadinessGate,
      (std::string, conditionType));
  static constexpr std::string_view kAlwaysEmit[] = {"conditionType"};
};

struct PodOS {
  KREF_API_STRUCT(PodOS,
      (std::string, name));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct PodSchedulingGate {
  KREF_API_STRUCT(PodSchedulingGate,
      (std::string, name));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct PodResourceClaim {
  KREF_API_STRUCT(PodResourceClaim,
      (std::string, name),
      (std::optional<std::string>, resourceClaimName),
      (std::optional<std::string>, resourceClaimTemplateName));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct PodSpec {
  KREF_API_STRUCT(PodSpec,
      (std::vector<Volume>, volumes),
      (std::vector<Container>, initContainers),
      (std::vector<Container>, containers),
      (std::vector<EphemeralContainer>, ephemeralContainers),
      (std::string, restartPolicy),
      (std::optional<int64_t>, terminationGracePeriodSeconds),
      (std::optional<int64_t>, activeDeadlineSeconds),
      (std::string, dnsPolicy),
      (Map<std::string>, nodeSelector),
      (std::string, serviceAccountName),
      (std::string, serviceAccount),
      (std::optional<bool>, automountServiceAccountToken),
      (std::string, nodeName),
      (bool, hostNetwork),
      (bool, hostPID),
      (bool, hostIPC),
      (std::optional<bool>, shareProcessNamespace),
      (std::optional<PodSecurityContext>, securityContext),
      (std::vector<LocalObjectReference>, imagePullSecrets),
      (std::string, hostname),
      (std::string, subdomain),
      (std::optional<Affinity>, affinity),
      (std::string, schedulerName),
      (std::vector<Toleration>, tolerations),
      (std::vector<HostAlias>, hostAliases),
      (std::string, priorityClassName),
      (std::optional<int32_t>, priority),
      (std::optional<PodDNSConfig>, dnsConfig),
      (std::vector<PodReadinessGate>, readinessGates),
      (std::optional<std::string>, runtimeClassName),
      (std::optional<bool>, enableServiceLinks),
      (std::optional<std::string>, preemptionPolicy),
      (Map<Quantity>, overhead),
      (std::vector<TopologySpreadConstraint>, topologySpreadConstraints),
      (std::optional<bool>, setHostnameAsFQDN),
      (std::optional<PodOS>, os),
      (std::optional<bool>, hostUsers),
      (std::vector<PodSchedulingGate>, schedulingGates),
      (std::vector<PodResourceClaim>, resourceClaims),
      (std::optional<ResourceRequirements>, resources));
  static constexpr std::string_view kAlwaysEmit[] = {"containers"};
};

// ---- Pod status ------------------------------------------------------------------------------

struct PodCondition {
  KREF_API_STRUCT(PodCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastProbeTime),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct ContainerStateWaiting {
  KREF_API_STRUCT(ContainerStateWaiting,
      (std::string, reason),
      (std::string, message));
};

struct ContainerStateRunning {
  KREF_API_STRUCT(ContainerStateRunning,
      (Time, startedAt));
};

struct ContainerStateTerminated {
  KREF_API_STRUCT(ContainerStateTerminated,
      (int32_t, exitCode),
      (int32_t, signal),
      (std::string, reason),
      (std::string, message),
      (Time, startedAt),
      (Time, finishedAt),
      (std::string, containerID));
  static constexpr std::string_view kAlwaysEmit[] = {"exitCode"};
};

struct ContainerState {
  KREF_API_STRUCT(ContainerState,
      (std::optional<ContainerStateWaiting>, waiting),
      (std::optional<ContainerStateRunning>, running),
      (std::optional<ContainerStateTerminated>, terminated));
};

struct VolumeMountStatus {
  KREF_API_STRUCT(VolumeMountStatus,
      (std::string, name),
      (std::string, mountPath),
      (bool, readOnly),
      (std::optional<std::string>, recursiveReadOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "mountPath"};
};

struct LinuxContainerUser {
  KREF_API_STRUCT(LinuxContainerUser,
      (int64_t, uid),
      (int64_t, gid),
      (std::vector<int64_t>, supplementalGroups));
  static constexpr std::string_view kAlwaysEmit[] = {"uid", "gid"};
};

// The member `linux` would collide with GNU mode's predefined macro; kref builds with
// CMAKE_CXX_EXTENSIONS OFF (-std=c++20), where it is not defined.
struct ContainerUser {
  KREF_API_STRUCT(ContainerUser,
      (std::optional<LinuxContainerUser>, linux));
};

struct ResourceHealth {
  KREF_API_STRUCT(ResourceHealth,
      (std::string, resourceID),
      (std::string, health));
  static constexpr std::string_view kAlwaysEmit[] = {"resourceID"};
};

struct ResourceStatus {
  KREF_API_STRUCT(ResourceStatus,
      (std::string, name),
      (std::vector<ResourceHealth>, resources));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct ContainerStatus {
  KREF_API_STRUCT(ContainerStatus,
      (std::string, name),
      (ContainerState, state),
      (ContainerState, lastState),
      (bool, ready),
      (int32_t, restartCount),
      (std::string, image),
      (std::string, imageID),
      (std::string, containerID),
      (std::optional<bool>, started),
      (Map<Quantity>, allocatedResources),
      (std::optional<ResourceRequirements>, resources),
      (std::vector<VolumeMountStatus>, volumeMounts),
      (std::optional<ContainerUser>, user),
      (std::vector<ResourceStatus>, allocatedResourcesStatus));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "ready", "restartCount", "image",
                                                     "imageID"};
};

struct HostIP {
  KREF_API_STRUCT(HostIP,
      (std::string, ip));
  static constexpr std::string_view kAlwaysEmit[] = {"ip"};
};

struct PodIP {
  KREF_API_STRUCT(PodIP,
      (std::string, ip));
  static constexpr std::string_view kAlwaysEmit[] = {"ip"};
};

struct PodResourceClaimStatus {
  KREF_API_STRUCT(PodResourceClaimStatus,
      (std::string, name),
      (std::optional<std::string>, resourceClaimName));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct PodStatus {
  KREF_API_STRUCT(PodStatus,
      (std::string, phase),
      (std::vector<PodCondition>, conditions),
      (std::string, message),
      (std::string, reason),
      (std::string, nominatedNodeName),
      (std::string, hostIP),
      (std::vector<HostIP>, hostIPs),
      (std::string, podIP),
      (std::vector<PodIP>, podIPs),
      (std::optional<Time>, startTime),
      (std::vector<ContainerStatus>, initContainerStatuses),
      (std::vector<ContainerStatus>, containerStatuses),
      (std::string, qosClass),
      (std::vector<ContainerStatus>, ephemeralContainerStatuses),
      (std::string, resize),
      (std::vector<PodResourceClaimStatus>, resourceClaimStatuses));
};

// ---- Kinds -----------------------------------------------------------------------------------

struct Pod {
  KREF_API_STRUCT(Pod,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (PodSpec, spec),
      (PodStatus, status));
};

using PodList = meta::List<Pod>;

struct PodTemplateSpec {
  KREF_API_STRUCT(PodTemplateSpec,
      (meta::ObjectMeta, metadata),
      (PodSpec, spec));
};

struct PodTemplate {
  KREF_API_STRUCT(PodTemplate,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (PodTemplateSpec, template_));
};

using PodTemplateList = meta::List<PodTemplate>;

// Binding ties a pod to a node (POST pods/binding); deprecated as a top-level kind upstream.
struct Binding {
  KREF_API_STRUCT(Binding,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (ObjectReference, target));
  static constexpr std::string_view kAlwaysEmit[] = {"target"};
};

}  // namespace kref::api::core
// clang-format on

KREF_API_SEPARATE_CODEC(kref::api::core::PodSpec);
KREF_API_SEPARATE_CODEC(kref::api::core::PodTemplateSpec);
