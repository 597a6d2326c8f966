#include "model/reference/scheduler.h"

#include <algorithm>
#include <cmath>

namespace kref::model {

bool Tolerates(const SchedToleration& toleration, const SchedTaint& taint) {
  if (toleration.effect && *toleration.effect != taint.effect) return false;
  if (!toleration.key.empty() && toleration.key != taint.key) return false;
  if (toleration.exists) return true;
  return toleration.key == taint.key && toleration.value == taint.value;
}

namespace {

bool ToleratedBy(const SchedTaint& taint, const std::vector<SchedToleration>& tolerations) {
  return std::any_of(tolerations.begin(), tolerations.end(),
                     [&](const SchedToleration& t) { return Tolerates(t, taint); });
}

std::int64_t LeastRequested(std::int64_t requested, std::int64_t capacity) {
  if (capacity == 0 || requested > capacity) return 0;
  return (capacity - requested) * kMaxNodeScore / capacity;
}

}  // namespace

std::vector<std::string> FilterFailures(const SchedPod& pod, const SchedNode& node) {
  if (node.unschedulable &&
      !ToleratedBy({"node.kubernetes.io/unschedulable", "", TaintEffect::kNoSchedule}, pod.tolerations)) {
    return {"node(s) were unschedulable"};
  }
  if (!pod.node_name.empty() && pod.node_name != node.name) {
    return {"node(s) didn't match the requested node name"};
  }
  for (const SchedTaint& taint : node.taints) {
    if (taint.effect == TaintEffect::kPreferNoSchedule || ToleratedBy(taint, pod.tolerations)) continue;
    return {"node(s) had untolerated taint {" + taint.key + ": " + taint.value + "}"};
  }
  for (const auto& [key, value] : pod.node_selector) {
    auto it = node.labels.find(key);
    if (it == node.labels.end() || it->second != value) {
      return {"node(s) didn't match Pod's node affinity/selector"};
    }
  }
  // NodeResourcesFit (fitsRequest): the pod count, then each resource the pod asks for.
  std::vector<std::string> out;
  if (node.pods + 1 > node.allowed_pods) out.push_back("Too many pods");
  if (pod.milli_cpu > 0 && pod.milli_cpu > node.allocatable_milli_cpu - node.requested_milli_cpu) {
    out.push_back("Insufficient cpu");
  }
  if (pod.memory > 0 && pod.memory > node.allocatable_memory - node.requested_memory) {
    out.push_back("Insufficient memory");
  }
  return out;
}

std::int64_t LeastAllocatedScore(const SchedPod& pod, const SchedNode& node) {
  std::int64_t score = 0, weights = 0;
  if (node.allocatable_milli_cpu > 0) {
    score += LeastRequested(node.nonzero_requested_milli_cpu + pod.nonzero_milli_cpu,
                            node.allocatable_milli_cpu);
    ++weights;
  }
  if (node.allocatable_memory > 0) {
    score += LeastRequested(node.nonzero_requested_memory + pod.nonzero_memory, node.allocatable_memory);
    ++weights;
  }
  return weights == 0 ? 0 : score / weights;
}

std::int64_t BalancedAllocationScore(const SchedPod& pod, const SchedNode& node) {
  auto fraction = [](std::int64_t requested, std::int64_t allocatable) {
    if (allocatable == 0) return 0.0;
    return std::min(1.0, static_cast<double>(requested) / static_cast<double>(allocatable));
  };
  double cpu = fraction(node.requested_milli_cpu + pod.milli_cpu, node.allocatable_milli_cpu);
  double memory = fraction(node.requested_memory + pod.memory, node.allocatable_memory);
  double std_dev = std::abs((cpu - memory) / 2);
  return static_cast<std::int64_t>((1 - std_dev) * static_cast<double>(kMaxNodeScore));
}

std::int64_t IntolerablePreferNoScheduleTaints(const SchedPod& pod, const SchedNode& node) {
  std::vector<SchedToleration> prefer;
  for (const SchedToleration& t : pod.tolerations) {
    if (!t.effect || *t.effect == TaintEffect::kPreferNoSchedule) prefer.push_back(t);
  }
  std::int64_t count = 0;
  for (const SchedTaint& taint : node.taints) {
    if (taint.effect == TaintEffect::kPreferNoSchedule && !ToleratedBy(taint, prefer)) ++count;
  }
  return count;
}

std::int64_t PreferredAffinityWeight(const SchedPod& pod, const SchedNode& node) {
  std::int64_t sum = 0;
  for (const PreferredTerm& term : pod.preferred) {
    auto it = node.labels.find(term.key);
    if (it != node.labels.end() &&
        std::find(term.values.begin(), term.values.end(), it->second) != term.values.end()) {
      sum += term.weight;
    }
  }
  return sum;
}

std::vector<std::int64_t> DefaultNormalizeScore(std::int64_t max, bool reverse, std::vector<std::int64_t> scores) {
  std::int64_t highest = 0;
  for (std::int64_t s : scores) highest = std::max(highest, s);
  if (highest == 0) {
    if (reverse) std::fill(scores.begin(), scores.end(), max);
    return scores;
  }
  for (std::int64_t& s : scores) {
    s = max * s / highest;
    if (reverse) s = max - s;
  }
  return scores;
}

std::vector<NodeScore> ScoreNodes(const SchedPod& pod, const std::vector<SchedNode>& nodes) {
  std::vector<const SchedNode*> feasible;
  for (const SchedNode& node : nodes) {
    if (FilterFailures(pod, node).empty()) feasible.push_back(&node);
  }
  std::vector<std::int64_t> taints, affinity;
  for (const SchedNode* node : feasible) {
    taints.push_back(IntolerablePreferNoScheduleTaints(pod, *node));
    affinity.push_back(PreferredAffinityWeight(pod, *node));
  }
  taints = DefaultNormalizeScore(kMaxNodeScore, true, std::move(taints));
  affinity = DefaultNormalizeScore(kMaxNodeScore, false, std::move(affinity));
  std::vector<NodeScore> out;
  for (std::size_t i = 0; i < feasible.size(); ++i) {
    const SchedNode& node = *feasible[i];
    out.push_back({node.name, 3 * taints[i] + 2 * affinity[i] + LeastAllocatedScore(pod, node) +
                                  BalancedAllocationScore(pod, node)});
  }
  return out;
}

std::vector<std::string> BestNodes(const SchedPod& pod, const std::vector<SchedNode>& nodes) {
  std::vector<NodeScore> scores = ScoreNodes(pod, nodes);
  std::int64_t best = -1;
  for (const NodeScore& s : scores) best = std::max(best, s.score);
  std::vector<std::string> out;
  for (const NodeScore& s : scores) {
    if (s.score == best) out.push_back(s.node);
  }
  return out;
}

}  // namespace kref::model
