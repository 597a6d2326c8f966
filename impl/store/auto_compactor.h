// AutoCompactor: when to compact, and to which revision, under etcd's automatic compaction
// (--auto-compaction-mode, --auto-compaction-retention).
//
// - periodic, retention P: keep P of history. Revisions are sampled every min(P, 1h)/10; no
//   compaction in the first P; then, every min(P, 1h) after the last success, compact to the
//   oldest sample still in the window (the revision of about P ago). A failed compaction is
//   tried again at the next sample.
// - revision, retention N: every 5 minutes, compact to (current revision - N) if that is
//   positive and not what was compacted last.
//
// Retention "0" turns automatic compaction off. In periodic mode a bare number counts hours
// ("1" is 1h); otherwise it is a duration such as "30m", "1h30m" or "1.5h" (Go's units:
// ns, us, ms, s, m, h). In revision mode it is a number of revisions.
//
// This class is logic only: the Store calls Tick every tick_interval() on its writer thread,
// compacts to what Tick returns, and reports success (or ErrCompacted) with Compacted().
//
// Thread safety: not thread-safe; one owner.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include "impl/common/result.h"

namespace kref::store {

struct AutoCompactionPolicy {
  enum class Mode { kPeriodic, kRevision };
  Mode mode = Mode::kPeriodic;
  std::chrono::milliseconds period{0};  // kPeriodic
  int64_t revisions = 0;                // kRevision

  // nullopt when retention is "0" (off). InvalidArgument for an unknown mode or a retention
  // that is not a number or duration (or not positive).
  static Result<std::optional<AutoCompactionPolicy>> Parse(const std::string& mode,
                                                           const std::string& retention);
};

class AutoCompactor {
 public:
  using Time = std::chrono::steady_clock::time_point;

  AutoCompactor(AutoCompactionPolicy policy, Time start);

  // How often Tick wants to be called.
  std::chrono::milliseconds tick_interval() const { return tick_interval_; }
  // Given the time and the current revision, the revision to compact to now, if any.
  std::optional<int64_t> Tick(Time now, int64_t current_revision);
  // The compaction Tick asked for succeeded (or the revision was already compacted).
  void Compacted(Time now, int64_t revision);

 private:
  AutoCompactionPolicy policy_;
  std::chrono::milliseconds tick_interval_;
  // periodic
  std::chrono::milliseconds wait_;  // before the next compaction: P first, then min(P, 1h)
  size_t window_size_;
  std::deque<int64_t> samples_;      // oldest first
  Time last_success_;
  // revision
  int64_t last_compacted_ = 0;
};

}  // namespace kref::store
