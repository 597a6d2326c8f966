// What the API server does with coordination.k8s.io/v1 objects on create, kind by kind, as
// upstream:
//   PrepareForCreate  the registry strategy: reset status and server-owned fields, set
//                     generation 1, generate fields the server owns.
//   SetDefaults       the scheme defaults (SetDefaults_* upstream), applied recursively.
//   Validate          create validation, upstream rules and messages; empty when valid.
// The kind registry finds these by argument-dependent lookup.
#pragma once

#include "impl/api/coordination/types.h"
#include "impl/api/validation/field_error.h"

namespace kref::api::coordination {

void PrepareForCreate(Lease& object);
void SetDefaults(Lease& object);
validation::FieldErrors Validate(const Lease& object);

}  // namespace kref::api::coordination
