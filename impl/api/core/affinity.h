// core/v1 scheduling constraints of a pod: node selector terms, node and pod (anti-)affinity,
// tolerations and topology spread constraints. Conventions: impl/api/reflect.h.
#pragma once

#include "impl/api/meta/types.h"
#include "impl/api/reflect.h"

// clang-format off
namespace kref::api::core {

// ---- Scheduling ------------------------------------------------------------------------------

struct NodeSelectorRequirement {
  KREF_API_STRUCT(NodeSelectorRequirement,
      (std::string, key),
      (std::string, operator_),
      (std::vector<std::string>, values));
  static constexpr std::string_view kAlwaysEmit[] = {"key", "operator"};
};

struct NodeSelectorTerm {
  KREF_API_STRUCT(NodeSelectorTerm,
      (std::vector<NodeSelectorRequirement>, matchExpressions),
      (std::vector<NodeSelectorRequirement>, matchFields));
};

struct NodeSelector {
  KREF_API_STRUCT(NodeSelector,
      (std::vector<NodeSelectorTerm>, nodeSelectorTerms));
  static constexpr std::string_view kAlwaysEmit[] = {"nodeSelectorTerms"};
};

struct PreferredSchedulingTerm {
  KREF_API_STRUCT(PreferredSchedulingTerm,
      (int32_t, weight),
      (NodeSelectorTerm, preference));
  static constexpr std::string_view kAlwaysEmit[] = {"weight", "preference"};
};

struct NodeAffinity {
  KREF_API_STRUCT(NodeAffinity,
      (std::optional<NodeSelector>, requiredDuringSchedulingIgnoredDuringExecution),
      (std::vector<PreferredSchedulingTerm>, preferredDuringSchedulingIgnoredDuringExecution));
};

struct PodAffinityTerm {
  KREF_API_STRUCT(PodAffinityTerm,
      (std::optional<meta::LabelSelector>, labelSelector),
      (std::vector<std::string>, namespaces),
      (std::string, topologyKey),
      (std::optional<meta::LabelSelector>, namespaceSelector),
      (std::vector<std::string>, matchLabelKeys),
      (std::vector<std::string>, mismatchLabelKeys));
  static constexpr std::string_view kAlwaysEmit[] = {"topologyKey"};
};

struct WeightedPodAffinityTerm {
  KREF_API_STRUCT(WeightedPodAffinityTerm,
      (int32_t, weight),
      (PodAffinityTerm, podAffinityTerm));
  static constexpr std::string_view kAlwaysEmit[] = {"weight", "podAffinityTerm"};
};

struct PodAffinity {
  KREF_API_STRUCT(PodAffinity,
      (std::vector<PodAffinityTerm>, requiredDuringSchedulingIgnoredDuringExecution),
      (std::vector<WeightedPodAffinityTerm>, preferredDuringSchedulingIgnoredDuringExecution));
};

struct PodAntiAffinity {
  KREF_API_STRUCT(PodAntiAffinity,
      (std::vector<PodAffinityTerm>, requiredDuringSchedulingIgnoredDuringExecution),
      (std::vector<WeightedPodAffinityTerm>, preferredDuringSchedulingIgnoredDuringExecution));
};

struct Affinity {
  KREF_API_STRUCT(Affinity,
      (std::optional<NodeAffinity>, nodeAffinity),
      (std::optional<PodAffinity>, podAffinity),
      (std::optional<PodAntiAffinity>, podAntiAffinity));
};

struct Toleration {
  KREF_API_STRUCT(Toleration,
      (std::string, key),
      (std::string, operator_),
      (std::string, value),
      (std::string, effect),
      (std::optional<int64_t>, tolerationSeconds));
};

struct TopologySpreadConstraint {
  KREF_API_STRUCT(TopologySpreadConstraint,
      (int32_t, maxSkew),
      (std::string, topologyKey),
      (std::string, whenUnsatisfiable),
      (std::optional<meta::LabelSelector>, labelSelector),
      (std::optional<int32_t>, minDomains),
      (std::optional<std::string>, nodeAffinityPolicy),
      (std::optional<std::string>, nodeTaintsPolicy),
      (std::vector<std::string>, matchLabelKeys));
  static constexpr std::string_view kAlwaysEmit[] = {"maxSkew", "topologyKey",
                                                     "whenUnsatisfiable"};
};

}  // namespace kref::api::core
// clang-format on
