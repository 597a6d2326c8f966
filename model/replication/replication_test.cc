#include "model/replication/replication.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "model/testing/model_checks.h"

namespace kref::model {
namespace {

using R = ReplicationMachine;

R::Facts Replicas(int n) { return R::Facts{n}; }

TEST(ReplicationModelTest, CompiledTableIsTheSpecTable) {
  testing::ExpectTableMatchesSpec<ReplicationMachine>();
}

TEST(ReplicationModelTest, EveryRowCanFire) {
  EXPECT_THAT(testing::UnfiredRows<ReplicationMachine>({Replicas(0), Replicas(1), Replicas(2)}),
              ::testing::IsEmpty());
}

TEST(ReplicationModelTest, ScaleUpCreatesAndWaitsForEveryPod) {
  R rs;
  EXPECT_EQ(rs.Fire(R::kSpecScaled, Replicas(3)), Verdict::kAccepted);
  EXPECT_EQ(rs.State(), "Diverged");
  EXPECT_EQ(rs.Fire(R::kSynced), Verdict::kAccepted);
  EXPECT_EQ(rs.State(), "Creating");
  EXPECT_EQ(rs.pending_creates(), 3);
  // Expectations outstanding: a sync does nothing.
  EXPECT_EQ(rs.Fire(R::kSynced), Verdict::kIllegal);
  rs.Fire(R::kPodAppeared);
  rs.Fire(R::kPodAppeared);
  EXPECT_EQ(rs.State(), "Creating");
  rs.Fire(R::kPodAppeared);
  EXPECT_EQ(rs.State(), "InSync");
  EXPECT_EQ(rs.active(), 3);
}

TEST(ReplicationModelTest, OneSyncIssuesAtMostBurstReplicas) {
  R rs;
  rs.Fire(R::kSpecScaled, Replicas(1200));
  rs.Fire(R::kSynced);
  EXPECT_EQ(rs.pending_creates(), kBurstReplicas);
  rs.Fire(R::kExpectationsExpired);
  EXPECT_EQ(rs.State(), "Diverged");
  EXPECT_EQ(rs.pending_creates(), 0);
}

TEST(ReplicationModelTest, AFailedCreateLowersTheExpectation) {
  R rs;
  rs.Fire(R::kSpecScaled, Replicas(2));
  rs.Fire(R::kSynced);
  EXPECT_EQ(rs.Fire(R::kRequestFailed), Verdict::kAccepted);
  EXPECT_EQ(rs.pending_creates(), 1);
  rs.Fire(R::kPodAppeared);
  EXPECT_EQ(rs.State(), "Diverged");  // one short: the next sync creates it
  rs.Fire(R::kSynced);
  EXPECT_EQ(rs.pending_creates(), 1);
}

TEST(ReplicationModelTest, ScaleDownDeletesTheSurplus) {
  R rs;
  rs.Fire(R::kSpecScaled, Replicas(3));
  rs.Fire(R::kSynced);
  for (int i = 0; i < 3; ++i) rs.Fire(R::kPodAppeared);
  rs.Fire(R::kSpecScaled, Replicas(1));
  rs.Fire(R::kSynced);
  EXPECT_EQ(rs.State(), "Deleting");
  EXPECT_EQ(rs.pending_deletes(), 2);
  rs.Fire(R::kPodGone);
  rs.Fire(R::kPodGone);
  EXPECT_EQ(rs.State(), "InSync");
}

// Drives the controller's own loop (sync, then observe what it asked for) from any state.
int StepsToInSync(R rs) {
  for (int steps = 0; steps < 4 * kBurstReplicas; ++steps) {
    std::string_view state = rs.State();
    if (state == "InSync") return steps;
    if (state == "Diverged") rs.Fire(R::kSynced);
    if (state == "Creating") rs.Fire(R::kPodAppeared);
    if (state == "Deleting") rs.Fire(R::kPodGone);
  }
  return -1;
}

RC_GTEST_PROP(ReplicationModelProp, RandomEventsKeepEveryInvariant, ()) {
  const auto steps = *rc::gen::container<std::vector<std::pair<int, int>>>(
      rc::gen::pair(rc::gen::inRange(0, R::kEventCount), rc::gen::inRange(0, 8)));
  const std::set<std::string> checked = {"OneDirectionAtATime", "ExpectationsWithinBurst",
                                         "NoOvershoot", "StateMatchesCounts",
                                         "ConvergesWhenLeftAlone"};
  RC_ASSERT(checked == testing::SpecInvariants("replication"));

  R rs;
  for (const auto& [event, replicas] : steps) {
    Verdict verdict = testing::FireAgreeing(rs, event, Replicas(replicas));
    for (const std::string& broken : rs.BrokenInvariants()) RC_FAIL(broken + " in " + rs.StateName());
    if (event == R::kSynced && verdict == Verdict::kAccepted) {  // NoOvershoot
      RC_ASSERT(rs.active() + rs.pending_creates() <= std::max(rs.replicas(), rs.active()));
      RC_ASSERT(rs.active() - rs.pending_deletes() >= std::min(rs.replicas(), rs.active()));
    }
    RC_ASSERT(StepsToInSync(rs) >= 0);  // ConvergesWhenLeftAlone
  }
}

}  // namespace
}  // namespace kref::model
