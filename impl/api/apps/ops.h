// What the API server does with apps/v1 objects on create, kind by kind, as upstream:
//   PrepareForCreate  the registry strategy: reset status and server-owned fields, set
//                     generation 1, generate fields the server owns.
//   SetDefaults       the scheme defaults (SetDefaults_* upstream), applied recursively.
//   Validate          create validation, upstream rules and messages; empty when valid.
// The kind registry finds these by argument-dependent lookup.
#pragma once

#include "impl/api/apps/types.h"
#include "impl/api/validation/field_error.h"

namespace kref::api::apps {

void PrepareForCreate(ReplicaSet& object);
void SetDefaults(ReplicaSet& object);
validation::FieldErrors Validate(const ReplicaSet& object);

void PrepareForCreate(Deployment& object);
void SetDefaults(Deployment& object);
validation::FieldErrors Validate(const Deployment& object);

void PrepareForCreate(DaemonSet& object);
void SetDefaults(DaemonSet& object);
validation::FieldErrors Validate(const DaemonSet& object);

void PrepareForCreate(StatefulSet& object);
void SetDefaults(StatefulSet& object);
validation::FieldErrors Validate(const StatefulSet& object);

void PrepareForCreate(ControllerRevision& object);
void SetDefaults(ControllerRevision& object);
validation::FieldErrors Validate(const ControllerRevision& object);

// Update validation beyond create validation (selectors are immutable; a StatefulSet's spec
// changes only in replicas, template, updateStrategy, ...).
validation::FieldErrors ValidateUpdate(const Deployment& object, const Deployment& old);
validation::FieldErrors ValidateUpdate(const ReplicaSet& object, const ReplicaSet& old);
validation::FieldErrors ValidateUpdate(const DaemonSet& object, const DaemonSet& old);
validation::FieldErrors ValidateUpdate(const StatefulSet& object, const StatefulSet& old);

}  // namespace kref::api::apps
