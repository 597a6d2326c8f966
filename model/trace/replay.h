// Replaying what was observed of one instance (one pod, one container, one Deployment...)
// through its model: the heart of the trace acceptor, generic over a facade M.
//
// Each observation is an abstract state (a StateKey, with a mask of the regions it says
// anything about) and the facts the guards read. Replay explains the step from the model's
// current state to the observed one by a path of events:
//   - the same abstract state is a stutter (the object changed in ways the model ignores);
//   - otherwise a path of at most `max_coalesced` events (a write may coalesce several: a
//     kubelet status update can start a container and make it ready at once) is accepted;
//   - after a gap (a relist) or at an instance's first observation, any path is accepted: the
//     state must only be reachable;
//   - anything else is illegal, reported with the allowed successors; the replay then jumps to
//     the observed state if it is reachable at all, so later steps are still checked. When it is
//     not, the instance's state is unknown: later observations are not checked (kUnchecked)
//     until one is reachable from the initial state again.
// Searches are breadth-first over abstract states, firing events on copies of the machine, so
// guards and the machine's data take part. A state reachable only through data the observation
// does not show may be missed: such misses are reported, never hidden.
//
// Thread safety: an InstanceReplay is a value for one thread.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "model/common/machine.h"

namespace kref::model {

template <class M>
struct Observation {
  StateKey key = 0;
  StateKey mask = ~StateKey{0};  // the region bits this observation constrains
  typename M::Facts facts{};
};

enum class StepKind {
  kStutter,      // same abstract state
  kStarted,      // first observation: reachable from the initial state
  kAccepted,     // explained by a path of at most max_coalesced events
  kGapAccepted,  // after a gap: reachable
  kIllegal,      // no short path (or, after a gap or at the start, no path at all)
  kUnchecked,    // after an unreachable state, until a reachable one is seen
};
std::string_view StepKindName(StepKind kind);

struct StepResult {
  StepKind kind = StepKind::kStutter;
  std::vector<std::string> path;     // the events that explain the step
  std::string before;                // the model's state before the step
  std::string observed;              // the observed state ("*" for regions not observed)
  std::vector<std::string> allowed;  // kIllegal: the states one event away
  bool resynced = false;             // kIllegal: the replay jumped to the observed state
};

// The observed state as text, "*" for masked regions.
std::string ObservedName(const MachineTable& table, StateKey key, StateKey mask);

template <class M>
class InstanceReplay {
 public:
  explicit InstanceReplay(int max_coalesced = 3) : max_coalesced_(max_coalesced) {}

  StepResult Observe(const Observation<M>& obs, bool gap) {
    const MachineTable& table = M::Table();
    StepResult result;
    if (started_ && Matches(machine_.Key(), obs)) return result;  // kStutter
    if (lost_) {
      if (auto found = Search(obs, kUnboundedDepth)) {
        Adopt(*found, result);
        started_ = true;
        lost_ = false;
        result.kind = StepKind::kGapAccepted;
      } else {
        result.kind = StepKind::kUnchecked;
      }
      return result;
    }
    bool unbounded = gap || !started_;
    if (!unbounded) {
      if (OneEvent(obs, result)) {
        result.kind = StepKind::kAccepted;
        return result;
      }
      result.before = KeyName(table, machine_.Key());
      result.observed = ObservedName(table, obs.key, obs.mask);
      if (auto found = Search(obs, max_coalesced_)) {
        Adopt(*found, result);
        result.kind = StepKind::kAccepted;
        return result;
      }
      result.kind = StepKind::kIllegal;
      result.allowed = Successors(obs.facts);
    }
    if (auto found = Search(obs, kUnboundedDepth)) {
      Adopt(*found, result);
      if (result.kind == StepKind::kIllegal) {
        result.resynced = true;
      } else {
        result.kind = started_ ? StepKind::kGapAccepted : StepKind::kStarted;
      }
      started_ = true;
      return result;
    }
    if (result.kind != StepKind::kIllegal) {
      result.kind = StepKind::kIllegal;
      result.before = started_ ? KeyName(table, machine_.Key()) : "(none)";
      result.observed = ObservedName(table, obs.key, obs.mask);
      result.allowed = Successors(obs.facts);
    }
    // Unreachable even with any number of events: the state is unknown from here on.
    machine_ = M();
    started_ = false;
    lost_ = true;
    return result;
  }

