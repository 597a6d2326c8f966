#include "impl/common/clock.h"

#include <gtest/gtest.h>

namespace kref {
namespace {

using namespace std::chrono_literals;

TEST(ClockTest, SystemClockMovesForward) {
  auto a = SystemClock().NowSteady();
  auto b = SystemClock().NowSteady();
  EXPECT_LE(a, b);
  EXPECT_GT(SystemClock().Now().time_since_epoch().count(), 0);
}

TEST(FakeClockTest, AdvancesOnlyWhenTold) {
  FakeClock clock;
  auto wall = clock.Now();
  auto steady = clock.NowSteady();
  EXPECT_EQ(clock.Now(), wall);
  clock.Advance(1500ms);
  EXPECT_EQ(clock.Now() - wall, 1500ms);
  EXPECT_EQ(clock.NowSteady() - steady, 1500ms);
}

TEST(FakeClockTest, SetNeverMovesSteadyTimeBack) {
  FakeClock clock;
  auto steady = clock.NowSteady();
  clock.Set(clock.Now() - 10s);
  EXPECT_EQ(clock.NowSteady(), steady);
  clock.Set(clock.Now() + 20s);
  EXPECT_EQ(clock.NowSteady() - steady, 20s);
}

TEST(FakeClockDeathTest, NegativeAdvanceIsAProgrammerError) {
  FakeClock clock;
  EXPECT_DEATH(clock.Advance(-1s), "delta.count\\(\\) >= 0");
}

}  // namespace
}  // namespace kref
