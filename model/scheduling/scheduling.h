// The scheduling machine of spec/scheduling.yaml: one pod in the scheduler's queues until it
// is bound or deleted.
//
// Boost-free facade over the Boost.MSM machine in scheduling.cc. A value; not synchronised.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/common/machine.h"

namespace kref::model {

class SchedulingMachine {
 public:
  enum Event {
    kEnqueued,
    kGatesRemoved,
    kPopped,
    kScheduleFailed,
    kPreemptionNominated,
    kNominationCleared,
    kNodeReserved,
    kBindSucceeded,
    kBindFailed,
    kBackoffCompleted,
    kClusterEventMoved,
    kUnschedulableTimedOut,
    kPodDeleted,
  };
  static constexpr int kEventCount = 13;
  enum Region { kQueue, kNomination };

  struct Facts {
    bool has_gates = false;        // Enqueued
    bool retryable = false;        // ScheduleFailed, BindFailed: an error, or a move during the cycle
    bool backoff_expired = false;  // ClusterEventMoved, UnschedulableTimedOut
    std::string node;              // NodeReserved, PreemptionNominated
  };

  KREF_MODEL_FACADE_MEMBERS(SchedulingMachine)

  std::string_view State(Region region) const;
  int attempts() const;              // scheduling cycles started
  std::int64_t backoff_s() const;    // the back-off of the last failure (0 before any)
  const std::string& node() const;   // the node reserved (and bound) on, or ""
  const std::string& nominated_node() const;
};

}  // namespace kref::model
