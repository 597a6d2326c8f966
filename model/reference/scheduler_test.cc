#include "model/reference/scheduler.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace kref::model {
namespace {

constexpr std::int64_t kGi = 1024LL * 1024 * 1024;

SchedNode Node(std::string name, std::int64_t cpu, std::int64_t mem, std::int64_t used_cpu, std::int64_t used_mem) {
  SchedNode n;
  n.name = std::move(name);
  n.allocatable_milli_cpu = cpu;
  n.allocatable_memory = mem;
  n.requested_milli_cpu = n.nonzero_requested_milli_cpu = used_cpu;
  n.requested_memory = n.nonzero_requested_memory = used_mem;
  n.pods = 1;
  return n;
}

SchedPod Requesting(std::int64_t cpu, std::int64_t mem) {
  SchedPod p;
  p.milli_cpu = p.nonzero_milli_cpu = cpu;
  p.memory = p.nonzero_memory = mem;
  return p;
}

// Worked by hand: a pod asking 500m and 1 Gi between a roomy node A (4 cpu, 8 Gi, 1 cpu and
// 2 Gi used) and a tight node B (2 cpu, 4 Gi, 1.5 cpu and 1 Gi used).
TEST(SchedulerReferenceTest, HandWorkedScores) {
  SchedPod pod = Requesting(500, 1 * kGi);
  SchedNode a = Node("a", 4000, 8 * kGi, 1000, 2 * kGi);
  SchedNode b = Node("b", 2000, 4 * kGi, 1500, 1 * kGi);
  // A: cpu (4000-1500)*100/4000 = 62, memory (8-3)*100/8 = 62; mean 62.
  EXPECT_EQ(LeastAllocatedScore(pod, a), 62);
  // B: cpu (2000-2000)*100/2000 = 0, memory (4-2)*100/4 = 50; mean 25.
  EXPECT_EQ(LeastAllocatedScore(pod, b), 25);
  // A: fractions 0.375 and 0.375, balanced: 100. B: 1.0 and 0.5: (1 - 0.25) * 100 = 75.
  EXPECT_EQ(BalancedAllocationScore(pod, a), 100);
  EXPECT_EQ(BalancedAllocationScore(pod, b), 75);
  // No taints and no affinity: TaintToleration normalizes to 100 (x3), NodeAffinity to 0.
  EXPECT_EQ(ScoreNodes(pod, {a, b}), (std::vector<NodeScore>{{"a", 462}, {"b", 400}}));
  EXPECT_EQ(BestNodes(pod, {a, b}), std::vector<std::string>{"a"});
}

TEST(SchedulerReferenceTest, PodsWithoutRequestsCountTheNonZeroDefaults) {
  SchedPod pod;  // no requests
  pod.nonzero_milli_cpu = kDefaultMilliCpuRequest;
  pod.nonzero_memory = kDefaultMemoryRequest;
  SchedNode n = Node("n", 1000, 1 * kGi, 0, 0);
  // cpu (1000-100)*100/1000 = 90; memory (1024-200)*100/1024 = 80; mean 85.
  EXPECT_EQ(LeastAllocatedScore(pod, n), 85);
  EXPECT_EQ(BalancedAllocationScore(pod, n), 100);  // actual requests: 0 and 0
  // A node without memory to offer is scored on cpu alone.
  SchedNode cpu_only = Node("c", 1000, 0, 0, 0);
  EXPECT_EQ(LeastAllocatedScore(pod, cpu_only), 90);
}

TEST(SchedulerReferenceTest, FiltersSayWhyInUpstreamWords) {
  SchedPod pod = Requesting(3000, 1 * kGi);
  pod.node_selector = {{"disk", "ssd"}};
  SchedNode n = Node("n", 2000, 4 * kGi, 0, 0);
  n.unschedulable = true;
  n.taints = {{"dedicated", "gpu", TaintEffect::kNoSchedule}, {"soft", "x", TaintEffect::kPreferNoSchedule}};
  n.pods = 110;
  // The first failing filter decides; later ones are not run.
  EXPECT_THAT(FilterFailures(pod, n), ::testing::ElementsAre("node(s) were unschedulable"));
  n.unschedulable = false;
  EXPECT_THAT(FilterFailures(pod, n),
              ::testing::ElementsAre("node(s) had untolerated taint {dedicated: gpu}"));
  n.taints.erase(n.taints.begin());
  EXPECT_THAT(FilterFailures(pod, n),
              ::testing::ElementsAre("node(s) didn't match Pod's node affinity/selector"));
  n.labels["disk"] = "ssd";
  EXPECT_THAT(FilterFailures(pod, n), ::testing::ElementsAre("Too many pods", "Insufficient cpu"));
  // A pod that asks for nothing fits a node that is already over-committed.
  SchedNode full = Node("full", 1000, kGi, 1500, 2 * kGi);
  EXPECT_TRUE(FilterFailures(SchedPod{}, full).empty());
  EXPECT_THAT(FilterFailures(Requesting(1, 0), full), ::testing::ElementsAre("Insufficient cpu"));
  pod = Requesting(100, 1);
  pod.node_name = "other";
  EXPECT_THAT(FilterFailures(pod, Node("n", 1000, kGi, 0, 0)),
              ::testing::ElementsAre("node(s) didn't match the requested node name"));
}

TEST(SchedulerReferenceTest, Tolerations) {
  SchedTaint taint{"k", "v", TaintEffect::kNoExecute};
  EXPECT_TRUE(Tolerates({"k", false, "v", std::nullopt}, taint));
  EXPECT_FALSE(Tolerates({"k", false, "w", std::nullopt}, taint));
  EXPECT_TRUE(Tolerates({"k", true, "", TaintEffect::kNoExecute}, taint));
  EXPECT_FALSE(Tolerates({"k", true, "", TaintEffect::kNoSchedule}, taint));
  EXPECT_TRUE(Tolerates({"", true, "", std::nullopt}, taint));  // tolerates everything
  SchedPod pod;
  pod.tolerations = {{"node.kubernetes.io/unschedulable", true, "", TaintEffect::kNoSchedule}};
  SchedNode cordoned = Node("n", 1000, kGi, 0, 0);
  cordoned.unschedulable = true;
  EXPECT_TRUE(FilterFailures(pod, cordoned).empty());
}

TEST(SchedulerReferenceTest, PreferencesNormalizeAgainstTheBestNode) {
  EXPECT_EQ(DefaultNormalizeScore(100, false, {0, 3, 6}), (std::vector<std::int64_t>{0, 50, 100}));
  EXPECT_EQ(DefaultNormalizeScore(100, true, {0, 1, 3}), (std::vector<std::int64_t>{100, 67, 0}));
  EXPECT_EQ(DefaultNormalizeScore(100, true, {0, 0}), (std::vector<std::int64_t>{100, 100}));
  EXPECT_EQ(DefaultNormalizeScore(100, false, {0, 0}), (std::vector<std::int64_t>{0, 0}));

  // Two identical nodes; a PreferNoSchedule taint on one and a preferred zone on the other.
  SchedPod pod = Requesting(100, kGi / 4);
  pod.preferred = {{5, "zone", {"b"}}};
  SchedNode a = Node("a", 1000, kGi, 0, 0), b = Node("b", 1000, kGi, 0, 0);
  a.labels = {{"zone", "a"}};
  b.labels = {{"zone", "b"}};
  b.taints = {{"soft", "", TaintEffect::kPreferNoSchedule}};
  EXPECT_EQ(IntolerablePreferNoScheduleTaints(pod, b), 1);
  EXPECT_EQ(PreferredAffinityWeight(pod, b), 5);
  // a: taint 100 x3 + affinity 0; b: taint 0 + affinity 100 x2. The taint weighs more.
  EXPECT_EQ(BestNodes(pod, {a, b}), std::vector<std::string>{"a"});
}

}  // namespace
}  // namespace kref::model
