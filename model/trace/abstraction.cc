#include "model/trace/abstraction.h"

#include <boost/json/value.hpp>
#include <cstdio>
#include <ctime>

namespace kref::model {

namespace {

const boost::json::object* ObjectAt(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_object() ? &it->value().get_object() : nullptr;
}

const boost::json::array* ArrayAt(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_array() ? &it->value().get_array() : nullptr;
}

std::string StringAt(const boost::json::object* o, std::string_view key) {
  if (!o) return "";
  auto it = o->find(key);
  return it != o->end() && it->value().is_string() ? std::string(it->value().get_string()) : "";
}

long long IntAt(const boost::json::object* o, std::string_view key, long long absent) {
  if (!o) return absent;
  auto it = o->find(key);
  if (it == o->end()) return absent;
  if (it->value().is_int64()) return it->value().get_int64();
  if (it->value().is_uint64()) return static_cast<long long>(it->value().get_uint64());
  return absent;
}

// The condition of that type in status.conditions, or null.
const boost::json::object* Condition(const boost::json::object& obj, std::string_view type) {
  const boost::json::object* status = ObjectAt(obj, "status");
  const boost::json::array* conditions = status ? ArrayAt(*status, "conditions") : nullptr;
  if (!conditions) return nullptr;
  for (const boost::json::value& c : *conditions) {
    if (c.is_object() && StringAt(&c.get_object(), "type") == type) return &c.get_object();
  }
  return nullptr;
}

bool ConditionTrue(const boost::json::object& obj, std::string_view type) {
  return StringAt(Condition(obj, type), "status") == "True";
}

// The index of a state by name (the facades' tables are fixed, so a miss is a bug).
int S(const MachineTable& table, std::string_view name) { return table.StateIndex(name); }

}  // namespace

long long ParseRfc3339Seconds(std::string_view text) {
  std::string s(text);
  std::tm tm{};
  char zone = 0;
  int consumed = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                  &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &zone, &consumed) != 7 ||
      zone != 'Z' || consumed != static_cast<int>(s.size())) {
    return -1;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<long long>(timegm(&tm));
}

Observation<PodMachine> AbstractPod(const boost::json::object& pod, bool removed) {
  const MachineTable& t = PodMachine::Table();
  const boost::json::object* spec = ObjectAt(pod, "spec");
  const boost::json::object* status = ObjectAt(pod, "status");
  const boost::json::object* metadata = ObjectAt(pod, "metadata");
  Observation<PodMachine> obs;
  std::string phase = StringAt(status, "phase");
  if (phase != "Running" && phase != "Succeeded" && phase != "Failed") phase = "Pending";
  std::string node = StringAt(spec, "nodeName");
  StateKey key = 0;
  key = WithRegionState(key, PodMachine::kPhase, S(t, phase));
  key = WithRegionState(key, PodMachine::kScheduling, S(t, node.empty() ? "Unscheduled" : "Scheduled"));
  key = WithRegionState(key, PodMachine::kSandbox,
                        S(t, ConditionTrue(pod, "PodReadyToStartContainers") ? "SandboxReady" : "NoSandbox"));
  key = WithRegionState(key, PodMachine::kInitialization,
                        S(t, ConditionTrue(pod, "Initialized") ? "Initialized" : "NotInitialized"));
  key = WithRegionState(key, PodMachine::kContainers,
                        S(t, ConditionTrue(pod, "ContainersReady") ? "ContainersReady" : "ContainersNotReady"));
  key = WithRegionState(key, PodMachine::kReadiness, S(t, ConditionTrue(pod, "Ready") ? "Ready" : "NotReady"));
  const char* deletion = removed ? "Removed"
                         : (metadata && metadata->contains("deletionTimestamp")) ? "Terminating"
                                                                                 : "Live";
  key = WithRegionState(key, PodMachine::kDeletion, S(t, deletion));
  obs.key = key;
  obs.facts.node_name = node;
  obs.facts.readiness_gates_true = true;
  if (const boost::json::array* gates = spec ? ArrayAt(*spec, "readinessGates") : nullptr) {
    for (const boost::json::value& gate : *gates) {
      if (!gate.is_object()) continue;
      std::string type = StringAt(&gate.get_object(), "conditionType");
      if (!ConditionTrue(pod, type)) obs.facts.readiness_gates_true = false;
    }
  }
  return obs;
}

