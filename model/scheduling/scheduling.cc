#include "model/common/msm.h"
// (msm.h first: it sets the MPL limits.)
#include "model/scheduling/scheduling.h"

#include "model/reference/backoff.h"

namespace kref::model {

namespace {

using msm::none;
using msm::Row;

KREF_MODEL_STATE(NotQueued);
KREF_MODEL_STATE(Gated);
KREF_MODEL_STATE(ActiveQ);
KREF_MODEL_FLAGGED_STATE(InFlight);
KREF_MODEL_STATE(BackoffQ);
KREF_MODEL_STATE(Unschedulable);
KREF_MODEL_STATE(Assumed);
KREF_MODEL_FINAL_STATE(Bound);
KREF_MODEL_FINAL_STATE(Deleted);
KREF_MODEL_STATE(NotNominated);
KREF_MODEL_STATE(Nominated);

KREF_MODEL_EVENT(Enqueued);
KREF_MODEL_EVENT(GatesRemoved);
KREF_MODEL_EVENT(Popped);
KREF_MODEL_EVENT(ScheduleFailed);
KREF_MODEL_EVENT(PreemptionNominated);
KREF_MODEL_EVENT(NominationCleared);
KREF_MODEL_EVENT(NodeReserved);
KREF_MODEL_EVENT(BindSucceeded);
KREF_MODEL_EVENT(BindFailed);
KREF_MODEL_EVENT(BackoffCompleted);
KREF_MODEL_EVENT(ClusterEventMoved);
KREF_MODEL_EVENT(UnschedulableTimedOut);
KREF_MODEL_EVENT(PodDeleted);

struct Data {
  SchedulingMachine::Facts facts;
  int attempts = 0;
  std::int64_t backoff_s = 0;
  std::string node;
  std::string nominated_node;
};

struct SchedulingFront : msm::FrontBase<SchedulingFront> {
  Data data;
  using initial_state = ::boost::mpl::vector<NotQueued, NotNominated>;

  KREF_MODEL_GUARD(HasGates, fsm.data.facts.has_gates);
  KREF_MODEL_GUARD(NoGates, !fsm.data.facts.has_gates);
  KREF_MODEL_GUARD(Retryable, fsm.data.facts.retryable);
  KREF_MODEL_GUARD(NotRetryable, !fsm.data.facts.retryable);
  KREF_MODEL_GUARD(BackoffExpired, fsm.data.facts.backoff_expired);
  KREF_MODEL_GUARD(StillBackingOff, !fsm.data.facts.backoff_expired);
  KREF_MODEL_GUARD(IsInFlight, fsm.template is_flag_active<InFlightFlag>());
  KREF_MODEL_ACTION(StartCycle, ++fsm.data.attempts);
  KREF_MODEL_ACTION(BackOff, fsm.data.backoff_s = PodBackoffSeconds(fsm.data.attempts); fsm.data.node.clear());
  KREF_MODEL_ACTION(Reserve, fsm.data.node = fsm.data.facts.node);
  KREF_MODEL_ACTION(Nominate, fsm.data.nominated_node = fsm.data.facts.node);
  KREF_MODEL_ACTION(ClearNomination, fsm.data.nominated_node.clear());

  using transition_table = ::boost::mpl::vector<
      //  from           event                  to             action           guard
      Row<NotQueued,     Enqueued,              ActiveQ,       none,            NoGates>,
      Row<NotQueued,     Enqueued,              Gated,         none,            HasGates>,
      Row<NotQueued,     PodDeleted,            Deleted,       none,            none>,
      Row<Gated,         GatesRemoved,          ActiveQ,       none,            none>,
      Row<Gated,         PodDeleted,            Deleted,       none,            none>,
      Row<ActiveQ,       Popped,                InFlight,      StartCycle,      none>,
      Row<ActiveQ,       PodDeleted,            Deleted,       none,            none>,
      Row<InFlight,      ScheduleFailed,        BackoffQ,      BackOff,         Retryable>,
      Row<InFlight,      ScheduleFailed,        Unschedulable, BackOff,         NotRetryable>,
      Row<InFlight,      NodeReserved,          Assumed,       Reserve,         none>,
      Row<InFlight,      PodDeleted,            Deleted,       none,            none>,
      Row<BackoffQ,      BackoffCompleted,      ActiveQ,       none,            none>,
      Row<BackoffQ,      PodDeleted,            Deleted,       none,            none>,
      Row<Unschedulable, ClusterEventMoved,     ActiveQ,       none,            BackoffExpired>,
      Row<Unschedulable, ClusterEventMoved,     BackoffQ,      none,            StillBackingOff>,
      Row<Unschedulable, UnschedulableTimedOut, ActiveQ,       none,            BackoffExpired>,
      Row<Unschedulable, UnschedulableTimedOut, BackoffQ,      none,            StillBackingOff>,
      Row<Unschedulable, PodDeleted,            Deleted,       none,            none>,
      Row<Assumed,       BindSucceeded,         Bound,         none,            none>,
      Row<Assumed,       BindFailed,            BackoffQ,      BackOff,         Retryable>,
      Row<Assumed,       BindFailed,            Unschedulable, BackOff,         NotRetryable>,
      Row<Assumed,       PodDeleted,            Deleted,       none,            none>,
      Row<NotNominated,  PreemptionNominated,   Nominated,     Nominate,        IsInFlight>,
      Row<Nominated,     PreemptionNominated,   Nominated,     Nominate,        IsInFlight>,
      Row<Nominated,     NominationCleared,     NotNominated,  ClearNomination, none>>;
};

using Runner = msm::Runner<SchedulingFront, Enqueued, GatesRemoved, Popped, ScheduleFailed,
                           PreemptionNominated, NominationCleared, NodeReserved, BindSucceeded,
                           BindFailed, BackoffCompleted, ClusterEventMoved, UnschedulableTimedOut,
                           PodDeleted>;

}  // namespace

KREF_MODEL_FACADE_DEFINITIONS(SchedulingMachine, Runner, "scheduling")

std::string_view SchedulingMachine::State(Region region) const {
  return Table().states[RegionState(Key(), region)];
}
int SchedulingMachine::attempts() const { return impl_->runner.data().attempts; }
std::int64_t SchedulingMachine::backoff_s() const { return impl_->runner.data().backoff_s; }
const std::string& SchedulingMachine::node() const { return impl_->runner.data().node; }
const std::string& SchedulingMachine::nominated_node() const {
  return impl_->runner.data().nominated_node;
}

}  // namespace kref::model
