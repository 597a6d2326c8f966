// batch/v1 create preparation and defaulting: the registry strategies' PrepareForCreate
// (pkg/registry/batch/{job,cronjob}/strategy.go, including the Job's selector generation) and
// the scheme defaults (pkg/apis/batch/v1/defaults.go with the generated recursion).
#include <cstdint>
#include <limits>
#include <string>

#include "impl/api/batch/ops.h"
#include "impl/api/core/ops.h"

namespace kref::api::batch {
namespace {

constexpr std::string_view kLegacyJobNameLabel = "job-name";
constexpr std::string_view kJobNameLabel = "batch.kubernetes.io/job-name";
constexpr std::string_view kLegacyControllerUidLabel = "controller-uid";
constexpr std::string_view kControllerUidLabel = "batch.kubernetes.io/controller-uid";

// generateSelector: labels the pod template with the Job's name and uid (keeping labels the
// user already set; validation rejects conflicting ones) and selects on the uid.
void GenerateSelector(Job& job) {
  Map<std::string>& labels = job.spec.template_.metadata.labels;
  for (std::string_view key : {kLegacyJobNameLabel, kJobNameLabel}) {
    labels.try_emplace(std::string(key), job.metadata.name);
  }
  for (std::string_view key : {kLegacyControllerUidLabel, kControllerUidLabel}) {
    labels.try_emplace(std::string(key), job.metadata.uid);
  }
  if (!job.spec.selector) job.spec.selector.emplace();
  job.spec.selector->matchLabels.try_emplace(std::string(kControllerUidLabel), job.metadata.uid);
}

// SetDefaults_PodFailurePolicyOnPodConditionsPattern, over every rule.
void SetPodFailurePolicyDefaults(std::optional<PodFailurePolicy>& policy) {
  if (!policy) return;
  for (PodFailurePolicyRule& rule : policy->rules) {
    for (PodFailurePolicyOnPodConditionsPattern& pattern : rule.onPodConditions) {
      if (pattern.status.empty()) pattern.status = "True";
    }
  }
}

}  // namespace

// jobStrategy.PrepareForCreate: generates the selector unless manualSelector is true, clears
// the status, sets generation 1.
void PrepareForCreate(Job& object) {
  if (!object.spec.manualSelector.value_or(false)) GenerateSelector(object);
  object.status = {};
  object.metadata.generation = 1;
}

// cronJobStrategy.PrepareForCreate.
void PrepareForCreate(CronJob& object) {
  object.status = {};
  object.metadata.generation = 1;
}

// SetDefaults_Job (the JobPodReplacementPolicy gate is on), then the pod template.
void SetDefaults(Job& object) {
  JobSpec& spec = object.spec;
  if (!spec.completions && !spec.parallelism) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (!spec.parallelism) spec.parallelism = 1;
  if (!spec.backoffLimit) {
    spec.backoffLimit = spec.backoffLimitPerIndex ? std::numeric_limits<int32_t>::max() : 6;
  }
  if (!spec.template_.metadata.labels.empty() && object.metadata.labels.empty()) {
    object.metadata.labels = spec.template_.metadata.labels;
  }
  if (!spec.completionMode) spec.completionMode = "NonIndexed";
  if (!spec.suspend) spec.suspend = false;
  SetPodFailurePolicyDefaults(spec.podFailurePolicy);
  if (!spec.podReplacementPolicy) {
    spec.podReplacementPolicy = spec.podFailurePolicy ? "Failed" : "TerminatingOrFailed";
  }
  if (!spec.manualSelector) spec.manualSelector = false;
  core::SetDefaults(spec.template_);
}

// SetDefaults_CronJob, then what the generated defaulter reaches inside the job template (the
// Job defaults themselves do not apply to a template).
void SetDefaults(CronJob& object) {
  CronJobSpec& spec = object.spec;
  if (spec.concurrencyPolicy.empty()) spec.concurrencyPolicy = "Allow";
  if (!spec.suspend) spec.suspend = false;
  if (!spec.successfulJobsHistoryLimit) spec.successfulJobsHistoryLimit = 3;
  if (!spec.failedJobsHistoryLimit) spec.failedJobsHistoryLimit = 1;
  SetPodFailurePolicyDefaults(spec.jobTemplate.spec.podFailurePolicy);
  core::SetDefaults(spec.jobTemplate.spec.template_);
}

}  // namespace kref::api::batch