std::vector<std::pair<std::string, Observation<ContainerMachine>>> AbstractContainers(
    const boost::json::object& pod) {
  const MachineTable& t = ContainerMachine::Table();
  const boost::json::object* spec = ObjectAt(pod, "spec");
  const boost::json::object* status = ObjectAt(pod, "status");
  const boost::json::object* metadata = ObjectAt(pod, "metadata");
  std::string pod_policy = StringAt(spec, "restartPolicy");
  RestartPolicy policy = pod_policy == "Never"       ? RestartPolicy::kNever
                         : pod_policy == "OnFailure" ? RestartPolicy::kOnFailure
                                                     : RestartPolicy::kAlways;
  bool deleting = metadata && metadata->contains("deletionTimestamp");

  std::vector<std::pair<std::string, Observation<ContainerMachine>>> out;
  for (const char* list : {"initContainerStatuses", "containerStatuses"}) {
    bool init = std::string_view(list) == "initContainerStatuses";
    const boost::json::array* statuses = status ? ArrayAt(*status, list) : nullptr;
    if (!statuses) continue;
    for (const boost::json::value& v : *statuses) {
      if (!v.is_object()) continue;
      const boost::json::object& cs = v.get_object();
      std::string name = StringAt(&cs, "name");
      Observation<ContainerMachine> obs;
      const boost::json::object* state = ObjectAt(cs, "state");
      const boost::json::object* terminated = state ? ObjectAt(*state, "terminated") : nullptr;
      const char* which = terminated                                   ? "Terminated"
                          : (state && ObjectAt(*state, "running")) ? "Running"
                                                                       : "Waiting";
      obs.key = static_cast<StateKey>(S(t, which));
      ContainerMachine::Facts& f = obs.facts;
      f.restart_policy = policy;
      f.pod_deleting = deleting;
      if (init) {
        // Regular init containers run again only after a failure; sidecars always.
        std::string own;
        if (const boost::json::array* inits = spec ? ArrayAt(*spec, "initContainers") : nullptr) {
          for (const boost::json::value& c : *inits) {
            if (c.is_object() && StringAt(&c.get_object(), "name") == name) {
              own = StringAt(&c.get_object(), "restartPolicy");
            }
          }
        }
        f.init = true;
        f.sidecar = own == "Always";
      }
      const boost::json::object* last = terminated;
      if (!last) {
        const boost::json::object* last_state = ObjectAt(cs, "lastState");
        last = last_state ? ObjectAt(*last_state, "terminated") : nullptr;
      }
      if (last) {
        f.exit_code = static_cast<int>(IntAt(last, "exitCode", 0));
        long long started = ParseRfc3339Seconds(StringAt(last, "startedAt"));
        long long finished = ParseRfc3339Seconds(StringAt(last, "finishedAt"));
        f.ran_for_s = started >= 0 && finished >= started ? finished - started : 0;
      }
      out.emplace_back(std::move(name), std::move(obs));
    }
  }
  return out;
}

Observation<RolloutMachine> AbstractDeployment(const boost::json::object& deployment) {
  const MachineTable& t = RolloutMachine::Table();
  Observation<RolloutMachine> obs;
  const boost::json::object* progressing = Condition(deployment, "Progressing");
  std::string status = StringAt(progressing, "status");
  std::string reason = StringAt(progressing, "reason");
  const char* progress = "NoProgressCondition";
  if (progressing) {
    if (reason == "NewReplicaSetAvailable") {
      progress = "Complete";
    } else if (reason == "ProgressDeadlineExceeded") {
      progress = "Stalled";
    } else if (reason == "DeploymentPaused") {
      progress = "Paused";
    } else if (reason == "DeploymentResumed") {
      progress = "Resumed";
    } else if (reason == "ReplicaSetCreateError") {
      progress = "CreateFailed";
    } else {
      progress = "Rolling";  // NewReplicaSetCreated, FoundNewReplicaSet, ReplicaSetUpdated
    }
  }
  StateKey key = 0;
  key = WithRegionState(key, RolloutMachine::kProgress, S(t, progress));
  key = WithRegionState(key, RolloutMachine::kAvailability,
                        S(t, ConditionTrue(deployment, "Available") ? "Available" : "Unavailable"));
  key = WithRegionState(key, RolloutMachine::kFailure,
                        S(t, ConditionTrue(deployment, "ReplicaFailure") ? "ReplicaFailure" : "NoReplicaFailure"));
  obs.key = key;
  const boost::json::object* spec = ObjectAt(deployment, "spec");
  obs.facts.has_progress_deadline = IntAt(spec, "progressDeadlineSeconds", 600) < 2147483647;
  return obs;
}

Observation<NodeMachine> AbstractNode(const boost::json::object& node) {
  const MachineTable& t = NodeMachine::Table();
  Observation<NodeMachine> obs;
  std::string ready = StringAt(Condition(node, "Ready"), "status");
  const char* readiness = ready == "True" ? "Ready" : ready == "Unknown" ? "Unknown" : "NotReady";
  const char* taint = "Untainted";
  const boost::json::object* spec = ObjectAt(node, "spec");
  if (const boost::json::array* taints = spec ? ArrayAt(*spec, "taints") : nullptr) {
    for (const boost::json::value& v : *taints) {
      if (!v.is_object() || StringAt(&v.get_object(), "effect") != "NoExecute") continue;
      std::string key = StringAt(&v.get_object(), "key");
      if (key == "node.kubernetes.io/unreachable") taint = "UnreachableTainted";
      if (key == "node.kubernetes.io/not-ready") taint = "NotReadyTainted";
    }
  }
  obs.key = WithRegionState(WithRegionState(0, NodeMachine::kReadiness, S(t, readiness)),
                            NodeMachine::kTaint, S(t, taint));
  obs.mask = (StateKey{0xff} << (8 * NodeMachine::kReadiness)) | (StateKey{0xff} << (8 * NodeMachine::kTaint));
  return obs;
}

}  // namespace kref::model
