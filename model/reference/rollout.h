// The Deployment controller's rollout decisions, as pure functions over small views of a
// Deployment and its ReplicaSets (upstream pkg/controller/deployment: rolling.go, recreate.go,
// sync.go, util/deployment_util.go). The implementation's decision functions are
// property-tested against these.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kref::model {

// An intstr value: a count, or a percentage of spec.replicas.
struct IntOrPercent {
  int value = 0;
  bool percent = false;
};

struct Fenceposts {
  int max_surge = 0;
  int max_unavailable = 0;
  bool operator==(const Fenceposts&) const = default;
};

// maxSurge rounds up, maxUnavailable rounds down; when both come to 0, maxUnavailable is 1
// (ResolveFenceposts).
Fenceposts ResolveFenceposts(IntOrPercent max_surge, IntOrPercent max_unavailable, int replicas);

enum class Strategy { kRollingUpdate, kRecreate };

struct DeploymentView {
  int replicas = 1;
  Strategy strategy = Strategy::kRollingUpdate;
  IntOrPercent max_surge{25, true};
  IntOrPercent max_unavailable{25, true};
};

struct ReplicaSetView {
  std::string name;
  std::int64_t revision = 0;
  std::int64_t created = 0;  // creation order (older first)
  int spec_replicas = 0;
  int status_replicas = 0;   // status.replicas: its active pods (terminating ones not counted)
  int available = 0;         // pods available (ready for minReadySeconds)
  int non_terminal_pods = 0; // its pods not Succeeded or Failed, terminating ones included
  bool deleting = false;     // has a deletionTimestamp
  bool observed = true;      // status.observedGeneration >= metadata.generation
};

struct ScaleDecision {
  std::string name;
  int from = 0;
  int to = 0;
  bool operator==(const ScaleDecision&) const = default;
};

// One rollout sync: the ReplicaSets to scale and to what, in upstream order. RollingUpdate
// scales the new ReplicaSet up if it can (and does nothing else that sync), otherwise scales
// old ones down: unhealthy replicas first, then available ones while more than
// replicas - maxUnavailable stay available (counted over the new ReplicaSet and the old ones
// with replicas), oldest ReplicaSet first. Recreate scales every old ReplicaSet to 0, waits
// until no old pod runs (status.replicas 0 and no non-terminal pod, terminating ones
// included), then scales the new one to spec.replicas. `new_rs` is the ReplicaSet whose
// template matches (its spec may be 0).
std::vector<ScaleDecision> RolloutStep(const DeploymentView& deployment, const ReplicaSetView& new_rs,
                                       const std::vector<ReplicaSetView>& old_rss);

// The revision a new (or re-used) ReplicaSet gets: the highest old revision plus one.
std::int64_t NextRevision(const std::vector<ReplicaSetView>& old_rss);

// The old ReplicaSets revisionHistoryLimit removes, oldest revision first (then oldest
// created, then name): only those beyond the limit with no replicas in spec or status,
// observed, and not already being deleted. Upstream runs this cleanup only once a rolling
// update is complete, or while the Deployment is paused; that is the caller's to decide.
std::vector<std::string> HistoryToDelete(const std::vector<ReplicaSetView>& old_rss, int history_limit);

}  // namespace kref::model
