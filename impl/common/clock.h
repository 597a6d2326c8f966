// Clock: the one source of time for kref components, so tests can run on simulated time.
//
// Now() is wall-clock time (what creationTimestamp and lease renewals record); NowSteady() is
// monotonic time for timeouts and backoff. SystemClock() reads the real clocks; FakeClock moves
// only when told to.
//
// Thread safety: every Clock is safe for concurrent use.
#pragma once

#include <atomic>
#include <chrono>
#include <stop_token>

namespace kref {

class Clock {
 public:
  using WallTime = std::chrono::system_clock::time_point;
  using SteadyTime = std::chrono::steady_clock::time_point;

  virtual ~Clock() = default;
  virtual WallTime Now() const = 0;
  virtual SteadyTime NowSteady() const = 0;
};

// The process-wide real clock. Never null; lives for the whole program.
Clock& SystemClock();

// A clock that starts at `start` and advances only through Advance()/Set().
// Wall and steady time move together.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(WallTime start = WallTime(std::chrono::seconds(1'700'000'000)));

  WallTime Now() const override;
  SteadyTime NowSteady() const override;

  // REQUIRES: delta >= 0.
  void Advance(std::chrono::nanoseconds delta);
  // Sets the wall time; steady time moves forward by the same amount if `t` is later, and
  // stays put otherwise (steady time never goes backwards).
  void Set(WallTime t);

 private:
  std::atomic<int64_t> wall_ns_;
  std::atomic<int64_t> steady_ns_{0};
};

// Waits `delay` of real time, or less when `stop` is requested meanwhile; false when stopped.
// For the retry loops of long-running components, which must end promptly on shutdown.
bool SleepUnlessStopped(std::chrono::nanoseconds delay, std::stop_token stop);

}  // namespace kref
