#include "model/common/msm.h"
// (msm.h first: it sets the MPL limits.)
#include "model/watch/watch.h"

#include <algorithm>

namespace kref::model {

namespace {

using msm::none;
using msm::Row;

KREF_MODEL_STATE(Idle);
KREF_MODEL_STATE(Listed);
KREF_MODEL_STATE(InitialEvents);
KREF_MODEL_STATE(Watching);
KREF_MODEL_STATE(Closed);
KREF_MODEL_STATE(Expired);

// The Listed event shares its name with the Listed state; the event is ListedEvent in C++.
struct ListedEvent {
  static constexpr const char* name = "Listed";
};
KREF_MODEL_EVENT(WatchOpened);
KREF_MODEL_EVENT(ObjectEvent);
KREF_MODEL_EVENT(Bookmark);
KREF_MODEL_EVENT(Gone);
KREF_MODEL_EVENT(StreamClosed);

struct Data {
  WatchMachine::Facts facts;
  std::int64_t last_rv = 0;
  std::int64_t max_initial_rv = 0;
  int gaps = 0;
};

#define KREF_WATCH_GUARD(Name, expr)                   \
  struct Name {                                        \
    static constexpr const char* name = #Name;         \
    template <class E, class F, class S, class T>      \
    bool operator()(const E&, F& fsm, S&, T&) const {  \
      const Data& data = fsm.data;                     \
      return (expr);                                   \
    }                                                  \
  }

struct WatchFront : msm::FrontBase<WatchFront> {
  Data data;
  using initial_state = Idle;

  KREF_WATCH_GUARD(FromLastRv, data.facts.rv == data.last_rv && !data.facts.send_initial_events);
  KREF_WATCH_GUARD(SendsInitialEvents, data.facts.send_initial_events);
  KREF_WATCH_GUARD(IsAdded, data.facts.type == WatchMachine::Type::kAdded);
  KREF_WATCH_GUARD(EndsInitialEvents,
                   data.facts.initial_events_end && data.facts.rv >= data.max_initial_rv);
  KREF_WATCH_GUARD(RvAdvances, data.facts.rv > data.last_rv);
  KREF_WATCH_GUARD(RvNotBehind, data.facts.rv >= data.last_rv);

  struct SeeRv {
    template <class E, class F, class S, class T>
    void operator()(const E&, F& fsm, S&, T&) const {
      fsm.data.last_rv = fsm.data.facts.rv;
    }
  };
  struct SeeInitial {
    template <class E, class F, class S, class T>
    void operator()(const E&, F& fsm, S&, T&) const {
      fsm.data.max_initial_rv = std::max(fsm.data.max_initial_rv, fsm.data.facts.rv);
    }
  };
  struct Relist {
    template <class E, class F, class S, class T>
    void operator()(const E&, F& fsm, S&, T&) const {
      fsm.data.last_rv = fsm.data.facts.rv;
      ++fsm.data.gaps;
    }
  };

  using transition_table = ::boost::mpl::vector<
      //  from           event         to             action      guard
      Row<Idle,          ListedEvent,  Listed,        SeeRv,      none>,
      Row<Idle,          WatchOpened,  InitialEvents, none,       SendsInitialEvents>,
      Row<Listed,        WatchOpened,  Watching,      none,       FromLastRv>,
      Row<InitialEvents, ObjectEvent,  InitialEvents, SeeInitial, IsAdded>,
      Row<InitialEvents, Bookmark,     Watching,      SeeRv,      EndsInitialEvents>,
      Row<InitialEvents, Gone,         Expired,       none,       none>,
      Row<InitialEvents, StreamClosed, Closed,        none,       none>,
      Row<Watching,      ObjectEvent,  Watching,      SeeRv,      RvAdvances>,
      Row<Watching,      Bookmark,     Watching,      SeeRv,      RvNotBehind>,
      Row<Watching,      Gone,         Expired,       none,       none>,
      Row<Watching,      StreamClosed, Closed,        none,       none>,
      Row<Closed,        WatchOpened,  Watching,      none,       FromLastRv>,
      Row<Closed,        ListedEvent,  Listed,        Relist,     none>,
      Row<Closed,        Gone,         Expired,       none,       none>,
      Row<Expired,       ListedEvent,  Listed,        Relist,     none>>;
};

#undef KREF_WATCH_GUARD

using Runner = msm::Runner<WatchFront, ListedEvent, WatchOpened, ObjectEvent, Bookmark, Gone,
                           StreamClosed>;

}  // namespace

KREF_MODEL_FACADE_DEFINITIONS(WatchMachine, Runner, "watch")

std::string_view WatchMachine::State() const { return Table().states[Key()]; }
std::int64_t WatchMachine::last_rv() const { return impl_->runner.data().last_rv; }
int WatchMachine::gaps() const { return impl_->runner.data().gaps; }

}  // namespace kref::model
