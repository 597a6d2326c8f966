// The shared MSM plumbing on a machine of its own: introspection, verdicts, the hooks that
// report instead of asserting, final states, and facts restored after a rejection.
#include "model/common/msm.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace kref::model {
namespace {

using msm::none;
using msm::Row;

KREF_MODEL_STATE(Off);
KREF_MODEL_FLAGGED_STATE(On);
KREF_MODEL_FINAL_STATE(Broken);
KREF_MODEL_EVENT(Press);
KREF_MODEL_EVENT(Explode);
KREF_MODEL_EVENT(Smash);

struct Facts {
  bool allowed = true;
};
struct Data {
  Facts facts;
  int presses = 0;
};

struct LampFront : msm::FrontBase<LampFront> {
  Data data;
  using initial_state = Off;
  KREF_MODEL_GUARD(Allowed, fsm.data.facts.allowed);
  KREF_MODEL_ACTION(Count, ++fsm.data.presses);
  KREF_MODEL_ACTION(Throw, throw std::runtime_error("boom"));

  using transition_table = ::boost::mpl::vector<
      Row<Off, Press, On, Count, Allowed>,
      Row<On, Press, Off, Count, none>,
      Row<On, Explode, Off, Throw, none>,
      Row<On, Smash, Broken, none, none>>;
};

using Lamp = msm::Runner<LampFront, Press, Explode, Smash>;

TEST(MsmTest, IntrospectionNamesEveryStateEventGuardAndRow) {
  MachineTable table = Lamp::Introspect("lamp");
  EXPECT_EQ(table.machine, "lamp");
  EXPECT_EQ(table.initial, std::vector<std::string>{"Off"});
  EXPECT_EQ(table.events, (std::vector<std::string>{"Press", "Explode", "Smash"}));
  EXPECT_EQ(table.guards, std::vector<std::string>{"Allowed"});
  ASSERT_EQ(table.edges.size(), 4u);
  EXPECT_EQ(table.edges[0], (Edge{"Off", "Press", "Allowed", "On"}));
  EXPECT_EQ(table.states.size(), 3u);
  EXPECT_EQ(table.region_of, (std::vector<int>{0, 0, 0}));
}

TEST(MsmTest, VerdictsAndRestoredData) {
  Lamp lamp;
  EXPECT_EQ(lamp.Fire(0, Facts{false}), Verdict::kGuardRejected);
  EXPECT_EQ(lamp.data().presses, 0);
  EXPECT_TRUE(lamp.data().facts.allowed);  // the rejected event's facts are not kept
  EXPECT_EQ(lamp.Fire(2, Facts{}), Verdict::kIllegal);  // Smash while Off: no row, no abort
  EXPECT_EQ(lamp.Fire(0, Facts{}), Verdict::kAccepted);
  EXPECT_EQ(Lamp::Introspect("lamp").states[lamp.Key()], "On");
  EXPECT_EQ(lamp.data().presses, 1);
}

TEST(MsmTest, AnExceptionInAnActionIsReportedNotThrown) {
  Lamp lamp;
  lamp.Fire(0, Facts{});
  EXPECT_EQ(lamp.Fire(1, Facts{}), Verdict::kIllegal);
  EXPECT_EQ(lamp.front().outcome.exception, "boom");
}

TEST(MsmTest, AFinalStateRefusesEverything) {
  Lamp lamp;
  lamp.Fire(0, Facts{});
  EXPECT_EQ(lamp.Fire(2, Facts{}), Verdict::kAccepted);
  StateKey broken = lamp.Key();
  for (int event = 0; event < 3; ++event) EXPECT_EQ(lamp.Fire(event, Facts{}), Verdict::kIllegal);
  EXPECT_EQ(lamp.Key(), broken);
}

}  // namespace
}  // namespace kref::model
