// The one place Boost.MSM is configured, and what every model/<machine>/<machine>.cc shares:
// naming macros, a front-end base whose no_transition and exception_caught report instead of
// asserting, the introspection that turns a compiled transition table into a MachineTable, and
// the Runner that fires events by index. Include this first in a machine's .cc and nowhere else:
// facade headers stay free of Boost.
//
// Conventions a machine follows:
//   - states, events, guards and actions are declared with the KREF_MODEL_* macros below (a
//     state's, event's or guard's `name` is the spec's name);
//   - rows are msm::front::Row<From, Event, To, Action, Guard>; a row that keeps the state names
//     it as both ends (no `none` targets), so the table is exactly the spec's;
//   - the front-end derives from FrontBase<Self> and holds the machine's data (the facts the
//     guards read and the counters the actions keep).
#pragma once

// More than 20 rows and 10 states per machine need larger MPL and Fusion limits (here: 40 rows,
// 30 states, 20 regions' worth of Fusion); they must be set before any Boost header. Each step
// of 10 rows costs compile memory: split a machine rather than raise them.
#define BOOST_MPL_CFG_NO_PREPROCESSED_HEADERS
#define BOOST_MPL_LIMIT_VECTOR_SIZE 40
#define BOOST_MPL_LIMIT_MAP_SIZE 30
#define FUSION_MAX_VECTOR_SIZE 20

#include <boost/mpl/for_each.hpp>
#include <boost/mpl/is_sequence.hpp>
#include <boost/msm/back/metafunctions.hpp>
#include <boost/msm/back/state_machine.hpp>
#include <boost/msm/front/functor_row.hpp>
#include <boost/msm/front/state_machine_def.hpp>
#include <exception>
#include <set>
#include <string>
#include <type_traits>

#include "model/common/machine.h"

