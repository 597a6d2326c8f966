#include "model/reference/backoff.h"

#include <gtest/gtest.h>

namespace kref::model {
namespace {

TEST(BackoffTest, CrashLoopRestartsOnceAtOnceThenDoublesFromTenSecondsToFiveMinutes) {
  // The first restart finds no back-off entry (doBackOff), then 10 s doubling, capped at 300 s:
  // the familiar Error, restartCount 1, then CrashLoopBackOff.
  const std::int64_t expected[] = {0, 10, 20, 40, 80, 160, 300, 300};
  for (int n = 1; n <= 8; ++n) EXPECT_EQ(CrashLoopBackOffSeconds(n), expected[n - 1]) << n;
  EXPECT_EQ(CrashLoopBackOffSeconds(1000), 300);
}

TEST(BackoffTest, SchedulerDoublesFromOneSecondToTen) {
  const std::int64_t expected[] = {1, 2, 4, 8, 10, 10};
  for (int n = 1; n <= 6; ++n) EXPECT_EQ(PodBackoffSeconds(n), expected[n - 1]) << n;
  EXPECT_EQ(PodBackoffSeconds(1 << 30), 10);
}

}  // namespace
}  // namespace kref::model
