// The trace acceptor: replays what a client saw through watches (stored as NDJSON, one
// record per line) through the models, and reports every transition the models do not allow.
//
// A record is one thing a client saw:
//   {"seq": 7, "stream": "pods", "type": "MODIFIED", "kind": "Pod", "namespace": "default",
//    "name": "web-0", "uid": "...", "rv": "1234", "gap": false, "object": {...}}
// type is one of
//   LIST      a list answered at rv (gap: true for a relist after 410)
//   SYNC      one object of that list (gap as its LIST)
//   WATCH     a watch opened at rv (with "sendInitialEvents": true for a streaming list)
//   ADDED, MODIFIED, DELETED, BOOKMARK   watch events ("initialEventsEnd": true on the bookmark
//             that ends initial events)
//   ERROR     an ERROR watch event or error answer, with "code" (410 for Gone)
//   CLOSED    the stream ended
// Each stream is replayed through the watch model; each object, by uid, through its kind's
// model: Pods (and each of their containers) through pod and container, Deployments through
// rollout, Nodes through node. Other kinds are counted and not checked. The replication and
// scheduling models have states no single object shows (expectations, queues); they are
// checked through their reference decisions instead.
//
// Thread safety: a TraceAcceptor is a value for one thread.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <istream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "impl/common/result.h"
#include "model/trace/replay.h"

namespace kref::model {

// How many events one observed change may stand for. A kubelet status update can move a pod
// from scheduled to running and ready at once (sandbox, initialized, started, containers
// ready: four events); 6 leaves room and still catches every change no short path explains.
inline constexpr int kDefaultMaxCoalesced = 6;

struct TraceRecord {
  std::int64_t seq = 0;
  std::string stream;
  std::string type;
  std::string kind;
  std::string namespace_;
  std::string name;
  std::string uid;
  std::string rv;
  bool gap = false;
  bool send_initial_events = false;
  bool initial_events_end = false;
  std::int64_t code = 0;
  boost::json::object object;
};

// One line of NDJSON; InvalidArgument says which field is wrong. The object's uid, name,
// namespace and resourceVersion default to its metadata's.
Result<TraceRecord> ParseTraceRecord(std::string_view line);
std::string FormatTraceRecord(const TraceRecord& record);

struct Violation {
  std::int64_t seq = 0;
  std::string machine;   // pod, container, rollout, node, watch
  std::string instance;  // kind namespace/name uid [container]; or the stream
  std::string rv_before;
  std::string rv_after;
  StepResult step;
  std::string object_before;  // JSON
  std::string object_after;   // JSON
  std::string ToString() const;
};

struct AcceptReport {
  std::int64_t records = 0;
  std::int64_t stutters = 0;   // no change the model sees
  std::int64_t accepted = 0;   // one or more events (up to max_coalesced)
  std::int64_t started = 0;    // first sight of an instance
  std::int64_t gaps = 0;       // reachable after a relist
  std::int64_t unmodelled = 0; // records of kinds no model covers
  std::int64_t unchecked = 0;  // observations after an unreachable state (see replay.h)
  std::vector<Violation> violations;
};

class TraceAcceptor {
 public:
  explicit TraceAcceptor(int max_coalesced = kDefaultMaxCoalesced);
  ~TraceAcceptor();
  TraceAcceptor(TraceAcceptor&&) noexcept;
  TraceAcceptor& operator=(TraceAcceptor&&) noexcept;

  // Replays one record (taken by value: the acceptor keeps its object to report the next
  // violation with). InvalidArgument for a record the models cannot read (an unknown type, a
  // watch event without an rv that is an integer); the report is unchanged then.
  Status Accept(TraceRecord record);
  const AcceptReport& report() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Replays a whole NDJSON trace. InvalidArgument names the first bad line ("line 3: ...").
Result<AcceptReport> AcceptNdjson(std::istream& in, int max_coalesced = kDefaultMaxCoalesced);

}  // namespace kref::model
