// JSON codec instantiations for coordination.k8s.io/v1 types.
#include "impl/api/coordination/types.h"
#include "impl/api/internal/json_codec.h"

KREF_API_INSTANTIATE_JSON(kref::api::coordination::Lease);
KREF_API_INSTANTIATE_JSON(kref::api::coordination::LeaseList);
