#include "model/reference/rollout.h"

#include <algorithm>

namespace kref::model {

namespace {

int Resolve(IntOrPercent v, int replicas, bool round_up) {
  if (!v.percent) return v.value;
  long long scaled = static_cast<long long>(v.value) * replicas;
  return static_cast<int>(round_up ? (scaled + 99) / 100 : scaled / 100);
}

int SumSpec(const std::vector<ReplicaSetView>& rss) {
  int sum = 0;
  for (const ReplicaSetView& rs : rss) sum += rs.spec_replicas;
  return sum;
}

std::vector<ReplicaSetView> OldestFirst(std::vector<ReplicaSetView> rss) {
  std::stable_sort(rss.begin(), rss.end(), [](const ReplicaSetView& a, const ReplicaSetView& b) {
    return a.created != b.created ? a.created < b.created : a.name < b.name;
  });
  return rss;
}

std::vector<ScaleDecision> RollingStep(const DeploymentView& d, const ReplicaSetView& new_rs,
                                       std::vector<ReplicaSetView> old_rss) {
  Fenceposts f = ResolveFenceposts(d.max_surge, d.max_unavailable, d.replicas);
  // MaxUnavailable: never more than spec.replicas, and 0 for a Deployment scaled to 0.
  f.max_unavailable = d.replicas == 0 ? 0 : std::min(f.max_unavailable, d.replicas);
  // reconcileNewReplicaSet
  if (new_rs.spec_replicas > d.replicas) {
    return {{new_rs.name, new_rs.spec_replicas, d.replicas}};
  }
  if (new_rs.spec_replicas < d.replicas) {
    int all = SumSpec(old_rss) + new_rs.spec_replicas;
    int max_total = d.replicas + f.max_surge;
    if (all < max_total) {
      int up = std::min(max_total - all, d.replicas - new_rs.spec_replicas);
      return {{new_rs.name, new_rs.spec_replicas, new_rs.spec_replicas + up}};
    }
  }
  // reconcileOldReplicaSets, over the old ReplicaSets that have replicas (FilterActiveReplicaSets)
  std::erase_if(old_rss, [](const ReplicaSetView& rs) { return rs.spec_replicas == 0; });
  if (SumSpec(old_rss) == 0) return {};
  int all = SumSpec(old_rss) + new_rs.spec_replicas;
  int min_available = d.replicas - f.max_unavailable;
  int new_unavailable = new_rs.spec_replicas - new_rs.available;
  int max_scaled_down = all - min_available - new_unavailable;
  if (max_scaled_down <= 0) return {};

  std::vector<ScaleDecision> out;
  old_rss = OldestFirst(std::move(old_rss));
  // cleanupUnhealthyReplicas
  int cleaned = 0;
  for (ReplicaSetView& rs : old_rss) {
    if (cleaned >= max_scaled_down) break;
    if (rs.spec_replicas == 0 || rs.spec_replicas == rs.available) continue;
    int down = std::min(max_scaled_down - cleaned, rs.spec_replicas - rs.available);
    out.push_back({rs.name, rs.spec_replicas, rs.spec_replicas - down});
    rs.spec_replicas -= down;
    cleaned += down;
  }
  // scaleDownOldReplicaSetsForRollingUpdate
  int available = new_rs.available;
  for (const ReplicaSetView& rs : old_rss) available += rs.available;
  if (available > min_available) {
    int budget = available - min_available;
    int done = 0;
    for (ReplicaSetView& rs : old_rss) {
      if (done >= budget) break;
      if (rs.spec_replicas == 0) continue;
      int down = std::min(rs.spec_replicas, budget - done);
      auto it = std::find_if(out.begin(), out.end(),
                             [&](const ScaleDecision& s) { return s.name == rs.name; });
      if (it != out.end()) {
        it->to = rs.spec_replicas - down;
      } else {
        out.push_back({rs.name, rs.spec_replicas, rs.spec_replicas - down});
      }
      rs.spec_replicas -= down;
      done += down;
    }
  }
  return out;
}

std::vector<ScaleDecision> RecreateStep(const DeploymentView& d, const ReplicaSetView& new_rs,
                                        const std::vector<ReplicaSetView>& old_rss) {
  std::vector<ScaleDecision> out;
  for (const ReplicaSetView& rs : OldestFirst(old_rss)) {
    if (rs.spec_replicas > 0) out.push_back({rs.name, rs.spec_replicas, 0});
  }
  if (!out.empty()) return out;
  for (const ReplicaSetView& rs : old_rss) {
    if (rs.status_replicas > 0 || rs.non_terminal_pods > 0) return {};  // old pods still run: wait
  }
  if (new_rs.spec_replicas != d.replicas) return {{new_rs.name, new_rs.spec_replicas, d.replicas}};
  return {};
}

}  // namespace

Fenceposts ResolveFenceposts(IntOrPercent max_surge, IntOrPercent max_unavailable, int replicas) {
  Fenceposts f{Resolve(max_surge, replicas, true), Resolve(max_unavailable, replicas, false)};
  if (f.max_surge == 0 && f.max_unavailable == 0) f.max_unavailable = 1;
  return f;
}

std::vector<ScaleDecision> RolloutStep(const DeploymentView& deployment, const ReplicaSetView& new_rs,
                                       const std::vector<ReplicaSetView>& old_rss) {
  return deployment.strategy == Strategy::kRecreate ? RecreateStep(deployment, new_rs, old_rss)
                                                    : RollingStep(deployment, new_rs, old_rss);
}

std::int64_t NextRevision(const std::vector<ReplicaSetView>& old_rss) {
  std::int64_t max = 0;
  for (const ReplicaSetView& rs : old_rss) max = std::max(max, rs.revision);
  return max + 1;
}

std::vector<std::string> HistoryToDelete(const std::vector<ReplicaSetView>& old_rss, int history_limit) {
  std::vector<ReplicaSetView> cleanable;
  for (const ReplicaSetView& rs : old_rss) {
    if (!rs.deleting) cleanable.push_back(rs);
  }
  int diff = static_cast<int>(cleanable.size()) - history_limit;
  if (diff <= 0) return {};
  std::stable_sort(cleanable.begin(), cleanable.end(),
                   [](const ReplicaSetView& a, const ReplicaSetView& b) {
                     if (a.revision != b.revision) return a.revision < b.revision;
                     return a.created != b.created ? a.created < b.created : a.name < b.name;
                   });
  std::vector<std::string> out;
  for (int i = 0; i < diff; ++i) {
    const ReplicaSetView& rs = cleanable[i];
    if (rs.status_replicas != 0 || rs.spec_replicas != 0 || !rs.observed) continue;
    out.push_back(rs.name);
  }
  return out;
}

}  // namespace kref::model
