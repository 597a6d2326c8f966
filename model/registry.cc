#include "model/registry.h"

#include "model/container/container.h"
#include "model/node/node.h"
#include "model/pod/pod.h"
#include "model/replication/replication.h"
#include "model/rollout/rollout.h"
#include "model/scheduling/scheduling.h"
#include "model/watch/watch.h"

namespace kref::model {

const std::vector<ModelInfo>& AllModels() {
  static const std::vector<ModelInfo> models = {
      {"container", &ContainerMachine::Table},
      {"pod", &PodMachine::Table},
      {"replication", &ReplicationMachine::Table},
      {"rollout", &RolloutMachine::Table},
      {"scheduling", &SchedulingMachine::Table},
      {"node", &NodeMachine::Table},
      {"watch", &WatchMachine::Table},
  };
  return models;
}

}  // namespace kref::model
