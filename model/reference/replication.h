// The ReplicaSet controller's decisions, as pure functions (upstream
// pkg/controller/replicaset/replica_set.go manageReplicas and getPodsToDelete,
// pkg/controller/controller_utils.go ActivePodsWithRanks). The implementation's decision
// functions are property-tested against these.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kref::model {

// A controller's pod, as the deletion ranking sees it.
struct RankedPod {
  enum class Phase { kPending, kUnknown, kRunning };
  std::string name;
  std::string uid;
  std::string node;                  // "" when unscheduled
  Phase phase = Phase::kPending;
  bool ready = false;
  std::int64_t ready_since_ns = 0;   // the Ready condition's lastTransitionTime; 0 when unknown
  std::int64_t created_ns = 0;       // creationTimestamp; 0 when unset
  int max_restarts = 0;              // the highest restartCount of its containers
  std::int32_t deletion_cost = 0;    // controller.kubernetes.io/pod-deletion-cost
  int related_on_same_node = 0;      // active related pods on its node, itself included
};

// What one sync does: create `create` pods, or delete the pods named in `delete_names` (in
// this order), never both. At most BurstReplicas (500) either way.
struct ReplicaDecision {
  int create = 0;
  std::vector<std::string> delete_names;
};
ReplicaDecision DecideReplicas(int replicas, const std::vector<RankedPod>& active, std::int64_t now_ns);

// The pods in the order they are deleted on scale-down (ActivePodsWithRanks, with the
// PodDeletionCost and LogarithmicScaleDown features on, their default since v1.22):
//   1. unscheduled before scheduled;
//   2. Pending before Unknown before Running;
//   3. not ready before ready;
//   4. lower pod-deletion-cost first;
//   5. more related pods on the same node first;
//   6. both ready: ready for a shorter time first, comparing floor(log2(ns since)) buckets,
//      the UID breaking a tie within a bucket;
//   7. more container restarts first;
//   8. newer first, by the same log2 buckets of age, the UID breaking a tie.
// A zero time is the newest. Pods equal under every rule keep their input order (upstream's
// sort is not stable: their order is unspecified there). Not modelled: the tie-break on
// sidecar restart counts that newer upstream releases add to rule 7.
std::vector<RankedPod> RankPodsForDeletion(std::vector<RankedPod> pods, std::int64_t now_ns);

// floor(log2(now - t)) in nanoseconds, or -1 when t is not before now.
std::int64_t LogarithmicAgeBucket(std::int64_t t_ns, std::int64_t now_ns);

}  // namespace kref::model
