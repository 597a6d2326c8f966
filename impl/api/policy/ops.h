// What the API server does with policy/v1 objects on create, kind by kind, as upstream:
//   PrepareForCreate  the registry strategy: reset status and server-owned fields, set
//                     generation 1, generate fields the server owns.
//   SetDefaults       the scheme defaults (SetDefaults_* upstream), applied recursively.
//   Validate          create validation, upstream rules and messages; empty when valid.
// The kind registry finds these by argument-dependent lookup.
#pragma once

#include "impl/api/policy/types.h"
#include "impl/api/validation/field_error.h"

namespace kref::api::policy {

void PrepareForCreate(PodDisruptionBudget& object);
void SetDefaults(PodDisruptionBudget& object);
validation::FieldErrors Validate(const PodDisruptionBudget& object);

void PrepareForCreate(Eviction& object);
void SetDefaults(Eviction& object);
validation::FieldErrors Validate(const Eviction& object);

}  // namespace kref::api::policy
