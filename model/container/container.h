// The container machine of spec/container.yaml: one container of a pod from creation until
// the pod ends, with its restart policy and CrashLoopBackOff.
//
// Boost-free facade over the Boost.MSM machine in container.cc. A ContainerMachine is a value
// (copyable); not synchronised.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/common/machine.h"

namespace kref::model {

enum class RestartPolicy { kAlways, kOnFailure, kNever };

class ContainerMachine {
 public:
  // Events, numbered in spec order.
  enum Event {
    kStarted,
    kImagePullFailed,
    kStartFailed,
    kExited,
    kRestartScheduled,
    kBackOffExpired,
    kKilled,
    kSandboxRecreated,
  };
  static constexpr int kEventCount = 8;

  // What the guards and actions read; set with each event.
  struct Facts {
    RestartPolicy restart_policy = RestartPolicy::kAlways;  // the pod's
    bool init = false;          // an init container (runs again only after a failure)
    bool sidecar = false;       // an init container with restartPolicy Always (always runs again)
    bool pod_deleting = false;  // the pod has a deletionTimestamp
    int exit_code = 0;          // Exited: the process's exit code
    std::int64_t ran_for_s = 0; // Exited: how long it ran (over kBackOffResetSeconds resets)
  };

  KREF_MODEL_FACADE_MEMBERS(ContainerMachine)

  std::string_view State() const;  // Waiting, Running or Terminated
  int restart_count() const;         // restarts started (restartCount)
  int consecutive_restarts() const;  // since the last run longer than kBackOffResetSeconds
  std::int64_t backoff_s() const;    // the delay the current back-off waits out (0 before any)
  int last_exit_code() const;        // the exit code of the last termination (128 for StartError)
  bool ShouldRestart() const;        // the guard, from the current data

  // The names of the spec invariants the current data breaks (state invariants only; the
  // trace invariants are checked by whoever keeps the trace).
  std::vector<std::string> BrokenInvariants() const;
};

}  // namespace kref::model
