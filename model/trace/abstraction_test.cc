#include "model/trace/abstraction.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <boost/json/parse.hpp>

namespace kref::model {
namespace {

boost::json::object Json(std::string_view text) { return boost::json::parse(text).as_object(); }

TEST(AbstractionTest, PodsByPhaseConditionsAndDeletion) {
  auto pending = AbstractPod(Json(R"({"metadata":{"uid":"u"},"status":{"phase":"Pending"}})"), false);
  EXPECT_EQ(KeyName(PodMachine::Table(), pending.key),
            "Pending | Unscheduled | NoSandbox | NotInitialized | ContainersNotReady | NotReady | Live");

  auto running = AbstractPod(Json(R"({
    "metadata": {"uid": "u", "deletionTimestamp": "2026-11-27T13:00:00Z"},
    "spec": {"nodeName": "n1", "readinessGates": [{"conditionType": "example.com/lb"}]},
    "status": {"phase": "Running", "conditions": [
      {"type": "PodReadyToStartContainers", "status": "True"},
      {"type": "Initialized", "status": "True"},
      {"type": "ContainersReady", "status": "True"},
      {"type": "Ready", "status": "False"},
      {"type": "PodScheduled", "status": "True"}]}})"), false);
  EXPECT_EQ(KeyName(PodMachine::Table(), running.key),
            "Running | Scheduled | SandboxReady | Initialized | ContainersReady | NotReady | Terminating");
  EXPECT_EQ(running.facts.node_name, "n1");
  EXPECT_FALSE(running.facts.readiness_gates_true);  // the gate's condition is missing

  auto removed = AbstractPod(Json(R"({"status":{"phase":"Succeeded"}})"), true);
  EXPECT_EQ(PodMachine::Table().states[RegionState(removed.key, PodMachine::kDeletion)], "Removed");
  EXPECT_EQ(PodMachine::Table().states[RegionState(removed.key, PodMachine::kPhase)], "Succeeded");
}

TEST(AbstractionTest, ContainersWithTheirRestartPolicy) {
  auto containers = AbstractContainers(Json(R"({
    "metadata": {"uid": "u"},
    "spec": {"restartPolicy": "Always",
             "initContainers": [{"name": "setup"}, {"name": "proxy", "restartPolicy": "Always"}]},
    "status": {
      "initContainerStatuses": [
        {"name": "setup", "state": {"terminated": {"exitCode": 0,
          "startedAt": "2026-11-27T13:00:00Z", "finishedAt": "2026-11-27T13:00:05Z"}}},
        {"name": "proxy", "state": {"running": {}}}],
      "containerStatuses": [
        {"name": "app", "state": {"waiting": {"reason": "CrashLoopBackOff"}},
         "lastState": {"terminated": {"exitCode": 2}}}]}})"));
  ASSERT_EQ(containers.size(), 3u);
  const MachineTable& t = ContainerMachine::Table();
  EXPECT_EQ(containers[0].first, "setup");
  EXPECT_EQ(t.states[containers[0].second.key], "Terminated");
  EXPECT_EQ(containers[0].second.facts.restart_policy, RestartPolicy::kAlways);
  EXPECT_TRUE(containers[0].second.facts.init);
  EXPECT_FALSE(containers[0].second.facts.sidecar);
  EXPECT_EQ(containers[0].second.facts.ran_for_s, 5);
  EXPECT_TRUE(containers[1].second.facts.sidecar);
  EXPECT_EQ(t.states[containers[1].second.key], "Running");
  EXPECT_EQ(t.states[containers[2].second.key], "Waiting");
  EXPECT_EQ(containers[2].second.facts.exit_code, 2);
  EXPECT_EQ(containers[2].second.facts.restart_policy, RestartPolicy::kAlways);
}

TEST(AbstractionTest, DeploymentsByConditionReason) {
  auto d = AbstractDeployment(Json(R"({"spec": {"progressDeadlineSeconds": 2147483647},
    "status": {"conditions": [
      {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable"},
      {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable"}]}})"));
  EXPECT_EQ(KeyName(RolloutMachine::Table(), d.key), "Complete | Available | NoReplicaFailure");
  EXPECT_FALSE(d.facts.has_progress_deadline);
  const char* reasons[][2] = {{"ReplicaSetUpdated", "Rolling"}, {"FoundNewReplicaSet", "Rolling"},
                              {"ProgressDeadlineExceeded", "Stalled"}, {"DeploymentPaused", "Paused"},
                              {"DeploymentResumed", "Resumed"}, {"ReplicaSetCreateError", "CreateFailed"}};
  for (auto [reason, state] : reasons) {
    auto obs = AbstractDeployment(Json(std::string(R"({"status":{"conditions":[{"type":"Progressing","reason":")") +
                                       reason + R"("}]}})"));
    EXPECT_EQ(RolloutMachine::Table().states[RegionState(obs.key, RolloutMachine::kProgress)], state);
  }
}

TEST(AbstractionTest, NodesByReadyAndNoExecuteTaints) {
  auto n = AbstractNode(Json(R"({"spec": {"taints": [
      {"key": "node.kubernetes.io/unreachable", "effect": "NoExecute"},
      {"key": "node.kubernetes.io/unreachable", "effect": "NoSchedule"}]},
    "status": {"conditions": [{"type": "Ready", "status": "Unknown"}]}})"));
  EXPECT_EQ(ObservedName(NodeMachine::Table(), n.key, n.mask), "Unknown | UnreachableTainted | *");
}

TEST(AbstractionTest, Rfc3339Seconds) {
  EXPECT_EQ(ParseRfc3339Seconds("1970-01-01T00:01:00Z"), 60);
  EXPECT_EQ(ParseRfc3339Seconds("1970-01-01T00:01:00+01:00"), -1);
  EXPECT_EQ(ParseRfc3339Seconds("yesterday"), -1);
  EXPECT_EQ(ParseRfc3339Seconds("1970-01-01T00:01:00Zjunk"), -1);
}

// Random JSON built from the words the functions look for, so that every field turns up
// with every type.
boost::json::value RandomJson(int depth) {
  static const char* const kWords[] = {
      "status", "spec", "metadata", "conditions", "phase", "type", "reason", "nodeName", "taints",
      "key", "effect", "containerStatuses", "initContainerStatuses", "state", "terminated",
      "running", "waiting", "exitCode", "readinessGates", "conditionType", "deletionTimestamp",
      "restartPolicy", "initContainers", "name", "lastState", "startedAt", "finishedAt",
      "progressDeadlineSeconds", "True", "Running", "NoExecute", "node.kubernetes.io/unreachable",
      "Ready", "Always", "1970-01-01T00:00:00Z"};
  auto word = [] { return kWords[*rc::gen::inRange<std::size_t>(0, std::size(kWords))]; };
  switch (*rc::gen::inRange(0, depth >= 4 ? 4 : 6)) {
    case 0: return nullptr;
    case 1: return *rc::gen::arbitrary<bool>();
    case 2: return *rc::gen::arbitrary<std::int64_t>();
    case 3: return boost::json::string(word());
    case 4: {
      boost::json::array a;
      for (int n = *rc::gen::inRange(0, 4); n > 0; --n) a.push_back(RandomJson(depth + 1));
      return a;
    }
    default: {
      boost::json::object o;
      for (int n = *rc::gen::inRange(0, 5); n > 0; --n) o[word()] = RandomJson(depth + 1);
      return o;
    }
  }
}

// Totality: whatever shape and type the fields have, every function answers.
RC_GTEST_PROP(AbstractionProp, AnyJsonObjectHasAnAbstraction, ()) {
  boost::json::object o;
  for (int n = *rc::gen::inRange(0, 5); n > 0; --n) {
    o[*rc::gen::element<std::string>("status", "spec", "metadata")] = RandomJson(0);
  }
  Observation<PodMachine> pod = AbstractPod(o, *rc::gen::arbitrary<bool>());
  RC_ASSERT(KeyName(PodMachine::Table(), pod.key).find('?') == std::string::npos);
  for (const auto& [name, obs] : AbstractContainers(o)) {
    RC_ASSERT(obs.key < ContainerMachine::Table().states.size());
  }
  Observation<RolloutMachine> d = AbstractDeployment(o);
  RC_ASSERT(KeyName(RolloutMachine::Table(), d.key).find('?') == std::string::npos);
  AbstractNode(o);
}

}  // namespace
}  // namespace kref::model
