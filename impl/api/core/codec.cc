// JSON codec instantiations for core/v1 kinds other than the pod kinds (see pod_codec.cc).
#include "impl/api/core/types.h"
#include "impl/api/internal/json_codec.h"

KREF_API_INSTANTIATE_JSON(kref::api::core::Namespace);
KREF_API_INSTANTIATE_JSON(kref::api::core::NamespaceList);
KREF_API_INSTANTIATE_JSON(kref::api::core::Node);
KREF_API_INSTANTIATE_JSON(kref::api::core::NodeList);
KREF_API_INSTANTIATE_JSON(kref::api::core::Service);
KREF_API_INSTANTIATE_JSON(kref::api::core::ServiceList);
KREF_API_INSTANTIATE_JSON(kref::api::core::Endpoints);
KREF_API_INSTANTIATE_JSON(kref::api::core::EndpointsList);
KREF_API_INSTANTIATE_JSON(kref::api::core::ConfigMap);
KREF_API_INSTANTIATE_JSON(kref::api::core::ConfigMapList);
KREF_API_INSTANTIATE_JSON(kref::api::core::Secret);
KREF_API_INSTANTIATE_JSON(kref::api::core::SecretList);
KREF_API_INSTANTIATE_JSON(kref::api::core::ServiceAccount);
KREF_API_INSTANTIATE_JSON(kref::api::core::ServiceAccountList);
KREF_API_INSTANTIATE_JSON(kref::api::core::Event);
KREF_API_INSTANTIATE_JSON(kref::api::core::EventList);
KREF_API_INSTANTIATE_JSON(kref::api::core::ReplicationController);
KREF_API_INSTANTIATE_JSON(kref::api::core::ReplicationControllerList);
KREF_API_INSTANTIATE_JSON(kref::api::core::PersistentVolume);
KREF_API_INSTANTIATE_JSON(kref::api::core::PersistentVolumeList);
KREF_API_INSTANTIATE_JSON(kref::api::core::PersistentVolumeClaim);
KREF_API_INSTANTIATE_JSON(kref::api::core::PersistentVolumeClaimList);
KREF_API_INSTANTIATE_JSON(kref::api::core::LimitRange);
KREF_API_INSTANTIATE_JSON(kref::api::core::LimitRangeList);
KREF_API_INSTANTIATE_JSON(kref::api::core::ResourceQuota);
KREF_API_INSTANTIATE_JSON(kref::api::core::ResourceQuotaList);
