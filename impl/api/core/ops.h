// What the API server does with core/v1 objects on create, kind by kind, as upstream:
//   PrepareForCreate  the registry strategy: reset status and server-owned fields, set
//                     generation 1, generate fields the server owns.
//   SetDefaults       the scheme defaults (SetDefaults_* upstream), applied recursively.
//   Validate          create validation, upstream rules and messages; empty when valid.
// The kind registry finds these by argument-dependent lookup.
#pragma once

#include <string_view>

#include "impl/api/core/types.h"
#include "impl/api/validation/field_error.h"

namespace kref::api::core {

void PrepareForCreate(Pod& object);
void SetDefaults(Pod& object);
validation::FieldErrors Validate(const Pod& object);

void PrepareForCreate(PodTemplate& object);
void SetDefaults(PodTemplate& object);
validation::FieldErrors Validate(const PodTemplate& object);

void PrepareForCreate(Binding& object);
void SetDefaults(Binding& object);
validation::FieldErrors Validate(const Binding& object);

void PrepareForCreate(Namespace& object);
void SetDefaults(Namespace& object);
validation::FieldErrors Validate(const Namespace& object);

void PrepareForCreate(Node& object);
void SetDefaults(Node& object);
validation::FieldErrors Validate(const Node& object);

void PrepareForCreate(Service& object);
void SetDefaults(Service& object);
validation::FieldErrors Validate(const Service& object);

void PrepareForCreate(Endpoints& object);
void SetDefaults(Endpoints& object);
validation::FieldErrors Validate(const Endpoints& object);

void PrepareForCreate(ConfigMap& object);
void SetDefaults(ConfigMap& object);
validation::FieldErrors Validate(const ConfigMap& object);

void PrepareForCreate(Secret& object);
void SetDefaults(Secret& object);
validation::FieldErrors Validate(const Secret& object);

void PrepareForCreate(ServiceAccount& object);
void SetDefaults(ServiceAccount& object);
validation::FieldErrors Validate(const ServiceAccount& object);

void PrepareForCreate(Event& object);
void SetDefaults(Event& object);
validation::FieldErrors Validate(const Event& object);

void PrepareForCreate(ReplicationController& object);
void SetDefaults(ReplicationController& object);
validation::FieldErrors Validate(const ReplicationController& object);

void PrepareForCreate(PersistentVolume& object);
void SetDefaults(PersistentVolume& object);
validation::FieldErrors Validate(const PersistentVolume& object);

void PrepareForCreate(PersistentVolumeClaim& object);
void SetDefaults(PersistentVolumeClaim& object);
validation::FieldErrors Validate(const PersistentVolumeClaim& object);

void PrepareForCreate(LimitRange& object);
void SetDefaults(LimitRange& object);
validation::FieldErrors Validate(const LimitRange& object);

void PrepareForCreate(ResourceQuota& object);
void SetDefaults(ResourceQuota& object);
validation::FieldErrors Validate(const ResourceQuota& object);

// Shared with the workload kinds that embed pod templates and claims.
void SetDefaults(PodSpec& spec);
void SetDefaults(PodTemplateSpec& template_spec);
// A pod template as a controller embeds it (spec.template): metadata labels and
// annotations, and the pod spec. `path` is where the template sits.
validation::FieldErrors ValidatePodTemplateSpec(const PodTemplateSpec& template_spec,
                                                const validation::Path& path);
// The pod spec rules shared by Pods and pod templates.
validation::FieldErrors ValidatePodSpec(const PodSpec& spec, const meta::ObjectMeta& pod_meta,
                                        const validation::Path& path);
// The rules controllers of pods that run until replaced (ReplicaSet, Deployment, DaemonSet,
// StatefulSet, ReplicationController) add to their template's pod spec at `path`: restartPolicy
// must be Always, and activeDeadlineSeconds is Forbidden ("activeDeadlineSeconds in <kind> is
// not Supported").
validation::FieldErrors ValidateLongRunningPodSpec(const PodSpec& spec, std::string_view kind,
                                                   const validation::Path& path);
validation::FieldErrors ValidatePersistentVolumeClaimSpec(const PersistentVolumeClaimSpec& spec,
                                                          const validation::Path& path);

// Update validation beyond create validation (Validate<Kind>Update upstream); the registry runs
// it after the metadata rules. Kinds without one have no extra update rules.
validation::FieldErrors ValidateUpdate(const Pod& object, const Pod& old);
validation::FieldErrors ValidateUpdate(const Node& object, const Node& old);
validation::FieldErrors ValidateUpdate(const ConfigMap& object, const ConfigMap& old);
validation::FieldErrors ValidateUpdate(const Secret& object, const Secret& old);

}  // namespace kref::api::core
