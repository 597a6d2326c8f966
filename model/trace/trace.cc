#include "model/trace/trace.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <charconv>

#include "model/trace/abstraction.h"
#include "model/watch/watch.h"

namespace kref::model {

std::string_view StepKindName(StepKind kind) {
  switch (kind) {
    case StepKind::kStutter: return "stutter";
    case StepKind::kStarted: return "started";
    case StepKind::kAccepted: return "accepted";
    case StepKind::kGapAccepted: return "accepted after a gap";
    case StepKind::kIllegal: return "illegal";
    case StepKind::kUnchecked: return "unchecked";
  }
  return "unknown";
}

std::string ObservedName(const MachineTable& table, StateKey key, StateKey mask) {
  std::string out;
  for (int region = 0; region < table.regions(); ++region) {
    if (region > 0) out += " | ";
    bool observed = ((mask >> (8 * region)) & 0xff) != 0;
    int state = RegionState(key, region);
    out += !observed ? "*" : state < static_cast<int>(table.states.size()) ? table.states[state] : "?";
  }
  return out;
}

namespace {

Status RecordError(const std::string& what) { return InvalidArgumentError("trace record: " + what); }

Result<std::string> OptionalString(const boost::json::object& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::string();
  if (!it->value().is_string()) return RecordError(std::string("'") + key + "' must be a string");
  return std::string(it->value().get_string());
}

Result<bool> OptionalBool(const boost::json::object& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return false;
  if (!it->value().is_bool()) return RecordError(std::string("'") + key + "' must be a boolean");
  return it->value().get_bool();
}

Result<std::int64_t> OptionalInt(const boost::json::object& o, const char* key) {
  auto it = o.find(key);
  if (it == o.end() || it->value().is_null()) return std::int64_t{0};
  if (!it->value().is_int64()) return RecordError(std::string("'") + key + "' must be an integer");
  return it->value().get_int64();
}

bool IsObjectType(std::string_view type) {
  return type == "ADDED" || type == "MODIFIED" || type == "DELETED" || type == "SYNC";
}

bool KnownType(std::string_view type) {
  return IsObjectType(type) || type == "LIST" || type == "WATCH" || type == "BOOKMARK" ||
         type == "ERROR" || type == "CLOSED";
}

}  // namespace

Result<TraceRecord> ParseTraceRecord(std::string_view line) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(line, ec);
  if (ec) return RecordError("not JSON: " + ec.message());
  if (!value.is_object()) return RecordError("not a JSON object");
  const boost::json::object& o = value.get_object();
  TraceRecord r;
  KREF_ASSIGN_OR_RETURN(r.seq, OptionalInt(o, "seq"));
  KREF_ASSIGN_OR_RETURN(r.type, OptionalString(o, "type"));
  if (!KnownType(r.type)) return RecordError("unknown type '" + r.type + "'");
  KREF_ASSIGN_OR_RETURN(r.stream, OptionalString(o, "stream"));
  KREF_ASSIGN_OR_RETURN(r.kind, OptionalString(o, "kind"));
  KREF_ASSIGN_OR_RETURN(r.namespace_, OptionalString(o, "namespace"));
  KREF_ASSIGN_OR_RETURN(r.name, OptionalString(o, "name"));
  KREF_ASSIGN_OR_RETURN(r.uid, OptionalString(o, "uid"));
  KREF_ASSIGN_OR_RETURN(r.rv, OptionalString(o, "rv"));
  KREF_ASSIGN_OR_RETURN(r.gap, OptionalBool(o, "gap"));
  KREF_ASSIGN_OR_RETURN(r.send_initial_events, OptionalBool(o, "sendInitialEvents"));
  KREF_ASSIGN_OR_RETURN(r.initial_events_end, OptionalBool(o, "initialEventsEnd"));
  KREF_ASSIGN_OR_RETURN(r.code, OptionalInt(o, "code"));
  if (auto it = o.find("object"); it != o.end() && !it->value().is_null()) {
    if (!it->value().is_object()) return RecordError("'object' must be an object");
    r.object = it->value().get_object();
  }
  if (IsObjectType(r.type)) {
    if (r.object.empty()) return RecordError(r.type + " needs an 'object'");
    auto meta = r.object.find("metadata");
    if (meta != r.object.end() && meta->value().is_object()) {
      const boost::json::object& m = meta->value().get_object();
      auto fill = [&](std::string& field, const char* key) {
        auto f = m.find(key);
        if (field.empty() && f != m.end() && f->value().is_string()) field = f->value().get_string();
      };
      fill(r.uid, "uid");
      fill(r.name, "name");
      fill(r.namespace_, "namespace");
      fill(r.rv, "resourceVersion");
    }
    if (r.kind.empty()) {
      auto k = r.object.find("kind");
      if (k != r.object.end() && k->value().is_string()) r.kind = k->value().get_string();
    }
    if (r.uid.empty()) return RecordError(r.type + " object has no metadata.uid");
  }
  if (r.stream.empty()) r.stream = r.kind;
  return r;
}

