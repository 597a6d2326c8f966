// JSON codec instantiations for core/v1 pod kinds.
#include "impl/api/core/pod.h"
#include "impl/api/internal/json_codec.h"

KREF_API_INSTANTIATE_JSON(kref::api::core::Pod);
KREF_API_INSTANTIATE_JSON(kref::api::core::PodList);
KREF_API_INSTANTIATE_JSON(kref::api::core::PodTemplate);
KREF_API_INSTANTIATE_JSON(kref::api::core::PodTemplateList);
KREF_API_INSTANTIATE_JSON(kref::api::core::Binding);
KREF_API_INSTANTIATE_JSON(kref::api::core::PodSpec);
KREF_API_INSTANTIATE_JSON(kref::api::core::PodTemplateSpec);
KREF_API_INSTANTIATE_JSON(kref::api::core::Container);

KREF_API_DEFINE_SEPARATE_CODEC(kref::api::core::PodSpec);
KREF_API_DEFINE_SEPARATE_CODEC(kref::api::core::PodTemplateSpec);
