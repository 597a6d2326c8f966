// The default scheduler's filters and scores for the plugins that decide most placements
// (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodeResourcesFit with
// LeastAllocated, NodeResourcesBalancedAllocation), as pure functions with upstream's integer
// arithmetic (pkg/scheduler/framework/plugins/...). Not modelled: NodePorts, the volume
// plugins, InterPodAffinity, ImageLocality (which scores nodes that already have the image) and
// PodTopologySpread, whose system default constraints (hostname maxSkew 3, zone maxSkew 5,
// ScheduleAnyway) score every pod a Service, ReplicaSet, StatefulSet or ReplicationController
// selects. So BestNodes is upstream's choice only for pods none of those score differently.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kref::model {

enum class TaintEffect { kNoSchedule, kPreferNoSchedule, kNoExecute };

struct SchedTaint {
  std::string key;
  std::string value;
  TaintEffect effect = TaintEffect::kNoSchedule;
};

struct SchedToleration {
  std::string key;                    // "" with kExists tolerates every taint
  bool exists = false;                // operator Exists (else Equal)
  std::string value;
  std::optional<TaintEffect> effect;  // unset tolerates every effect
};
bool Tolerates(const SchedToleration& toleration, const SchedTaint& taint);

// One preferred node affinity term: a label that must have one of `values` (operator In).
struct PreferredTerm {
  std::int32_t weight = 1;
  std::string key;
  std::vector<std::string> values;
};

struct SchedPod {
  std::int64_t milli_cpu = 0;          // requests (the effective pod request)
  std::int64_t memory = 0;
  std::int64_t nonzero_milli_cpu = 0;  // the same with 100m / 200 MiB for each container without one
  std::int64_t nonzero_memory = 0;
  std::string node_name;               // spec.nodeName, if set
  std::map<std::string, std::string> node_selector;
  std::vector<SchedToleration> tolerations;
  std::vector<PreferredTerm> preferred;
};

struct SchedNode {
  std::string name;
  bool unschedulable = false;
  std::int64_t allocatable_milli_cpu = 0;
  std::int64_t allocatable_memory = 0;
  int allowed_pods = 110;
  std::int64_t requested_milli_cpu = 0;  // the pods already on it
  std::int64_t requested_memory = 0;
  std::int64_t nonzero_requested_milli_cpu = 0;
  std::int64_t nonzero_requested_memory = 0;
  int pods = 0;
  std::vector<SchedTaint> taints;
  std::map<std::string, std::string> labels;
};

inline constexpr std::int64_t kMaxNodeScore = 100;
inline constexpr std::int64_t kDefaultMilliCpuRequest = 100;
inline constexpr std::int64_t kDefaultMemoryRequest = 200 * 1024 * 1024;

// Why the node does not fit, in upstream's words, or empty. Filters run in the default order
// (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodeResourcesFit) and the first
// that fails gives the reasons, as RunFilterPlugins does; NodeResourcesFit may give several.
std::vector<std::string> FilterFailures(const SchedPod& pod, const SchedNode& node);

// NodeResourcesFit (LeastAllocated, cpu and memory weighted 1): per resource
// (allocatable - requested) * 100 / allocatable with the pod's non-zero requests added, 0 when
// over; their mean over the resources the node has (allocatable above 0).
std::int64_t LeastAllocatedScore(const SchedPod& pod, const SchedNode& node);
// NodeResourcesBalancedAllocation: (1 - |cpu fraction - memory fraction| / 2) * 100, fractions
// of the actual requests (the pod's included) over allocatable, capped at 1.
std::int64_t BalancedAllocationScore(const SchedPod& pod, const SchedNode& node);
// TaintToleration's raw score: PreferNoSchedule taints the pod does not tolerate.
std::int64_t IntolerablePreferNoScheduleTaints(const SchedPod& pod, const SchedNode& node);
// NodeAffinity's raw score: the weights of the preferred terms the node matches.
std::int64_t PreferredAffinityWeight(const SchedPod& pod, const SchedNode& node);
// helper.DefaultNormalizeScore: scales to [0, max] by the highest score (reversed on request;
// all max when reversed and every score is 0).
std::vector<std::int64_t> DefaultNormalizeScore(std::int64_t max, bool reverse, std::vector<std::int64_t> scores);

struct NodeScore {
  std::string node;
  std::int64_t score = 0;
  bool operator==(const NodeScore&) const = default;
};
// The feasible nodes with their weighted totals: TaintToleration x3, NodeAffinity x2,
// NodeResourcesFit x1, BalancedAllocation x1 (the default plugin weights), in input order.
std::vector<NodeScore> ScoreNodes(const SchedPod& pod, const std::vector<SchedNode>& nodes);
// The feasible nodes with the highest total (upstream picks one of them at random).
std::vector<std::string> BestNodes(const SchedPod& pod, const std::vector<SchedNode>& nodes);

}  // namespace kref::model
