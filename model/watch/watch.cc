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

struct WatchFront : msm::FrontBase<WatchFront> {
  Data data;
  using initial_state = Idle;

  KREF_MODEL_GUARD(FromLastRv, fsm.data.facts.rv == fsm.data.last_rv && !fsm.data.facts.send_initial_events);
  KREF_MODEL_GUARD(SendsInitialEvents, fsm.data.facts.send_initial_events);
  KREF_MODEL_GUARD(IsAdded, fsm.data.facts.type == WatchMachine::Type::kAdded);
  KREF_MODEL_GUARD(EndsInitialEvents,
                   fsm.data.facts.initial_events_end && fsm.data.facts.rv >= fsm.data.max_initial_rv);
  KREF_MODEL_GUARD(RvAdvances, fsm.data.facts.rv > fsm.data.last_rv);
  KREF_MODEL_GUARD(RvNotBehind, fsm.data.facts.rv >= fsm.data.last_rv);
  KREF_MODEL_ACTION(SeeRv, fsm.data.last_rv = fsm.data.facts.rv);
  KREF_MODEL_ACTION(SeeInitial, fsm.data.max_initial_rv = std::max(fsm.data.max_initial_rv, fsm.data.facts.rv));
  KREF_MODEL_ACTION(Relist, fsm.data.last_rv = fsm.data.facts.rv; ++fsm.data.gaps);

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

using Runner = msm::Runner<WatchFront, ListedEvent, WatchOpened, ObjectEvent, Bookmark, Gone,
                           StreamClosed>;

}  // namespace

KREF_MODEL_FACADE_DEFINITIONS(WatchMachine, Runner, "watch")

std::string_view WatchMachine::State() const { return Table().states[Key()]; }
std::int64_t WatchMachine::last_rv() const { return impl_->runner.data().last_rv; }
int WatchMachine::gaps() const { return impl_->runner.data().gaps; }

}  // namespace kref::model