std::string FormatTraceRecord(const TraceRecord& r) {
  boost::json::object o;
  o["seq"] = r.seq;
  o["stream"] = r.stream;
  o["type"] = r.type;
  if (!r.kind.empty()) o["kind"] = r.kind;
  if (!r.namespace_.empty()) o["namespace"] = r.namespace_;
  if (!r.name.empty()) o["name"] = r.name;
  if (!r.uid.empty()) o["uid"] = r.uid;
  if (!r.rv.empty()) o["rv"] = r.rv;
  if (r.gap) o["gap"] = true;
  if (r.send_initial_events) o["sendInitialEvents"] = true;
  if (r.initial_events_end) o["initialEventsEnd"] = true;
  if (r.code != 0) o["code"] = r.code;
  if (!r.object.empty()) o["object"] = r.object;
  return boost::json::serialize(o);
}

std::string Violation::ToString() const {
  std::string out = "seq " + std::to_string(seq) + ": " + machine + " " + instance + ": " +
                    step.before + " -> " + step.observed + " is " + std::string(StepKindName(step.kind));
  if (!rv_before.empty() || !rv_after.empty()) out += " (rv " + rv_before + " -> " + rv_after + ")";
  out += "; allowed:";
  if (step.allowed.empty()) out += " nothing";
  for (const std::string& a : step.allowed) out += " [" + a + "]";
  return out;
}

namespace {

using SharedObject = std::shared_ptr<const boost::json::object>;

std::string Serialize(const SharedObject& object) {
  return object ? boost::json::serialize(*object) : "{}";
}

template <class M>
struct Tracked {
  explicit Tracked(int max_coalesced) : replay(max_coalesced) {}
  InstanceReplay<M> replay;
  std::string rv;
  SharedObject object;  // the last version seen (shared by a pod and its containers)
};

}  // namespace

struct TraceAcceptor::State {
  int max_coalesced;
  AcceptReport report;
  std::map<std::string, Tracked<PodMachine>> pods;
  std::map<std::string, Tracked<ContainerMachine>> containers;
  std::map<std::string, Tracked<RolloutMachine>> deployments;
  std::map<std::string, Tracked<NodeMachine>> nodes;
  std::map<std::string, WatchMachine> streams;

  // `container` names a pod's container, or is empty for the object itself.
  template <class M>
  void Observe(std::map<std::string, Tracked<M>>& tracked, const std::string& key,
               std::string_view container, const Observation<M>& obs, const TraceRecord& r,
               const SharedObject& object) {
    auto it = tracked.try_emplace(key, max_coalesced).first;
    Tracked<M>& t = it->second;
    StepResult step = t.replay.Observe(obs, r.gap);
    switch (step.kind) {
      case StepKind::kStutter: ++report.stutters; break;
      case StepKind::kStarted: ++report.started; break;
      case StepKind::kAccepted: ++report.accepted; break;
      case StepKind::kGapAccepted: ++report.gaps; break;
      case StepKind::kUnchecked: ++report.unchecked; break;
      case StepKind::kIllegal: {
        std::string instance = r.kind + " " + (r.namespace_.empty() ? "" : r.namespace_ + "/") +
                               r.name + " (" + r.uid + ")";
        if (!container.empty()) instance += " container " + std::string(container);
        report.violations.push_back({r.seq, M::Table().machine, std::move(instance), t.rv, r.rv,
                                     std::move(step), Serialize(t.object), Serialize(object)});
        break;
      }
    }
    t.rv = r.rv;
    t.object = object;
  }

