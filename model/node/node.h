// The node machine of spec/node.yaml: a node's Ready condition, its NoExecute taints, and
// taint-based eviction of one pod bound to it.
//
// Boost-free facade over the Boost.MSM machine in node.cc. A value; not synchronised.
#pragma once

#include <string_view>

#include "model/common/machine.h"

namespace kref::model {

class NodeMachine {
 public:
  enum Event {
    kReportedReady,
    kReportedNotReady,
    kHeartbeatsStopped,
    kNotReadyTaintAdded,
    kUnreachableTaintAdded,
    kTaintsRemoved,
    kTolerationExpired,
  };
  static constexpr int kEventCount = 7;
  enum Region { kReadiness, kTaint, kEviction };

  enum class Toleration { kNone, kForAWhile, kForever };
  struct Facts {
    Toleration toleration = Toleration::kForAWhile;  // the pod's toleration of the taint added
  };

  KREF_MODEL_FACADE_MEMBERS(NodeMachine)

  std::string_view State(Region region) const;
};

}  // namespace kref::model
