#include "model/common/msm.h"
// (msm.h first: it sets the MPL limits.)
#include "model/node/node.h"

namespace kref::model {

namespace {

using msm::none;
using msm::Row;

KREF_MODEL_FLAGGED_STATE(NotReady);
KREF_MODEL_FLAGGED_STATE(Ready);
KREF_MODEL_FLAGGED_STATE(Unknown);
KREF_MODEL_FLAGGED_STATE(Untainted);
KREF_MODEL_FLAGGED_STATE(NotReadyTainted);
KREF_MODEL_FLAGGED_STATE(UnreachableTainted);
KREF_MODEL_STATE(PodRunning);
KREF_MODEL_STATE(EvictionPending);
KREF_MODEL_STATE(PodEvicted);

KREF_MODEL_EVENT(ReportedReady);
KREF_MODEL_EVENT(ReportedNotReady);
KREF_MODEL_EVENT(HeartbeatsStopped);
KREF_MODEL_EVENT(NotReadyTaintAdded);
KREF_MODEL_EVENT(UnreachableTaintAdded);
KREF_MODEL_EVENT(TaintsRemoved);
KREF_MODEL_EVENT(TolerationExpired);

struct Data {
  NodeMachine::Facts facts;
};

template <class F>
bool Tainted(F& fsm) {
  // The taint region moves first: the pod meets the taint only if it was really added.
  return fsm.template is_flag_active<NotReadyTaintedFlag>() ||
         fsm.template is_flag_active<UnreachableTaintedFlag>();
}

struct NodeFront : msm::FrontBase<NodeFront> {
  Data data;
  // Region order matters: taint before eviction.
  using initial_state = ::boost::mpl::vector<NotReady, Untainted, PodRunning>;

  using Toleration = NodeMachine::Toleration;
  KREF_MODEL_GUARD(IsNotReady, fsm.template is_flag_active<NotReadyFlag>());
  KREF_MODEL_GUARD(IsUnknown, fsm.template is_flag_active<UnknownFlag>());
  KREF_MODEL_GUARD(IsReady, fsm.template is_flag_active<ReadyFlag>());
  KREF_MODEL_GUARD(NoTaintLeft, fsm.template is_flag_active<UntaintedFlag>());
  KREF_MODEL_GUARD(NotTolerated, Tainted(fsm) && fsm.data.facts.toleration == Toleration::kNone);
  KREF_MODEL_GUARD(ToleratedForAWhile, Tainted(fsm) && fsm.data.facts.toleration == Toleration::kForAWhile);
  KREF_MODEL_GUARD(ToleratedForever, Tainted(fsm) && fsm.data.facts.toleration == Toleration::kForever);

  using transition_table = ::boost::mpl::vector<
      //  from                event                  to                  action guard
      Row<NotReady,           ReportedReady,         Ready,              none, none>,
      Row<Ready,              ReportedNotReady,      NotReady,           none, none>,
      Row<Ready,              HeartbeatsStopped,     Unknown,            none, none>,
      Row<NotReady,           HeartbeatsStopped,     Unknown,            none, none>,
      Row<Unknown,            ReportedReady,         Ready,              none, none>,
      Row<Unknown,            ReportedNotReady,      NotReady,           none, none>,
      Row<Untainted,          NotReadyTaintAdded,    NotReadyTainted,    none, IsNotReady>,
      Row<Untainted,          UnreachableTaintAdded, UnreachableTainted, none, IsUnknown>,
      Row<NotReadyTainted,    UnreachableTaintAdded, UnreachableTainted, none, IsUnknown>,
      Row<UnreachableTainted, NotReadyTaintAdded,    NotReadyTainted,    none, IsNotReady>,
      Row<NotReadyTainted,    TaintsRemoved,         Untainted,          none, IsReady>,
      Row<UnreachableTainted, TaintsRemoved,         Untainted,          none, IsReady>,
      Row<PodRunning,         NotReadyTaintAdded,    PodEvicted,         none, NotTolerated>,
      Row<PodRunning,         NotReadyTaintAdded,    EvictionPending,    none, ToleratedForAWhile>,
      Row<PodRunning,         NotReadyTaintAdded,    PodRunning,         none, ToleratedForever>,
      Row<PodRunning,         UnreachableTaintAdded, PodEvicted,         none, NotTolerated>,
      Row<PodRunning,         UnreachableTaintAdded, EvictionPending,    none, ToleratedForAWhile>,
      Row<PodRunning,         UnreachableTaintAdded, PodRunning,         none, ToleratedForever>,
      Row<EvictionPending,    NotReadyTaintAdded,    PodEvicted,         none, NotTolerated>,
      Row<EvictionPending,    UnreachableTaintAdded, PodEvicted,         none, NotTolerated>,
      Row<EvictionPending,    TaintsRemoved,         PodRunning,         none, NoTaintLeft>,
      Row<EvictionPending,    TolerationExpired,     PodEvicted,         none, none>>;
};

using Runner = msm::Runner<NodeFront, ReportedReady, ReportedNotReady, HeartbeatsStopped,
                           NotReadyTaintAdded, UnreachableTaintAdded, TaintsRemoved,
                           TolerationExpired>;

}  // namespace

KREF_MODEL_FACADE_DEFINITIONS(NodeMachine, Runner, "node")

std::string_view NodeMachine::State(Region region) const {
  return Table().states[RegionState(Key(), region)];
}

}  // namespace kref::model
