// coordination.k8s.io/v1 Lease create validation, as pkg/apis/coordination/validation.
#include <string_view>

#include "impl/api/coordination/ops.h"
#include "impl/api/validation/common.h"

namespace kref::api::coordination {
namespace {

using validation::FieldErrors;
using validation::Path;

// ValidateCoordinatedLeaseStrategy: a bare name must be a Kubernetes-defined strategy, a
// prefixed one a qualified name. Upstream reports both under `<path>.strategy`.
FieldErrors ValidateCoordinatedLeaseStrategy(const std::string& strategy, const Path& path) {
  FieldErrors errors;
  Path at = path.Child("strategy");
  if (strategy.find('/') == std::string::npos) {
    if (strategy != "OldestEmulationVersion") {
      errors.push_back(validation::NotSupported(at, strategy, {"OldestEmulationVersion"}));
    }
    return errors;
  }
  validation::Append(
      errors, validation::InvalidPerProblem(validation::IsQualifiedName(strategy), at, strategy));
  return errors;
}

// ValidateLeaseSpec.
FieldErrors ValidateLeaseSpec(const LeaseSpec& spec, const Path& path) {
  FieldErrors errors;
  if (spec.leaseDurationSeconds && *spec.leaseDurationSeconds <= 0) {
    errors.push_back(validation::Invalid(path.Child("leaseDurationSeconds"),
                                         *spec.leaseDurationSeconds, "must be greater than 0"));
  }
  if (spec.leaseTransitions && *spec.leaseTransitions < 0) {
    errors.push_back(validation::Invalid(path.Child("leaseTransitions"), *spec.leaseTransitions,
                                         "must be greater than or equal to 0"));
  }
  if (spec.strategy) {
    validation::Append(errors,
                       ValidateCoordinatedLeaseStrategy(*spec.strategy, path.Child("strategy")));
  }
  if (spec.preferredHolder.value_or("") != "" && spec.strategy.value_or("") == "") {
    errors.push_back(validation::Forbidden(path.Child("preferredHolder"),
                                           "may only be specified if `strategy` is defined"));
  }
  return errors;
}

}  // namespace

// ValidateLease.
FieldErrors Validate(const Lease& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  validation::Append(errors, ValidateLeaseSpec(object.spec, Path("spec")));
  return errors;
}

}  // namespace kref::api::coordination
