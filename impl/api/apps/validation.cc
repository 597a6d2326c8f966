// apps/v1 create validation, as pkg/apis/apps/validation/validation.go (v1.32): the
// workload controllers' selectors and pod templates, rollout strategies and their
// int-or-percent bounds, and ControllerRevision's payload.
//
// Bad values that upstream prints with Go's %#v (maps, structs, IntOrString) are rendered the
// same way (validation/common.h); a non-nil pointer inside a struct prints as a fixed placeholder
// address.
#include <charconv>
#include <string>

#include "impl/api/apps/ops.h"
#include "impl/api/core/ops.h"
#include "impl/api/labels.h"
#include "impl/api/validation/common.h"

namespace kref::api::apps {
namespace {

using validation::BadValue;
using validation::FieldErrors;
using validation::GoIntOrString;
using validation::GoLabelSelector;
using validation::GoPointer;
using validation::IsNotMoreThan100Percent;
using validation::Path;
using validation::PercentValue;
using validation::ValidatePositiveIntOrPercent;

// The value the conversion to the internal type gives an absent IntOrString.
IntOrString ValueOrZero(const std::optional<IntOrString>& value) {
  return value.value_or(IntOrString());
}

// getIntOrPercentValue: a percentage's number, else intstr's IntValue (a string that is not a
// percentage counts as its integer value, or 0).
int64_t IntOrPercentValue(const IntOrString& value) {
  if (std::optional<int64_t> percent = PercentValue(value)) return *percent;
  if (!value.is_string()) return value.int_value();
  const std::string& text = value.string_value();
  int64_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size()) return 0;
  return number;
}

// The selector checks ValidateDeploymentSpec, ValidateReplicaSetSpec and
// ValidateStatefulSetSpec share: required, valid, and not empty.
FieldErrors ValidateRequiredSelector(const std::optional<meta::LabelSelector>& selector,
                                     std::string_view kind, const Path& path) {
  if (!selector) return {validation::Required(path)};
  FieldErrors errors = validation::ValidateLabelSelector(*selector, path);
  if (selector->matchLabels.empty() && selector->matchExpressions.empty()) {
    errors.push_back(validation::Invalid(path, BadValue::Raw(GoLabelSelector(*selector)),
                                         "empty selector is invalid for " + std::string(kind)));
  }
  return errors;
}

// ValidatePodTemplateSpecForReplicaSet (used by ReplicaSets and Deployments).
FieldErrors ValidatePodTemplateSpecForReplicaSet(const core::PodTemplateSpec& template_spec,
                                                 const labels::Selector& selector,
                                                 const Path& path) {
  FieldErrors errors;
  if (!selector.Empty() && !selector.Matches(template_spec.metadata.labels)) {
    errors.push_back(validation::SelectorDoesNotMatchTemplate(template_spec.metadata.labels, path));
  }
  validation::Append(errors, core::ValidatePodTemplateSpec(template_spec, path));
  validation::Append(errors, core::ValidateLongRunningPodSpec(template_spec.spec, "ReplicaSet",
                                                              path.Child("spec")));
  return errors;
}

// The selector and template part of ValidateDeploymentSpec and ValidateReplicaSetSpec.
FieldErrors ValidateSelectorAndTemplate(const std::optional<meta::LabelSelector>& selector,
                                        const core::PodTemplateSpec& template_spec,
                                        const Path& spec_path) {
  FieldErrors errors =
      ValidateRequiredSelector(selector, "deployment", spec_path.Child("selector"));
  Result<labels::Selector> parsed = labels::Selector::FromLabelSelector(selector);
  if (!parsed.has_value()) {
    errors.push_back(validation::Invalid(spec_path.Child("selector"),
                                         BadValue::Raw(GoLabelSelector(*selector)),
                                         "invalid label selector"));
  } else {
    validation::Append(errors, ValidatePodTemplateSpecForReplicaSet(template_spec, *parsed,
                                                                    spec_path.Child("template")));
  }
  return errors;
}

// ---- Deployment ----

// ValidateRollingUpdateDeployment.
FieldErrors ValidateRollingUpdateDeployment(const RollingUpdateDeployment& rolling_update,
                                            const Path& path) {
  IntOrString max_unavailable = ValueOrZero(rolling_update.maxUnavailable);
  IntOrString max_surge = ValueOrZero(rolling_update.maxSurge);
  FieldErrors errors = ValidatePositiveIntOrPercent(max_unavailable, path.Child("maxUnavailable"));
  validation::Append(errors, ValidatePositiveIntOrPercent(max_surge, path.Child("maxSurge")));
  if (IntOrPercentValue(max_unavailable) == 0 && IntOrPercentValue(max_surge) == 0) {
    errors.push_back(validation::Invalid(path.Child("maxUnavailable"),
                                         BadValue::Raw(GoIntOrString(max_unavailable)),
                                         "may not be 0 when `maxSurge` is 0"));
  }
  validation::Append(errors,
                     IsNotMoreThan100Percent(max_unavailable, path.Child("maxUnavailable")));
  return errors;
}

// ValidateDeploymentStrategy.
FieldErrors ValidateDeploymentStrategy(const DeploymentStrategy& strategy, const Path& path) {
  if (strategy.type == "Recreate") {
    if (!strategy.rollingUpdate) return {};
    return {validation::Forbidden(path.Child("rollingUpdate"),
                                  "may not be specified when strategy `type` is 'Recreate'")};
  }
  if (strategy.type == "RollingUpdate") {
    if (!strategy.rollingUpdate) {
      return {validation::Required(path.Child("rollingUpdate"),
                                   "this should be defaulted and never be nil")};
    }
    return ValidateRollingUpdateDeployment(*strategy.rollingUpdate, path.Child("rollingUpdate"));
  }
  std::string value =
      "apps.DeploymentStrategy{Type:" + validation::GoQuote(strategy.type) + ", RollingUpdate:" +
      GoPointer("apps.RollingUpdateDeployment", strategy.rollingUpdate.has_value()) + "}";
  return {validation::NotSupported(path, BadValue::Raw(value), {"Recreate", "RollingUpdate"})};
}

// ValidateDeploymentSpec.
FieldErrors ValidateDeploymentSpec(const DeploymentSpec& spec, const Path& path) {
  FieldErrors errors =
      validation::ValidateNonnegative(spec.replicas.value_or(0), path.Child("replicas"));
  validation::Append(errors, ValidateSelectorAndTemplate(spec.selector, spec.template_, path));
  validation::Append(errors, ValidateDeploymentStrategy(spec.strategy, path.Child("strategy")));
  validation::Append(
      errors, validation::ValidateNonnegative(spec.minReadySeconds, path.Child("minReadySeconds")));
  if (spec.revisionHistoryLimit) {
    validation::Append(errors, validation::ValidateNonnegative(*spec.revisionHistoryLimit,
                                                               path.Child("revisionHistoryLimit")));
  }
  if (spec.progressDeadlineSeconds) {
    Path deadline = path.Child("progressDeadlineSeconds");
    validation::Append(errors,
                       validation::ValidateNonnegative(*spec.progressDeadlineSeconds, deadline));
    if (*spec.progressDeadlineSeconds <= spec.minReadySeconds) {
      errors.push_back(validation::Invalid(deadline, *spec.progressDeadlineSeconds,
                                           "must be greater than minReadySeconds"));
    }
  }
  return errors;
}

// ---- ReplicaSet ----

// ValidateReplicaSetSpec.
FieldErrors ValidateReplicaSetSpec(const ReplicaSetSpec& spec, const Path& path) {
  FieldErrors errors =
      validation::ValidateNonnegative(spec.replicas.value_or(0), path.Child("replicas"));
  validation::Append(
      errors, validation::ValidateNonnegative(spec.minReadySeconds, path.Child("minReadySeconds")));
  validation::Append(errors, ValidateSelectorAndTemplate(spec.selector, spec.template_, path));
  return errors;
}

// ---- DaemonSet ----

// ValidateRollingUpdateDaemonSet.
FieldErrors ValidateRollingUpdateDaemonSet(const RollingUpdateDaemonSet& rolling_update,
                                           const Path& path) {
  IntOrString max_unavailable = ValueOrZero(rolling_update.maxUnavailable);
  IntOrString max_surge = ValueOrZero(rolling_update.maxSurge);
  FieldErrors errors = ValidatePositiveIntOrPercent(max_unavailable, path.Child("maxUnavailable"));
  validation::Append(errors, ValidatePositiveIntOrPercent(max_surge, path.Child("maxSurge")));
  validation::Append(errors,
                     IsNotMoreThan100Percent(max_unavailable, path.Child("maxUnavailable")));
  validation::Append(errors, IsNotMoreThan100Percent(max_surge, path.Child("maxSurge")));
  bool has_unavailable = IntOrPercentValue(max_unavailable) != 0;
  bool has_surge = IntOrPercentValue(max_surge) != 0;
  if (has_unavailable && has_surge) {
    errors.push_back(validation::Invalid(path.Child("maxSurge"),
                                         BadValue::Raw(GoIntOrString(max_surge)),
                                         "may not be set when maxUnavailable is non-zero"));
  } else if (!has_unavailable && !has_surge) {
    errors.push_back(
        validation::Required(path.Child("maxUnavailable"), "cannot be 0 when maxSurge is 0"));
  }
  return errors;
}

// ValidateDaemonSetUpdateStrategy.
FieldErrors ValidateDaemonSetUpdateStrategy(const DaemonSetUpdateStrategy& strategy,
                                            const Path& path) {
  if (strategy.type == "OnDelete") return {};
  if (strategy.type == "RollingUpdate") {
    if (!strategy.rollingUpdate) return {validation::Required(path.Child("rollingUpdate"))};
    return ValidateRollingUpdateDaemonSet(*strategy.rollingUpdate, path.Child("rollingUpdate"));
  }
  std::string value = "apps.DaemonSetUpdateStrategy{Type:" + validation::GoQuote(strategy.type) +
                      ", RollingUpdate:" +
                      GoPointer("apps.RollingUpdateDaemonSet", strategy.rollingUpdate.has_value()) +
                      "}";
  return {validation::NotSupported(path, BadValue::Raw(value), {"RollingUpdate", "OnDelete"})};
}

// ValidateDaemonSetSpec. Upstream does not require the selector here: a missing one shows as
// the template's labels not matching.
FieldErrors ValidateDaemonSetSpec(const DaemonSetSpec& spec, const Path& path) {
  FieldErrors errors;
  if (spec.selector) {
    validation::Append(errors,
                       validation::ValidateLabelSelector(*spec.selector, path.Child("selector")));
  }
  validation::Append(errors,
                     validation::ValidateSelectorMatchesTemplate(
                         spec.selector, spec.template_.metadata.labels, path.Child("template")));
  if (spec.selector && spec.selector->matchLabels.empty() &&
      spec.selector->matchExpressions.empty()) {
    errors.push_back(validation::Invalid(path.Child("selector"),
                                         BadValue::Raw(GoLabelSelector(*spec.selector)),
                                         "empty selector is invalid for daemonset"));
  }
  Path template_path = path.Child("template");
  validation::Append(errors, core::ValidatePodTemplateSpec(spec.template_, template_path));
  validation::Append(errors, core::ValidateLongRunningPodSpec(spec.template_.spec, "DaemonSet",
                                                              template_path.Child("spec")));
  validation::Append(
      errors, validation::ValidateNonnegative(spec.minReadySeconds, path.Child("minReadySeconds")));
  validation::Append(
      errors, ValidateDaemonSetUpdateStrategy(spec.updateStrategy, path.Child("updateStrategy")));
  if (spec.revisionHistoryLimit) {
    validation::Append(errors, validation::ValidateNonnegative(*spec.revisionHistoryLimit,
                                                               path.Child("revisionHistoryLimit")));
  }
  return errors;
}

// ---- StatefulSet ----

// ValidatePersistentVolumeClaimRetentionPolicyType.
FieldErrors ValidateRetentionPolicyType(const std::string& policy, const Path& path) {
  if (policy == "Retain" || policy == "Delete") return {};
  return {validation::NotSupported(path, policy, {"Retain", "Delete"})};
}

// ValidatePersistentVolumeClaimRetentionPolicy.
FieldErrors ValidateRetentionPolicy(
    const std::optional<StatefulSetPersistentVolumeClaimRetentionPolicy>& policy,
    const Path& path) {
  if (!policy) return {};
  FieldErrors errors = ValidateRetentionPolicyType(policy->whenDeleted, path.Child("whenDeleted"));
  validation::Append(errors,
                     ValidateRetentionPolicyType(policy->whenScaled, path.Child("whenScaled")));
  return errors;
}

// Go's %#v of the internal RollingUpdateStatefulSetStrategy.
std::string GoRollingUpdateStatefulSet(const RollingUpdateStatefulSetStrategy& rolling_update) {
  return "apps.RollingUpdateStatefulSetStrategy{Partition:" +
         std::to_string(rolling_update.partition.value_or(0)) + ", MaxUnavailable:" +
         GoPointer("intstr.IntOrString", rolling_update.maxUnavailable.has_value()) + "}";
}

// validateRollingUpdateStatefulSet.
FieldErrors ValidateRollingUpdateStatefulSet(const RollingUpdateStatefulSetStrategy& rolling_update,
                                             const Path& path) {
  FieldErrors errors = validation::ValidateNonnegative(rolling_update.partition.value_or(0),
                                                       path.Child("partition"));
  if (rolling_update.maxUnavailable) {
    const IntOrString& max_unavailable = *rolling_update.maxUnavailable;
    Path at = path.Child("maxUnavailable");
    validation::Append(errors, ValidatePositiveIntOrPercent(max_unavailable, at));
    if (IntOrPercentValue(max_unavailable) == 0) {
      errors.push_back(
          validation::Invalid(at, BadValue::Raw(GoIntOrString(max_unavailable)), "cannot be 0"));
    }
    validation::Append(errors, IsNotMoreThan100Percent(max_unavailable, at));
  }
  return errors;
}

// The update strategy part of ValidateStatefulSetSpec.
FieldErrors ValidateStatefulSetUpdateStrategy(const StatefulSetUpdateStrategy& strategy,
                                              const Path& path) {
  if (strategy.type.empty()) return {validation::Required(path)};
  if (strategy.type == "OnDelete") {
    if (!strategy.rollingUpdate) return {};
    return {validation::Invalid(path.Child("rollingUpdate"),
                                BadValue::Raw(GoRollingUpdateStatefulSet(*strategy.rollingUpdate)),
                                "only allowed for updateStrategy 'RollingUpdate'")};
  }
  if (strategy.type == "RollingUpdate") {
    if (!strategy.rollingUpdate) return {};
    return ValidateRollingUpdateStatefulSet(*strategy.rollingUpdate, path.Child("rollingUpdate"));
  }
  std::string value =
      "apps.StatefulSetUpdateStrategy{Type:" + validation::GoQuote(strategy.type) +
      ", RollingUpdate:" +
      GoPointer("apps.RollingUpdateStatefulSetStrategy", strategy.rollingUpdate.has_value()) + "}";
  return {validation::Invalid(path, BadValue::Raw(value), "must be 'RollingUpdate' or 'OnDelete'")};
}

// ValidatePodTemplateSpecForStatefulSet: upstream checks the template's labels and annotations
// but not its pod spec.
FieldErrors ValidatePodTemplateSpecForStatefulSet(const core::PodTemplateSpec& template_spec,
                                                  const labels::Selector& selector,
                                                  const Path& path) {
  FieldErrors errors;
  if (!selector.Empty() && !selector.Matches(template_spec.metadata.labels)) {
    errors.push_back(validation::SelectorDoesNotMatchTemplate(template_spec.metadata.labels, path));
  }
  validation::Append(
      errors, validation::ValidateLabels(template_spec.metadata.labels, path.Child("labels")));
  validation::Append(errors, validation::ValidateAnnotations(template_spec.metadata.annotations,
                                                             path.Child("annotations")));
  return errors;
}

// ValidateStatefulSetSpec.
FieldErrors ValidateStatefulSetSpec(const StatefulSetSpec& spec, const Path& path) {
  FieldErrors errors;
  Path policy = path.Child("podManagementPolicy");
  if (spec.podManagementPolicy.empty()) {
    errors.push_back(validation::Required(policy));
  } else if (spec.podManagementPolicy != "OrderedReady" && spec.podManagementPolicy != "Parallel") {
    errors.push_back(validation::Invalid(policy, spec.podManagementPolicy,
                                         "must be 'OrderedReady' or 'Parallel'"));
  }
  validation::Append(
      errors, ValidateStatefulSetUpdateStrategy(spec.updateStrategy, path.Child("updateStrategy")));
  validation::Append(errors,
                     ValidateRetentionPolicy(spec.persistentVolumeClaimRetentionPolicy,
                                             path.Child("persistentVolumeClaimRetentionPolicy")));
  validation::Append(
      errors, validation::ValidateNonnegative(spec.replicas.value_or(0), path.Child("replicas")));
  validation::Append(
      errors, validation::ValidateNonnegative(spec.minReadySeconds, path.Child("minReadySeconds")));
  if (spec.ordinals) {
    validation::Append(errors, validation::ValidateNonnegative(
                                   spec.ordinals->start, path.Child("ordinals").Child("start")));
  }
  validation::Append(
      errors, ValidateRequiredSelector(spec.selector, "statefulset", path.Child("selector")));
  Result<labels::Selector> selector = labels::Selector::FromLabelSelector(spec.selector);
  if (!selector.has_value()) {
    errors.push_back(validation::Invalid(path.Child("selector"),
                                         BadValue::Raw(GoLabelSelector(*spec.selector)), ""));
  } else {
    validation::Append(errors, ValidatePodTemplateSpecForStatefulSet(spec.template_, *selector,
                                                                     path.Child("template")));
  }
  validation::Append(errors,
                     core::ValidateLongRunningPodSpec(spec.template_.spec, "StatefulSet",
                                                      path.Child("template").Child("spec")));
  return errors;
}

}  // namespace

