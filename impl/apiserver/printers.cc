#include "impl/apiserver/printers.h"

#include <algorithm>
#include <map>

#include "impl/api/time.h"
#include "impl/apiserver/table.h"

namespace kref::apiserver {

namespace json = boost::json;

const json::value* JsonAt(const json::value& object, std::string_view path) {
  const json::value* at = &object;
  while (!path.empty()) {
    size_t dot = path.find('.');
    const json::object* o = at->if_object();
    if (o == nullptr) return nullptr;
    at = o->if_contains(path.substr(0, dot));
    if (at == nullptr) return nullptr;
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return at;
}

namespace {

constexpr std::string_view kNameDescription =
    "Name must be unique within a namespace. Is required when creating resources, although some resources may "
    "allow a client to request the generation of an appropriate name automatically. Name is primarily intended for "
    "creation idempotence and configuration definition. Cannot be updated. More info: "
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names";
constexpr std::string_view kCreatedDescription =
    "CreationTimestamp is a timestamp representing the server time when this object was created. It is not "
    "guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is "
    "represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

std::string String(const json::value& object, std::string_view path, std::string_view absent = "") {
  const json::value* v = JsonAt(object, path);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string(absent);
}

int64_t Int(const json::value& object, std::string_view path) {
  const json::value* v = JsonAt(object, path);
  return v != nullptr && v->is_int64() ? v->as_int64() : 0;
}

size_t Size(const json::value& object, std::string_view path) {
  const json::value* v = JsonAt(object, path);
  if (v == nullptr) return 0;
  if (const json::object* o = v->if_object()) return o->size();
  if (const json::array* a = v->if_array()) return a->size();
  return 0;
}

const json::array& Array(const json::value& object, std::string_view path) {
  static const json::array kEmpty;
  const json::value* v = JsonAt(object, path);
  return v != nullptr && v->is_array() ? v->as_array() : kEmpty;
}

std::string Join(const std::vector<std::string>& parts, std::string_view separator = ",") {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : std::string(separator)) + part;
  return out;
}

std::string Name(const json::value& object) { return String(object, "metadata.name"); }

std::string OrNone(std::string text) { return text.empty() ? "<none>" : text; }
std::string FormatLabels(const json::value* map) { return OrNone(LabelMapText(map)); }
std::string FormatSelector(const json::value* selector) { return OrNone(LabelSelectorText(selector)); }

// The CONTAINERS and IMAGES columns of a pod template.
std::pair<std::string, std::string> ContainersAndImages(const json::value& object,
                                                        std::string_view containers_path) {
  std::vector<std::string> names, images;
  for (const json::value& c : Array(object, containers_path)) {
    names.push_back(String(c, "name"));
    images.push_back(String(c, "image"));
  }
  return {Join(names), Join(images)};
}

// The age of a timestamp field, as upstream's translateTimestampSince ("<unknown>" if unset).
std::string Since(const json::value& object, std::string_view path, Now now) {
  auto t = api::Time::Parse(String(object, path));
  if (!t.has_value() || t->IsZero()) return "<unknown>";
  return HumanDuration(std::chrono::duration_cast<std::chrono::seconds>(now - t->ToTimePoint()));
}

std::string PodStatus(const json::value& pod) {
  std::string reason = String(pod, "status.reason");
  if (reason.empty()) reason = String(pod, "status.phase");
  for (const json::value& status : Array(pod, "status.containerStatuses")) {
    std::string waiting = String(status, "state.waiting.reason");
    std::string terminated = String(status, "state.terminated.reason");
    if (!waiting.empty()) reason = waiting;
    else if (!terminated.empty()) reason = terminated;
  }
  if (JsonAt(pod, "metadata.deletionTimestamp") != nullptr) reason = "Terminating";
  return reason;
}

// True when the object's first condition of `type` has status "True".
bool HasCondition(const json::value& object, std::string_view type) {
  for (const json::value& c : Array(object, "status.conditions")) {
    if (String(c, "type") == type) return String(c, "status") == "True";
  }
  return false;
}

// An IntOrString as text ("1", "25%"), or `absent`.
std::string IntOrStringText(const json::value* value, std::string_view absent) {
  if (value == nullptr || value->is_null()) return std::string(absent);
  if (value->is_int64()) return std::to_string(value->as_int64());
  return value->is_string() ? std::string(value->as_string()) : std::string(absent);
}

// Go's net.JoinHostPort: an IPv6 address in brackets.
std::string JoinHostPort(const std::string& host, int64_t port) {
  return (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

// Up to `max` items, then " + N more...", as upstream's listWithMoreString ("<unset>" when empty).
std::string ListWithMore(const std::vector<std::string>& list, bool more, size_t count, size_t max) {
  std::string text = Join(list);
  if (more) return text + " + " + std::to_string(count - max) + " more...";
  return text.empty() ? "<unset>" : text;
}

// An Endpoints' addresses with their ports, three at most (upstream's formatEndpoints).
std::string FormatEndpoints(const json::value& endpoints) {
  constexpr size_t kMax = 3;
  const json::array& subsets = Array(endpoints, "subsets");
  if (subsets.empty()) return "<none>";
  std::vector<std::string> list;
  size_t count = 0;
  bool more = false;
  for (const json::value& subset : subsets) {
    const json::array& addresses = Array(subset, "addresses");
    const json::array& ports = Array(subset, "ports");
    auto add = [&](const std::optional<int64_t>& port) {
      count += addresses.size();
      for (const json::value& address : addresses) {
        if (list.size() == kMax) {
          more = true;
          break;
        }
        std::string ip = String(address, "ip");
        list.push_back(port ? JoinHostPort(ip, *port) : ip);
      }
    };
    if (ports.empty()) add(std::nullopt);
    for (const json::value& port : ports) add(Int(port, "port"));
  }
  std::string text = Join(list);
  return more ? text + " + " + std::to_string(count - kMax) + " more..." : text;
}

// A HorizontalPodAutoscaler's metrics as "current/target" (upstream's formatHPAMetrics): two at
// most, then " + N more...".
std::string FormatHpaMetrics(const json::array& specs, const json::array& statuses) {
  if (specs.empty()) return "<none>";
  std::vector<std::string> list;
  for (size_t i = 0; i < specs.size(); ++i) {
    const json::value& spec = specs[i];
    const json::value* status = i < statuses.size() ? &statuses[i] : nullptr;
    std::string type = String(spec, "type");
    // The current value at `path` of the matching status, or "<unknown>".
    auto current = [&](const std::string& path) {
      const json::value* v = status != nullptr ? JsonAt(*status, path) : nullptr;
      if (v == nullptr) return std::string("<unknown>");
      return v->is_int64() ? std::to_string(v->as_int64()) : v->is_string() ? std::string(v->as_string()) : "<unknown>";
    };
    if (type == "External" || type == "Object") {
      std::string key = type == "External" ? "external" : "object";
      if (JsonAt(spec, key + ".target.averageValue") != nullptr) {
        list.push_back(current(key + ".current.averageValue") + "/" + String(spec, key + ".target.averageValue") + " (avg)");
      } else {
        list.push_back(current(key + ".current.value") + "/" + String(spec, key + ".target.value"));
      }
    } else if (type == "Pods") {
      list.push_back(current("pods.current.averageValue") + "/" + String(spec, "pods.target.averageValue"));
    } else if (type == "Resource" || type == "ContainerResource") {
      std::string key = type == "Resource" ? "resource" : "containerResource";
      std::string name = String(spec, key + ".name");
      if (JsonAt(spec, key + ".target.averageValue") != nullptr) {
        list.push_back(name + ": " + current(key + ".current.averageValue") + "/" + String(spec, key + ".target.averageValue"));
      } else {
        const json::value* used = status != nullptr ? JsonAt(*status, key + ".current.averageUtilization") : nullptr;
        const json::value* target = JsonAt(spec, key + ".target.averageUtilization");
        list.push_back(name + ": " +
                       (used != nullptr && used->is_int64() ? std::to_string(used->as_int64()) + "%" : "<unknown>") + "/" +
                       (target != nullptr && target->is_int64() ? std::to_string(target->as_int64()) + "%" : "<auto>"));
      }
    } else {
      list.push_back("<unknown type>");
    }
  }
  constexpr size_t kMax = 2;
  if (list.size() > kMax) {
    return Join({list[0], list[1]}, ", ") + " + " + std::to_string(list.size() - kMax) + " more...";
  }
  return Join(list, ", ");
}

// Access modes in upstream's short forms and fixed order (RWO, ROX, RWX, RWOP), each once.
std::string AccessModes(const json::array& modes) {
  std::vector<std::string> out;
  for (auto [mode, shorthand] : {std::pair<std::string_view, std::string_view>{"ReadWriteOnce", "RWO"},
                                 {"ReadOnlyMany", "ROX"}, {"ReadWriteMany", "RWX"}, {"ReadWriteOncePod", "RWOP"}}) {
    if (std::any_of(modes.begin(), modes.end(), [&](const json::value& m) { return m.is_string() && m.as_string() == mode; })) {
      out.emplace_back(shorthand);
    }
  }
  return Join(out);
}

// A volume or claim's phase, or Terminating once it is being deleted.
std::string PhaseOrTerminating(const json::value& object) {
  return JsonAt(object, "metadata.deletionTimestamp") != nullptr ? "Terminating" : String(object, "status.phase");
}

// The storage class: the beta annotation if set, else spec.storageClassName.
std::string StorageClass(const json::value& object) {
  const json::value* annotation = JsonAt(object, "metadata.annotations");
  if (annotation != nullptr && annotation->is_object()) {
    if (const json::value* v = annotation->as_object().if_contains("volume.beta.kubernetes.io/storage-class");
        v != nullptr && v->is_string()) {
      return std::string(v->as_string());
    }
  }
  return String(object, "spec.storageClassName");
}

// The printer of RoleBindings and ClusterRoleBindings (the descriptions differ).
Printer BindingPrinter(std::string_view role, std::string_view users, std::string_view groups,
                       std::string_view service_accounts) {
  return {{{"Name", "string", "name", kNameDescription},
           {"Role", "string", "", role},
           {"Age", "string", "", kCreatedDescription},
           {"Users", "string", "", users, 1},
           {"Groups", "string", "", groups, 1},
           {"ServiceAccounts", "string", "", service_accounts, 1}},
          [](const json::value& o, const std::string& age, Now) {
            std::vector<std::string> user_names, group_names, service_account_names;
            for (const json::value& subject : Array(o, "subjects")) {
              std::string kind = String(subject, "kind");
              if (kind == "User") user_names.push_back(String(subject, "name"));
              if (kind == "Group") group_names.push_back(String(subject, "name"));
              if (kind == "ServiceAccount") {
                service_account_names.push_back(String(subject, "namespace") + "/" + String(subject, "name"));
              }
            }
            return Cells{Name(o), String(o, "roleRef.kind") + "/" + String(o, "roleRef.name"), age,
                         Join(user_names, ", "), Join(group_names, ", "), Join(service_account_names, ", ")};
          }};
}

// By group and kind (the events.k8s.io Event is printed like the core one).
using PrinterMap = std::map<std::pair<std::string_view, std::string_view>, Printer>;

PrinterMap& Printers() {
  static PrinterMap printers = [] {
    PrinterMap p;
    constexpr Column kName{"Name", "string", "name", kNameDescription};
    constexpr Column kAge{"Age", "string", "", kCreatedDescription};
    // The wide columns of the workload kinds.
    constexpr Column kContainers{"Containers", "string", "", "Names of each container in the template.", 1};
    constexpr Column kImages{"Images", "string", "", "Images referenced by each container in the template.", 1};
    constexpr Column kSelector{"Selector", "string", "", "Label selector for pods.", 1};
    p[{"", "Namespace"}] = {{kName, {"Status", "string", "", "The status of the namespace"}, kAge},
                      [](const json::value& o, const std::string& age, Now now) {
                        return Cells{Name(o), String(o, "status.phase"), age};
                      }};
    p[{"", "ConfigMap"}] = {{kName, {"Data", "integer", "", "Number of data entries"}, kAge},
                      [](const json::value& o, const std::string& age, Now now) {
                        return Cells{Name(o), Size(o, "data") + Size(o, "binaryData"), age};
                      }};
    p[{"", "Secret"}] = {{kName, {"Type", "string", "", "The type of the secret"},
                    {"Data", "string", "", "Number of data entries"}, kAge},
                   [](const json::value& o, const std::string& age, Now now) {
                     return Cells{Name(o), String(o, "type"), Size(o, "data"), age};
                   }};
    p[{"", "ServiceAccount"}] = {{kName, {"Secrets", "string", "", "Secrets is a list of the secrets"}, kAge},
                           [](const json::value& o, const std::string& age, Now now) {
                             return Cells{Name(o), Size(o, "secrets"), age};
                           }};
    p[{"", "Pod"}] = {{kName,
                 {"Ready", "string", "", "The aggregate readiness state of this pod"},
                 {"Status", "string", "", "The aggregate status of the containers in this pod."},
                 {"Restarts", "string", "", "The number of times the containers in this pod have been restarted"},
                 kAge,
                 {"IP", "string", "", "IP address allocated to the pod.", 1},
                 {"Node", "string", "", "Name of the Node this pod is assigned to.", 1},
                 {"Nominated Node", "string", "", "Name of the node nominated to run this pod.", 1},
                 {"Readiness Gates", "string", "", "Pod readiness gates", 1}},
                [](const json::value& o, const std::string& age, Now now) {
                  int64_t ready = 0, restarts = 0;
                  for (const json::value& s : Array(o, "status.containerStatuses")) {
                    const json::value* r = JsonAt(s, "ready");
                    if (r != nullptr && r->is_bool() && r->as_bool()) ++ready;
                    restarts += Int(s, "restartCount");
                  }
                  size_t total = Array(o, "spec.containers").size();
                  size_t gates = Array(o, "spec.readinessGates").size();
                  return Cells{Name(o),
                               std::to_string(ready) + "/" + std::to_string(total),
                               PodStatus(o),
                               std::to_string(restarts),
                               age,
                               String(o, "status.podIP", "<none>"),
                               String(o, "spec.nodeName", "<none>"),
                               String(o, "status.nominatedNodeName", "<none>"),
                               gates == 0 ? std::string("<none>") : "0/" + std::to_string(gates)};
                }};
    p[{"apps", "Deployment"}] = {{kName,
                        {"Ready", "string", "", "Number of the pod with ready state"},
                        {"Up-to-date", "string", "", "Total number of non-terminated pods targeted by this deployment that have the desired template spec."},
                        {"Available", "string", "", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."},
                        kAge, kContainers, kImages, kSelector},
                       [](const json::value& o, const std::string& age, Now now) {
                         auto [containers, images] = ContainersAndImages(o, "spec.template.spec.containers");
                         return Cells{Name(o),
                                      std::to_string(Int(o, "status.readyReplicas")) + "/" +
                                          std::to_string(Int(o, "spec.replicas")),
                                      Int(o, "status.updatedReplicas"),
                                      Int(o, "status.availableReplicas"),
                                      age, containers, images, FormatSelector(JsonAt(o, "spec.selector"))};
                       }};
    p[{"apps", "ReplicaSet"}] = {{kName,
                        {"Desired", "integer", "", "Replicas is the number of desired replicas."},
                        {"Current", "integer", "", "Replicas is the most recently observed number of replicas."},
                        {"Ready", "integer", "", "The number of ready replicas for this replica set."},
                        kAge, kContainers, kImages, kSelector},
                       [](const json::value& o, const std::string& age, Now now) {
                         auto [containers, images] = ContainersAndImages(o, "spec.template.spec.containers");
                         return Cells{Name(o), Int(o, "spec.replicas"), Int(o, "status.replicas"),
                                      Int(o, "status.readyReplicas"), age, containers, images,
                                      FormatSelector(JsonAt(o, "spec.selector"))};
                       }};
    p[{"apps", "StatefulSet"}] = {{kName,
                         {"Ready", "string", "", "Number of the pod with ready state"},
                         kAge, kContainers, kImages},
                        [](const json::value& o, const std::string& age, Now now) {
                          auto [containers, images] = ContainersAndImages(o, "spec.template.spec.containers");
                          return Cells{Name(o),
                                       std::to_string(Int(o, "status.readyReplicas")) + "/" +
                                           std::to_string(Int(o, "spec.replicas")),
                                       age, containers, images};
                        }};
    p[{"", "Service"}] = {{kName,
                     {"Type", "string", "", "The type of the service."},
                     {"Cluster-IP", "string", "", "The cluster IP of the service."},
                     {"External-IP", "string", "", "The external IPs of the service."},
                     {"Port(s)", "string", "", "The ports of the service."},
                     kAge,
                     {"Selector", "string", "", "The label selector of the service.", 1}},
                    [](const json::value& o, const std::string& age, Now now) {
                      std::vector<std::string> ports, external;
                      for (const json::value& port : Array(o, "spec.ports")) {
                        std::string text = std::to_string(Int(port, "port"));
                        if (int64_t node_port = Int(port, "nodePort"); node_port > 0) {
                          text += ":" + std::to_string(node_port);
                        }
                        ports.push_back(text + "/" + String(port, "protocol", "TCP"));
                      }
                      for (const json::value& ip : Array(o, "spec.externalIPs")) {
                        if (ip.is_string()) external.push_back(std::string(ip.as_string()));
                      }
                      std::string type = String(o, "spec.type", "ClusterIP");
                      std::string external_ip = external.empty() ? "<none>" : Join(external);
                      if (type == "ExternalName") external_ip = String(o, "spec.externalName");
                      return Cells{Name(o), type, String(o, "spec.clusterIP", "<none>"), external_ip,
                                   ports.empty() ? std::string("<none>") : Join(ports), age,
                                   FormatLabels(JsonAt(o, "spec.selector"))};
                    }};
    p[{"", "Node"}] = {{kName,
                  {"Status", "string", "", "The status of the node"},
                  {"Roles", "string", "", "The roles of the node"},
                  kAge,
                  {"Version", "string", "", "Kubelet Version reported by the node."},
                  {"Internal-IP", "string", "", "List of internal IPs.", 1},
                  {"External-IP", "string", "", "List of external IPs.", 1},
                  {"OS-Image", "string", "", "OS image reported by the node.", 1},
                  {"Kernel-Version", "string", "", "Kernel version reported by the node.", 1},
                  {"Container-Runtime", "string", "", "Container runtime reported by the node.", 1}},
                 [](const json::value& o, const std::string& age, Now now) {
                   std::string status = "Unknown";
                   for (const json::value& c : Array(o, "status.conditions")) {
                     if (String(c, "type") == "Ready") status = String(c, "status") == "True" ? "Ready" : "NotReady";
                   }
                   const json::value* unschedulable = JsonAt(o, "spec.unschedulable");
                   if (unschedulable != nullptr && unschedulable->is_bool() && unschedulable->as_bool()) {
                     status += ",SchedulingDisabled";
                   }
                   std::vector<std::string> roles;
                   if (const json::value* labels = JsonAt(o, "metadata.labels"); labels && labels->is_object()) {
                     for (const auto& [key, value] : labels->as_object()) {
                       constexpr std::string_view kRole = "node-role.kubernetes.io/";
                       if (key.starts_with(kRole) && key.size() > kRole.size()) {
                         roles.emplace_back(key.substr(kRole.size()));
                       } else if (key == "kubernetes.io/role" && value.is_string()) {
                         roles.emplace_back(value.as_string());
                       }
                     }
                   }
                   std::sort(roles.begin(), roles.end());
                   std::string internal = "<none>", external = "<none>";
                   for (const json::value& a : Array(o, "status.addresses")) {
                     if (String(a, "type") == "InternalIP" && internal == "<none>") internal = String(a, "address");
                     if (String(a, "type") == "ExternalIP" && external == "<none>") external = String(a, "address");
                   }
                   return Cells{Name(o), status, roles.empty() ? std::string("<none>") : Join(roles), age,
                                String(o, "status.nodeInfo.kubeletVersion"), internal, external,
                                String(o, "status.nodeInfo.osImage", "<unknown>"),
                                String(o, "status.nodeInfo.kernelVersion", "<unknown>"),
                                String(o, "status.nodeInfo.containerRuntimeVersion", "<unknown>")};
                 }};
    p[{"apps", "DaemonSet"}] = {{kName,
                       {"Desired", "integer", "", "The total number of nodes that should be running the daemon pod."},
                       {"Current", "integer", "", "The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod."},
                       {"Ready", "integer", "", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready."},
                       {"Up-to-date", "integer", "", "The total number of nodes that are running updated daemon pod"},
                       {"Available", "integer", "", "The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available."},
                       {"Node Selector", "string", "", "NodeSelector is a selector which must be true for the pod to fit on a node."},
                       kAge, kContainers, kImages, kSelector},
                      [](const json::value& o, const std::string& age, Now now) {
                        auto [containers, images] = ContainersAndImages(o, "spec.template.spec.containers");
                        return Cells{Name(o), Int(o, "status.desiredNumberScheduled"),
                                     Int(o, "status.currentNumberScheduled"), Int(o, "status.numberReady"),
                                     Int(o, "status.updatedNumberScheduled"), Int(o, "status.numberAvailable"),
                                     FormatLabels(JsonAt(o, "spec.template.spec.nodeSelector")), age, containers,
                                     images, FormatSelector(JsonAt(o, "spec.selector"))};
                      }};
    p[{"", "ReplicationController"}] = {{kName,
                                   {"Desired", "integer", "", "Replicas is the number of desired replicas."},
                                   {"Current", "integer", "", "Replicas is the most recently observed number of replicas."},
                                   {"Ready", "integer", "", "The number of ready replicas for this replication controller."},
                                   kAge, kContainers, kImages, kSelector},
                                  [](const json::value& o, const std::string& age, Now now) {
                                    auto [containers, images] = ContainersAndImages(o, "spec.template.spec.containers");
                                    return Cells{Name(o), Int(o, "spec.replicas"), Int(o, "status.replicas"),
                                                 Int(o, "status.readyReplicas"), age, containers, images,
                                                 FormatLabels(JsonAt(o, "spec.selector"))};
                                  }};
    p[{"batch", "CronJob"}] = {{kName,
                     {"Schedule", "string", "", "The schedule in Cron format."},
                     {"Timezone", "string", "", "The time zone name for the given schedule."},
                     {"Suspend", "boolean", "", "This flag tells the controller to suspend subsequent executions."},
                     {"Active", "integer", "", "A list of pointers to currently running jobs."},
                     {"Last Schedule", "string", "", "Information when was the last time the job was successfully scheduled."},
                     kAge, kContainers, kImages, kSelector},
                    [](const json::value& o, const std::string& age, Now now) {
                      auto [containers, images] = ContainersAndImages(o, "spec.jobTemplate.spec.template.spec.containers");
                      const json::value* suspend = JsonAt(o, "spec.suspend");
                      return Cells{Name(o), String(o, "spec.schedule"), String(o, "spec.timeZone", "<none>"),
                                   suspend != nullptr && suspend->is_bool() && suspend->as_bool(),
                                   Array(o, "status.active").size(),
                                   JsonAt(o, "status.lastScheduleTime") ? Since(o, "status.lastScheduleTime", now) : std::string("<none>"),
                                   age, containers, images, FormatSelector(JsonAt(o, "spec.jobTemplate.spec.selector"))};
                    }};
    p[{"", "Event"}] = {{{"Last Seen", "string", "", "Time since the most recent occurrence of this event."},
                   {"Type", "string", "", "Type of this event (Normal, Warning), new types could be added in the future."},
                   {"Reason", "string", "", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."},
                   {"Object", "string", "", "The object that this event is about."},
                   {"Message", "string", "", "A human-readable description of the status of this operation."},
                   {"Subobject", "string", "", "The subobject this event is about.", 1},
                   {"Source", "string", "", "The component reporting this event.", 1},
                   {"First Seen", "string", "", "The time at which the event was first recorded.", 1},
                   {"Count", "string", "", "The number of times this event has occurred.", 1},
                   {"Name", "string", "name", "Name must be unique within a namespace.", 1}},
                  [](const json::value& o, const std::string& age, Now now) {
                    std::string last = JsonAt(o, "series.lastObservedTime") ? Since(o, "series.lastObservedTime", now)
                                       : JsonAt(o, "lastTimestamp")        ? Since(o, "lastTimestamp", now)
                                                                       : Since(o, "eventTime", now);
                    std::string first = JsonAt(o, "firstTimestamp") ? Since(o, "firstTimestamp", now) : Since(o, "eventTime", now);
                    std::string kind = String(o, "involvedObject.kind");
                    for (char& c : kind) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                    std::string source = String(o, "source.component");
                    if (std::string host = String(o, "source.host"); !host.empty()) source += ", " + host;
                    int64_t count = Int(o, "count");
                    return Cells{last, String(o, "type"), String(o, "reason"),
                                 kind + "/" + String(o, "involvedObject.name"), String(o, "message"),
                                 String(o, "involvedObject.fieldPath"), source, first,
                                 std::to_string(count > 0 ? count : 1), Name(o)};
                  }};
    p[{"coordination.k8s.io", "Lease"}] = {{kName, {"Holder", "string", "", "The holder of the lease"}, kAge},
                  [](const json::value& o, const std::string& age, Now now) {
                    return Cells{Name(o), String(o, "spec.holderIdentity"), age};
                  }};
    // batch
    p[{"batch", "Job"}] = {
        {kName, {"Status", "string", "", "Status of the job."},
         {"Completions", "string", "", "The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs."},
         {"Duration", "string", "", "Time required to complete the job."},
         kAge, kContainers, kImages,
         {"Selector", "string", "", "A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", 1}},
        [](const json::value& o, const std::string& age, Now now) {
          int64_t succeeded = Int(o, "status.succeeded");
          std::string completions;
          if (const json::value* c = JsonAt(o, "spec.completions"); c != nullptr && c->is_int64()) {
            completions = std::to_string(succeeded) + "/" + std::to_string(c->as_int64());
          } else if (int64_t parallelism = Int(o, "spec.parallelism"); parallelism > 1) {
            completions = std::to_string(succeeded) + "/1 of " + std::to_string(parallelism);
          } else {
            completions = std::to_string(succeeded) + "/1";
          }
          std::string duration;
          auto start = api::Time::Parse(String(o, "status.startTime"));
          auto end = api::Time::Parse(String(o, "status.completionTime"));
          if (start.has_value()) {
            auto until = end.has_value() ? end->ToTimePoint() : now;
            duration = HumanDuration(std::chrono::duration_cast<std::chrono::seconds>(until - start->ToTimePoint()));
          }
          std::string status = HasCondition(o, "Complete")                   ? "Complete"
                               : HasCondition(o, "Failed")                    ? "Failed"
                               : JsonAt(o, "metadata.deletionTimestamp") != nullptr ? "Terminating"
                               : HasCondition(o, "Suspended")                 ? "Suspended"
                               : HasCondition(o, "FailureTarget")             ? "FailureTarget"
                                                                              : "Running";
          auto [containers, images] = ContainersAndImages(o, "spec.template.spec.containers");
          return Cells{Name(o), status, completions, duration, age, containers, images,
                       FormatSelector(JsonAt(o, "spec.selector"))};
        }};
    // core
    p[{"", "Endpoints"}] = {
        {kName, {"Endpoints", "string", "", "The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service."}, kAge},
        [](const json::value& o, const std::string& age, Now) { return Cells{Name(o), FormatEndpoints(o), age}; }};
    p[{"", "PersistentVolume"}] = {
        {kName,
         {"Capacity", "string", "", "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity"},
         {"Access Modes", "string", "", "accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes"},
         {"Reclaim Policy", "string", "", "persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming"},
         {"Status", "string", "", "phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase"},
         {"Claim", "string", "", "claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding"},
         {"StorageClass", "string", "", "StorageClass of the pv"},
         {"VolumeAttributesClass", "string", "", "VolumeAttributesClass of the pv"},
         {"Reason", "string", "", "reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI."},
         kAge,
         {"VolumeMode", "string", "", "volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.", 1}},
        [](const json::value& o, const std::string& age, Now) {
          std::string claim;
          if (JsonAt(o, "spec.claimRef") != nullptr) claim = String(o, "spec.claimRef.namespace") + "/" + String(o, "spec.claimRef.name");
          return Cells{Name(o), String(o, "spec.capacity.storage", "0"), AccessModes(Array(o, "spec.accessModes")),
                       String(o, "spec.persistentVolumeReclaimPolicy"), PhaseOrTerminating(o), claim, StorageClass(o),
                       String(o, "spec.volumeAttributesClassName", "<unset>"), String(o, "status.reason"), age,
                       String(o, "spec.volumeMode", "<unset>")};
        }};
    p[{"", "PersistentVolumeClaim"}] = {
        {kName,
         {"Status", "string", "", "phase represents the current phase of PersistentVolumeClaim."},
         {"Volume", "string", "", "volumeName is the binding reference to the PersistentVolume backing this claim."},
         {"Capacity", "string", "", "capacity represents the actual resources of the underlying volume."},
         {"Access Modes", "string", "", "accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1"},
         {"StorageClass", "string", "", "StorageClass of the pvc"},
         {"VolumeAttributesClass", "string", "", "VolumeAttributesClass of the pvc"},
         kAge,
         {"VolumeMode", "string", "", "volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.", 1}},
        [](const json::value& o, const std::string& age, Now) {
          std::string volume = String(o, "spec.volumeName");
          std::string capacity, modes;
          if (!volume.empty()) {
            capacity = String(o, "status.capacity.storage", "0");
            modes = AccessModes(Array(o, "status.accessModes"));
          }
          return Cells{Name(o), PhaseOrTerminating(o), volume, capacity, modes, StorageClass(o),
                       String(o, "spec.volumeAttributesClassName", "<unset>"), age,
                       String(o, "spec.volumeMode", "<unset>")};
        }};
    p[{"", "ResourceQuota"}] = {
        {kName,
         {"Request", "string", "", "Request represents a minimum amount of cpu/memory that a container may consume."},
         {"Limit", "string", "", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node."},
         kAge},
        [](const json::value& o, const std::string& age, Now) {
          std::string request, limit;
          if (const json::value* hard = JsonAt(o, "status.hard"); hard != nullptr && hard->is_object()) {
            std::vector<std::string> names;
            for (const auto& [name, value] : hard->as_object()) names.emplace_back(name);
            std::sort(names.begin(), names.end());
            for (const std::string& name : names) {
              const json::value* used_map = JsonAt(o, "status.used");
              const json::value* u = used_map != nullptr && used_map->is_object() ? used_map->as_object().if_contains(name) : nullptr;
              std::string used = u != nullptr && u->is_string() ? std::string(u->as_string()) : "0";
              const json::value& h = hard->as_object().at(name);
              std::string entry = name + ": " + used + "/" + (h.is_string() ? std::string(h.as_string()) : "") + ", ";
              (name.starts_with("limits.") ? limit : request) += entry;
            }
          }
          for (std::string* text : {&request, &limit}) {
            if (text->ends_with(", ")) text->resize(text->size() - 2);
          }
          return Cells{Name(o), request, limit, age};
        }};
    p[{"", "PodTemplate"}] = {
        {kName,
         {"Containers", "string", "", "Names of each container in the template."},
         {"Images", "string", "", "Images referenced by each container in the template."},
         {"Pod Labels", "string", "", "The labels for the pod template."}},
        [](const json::value& o, const std::string&, Now) {
          auto [containers, images] = ContainersAndImages(o, "template.spec.containers");
          return Cells{Name(o), containers, images, FormatLabels(JsonAt(o, "template.metadata.labels"))};
        }};
    // apps
    p[{"apps", "ControllerRevision"}] = {
        {kName, {"Controller", "string", "", "Controller of the object"},
         {"Revision", "string", "", "Revision indicates the revision of the state represented by Data."}, kAge},
        [](const json::value& o, const std::string& age, Now) {
          std::string controller = "<none>";
          for (const json::value& ref : Array(o, "metadata.ownerReferences")) {
            const json::value* is_controller = JsonAt(ref, "controller");
            if (is_controller == nullptr || !is_controller->is_bool() || !is_controller->as_bool()) continue;
            std::string api_version = String(ref, "apiVersion");
            std::string group = api_version.find('/') == std::string::npos ? "" : api_version.substr(0, api_version.find('/'));
            std::string kind = String(ref, "kind");
            std::string group_kind = group.empty() ? kind : kind + "." + group;
            std::transform(group_kind.begin(), group_kind.end(), group_kind.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            controller = group_kind.empty() ? String(ref, "name") : group_kind + "/" + String(ref, "name");
            break;
          }
          return Cells{Name(o), controller, Int(o, "revision"), age};
        }};
    // autoscaling
    p[{"autoscaling", "HorizontalPodAutoscaler"}] = {
        {kName,
         {"Reference", "string", "", "scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count."},
         {"Targets", "string", "", "metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond."},
         {"MinPods", "string", "", "minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available."},
         {"MaxPods", "string", "", "maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas."},
         {"Replicas", "string", "", "currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler."},
         kAge},
        [](const json::value& o, const std::string& age, Now) {
          const json::value* min = JsonAt(o, "spec.minReplicas");
          return Cells{Name(o), String(o, "spec.scaleTargetRef.kind") + "/" + String(o, "spec.scaleTargetRef.name"),
                       FormatHpaMetrics(Array(o, "spec.metrics"), Array(o, "status.currentMetrics")),
                       min != nullptr && min->is_int64() ? std::to_string(min->as_int64()) : std::string("<unset>"),
                       Int(o, "spec.maxReplicas"), Int(o, "status.currentReplicas"), age};
        }};
    // discovery
    p[{"discovery.k8s.io", "EndpointSlice"}] = {
        {kName,
         {"AddressType", "string", "", "addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name."},
         {"Ports", "string", "", "ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates \"all ports\". Each slice may include a maximum of 100 ports."},
         {"Endpoints", "string", "", "endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints."},
         kAge},
        [](const json::value& o, const std::string& age, Now) {
          constexpr size_t kMax = 3;
          std::vector<std::string> ports, addresses;
          size_t port_count = 0, address_count = 0;
          bool more_ports = false, more_addresses = false;
          for (const json::value& port : Array(o, "ports")) {
            if (ports.size() < kMax) {
              const json::value* number = JsonAt(port, "port");
              ports.push_back(number != nullptr && number->is_int64() ? std::to_string(number->as_int64())
                              : JsonAt(port, "name") != nullptr          ? String(port, "name")
                                                                     : std::string("*"));
            } else {
              more_ports = true;
            }
            ++port_count;
          }
          for (const json::value& endpoint : Array(o, "endpoints")) {
            for (const json::value& address : Array(endpoint, "addresses")) {
              if (addresses.size() < kMax) {
                addresses.push_back(address.is_string() ? std::string(address.as_string()) : "");
              } else {
                more_addresses = true;
              }
              ++address_count;
            }
          }
          return Cells{Name(o), String(o, "addressType"), ListWithMore(ports, more_ports, port_count, kMax),
                       ListWithMore(addresses, more_addresses, address_count, kMax), age};
        }};
    // policy
    p[{"policy", "PodDisruptionBudget"}] = {
        {kName,
         {"Min Available", "string", "", "The minimum number of pods that must be available."},
         {"Max Unavailable", "string", "", "The maximum number of pods that may be unavailable."},
         {"Allowed Disruptions", "integer", "", "Calculated number of pods that may be disrupted at this time."},
         kAge},
        [](const json::value& o, const std::string& age, Now) {
          return Cells{Name(o), IntOrStringText(JsonAt(o, "spec.minAvailable"), "N/A"),
                       IntOrStringText(JsonAt(o, "spec.maxUnavailable"), "N/A"), Int(o, "status.disruptionsAllowed"), age};
        }};
    // rbac
    p[{"rbac.authorization.k8s.io", "RoleBinding"}] = BindingPrinter(
        "RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.",
        "Users in the roleBinding", "Groups in the roleBinding", "ServiceAccounts in the roleBinding");
    p[{"rbac.authorization.k8s.io", "ClusterRoleBinding"}] = BindingPrinter(
        "RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.",
        "Users in the clusterRoleBinding", "Groups in the clusterRoleBinding",
        "ServiceAccounts in the clusterRoleBinding");
    // scheduling
    p[{"scheduling.k8s.io", "PriorityClass"}] = {
        {kName,
         {"Value", "integer", "", "value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec."},
         {"Global-Default", "boolean", "", "globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority."},
         kAge,
         {"PreemptionPolicy", "string", "", "preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset."}},
        [](const json::value& o, const std::string& age, Now) {
          const json::value* global = JsonAt(o, "globalDefault");
          return Cells{Name(o), Int(o, "value"), global != nullptr && global->is_bool() && global->as_bool(), age,
                       String(o, "preemptionPolicy")};
        }};
    p[{"events.k8s.io", "Event"}] = p[{"", "Event"}];
    return p;
  }();
  return printers;
}

}  // namespace

const Printer& PrinterFor(const api::KindInfo& kind) {
  static const Printer kDefault{
      {{"Name", "string", "name", kNameDescription},
       {"Created At", "date", "", kCreatedDescription}},
      [](const json::value& o, const std::string&, Now) {
        auto created = api::Time::Parse(String(o, "metadata.creationTimestamp"));
        return Cells{Name(o), created.has_value() ? created->ToString() : "0001-01-01T00:00:00Z"};
      }};
  auto it = Printers().find({kind.group, kind.kind});
  return it != Printers().end() ? it->second : kDefault;
}

}  // namespace kref::apiserver
