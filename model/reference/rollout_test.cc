#include "model/reference/rollout.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>

namespace kref::model {
namespace {

IntOrPercent Count(int n) { return {n, false}; }
IntOrPercent Percent(int n) { return {n, true}; }

ReplicaSetView Rs(std::string name, std::int64_t revision, int spec, int available) {
  return {std::move(name), revision, revision, spec, spec, available};
}

TEST(RolloutReferenceTest, FencepostsRoundSurgeUpAndUnavailableDown) {
  EXPECT_EQ(ResolveFenceposts(Percent(25), Percent(25), 10), (Fenceposts{3, 2}));
  EXPECT_EQ(ResolveFenceposts(Percent(50), Percent(50), 3), (Fenceposts{2, 1}));
  // The upstream test case: 1 desired, 0% surge, 1% unavailable resolves to (0, 1).
  EXPECT_EQ(ResolveFenceposts(Percent(0), Percent(1), 1), (Fenceposts{0, 1}));
  EXPECT_EQ(ResolveFenceposts(Count(0), Count(0), 10), (Fenceposts{0, 1}));
  EXPECT_EQ(ResolveFenceposts(Count(4), Percent(10), 25), (Fenceposts{4, 2}));
}

// rolling.go, reconcileOldReplicaSets: 10 replicas, maxUnavailable 2, maxSurge 3.
DeploymentView TenReplicas() {
  DeploymentView d;
  d.replicas = 10;
  d.max_surge = Count(3);
  d.max_unavailable = Count(2);
  return d;
}

TEST(RolloutReferenceTest, UpstreamCase1RollbackScalesDownTheCrashloopingReplicaSet) {
  // The old ReplicaSet at 8 (one pod lost with a node), the bad new one at 5 and never
  // available; `rollout undo` makes the old one new again. maxScaledDown = 13 - 8 - 1 = 4.
  ReplicaSetView good = Rs("good", 1, 8, 7);
  ReplicaSetView bad = Rs("bad", 2, 5, 0);
  EXPECT_EQ(RolloutStep(TenReplicas(), good, {bad}),
            (std::vector<ScaleDecision>{{"bad", 5, 1}}));
  // "The total number of pods will then be 9 and the newRS can be scaled up to 10."
  bad.spec_replicas = 1;
  EXPECT_EQ(RolloutStep(TenReplicas(), good, {bad}),
            (std::vector<ScaleDecision>{{"good", 8, 10}}));
}

TEST(RolloutReferenceTest, UpstreamCase2RollOverScalesOldReplicaSetsDownByFive) {
  // A new template instead: the new ReplicaSet starts at 0 (13 pods already), and the two old
  // ones can go down by 13 - 8 - 0 = 5, unhealthy replicas first, oldest first.
  ReplicaSetView newest = Rs("newest", 3, 0, 0);
  std::vector<ReplicaSetView> old = {Rs("good", 1, 8, 7), Rs("bad", 2, 5, 0)};
  EXPECT_EQ(RolloutStep(TenReplicas(), newest, old),
            (std::vector<ScaleDecision>{{"good", 8, 7}, {"bad", 5, 1}}));
  old[0].spec_replicas = 7;
  old[1].spec_replicas = 1;
  EXPECT_EQ(RolloutStep(TenReplicas(), newest, old),
            (std::vector<ScaleDecision>{{"newest", 0, 5}}));
}

TEST(RolloutReferenceTest, RecreateEmptiesOldReplicaSetsFirst) {
  DeploymentView d;
  d.replicas = 3;
  d.strategy = Strategy::kRecreate;
  ReplicaSetView fresh = Rs("new", 2, 0, 0);
  ReplicaSetView old = Rs("old", 1, 3, 3);
  EXPECT_EQ(RolloutStep(d, fresh, {old}), (std::vector<ScaleDecision>{{"old", 3, 0}}));
  old.spec_replicas = 0;  // the ReplicaSet still counts its pods
  EXPECT_TRUE(RolloutStep(d, fresh, {old}).empty());
  old.status_replicas = 0;
  old.non_terminal_pods = 2;  // terminating pods are not in status.replicas, yet still run
  EXPECT_TRUE(RolloutStep(d, fresh, {old}).empty());
  old.non_terminal_pods = 0;
  EXPECT_EQ(RolloutStep(d, fresh, {old}), (std::vector<ScaleDecision>{{"new", 0, 3}}));
}

TEST(RolloutReferenceTest, AvailabilityIsCountedOverReplicaSetsThatHaveReplicas) {
  // An old ReplicaSet already scaled to 0 whose status still shows 4 available pods must not
  // widen the scale-down budget: 10 replicas, maxUnavailable 2, so 8 must stay available.
  ReplicaSetView fresh = Rs("new", 3, 3, 0);
  ReplicaSetView emptied = Rs("emptied", 1, 0, 4);
  ReplicaSetView old = Rs("old", 2, 10, 10);
  EXPECT_EQ(RolloutStep(TenReplicas(), fresh, {emptied, old}),
            (std::vector<ScaleDecision>{{"old", 10, 8}}));
}

TEST(RolloutReferenceTest, RevisionsAndHistory) {
  std::vector<ReplicaSetView> old = {Rs("a", 1, 0, 0), Rs("b", 4, 0, 0), Rs("c", 2, 0, 0),
                                     Rs("d", 3, 1, 1)};
  EXPECT_EQ(NextRevision(old), 5);
  EXPECT_EQ(NextRevision({}), 1);
  // Limit 1: three beyond it, oldest revision first; "d" still has a replica and stays.
  EXPECT_EQ(HistoryToDelete(old, 1), (std::vector<std::string>{"a", "c"}));
  old[0].deleting = true;  // already going: not counted, so only one is beyond limit 2
  EXPECT_EQ(HistoryToDelete(old, 2), (std::vector<std::string>{"c"}));
  EXPECT_EQ(HistoryToDelete(old, 3), (std::vector<std::string>{}));
  old[2].observed = false;
  EXPECT_TRUE(HistoryToDelete(old, 1).empty());
}

// A rolling update from a fully available old ReplicaSet, with new pods becoming available at
// random. Every step keeps the surge and availability bounds, and the rollout completes.
RC_GTEST_PROP(RolloutReferenceProp, RollingUpdateStaysWithinBoundsAndCompletes, ()) {
  DeploymentView d;
  d.replicas = *rc::gen::inRange(0, 13);
  auto bound = [] {
    return rc::gen::oneOf(rc::gen::map(rc::gen::inRange(0, 5), Count),
                          rc::gen::map(rc::gen::inRange(0, 101), Percent));
  };
  d.max_surge = *bound();
  d.max_unavailable = *bound();
  Fenceposts f = ResolveFenceposts(d.max_surge, d.max_unavailable, d.replicas);
  int max_unavailable = d.replicas == 0 ? 0 : std::min(f.max_unavailable, d.replicas);

  ReplicaSetView fresh = Rs("new", 2, 0, 0);
  std::vector<ReplicaSetView> old = {Rs("old", 1, d.replicas, d.replicas)};
  for (int sync = 0; sync < 300; ++sync) {
    std::vector<ScaleDecision> decisions = RolloutStep(d, fresh, old);
    for (const ScaleDecision& s : decisions) {
      ReplicaSetView& rs = s.name == "new" ? fresh : old[0];
      RC_ASSERT(rs.spec_replicas == s.from);
      rs.spec_replicas = rs.status_replicas = s.to;
      rs.available = std::min(rs.available, s.to);  // unavailable pods are deleted first
    }
    int pods = fresh.spec_replicas + old[0].spec_replicas;
    int available = fresh.available + old[0].available;
    RC_ASSERT(pods <= d.replicas + f.max_surge);
    RC_ASSERT(available >= d.replicas - max_unavailable);
    if (decisions.empty() && fresh.available == d.replicas && old[0].spec_replicas == 0) return;
    // Some new pods become available (all of them after a while, so the rollout can finish).
    int unavailable = fresh.spec_replicas - fresh.available;
    fresh.available += sync > 100 ? unavailable : *rc::gen::inRange(0, unavailable + 1);
  }
  RC_FAIL("the rollout did not complete in 300 syncs");
}

// Recreate never runs old and new pods at once.
RC_GTEST_PROP(RolloutReferenceProp, RecreateNeverOverlaps, ()) {
  DeploymentView d;
  d.replicas = *rc::gen::inRange(1, 10);
  d.strategy = Strategy::kRecreate;
  ReplicaSetView fresh = Rs("new", 2, 0, 0);
  std::vector<ReplicaSetView> old = {Rs("old", 1, d.replicas, d.replicas)};
  for (int sync = 0; sync < 50; ++sync) {
    for (const ScaleDecision& s : RolloutStep(d, fresh, old)) {
      (s.name == "new" ? fresh : old[0]).spec_replicas = s.to;
    }
    RC_ASSERT(!(fresh.spec_replicas > 0 && old[0].status_replicas > 0));
    // Pods follow their ReplicaSet's spec one sync later, or at once.
    if (sync > 10 || *rc::gen::arbitrary<bool>()) old[0].status_replicas = old[0].spec_replicas;
    fresh.status_replicas = fresh.available = fresh.spec_replicas;
    if (fresh.available == d.replicas) return;
  }
  RC_FAIL("Recreate did not complete in 50 syncs");
}

}  // namespace
}  // namespace kref::model
