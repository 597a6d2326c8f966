// JSON codec instantiations for discovery.k8s.io/v1 types.
#include "impl/api/discovery/types.h"
#include "impl/api/internal/json_codec.h"

KREF_API_INSTANTIATE_JSON(kref::api::discovery::EndpointSlice);
KREF_API_INSTANTIATE_JSON(kref::api::discovery::EndpointSliceList);
