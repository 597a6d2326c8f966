// What the API server does with rbac.authorization.k8s.io/v1 objects on create, kind by kind, as
// upstream:
//   PrepareForCreate  the registry strategy: reset status and server-owned fields, set
//                     generation 1, generate fields the server owns.
//   SetDefaults       the scheme defaults (SetDefaults_* upstream), applied recursively.
//   Validate          create validation, upstream rules and messages; empty when valid.
// The kind registry finds these by argument-dependent lookup.
#pragma once

#include "impl/api/rbac/types.h"
#include "impl/api/validation/field_error.h"

namespace kref::api::rbac {

void PrepareForCreate(Role& object);
void SetDefaults(Role& object);
validation::FieldErrors Validate(const Role& object);

void PrepareForCreate(ClusterRole& object);
void SetDefaults(ClusterRole& object);
validation::FieldErrors Validate(const ClusterRole& object);

void PrepareForCreate(RoleBinding& object);
void SetDefaults(RoleBinding& object);
validation::FieldErrors Validate(const RoleBinding& object);

void PrepareForCreate(ClusterRoleBinding& object);
void SetDefaults(ClusterRoleBinding& object);
validation::FieldErrors Validate(const ClusterRoleBinding& object);

// Update validation beyond create validation: a binding's roleRef cannot change.
validation::FieldErrors ValidateUpdate(const RoleBinding& object, const RoleBinding& old);
validation::FieldErrors ValidateUpdate(const ClusterRoleBinding& object, const ClusterRoleBinding& old);

}  // namespace kref::api::rbac
