// The Boost-free vocabulary every model facade speaks.
//
// A model is a state machine from spec/<machine>.yaml, compiled with Boost.MSM in
// model/<machine>/<machine>.cc and reached only through its facade header, which includes this
// file and nothing from Boost. Code that includes a facade compiles as fast as plain C++.
//
// Thread safety: MachineTable values are immutable after construction; a facade instance is
// not synchronised (one thread at a time).
#pragma once

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kref::model {

// What a machine did with one event.
enum class Verdict {
  kAccepted,       // a row matched and its guard (if any) held
  kGuardRejected,  // rows from the current state exist, but every guard rejected; state unchanged
  kIllegal,        // no row for this event from the current state; state unchanged
};
std::string_view VerdictName(Verdict verdict);

// One row of a transition table, by names. guard is empty when the row has none.
struct Edge {
  std::string from;
  std::string event;
  std::string guard;
  std::string to;
  auto operator<=>(const Edge&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Edge& edge);  // From --Event [Guard]--> To

// A machine's transition table as names: what the spec says, or what the compiled MSM holds.
// states lists every state once; `region_of[i]` is the region of states[i]; initial[r] is the
// initial state of region r. Events are listed in the order the facade numbers them.
struct MachineTable {
  std::string machine;
  std::vector<std::string> states;
  std::vector<int> region_of;
  std::vector<std::string> initial;
  std::vector<std::string> events;
  std::vector<std::string> guards;
  std::vector<Edge> edges;

  int regions() const { return static_cast<int>(initial.size()); }
  // The index of a state or event by name, or -1.
  int StateIndex(std::string_view name) const;
  int EventIndex(std::string_view name) const;
  // The rows leaving `state` (every region's rows when the machine has several).
  std::vector<const Edge*> EdgesFrom(std::string_view state) const;
};

// The active state of every region, as indices into MachineTable::states, packed 8 bits per
// region (at most 8 regions of at most 255 states). Equal keys mean equal abstract states.
using StateKey = std::uint64_t;
inline int RegionState(StateKey key, int region) {
  return static_cast<int>((key >> (8 * region)) & 0xff);
}
inline StateKey WithRegionState(StateKey key, int region, int state) {
  return (key & ~(StateKey{0xff} << (8 * region))) | (StateKey(state) << (8 * region));
}
// "A" for one region, "A | B | C" for several.
std::string KeyName(const MachineTable& table, StateKey key);

// Why one step of a machine disagrees with its table, or "" when it agrees: an accepted event
// moves each region along one of its rows for that event (or leaves it), and moves at least
// one; any other verdict changes nothing.
std::string StepDisagreement(const MachineTable& table, StateKey before, int event,
                             Verdict verdict, StateKey after);

// The members every facade has (defined by KREF_MODEL_FACADE_DEFINITIONS in its .cc), after
// the facade has declared its `struct Facts` (what guards and actions read, given with each
// event) and `enum Event` (numbered in spec order). A facade is a copyable value.
//   Table()      the compiled transition table (states in StateKey order)
//   Fire(e, f)   fires event e with facts f; kIllegal and kGuardRejected change nothing
//   Fire(e)      the same with default Facts
//   Key()        the active state of every region; StateName() the same as text
#define KREF_MODEL_FACADE_MEMBERS(Class)        \
 public:                                         \
  static const MachineTable& Table();            \
  Class();                                       \
  ~Class();                                      \
  Class(const Class& other);                     \
  Class& operator=(const Class& other);          \
  Verdict Fire(int event, const Facts& facts);   \
  Verdict Fire(int event);                       \
  StateKey Key() const;                          \
  std::string StateName() const;                 \
                                                 \
 private:                                        \
  struct Impl;                                   \
  std::unique_ptr<Impl> impl_;                   \
                                                 \
 public:

}  // namespace kref::model
