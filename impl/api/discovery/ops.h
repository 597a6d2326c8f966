// What the API server does with discovery.k8s.io/v1 objects on create, kind by kind, as upstream:
//   PrepareForCreate  the registry strategy: reset status and server-owned fields, set
//                     generation 1, generate fields the server owns.
//   SetDefaults       the scheme defaults (SetDefaults_* upstream), applied recursively.
//   Validate          create validation, upstream rules and messages; empty when valid.
// The kind registry finds these by argument-dependent lookup.
#pragma once

#include "impl/api/discovery/types.h"
#include "impl/api/validation/field_error.h"

namespace kref::api::discovery {

void PrepareForCreate(EndpointSlice& object);
void SetDefaults(EndpointSlice& object);
validation::FieldErrors Validate(const EndpointSlice& object);

// Update validation beyond create validation: an EndpointSlice's addressType is immutable.
validation::FieldErrors ValidateUpdate(const EndpointSlice& object, const EndpointSlice& old);

}  // namespace kref::api::discovery
