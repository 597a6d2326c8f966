#include "model/reference/replication.h"

#include <algorithm>
#include <cmath>

#include "model/replication/replication.h"

namespace kref::model {

std::int64_t LogarithmicAgeBucket(std::int64_t t_ns, std::int64_t now_ns) {
  if (now_ns - t_ns <= 0) return -1;
  // As upstream: int64(math.Log2(float64(d))), rounding included.
  return static_cast<std::int64_t>(std::log2(static_cast<double>(now_ns - t_ns)));
}

namespace {

// -1 when a goes first, 1 when b goes first, 0 when this rule does not decide.
int AfterOrZero(std::int64_t a, std::int64_t b) {
  // afterOrZero: a zero time counts as the newest; newer goes first.
  if (a == b) return 0;
  if (a == 0) return -1;
  if (b == 0) return 1;
  return a > b ? -1 : 1;
}

int ByAge(std::int64_t a_ns, std::int64_t b_ns, const RankedPod& a, const RankedPod& b,
          std::int64_t now_ns) {
  if (a_ns == b_ns) return 0;
  if (now_ns == 0 || a_ns == 0 || b_ns == 0) return AfterOrZero(a_ns, b_ns);
  std::int64_t diff = LogarithmicAgeBucket(a_ns, now_ns) - LogarithmicAgeBucket(b_ns, now_ns);
  if (diff == 0) return a.uid < b.uid ? -1 : (a.uid > b.uid ? 1 : 0);
  return diff < 0 ? -1 : 1;
}

int Compare(const RankedPod& a, const RankedPod& b, std::int64_t now_ns) {
  if (a.node != b.node && (a.node.empty() || b.node.empty())) return a.node.empty() ? -1 : 1;
  if (a.phase != b.phase) return a.phase < b.phase ? -1 : 1;
  if (a.ready != b.ready) return a.ready ? 1 : -1;
  if (a.deletion_cost != b.deletion_cost) return a.deletion_cost < b.deletion_cost ? -1 : 1;
  if (a.related_on_same_node != b.related_on_same_node) {
    return a.related_on_same_node > b.related_on_same_node ? -1 : 1;
  }
  if (a.ready && b.ready) {
    if (int c = ByAge(a.ready_since_ns, b.ready_since_ns, a, b, now_ns)) return c;
  }
  if (a.max_restarts != b.max_restarts) return a.max_restarts > b.max_restarts ? -1 : 1;
  return ByAge(a.created_ns, b.created_ns, a, b, now_ns);
}

}  // namespace

std::vector<RankedPod> RankPodsForDeletion(std::vector<RankedPod> pods, std::int64_t now_ns) {
  std::stable_sort(pods.begin(), pods.end(), [&](const RankedPod& a, const RankedPod& b) {
    return Compare(a, b, now_ns) < 0;
  });
  return pods;
}

ReplicaDecision DecideReplicas(int replicas, const std::vector<RankedPod>& active, std::int64_t now_ns) {
  ReplicaDecision decision;
  int diff = static_cast<int>(active.size()) - replicas;
  if (diff < 0) {
    decision.create = std::min(-diff, kBurstReplicas);
  } else if (diff > 0) {
    std::vector<RankedPod> ranked = RankPodsForDeletion(active, now_ns);
    for (int i = 0; i < std::min(diff, kBurstReplicas); ++i) decision.delete_names.push_back(ranked[i].name);
  }
  return decision;
}

}  // namespace kref::model
