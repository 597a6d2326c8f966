#include "model/scheduling/scheduling.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "model/reference/backoff.h"
#include "model/testing/model_checks.h"

namespace kref::model {
namespace {

using S = SchedulingMachine;

S::Facts Facts(bool gates, bool retryable, bool expired, std::string node = "n1") {
  return S::Facts{gates, retryable, expired, std::move(node)};
}

TEST(SchedulingModelTest, CompiledTableIsTheSpecTable) {
  testing::ExpectTableMatchesSpec<SchedulingMachine>();
}

TEST(SchedulingModelTest, EveryRowCanFire) {
  std::vector<S::Facts> choices;
  for (int bits = 0; bits < 8; ++bits) choices.push_back(Facts(bits & 1, bits & 2, bits & 4));
  EXPECT_THAT(testing::UnfiredRows<SchedulingMachine>(choices), ::testing::IsEmpty());
}

TEST(SchedulingModelTest, FailuresBackOffDoublingUpToTenSeconds) {
  S pod;
  pod.Fire(S::kEnqueued, Facts(false, false, false));
  std::int64_t expected[] = {1, 2, 4, 8, 10, 10};
  for (std::int64_t delay : expected) {
    ASSERT_EQ(pod.Fire(S::kPopped), Verdict::kAccepted);
    ASSERT_EQ(pod.Fire(S::kScheduleFailed, Facts(false, true, false)), Verdict::kAccepted);
    EXPECT_EQ(pod.State(S::kQueue), "BackoffQ");
    EXPECT_EQ(pod.backoff_s(), delay);
    ASSERT_EQ(pod.Fire(S::kBackoffCompleted), Verdict::kAccepted);
  }
  EXPECT_EQ(pod.attempts(), 6);
}

TEST(SchedulingModelTest, UnschedulableWaitsForAClusterEvent) {
  S pod;
  pod.Fire(S::kEnqueued);
  pod.Fire(S::kPopped);
  pod.Fire(S::kScheduleFailed, Facts(false, false, false));
  EXPECT_EQ(pod.State(S::kQueue), "Unschedulable");
  EXPECT_EQ(pod.Fire(S::kBackoffCompleted), Verdict::kIllegal);
  EXPECT_EQ(pod.Fire(S::kClusterEventMoved, Facts(false, false, true)), Verdict::kAccepted);
  EXPECT_EQ(pod.State(S::kQueue), "ActiveQ");
}

TEST(SchedulingModelTest, PreemptionNominatesAndBindingKeepsTheNomination) {
  S pod;
  pod.Fire(S::kEnqueued);
  EXPECT_EQ(pod.Fire(S::kPreemptionNominated, Facts(false, false, false, "n2")),
            Verdict::kGuardRejected);  // only during a cycle
  pod.Fire(S::kPopped);
  EXPECT_EQ(pod.Fire(S::kPreemptionNominated, Facts(false, false, false, "n2")), Verdict::kAccepted);
  EXPECT_EQ(pod.nominated_node(), "n2");
  pod.Fire(S::kScheduleFailed, Facts(false, false, false));
  pod.Fire(S::kClusterEventMoved, Facts(false, false, true));
  pod.Fire(S::kPopped);
  EXPECT_EQ(pod.Fire(S::kNodeReserved, Facts(false, false, false, "n2")), Verdict::kAccepted);
  EXPECT_EQ(pod.Fire(S::kBindSucceeded), Verdict::kAccepted);
  EXPECT_EQ(pod.StateName(), "Bound | Nominated");  // v1.32 does not clear it on binding
  EXPECT_EQ(pod.node(), "n2");
  EXPECT_EQ(pod.Fire(S::kPodDeleted), Verdict::kIllegal);  // Bound is final
}

TEST(SchedulingModelTest, GatedPodsWaitForTheirGates) {
  S pod;
  pod.Fire(S::kEnqueued, Facts(true, false, false));
  EXPECT_EQ(pod.State(S::kQueue), "Gated");
  EXPECT_EQ(pod.Fire(S::kPopped), Verdict::kIllegal);
  EXPECT_EQ(pod.Fire(S::kGatesRemoved), Verdict::kAccepted);
  EXPECT_EQ(pod.Fire(S::kPopped), Verdict::kAccepted);
}

RC_GTEST_PROP(SchedulingModelProp, RandomEventsKeepEveryInvariant, ()) {
  const auto steps = *rc::gen::container<std::vector<std::pair<int, int>>>(
      rc::gen::pair(rc::gen::inRange(0, S::kEventCount), rc::gen::inRange(0, 16)));
  const std::set<std::string> checked = {"BackoffWithinBounds", "GatedIsNeverScheduled",
                                         "AttemptsNeverDecrease", "BoundAndDeletedAreFinal",
                                         "BoundNodeNeverChanges"};
  RC_ASSERT(checked == testing::SpecInvariants("scheduling"));

  S pod;
  for (const auto& [event, bits] : steps) {
    S::Facts facts = Facts(bits & 1, bits & 2, bits & 4, bits & 8 ? "n1" : "n2");
    std::string before(pod.State(S::kQueue));
    int attempts = pod.attempts();
    std::string node = pod.node();
    Verdict verdict = testing::FireAgreeing(pod, event, facts);
    std::string after(pod.State(S::kQueue));
    if (after == "BackoffQ") {
      RC_ASSERT(pod.backoff_s() >= kPodInitialBackoffSeconds);
      RC_ASSERT(pod.backoff_s() <= kPodMaxBackoffSeconds);
      RC_ASSERT(pod.backoff_s() == PodBackoffSeconds(pod.attempts()));
    }
    if (before == "Gated") RC_ASSERT(after == "Gated" || after == "ActiveQ" || after == "Deleted");
    RC_ASSERT(pod.attempts() >= attempts);
    if (before == "Bound" || before == "Deleted") RC_ASSERT(verdict == Verdict::kIllegal);
    if (after == "Bound") RC_ASSERT(pod.node() == node && !node.empty());
  }
}

}  // namespace
}  // namespace kref::model
