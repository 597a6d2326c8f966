// JSON codec instantiations for policy/v1 types.
#include "impl/api/internal/json_codec.h"
#include "impl/api/policy/types.h"

KREF_API_INSTANTIATE_JSON(kref::api::policy::PodDisruptionBudget);
KREF_API_INSTANTIATE_JSON(kref::api::policy::PodDisruptionBudgetList);
KREF_API_INSTANTIATE_JSON(kref::api::policy::Eviction);
