// scheduling.k8s.io/v1 PriorityClass: the registry strategy on create and the scheme defaults.
#include "impl/api/scheduling/ops.h"

namespace kref::api::scheduling {

// priorityClassStrategy.PrepareForCreate.
void PrepareForCreate(PriorityClass& object) { object.metadata.generation = 1; }

// SetDefaults_PriorityClass.
void SetDefaults(PriorityClass& object) {
  if (!object.preemptionPolicy) object.preemptionPolicy = "PreemptLowerPriority";
}

}  // namespace kref::api::scheduling
