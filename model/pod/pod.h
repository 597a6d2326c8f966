// The pod machine of spec/pod.yaml: one pod's phase, conditions and deletion as seven
// orthogonal regions.
//
// Boost-free facade over the Boost.MSM machine in pod.cc. A PodMachine is a value; not
// synchronised.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/common/machine.h"

namespace kref::model {

class PodMachine {
 public:
  // Events, numbered in spec order.
  enum Event {
    kBound,
    kSchedulingFailed,
    kSandboxCreated,
    kSandboxLost,
    kInitContainersCompleted,
    kInitContainersRestarted,
    kContainerStarted,
    kContainersBecameReady,
    kContainerBecameUnready,
    kReadinessGatesChanged,
    kMarkedNotReady,
    kReadyReported,
    kAllSucceeded,
    kSomeFailed,
    kDeletionRequested,
    kObjectRemoved,
  };
  static constexpr int kEventCount = 16;

  // Regions, in StateKey order.
  enum Region { kPhase, kScheduling, kSandbox, kInitialization, kContainers, kReadiness, kDeletion };

  struct Facts {
    std::string node_name;        // Bound: the node
    bool readiness_gates_true = true;  // every readiness gate condition is True
  };

  KREF_MODEL_FACADE_MEMBERS(PodMachine)

  // The active state of one region, by name (e.g. State(kPhase) == "Running").
  std::string_view State(Region region) const;
  const std::string& node_name() const;  // "" until Bound

  // The names of the spec's state invariants the current state breaks.
  std::vector<std::string> BrokenInvariants() const;
};

}  // namespace kref::model
