// apps/v1 create preparation and defaulting: the registry strategies' PrepareForCreate
// (pkg/registry/apps/*/strategy.go) and the scheme defaults (pkg/apis/apps/v1/defaults.go with
// the generated recursion into pod templates and claim templates).
#include <charconv>
#include <string>

#include "impl/api/apps/ops.h"
#include "impl/api/core/ops.h"

namespace kref::api::apps {
namespace {

// The annotation apps/v1 carries the internal DaemonSetSpec.TemplateGeneration in.
constexpr std::string_view kTemplateGenerationAnnotation =
    "deprecated.daemonset.template.generation";

// The template generation recorded in the annotation, or 0 when absent or not a number.
int64_t TemplateGeneration(const meta::ObjectMeta& metadata) {
  auto it = metadata.annotations.find(std::string(kTemplateGenerationAnnotation));
  if (it == metadata.annotations.end()) return 0;
  int64_t value = 0;
  const std::string& text = it->second;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return 0;
  return value;
}

}  // namespace

// ---- PrepareForCreate ----

// replicaSetStrategy.PrepareForCreate.
void PrepareForCreate(ReplicaSet& object) {
  object.status = {};
  object.metadata.generation = 1;
}

// deploymentStrategy.PrepareForCreate; podReplacementPolicy is behind a disabled gate.
void PrepareForCreate(Deployment& object) {
  object.status = {};
  object.metadata.generation = 1;
  object.spec.podReplacementPolicy.reset();
}

// daemonSetStrategy.PrepareForCreate: the template generation starts at 1 (apps/v1 shows it
// as the deprecated.daemonset.template.generation annotation).
void PrepareForCreate(DaemonSet& object) {
  object.status = {};
  object.metadata.generation = 1;
  int64_t generation = TemplateGeneration(object.metadata);
  if (generation < 1) generation = 1;
  object.metadata.annotations[std::string(kTemplateGenerationAnnotation)] =
      std::to_string(generation);
}

// statefulSetStrategy.PrepareForCreate; rollingUpdate.maxUnavailable is behind the
// MaxUnavailableStatefulSet gate, off by default.
void PrepareForCreate(StatefulSet& object) {
  object.status = {};
  object.metadata.generation = 1;
  if (object.spec.updateStrategy.rollingUpdate) {
    object.spec.updateStrategy.rollingUpdate->maxUnavailable.reset();
  }
}

// ControllerRevisions have no status and no generation to set.
void PrepareForCreate(ControllerRevision&) {}

// ---- SetDefaults ----

// SetDefaults_ReplicaSet.
void SetDefaults(ReplicaSet& object) {
  if (!object.spec.replicas) object.spec.replicas = 1;
  core::SetDefaults(object.spec.template_);
}

// SetDefaults_Deployment.
void SetDefaults(Deployment& object) {
  DeploymentSpec& spec = object.spec;
  if (!spec.replicas) spec.replicas = 1;
  DeploymentStrategy& strategy = spec.strategy;
  if (strategy.type.empty()) strategy.type = "RollingUpdate";
  if (strategy.type == "RollingUpdate") {
    if (!strategy.rollingUpdate) strategy.rollingUpdate.emplace();
    if (!strategy.rollingUpdate->maxUnavailable) {
      strategy.rollingUpdate->maxUnavailable = IntOrString::FromString("25%");
    }
    if (!strategy.rollingUpdate->maxSurge) {
      strategy.rollingUpdate->maxSurge = IntOrString::FromString("25%");
    }
  }
  if (!spec.revisionHistoryLimit) spec.revisionHistoryLimit = 10;
  if (!spec.progressDeadlineSeconds) spec.progressDeadlineSeconds = 600;
  core::SetDefaults(spec.template_);
}

// SetDefaults_DaemonSet.
void SetDefaults(DaemonSet& object) {
  DaemonSetUpdateStrategy& strategy = object.spec.updateStrategy;
  if (strategy.type.empty()) strategy.type = "RollingUpdate";
  if (strategy.type == "RollingUpdate") {
    if (!strategy.rollingUpdate) strategy.rollingUpdate.emplace();
    if (!strategy.rollingUpdate->maxUnavailable) {
      strategy.rollingUpdate->maxUnavailable = IntOrString::FromInt(1);
    }
    if (!strategy.rollingUpdate->maxSurge) {
      strategy.rollingUpdate->maxSurge = IntOrString::FromInt(0);
    }
  }
  if (!object.spec.revisionHistoryLimit) object.spec.revisionHistoryLimit = 10;
  core::SetDefaults(object.spec.template_);
}

// SetDefaults_StatefulSet (StatefulSetAutoDeletePVC is on), then the pod template and the
// claim templates.
void SetDefaults(StatefulSet& object) {
  StatefulSetSpec& spec = object.spec;
  if (spec.podManagementPolicy.empty()) spec.podManagementPolicy = "OrderedReady";
  if (spec.updateStrategy.type.empty()) {
    spec.updateStrategy.type = "RollingUpdate";
    if (!spec.updateStrategy.rollingUpdate) spec.updateStrategy.rollingUpdate.emplace();
  }
  if (spec.updateStrategy.type == "RollingUpdate" && spec.updateStrategy.rollingUpdate &&
      !spec.updateStrategy.rollingUpdate->partition) {
    spec.updateStrategy.rollingUpdate->partition = 0;
  }
  if (!spec.persistentVolumeClaimRetentionPolicy)
    spec.persistentVolumeClaimRetentionPolicy.emplace();
  StatefulSetPersistentVolumeClaimRetentionPolicy& retention =
      *spec.persistentVolumeClaimRetentionPolicy;
  if (retention.whenDeleted.empty()) retention.whenDeleted = "Retain";
  if (retention.whenScaled.empty()) retention.whenScaled = "Retain";
  if (!spec.replicas) spec.replicas = 1;
  if (!spec.revisionHistoryLimit) spec.revisionHistoryLimit = 10;
  core::SetDefaults(spec.template_);
  for (core::PersistentVolumeClaim& claim : spec.volumeClaimTemplates) core::SetDefaults(claim);
}

// ControllerRevision has no defaults.
void SetDefaults(ControllerRevision&) {}

}  // namespace kref::api::apps
