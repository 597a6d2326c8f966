// The work queue's contract: deduplication, one worker per key, re-queue on Done, delays,
// shutdown; and the rate limiter's arithmetic on a fake clock.
#include "impl/client/workqueue.h"

#include <gtest/gtest.h>

#include <thread>

namespace kref::client {
namespace {

using namespace std::chrono_literals;

TEST(WorkQueueTest, AKeyIsQueuedOnceAndHeldByOneWorker) {
  WorkQueue queue;
  queue.Add("a");
  queue.Add("b");
  queue.Add("a");
  EXPECT_EQ(queue.Len(), 2u);
  EXPECT_EQ(queue.Get(), "a");
  // Added while a worker holds it: not handed out again until Done.
  queue.Add("a");
  EXPECT_EQ(queue.Len(), 1u);
  EXPECT_EQ(queue.Get(), "b");
  EXPECT_EQ(queue.Len(), 0u);
  queue.Done("a");
  EXPECT_EQ(queue.Len(), 1u);
  EXPECT_EQ(queue.Get(), "a");
  queue.Done("a");
  queue.Done("b");
  EXPECT_EQ(queue.Len(), 0u);
}

TEST(WorkQueueTest, ShutDownDrainsThenWakesWorkers) {
  WorkQueue queue;
  std::optional<std::string> woken = "unset";
  std::thread worker([&] { woken = queue.Get(); });
  queue.ShutDown();
  worker.join();
  EXPECT_EQ(woken, std::nullopt);

  WorkQueue draining;
  draining.Add("x");
  draining.ShutDown();
  draining.Add("y");  // ignored
  EXPECT_TRUE(draining.ShuttingDown());
  EXPECT_EQ(draining.Get(), "x");
  EXPECT_EQ(draining.Get(), std::nullopt);
}

TEST(WorkQueueTest, DelayedKeysComeWhenDueInOrder) {
  WorkQueue queue;
  auto start = std::chrono::steady_clock::now();
  queue.AddAfter("late", 300ms);
  queue.AddAfter("soon", 30ms);
  queue.AddAfter("now", 0ms);
  EXPECT_EQ(queue.Get(), "now");
  EXPECT_EQ(queue.Get(), "soon");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 30ms);
  EXPECT_EQ(queue.Get(), "late");
  EXPECT_GE(std::chrono::steady_clock::now() - start, 300ms);
  EXPECT_EQ(queue.Len(), 0u);
}

TEST(RateLimiterTest, PerKeyBackoffDoublesAndForgetResets) {
  FakeClock clock;
  RateLimiter limiter(clock);
  EXPECT_EQ(limiter.When("a"), 5ms);
  EXPECT_EQ(limiter.When("a"), 10ms);
  EXPECT_EQ(limiter.When("a"), 20ms);
  EXPECT_EQ(limiter.When("b"), 5ms);
  EXPECT_EQ(limiter.NumRequeues("a"), 3);
  limiter.Forget("a");
  EXPECT_EQ(limiter.NumRequeues("a"), 0);
  EXPECT_EQ(limiter.When("a"), 5ms);
  for (int i = 0; i < 40; ++i) limiter.When("c");
  EXPECT_EQ(limiter.When("c"), std::chrono::seconds(1000));  // capped
}

TEST(RateLimiterTest, TokenBucketLimitsTheOverallRate) {
  FakeClock clock;
  RateLimiter limiter(clock, {.base_delay = 0ms, .max_delay = 0ms, .qps = 10, .burst = 3});
  EXPECT_EQ(limiter.When("1"), 0ms);
  EXPECT_EQ(limiter.When("2"), 0ms);
  EXPECT_EQ(limiter.When("3"), 0ms);
  EXPECT_EQ(limiter.When("4"), 100ms);  // one token owed at 10 per second
  EXPECT_EQ(limiter.When("5"), 200ms);
  clock.Advance(1s);  // refills to the burst at most
  EXPECT_EQ(limiter.When("6"), 0ms);
  EXPECT_EQ(limiter.When("7"), 0ms);
  EXPECT_EQ(limiter.When("8"), 0ms);
  EXPECT_EQ(limiter.When("9"), 100ms);
}

}  // namespace
}  // namespace kref::client
