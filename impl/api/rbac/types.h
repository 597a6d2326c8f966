// rbac.authorization.k8s.io/v1: roles (sets of policy rules) and the bindings that grant them
// to users, groups and service accounts, namespaced and cluster-wide. Field names, order and
// omitempty as upstream; see impl/api/reflect.h for the conventions.
#pragma once

#include "impl/api/meta/types.h"
#include "impl/api/reflect.h"

// clang-format off
namespace kref::api::rbac {

struct PolicyRule {
  KREF_API_STRUCT(PolicyRule,
      (std::vector<std::string>, verbs),
      (std::vector<std::string>, apiGroups),
      (std::vector<std::string>, resources),
      (std::vector<std::string>, resourceNames),
      (std::vector<std::string>, nonResourceURLs));
  static constexpr std::string_view kAlwaysEmit[] = {"verbs"};
};

struct Subject {
  KREF_API_STRUCT(Subject,
      (std::string, kind),
      (std::string, apiGroup),
      (std::string, name),
      (std::string, namespace_));
  static constexpr std::string_view kAlwaysEmit[] = {"kind", "name"};
};

struct RoleRef {
  KREF_API_STRUCT(RoleRef,
      (std::string, apiGroup),
      (std::string, kind),
      (std::string, name));
  static constexpr std::string_view kAlwaysEmit[] = {"apiGroup", "kind", "name"};
};

struct Role {
  KREF_API_STRUCT(Role,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (std::vector<PolicyRule>, rules));
  static constexpr std::string_view kAlwaysEmit[] = {"rules"};
};

struct RoleBinding {
  KREF_API_STRUCT(RoleBinding,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (std::vector<Subject>, subjects),
      (RoleRef, roleRef));
  static constexpr std::string_view kAlwaysEmit[] = {"roleRef"};
};

struct AggregationRule {
  KREF_API_STRUCT(AggregationRule,
      (std::vector<meta::LabelSelector>, clusterRoleSelectors));
};

struct ClusterRole {
  KREF_API_STRUCT(ClusterRole,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (std::vector<PolicyRule>, rules),
      (std::optional<AggregationRule>, aggregationRule));
  static constexpr std::string_view kAlwaysEmit[] = {"rules"};
};

struct ClusterRoleBinding {
  KREF_API_STRUCT(ClusterRoleBinding,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (std::vector<Subject>, subjects),
      (RoleRef, roleRef));
  static constexpr std::string_view kAlwaysEmit[] = {"roleRef"};
};

using RoleList = meta::List<Role>;
using RoleBindingList = meta::List<RoleBinding>;
using ClusterRoleList = meta::List<ClusterRole>;
using ClusterRoleBindingList = meta::List<ClusterRoleBinding>;

}  // namespace kref::api::rbac
// clang-format on
