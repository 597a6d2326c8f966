#include "model/testing/traces.h"

#include "model/node/node.h"
#include "model/pod/pod.h"
#include "model/rollout/rollout.h"

namespace kref::model::testing {

namespace {

boost::json::object Condition(const char* type, bool status, const char* reason = nullptr) {
  boost::json::object c{{"type", type}, {"status", status ? "True" : "False"}};
  if (reason) c["reason"] = reason;
  return c;
}

std::string StateIn(const MachineTable& t, StateKey key, int region) {
  return t.states[RegionState(key, region)];
}

}  // namespace

boost::json::object PodObject(StateKey key, const std::string& uid) {
  const MachineTable& t = PodMachine::Table();
  auto is = [&](int region, const char* state) { return StateIn(t, key, region) == state; };
  boost::json::object metadata{{"uid", uid}, {"name", "p-" + uid}, {"namespace", "default"}};
  if (is(PodMachine::kDeletion, "Terminating")) metadata["deletionTimestamp"] = "2026-11-27T13:00:00Z";
  boost::json::object spec;
  if (is(PodMachine::kScheduling, "Scheduled")) spec["nodeName"] = "n1";
  boost::json::array conditions{
      Condition("PodScheduled", is(PodMachine::kScheduling, "Scheduled")),
      Condition("PodReadyToStartContainers", is(PodMachine::kSandbox, "SandboxReady")),
      Condition("Initialized", is(PodMachine::kInitialization, "Initialized")),
      Condition("ContainersReady", is(PodMachine::kContainers, "ContainersReady")),
      Condition("Ready", is(PodMachine::kReadiness, "Ready"))};
  boost::json::object status{{"phase", StateIn(t, key, PodMachine::kPhase)}, {"conditions", conditions}};
  return {{"kind", "Pod"}, {"metadata", metadata}, {"spec", spec}, {"status", status}};
}

boost::json::object DeploymentObject(StateKey key, const std::string& uid) {
  const MachineTable& t = RolloutMachine::Table();
  std::string progress = StateIn(t, key, RolloutMachine::kProgress);
  boost::json::array conditions;
  if (progress == "Rolling") conditions.push_back(Condition("Progressing", true, "ReplicaSetUpdated"));
  if (progress == "Complete") conditions.push_back(Condition("Progressing", true, "NewReplicaSetAvailable"));
  if (progress == "Stalled") conditions.push_back(Condition("Progressing", false, "ProgressDeadlineExceeded"));
  if (progress == "CreateFailed") conditions.push_back(Condition("Progressing", false, "ReplicaSetCreateError"));
  if (progress == "Paused" || progress == "Resumed") {
    boost::json::object c{{"type", "Progressing"}, {"status", "Unknown"},
                          {"reason", progress == "Paused" ? "DeploymentPaused" : "DeploymentResumed"}};
    conditions.push_back(c);
  }
  conditions.push_back(Condition("Available", StateIn(t, key, RolloutMachine::kAvailability) == "Available"));
  if (StateIn(t, key, RolloutMachine::kFailure) == "ReplicaFailure") {
    conditions.push_back(Condition("ReplicaFailure", true, "FailedCreate"));
  }
  return {{"kind", "Deployment"},
          {"metadata", {{"uid", uid}, {"name", "d-" + uid}, {"namespace", "default"}}},
          {"status", {{"conditions", conditions}}}};
}

boost::json::object NodeObject(StateKey key, const std::string& uid) {
  const MachineTable& t = NodeMachine::Table();
  std::string readiness = StateIn(t, key, NodeMachine::kReadiness);
  std::string taint = StateIn(t, key, NodeMachine::kTaint);
  boost::json::array taints;
  if (taint == "NotReadyTainted") taints.push_back({{"key", "node.kubernetes.io/not-ready"}, {"effect", "NoExecute"}});
  if (taint == "UnreachableTainted") taints.push_back({{"key", "node.kubernetes.io/unreachable"}, {"effect", "NoExecute"}});
  const char* status = readiness == "Ready" ? "True" : readiness == "Unknown" ? "Unknown" : "False";
  return {{"kind", "Node"},
          {"metadata", {{"uid", uid}, {"name", "node-" + uid}}},
          {"spec", {{"taints", taints}}},
          {"status", {{"conditions", boost::json::array{{{"type", "Ready"}, {"status", status}}}}}}};
}

}  // namespace kref::model::testing
