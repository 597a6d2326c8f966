#include "model/common/msm.h"
// (msm.h first: it sets the MPL limits.)
#include "model/replication/replication.h"

#include <algorithm>

namespace kref::model {

namespace {

using msm::none;
using msm::Row;

KREF_MODEL_STATE(InSync);
KREF_MODEL_STATE(Diverged);
KREF_MODEL_STATE(Creating);
KREF_MODEL_STATE(Deleting);

KREF_MODEL_EVENT(SpecScaled);
KREF_MODEL_EVENT(PodAppeared);
KREF_MODEL_EVENT(PodGone);
KREF_MODEL_EVENT(Synced);
KREF_MODEL_EVENT(RequestFailed);
KREF_MODEL_EVENT(ExpectationsExpired);

struct Data {
  ReplicationMachine::Facts facts;
  int replicas = 0;
  int active = 0;
  int adds = 0;
  int dels = 0;
};

// The data after an event's bookkeeping: what every guard judges and the one action applies.
Data After(Data d, SpecScaled) {
  d.replicas = d.facts.replicas;
  return d;
}
Data After(Data d, PodAppeared) {
  ++d.active;
  if (d.adds > 0) --d.adds;
  return d;
}
Data After(Data d, PodGone) {
  d.active = std::max(0, d.active - 1);
  if (d.dels > 0) --d.dels;
  return d;
}
Data After(Data d, Synced) {
  if (d.active < d.replicas) d.adds = std::min(d.replicas - d.active, kBurstReplicas);
  if (d.active > d.replicas) d.dels = std::min(d.active - d.replicas, kBurstReplicas);
  return d;
}
Data After(Data d, RequestFailed) {
  if (d.adds > 0) {
    --d.adds;
  } else if (d.dels > 0) {
    --d.dels;
  }
  return d;
}
Data After(Data d, ExpectationsExpired) {
  d.adds = d.dels = 0;
  return d;
}

bool Settled(const Data& d) { return d.adds == 0 && d.dels == 0; }
bool Balanced(const Data& d) { return d.active == d.replicas; }

struct ReplicationFront : msm::FrontBase<ReplicationFront> {
  Data data;
  using initial_state = InSync;

  // Judged on the data after the event's bookkeeping.
  KREF_MODEL_GUARD(Expecting, !Settled(After(fsm.data, event)));
  KREF_MODEL_GUARD(Even, Settled(After(fsm.data, event)) && Balanced(After(fsm.data, event)));
  KREF_MODEL_GUARD(Uneven, Settled(After(fsm.data, event)) && !Balanced(After(fsm.data, event)));
  KREF_MODEL_GUARD(TooFew, fsm.data.active < fsm.data.replicas);
  KREF_MODEL_GUARD(TooMany, fsm.data.active > fsm.data.replicas);
  KREF_MODEL_ACTION(Apply, fsm.data = After(fsm.data, event));

  using transition_table = ::boost::mpl::vector<
      //  from      event                to        action guard
      Row<InSync,   SpecScaled,          InSync,   Apply, Even>,
      Row<InSync,   SpecScaled,          Diverged, Apply, Uneven>,
      Row<InSync,   PodAppeared,         Diverged, Apply, Uneven>,
      Row<InSync,   PodGone,             Diverged, Apply, Uneven>,
      Row<InSync,   Synced,              InSync,   Apply, none>,
      Row<Diverged, SpecScaled,          InSync,   Apply, Even>,
      Row<Diverged, SpecScaled,          Diverged, Apply, Uneven>,
      Row<Diverged, PodAppeared,         InSync,   Apply, Even>,
      Row<Diverged, PodAppeared,         Diverged, Apply, Uneven>,
      Row<Diverged, PodGone,             InSync,   Apply, Even>,
      Row<Diverged, PodGone,             Diverged, Apply, Uneven>,
      Row<Diverged, Synced,              Creating, Apply, TooFew>,
      Row<Diverged, Synced,              Deleting, Apply, TooMany>,
      Row<Creating, SpecScaled,          Creating, Apply, none>,
      Row<Creating, PodAppeared,         Creating, Apply, Expecting>,
      Row<Creating, PodAppeared,         InSync,   Apply, Even>,
      Row<Creating, PodAppeared,         Diverged, Apply, Uneven>,
      Row<Creating, PodGone,             Creating, Apply, none>,
      Row<Creating, RequestFailed,       Creating, Apply, Expecting>,
      Row<Creating, RequestFailed,       InSync,   Apply, Even>,
      Row<Creating, RequestFailed,       Diverged, Apply, Uneven>,
      Row<Creating, ExpectationsExpired, InSync,   Apply, Even>,
      Row<Creating, ExpectationsExpired, Diverged, Apply, Uneven>,
      Row<Deleting, SpecScaled,          Deleting, Apply, none>,
      Row<Deleting, PodGone,             Deleting, Apply, Expecting>,
      Row<Deleting, PodGone,             InSync,   Apply, Even>,
      Row<Deleting, PodGone,             Diverged, Apply, Uneven>,
      Row<Deleting, PodAppeared,         Deleting, Apply, none>,
      Row<Deleting, RequestFailed,       Deleting, Apply, Expecting>,
      Row<Deleting, RequestFailed,       InSync,   Apply, Even>,
      Row<Deleting, RequestFailed,       Diverged, Apply, Uneven>,
      Row<Deleting, ExpectationsExpired, InSync,   Apply, Even>,
      Row<Deleting, ExpectationsExpired, Diverged, Apply, Uneven>>;
};

using Runner = msm::Runner<ReplicationFront, SpecScaled, PodAppeared, PodGone, Synced,
                           RequestFailed, ExpectationsExpired>;

}  // namespace

KREF_MODEL_FACADE_DEFINITIONS(ReplicationMachine, Runner, "replication")

std::string_view ReplicationMachine::State() const { return Table().states[Key()]; }
int ReplicationMachine::replicas() const { return impl_->runner.data().replicas; }
int ReplicationMachine::active() const { return impl_->runner.data().active; }
int ReplicationMachine::pending_creates() const { return impl_->runner.data().adds; }
int ReplicationMachine::pending_deletes() const { return impl_->runner.data().dels; }

std::vector<std::string> ReplicationMachine::BrokenInvariants() const {
  const Data& d = impl_->runner.data();
  std::vector<std::string> broken;
  if (d.adds > 0 && d.dels > 0) broken.push_back("OneDirectionAtATime");
  if (d.adds < 0 || d.dels < 0 || d.adds > kBurstReplicas || d.dels > kBurstReplicas) {
    broken.push_back("ExpectationsWithinBurst");
  }
  std::string_view state = State();
  bool settled = d.adds == 0 && d.dels == 0;
  if ((state == "InSync" && !(settled && d.active == d.replicas)) ||
      (state == "Diverged" && !(settled && d.active != d.replicas)) ||
      (state == "Creating" && d.adds <= 0) || (state == "Deleting" && d.dels <= 0)) {
    broken.push_back("StateMatchesCounts");
  }
  return broken;
}

}  // namespace kref::model
