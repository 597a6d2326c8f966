#include "impl/store/auto_compactor.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace kref::store {
namespace {

constexpr std::chrono::milliseconds kHour = std::chrono::hours(1);
constexpr std::chrono::milliseconds kRevisionCheckInterval = std::chrono::minutes(5);

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Go's time.ParseDuration for non-negative durations, in milliseconds (sub-millisecond parts
// are dropped). nullopt when malformed.
std::optional<double> ParseDurationMs(const std::string& s) {
  if (s.empty()) return std::nullopt;
  double total = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    if (i == start) return std::nullopt;
    std::string number = s.substr(start, i - start);
    if (std::count(number.begin(), number.end(), '.') > 1 || number == ".") return std::nullopt;
    size_t unit_start = i;
    while (i < s.size() && !std::isdigit(static_cast<unsigned char>(s[i])) && s[i] != '.') ++i;
    std::string unit = s.substr(unit_start, i - unit_start);
    double scale;
    if (unit == "ns") scale = 1e-6;
    else if (unit == "us" || unit == "\u00b5s") scale = 1e-3;
    else if (unit == "ms") scale = 1;
    else if (unit == "s") scale = 1e3;
    else if (unit == "m") scale = 60e3;
    else if (unit == "h") scale = 3600e3;
    else return std::nullopt;
    total += std::stod(number) * scale;
  }
  return total;
}

}  // namespace

Result<std::optional<AutoCompactionPolicy>> AutoCompactionPolicy::Parse(
    const std::string& mode, const std::string& retention) {
  if (mode != "periodic" && mode != "revision") {
    return InvalidArgumentError("unknown auto-compaction-mode \"" + mode +
                                "\" (want periodic or revision)");
  }
  if (retention == "0") return std::optional<AutoCompactionPolicy>();
  AutoCompactionPolicy policy;
  if (mode == "revision") {
    if (!AllDigits(retention) || retention.size() > 18) {
      return InvalidArgumentError("auto-compaction-retention \"" + retention +
                                  "\" is not a number of revisions");
    }
    policy.mode = Mode::kRevision;
    policy.revisions = std::stoll(retention);
    return std::optional<AutoCompactionPolicy>(policy);
  }
  std::optional<double> ms;
  if (AllDigits(retention) && retention.size() <= 9) {
    ms = std::stod(retention) * 3600e3;
  } else {
    ms = ParseDurationMs(retention);
  }
  if (!ms.has_value() || *ms < 1 || *ms > 1e15) {
    return InvalidArgumentError("auto-compaction-retention \"" + retention +
                                "\" is not a number of hours or a duration such as 30m");
  }
  policy.mode = Mode::kPeriodic;
  policy.period = std::chrono::milliseconds(static_cast<int64_t>(std::llround(*ms)));
  return std::optional<AutoCompactionPolicy>(policy);
}

AutoCompactor::AutoCompactor(AutoCompactionPolicy policy, Time start)
    : policy_(policy), last_success_(start) {
  if (policy_.mode == AutoCompactionPolicy::Mode::kRevision) {
    tick_interval_ = kRevisionCheckInterval;
    wait_ = kRevisionCheckInterval;
    window_size_ = 0;
    return;
  }
  std::chrono::milliseconds interval = std::min(policy_.period, kHour);
  tick_interval_ = std::max(interval / 10, std::chrono::milliseconds(1));
  wait_ = policy_.period;
  window_size_ = static_cast<size_t>(policy_.period / tick_interval_) + 1;
}

std::optional<int64_t> AutoCompactor::Tick(Time now, int64_t current_revision) {
  if (policy_.mode == AutoCompactionPolicy::Mode::kRevision) {
    int64_t target = current_revision - policy_.revisions;
    if (target <= 0 || target == last_compacted_) return std::nullopt;
    return target;
  }
  std::optional<int64_t> target;
  if (now - last_success_ >= wait_ && !samples_.empty()) target = samples_.front();
  samples_.push_back(current_revision);
  if (samples_.size() > window_size_) samples_.pop_front();
  return target;
}

void AutoCompactor::Compacted(Time now, int64_t revision) {
  if (policy_.mode == AutoCompactionPolicy::Mode::kRevision) {
    last_compacted_ = revision;
    return;
  }
  last_success_ = now;
  wait_ = std::min(policy_.period, kHour);
}

}  // namespace kref::store
