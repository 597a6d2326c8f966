// JSON codec instantiations for rbac.authorization.k8s.io/v1 types.
#include "impl/api/internal/json_codec.h"
#include "impl/api/rbac/types.h"

KREF_API_INSTANTIATE_JSON(kref::api::rbac::Role);
KREF_API_INSTANTIATE_JSON(kref::api::rbac::RoleList);
KREF_API_INSTANTIATE_JSON(kref::api::rbac::RoleBinding);
KREF_API_INSTANTIATE_JSON(kref::api::rbac::RoleBindingList);
KREF_API_INSTANTIATE_JSON(kref::api::rbac::ClusterRole);
KREF_API_INSTANTIATE_JSON(kref::api::rbac::ClusterRoleList);
KREF_API_INSTANTIATE_JSON(kref::api::rbac::ClusterRoleBinding);
KREF_API_INSTANTIATE_JSON(kref::api::rbac::ClusterRoleBindingList);
