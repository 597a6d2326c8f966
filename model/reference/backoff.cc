#include "model/reference/backoff.h"

namespace kref::model {

namespace {
std::int64_t Doubling(int n, std::int64_t initial, std::int64_t max) {
  std::int64_t delay = initial;
  for (int i = 1; i < n && delay < max; ++i) delay *= 2;
  return delay < max ? delay : max;
}
}  // namespace

std::int64_t CrashLoopBackOffSeconds(int consecutive_restarts) {
  if (consecutive_restarts <= 1) return 0;
  return Doubling(consecutive_restarts - 1, kCrashLoopInitialSeconds, kCrashLoopMaxSeconds);
}

std::int64_t PodBackoffSeconds(int attempts) {
  return Doubling(attempts, kPodInitialBackoffSeconds, kPodMaxBackoffSeconds);
}

}  // namespace kref::model
