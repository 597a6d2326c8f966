// JSON codec instantiations for scheduling.k8s.io/v1 types.
#include "impl/api/internal/json_codec.h"
#include "impl/api/scheduling/types.h"

KREF_API_INSTANTIATE_JSON(kref::api::scheduling::PriorityClass);
KREF_API_INSTANTIATE_JSON(kref::api::scheduling::PriorityClassList);
