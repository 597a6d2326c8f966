// apps/v1 (k8s.io/api/apps/v1): the workload controllers' kinds: StatefulSet, Deployment,
// DaemonSet, ReplicaSet and ControllerRevision, with their lists.
// Field names, order and omitempty as upstream; see impl/api/reflect.h for the conventions.
#pragma once

#include "impl/api/core/types.h"
#include "impl/api/int_or_string.h"
#include "impl/api/meta/types.h"
#include "impl/api/raw.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

// clang-format off
namespace kref::api::apps {

// ---- StatefulSet ----------------------------------------------------------------------------

struct RollingUpdateStatefulSetStrategy {
  KREF_API_STRUCT(RollingUpdateStatefulSetStrategy,
      (std::optional<int32_t>, partition),
      (std::optional<IntOrString>, maxUnavailable));
};

struct StatefulSetUpdateStrategy {
  KREF_API_STRUCT(StatefulSetUpdateStrategy,
      (std::string, type),
      (std::optional<RollingUpdateStatefulSetStrategy>, rollingUpdate));
};

struct StatefulSetPersistentVolumeClaimRetentionPolicy {
  KREF_API_STRUCT(StatefulSetPersistentVolumeClaimRetentionPolicy,
      (std::string, whenDeleted),
      (std::string, whenScaled));
};

struct StatefulSetOrdinals {
  KREF_API_STRUCT(StatefulSetOrdinals,
      (int32_t, start));
  static constexpr std::string_view kAlwaysEmit[] = {"start"};
};

struct StatefulSetSpec {
  KREF_API_STRUCT(StatefulSetSpec,
      (std::optional<int32_t>, replicas),
      (std::optional<meta::LabelSelector>, selector),
      (core::PodTemplateSpec, template_),
      (std::vector<core::PersistentVolumeClaim>, volumeClaimTemplates),
      (std::string, serviceName),
      (std::string, podManagementPolicy),
      (StatefulSetUpdateStrategy, updateStrategy),
      (std::optional<int32_t>, revisionHistoryLimit),
      (int32_t, minReadySeconds),
      (std::optional<StatefulSetPersistentVolumeClaimRetentionPolicy>, persistentVolumeClaimRetentionPolicy),
      (std::optional<StatefulSetOrdinals>, ordinals));
  static constexpr std::string_view kAlwaysEmit[] = {"selector", "template", "serviceName"};
};

struct StatefulSetCondition {
  KREF_API_STRUCT(StatefulSetCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct StatefulSetStatus {
  KREF_API_STRUCT(StatefulSetStatus,
      (int64_t, observedGeneration),
      (int32_t, replicas),
      (int32_t, readyReplicas),
      (int32_t, currentReplicas),
      (int32_t, updatedReplicas),
      (std::string, currentRevision),
      (std::string, updateRevision),
      (std::optional<int32_t>, collisionCount),
      (std::vector<StatefulSetCondition>, conditions),
      (int32_t, availableReplicas));
  static constexpr std::string_view kAlwaysEmit[] = {"replicas", "availableReplicas"};
};

struct StatefulSet {
  KREF_API_STRUCT(StatefulSet,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (StatefulSetSpec, spec),
      (StatefulSetStatus, status));
};

using StatefulSetList = meta::List<StatefulSet>;

// ---- Deployment -----------------------------------------------------------------------------

struct RollingUpdateDeployment {
  KREF_API_STRUCT(RollingUpdateDeployment,
      (std::optional<IntOrString>, maxUnavailable),
      (std::optional<IntOrString>, maxSurge));
};

struct DeploymentStrategy {
  KREF_API_STRUCT(DeploymentStrategy,
      (std::string, type),
      (std::optional<RollingUpdateDeployment>, rollingUpdate));
};

struct DeploymentSpec {
  KREF_API_STRUCT(DeploymentSpec,
      (std::optional<int32_t>, replicas),
      (std::optional<meta::LabelSelector>, selector),
      (core::PodTemplateSpec, template_),
      (DeploymentStrategy, strategy),
      (int32_t, minReadySeconds),
      (std::optional<int32_t>, revisionHistoryLimit),
      (bool, paused),
      (std::optional<int32_t>, progressDeadlineSeconds),
      (std::optional<std::string>, podReplacementPolicy));
  static constexpr std::string_view kAlwaysEmit[] = {"selector", "template"};
};

struct DeploymentCondition {
  KREF_API_STRUCT(DeploymentCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastUpdateTime),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct DeploymentStatus {
  KREF_API_STRUCT(DeploymentStatus,
      (int64_t, observedGeneration),
      (int32_t, replicas),
      (int32_t, updatedReplicas),
      (int32_t, readyReplicas),
      (int32_t, availableReplicas),
      (int32_t, unavailableReplicas),
      (std::optional<int32_t>, terminatingReplicas),
      (std::vector<DeploymentCondition>, conditions),
      (std::optional<int32_t>, collisionCount));
};

struct Deployment {
  KREF_API_STRUCT(Deployment,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (DeploymentSpec, spec),
      (DeploymentStatus, status));
};

using DeploymentList = meta::List<Deployment>;

// ---- DaemonSet ------------------------------------------------------------------------------

struct RollingUpdateDaemonSet {
  KREF_API_STRUCT(RollingUpdateDaemonSet,
      (std::optional<IntOrString>, maxUnavailable),
      (std::optional<IntOrString>, maxSurge));
};

struct DaemonSetUpdateStrategy {
  KREF_API_STRUCT(DaemonSetUpdateStrategy,
      (std::string, type),
      (std::optional<RollingUpdateDaemonSet>, rollingUpdate));
};

struct DaemonSetSpec {
  KREF_API_STRUCT(DaemonSetSpec,
      (std::optional<meta::LabelSelector>, selector),
      (core::PodTemplateSpec, template_),
      (DaemonSetUpdateStrategy, updateStrategy),
      (int32_t, minReadySeconds),
      (std::optional<int32_t>, revisionHistoryLimit));
  static constexpr std::string_view kAlwaysEmit[] = {"selector", "template"};
};

struct DaemonSetCondition {
  KREF_API_STRUCT(DaemonSetCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct DaemonSetStatus {
  KREF_API_STRUCT(DaemonSetStatus,
      (int32_t, currentNumberScheduled),
      (int32_t, numberMisscheduled),
      (int32_t, desiredNumberScheduled),
      (int32_t, numberReady),
      (int64_t, observedGeneration),
      (int32_t, updatedNumberScheduled),
      (int32_t, numberAvailable),
      (int32_t, numberUnavailable),
      (std::optional<int32_t>, collisionCount),
      (std::vector<DaemonSetCondition>, conditions));
  static constexpr std::string_view kAlwaysEmit[] = {"currentNumberScheduled", "numberMisscheduled",
                                                     "desiredNumberScheduled", "numberReady"};
};

struct DaemonSet {
  KREF_API_STRUCT(DaemonSet,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (DaemonSetSpec, spec),
      (DaemonSetStatus, status));
};

using DaemonSetList = meta::List<DaemonSet>;

// ---- ReplicaSet -----------------------------------------------------------------------------

struct ReplicaSetSpec {
  KREF_API_STRUCT(ReplicaSetSpec,
      (std::optional<int32_t>, replicas),
      (int32_t, minReadySeconds),
      (std::optional<meta::LabelSelector>, selector),
      (core::PodTemplateSpec, template_));
  static constexpr std::string_view kAlwaysEmit[] = {"selector"};
};

struct ReplicaSetCondition {
  KREF_API_STRUCT(ReplicaSetCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct ReplicaSetStatus {
  KREF_API_STRUCT(ReplicaSetStatus,
      (int32_t, replicas),
      (int32_t, fullyLabeledReplicas),
      (int32_t, readyReplicas),
      (int32_t, availableReplicas),
      (std::optional<int32_t>, terminatingReplicas),
      (int64_t, observedGeneration),
      (std::vector<ReplicaSetCondition>, conditions));
  static constexpr std::string_view kAlwaysEmit[] = {"replicas"};
};

struct ReplicaSet {
  KREF_API_STRUCT(ReplicaSet,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (ReplicaSetSpec, spec),
      (ReplicaSetStatus, status));
};

using ReplicaSetList = meta::List<ReplicaSet>;

// ---- ControllerRevision ---------------------------------------------------------------------

struct ControllerRevision {
  KREF_API_STRUCT(ControllerRevision,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (RawJson, data),
      (int64_t, revision));
  static constexpr std::string_view kAlwaysEmit[] = {"revision"};
};

using ControllerRevisionList = meta::List<ControllerRevision>;

}  // namespace kref::api::apps
// clang-format on
