// What the API server does with batch/v1 objects on create, kind by kind, as upstream:
//   PrepareForCreate  the registry strategy: reset status and server-owned fields, set
//                     generation 1, generate fields the server owns.
//   SetDefaults       the scheme defaults (SetDefaults_* upstream), applied recursively.
//   Validate          create validation, upstream rules and messages; empty when valid.
// The kind registry finds these by argument-dependent lookup.
#pragma once

#include "impl/api/batch/types.h"
#include "impl/api/validation/field_error.h"

namespace kref::api::batch {

void PrepareForCreate(Job& object);
void SetDefaults(Job& object);
validation::FieldErrors Validate(const Job& object);

void PrepareForCreate(CronJob& object);
void SetDefaults(CronJob& object);
validation::FieldErrors Validate(const CronJob& object);

// Update validation beyond create validation: a Job's selector and completions are immutable.
validation::FieldErrors ValidateUpdate(const Job& object, const Job& old);

}  // namespace kref::api::batch