// ValidateReplicaSet.
FieldErrors Validate(const ReplicaSet& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  validation::Append(errors, ValidateReplicaSetSpec(object.spec, Path("spec")));
  return errors;
}

// ValidateDeployment.
FieldErrors Validate(const Deployment& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  validation::Append(errors, ValidateDeploymentSpec(object.spec, Path("spec")));
  return errors;
}

// ValidateDaemonSet.
FieldErrors Validate(const DaemonSet& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  validation::Append(errors, ValidateDaemonSetSpec(object.spec, Path("spec")));
  return errors;
}

// ValidateStatefulSet: names are DNS labels, since they become pod hostnames.
FieldErrors Validate(const StatefulSet& object) {
  FieldErrors errors = validation::ValidateObjectMeta(object.metadata, true,
                                                      validation::NameIsDNSLabel, Path("metadata"));
  validation::Append(errors, ValidateStatefulSetSpec(object.spec, Path("spec")));
  return errors;
}

// ValidateControllerRevision.
FieldErrors Validate(const ControllerRevision& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  if (object.data.json.empty() || object.data.json == "null") {
    errors.push_back(validation::Required(Path("data"), "data is mandatory"));
  }
  validation::Append(errors, validation::ValidateNonnegative(object.revision, Path("revision")));
  return errors;
}

}  // namespace kref::api::apps
