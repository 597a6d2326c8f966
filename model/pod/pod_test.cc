#include "model/pod/pod.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "model/testing/model_checks.h"

namespace kref::model {
namespace {

using P = PodMachine;

P::Facts OnNode(std::string node) {
  P::Facts facts;
  facts.node_name = std::move(node);
  return facts;
}

P::Facts GatesFalse() {
  P::Facts facts;
  facts.readiness_gates_true = false;
  return facts;
}

TEST(PodModelTest, CompiledTableIsTheSpecTable) { testing::ExpectTableMatchesSpec<PodMachine>(); }

TEST(PodModelTest, EveryRowCanFire) {
  EXPECT_THAT(testing::UnfiredRows<PodMachine>({OnNode("n1"), GatesFalse()}), ::testing::IsEmpty());
}

TEST(PodModelTest, StartsPendingUnscheduledAndLive) {
  P pod;
  EXPECT_EQ(pod.StateName(),
            "Pending | Unscheduled | NoSandbox | NotInitialized | ContainersNotReady | NotReady | Live");
}

// The life of a pod with one container that becomes ready, then exits 0.
TEST(PodModelTest, TheUsualLife) {
  P pod;
  EXPECT_EQ(pod.Fire(P::kSchedulingFailed), Verdict::kAccepted);
  EXPECT_EQ(pod.Fire(P::kBound, OnNode("n1")), Verdict::kAccepted);
  EXPECT_EQ(pod.node_name(), "n1");
  EXPECT_EQ(pod.Fire(P::kInitContainersCompleted), Verdict::kAccepted);
  EXPECT_EQ(pod.Fire(P::kSandboxCreated), Verdict::kAccepted);
  EXPECT_EQ(pod.Fire(P::kContainerStarted), Verdict::kAccepted);
  EXPECT_EQ(pod.Fire(P::kContainersBecameReady), Verdict::kAccepted);
  EXPECT_EQ(pod.State(P::kReadiness), "Ready");
  EXPECT_EQ(pod.Fire(P::kAllSucceeded), Verdict::kAccepted);
  EXPECT_EQ(pod.StateName(),
            "Succeeded | Scheduled | SandboxReady | Initialized | ContainersNotReady | NotReady | Live");
  EXPECT_EQ(pod.Fire(P::kDeletionRequested), Verdict::kAccepted);
  EXPECT_EQ(pod.Fire(P::kObjectRemoved), Verdict::kAccepted);
  EXPECT_EQ(pod.State(P::kDeletion), "Removed");
}

TEST(PodModelTest, NothingRunsBeforeTheConditionsBeforeIt) {
  P pod;
  EXPECT_EQ(pod.Fire(P::kSandboxCreated), Verdict::kGuardRejected);  // not scheduled
  EXPECT_EQ(pod.Fire(P::kInitContainersCompleted), Verdict::kGuardRejected);
  EXPECT_EQ(pod.Fire(P::kContainerStarted), Verdict::kGuardRejected);  // not initialized
  pod.Fire(P::kBound, OnNode("n1"));
  pod.Fire(P::kInitContainersCompleted);
  EXPECT_EQ(pod.Fire(P::kContainersBecameReady), Verdict::kGuardRejected);  // still Pending
  EXPECT_TRUE(pod.BrokenInvariants().empty());
}

TEST(PodModelTest, ReadinessGatesHoldReadyBack) {
  P pod;
  pod.Fire(P::kBound, OnNode("n1"));
  pod.Fire(P::kInitContainersCompleted);
  pod.Fire(P::kContainerStarted);
  EXPECT_EQ(pod.Fire(P::kContainersBecameReady, GatesFalse()), Verdict::kAccepted);
  EXPECT_EQ(pod.State(P::kContainers), "ContainersReady");
  EXPECT_EQ(pod.State(P::kReadiness), "NotReady");
  EXPECT_EQ(pod.Fire(P::kReadinessGatesChanged), Verdict::kAccepted);
  EXPECT_EQ(pod.State(P::kReadiness), "Ready");
  EXPECT_EQ(pod.Fire(P::kReadinessGatesChanged, GatesFalse()), Verdict::kAccepted);
  EXPECT_EQ(pod.State(P::kReadiness), "NotReady");
}

TEST(PodModelTest, ABoundPodIsNeverBoundAgain) {
  P pod;
  pod.Fire(P::kBound, OnNode("n1"));
  EXPECT_EQ(pod.Fire(P::kBound, OnNode("n2")), Verdict::kIllegal);
  EXPECT_EQ(pod.node_name(), "n1");
  EXPECT_EQ(pod.Fire(P::kSchedulingFailed), Verdict::kIllegal);
}

TEST(PodModelTest, ARemovedPodTakesNoEvents) {
  P pod;
  pod.Fire(P::kObjectRemoved);
  for (int event = 0; event < P::kEventCount; ++event) {
    EXPECT_EQ(pod.Fire(event, OnNode("n1")), Verdict::kIllegal) << P::Table().events[event];
  }
}

RC_GTEST_PROP(PodModelProp, RandomEventsKeepEveryInvariant, ()) {
  const auto steps = *rc::gen::container<std::vector<std::pair<int, bool>>>(
      rc::gen::pair(rc::gen::inRange(0, P::kEventCount), rc::gen::arbitrary<bool>()));
  const std::set<std::string> checked = {"ConditionChain", "TerminalPhaseAbsorbs",
                                         "TerminalIsNotReady", "BoundNodeNeverChanges",
                                         "RemovedIsFinal"};
  RC_ASSERT(checked == testing::SpecInvariants("pod"));

  P pod;
  int node = 0;
  for (const auto& [event, gates] : steps) {
    P::Facts facts = OnNode("n" + std::to_string(++node));
    facts.readiness_gates_true = gates;
    std::string phase_before(pod.State(P::kPhase));
    std::string node_before = pod.node_name();
    bool removed_before = pod.State(P::kDeletion) == "Removed";
    Verdict verdict = testing::FireAgreeing(pod, event, facts);

    for (const std::string& broken : pod.BrokenInvariants()) RC_FAIL(broken + ": " + pod.StateName());
    if (phase_before == "Succeeded" || phase_before == "Failed") {
      RC_ASSERT(pod.State(P::kPhase) == phase_before);  // TerminalPhaseAbsorbs
    }
    if (!node_before.empty()) RC_ASSERT(pod.node_name() == node_before);  // BoundNodeNeverChanges
    if (removed_before) RC_ASSERT(verdict == Verdict::kIllegal);          // RemovedIsFinal
  }
}

}  // namespace
}  // namespace kref::model