  const M& machine() const { return machine_; }
  bool started() const { return started_; }

 private:
  static constexpr int kUnboundedDepth = 64;

  struct Found {
    M machine;
    std::vector<int> path;
  };

  static bool Matches(StateKey key, const Observation<M>& obs) {
    return (key & obs.mask) == (obs.key & obs.mask);
  }

  // For each pair of states, the events with a row between them (bit e for event e).
  static const std::vector<std::uint64_t>& RowIndex() {
    static const std::vector<std::uint64_t> index = [] {
      const MachineTable& t = M::Table();
      std::size_t n = t.states.size();
      std::vector<std::uint64_t> out(n * n, 0);
      for (const Edge& e : t.edges) {
        out[t.StateIndex(e.from) * n + t.StateIndex(e.to)] |= std::uint64_t{1} << t.EventIndex(e.event);
      }
      return out;
    }();
    return index;
  }

  // The common case, without a search: one event whose rows lead every changed region to its
  // observed state.
  bool OneEvent(const Observation<M>& obs, StepResult& result) {
    static_assert(M::kEventCount <= 64, "events are a bitmask");
    const std::vector<std::uint64_t>& index = RowIndex();
    std::size_t n = M::Table().states.size();
    StateKey current = machine_.Key();
    std::uint64_t candidates = ~std::uint64_t{0};
    for (int region = 0; region < M::Table().regions(); ++region) {
      if (((obs.mask >> (8 * region)) & 0xff) == 0) continue;
      int from = RegionState(current, region), to = RegionState(obs.key, region);
      if (from != to) candidates &= index[from * n + to];
    }
    for (int event = 0; candidates != 0; ++event, candidates >>= 1) {
      if ((candidates & 1) == 0) continue;
      M to = machine_;
      if (to.Fire(event, obs.facts) != Verdict::kAccepted || !Matches(to.Key(), obs)) continue;
      machine_ = std::move(to);
      result.path.push_back(M::Table().events[event]);
      return true;
    }
    return false;
  }

  std::optional<Found> Search(const Observation<M>& obs, int max_depth) const {
    std::vector<Found> frontier;
    frontier.push_back({started_ ? machine_ : M(), {}});
    if (Matches(frontier[0].machine.Key(), obs)) return frontier[0];
    std::set<StateKey> seen{frontier[0].machine.Key()};
    for (int depth = 0; depth < max_depth && !frontier.empty(); ++depth) {
      std::vector<Found> next;
      for (const Found& from : frontier) {
        for (int event = 0; event < M::kEventCount; ++event) {
          M to = from.machine;
          if (to.Fire(event, obs.facts) != Verdict::kAccepted) continue;
          if (!seen.insert(to.Key()).second) continue;
          std::vector<int> path = from.path;
          path.push_back(event);
          if (Matches(to.Key(), obs)) return Found{std::move(to), std::move(path)};
          next.push_back({std::move(to), std::move(path)});
        }
      }
      frontier = std::move(next);
    }
    return std::nullopt;
  }

  void Adopt(Found& found, StepResult& result) {
    for (int event : found.path) result.path.push_back(M::Table().events[event]);
    machine_ = std::move(found.machine);
  }

  std::vector<std::string> Successors(const typename M::Facts& facts) const {
    std::vector<std::string> out;
    for (int event = 0; event < M::kEventCount; ++event) {
      M to = machine_;
      if (to.Fire(event, facts) != Verdict::kAccepted) continue;
      std::string name = M::Table().events[event] + " -> " + KeyName(M::Table(), to.Key());
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
    }
    return out;
  }

  M machine_;
  bool started_ = false;
  bool lost_ = false;
  int max_coalesced_;
};

}  // namespace kref::model
