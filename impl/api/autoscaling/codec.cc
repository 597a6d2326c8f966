// JSON codec instantiations for autoscaling (v1 Scale, v2 HorizontalPodAutoscaler) types.
#include "impl/api/autoscaling/types.h"
#include "impl/api/internal/json_codec.h"

KREF_API_INSTANTIATE_JSON(kref::api::autoscaling::Scale);
KREF_API_INSTANTIATE_JSON(kref::api::autoscaling::HorizontalPodAutoscaler);
KREF_API_INSTANTIATE_JSON(kref::api::autoscaling::HorizontalPodAutoscalerList);
