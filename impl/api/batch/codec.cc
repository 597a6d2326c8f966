// JSON codec instantiations for batch/v1 types.
#include "impl/api/batch/types.h"
#include "impl/api/internal/json_codec.h"

KREF_API_INSTANTIATE_JSON(kref::api::batch::Job);
KREF_API_INSTANTIATE_JSON(kref::api::batch::JobList);
KREF_API_INSTANTIATE_JSON(kref::api::batch::CronJob);
KREF_API_INSTANTIATE_JSON(kref::api::batch::CronJobList);
