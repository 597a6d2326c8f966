#include "impl/client/workqueue.h"

#include <algorithm>
#include <cmath>

namespace kref::client {

RateLimiter::RateLimiter(Clock& clock) : RateLimiter(clock, Options()) {}

RateLimiter::RateLimiter(Clock& clock, Options options)
    : clock_(clock), options_(options), tokens_(options.burst), last_(clock.NowSteady()) {}

std::chrono::nanoseconds RateLimiter::When(const std::string& key) {
  std::lock_guard lock(mu_);
  int exponent = failures_[key]++;
  // base * 2^exponent, capped; computed in floating point so large exponents cannot overflow.
  double backoff_ns = static_cast<double>(options_.base_delay.count()) * std::pow(2.0, std::min(exponent, 1023));
  auto backoff = backoff_ns >= static_cast<double>(options_.max_delay.count())
                     ? options_.max_delay
                     : std::chrono::nanoseconds(static_cast<int64_t>(backoff_ns));
  // The token bucket: refill for the time passed, take one, wait for the debt to be repaid.
  Clock::SteadyTime now = clock_.NowSteady();
  double elapsed = std::chrono::duration<double>(now - last_).count();
  last_ = now;
  tokens_ = std::min<double>(options_.burst, tokens_ + elapsed * options_.qps);
  tokens_ -= 1;
  std::chrono::nanoseconds bucket(0);
  if (tokens_ < 0) bucket = std::chrono::nanoseconds(static_cast<int64_t>(-tokens_ / options_.qps * 1e9));
  return std::max(backoff, bucket);
}

void RateLimiter::Forget(const std::string& key) {
  std::lock_guard lock(mu_);
  failures_.erase(key);
}

int RateLimiter::NumRequeues(const std::string& key) const {
  std::lock_guard lock(mu_);
  auto it = failures_.find(key);
  return it == failures_.end() ? 0 : it->second;
}

WorkQueue::WorkQueue(Clock& clock) : WorkQueue(clock, RateLimiter::Options()) {}

WorkQueue::WorkQueue(Clock& clock, RateLimiter::Options limits)
    : limiter_(clock, limits), delay_thread_([this] { DelayLoop(); }) {}

WorkQueue::~WorkQueue() {
  ShutDown();
  delay_thread_.join();
}

void WorkQueue::Add(const std::string& key) {
  std::lock_guard lock(mu_);
  if (shutting_down_ || !dirty_.insert(key).second) return;
  if (processing_.contains(key)) return;  // queued again by Done
  queue_.push_back(key);
  ready_cv_.notify_one();
}

void WorkQueue::AddAfter(const std::string& key, std::chrono::nanoseconds delay) {
  if (delay <= std::chrono::nanoseconds(0)) return Add(key);
  std::lock_guard lock(mu_);
  if (shutting_down_) return;
  waiting_.emplace(std::chrono::steady_clock::now() + delay, key);
  delay_cv_.notify_one();
}

void WorkQueue::AddRateLimited(const std::string& key) { AddAfter(key, limiter_.When(key)); }

void WorkQueue::Forget(const std::string& key) { limiter_.Forget(key); }

int WorkQueue::NumRequeues(const std::string& key) const { return limiter_.NumRequeues(key); }

std::optional<std::string> WorkQueue::Get() {
  std::unique_lock lock(mu_);
  ready_cv_.wait(lock, [&] { return !queue_.empty() || shutting_down_; });
  if (queue_.empty()) return std::nullopt;
  std::string key = std::move(queue_.front());
  queue_.pop_front();
  processing_.insert(key);
  dirty_.erase(key);
  return key;
}

void WorkQueue::Done(const std::string& key) {
  std::lock_guard lock(mu_);
  processing_.erase(key);
  if (dirty_.contains(key)) {
    queue_.push_back(key);
    ready_cv_.notify_one();
  }
}

void WorkQueue::ShutDown() {
  std::lock_guard lock(mu_);
  shutting_down_ = true;
  ready_cv_.notify_all();
  delay_cv_.notify_all();
}

bool WorkQueue::ShuttingDown() const {
  std::lock_guard lock(mu_);
  return shutting_down_;
}

size_t WorkQueue::Len() const {
  std::lock_guard lock(mu_);
  return queue_.size();
}

void WorkQueue::DelayLoop() {
  std::unique_lock lock(mu_);
  while (!shutting_down_) {
    auto now = std::chrono::steady_clock::now();
    while (!waiting_.empty() && waiting_.begin()->first <= now) {
      std::string key = std::move(waiting_.begin()->second);
      waiting_.erase(waiting_.begin());
      if (dirty_.insert(key).second && !processing_.contains(key)) {
        queue_.push_back(std::move(key));
        ready_cv_.notify_one();
      }
    }
    if (waiting_.empty()) {
      delay_cv_.wait(lock);
    } else {
      delay_cv_.wait_until(lock, waiting_.begin()->first);
    }
  }
}

}  // namespace kref::client
