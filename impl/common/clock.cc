#include "impl/common/clock.h"

#include <condition_variable>
#include <mutex>

#include "impl/common/check.h"

namespace kref {
namespace {

class RealClock final : public Clock {
 public:
  WallTime Now() const override { return std::chrono::system_clock::now(); }
  SteadyTime NowSteady() const override { return std::chrono::steady_clock::now(); }
};

}  // namespace

Clock& SystemClock() {
  static RealClock* clock = new RealClock();
  return *clock;
}

FakeClock::FakeClock(WallTime start)
    : wall_ns_(
          std::chrono::duration_cast<std::chrono::nanoseconds>(start.time_since_epoch()).count()) {}

Clock::WallTime FakeClock::Now() const {
  return WallTime(
      std::chrono::duration_cast<WallTime::duration>(std::chrono::nanoseconds(wall_ns_.load())));
}

Clock::SteadyTime FakeClock::NowSteady() const {
  return SteadyTime(std::chrono::duration_cast<SteadyTime::duration>(
      std::chrono::nanoseconds(steady_ns_.load())));
}

void FakeClock::Advance(std::chrono::nanoseconds delta) {
  KREF_CHECK(delta.count() >= 0);
  wall_ns_ += delta.count();
  steady_ns_ += delta.count();
}

void FakeClock::Set(WallTime t) {
  int64_t target =
      std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
  int64_t previous = wall_ns_.exchange(target);
  if (target > previous) steady_ns_ += target - previous;
}

bool SleepUnlessStopped(std::chrono::nanoseconds delay, std::stop_token stop) {
  std::mutex mu;
  std::condition_variable_any cv;
  std::unique_lock lock(mu);
  cv.wait_for(lock, stop, delay, [] { return false; });
  return !stop.stop_requested();
}

}  // namespace kref
