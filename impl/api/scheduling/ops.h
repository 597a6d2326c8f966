// What the API server does with scheduling.k8s.io/v1 objects on create, kind by kind, as upstream:
//   PrepareForCreate  the registry strategy: reset status and server-owned fields, set
//                     generation 1, generate fields the server owns.
//   SetDefaults       the scheme defaults (SetDefaults_* upstream), applied recursively.
//   Validate          create validation, upstream rules and messages; empty when valid.
// The kind registry finds these by argument-dependent lookup.
#pragma once

#include "impl/api/scheduling/types.h"
#include "impl/api/validation/field_error.h"

namespace kref::api::scheduling {

void PrepareForCreate(PriorityClass& object);
void SetDefaults(PriorityClass& object);
validation::FieldErrors Validate(const PriorityClass& object);

// Update validation beyond create validation: a PriorityClass's value and preemptionPolicy
// are immutable.
validation::FieldErrors ValidateUpdate(const PriorityClass& object, const PriorityClass& old);

}  // namespace kref::api::scheduling
