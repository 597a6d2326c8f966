// scheduling.k8s.io/v1 PriorityClass create validation, as pkg/apis/scheduling/validation.
#include <cstdint>
#include <string>
#include <string_view>

#include "impl/api/scheduling/ops.h"
#include "impl/api/validation/common.h"

namespace kref::api::scheduling {
namespace {

using validation::FieldErrors;
using validation::Path;

constexpr std::string_view kSystemPriorityClassPrefix = "system-";
constexpr int32_t kHighestUserDefinablePriority = 1000000000;
constexpr int32_t kSystemCriticalPriority = 2 * kHighestUserDefinablePriority;

struct SystemPriorityClass {
  std::string_view name;
  int32_t value;
  bool globalDefault;
};

constexpr SystemPriorityClass kSystemPriorityClasses[] = {
    {"system-node-critical", kSystemCriticalPriority + 1000, false},
    {"system-cluster-critical", kSystemCriticalPriority, false},
};

// IsKnownSystemPriorityClass (scheduling/v1 helpers): empty when `pc` is one of the built-in
// system classes, else why not.
std::string KnownSystemPriorityClassProblem(const PriorityClass& pc) {
  for (const SystemPriorityClass& system : kSystemPriorityClasses) {
    if (system.name != pc.metadata.name) continue;
    if (system.value != pc.value) {
      return "value of " + std::string(system.name) + " PriorityClass must be " +
             std::to_string(system.value);
    }
    if (system.globalDefault != pc.globalDefault) {
      return "globalDefault of " + std::string(system.name) + " PriorityClass must be " +
             (system.globalDefault ? "true" : "false");
    }
    return "";
  }
  return pc.metadata.name + " is not a known system priority class";
}

// ValidatePreemptionPolicy (core validation).
FieldErrors ValidatePreemptionPolicy(const std::string& policy, const Path& path) {
  if (policy == "PreemptLowerPriority" || policy == "PreemptNever") return {};
  if (policy.empty()) return {validation::Required(path)};
  return {validation::NotSupported(path, policy, {"PreemptLowerPriority", "PreemptNever"})};
}

}  // namespace

// ValidatePriorityClass.
FieldErrors Validate(const PriorityClass& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, false, validation::NameIsDNSSubdomain, Path("metadata"));
  if (object.metadata.name.starts_with(kSystemPriorityClassPrefix)) {
    std::string problem = KnownSystemPriorityClassProblem(object);
    if (!problem.empty()) {
      errors.push_back(validation::Forbidden(
          Path("metadata").Child("name"),
          "priority class names with '" + std::string(kSystemPriorityClassPrefix) +
              "' prefix are reserved for system use only. error: " + problem));
    }
  } else if (object.value > kHighestUserDefinablePriority) {
    errors.push_back(validation::Forbidden(Path("value"),
                                           "maximum allowed value of a user defined priority is " +
                                               std::to_string(kHighestUserDefinablePriority)));
  }
  if (object.preemptionPolicy) {
    validation::Append(
        errors, ValidatePreemptionPolicy(*object.preemptionPolicy, Path("preemptionPolicy")));
  }
  return errors;
}

}  // namespace kref::api::scheduling
