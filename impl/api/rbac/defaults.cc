// rbac.authorization.k8s.io/v1: the registry strategies on create (they change nothing) and
// the scheme defaults.
#include <string_view>

#include "impl/api/rbac/ops.h"

namespace kref::api::rbac {
namespace {

constexpr std::string_view kGroupName = "rbac.authorization.k8s.io";

// SetDefaults_Subject: users and groups live in the RBAC API group.
void SetSubjectDefaults(Subject& subject) {
  if (!subject.apiGroup.empty()) return;
  if (subject.kind == "User" || subject.kind == "Group") subject.apiGroup = kGroupName;
}

// SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding.
void SetRoleRefDefaults(RoleRef& ref) {
  if (ref.apiGroup.empty()) ref.apiGroup = kGroupName;
}

}  // namespace

// The RBAC strategies' PrepareForCreate leave objects as they are.
void PrepareForCreate(Role& /*object*/) {}
void PrepareForCreate(ClusterRole& /*object*/) {}
void PrepareForCreate(RoleBinding& /*object*/) {}
void PrepareForCreate(ClusterRoleBinding& /*object*/) {}

// Roles have no defaults.
void SetDefaults(Role& /*object*/) {}
void SetDefaults(ClusterRole& /*object*/) {}

void SetDefaults(RoleBinding& object) {
  SetRoleRefDefaults(object.roleRef);
  for (Subject& subject : object.subjects) SetSubjectDefaults(subject);
}

void SetDefaults(ClusterRoleBinding& object) {
  SetRoleRefDefaults(object.roleRef);
  for (Subject& subject : object.subjects) SetSubjectDefaults(subject);
}

}  // namespace kref::api::rbac
