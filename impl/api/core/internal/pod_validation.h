// What the pod validation files share (private to impl/api/core): pod_validation.cc holds the
// pod-level rules, the container lists and the Pod, PodTemplate and Binding entry points, and
// calls into container_validation.cc, volume_validation.cc and scheduling_validation.cc. Each
// function follows the upstream function it names, in pkg/apis/core/validation.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/core/types.h"
#include "impl/api/validation/common.h"

namespace kref::api::core::internal {

// The PodValidationOptions that differ between a Pod and a pod template on create.
struct Options {
  // The object being validated is a Pod, not a spec embedded in another kind.
  bool resource_is_pod = false;
};

// Volumes that validated cleanly, by name (ValidateVolumes' result).
using VolumeMap = std::map<std::string, const Volume*>;

// What validating one container needs to know about its pod.
struct PodContext {
  const VolumeMap& volumes;
  const std::optional<int64_t>& grace_period;
  const std::string& restart_policy;
  bool host_users;
};

// ---- volume_validation.cc ----

// ValidateVolumes: each volume has exactly one valid source and a unique DNS-label name.
// `pod_meta` is set for Pods (the names of the claims ephemeral volumes create); `valid` receives
// the volumes that validated cleanly.
validation::FieldErrors ValidateVolumes(const std::vector<Volume>& volumes,
                                        const meta::ObjectMeta* pod_meta,
                                        const validation::Path& path, const Options& opts,
                                        VolumeMap& valid);
// validateLocalDescendingPath: relative, without "..".
validation::FieldErrors ValidateLocalDescendingPath(std::string_view target,
                                                    const validation::Path& path);
// validateObjectFieldSelector: apiVersion and fieldPath required, the field path one of
// `expressions` (sorted, as upstream lists them) or a metadata.labels/annotations subscript.
validation::FieldErrors ValidateObjectFieldSelector(const ObjectFieldSelector& fs,
                                                    const std::vector<std::string>& expressions,
                                                    const validation::Path& path);
// validateContainerResourceFieldSelector: a known resource and divisor; `volume` (downward API
// volumes) also requires the container name.
validation::FieldErrors ValidateContainerResourceFieldSelector(const ResourceFieldSelector& fs,
                                                               const validation::Path& path,
                                                               bool volume);

// ---- container_validation.cc ----

// validateContainerCommon: the rules every container (regular, init, ephemeral) follows.
validation::FieldErrors ValidateContainerCommon(const Container& ctr, const PodContext& pod,
                                                const validation::Path& path);
// The probes and lifecycle hooks regular containers and sidecars may have.
validation::FieldErrors ValidateProbesAndLifecycle(const Container& ctr,
                                                   const std::optional<int64_t>& grace,
                                                   const validation::Path& path);
// validatePullPolicy: Always, IfNotPresent or Never.
validation::FieldErrors ValidatePullPolicy(const std::string& policy, const validation::Path& path);
// validateResourceRequirements for containers (also a pod's overhead, with no requests).
validation::FieldErrors ValidateContainerResourceRequirements(const Map<Quantity>& limits,
                                                              const Map<Quantity>& requests,
                                                              const validation::Path& path);
// validation.IsValidUserID / IsValidGroupID: 0..2^31-1.
validation::FieldErrors ValidateID(int64_t id, const validation::Path& path);
// validateSeccompProfileField and ValidateAppArmorProfileField, for pod and container security
// contexts.
validation::FieldErrors ValidateSeccompProfileField(const std::optional<SeccompProfile>& profile,
                                                    const validation::Path& path);
validation::FieldErrors ValidateAppArmorProfileField(const std::optional<AppArmorProfile>& profile,
                                                     const validation::Path& path);

// ---- scheduling_validation.cc ----

// validateAffinity: node affinity, pod affinity and pod anti-affinity.
validation::FieldErrors ValidateAffinity(const std::optional<Affinity>& affinity,
                                         const validation::Path& path);
// validateTopologySpreadConstraints.
validation::FieldErrors ValidateTopologySpreadConstraints(
    const std::vector<TopologySpreadConstraint>& list, const validation::Path& path);
// ValidateTolerations.
validation::FieldErrors ValidateTolerations(const std::vector<Toleration>& tolerations,
                                            const validation::Path& path);

}  // namespace kref::api::core::internal
