// autoscaling create preparation and defaulting: the HPA registry strategy's PrepareForCreate
// (pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go) and the autoscaling/v2 scheme
// defaults (pkg/apis/autoscaling/v2/defaults.go). Scale, the scale subresource's body, has
// neither.
#include "impl/api/autoscaling/ops.h"

namespace kref::api::autoscaling {
namespace {

// autoscaling.DefaultCPUUtilization.
constexpr int32_t kDefaultCpuUtilization = 80;

// The scale-up rules an HPA behaves by when it names none.
HPAScalingRules DefaultScaleUpRules() {
  HPAScalingRules rules;
  rules.stabilizationWindowSeconds = 0;
  rules.selectPolicy = "Max";
  rules.policies = {{"Pods", 4, 15}, {"Percent", 100, 15}};
  return rules;
}

// The scale-down rules: the stabilization window stays unset, since the controller's
// --horizontal-pod-autoscaler-downscale-stabilization flag supplies it.
HPAScalingRules DefaultScaleDownRules() {
  HPAScalingRules rules;
  rules.selectPolicy = "Max";
  rules.policies = {{"Percent", 100, 15}};
  return rules;
}

// copyHPAScalingRules: the defaults, overridden by every field the user set.
HPAScalingRules MergeScalingRules(const std::optional<HPAScalingRules>& from,
                                  HPAScalingRules defaults) {
  if (!from) return defaults;
  if (from->selectPolicy) defaults.selectPolicy = from->selectPolicy;
  if (from->stabilizationWindowSeconds) {
    defaults.stabilizationWindowSeconds = from->stabilizationWindowSeconds;
  }
  if (!from->policies.empty()) defaults.policies = from->policies;
  if (from->tolerance) defaults.tolerance = from->tolerance;
  return defaults;
}

}  // namespace

// Scale bodies are not stored objects: nothing to prepare.
void PrepareForCreate(Scale&) {}

// autoscalerStrategy.PrepareForCreate: clears the status (no generation is set); the
// scaling rules' tolerance is behind a disabled gate.
void PrepareForCreate(HorizontalPodAutoscaler& object) {
  object.status = {};
  if (object.spec.behavior) {
    for (std::optional<HPAScalingRules>* rules :
         {&object.spec.behavior->scaleUp, &object.spec.behavior->scaleDown}) {
      if (*rules) (*rules)->tolerance.reset();
    }
  }
}

// autoscaling/v1 Scale has no defaults.
void SetDefaults(Scale&) {}

// SetDefaults_HorizontalPodAutoscaler and SetDefaults_HorizontalPodAutoscalerBehavior.
void SetDefaults(HorizontalPodAutoscaler& object) {
  HorizontalPodAutoscalerSpec& spec = object.spec;
  if (!spec.minReplicas) spec.minReplicas = 1;
  if (spec.metrics.empty()) {
    MetricSpec cpu;
    cpu.type = "Resource";
    cpu.resource.emplace();
    cpu.resource->name = "cpu";
    cpu.resource->target.type = "Utilization";
    cpu.resource->target.averageUtilization = kDefaultCpuUtilization;
    spec.metrics.push_back(std::move(cpu));
  }
  if (spec.behavior) {
    spec.behavior->scaleUp = MergeScalingRules(spec.behavior->scaleUp, DefaultScaleUpRules());
    spec.behavior->scaleDown = MergeScalingRules(spec.behavior->scaleDown, DefaultScaleDownRules());
  }
}

}  // namespace kref::api::autoscaling