#define KREF_MODEL_STATE(Name) \
  struct Name : ::boost::msm::front::state<> { static constexpr const char* name = #Name; }
// A state other regions' guards can ask about: fsm.template is_flag_active<NameFlag>().
#define KREF_MODEL_FLAGGED_STATE(Name)                              \
  struct Name##Flag {};                                              \
  struct Name : ::boost::msm::front::state<> {                       \
    static constexpr const char* name = #Name;                       \
    typedef ::boost::mpl::vector1<Name##Flag> flag_list;             \
  }
// A state that ends the instance: once entered, every event is illegal.
#define KREF_MODEL_FINAL_STATE(Name) \
  struct Name : ::boost::msm::front::terminate_state<> { static constexpr const char* name = #Name; }
#define KREF_MODEL_EVENT(Name) \
  struct Name { static constexpr const char* name = #Name; }

// A guard named as in the spec. `expr` reads `fsm` (the machine: fsm.data, and
// fsm.template is_flag_active<StateFlag>() for other regions) and `event`.
#define KREF_MODEL_GUARD(Name, expr)                                 \
  struct Name {                                                      \
    static constexpr const char* name = #Name;                       \
    template <class E, class F, class S, class T>                    \
    bool operator()(const E& event, F& fsm, S&, T&) const {          \
      (void)event;                                                   \
      return (expr);                                                 \
    }                                                                \
  }
// An action: the statements after the name run with `fsm` and `event` in scope.
#define KREF_MODEL_ACTION(Name, ...)                                 \
  struct Name {                                                      \
    template <class E, class F, class S, class T>                    \
    void operator()(const E& event, F& fsm, S&, T&) const {          \
      (void)event;                                                   \
      __VA_ARGS__;                                                   \
    }                                                                \
  }

// Defines the members KREF_MODEL_FACADE_MEMBERS declares, for a facade whose Runner type is
// RunnerType and whose machine is named by the string `machine`.
#define KREF_MODEL_FACADE_DEFINITIONS(Class, RunnerType, machine)                              \
  struct Class::Impl {                                                                       \
    RunnerType runner;                                                                       \
  };                                                                                         \
  const MachineTable& Class::Table() {                                                       \
    static const MachineTable table = RunnerType::Introspect(machine);                       \
    return table;                                                                            \
  }                                                                                          \
  Class::Class() : impl_(std::make_unique<Impl>()) {}                                        \
  Class::~Class() = default;                                                                 \
  Class::Class(const Class& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}          \
  Class& Class::operator=(const Class& other) {                                              \
    *impl_ = *other.impl_;                                                                   \
    return *this;                                                                            \
  }                                                                                          \
  Verdict Class::Fire(int event, const Facts& facts) { return impl_->runner.Fire(event, facts); } \
  Verdict Class::Fire(int event) { return impl_->runner.Fire(event, Facts{}); }              \
  StateKey Class::Key() const { return impl_->runner.Key(); }                                \
  std::string Class::StateName() const { return KeyName(Table(), Key()); }

namespace kref::model::msm {

namespace front = ::boost::msm::front;
using front::none;
using front::Row;

// What the last event did to the machine, recorded by the overridden hooks (MSM's defaults
// assert). An exception from a guard or an action is a bug in the model, reported as kIllegal.
struct Outcome {
  bool illegal = false;   // no region had a row for the event
  std::string exception;  // what() of an exception thrown by a guard or action
};

template <class Derived>
struct FrontBase : front::state_machine_def<Derived> {
  // Events run to completion synchronously; without a queue, a machine is a small copyable value.
  typedef int no_message_queue;

  Outcome outcome;

  template <class Fsm, class Event>
  void no_transition(const Event&, Fsm&, int) {
    outcome.illegal = true;
  }
  template <class Fsm, class Event>
  void exception_caught(const Event&, Fsm&, std::exception& e) {
    outcome.exception = e.what();
  }
};

namespace internal {

// A type as a value for mpl::for_each; no nested `type`, or MPL's lambda would unwrap it.
template <class T>
struct Wrap {};

template <class T>
const char* NameOf() {
  if constexpr (std::is_same_v<T, none>) {
    return "";
  } else {
    return T::name;
  }
}

template <class Stt>
struct StateNamer {
  std::vector<std::string>* states;
  template <class State>
  void operator()(Wrap<State>) const {
    (*states)[::boost::msm::back::get_state_id<Stt, State>::value] = State::name;
  }
};

template <class Front>
struct RowNamer {
  MachineTable* table;
  template <class R>
  void operator()(Wrap<R>) const {
    Edge edge{NameOf<typename R::Source>(), NameOf<typename R::Evt>(),
              NameOf<typename R::Guard>(), NameOf<typename R::Target>()};
    if (!edge.guard.empty()) {
      bool known = false;
      for (const auto& g : table->guards) known = known || g == edge.guard;
      if (!known) table->guards.push_back(edge.guard);
    }
    table->edges.push_back(std::move(edge));
  }
};

struct InitialNamer {
  std::vector<std::string>* initial;
  template <class State>
  void operator()(Wrap<State>) const {
    initial->push_back(State::name);
  }
};

// Regions are the connected components around each initial state.
inline void AssignRegions(MachineTable& table) {
  table.region_of.assign(table.states.size(), 0);
  for (int region = 0; region < table.regions(); ++region) {
    std::set<std::string> seen{table.initial[region]};
    for (bool grew = true; grew;) {
      grew = false;
      for (const Edge& e : table.edges) {
        if (seen.count(e.from) && seen.insert(e.to).second) grew = true;
        if (seen.count(e.to) && seen.insert(e.from).second) grew = true;
      }
    }
    for (std::size_t i = 0; i < table.states.size(); ++i) {
      if (seen.count(table.states[i])) table.region_of[i] = region;
    }
  }
}

}  // namespace internal

// The compiled table of Front, by names; states in MSM id order (so a StateKey indexes them),
// events in the order of Events.
template <class Front, class... Events>
MachineTable Introspect(const char* machine) {
  using Stt = typename ::boost::msm::back::state_machine<Front>::stt;  // the back-end's rows
  MachineTable table;
  table.machine = machine;
  using StateSet = typename ::boost::msm::back::generate_state_set<Stt>::type;
  table.states.resize(::boost::mpl::size<StateSet>::value);
  ::boost::mpl::for_each<StateSet, internal::Wrap<::boost::mpl::placeholders::_1>>(
      internal::StateNamer<Stt>{&table.states});
  using Initial = typename Front::initial_state;
  if constexpr (::boost::mpl::is_sequence<Initial>::value) {
    ::boost::mpl::for_each<Initial, internal::Wrap<::boost::mpl::placeholders::_1>>(
        internal::InitialNamer{&table.initial});
  } else {
    table.initial.push_back(Initial::name);
  }
  (table.events.push_back(Events::name), ...);
  ::boost::mpl::for_each<typename Front::transition_table,
                         internal::Wrap<::boost::mpl::placeholders::_1>>(
      internal::RowNamer<Front>{&table});
  internal::AssignRegions(table);
  return table;
}

// A started machine that fires events by their index in Events.
template <class Front, class... Events>
class Runner {
 public:
  using Machine = ::boost::msm::back::state_machine<Front>;
  static constexpr int kRegions = Machine::nr_regions::value;
  static_assert(kRegions <= 8, "a StateKey holds at most 8 regions");

  Runner() { machine_.start(); }

  static MachineTable Introspect(const char* machine) {
    return msm::Introspect<Front, Events...>(machine);
  }

  Front& front() { return machine_; }
  const Front& front() const { return machine_; }
  const auto& data() const { return machine_.data; }

  // Fires with the facts the guards and actions read (Front::data.facts). A verdict other than
  // kAccepted leaves the data as it was.
  template <class Facts>
  Verdict Fire(int event, const Facts& facts) {
    auto before = machine_.data;
    machine_.data.facts = facts;
    Verdict verdict = Fire(event);
    if (verdict != Verdict::kAccepted) machine_.data = before;
    return verdict;
  }

  // REQUIRES: 0 <= event < sizeof...(Events).
  Verdict Fire(int event) {
    if (machine_.template is_flag_active<::boost::msm::TerminateFlag>()) return Verdict::kIllegal;
    machine_.outcome = Outcome{};
    ::boost::msm::back::HandledEnum handled = ::boost::msm::back::HANDLED_FALSE;
    int i = 0;
    (void)((i++ == event ? (handled = machine_.process_event(Events{}), true) : false) || ...);
    if (machine_.outcome.illegal || !machine_.outcome.exception.empty()) return Verdict::kIllegal;
    if (handled & ::boost::msm::back::HANDLED_TRUE) return Verdict::kAccepted;
    if (handled & ::boost::msm::back::HANDLED_GUARD_REJECT) return Verdict::kGuardRejected;
    return Verdict::kIllegal;
  }

  StateKey Key() const {
    StateKey key = 0;
    const int* states = machine_.current_state();
    for (int r = 0; r < kRegions; ++r) key = WithRegionState(key, r, states[r]);
    return key;
  }

 private:
  Machine machine_;
};

}  // namespace kref::model::msm
