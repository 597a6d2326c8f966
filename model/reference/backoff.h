// Back-off delays, as upstream computes them. Pure functions; the models and the
// implementation are both checked against these.
#pragma once

#include <cstdint>

namespace kref::model {

// CrashLoopBackOff: the delay before the n-th consecutive restart of a container. The first
// (n = 1) is not delayed (the kubelet's back-off has no entry yet); the n-th waits 10 s doubled
// per restart after the second, at most 300 s (MaxContainerBackOff): 0, 10, 20, 40, 80, 160,
// 300. A container that ran more than kBackOffResetSeconds (2 x 300 s) starts again from n = 1.
inline constexpr std::int64_t kCrashLoopInitialSeconds = 10;
inline constexpr std::int64_t kCrashLoopMaxSeconds = 300;
inline constexpr std::int64_t kBackOffResetSeconds = 600;
std::int64_t CrashLoopBackOffSeconds(int consecutive_restarts);

// The scheduler's per-pod back-off after the n-th unschedulable attempt (n >= 1): 1 s doubled
// per earlier attempt, at most 10 s (DefaultPodInitialBackoffDuration, DefaultPodMaxBackoffDuration).
inline constexpr std::int64_t kPodInitialBackoffSeconds = 1;
inline constexpr std::int64_t kPodMaxBackoffSeconds = 10;
std::int64_t PodBackoffSeconds(int attempts);

}  // namespace kref::model
