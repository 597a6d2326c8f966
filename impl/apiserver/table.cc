#include "impl/apiserver/table.h"

#include <boost/json.hpp>
#include <functional>
#include <map>

#include "impl/api/json.h"
#include "impl/api/labels.h"
#include "impl/api/time.h"

namespace kref::apiserver {

namespace json = boost::json;

namespace {

struct Column {
  std::string_view name, type, format, description;
  int priority = 0;
};

using Cells = json::array;
using Now = std::chrono::system_clock::time_point;
using RowFunction = std::function<Cells(const json::value& object, const std::string& age, Now now)>;

struct Printer {
  std::vector<Column> columns;
  RowFunction row;
};

// The value at a dotted path ("status.phase"), or null.
const json::value* At(const json::value& object, std::string_view path) {
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

std::string String(const json::value& object, std::string_view path, std::string_view absent = "") {
  const json::value* v = At(object, path);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string(absent);
}

int64_t Int(const json::value& object, std::string_view path) {
  const json::value* v = At(object, path);
  return v != nullptr && v->is_int64() ? v->as_int64() : 0;
}

size_t Size(const json::value& object, std::string_view path) {
  const json::value* v = At(object, path);
  if (v == nullptr) return 0;
  if (const json::object* o = v->if_object()) return o->size();
  if (const json::array* a = v->if_array()) return a->size();
  return 0;
}

const json::array& Array(const json::value& object, std::string_view path) {
  static const json::array kEmpty;
  const json::value* v = At(object, path);
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
  if (At(pod, "metadata.deletionTimestamp") != nullptr) reason = "Terminating";
  return reason;
}

std::map<std::string_view, Printer>& Printers() {
  static std::map<std::string_view, Printer> printers = [] {
    std::map<std::string_view, Printer> p;
    constexpr Column kName{"Name", "string", "name", "Name must be unique within a namespace."};
    constexpr Column kAge{"Age", "string", "", "CreationTimestamp is a timestamp representing the server time when this object was created."};
    // The wide columns of the workload kinds.
    constexpr Column kContainers{"Containers", "string", "", "Names of each container in the template.", 1};
    constexpr Column kImages{"Images", "string", "", "Images referenced by each container in the template.", 1};
    constexpr Column kSelector{"Selector", "string", "", "Label selector for pods.", 1};
    p["Namespace"] = {{kName, {"Status", "string", "", "The status of the namespace"}, kAge},
                      [](const json::value& o, const std::string& age, Now now) {
                        return Cells{Name(o), String(o, "status.phase"), age};
                      }};
    p["ConfigMap"] = {{kName, {"Data", "integer", "", "Number of data entries"}, kAge},
                      [](const json::value& o, const std::string& age, Now now) {
                        return Cells{Name(o), Size(o, "data") + Size(o, "binaryData"), age};
                      }};
    p["Secret"] = {{kName, {"Type", "string", "", "The type of the secret"},
                    {"Data", "string", "", "Number of data entries"}, kAge},
                   [](const json::value& o, const std::string& age, Now now) {
                     return Cells{Name(o), String(o, "type"), Size(o, "data"), age};
                   }};
    p["ServiceAccount"] = {{kName, {"Secrets", "string", "", "Secrets is a list of the secrets"}, kAge},
                           [](const json::value& o, const std::string& age, Now now) {
                             return Cells{Name(o), Size(o, "secrets"), age};
                           }};
    p["Pod"] = {{kName,
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
                    const json::value* r = At(s, "ready");
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
    p["Deployment"] = {{kName,
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
                                      age, containers, images, FormatSelector(At(o, "spec.selector"))};
                       }};
    p["ReplicaSet"] = {{kName,
                        {"Desired", "integer", "", "Replicas is the number of desired replicas."},
                        {"Current", "integer", "", "Replicas is the most recently observed number of replicas."},
                        {"Ready", "integer", "", "The number of ready replicas for this replica set."},
                        kAge, kContainers, kImages, kSelector},
                       [](const json::value& o, const std::string& age, Now now) {
                         auto [containers, images] = ContainersAndImages(o, "spec.template.spec.containers");
                         return Cells{Name(o), Int(o, "spec.replicas"), Int(o, "status.replicas"),
                                      Int(o, "status.readyReplicas"), age, containers, images,
                                      FormatSelector(At(o, "spec.selector"))};
                       }};
    p["StatefulSet"] = {{kName,
                         {"Ready", "string", "", "Number of the pod with ready state"},
                         kAge, kContainers, kImages},
                        [](const json::value& o, const std::string& age, Now now) {
                          auto [containers, images] = ContainersAndImages(o, "spec.template.spec.containers");
                          return Cells{Name(o),
                                       std::to_string(Int(o, "status.readyReplicas")) + "/" +
                                           std::to_string(Int(o, "spec.replicas")),
                                       age, containers, images};
                        }};
    p["Service"] = {{kName,
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
                                   FormatLabels(At(o, "spec.selector"))};
                    }};
    p["Node"] = {{kName,
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
                   const json::value* unschedulable = At(o, "spec.unschedulable");
                   if (unschedulable != nullptr && unschedulable->is_bool() && unschedulable->as_bool()) {
                     status += ",SchedulingDisabled";
                   }
                   std::vector<std::string> roles;
                   if (const json::value* labels = At(o, "metadata.labels"); labels && labels->is_object()) {
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
    p["DaemonSet"] = {{kName,
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
                                     FormatLabels(At(o, "spec.template.spec.nodeSelector")), age, containers,
                                     images, FormatSelector(At(o, "spec.selector"))};
                      }};
    p["ReplicationController"] = {{kName,
                                   {"Desired", "integer", "", "Replicas is the number of desired replicas."},
                                   {"Current", "integer", "", "Replicas is the most recently observed number of replicas."},
                                   {"Ready", "integer", "", "The number of ready replicas for this replication controller."},
                                   kAge, kContainers, kImages, kSelector},
                                  [](const json::value& o, const std::string& age, Now now) {
                                    auto [containers, images] = ContainersAndImages(o, "spec.template.spec.containers");
                                    return Cells{Name(o), Int(o, "spec.replicas"), Int(o, "status.replicas"),
                                                 Int(o, "status.readyReplicas"), age, containers, images,
                                                 FormatLabels(At(o, "spec.selector"))};
                                  }};
    p["CronJob"] = {{kName,
                     {"Schedule", "string", "", "The schedule in Cron format."},
                     {"Timezone", "string", "", "The time zone name for the given schedule."},
                     {"Suspend", "boolean", "", "This flag tells the controller to suspend subsequent executions."},
                     {"Active", "integer", "", "A list of pointers to currently running jobs."},
                     {"Last Schedule", "string", "", "Information when was the last time the job was successfully scheduled."},
                     kAge, kContainers, kImages, kSelector},
                    [](const json::value& o, const std::string& age, Now now) {
                      auto [containers, images] = ContainersAndImages(o, "spec.jobTemplate.spec.template.spec.containers");
                      const json::value* suspend = At(o, "spec.suspend");
                      return Cells{Name(o), String(o, "spec.schedule"), String(o, "spec.timeZone", "<none>"),
                                   suspend != nullptr && suspend->is_bool() && suspend->as_bool(),
                                   Array(o, "status.active").size(),
                                   At(o, "status.lastScheduleTime") ? Since(o, "status.lastScheduleTime", now) : std::string("<none>"),
                                   age, containers, images, FormatSelector(At(o, "spec.jobTemplate.spec.selector"))};
                    }};
    p["Event"] = {{{"Last Seen", "string", "", "Time since the most recent occurrence of this event."},
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
                    std::string last = At(o, "series.lastObservedTime") ? Since(o, "series.lastObservedTime", now)
                                       : At(o, "lastTimestamp")        ? Since(o, "lastTimestamp", now)
                                                                       : Since(o, "eventTime", now);
                    std::string first = At(o, "firstTimestamp") ? Since(o, "firstTimestamp", now) : Since(o, "eventTime", now);
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
    p["Lease"] = {{kName, {"Holder", "string", "", "The holder of the lease"}, kAge},
                  [](const json::value& o, const std::string& age, Now now) {
                    return Cells{Name(o), String(o, "spec.holderIdentity"), age};
                  }};
    return p;
  }();
  return printers;
}

const Printer& PrinterFor(const api::KindInfo& kind) {
  static const Printer kDefault{
      {{"Name", "string", "name", "Name must be unique within a namespace."},
       {"Age", "string", "", "CreationTimestamp is a timestamp representing the server time when this object was created."}},
      [](const json::value& o, const std::string& age, Now now) { return Cells{Name(o), age}; }};
  // Kinds of the same name in other groups (events.k8s.io Event) get the default.
  static const std::vector<std::pair<std::string_view, std::string_view>> kGroups = {
      {"Namespace", ""}, {"ConfigMap", ""},      {"Secret", ""},      {"ServiceAccount", ""},
      {"Pod", ""},       {"Deployment", "apps"}, {"ReplicaSet", "apps"}, {"StatefulSet", "apps"},
      {"Service", ""},   {"Node", ""},           {"Lease", "coordination.k8s.io"},
      {"DaemonSet", "apps"}, {"ReplicationController", ""}, {"CronJob", "batch"}, {"Event", ""}};
  for (const auto& [name, group] : kGroups) {
    if (kind.kind == name && kind.group == group) return Printers().at(name);
  }
  return kDefault;
}

}  // namespace

std::string LabelMapText(const json::value* map) {
  api::labels::Set labels;
  if (map != nullptr && map->is_object()) {
    for (const auto& [k, v] : map->as_object()) labels[k] = v.is_string() ? std::string(v.as_string()) : "";
  }
  std::string text;
  for (const auto& [k, v] : labels) text += (text.empty() ? "" : ",") + k + "=" + v;
  return text;
}

std::string LabelSelectorText(const json::value* selector) {
  if (selector == nullptr) return "";
  auto decoded = api::FromJsonValue<api::meta::LabelSelector>(*selector);
  if (!decoded.has_value()) return "";
  auto parsed = api::labels::Selector::FromLabelSelector(*decoded);
  return parsed.has_value() ? parsed->ToString() : "";
}

std::optional<std::string> TableVersionAccepted(std::string_view accept) {
  // Media ranges separated by ',', parameters by ';', in any order.
  while (!accept.empty()) {
    size_t comma = accept.find(',');
    std::string_view range = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    bool table = false, meta = false;
    std::string version;
    while (!range.empty()) {
      size_t semi = range.find(';');
      std::string_view param = range.substr(0, semi);
      range = semi == std::string_view::npos ? std::string_view() : range.substr(semi + 1);
      while (!param.empty() && param.front() == ' ') param.remove_prefix(1);
      while (!param.empty() && param.back() == ' ') param.remove_suffix(1);
      if (param == "as=Table") table = true;
      if (param == "g=meta.k8s.io") meta = true;
      if (param == "v=v1" || param == "v=v1beta1") version = std::string(param.substr(2));
    }
    if (table && meta && !version.empty()) return "meta.k8s.io/" + version;
  }
  return std::nullopt;
}

std::string TableJson(const api::KindInfo& kind, const std::vector<json::value>& objects,
                      std::string_view resource_version, std::string_view continue_token,
                      const TableOptions& options) {
  const Printer& printer = PrinterFor(kind);
  json::object metadata;
  if (!resource_version.empty()) metadata["resourceVersion"] = resource_version;
  if (!continue_token.empty()) metadata["continue"] = continue_token;
  json::array columns;
  if (options.column_definitions) {
    for (const Column& c : printer.columns) {
      columns.push_back(json::object{{"name", c.name}, {"type", c.type}, {"format", c.format},
                                     {"description", c.description}, {"priority", c.priority}});
    }
  }
  json::array rows;
  for (const json::value& object : objects) {
    std::string age = "<unknown>";
    auto created = api::Time::Parse(String(object, "metadata.creationTimestamp"));
    if (created.has_value() && !created->IsZero()) {
      age = HumanDuration(std::chrono::duration_cast<std::chrono::seconds>(options.now - created->ToTimePoint()));
    }
    json::object row{{"cells", printer.row(object, age, options.now)}};
    if (options.include_object == "Object") {
      row["object"] = object;
    } else if (options.include_object != "None") {
      json::object partial{{"kind", "PartialObjectMetadata"}, {"apiVersion", "meta.k8s.io/v1"}};
      if (const json::value* meta = At(object, "metadata")) partial["metadata"] = *meta;
      row["object"] = std::move(partial);
    }
    rows.push_back(std::move(row));
  }
  return json::serialize(json::object{{"kind", "Table"},
                                      {"apiVersion", options.api_version},
                                      {"metadata", std::move(metadata)},
                                      {"columnDefinitions", std::move(columns)},
                                      {"rows", std::move(rows)}});
}

std::string HumanDuration(std::chrono::seconds d) {
  int64_t seconds = d.count();
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return std::to_string(seconds) + "s";
  int64_t minutes = seconds / 60;
  if (minutes < 10) {
    int64_t s = seconds % 60;
    return s == 0 ? std::to_string(minutes) + "m" : std::to_string(minutes) + "m" + std::to_string(s) + "s";
  }
  if (minutes < 60 * 3) return std::to_string(minutes) + "m";
  int64_t hours = minutes / 60;
  if (hours < 8) {
    int64_t m = minutes % 60;
    return m == 0 ? std::to_string(hours) + "h" : std::to_string(hours) + "h" + std::to_string(m) + "m";
  }
  if (hours < 48) return std::to_string(hours) + "h";
  if (hours < 24 * 8) {
    int64_t h = hours % 24;
    return h == 0 ? std::to_string(hours / 24) + "d"
                  : std::to_string(hours / 24) + "d" + std::to_string(h) + "h";
  }
  if (hours < 24 * 365 * 2) return std::to_string(hours / 24) + "d";
  if (hours < 24 * 365 * 8) {
    int64_t days = (hours / 24) % 365;
    return days == 0 ? std::to_string(hours / 24 / 365) + "y"
                     : std::to_string(hours / 24 / 365) + "y" + std::to_string(days) + "d";
  }
  return std::to_string(hours / 24 / 365) + "y";
}

}  // namespace kref::apiserver
