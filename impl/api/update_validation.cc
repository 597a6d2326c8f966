// Update validation of the kinds with rules beyond create validation (upstream's
// Validate<Kind>Update): immutable fields and what may change in a running pod. The kind
// registry runs these after ValidateObjectMetaUpdate; declared in each group's ops.h.
#include <algorithm>
#include <string>

#include "impl/api/apps/ops.h"
#include "impl/api/batch/ops.h"
#include "impl/api/core/ops.h"
#include "impl/api/discovery/ops.h"
#include "impl/api/rbac/ops.h"
#include "impl/api/scheduling/ops.h"
#include "impl/api/validation/common.h"

namespace kref::api {

using validation::BadValue;
using validation::FieldErrors;
using validation::Path;

namespace {

BadValue SelectorValue(const std::optional<meta::LabelSelector>& selector) {
  return selector ? BadValue::Raw(validation::GoLabelSelector(*selector)) : BadValue::Null();
}

FieldErrors ImmutableSelector(const std::optional<meta::LabelSelector>& selector,
                              const std::optional<meta::LabelSelector>& old, const Path& path) {
  return validation::ValidateImmutableField(selector != old, SelectorValue(selector), path);
}

constexpr char kImmutableWhenSet[] = "field is immutable when `immutable` is set";

}  // namespace

namespace core {

FieldErrors ValidateUpdate(const Pod& pod, const Pod& old) {
  FieldErrors errors;
  Path spec_path("spec");
  // What may change: images, activeDeadlineSeconds, added tolerations, a negative grace period
  // to 1, removed scheduling gates. Everything else must stay as it was.
  PodSpec allowed = old.spec;
  if (pod.spec.containers.size() == allowed.containers.size()) {
    for (size_t i = 0; i < allowed.containers.size(); ++i) allowed.containers[i].image = pod.spec.containers[i].image;
  }
  if (pod.spec.initContainers.size() == allowed.initContainers.size()) {
    for (size_t i = 0; i < allowed.initContainers.size(); ++i) {
      allowed.initContainers[i].image = pod.spec.initContainers[i].image;
    }
  }
  if (old.spec.activeDeadlineSeconds) {
    if (!pod.spec.activeDeadlineSeconds) {
      errors.push_back(validation::Invalid(spec_path.Child("activeDeadlineSeconds"), BadValue::Null(),
                                           "must not update from a positive integer to nil value"));
    } else if (*pod.spec.activeDeadlineSeconds > *old.spec.activeDeadlineSeconds) {
      errors.push_back(validation::Invalid(spec_path.Child("activeDeadlineSeconds"), *pod.spec.activeDeadlineSeconds,
                                           "must be less than or equal to previous value"));
    }
  }
  allowed.activeDeadlineSeconds = pod.spec.activeDeadlineSeconds;
  bool kept_tolerations = std::all_of(old.spec.tolerations.begin(), old.spec.tolerations.end(), [&](const Toleration& t) {
    return std::any_of(pod.spec.tolerations.begin(), pod.spec.tolerations.end(), [&](const Toleration& n) {
      Toleration same = n;
      same.tolerationSeconds = t.tolerationSeconds;
      return same == t;
    });
  });
  if (kept_tolerations) {
    allowed.tolerations = pod.spec.tolerations;
  } else {
    errors.push_back(validation::Forbidden(spec_path.Child("tolerations"),
                                           "existing toleration can not be modified except its tolerationSeconds"));
  }
  if (old.spec.terminationGracePeriodSeconds.value_or(0) < 0 && pod.spec.terminationGracePeriodSeconds == 1) {
    allowed.terminationGracePeriodSeconds = 1;
  }
  for (const PodSchedulingGate& gate : pod.spec.schedulingGates) {
    if (std::find(old.spec.schedulingGates.begin(), old.spec.schedulingGates.end(), gate) ==
        old.spec.schedulingGates.end()) {
      errors.push_back(validation::Forbidden(spec_path.Child("schedulingGates"),
                                             "only deletion is allowed, but found new scheduling gate '" + gate.name + "'"));
    }
  }
  allowed.schedulingGates = pod.spec.schedulingGates;
  if (allowed != pod.spec && errors.empty()) {
    errors.push_back(validation::Forbidden(
        spec_path,
        "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,"
        "`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),"
        "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"));
  }
  return errors;
}

FieldErrors ValidateUpdate(const Node& node, const Node& old) {
  FieldErrors errors;
  Path spec("spec");
  // Pod CIDRs and the provider ID are set once; taints, unschedulable and configSource change
  // freely (labels and status are not in the spec).
  NodeSpec allowed = old.spec;
  if (old.spec.podCIDRs.empty()) {
    allowed.podCIDR = node.spec.podCIDR;
    allowed.podCIDRs = node.spec.podCIDRs;
  } else if (node.spec.podCIDRs != old.spec.podCIDRs) {
    errors.push_back(validation::Forbidden(spec.Child("podCIDRs"),
                                           "node updates may not change podCIDR except from \"\" to valid"));
  }
  if (old.spec.providerID.empty()) {
    allowed.providerID = node.spec.providerID;
  } else if (node.spec.providerID != old.spec.providerID) {
    errors.push_back(validation::Forbidden(spec.Child("providerID"),
                                           "node updates may not change providerID except from \"\" to valid"));
  }
  allowed.unschedulable = node.spec.unschedulable;
  allowed.taints = node.spec.taints;
  allowed.configSource = node.spec.configSource;
  if (errors.empty() && allowed != node.spec) {
    errors.push_back(validation::Forbidden(
        Path(""), "node updates may only change labels, taints, or capacity (or configSource, if the "
                  "DynamicKubeletConfig feature gate is enabled)"));
  }
  return errors;
}

FieldErrors ValidateUpdate(const ConfigMap& config_map, const ConfigMap& old) {
  FieldErrors errors;
  if (!old.immutable.value_or(false)) return errors;
  if (!config_map.immutable.value_or(false)) errors.push_back(validation::Forbidden(Path("immutable"), kImmutableWhenSet));
  if (config_map.data != old.data) errors.push_back(validation::Forbidden(Path("data"), kImmutableWhenSet));
  if (config_map.binaryData != old.binaryData) {
    errors.push_back(validation::Forbidden(Path("binaryData"), kImmutableWhenSet));
  }
  return errors;
}

FieldErrors ValidateUpdate(const Secret& secret, const Secret& old) {
  FieldErrors errors = validation::ValidateImmutableField(secret.type != old.type, secret.type, Path("type"));
  if (!old.immutable.value_or(false)) return errors;
  if (!secret.immutable.value_or(false)) errors.push_back(validation::Forbidden(Path("immutable"), kImmutableWhenSet));
  if (secret.data != old.data) errors.push_back(validation::Forbidden(Path("data"), kImmutableWhenSet));
  return errors;
}

}  // namespace core

namespace apps {

FieldErrors ValidateUpdate(const Deployment& deployment, const Deployment& old) {
  return ImmutableSelector(deployment.spec.selector, old.spec.selector, Path("spec").Child("selector"));
}

FieldErrors ValidateUpdate(const ReplicaSet& replica_set, const ReplicaSet& old) {
  return ImmutableSelector(replica_set.spec.selector, old.spec.selector, Path("spec").Child("selector"));
}

FieldErrors ValidateUpdate(const DaemonSet& daemon_set, const DaemonSet& old) {
  return ImmutableSelector(daemon_set.spec.selector, old.spec.selector, Path("spec").Child("selector"));
}

FieldErrors ValidateUpdate(const StatefulSet& stateful_set, const StatefulSet& old) {
  StatefulSetSpec changeable = stateful_set.spec;
  changeable.replicas = old.spec.replicas;
  changeable.template_ = old.spec.template_;
  changeable.updateStrategy = old.spec.updateStrategy;
  changeable.minReadySeconds = old.spec.minReadySeconds;
  changeable.ordinals = old.spec.ordinals;
  changeable.persistentVolumeClaimRetentionPolicy = old.spec.persistentVolumeClaimRetentionPolicy;
  if (changeable == old.spec) return {};
  return {validation::Forbidden(Path("spec"),
                                "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', "
                                "'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are "
                                "forbidden")};
}

}  // namespace apps

namespace batch {

FieldErrors ValidateUpdate(const Job& job, const Job& old) {
  Path spec("spec");
  FieldErrors errors = ImmutableSelector(job.spec.selector, old.spec.selector, spec.Child("selector"));
  // Completions change only with parallelism in an Indexed job (elastic indexed jobs).
  bool elastic = job.spec.completionMode.value_or("NonIndexed") == "Indexed" &&
                 job.spec.completions == job.spec.parallelism;
  if (!elastic) {
    validation::Append(errors, validation::ValidateImmutableField(
                                   job.spec.completions != old.spec.completions,
                                   job.spec.completions ? BadValue(*job.spec.completions) : BadValue::Null(),
                                   spec.Child("completions")));
  }
  return errors;
}

}  // namespace batch

namespace discovery {

FieldErrors ValidateUpdate(const EndpointSlice& slice, const EndpointSlice& old) {
  return validation::ValidateImmutableField(slice.addressType != old.addressType, slice.addressType,
                                            Path("addressType"));
}

}  // namespace discovery

namespace rbac {
namespace {

FieldErrors ImmutableRoleRef(const RoleRef& ref, const RoleRef& old) {
  if (ref == old) return {};
  std::string value = "rbac.RoleRef{APIGroup:" + validation::GoQuote(ref.apiGroup) + ", Kind:" +
                      validation::GoQuote(ref.kind) + ", Name:" + validation::GoQuote(ref.name) + "}";
  return {validation::Invalid(Path("roleRef"), BadValue::Raw(value), "cannot change roleRef")};
}

}  // namespace

FieldErrors ValidateUpdate(const RoleBinding& binding, const RoleBinding& old) {
  return ImmutableRoleRef(binding.roleRef, old.roleRef);
}

FieldErrors ValidateUpdate(const ClusterRoleBinding& binding, const ClusterRoleBinding& old) {
  return ImmutableRoleRef(binding.roleRef, old.roleRef);
}

}  // namespace rbac

namespace scheduling {

FieldErrors ValidateUpdate(const PriorityClass& priority_class, const PriorityClass& old) {
  FieldErrors errors;
  if (priority_class.value != old.value) {
    errors.push_back(validation::Forbidden(Path("value"), "may not be changed in an update."));
  }
  validation::Append(errors, validation::ValidateImmutableField(
                                 priority_class.preemptionPolicy != old.preemptionPolicy,
                                 priority_class.preemptionPolicy ? BadValue(*priority_class.preemptionPolicy)
                                                                 : BadValue::Null(),
                                 Path("preemptionPolicy")));
  return errors;
}

}  // namespace scheduling

}  // namespace kref::api
