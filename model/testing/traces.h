// Traces generated from the models, for the acceptor's self-tests and its benchmark: each
// model state concretized as the API object that shows it (the inverse of the abstraction
// functions in model/trace/abstraction.h), along random walks.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "model/common/machine.h"
#include "model/trace/trace.h"

namespace kref::model::testing {

// A state as an object with that uid (name, namespace and kind derived from it).
using Concretization = boost::json::object (*)(StateKey key, const std::string& uid);
boost::json::object PodObject(StateKey key, const std::string& uid);         // node "n1", no gates
boost::json::object DeploymentObject(StateKey key, const std::string& uid);  // with a deadline
boost::json::object NodeObject(StateKey key, const std::string& uid);

struct GeneratedTrace {
  std::vector<TraceRecord> records;         // LIST, WATCH, then the object's records
  std::vector<StateKey> keys;               // the state each object record shows
  std::vector<std::size_t> object_records;  // their indices in records
};

// A random walk of up to `steps` events on a fresh M (pick(n) chooses in [0, n)), each
// accepted event recorded as the object it leaves: ADDED first, DELETED when the machine
// reports a Removed state, MODIFIED otherwise. resourceVersions start at 2 and grow by one.
template <class M>
GeneratedTrace GenerateTrace(const std::string& kind, const std::string& uid,
                             const typename M::Facts& facts, int steps, Concretization gamma,
                             const std::function<int(int)>& pick) {
  GeneratedTrace trace;
  auto add = [&](TraceRecord r) {
    r.seq = static_cast<std::int64_t>(trace.records.size()) + 1;
    r.stream = kind;
    r.kind = kind;
    trace.records.push_back(std::move(r));
  };
  TraceRecord list;
  list.type = "LIST";
  list.rv = "1";
  add(list);
  TraceRecord watch = list;
  watch.type = "WATCH";
  add(watch);
  M machine;
  std::int64_t rv = 1;
  bool removed = false;
  for (int i = 0; i <= steps && !removed; ++i) {
    if (i > 0 && machine.Fire(pick(M::kEventCount), facts) != Verdict::kAccepted) continue;
    StateKey key = machine.Key();
    removed = machine.StateName().find("Removed") != std::string::npos;
    TraceRecord r;
    r.type = i == 0 ? "ADDED" : removed ? "DELETED" : "MODIFIED";
    r.uid = uid;
    r.rv = std::to_string(++rv);
    r.object = gamma(key, uid);
    trace.object_records.push_back(trace.records.size());
    trace.keys.push_back(key);
    add(std::move(r));
  }
  return trace;
}

}  // namespace kref::model::testing
