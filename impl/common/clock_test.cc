#include "impl/common/clock.h"

#include <gtest/gtest.h>

#include <thread>

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

TEST(SleepUnlessStoppedTest, SleepsOrEndsAtTheStop) {
  std::stop_source source;
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(SleepUnlessStopped(std::chrono::milliseconds(20), source.get_token()));
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(20));
  std::thread stopper([&] { source.request_stop(); });
  EXPECT_FALSE(SleepUnlessStopped(std::chrono::hours(1), source.get_token()));  // returns at the stop
  stopper.join();
  EXPECT_FALSE(SleepUnlessStopped(std::chrono::hours(1), source.get_token()));  // already stopped
}

}  // namespace
}  // namespace kref
