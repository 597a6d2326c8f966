// The rollout machine of spec/rollout.yaml: a Deployment's Progressing, Available and
// ReplicaFailure conditions. The numbers of a rollout are in model/reference/rollout.h.
//
// Boost-free facade over the Boost.MSM machine in rollout.cc. A value; not synchronised.
#pragma once

#include <string>
#include <string_view>

#include "model/common/machine.h"

namespace kref::model {

class RolloutMachine {
 public:
  enum Event {
    kNewReplicaSetCreated,
    kFoundNewReplicaSet,
    kReplicaSetUpdated,
    kNewReplicaSetAvailable,
    kProgressDeadlineExceeded,
    kDeploymentPaused,
    kDeploymentResumed,
    kReplicaSetCreateError,
    kMinimumReplicasAvailable,
    kMinimumReplicasUnavailable,
    kReplicaFailureReported,
    kReplicaFailureCleared,
  };
  static constexpr int kEventCount = 12;
  enum Region { kProgress, kAvailability, kFailure };

  struct Facts {
    bool has_progress_deadline = true;  // progressDeadlineSeconds below MaxInt32
  };

  KREF_MODEL_FACADE_MEMBERS(RolloutMachine)

  std::string_view State(Region region) const;
};

}  // namespace kref::model