  Status Watch(const TraceRecord& r) {
    if (r.type == "SYNC") return Status::Ok();
    WatchMachine::Facts facts;
    std::int64_t rv = 0;
    if (!r.rv.empty()) {
      auto [end, ec] = std::from_chars(r.rv.data(), r.rv.data() + r.rv.size(), rv);
      if (ec != std::errc() || end != r.rv.data() + r.rv.size()) {
        return RecordError("seq " + std::to_string(r.seq) + ": rv '" + r.rv + "' is not an integer");
      }
    }
    facts.rv = rv;
    facts.type = r.type == "ADDED"     ? WatchMachine::Type::kAdded
                 : r.type == "DELETED" ? WatchMachine::Type::kDeleted
                                       : WatchMachine::Type::kModified;
    facts.send_initial_events = r.send_initial_events;
    facts.initial_events_end = r.initial_events_end;
    int event = r.type == "LIST"       ? WatchMachine::kListed
                : r.type == "WATCH"    ? WatchMachine::kWatchOpened
                : r.type == "BOOKMARK" ? WatchMachine::kBookmark
                : r.type == "ERROR"    ? (r.code == 410 ? WatchMachine::kGone : WatchMachine::kStreamClosed)
                : r.type == "CLOSED"   ? WatchMachine::kStreamClosed
                                       : WatchMachine::kObjectEvent;
    WatchMachine& w = streams[r.stream];
    StateKey before_key = w.Key();
    std::int64_t last = w.last_rv();
    Verdict verdict = w.Fire(event, facts);
    if (verdict == Verdict::kAccepted) return Status::Ok();
    std::string before = KeyName(WatchMachine::Table(), before_key);
    Violation v;
    v.seq = r.seq;
    v.machine = "watch";
    v.instance = "stream " + r.stream;
    v.rv_before = std::to_string(last);
    v.rv_after = r.rv;
    v.step.kind = StepKind::kIllegal;
    v.step.before = before;
    v.step.observed = WatchMachine::Table().events[event] + " (" + r.type + ", " +
                      std::string(VerdictName(verdict)) + ")";
    for (const Edge* edge : WatchMachine::Table().EdgesFrom(before)) {
      v.step.allowed.push_back(edge->event + (edge->guard.empty() ? "" : " [" + edge->guard + "]"));
    }
    report.violations.push_back(std::move(v));
    return Status::Ok();
  }
};

TraceAcceptor::TraceAcceptor(int max_coalesced) : state_(std::make_unique<State>()) {
  state_->max_coalesced = max_coalesced;
}
TraceAcceptor::~TraceAcceptor() = default;
TraceAcceptor::TraceAcceptor(TraceAcceptor&&) noexcept = default;
TraceAcceptor& TraceAcceptor::operator=(TraceAcceptor&&) noexcept = default;

const AcceptReport& TraceAcceptor::report() const { return state_->report; }

Status TraceAcceptor::Accept(TraceRecord r) {
  if (!KnownType(r.type)) return RecordError("unknown type '" + r.type + "'");
  if (IsObjectType(r.type) && r.uid.empty()) return RecordError(r.type + " record without a uid");
  KREF_RETURN_IF_ERROR(state_->Watch(r));
  ++state_->report.records;
  if (!IsObjectType(r.type)) return Status::Ok();
  bool removed = r.type == "DELETED";
  auto object = std::make_shared<const boost::json::object>(std::move(r.object));
  if (r.kind == "Pod") {
    state_->Observe(state_->pods, r.uid, "", AbstractPod(*object, removed), r, object);
    if (!removed) {
      for (auto& [name, obs] : AbstractContainers(*object)) {
        state_->Observe(state_->containers, r.uid + "/" + name, name, obs, r, object);
      }
    }
  } else if (r.kind == "Deployment") {
    if (removed) {
      state_->deployments.erase(r.uid);
      ++state_->report.accepted;
    } else {
      state_->Observe(state_->deployments, r.uid, "", AbstractDeployment(*object), r, object);
    }
  } else if (r.kind == "Node") {
    if (removed) {
      state_->nodes.erase(r.uid);
      ++state_->report.accepted;
    } else {
      state_->Observe(state_->nodes, r.uid, "", AbstractNode(*object), r, object);
    }
  } else {
    ++state_->report.unmodelled;
  }
  return Status::Ok();
}

Result<AcceptReport> AcceptNdjson(std::istream& in, int max_coalesced) {
  TraceAcceptor acceptor(max_coalesced);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    Result<TraceRecord> record = ParseTraceRecord(line);
    if (!record) return record.error().Annotate("line " + std::to_string(number));
    Status status = acceptor.Accept(std::move(*record));
    if (!status.ok()) return status.Annotate("line " + std::to_string(number));
  }
  return acceptor.report();
}

}  // namespace kref::model
