// JSON codec instantiations for apps/v1 types.
#include "impl/api/apps/types.h"
#include "impl/api/internal/json_codec.h"

KREF_API_INSTANTIATE_JSON(kref::api::apps::StatefulSet);
KREF_API_INSTANTIATE_JSON(kref::api::apps::StatefulSetList);
KREF_API_INSTANTIATE_JSON(kref::api::apps::Deployment);
KREF_API_INSTANTIATE_JSON(kref::api::apps::DeploymentList);
KREF_API_INSTANTIATE_JSON(kref::api::apps::DaemonSet);
KREF_API_INSTANTIATE_JSON(kref::api::apps::DaemonSetList);
KREF_API_INSTANTIATE_JSON(kref::api::apps::ReplicaSet);
KREF_API_INSTANTIATE_JSON(kref::api::apps::ReplicaSetList);
KREF_API_INSTANTIATE_JSON(kref::api::apps::ControllerRevision);
KREF_API_INSTANTIATE_JSON(kref::api::apps::ControllerRevisionList);
