// What the API server does with autoscaling/v1 (Scale) and autoscaling/v2 objects on create, kind
// by kind, as upstream:
//   PrepareForCreate  the registry strategy: reset status and server-owned fields, set
//                     generation 1, generate fields the server owns.
//   SetDefaults       the scheme defaults (SetDefaults_* upstream), applied recursively.
//   Validate          create validation, upstream rules and messages; empty when valid.
// The kind registry finds these by argument-dependent lookup.
#pragma once

#include "impl/api/autoscaling/types.h"
#include "impl/api/validation/field_error.h"

namespace kref::api::autoscaling {

void PrepareForCreate(Scale& object);
void SetDefaults(Scale& object);
validation::FieldErrors Validate(const Scale& object);

void PrepareForCreate(HorizontalPodAutoscaler& object);
void SetDefaults(HorizontalPodAutoscaler& object);
validation::FieldErrors Validate(const HorizontalPodAutoscaler& object);

}  // namespace kref::api::autoscaling
