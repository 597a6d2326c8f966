// policy/v1 create preparation and defaulting. PrepareForCreate follows the
// PodDisruptionBudget registry strategy (pkg/registry/policy/poddisruptionbudget/strategy.go);
// policy/v1 registers no defaulting functions.
#include "impl/api/policy/ops.h"

namespace kref::api::policy {

// podDisruptionBudgetStrategy.PrepareForCreate.
void PrepareForCreate(PodDisruptionBudget& object) {
  object.status = {};
  object.metadata.generation = 1;
}

// An Eviction is the body of a pods/eviction request, not a stored object.
void PrepareForCreate(Eviction&) {}

// policy/v1 has no defaults.
void SetDefaults(PodDisruptionBudget&) {}
void SetDefaults(Eviction&) {}

}  // namespace kref::api::policy
