// The work queue controllers process keys from (client-go's workqueue): a key is queued at most
// once however often it is added, is never handed to two workers at once, and a key added while
// a worker holds it is queued again when the worker says Done. Keys can be added after a delay,
// or rate-limited: the delay is the larger of a per-key exponential backoff (5 ms doubling to
// 1000 s, reset by Forget) and an overall token bucket (10 per second, burst 100), as client-go's
// DefaultControllerRateLimiter.
//
//   while (auto key = queue.Get()) {
//     Status status = Sync(*key);
//     if (status.ok()) queue.Forget(*key); else queue.AddRateLimited(*key);
//     queue.Done(*key);
//   }
//
// Thread safety: all methods are thread-safe. The rate limiter reads `clock` (a FakeClock makes
// its arithmetic testable); delayed keys wait in real (steady) time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

#include "impl/common/clock.h"

namespace kref::client {

// How long a key waits before it is retried: per-key exponential backoff combined (max) with an
// overall token bucket.
class RateLimiter {
 public:
  struct Options {
    std::chrono::nanoseconds base_delay = std::chrono::milliseconds(5);
    std::chrono::nanoseconds max_delay = std::chrono::seconds(1000);
    double qps = 10;
    int burst = 100;
  };
  explicit RateLimiter(Clock& clock);
  RateLimiter(Clock& clock, Options options);

  // The delay for one more retry of `key` (and counts it).
  std::chrono::nanoseconds When(const std::string& key);
  // Resets `key`'s backoff.
  void Forget(const std::string& key);
  // Retries counted for `key` since it was last forgotten.
  int NumRequeues(const std::string& key) const;

 private:
  Clock& clock_;
  Options options_;
  mutable std::mutex mu_;
  std::map<std::string, int> failures_;
  double tokens_;
  Clock::SteadyTime last_;  // when tokens_ was last brought up to date
};

class WorkQueue {
 public:
  explicit WorkQueue(Clock& clock = SystemClock());
  WorkQueue(Clock& clock, RateLimiter::Options limits);
  // Shuts down and joins the delay thread.
  ~WorkQueue();

  // Queues `key` unless it is queued already; after ShutDown, does nothing.
  void Add(const std::string& key);
  // Queues `key` once `delay` has passed (now when delay <= 0).
  void AddAfter(const std::string& key, std::chrono::nanoseconds delay);
  // Queues `key` after the rate limiter's delay for it.
  void AddRateLimited(const std::string& key);
  void Forget(const std::string& key);
  int NumRequeues(const std::string& key) const;

  // The next key, waiting for one; nullopt once the queue is shut down and no key is queued
  // (keys queued before ShutDown are still handed out, as client-go does).
  std::optional<std::string> Get();
  // The worker is finished with `key` (from Get): it is queued again if it was added meanwhile.
  void Done(const std::string& key);

  // Wakes every Get with nullopt; later Adds are ignored.
  void ShutDown();
  bool ShuttingDown() const;
  // Keys queued and ready (not those held by workers or still waiting out a delay).
  size_t Len() const;

 private:
  void DelayLoop();

  RateLimiter limiter_;
  mutable std::mutex mu_;
  std::condition_variable ready_cv_;   // a key is queued, or shutdown
  std::condition_variable delay_cv_;   // a delayed key was added, or shutdown
  std::deque<std::string> queue_;
  std::set<std::string> dirty_;       // queued, or to be queued again when Done
  std::set<std::string> processing_;  // handed out by Get, not yet Done
  std::multimap<std::chrono::steady_clock::time_point, std::string> waiting_;  // by when due
  bool shutting_down_ = false;
  std::thread delay_thread_;
};

}  // namespace kref::client
