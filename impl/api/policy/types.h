// policy/v1 (k8s.io/api/policy/v1): PodDisruptionBudget with its list, and Eviction, the body
// POSTed to a pod's eviction subresource.
// Field names, order and omitempty as upstream; see impl/api/reflect.h for the conventions.
#pragma once

#include "impl/api/int_or_string.h"
#include "impl/api/meta/types.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

// clang-format off
namespace kref::api::policy {

struct PodDisruptionBudgetSpec {
  KREF_API_STRUCT(PodDisruptionBudgetSpec,
      (std::optional<IntOrString>, minAvailable),
      (std::optional<meta::LabelSelector>, selector),
      (std::optional<IntOrString>, maxUnavailable),
      (std::optional<std::string>, unhealthyPodEvictionPolicy));
};

struct PodDisruptionBudgetStatus {
  KREF_API_STRUCT(PodDisruptionBudgetStatus,
      (int64_t, observedGeneration),
      (Map<Time>, disruptedPods),
      (int32_t, disruptionsAllowed),
      (int32_t, currentHealthy),
      (int32_t, desiredHealthy),
      (int32_t, expectedPods),
      (std::vector<meta::Condition>, conditions));
  static constexpr std::string_view kAlwaysEmit[] = {"disruptionsAllowed", "currentHealthy",
                                                     "desiredHealthy", "expectedPods"};
};

struct PodDisruptionBudget {
  KREF_API_STRUCT(PodDisruptionBudget,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (PodDisruptionBudgetSpec, spec),
      (PodDisruptionBudgetStatus, status));
};

using PodDisruptionBudgetList = meta::List<PodDisruptionBudget>;

struct Eviction {
  KREF_API_STRUCT(Eviction,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (std::optional<meta::DeleteOptions>, deleteOptions));
};

}  // namespace kref::api::policy
// clang-format on
