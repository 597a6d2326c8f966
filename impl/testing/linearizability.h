// A linearizability checker for histories of concurrent operations (Wing & Gong's search, with
// Lowe's memoization of visited (linearized set, state) pairs, as in Porcupine).
//
// A history is a list of operations, each with the time it was invoked and the time its answer
// arrived. It is linearizable when each operation can be given one instant between those two
// times such that, taken in that order, every answer is the one a sequential `Model` gives.
//
// Model requirements:
//   using State = ...;   (copyable, equality-comparable, hashable by Model::Hash)
//   using Op = ...;      (an operation with its input and observed output)
//   static State Init();
//   static std::optional<State> Step(const State&, const Op&);  // nullopt: not this answer
//   static size_t Hash(const State&);
//
// Thread safety: Check is a pure function.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_set>
#include <vector>

namespace kref::testing {

template <class Op>
struct TimedOp {
  Op op;
  int64_t invoked_ns;
  int64_t returned_ns;  // REQUIRES: >= invoked_ns
};

template <class Model>
bool IsLinearizable(const std::vector<TimedOp<typename Model::Op>>& history) {
  using State = typename Model::State;
  const size_t n = history.size();
  if (n == 0) return true;

  // Events in time order: call(i) and return(i), calls before returns at equal times (so
  // operations that touch at an instant count as concurrent). A doubly linked list over them
  // lets the search lift an operation out (both of its events) and put it back.
  struct Event {
    size_t op;
    bool is_call;
    int64_t time;
    size_t match;  // index of the other event of the same op
    size_t prev, next;
  };
  std::vector<Event> events;
  events.reserve(2 * n + 1);
  events.push_back({0, false, 0, 0, 0, 0});  // head sentinel at index 0
  for (size_t i = 0; i < n; ++i) {
    events.push_back({i, true, history[i].invoked_ns, 0, 0, 0});
    events.push_back({i, false, history[i].returned_ns, 0, 0, 0});
  }
  std::vector<size_t> order(2 * n);
  for (size_t i = 0; i < order.size(); ++i) order[i] = i + 1;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    if (events[a].time != events[b].time) return events[a].time < events[b].time;
    return events[a].is_call && !events[b].is_call;
  });
  constexpr size_t kEnd = SIZE_MAX;
  size_t last = 0;
  for (size_t idx : order) {
    events[last].next = idx;
    events[idx].prev = last;
    last = idx;
  }
  events[last].next = kEnd;
  for (size_t i = 0; i < n; ++i) {
    events[2 * i + 1].match = 2 * i + 2;
    events[2 * i + 2].match = 2 * i + 1;
  }
  auto lift = [&](size_t call) {
    size_t ret = events[call].match;
    events[events[call].prev].next = events[call].next;
    if (events[call].next != kEnd) events[events[call].next].prev = events[call].prev;
    events[events[ret].prev].next = events[ret].next;
    if (events[ret].next != kEnd) events[events[ret].next].prev = events[ret].prev;
  };
  auto unlift = [&](size_t call) {
    size_t ret = events[call].match;
    events[events[ret].prev].next = ret;
    if (events[ret].next != kEnd) events[events[ret].next].prev = ret;
    events[events[call].prev].next = call;
    if (events[call].next != kEnd) events[events[call].next].prev = call;
  };

  // Visited (linearized ops, state) pairs: reaching one again cannot lead anywhere new.
  using Bits = std::vector<uint64_t>;
  struct Visit {
    Bits bits;
    State state;
    bool operator==(const Visit& o) const { return bits == o.bits && state == o.state; }
  };
  struct VisitHash {
    size_t operator()(const Visit& v) const {
      size_t h = Model::Hash(v.state);
      for (uint64_t w : v.bits) h = h * 1099511628211ULL ^ w;
      return h;
    }
  };
  std::unordered_set<Visit, VisitHash> visited;
  Bits linearized((n + 63) / 64, 0);
  State state = Model::Init();
  struct Frame {
    size_t call;
    State state_before;
  };
  std::vector<Frame> stack;

  size_t entry = events[0].next;
  while (events[0].next != kEnd) {
    if (entry == kEnd) return false;  // unreachable: a return always comes first
    const Event& e = events[entry];
    if (e.is_call) {
      std::optional<State> next = Model::Step(state, history[e.op].op);
      if (next.has_value()) {
        Bits bits = linearized;
        bits[e.op / 64] |= uint64_t{1} << (e.op % 64);
        if (visited.insert(Visit{bits, *next}).second) {
          stack.push_back({entry, state});
          state = std::move(*next);
          linearized = std::move(bits);
          lift(entry);
          entry = events[0].next;
          continue;
        }
      }
      entry = e.next;
    } else {
      // An operation returned before any order placed it: undo the last choice.
      if (stack.empty()) return false;
      Frame top = std::move(stack.back());
      stack.pop_back();
      size_t op = events[top.call].op;
      linearized[op / 64] &= ~(uint64_t{1} << (op % 64));
      state = std::move(top.state_before);
      unlift(top.call);
      entry = events[top.call].next;
    }
  }
  return true;
}

}  // namespace kref::testing
