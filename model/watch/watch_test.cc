#include "model/watch/watch.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "model/testing/model_checks.h"

namespace kref::model {
namespace {

using W = WatchMachine;

W::Facts Rv(std::int64_t rv, W::Type type = W::Type::kModified) {
  W::Facts facts;
  facts.rv = rv;
  facts.type = type;
  return facts;
}
W::Facts InitialEnd(std::int64_t rv) {
  W::Facts facts = Rv(rv);
  facts.initial_events_end = true;
  return facts;
}
W::Facts Streaming() {
  W::Facts facts;
  facts.send_initial_events = true;
  return facts;
}

TEST(WatchModelTest, CompiledTableIsTheSpecTable) { testing::ExpectTableMatchesSpec<WatchMachine>(); }

TEST(WatchModelTest, EveryRowCanFire) {
  std::vector<W::Facts> choices = {Rv(0), Rv(1, W::Type::kAdded), Rv(2), InitialEnd(3),
                                   Streaming(), Rv(5, W::Type::kDeleted)};
  EXPECT_THAT(testing::UnfiredRows<WatchMachine>(choices), ::testing::IsEmpty());
}

TEST(WatchModelTest, ListWatchCloseResumeGoneRelist) {
  W w;
  EXPECT_EQ(w.Fire(W::kListed, Rv(10)), Verdict::kAccepted);
  EXPECT_EQ(w.Fire(W::kWatchOpened, Rv(9)), Verdict::kGuardRejected);  // would repeat events
  EXPECT_EQ(w.Fire(W::kWatchOpened, Rv(10)), Verdict::kAccepted);
  EXPECT_EQ(w.Fire(W::kObjectEvent, Rv(12)), Verdict::kAccepted);
  EXPECT_EQ(w.Fire(W::kObjectEvent, Rv(12)), Verdict::kGuardRejected);  // not in order
  EXPECT_EQ(w.Fire(W::kBookmark, Rv(12)), Verdict::kAccepted);
  EXPECT_EQ(w.Fire(W::kBookmark, Rv(11)), Verdict::kGuardRejected);
  EXPECT_EQ(w.Fire(W::kStreamClosed), Verdict::kAccepted);
  EXPECT_EQ(w.Fire(W::kWatchOpened, Rv(12)), Verdict::kAccepted);
  EXPECT_EQ(w.Fire(W::kGone), Verdict::kAccepted);
  EXPECT_EQ(w.Fire(W::kWatchOpened, Rv(12)), Verdict::kIllegal);  // only a relist
  EXPECT_EQ(w.Fire(W::kListed, Rv(40)), Verdict::kAccepted);
  EXPECT_EQ(w.gaps(), 1);
  EXPECT_EQ(w.last_rv(), 40);
}

TEST(WatchModelTest, InitialEventsEndWithABookmark) {
  W w;
  EXPECT_EQ(w.Fire(W::kWatchOpened, Streaming()), Verdict::kAccepted);
  EXPECT_EQ(w.Fire(W::kObjectEvent, Rv(7, W::Type::kAdded)), Verdict::kAccepted);
  EXPECT_EQ(w.Fire(W::kObjectEvent, Rv(5, W::Type::kAdded)), Verdict::kAccepted);  // any order
  EXPECT_EQ(w.Fire(W::kObjectEvent, Rv(8, W::Type::kModified)), Verdict::kGuardRejected);
  EXPECT_EQ(w.Fire(W::kBookmark, InitialEnd(6)), Verdict::kGuardRejected);  // behind an event
  EXPECT_EQ(w.Fire(W::kBookmark, InitialEnd(9)), Verdict::kAccepted);
  EXPECT_EQ(w.State(), "Watching");
}

RC_GTEST_PROP(WatchModelProp, RandomEventsKeepEveryInvariant, ()) {
  const auto steps = *rc::gen::container<std::vector<std::tuple<int, int, int, int>>>(rc::gen::tuple(
      rc::gen::inRange(0, W::kEventCount), rc::gen::inRange(0, 30), rc::gen::inRange(0, 3),
      rc::gen::inRange(0, 4)));
  const std::set<std::string> checked = {"EventsInRvOrder", "BookmarksNeverGoBack",
                                         "ResumeWhereLeft", "OnlyARelistFollowsGone",
                                         "InitialEventsAreAdds"};
  RC_ASSERT(checked == testing::SpecInvariants("watch"));

  W w;
  for (const auto& [event, rv, type, flags] : steps) {
    W::Facts facts = Rv(rv, static_cast<W::Type>(type));
    facts.send_initial_events = flags & 1;
    facts.initial_events_end = flags & 2;
    std::string before(w.State());
    std::int64_t last = w.last_rv();
    int gaps = w.gaps();
    Verdict verdict = testing::FireAgreeing(w, event, facts);
    if (verdict != Verdict::kAccepted) continue;
    if (before == "Watching" && event == W::kObjectEvent) RC_ASSERT(w.last_rv() > last);
    if (event == W::kBookmark) RC_ASSERT(w.last_rv() >= last || before == "InitialEvents");
    if (event == W::kWatchOpened && w.State() == "Watching") RC_ASSERT(rv == last);
    if (before == "Expired") RC_ASSERT(event == W::kListed && w.gaps() == gaps + 1);
    if (before == "InitialEvents" && event == W::kObjectEvent) RC_ASSERT(type == 0);
  }
}

}  // namespace
}  // namespace kref::model
