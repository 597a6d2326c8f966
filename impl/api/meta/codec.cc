// JSON codec instantiations for meta/v1 types.
#include "impl/api/internal/json_codec.h"
#include "impl/api/meta/types.h"

KREF_API_INSTANTIATE_JSON(kref::api::meta::ObjectMeta);
KREF_API_INSTANTIATE_JSON(kref::api::meta::Status);
KREF_API_INSTANTIATE_JSON(kref::api::meta::DeleteOptions);
KREF_API_INSTANTIATE_JSON(kref::api::meta::WatchEvent);
KREF_API_INSTANTIATE_JSON(kref::api::meta::Table);
KREF_API_INSTANTIATE_JSON(kref::api::meta::LabelSelector);

KREF_API_DEFINE_SEPARATE_CODEC(kref::api::meta::ObjectMeta);
