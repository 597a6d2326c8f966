// policy/v1 create validation: PodDisruptionBudgets as pkg/apis/policy/validation (v1.32), and
// an Eviction's delete options as metav1 validation's ValidateDeleteOptions.
#include <string>

#include "impl/api/policy/ops.h"
#include "impl/api/validation/common.h"

namespace kref::api::policy {
namespace {

using validation::BadValue;
using validation::FieldErrors;
using validation::GoPointer;
using validation::Path;

// Go's %#v of the internal PodDisruptionBudgetSpec.
std::string GoPodDisruptionBudgetSpec(const PodDisruptionBudgetSpec& spec) {
  return "policy.PodDisruptionBudgetSpec{MinAvailable:" +
         GoPointer("intstr.IntOrString", spec.minAvailable.has_value()) +
         ", Selector:" + GoPointer("v1.LabelSelector", spec.selector.has_value()) +
         ", MaxUnavailable:" + GoPointer("intstr.IntOrString", spec.maxUnavailable.has_value()) +
         ", UnhealthyPodEvictionPolicy:" +
         GoPointer("policy.UnhealthyPodEvictionPolicyType",
                   spec.unhealthyPodEvictionPolicy.has_value()) +
         "}";
}

// The checks of one of minAvailable and maxUnavailable.
FieldErrors ValidateIntOrPercentBound(const std::optional<IntOrString>& value, const Path& path) {
  if (!value) return {};
  FieldErrors errors = validation::ValidatePositiveIntOrPercent(*value, path);
  validation::Append(errors, validation::IsNotMoreThan100Percent(*value, path));
  return errors;
}

// ValidatePodDisruptionBudgetSpec.
FieldErrors ValidatePodDisruptionBudgetSpec(const PodDisruptionBudgetSpec& spec, const Path& path) {
  FieldErrors errors;
  if (spec.minAvailable && spec.maxUnavailable) {
    errors.push_back(validation::Invalid(path, BadValue::Raw(GoPodDisruptionBudgetSpec(spec)),
                                         "minAvailable and maxUnavailable cannot be both set"));
  }
  validation::Append(errors,
                     ValidateIntOrPercentBound(spec.minAvailable, path.Child("minAvailable")));
  validation::Append(errors,
                     ValidateIntOrPercentBound(spec.maxUnavailable, path.Child("maxUnavailable")));
  if (spec.selector) {
    validation::Append(errors,
                       validation::ValidateLabelSelector(*spec.selector, path.Child("selector")));
  }
  if (spec.unhealthyPodEvictionPolicy && *spec.unhealthyPodEvictionPolicy != "IfHealthyBudget" &&
      *spec.unhealthyPodEvictionPolicy != "AlwaysAllow") {
    errors.push_back(validation::NotSupported(path.Child("unhealthyPodEvictionPolicy"),
                                              *spec.unhealthyPodEvictionPolicy,
                                              {"AlwaysAllow", "IfHealthyBudget"}));
  }
  return errors;
}

// ValidateDeleteOptions (k8s.io/apimachinery/pkg/apis/meta/v1/validation).
FieldErrors ValidateDeleteOptions(const meta::DeleteOptions& options, const Path& path) {
  FieldErrors errors;
  Path propagation = path.Child("propagationPolicy");
  if (options.orphanDependents && options.propagationPolicy) {
    errors.push_back(validation::Invalid(propagation, *options.propagationPolicy,
                                         "orphanDependents and deletionPropagation cannot be both "
                                         "set"));
  }
  if (options.propagationPolicy && *options.propagationPolicy != "Foreground" &&
      *options.propagationPolicy != "Background" && *options.propagationPolicy != "Orphan") {
    errors.push_back(validation::NotSupported(propagation, *options.propagationPolicy,
                                              {"Foreground", "Background", "Orphan", "nil"}));
  }
  for (const std::string& value : options.dryRun) {
    if (value != "All") {
      errors.push_back(validation::NotSupported(path.Child("dryRun"), options.dryRun, {"All"}));
      break;
    }
  }
  return errors;
}

}  // namespace

// The PodDisruptionBudget strategy's Validate checks only the spec; the generic create path
// then checks the metadata (names are path segments) when the spec passed.
FieldErrors Validate(const PodDisruptionBudget& object) {
  FieldErrors errors = ValidatePodDisruptionBudgetSpec(object.spec, Path("spec"));
  if (!errors.empty()) return errors;
  return validation::ValidateObjectMeta(object.metadata, true, validation::NameIsPathSegment,
                                        Path("metadata"));
}

// An Eviction names a pod (a DNS subdomain) in its namespace; its delete options are checked
// as a pod deletion's, at deleteOptions.*.
FieldErrors Validate(const Eviction& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  if (object.deleteOptions) {
    validation::Append(errors, ValidateDeleteOptions(*object.deleteOptions, Path("deleteOptions")));
  }
  return errors;
}

}  // namespace kref::api::policy
