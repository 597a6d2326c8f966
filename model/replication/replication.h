// The replication machine of spec/replication.yaml: a ReplicaSet (or ReplicationController)
// controller's counts and expectations for one controller object.
//
// Boost-free facade over the Boost.MSM machine in replication.cc. A value; not synchronised.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/common/machine.h"

namespace kref::model {

inline constexpr int kBurstReplicas = 500;

class ReplicationMachine {
 public:
  enum Event { kSpecScaled, kPodAppeared, kPodGone, kSynced, kRequestFailed, kExpectationsExpired };
  static constexpr int kEventCount = 6;

  struct Facts {
    int replicas = 0;  // SpecScaled: the new spec.replicas
  };

  KREF_MODEL_FACADE_MEMBERS(ReplicationMachine)

  std::string_view State() const;  // InSync, Diverged, Creating or Deleting
  int replicas() const;            // spec.replicas
  int active() const;              // active pods owned
  int pending_creates() const;     // add expectations
  int pending_deletes() const;     // delete expectations

  // The names of the spec's state invariants the current data breaks.
  std::vector<std::string> BrokenInvariants() const;
};

}  // namespace kref::model
