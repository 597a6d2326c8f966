#include "model/rollout/rollout.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "model/testing/model_checks.h"

namespace kref::model {
namespace {

using D = RolloutMachine;

D::Facts NoDeadline() { return D::Facts{false}; }

TEST(RolloutModelTest, CompiledTableIsTheSpecTable) {
  testing::ExpectTableMatchesSpec<RolloutMachine>();
}

TEST(RolloutModelTest, EveryRowCanFire) {
  EXPECT_THAT(testing::UnfiredRows<RolloutMachine>({D::Facts{}}), ::testing::IsEmpty());
}

TEST(RolloutModelTest, ARolloutThatStallsAndRecovers) {
  D d;
  EXPECT_EQ(d.Fire(D::kNewReplicaSetCreated), Verdict::kAccepted);
  EXPECT_EQ(d.Fire(D::kProgressDeadlineExceeded), Verdict::kAccepted);
  EXPECT_EQ(d.State(D::kProgress), "Stalled");
  // PauseKeepsTimeout: pausing does not overwrite ProgressDeadlineExceeded.
  EXPECT_EQ(d.Fire(D::kDeploymentPaused), Verdict::kIllegal);
  EXPECT_EQ(d.Fire(D::kReplicaSetUpdated), Verdict::kAccepted);
  EXPECT_EQ(d.Fire(D::kNewReplicaSetAvailable), Verdict::kAccepted);
  EXPECT_EQ(d.Fire(D::kMinimumReplicasAvailable), Verdict::kAccepted);
  EXPECT_EQ(d.StateName(), "Complete | Available | NoReplicaFailure");
}

TEST(RolloutModelTest, WithoutADeadlineNothingStalls) {
  D d;
  d.Fire(D::kNewReplicaSetCreated);
  EXPECT_EQ(d.Fire(D::kProgressDeadlineExceeded, NoDeadline()), Verdict::kGuardRejected);
  EXPECT_EQ(d.State(D::kProgress), "Rolling");
}

TEST(RolloutModelTest, PauseThenResume) {
  D d;
  d.Fire(D::kNewReplicaSetCreated);
  EXPECT_EQ(d.Fire(D::kDeploymentPaused), Verdict::kAccepted);
  EXPECT_EQ(d.Fire(D::kNewReplicaSetCreated), Verdict::kIllegal);  // no rollout while paused
  EXPECT_EQ(d.Fire(D::kDeploymentResumed), Verdict::kAccepted);
  EXPECT_EQ(d.State(D::kProgress), "Resumed");
  EXPECT_EQ(d.Fire(D::kFoundNewReplicaSet), Verdict::kIllegal);  // only before any condition
  EXPECT_EQ(d.Fire(D::kReplicaSetUpdated), Verdict::kAccepted);   // an undo made while paused
  EXPECT_EQ(d.State(D::kProgress), "Rolling");
}

// WithinSurgeAndUnavailability and RevisionsIncrease are checked on the reference functions
// (model/reference/rollout_test.cc); the rest here.
RC_GTEST_PROP(RolloutModelProp, RandomEventsKeepEveryInvariant, ()) {
  const auto steps = *rc::gen::container<std::vector<std::pair<int, bool>>>(
      rc::gen::pair(rc::gen::inRange(0, D::kEventCount), rc::gen::arbitrary<bool>()));
  const std::set<std::string> here = {"PauseKeepsTimeout", "PausedOnlyResumes", "NoDeadlineNoStall"};
  std::set<std::string> all = here;
  all.insert({"WithinSurgeAndUnavailability", "RevisionsIncrease"});
  RC_ASSERT(all == testing::SpecInvariants("rollout"));

  D d;
  bool ever_deadline = false;
  for (const auto& [event, has_deadline] : steps) {
    ever_deadline = ever_deadline || has_deadline;
    std::string before(d.State(D::kProgress));
    testing::FireAgreeing(d, event, D::Facts{has_deadline});
    std::string after(d.State(D::kProgress));
    if (before == "Stalled" && event == D::kDeploymentPaused) RC_ASSERT(after == "Stalled");
    if (before == "Paused" && after != "Paused") RC_ASSERT(event == D::kDeploymentResumed);
    if (!ever_deadline) RC_ASSERT(after != "Stalled");
  }
}

}  // namespace
}  // namespace kref::model
