// batch/v1 (k8s.io/api/batch/v1): Job (with its pod failure and success policies) and CronJob,
// with their lists.
// Field names, order and omitempty as upstream; see impl/api/reflect.h for the conventions.
#pragma once

#include "impl/api/core/types.h"
#include "impl/api/meta/types.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

// clang-format off
namespace kref::api::batch {

// ---- Job ------------------------------------------------------------------------------------

struct PodFailurePolicyOnExitCodesRequirement {
  KREF_API_STRUCT(PodFailurePolicyOnExitCodesRequirement,
      (std::optional<std::string>, containerName),
      (std::string, operator_),
      (std::vector<int32_t>, values));
  static constexpr std::string_view kAlwaysEmit[] = {"containerName", "operator", "values"};
};

struct PodFailurePolicyOnPodConditionsPattern {
  KREF_API_STRUCT(PodFailurePolicyOnPodConditionsPattern,
      (std::string, type),
      (std::string, status));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct PodFailurePolicyRule {
  KREF_API_STRUCT(PodFailurePolicyRule,
      (std::string, action),
      (std::optional<PodFailurePolicyOnExitCodesRequirement>, onExitCodes),
      (std::vector<PodFailurePolicyOnPodConditionsPattern>, onPodConditions));
  static constexpr std::string_view kAlwaysEmit[] = {"action", "onExitCodes", "onPodConditions"};
};

struct PodFailurePolicy {
  KREF_API_STRUCT(PodFailurePolicy,
      (std::vector<PodFailurePolicyRule>, rules));
  static constexpr std::string_view kAlwaysEmit[] = {"rules"};
};

struct SuccessPolicyRule {
  KREF_API_STRUCT(SuccessPolicyRule,
      (std::optional<std::string>, succeededIndexes),
      (std::optional<int32_t>, succeededCount));
};

struct SuccessPolicy {
  KREF_API_STRUCT(SuccessPolicy,
      (std::vector<SuccessPolicyRule>, rules));
  static constexpr std::string_view kAlwaysEmit[] = {"rules"};
};

struct JobSpec {
  KREF_API_STRUCT(JobSpec,
      (std::optional<int32_t>, parallelism),
      (std::optional<int32_t>, completions),
      (std::optional<int64_t>, activeDeadlineSeconds),
      (std::optional<PodFailurePolicy>, podFailurePolicy),
      (std::optional<SuccessPolicy>, successPolicy),
      (std::optional<int32_t>, backoffLimit),
      (std::optional<int32_t>, backoffLimitPerIndex),
      (std::optional<int32_t>, maxFailedIndexes),
      (std::optional<meta::LabelSelector>, selector),
      (std::optional<bool>, manualSelector),
      (core::PodTemplateSpec, template_),
      (std::optional<int32_t>, ttlSecondsAfterFinished),
      (std::optional<std::string>, completionMode),
      (std::optional<bool>, suspend),
      (std::optional<std::string>, podReplacementPolicy),
      (std::optional<std::string>, managedBy));
  static constexpr std::string_view kAlwaysEmit[] = {"template"};
};

struct UncountedTerminatedPods {
  KREF_API_STRUCT(UncountedTerminatedPods,
      (std::vector<std::string>, succeeded),
      (std::vector<std::string>, failed));
};

struct JobCondition {
  KREF_API_STRUCT(JobCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastProbeTime),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct JobStatus {
  KREF_API_STRUCT(JobStatus,
      (std::vector<JobCondition>, conditions),
      (std::optional<Time>, startTime),
      (std::optional<Time>, completionTime),
      (int32_t, active),
      (int32_t, succeeded),
      (int32_t, failed),
      (std::optional<int32_t>, terminating),
      (std::string, completedIndexes),
      (std::optional<std::string>, failedIndexes),
      (std::optional<UncountedTerminatedPods>, uncountedTerminatedPods),
      (std::optional<int32_t>, ready));
};

struct Job {
  KREF_API_STRUCT(Job,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (JobSpec, spec),
      (JobStatus, status));
};

using JobList = meta::List<Job>;

// ---- CronJob --------------------------------------------------------------------------------

struct JobTemplateSpec {
  KREF_API_STRUCT(JobTemplateSpec,
      (meta::ObjectMeta, metadata),
      (JobSpec, spec));
};

struct CronJobSpec {
  KREF_API_STRUCT(CronJobSpec,
      (std::string, schedule),
      (std::optional<std::string>, timeZone),
      (std::optional<int64_t>, startingDeadlineSeconds),
      (std::string, concurrencyPolicy),
      (std::optional<bool>, suspend),
      (JobTemplateSpec, jobTemplate),
      (std::optional<int32_t>, successfulJobsHistoryLimit),
      (std::optional<int32_t>, failedJobsHistoryLimit));
  static constexpr std::string_view kAlwaysEmit[] = {"schedule", "jobTemplate"};
};

struct CronJobStatus {
  KREF_API_STRUCT(CronJobStatus,
      (std::vector<core::ObjectReference>, active),
      (std::optional<Time>, lastScheduleTime),
      (std::optional<Time>, lastSuccessfulTime));
};

struct CronJob {
  KREF_API_STRUCT(CronJob,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (CronJobSpec, spec),
      (CronJobStatus, status));
};

using CronJobList = meta::List<CronJob>;

}  // namespace kref::api::batch
// clang-format on
