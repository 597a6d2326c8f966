#include "model/node/node.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "model/testing/model_checks.h"

namespace kref::model {
namespace {

using N = NodeMachine;
using Toleration = N::Toleration;

N::Facts Tolerating(Toleration t) { return N::Facts{t}; }

TEST(NodeModelTest, CompiledTableIsTheSpecTable) { testing::ExpectTableMatchesSpec<NodeMachine>(); }

TEST(NodeModelTest, EveryRowCanFire) {
  EXPECT_THAT(testing::UnfiredRows<NodeMachine>({Tolerating(Toleration::kNone),
                                                 Tolerating(Toleration::kForAWhile),
                                                 Tolerating(Toleration::kForever)}),
              ::testing::IsEmpty());
}

TEST(NodeModelTest, AnUnreachableNodeIsTaintedAndItsPodEvictedAfterItsToleration) {
  N node;
  node.Fire(N::kReportedReady);
  EXPECT_EQ(node.Fire(N::kUnreachableTaintAdded), Verdict::kGuardRejected);  // still Ready
  node.Fire(N::kHeartbeatsStopped);
  EXPECT_EQ(node.State(N::kReadiness), "Unknown");
  EXPECT_EQ(node.Fire(N::kUnreachableTaintAdded, Tolerating(Toleration::kForAWhile)),
            Verdict::kAccepted);
  EXPECT_EQ(node.StateName(), "Unknown | UnreachableTainted | EvictionPending");
  EXPECT_EQ(node.Fire(N::kTaintsRemoved), Verdict::kGuardRejected);  // not Ready yet
  EXPECT_EQ(node.Fire(N::kTolerationExpired), Verdict::kAccepted);
  EXPECT_EQ(node.State(N::kEviction), "PodEvicted");
}

TEST(NodeModelTest, RecoveryCancelsAPendingEviction) {
  N node;
  node.Fire(N::kNotReadyTaintAdded, Tolerating(Toleration::kForAWhile));
  EXPECT_EQ(node.State(N::kEviction), "EvictionPending");
  node.Fire(N::kReportedReady);
  EXPECT_EQ(node.Fire(N::kTaintsRemoved), Verdict::kAccepted);
  EXPECT_EQ(node.StateName(), "Ready | Untainted | PodRunning");
}

TEST(NodeModelTest, APodWithoutTolerationGoesAtOnce) {
  N node;
  node.Fire(N::kNotReadyTaintAdded, Tolerating(Toleration::kNone));
  EXPECT_EQ(node.State(N::kEviction), "PodEvicted");
}

RC_GTEST_PROP(NodeModelProp, RandomEventsKeepEveryInvariant, ()) {
  const auto steps = *rc::gen::container<std::vector<std::pair<int, int>>>(
      rc::gen::pair(rc::gen::inRange(0, N::kEventCount), rc::gen::inRange(0, 3)));
  const std::set<std::string> checked = {"TaintFollowsCondition", "EvictionNeedsATaint",
                                         "ToleratedForeverStays", "EvictedIsFinal"};
  RC_ASSERT(checked == testing::SpecInvariants("node"));
  const bool always_forever = *rc::gen::arbitrary<bool>();

  N node;
  for (const auto& [event, tolerance] : steps) {
    N::Facts facts = Tolerating(always_forever ? Toleration::kForever : static_cast<Toleration>(tolerance));
    std::string taint_before(node.State(N::kTaint));
    std::string pod_before(node.State(N::kEviction));
    testing::FireAgreeing(node, event, facts);
    std::string readiness(node.State(N::kReadiness));
    std::string taint(node.State(N::kTaint));
    std::string pod(node.State(N::kEviction));
    if (taint != taint_before) {
      if (taint == "NotReadyTainted") RC_ASSERT(readiness == "NotReady");
      if (taint == "UnreachableTainted") RC_ASSERT(readiness == "Unknown");
      if (taint == "Untainted") RC_ASSERT(readiness == "Ready");
    }
    if (pod == "PodEvicted" && pod_before != "PodEvicted") {
      RC_ASSERT(event == N::kTolerationExpired ||
                (taint != "Untainted" && facts.toleration == Toleration::kNone));
    }
    if (always_forever) RC_ASSERT(pod != "PodEvicted" && pod != "EvictionPending");
    if (pod_before == "PodEvicted") RC_ASSERT(pod == "PodEvicted");
  }
}

}  // namespace
}  // namespace kref::model
