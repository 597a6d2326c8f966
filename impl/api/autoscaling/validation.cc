// autoscaling create validation, as pkg/apis/autoscaling/validation/validation.go (v1.32):
// Scale's replicas, and the HorizontalPodAutoscaler's replica bounds, scale target, metric
// sources and targets, and scaling behavior (HPAScaleToZero is off, so minReplicas >= 1).
#include <algorithm>
#include <set>
#include <string>

#include "impl/api/autoscaling/ops.h"
#include "impl/api/validation/common.h"

namespace kref::api::autoscaling {
namespace {

using validation::BadValue;
using validation::FieldErrors;
using validation::Path;

// MaxPeriodSeconds and MaxStabilizationWindowSeconds.
constexpr int32_t kMaxPeriodSeconds = 1800;
constexpr int32_t kMaxStabilizationWindowSeconds = 3600;
constexpr int32_t kMinReplicasLowerBound = 1;

// IsValidPathSegmentName's problems, as field errors.
FieldErrors ValidatePathSegmentName(const std::string& name, const Path& path) {
  return validation::InvalidPerProblem(validation::NameIsPathSegment(name, false), path, name);
}

// ValidateCrossVersionObjectReference.
FieldErrors ValidateCrossVersionObjectReference(const CrossVersionObjectReference& ref,
                                                const Path& path) {
  FieldErrors errors;
  if (ref.kind.empty()) {
    errors.push_back(validation::Required(path.Child("kind")));
  } else {
    validation::Append(errors, ValidatePathSegmentName(ref.kind, path.Child("kind")));
  }
  if (ref.name.empty()) {
    errors.push_back(validation::Required(path.Child("name")));
  } else {
    validation::Append(errors, ValidatePathSegmentName(ref.name, path.Child("name")));
  }
  return errors;
}

// validateMetricIdentifier.
FieldErrors ValidateMetricIdentifier(const MetricIdentifier& id, const Path& path) {
  if (id.name.empty())
    return {validation::Required(path.Child("name"), "must specify a metric name")};
  return ValidatePathSegmentName(id.name, path.Child("name"));
}

// validateMetricTarget.
FieldErrors ValidateMetricTarget(const MetricTarget& target, const Path& path) {
  FieldErrors errors;
  if (target.type.empty()) {
    errors.push_back(validation::Required(path.Child("type"), "must specify a metric target type"));
  }
  if (target.type != "Utilization" && target.type != "Value" && target.type != "AverageValue") {
    errors.push_back(validation::Invalid(path.Child("type"), target.type,
                                         "must be either Utilization, Value, or AverageValue"));
  }
  if (target.value && target.value->Sign() != 1) {
    errors.push_back(validation::Invalid(
        path.Child("value"), BadValue::Raw(target.value->ToString()), "must be positive"));
  }
  if (target.averageValue && target.averageValue->Sign() != 1) {
    errors.push_back(validation::Invalid(path.Child("averageValue"),
                                         BadValue::Raw(target.averageValue->ToString()),
                                         "must be positive"));
  }
  if (target.averageUtilization && *target.averageUtilization < 1) {
    errors.push_back(validation::Invalid(path.Child("averageUtilization"),
                                         *target.averageUtilization, "must be greater than 0"));
  }
  return errors;
}

// validateObjectSource.
FieldErrors ValidateObjectSource(const ObjectMetricSource& source, const Path& path) {
  FieldErrors errors =
      ValidateCrossVersionObjectReference(source.describedObject, path.Child("describedObject"));
  validation::Append(errors, ValidateMetricIdentifier(source.metric, path.Child("metric")));
  validation::Append(errors, ValidateMetricTarget(source.target, path.Child("target")));
  if (!source.target.value && !source.target.averageValue) {
    errors.push_back(validation::Required(path.Child("target").Child("averageValue"),
                                          "must set either a target value or averageValue"));
  }
  return errors;
}

// validateExternalSource.
FieldErrors ValidateExternalSource(const ExternalMetricSource& source, const Path& path) {
  FieldErrors errors = ValidateMetricIdentifier(source.metric, path.Child("metric"));
  validation::Append(errors, ValidateMetricTarget(source.target, path.Child("target")));
  if (!source.target.value && !source.target.averageValue) {
    errors.push_back(
        validation::Required(path.Child("target").Child("averageValue"),
                             "must set either a target value for metric or a per-pod target"));
  }
  if (source.target.value && source.target.averageValue) {
    errors.push_back(
        validation::Forbidden(path.Child("target").Child("value"),
                              "may not set both a target value for metric and a per-pod target"));
  }
  return errors;
}

// validatePodsSource.
FieldErrors ValidatePodsSource(const PodsMetricSource& source, const Path& path) {
  FieldErrors errors = ValidateMetricIdentifier(source.metric, path.Child("metric"));
  validation::Append(errors, ValidateMetricTarget(source.target, path.Child("target")));
  if (!source.target.averageValue) {
    errors.push_back(validation::Required(path.Child("target").Child("averageValue"),
                                          "must specify a positive target averageValue"));
  }
  return errors;
}

// The utilization-or-raw-value rule validateResourceSource and
// validateContainerResourceSource share.
FieldErrors ValidateUtilizationOrValue(const MetricTarget& target, const Path& target_path) {
  FieldErrors errors;
  if (!target.averageUtilization && !target.averageValue) {
    errors.push_back(validation::Required(target_path.Child("averageUtilization"),
                                          "must set either a target raw value or a target "
                                          "utilization"));
  }
  if (target.averageUtilization && target.averageValue) {
    errors.push_back(validation::Forbidden(target_path.Child("averageValue"),
                                           "may not set both a target raw value and a target "
                                           "utilization"));
  }
  return errors;
}

// validateResourceSource.
FieldErrors ValidateResourceSource(const ResourceMetricSource& source, const Path& path) {
  FieldErrors errors;
  if (source.name.empty()) {
    errors.push_back(validation::Required(path.Child("name"), "must specify a resource name"));
  }
  validation::Append(errors, ValidateMetricTarget(source.target, path.Child("target")));
  validation::Append(errors, ValidateUtilizationOrValue(source.target, path.Child("target")));
  return errors;
}

// helper.IsStandardResourceName's list (core types' standard resources).
bool IsStandardResourceName(const std::string& name) {
  static const std::set<std::string> kStandard = {"cpu",
                                                  "memory",
                                                  "ephemeral-storage",
                                                  "requests.cpu",
                                                  "requests.memory",
                                                  "requests.ephemeral-storage",
                                                  "limits.cpu",
                                                  "limits.memory",
                                                  "limits.ephemeral-storage",
                                                  "pods",
                                                  "services",
                                                  "replicationcontrollers",
                                                  "resourcequotas",
                                                  "secrets",
                                                  "persistentvolumeclaims",
                                                  "configmaps",
                                                  "services.nodeports",
                                                  "services.loadbalancers",
                                                  "requests.storage"};
  return kStandard.count(name) > 0 || name.rfind("hugepages-", 0) == 0 ||
         name.rfind("requests.hugepages-", 0) == 0;
}

// helper.IsStandardContainerResourceName.
bool IsStandardContainerResourceName(const std::string& name) {
  return name == "cpu" || name == "memory" || name == "ephemeral-storage" ||
         name.rfind("hugepages-", 0) == 0;
}

// ValidateContainerResourceName (pkg/apis/core/v1/validation).
FieldErrors ValidateContainerResourceName(const std::string& name, const Path& path) {
  FieldErrors errors;
  validation::Append(errors,
                     validation::InvalidPerProblem(validation::IsQualifiedName(name), path, name));
  if (!errors.empty()) return errors;
  if (name.find('/') == std::string::npos) {
    if (!IsStandardResourceName(name)) {
      errors.push_back(
          validation::Invalid(path, name, "must be a standard resource type or fully qualified"));
      return errors;
    }
    if (!IsStandardContainerResourceName(name)) {
      errors.push_back(
          validation::Invalid(path, name, "must be a standard resource for containers"));
    }
    return errors;
  }
  bool native = name.find("kubernetes.io/") != std::string::npos;
  bool extended = !native && name.rfind("requests.", 0) != 0 &&
                  validation::IsQualifiedName("requests." + name).empty();
  if (!native && !extended) {
    errors.push_back(
        validation::Invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errors;
}

// validateContainerResourceSource.
FieldErrors ValidateContainerResourceSource(const ContainerResourceMetricSource& source,
                                            const Path& path) {
  FieldErrors errors;
  if (source.name.empty()) {
    errors.push_back(validation::Required(path.Child("name"), "must specify a resource name"));
  } else {
    validation::Append(errors, ValidateContainerResourceName(source.name, path.Child("name")));
  }
  if (source.container.empty()) {
    errors.push_back(validation::Required(path.Child("container"), "must specify a container"));
  } else {
    validation::Append(errors,
                       validation::InvalidPerProblem(validation::IsDNS1123Label(source.container),
                                                     path.Child("container"), source.container));
  }
  validation::Append(errors, ValidateMetricTarget(source.target, path.Child("target")));
  validation::Append(errors, ValidateUtilizationOrValue(source.target, path.Child("target")));
  return errors;
}

// validateMetricSpec. As upstream, an unknown type is reported twice (once for not being in
// the set, once by the type switch).
FieldErrors ValidateMetricSpec(const MetricSpec& spec, const Path& path) {
  static const std::vector<std::string> kTypes = {"ContainerResource", "External", "Object", "Pods",
                                                  "Resource"};
  FieldErrors errors;
  bool known = std::find(kTypes.begin(), kTypes.end(), spec.type) != kTypes.end();
  if (spec.type.empty()) {
    errors.push_back(validation::Required(path.Child("type"), "must specify a metric source type"));
  }
  if (!known) errors.push_back(validation::NotSupported(path.Child("type"), spec.type, kTypes));
  // The sources in the order upstream inserts them; only the first present one is validated.
  std::set<std::string> present;
  auto visit = [&](bool has, std::string_view name, auto validate) {
    if (!has) return;
    present.insert(std::string(name));
    if (present.size() == 1) validation::Append(errors, validate(path.Child(name)));
  };
  visit(spec.object.has_value(), "object",
        [&](const Path& p) { return ValidateObjectSource(*spec.object, p); });
  visit(spec.external.has_value(), "external",
        [&](const Path& p) { return ValidateExternalSource(*spec.external, p); });
  visit(spec.pods.has_value(), "pods",
        [&](const Path& p) { return ValidatePodsSource(*spec.pods, p); });
  visit(spec.resource.has_value(), "resource",
        [&](const Path& p) { return ValidateResourceSource(*spec.resource, p); });
  visit(spec.containerResource.has_value(), "containerResource",
        [&](const Path& p) { return ValidateContainerResourceSource(*spec.containerResource, p); });
  std::string expected;
  auto require = [&](bool has, std::string_view name) {
    if (!has) {
      errors.push_back(validation::Required(
          path.Child(name), "must populate information for the given metric source"));
    }
    expected = name;
  };
  if (spec.type == "Object") {
    require(spec.object.has_value(), "object");
  } else if (spec.type == "Pods") {
    require(spec.pods.has_value(), "pods");
  } else if (spec.type == "Resource") {
    require(spec.resource.has_value(), "resource");
  } else if (spec.type == "External") {
    require(spec.external.has_value(), "external");
  } else if (spec.type == "ContainerResource") {
    require(spec.containerResource.has_value(), "containerResource");
  } else {
    errors.push_back(validation::NotSupported(path.Child("type"), spec.type, kTypes));
  }
  if (present.size() != 1) {
    present.erase(expected);
    for (const std::string& name : present) {
      errors.push_back(
          validation::Forbidden(path.Child(name), "must populate the given metric source only"));
    }
  }
  return errors;
}

// validateMetrics.
FieldErrors ValidateMetrics(const std::vector<MetricSpec>& metrics, const Path& path,
                            const std::optional<int32_t>& min_replicas) {
  FieldErrors errors;
  bool object_or_external = false;
  for (size_t i = 0; i < metrics.size(); ++i) {
    validation::Append(errors, ValidateMetricSpec(metrics[i], path.Index(i)));
    object_or_external |= metrics[i].type == "Object" || metrics[i].type == "External";
  }
  if (min_replicas && *min_replicas == 0 && !object_or_external) {
    errors.push_back(validation::Forbidden(
        path,
        "must specify at least one Object or External metric to support scaling to zero "
        "replicas"));
  }
  return errors;
}

// validateScalingPolicy.
FieldErrors ValidateScalingPolicy(const HPAScalingPolicy& policy, const Path& path) {
  FieldErrors errors;
  if (policy.type != "Pods" && policy.type != "Percent") {
    errors.push_back(
        validation::NotSupported(path.Child("type"), policy.type, {"Percent", "Pods"}));
  }
  if (policy.value <= 0) {
    errors.push_back(
        validation::Invalid(path.Child("value"), policy.value, "must be greater than zero"));
  }
  if (policy.periodSeconds <= 0) {
    errors.push_back(validation::Invalid(path.Child("periodSeconds"), policy.periodSeconds,
                                         "must be greater than zero"));
  }
  if (policy.periodSeconds > kMaxPeriodSeconds) {
    errors.push_back(
        validation::Invalid(path.Child("periodSeconds"), policy.periodSeconds,
                            "must be less than or equal to " + std::to_string(kMaxPeriodSeconds)));
  }
  return errors;
}

// validateScalingRules.
FieldErrors ValidateScalingRules(const std::optional<HPAScalingRules>& rules, const Path& path) {
  if (!rules) return {};
  FieldErrors errors;
  if (rules->stabilizationWindowSeconds) {
    int32_t window = *rules->stabilizationWindowSeconds;
    Path at = path.Child("stabilizationWindowSeconds");
    if (window < 0) {
      errors.push_back(validation::Invalid(at, window, "must be greater than or equal to zero"));
    }
    if (window > kMaxStabilizationWindowSeconds) {
      errors.push_back(validation::Invalid(
          at, window,
          "must be less than or equal to " + std::to_string(kMaxStabilizationWindowSeconds)));
    }
  }
  if (rules->selectPolicy && *rules->selectPolicy != "Max" && *rules->selectPolicy != "Min" &&
      *rules->selectPolicy != "Disabled") {
    errors.push_back(validation::NotSupported(path.Child("selectPolicy"), *rules->selectPolicy,
                                              {"Disabled", "Max", "Min"}));
  }
  Path policies = path.Child("policies");
  if (rules->policies.empty()) {
    errors.push_back(validation::Required(policies, "must specify at least one Policy"));
  }
  for (size_t i = 0; i < rules->policies.size(); ++i) {
    validation::Append(errors, ValidateScalingPolicy(rules->policies[i], policies.Index(i)));
  }
  return errors;
}

// validateBehavior.
FieldErrors ValidateBehavior(const std::optional<HorizontalPodAutoscalerBehavior>& behavior,
                             const Path& path) {
  if (!behavior) return {};
  FieldErrors errors = ValidateScalingRules(behavior->scaleUp, path.Child("scaleUp"));
  validation::Append(errors, ValidateScalingRules(behavior->scaleDown, path.Child("scaleDown")));
  return errors;
}

// validateHorizontalPodAutoscalerSpec.
FieldErrors ValidateHorizontalPodAutoscalerSpec(const HorizontalPodAutoscalerSpec& spec,
                                                const Path& path) {
  FieldErrors errors;
  if (spec.minReplicas && *spec.minReplicas < kMinReplicasLowerBound) {
    errors.push_back(validation::Invalid(
        path.Child("minReplicas"), *spec.minReplicas,
        "must be greater than or equal to " + std::to_string(kMinReplicasLowerBound)));
  }
  if (spec.maxReplicas < 1) {
    errors.push_back(
        validation::Invalid(path.Child("maxReplicas"), spec.maxReplicas, "must be greater than 0"));
  }
  if (spec.minReplicas && spec.maxReplicas < *spec.minReplicas) {
    errors.push_back(validation::Invalid(path.Child("maxReplicas"), spec.maxReplicas,
                                         "must be greater than or equal to `minReplicas`"));
  }
  validation::Append(errors, ValidateCrossVersionObjectReference(spec.scaleTargetRef,
                                                                 path.Child("scaleTargetRef")));
  validation::Append(errors,
                     ValidateMetrics(spec.metrics, path.Child("metrics"), spec.minReplicas));
  validation::Append(errors, ValidateBehavior(spec.behavior, path.Child("behavior")));
  return errors;
}

}  // namespace

// ValidateScale.
FieldErrors Validate(const Scale& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  if (object.spec.replicas < 0) {
    errors.push_back(validation::Invalid(Path("spec").Child("replicas"), object.spec.replicas,
                                         "must be greater than or equal to 0"));
  }
  return errors;
}

// ValidateHorizontalPodAutoscaler.
FieldErrors Validate(const HorizontalPodAutoscaler& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  validation::Append(errors, ValidateHorizontalPodAutoscalerSpec(object.spec, Path("spec")));
  return errors;
}

}  // namespace kref::api::autoscaling
