#include "model/container/container.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "model/reference/backoff.h"
#include "model/testing/model_checks.h"

namespace kref::model {
namespace {

using Facts = ContainerMachine::Facts;

Facts Exit(int code, std::int64_t ran_for_s = 1) {
  Facts facts;
  facts.exit_code = code;
  facts.ran_for_s = ran_for_s;
  return facts;
}

TEST(ContainerModelTest, CompiledTableIsTheSpecTable) {
  testing::ExpectTableMatchesSpec<ContainerMachine>();
}

TEST(ContainerModelTest, CrashLoopRestartsAtOnceThenWaitsOutDoublingDelays) {
  ContainerMachine c;
  EXPECT_EQ(c.State(), "Waiting");
  std::int64_t expected[] = {0, 10, 20, 40, 80, 160, 300, 300};
  int restarts = 0;
  for (std::int64_t delay : expected) {
    ASSERT_EQ(c.Fire(ContainerMachine::kStarted), Verdict::kAccepted);
    ASSERT_EQ(c.Fire(ContainerMachine::kExited, Exit(1)), Verdict::kAccepted);
    EXPECT_EQ(c.State(), "Terminated");
    ASSERT_EQ(c.Fire(ContainerMachine::kRestartScheduled), Verdict::kAccepted);
    EXPECT_EQ(c.State(), "Waiting");
    EXPECT_EQ(c.backoff_s(), delay);
    EXPECT_EQ(c.restart_count(), restarts);  // restartCount goes up when it starts again
    ASSERT_EQ(c.Fire(ContainerMachine::kBackOffExpired), Verdict::kAccepted);
    ++restarts;
  }
  ASSERT_EQ(c.Fire(ContainerMachine::kStarted), Verdict::kAccepted);
  EXPECT_EQ(c.restart_count(), 8);
}

TEST(ContainerModelTest, MoreThanTenMinutesOfRunningResetsTheBackOff) {
  ContainerMachine c;
  for (int i = 0; i < 3; ++i) {
    c.Fire(ContainerMachine::kStarted);
    c.Fire(ContainerMachine::kExited, Exit(2));
    c.Fire(ContainerMachine::kRestartScheduled);
  }
  EXPECT_EQ(c.backoff_s(), 20);
  c.Fire(ContainerMachine::kStarted);
  c.Fire(ContainerMachine::kExited, Exit(2, kBackOffResetSeconds));  // exactly 600 s: not more
  c.Fire(ContainerMachine::kRestartScheduled);
  EXPECT_EQ(c.backoff_s(), 40);
  c.Fire(ContainerMachine::kStarted);
  c.Fire(ContainerMachine::kExited, Exit(2, kBackOffResetSeconds + 1));
  c.Fire(ContainerMachine::kRestartScheduled);
  EXPECT_EQ(c.backoff_s(), 0);  // a first restart again
  EXPECT_EQ(c.restart_count(), 4);
}

TEST(ContainerModelTest, ANewSandboxRunsAFinishedInitContainerAgain) {
  ContainerMachine init;
  Facts facts = Exit(0);
  facts.init = true;  // under the pod's Always, an init container runs again only after a failure
  init.Fire(ContainerMachine::kStarted, facts);
  init.Fire(ContainerMachine::kExited, facts);
  EXPECT_EQ(init.Fire(ContainerMachine::kRestartScheduled, facts), Verdict::kGuardRejected);
  EXPECT_EQ(init.Fire(ContainerMachine::kSandboxRecreated, facts), Verdict::kAccepted);
  EXPECT_EQ(init.Fire(ContainerMachine::kStarted, facts), Verdict::kAccepted);
  EXPECT_EQ(init.restart_count(), 1);
  EXPECT_EQ(init.consecutive_restarts(), 0);  // no back-off involved
  // Not for a container killed with its pod.
  init.Fire(ContainerMachine::kKilled, facts);
  EXPECT_EQ(init.Fire(ContainerMachine::kSandboxRecreated, facts), Verdict::kGuardRejected);
  // Nor under restartPolicy Never, nor for an app container that succeeded under OnFailure.
  for (auto [policy, is_init] : {std::pair{RestartPolicy::kNever, true}, {RestartPolicy::kOnFailure, false}}) {
    ContainerMachine c;
    Facts f = Exit(0);
    f.restart_policy = policy;
    f.init = is_init;
    c.Fire(ContainerMachine::kStarted, f);
    c.Fire(ContainerMachine::kExited, f);
    EXPECT_EQ(c.Fire(ContainerMachine::kSandboxRecreated, f), Verdict::kGuardRejected);
  }
}

TEST(ContainerModelTest, RestartPolicyDecidesWhetherTerminatedAbsorbs) {
  struct Case {
    RestartPolicy policy;
    bool sidecar;
    int exit_code;
    Verdict verdict;
  } cases[] = {
      {RestartPolicy::kAlways, false, 0, Verdict::kAccepted},
      {RestartPolicy::kOnFailure, false, 1, Verdict::kAccepted},
      {RestartPolicy::kOnFailure, false, 0, Verdict::kGuardRejected},
      {RestartPolicy::kNever, false, 1, Verdict::kGuardRejected},
      {RestartPolicy::kNever, true, 0, Verdict::kAccepted},  // a sidecar always restarts
  };
  for (const Case& c : cases) {
    ContainerMachine m;
    Facts facts = Exit(c.exit_code);
    facts.restart_policy = c.policy;
    facts.sidecar = c.sidecar;
    m.Fire(ContainerMachine::kStarted, facts);
    m.Fire(ContainerMachine::kExited, facts);
    EXPECT_EQ(m.Fire(ContainerMachine::kRestartScheduled, facts), c.verdict) << c.exit_code;
    EXPECT_EQ(m.State(), c.verdict == Verdict::kAccepted ? "Waiting" : "Terminated");
  }
}

TEST(ContainerModelTest, AnIllegalEventIsReportedAndChangesNothing) {
  ContainerMachine c;
  EXPECT_EQ(c.Fire(ContainerMachine::kExited, Exit(1)), Verdict::kIllegal);
  EXPECT_EQ(c.State(), "Waiting");
  EXPECT_EQ(c.last_exit_code(), 0);
  c.Fire(ContainerMachine::kStarted);
  EXPECT_EQ(c.Fire(ContainerMachine::kStarted), Verdict::kIllegal);
  EXPECT_EQ(c.Fire(ContainerMachine::kRestartScheduled), Verdict::kIllegal);
  EXPECT_EQ(c.State(), "Running");
}

TEST(ContainerModelTest, AKilledContainerNeverRestarts) {
  ContainerMachine c;
  c.Fire(ContainerMachine::kStarted);
  EXPECT_EQ(c.Fire(ContainerMachine::kKilled, Exit(137)), Verdict::kAccepted);
  EXPECT_EQ(c.last_exit_code(), 137);
  EXPECT_EQ(c.Fire(ContainerMachine::kRestartScheduled), Verdict::kGuardRejected);
  EXPECT_EQ(c.State(), "Terminated");
}

TEST(ContainerModelTest, AStartErrorIsATerminationWithCode128) {
  ContainerMachine c;
  EXPECT_EQ(c.Fire(ContainerMachine::kStartFailed), Verdict::kAccepted);
  EXPECT_EQ(c.State(), "Terminated");
  EXPECT_EQ(c.last_exit_code(), 128);
}

TEST(ContainerModelTest, CopiesAreIndependent) {
  ContainerMachine a;
  a.Fire(ContainerMachine::kStarted);
  ContainerMachine b = a;
  b.Fire(ContainerMachine::kExited, Exit(3));
  EXPECT_EQ(a.State(), "Running");
  EXPECT_EQ(b.State(), "Terminated");
  a = b;
  EXPECT_EQ(a.last_exit_code(), 3);
}

// Random event sequences for one container of a pod whose policy is fixed and whose deletion,
// once begun, stays begun. Every spec invariant is checked after every step.
RC_GTEST_PROP(ContainerModelProp, RandomEventsKeepEveryInvariant, ()) {
  const auto policy = *rc::gen::element(RestartPolicy::kAlways, RestartPolicy::kOnFailure,
                                        RestartPolicy::kNever);
  const bool sidecar = *rc::gen::arbitrary<bool>();
  const bool init = sidecar || *rc::gen::arbitrary<bool>();
  const auto events = *rc::gen::container<std::vector<int>>(
      rc::gen::inRange(0, ContainerMachine::kEventCount));
  const std::set<std::string> checked = {"RestartCountNeverDecreases",
                                         "TerminatedWithoutRestartAbsorbs", "BackOffWithinBounds"};
  RC_ASSERT(checked == testing::SpecInvariants("container"));

  ContainerMachine c;
  bool deleting = false;
  bool absorbed = false;
  for (int event : events) {
    Facts facts;
    facts.restart_policy = policy;
    facts.sidecar = sidecar;
    facts.init = init;
    deleting = deleting || *rc::gen::weightedElement<bool>({{1, true}, {9, false}});
    facts.pod_deleting = deleting;
    facts.exit_code = *rc::gen::element(0, 1, 137);
    facts.ran_for_s = *rc::gen::element<std::int64_t>(1, 600, 601, 3600);
    int restarts_before = c.restart_count();
    Verdict verdict = testing::FireAgreeing(c, event, facts);

    RC_ASSERT(c.restart_count() >= restarts_before);  // RestartCountNeverDecreases
    if (absorbed && verdict == Verdict::kAccepted) {     // TerminatedWithoutRestartAbsorbs
      RC_ASSERT(event != ContainerMachine::kRestartScheduled);
      if (event == ContainerMachine::kSandboxRecreated) absorbed = false;
    }
    if (c.State() == "Terminated") {
      ContainerMachine probe = c;
      probe.Fire(ContainerMachine::kRestartScheduled, facts);
      absorbed = absorbed || probe.State() == "Terminated";
    }
    RC_ASSERT(c.BrokenInvariants().empty());  // BackOffWithinBounds
    if (event == ContainerMachine::kRestartScheduled && verdict == Verdict::kAccepted) {
      RC_ASSERT(c.backoff_s() == CrashLoopBackOffSeconds(c.consecutive_restarts()));
    }
  }
}

}  // namespace
}  // namespace kref::model
