#include "model/common/msm.h"
// (msm.h first: it sets the MPL limits.)
#include "model/pod/pod.h"

namespace kref::model {

namespace {

using msm::none;
using msm::Row;

KREF_MODEL_STATE(Pending);
KREF_MODEL_FLAGGED_STATE(Running);
KREF_MODEL_FLAGGED_STATE(Succeeded);
KREF_MODEL_FLAGGED_STATE(Failed);
KREF_MODEL_STATE(Unscheduled);
KREF_MODEL_FLAGGED_STATE(Scheduled);
KREF_MODEL_STATE(NoSandbox);
KREF_MODEL_STATE(SandboxReady);
KREF_MODEL_STATE(NotInitialized);
KREF_MODEL_FLAGGED_STATE(Initialized);
KREF_MODEL_STATE(ContainersNotReady);
KREF_MODEL_FLAGGED_STATE(ContainersReady);
KREF_MODEL_STATE(NotReady);
KREF_MODEL_STATE(Ready);
KREF_MODEL_STATE(Live);
KREF_MODEL_STATE(Terminating);
KREF_MODEL_FINAL_STATE(Removed);

KREF_MODEL_EVENT(Bound);
KREF_MODEL_EVENT(SchedulingFailed);
KREF_MODEL_EVENT(SandboxCreated);
KREF_MODEL_EVENT(SandboxLost);
KREF_MODEL_EVENT(InitContainersCompleted);
KREF_MODEL_EVENT(InitContainersRestarted);
KREF_MODEL_EVENT(ContainerStarted);
KREF_MODEL_EVENT(ContainersBecameReady);
KREF_MODEL_EVENT(ContainerBecameUnready);
KREF_MODEL_EVENT(ReadinessGatesChanged);
KREF_MODEL_EVENT(MarkedNotReady);
KREF_MODEL_EVENT(ReadyReported);
KREF_MODEL_EVENT(AllSucceeded);
KREF_MODEL_EVENT(SomeFailed);
KREF_MODEL_EVENT(DeletionRequested);
KREF_MODEL_EVENT(ObjectRemoved);

struct Data {
  PodMachine::Facts facts;
  std::string node_name;
};

struct PodFront : msm::FrontBase<PodFront> {
  Data data;
  // Region order matters: containers before readiness, so ReadyAllowed sees ContainersReady.
  using initial_state = ::boost::mpl::vector<Pending, Unscheduled, NoSandbox, NotInitialized,
                                             ContainersNotReady, NotReady, Live>;

  template <class F>
  static bool Ended(F& fsm) {
    return fsm.template is_flag_active<SucceededFlag>() || fsm.template is_flag_active<FailedFlag>();
  }
  KREF_MODEL_GUARD(ScheduledAndNotEnded, fsm.template is_flag_active<ScheduledFlag>() && !Ended(fsm));
  KREF_MODEL_GUARD(NotEnded, !Ended(fsm));
  KREF_MODEL_GUARD(IsInitialized, fsm.template is_flag_active<InitializedFlag>());
  KREF_MODEL_GUARD(RunningAndInitialized,
                   fsm.template is_flag_active<RunningFlag>() && fsm.template is_flag_active<InitializedFlag>());
  KREF_MODEL_GUARD(ReadyAllowed,
                   fsm.data.facts.readiness_gates_true && fsm.template is_flag_active<ContainersReadyFlag>());
  KREF_MODEL_GUARD(GateFailing, !fsm.data.facts.readiness_gates_true);
  KREF_MODEL_ACTION(RecordNode, fsm.data.node_name = fsm.data.facts.node_name);

  using transition_table = ::boost::mpl::vector<
      //  from                event                    to                  action      guard
      Row<Unscheduled,        Bound,                   Scheduled,          RecordNode, none>,
      Row<Unscheduled,        SchedulingFailed,        Unscheduled,        none,       none>,
      Row<NoSandbox,          SandboxCreated,          SandboxReady,       none,       ScheduledAndNotEnded>,
      Row<SandboxReady,       SandboxLost,             NoSandbox,          none,       none>,
      Row<NotInitialized,     InitContainersCompleted, Initialized,        none,       ScheduledAndNotEnded>,
      Row<Initialized,        InitContainersRestarted, NotInitialized,     none,       NotEnded>,
      Row<Pending,            ContainerStarted,        Running,            none,       IsInitialized>,
      Row<Pending,            AllSucceeded,            Succeeded,          none,       none>,
      Row<Running,            AllSucceeded,            Succeeded,          none,       none>,
      Row<Pending,            SomeFailed,              Failed,             none,       none>,
      Row<Running,            SomeFailed,              Failed,             none,       none>,
      Row<ContainersNotReady, ContainersBecameReady,   ContainersReady,    none,       RunningAndInitialized>,
      Row<ContainersReady,    ContainerBecameUnready,  ContainersNotReady, none,       none>,
      Row<ContainersReady,    InitContainersRestarted, ContainersNotReady, none,       none>,
      Row<ContainersReady,    AllSucceeded,            ContainersNotReady, none,       none>,
      Row<ContainersReady,    SomeFailed,              ContainersNotReady, none,       none>,
      Row<NotReady,           ContainersBecameReady,   Ready,              none,       ReadyAllowed>,
      Row<NotReady,           ReadinessGatesChanged,   Ready,              none,       ReadyAllowed>,
      Row<Ready,              ReadinessGatesChanged,   NotReady,           none,       GateFailing>,
      Row<Ready,              MarkedNotReady,          NotReady,           none,       none>,
      Row<NotReady,           ReadyReported,           Ready,              none,       ReadyAllowed>,
      Row<Ready,              ContainerBecameUnready,  NotReady,           none,       none>,
      Row<Ready,              InitContainersRestarted, NotReady,           none,       none>,
      Row<Ready,              AllSucceeded,            NotReady,           none,       none>,
      Row<Ready,              SomeFailed,              NotReady,           none,       none>,
      Row<Live,               DeletionRequested,       Terminating,        none,       none>,
      Row<Live,               ObjectRemoved,           Removed,            none,       none>,
      Row<Terminating,        ObjectRemoved,           Removed,            none,       none>>;
};

using Runner = msm::Runner<PodFront, Bound, SchedulingFailed, SandboxCreated, SandboxLost,
                           InitContainersCompleted, InitContainersRestarted, ContainerStarted,
                           ContainersBecameReady, ContainerBecameUnready, ReadinessGatesChanged,
                           MarkedNotReady, ReadyReported, AllSucceeded, SomeFailed, DeletionRequested, ObjectRemoved>;

}  // namespace

KREF_MODEL_FACADE_DEFINITIONS(PodMachine, Runner, "pod")

std::string_view PodMachine::State(Region region) const {
  return Table().states[RegionState(Key(), region)];
}

const std::string& PodMachine::node_name() const { return impl_->runner.data().node_name; }

std::vector<std::string> PodMachine::BrokenInvariants() const {
  std::vector<std::string> broken;
  bool ready = State(kReadiness) == "Ready";
  bool containers_ready = State(kContainers) == "ContainersReady";
  bool initialized = State(kInitialization) == "Initialized";
  bool scheduled = State(kScheduling) == "Scheduled";
  if ((ready && !containers_ready) || (containers_ready && !initialized) ||
      (initialized && !scheduled)) {
    broken.push_back("ConditionChain");
  }
  std::string_view phase = State(kPhase);
  if ((phase == "Succeeded" || phase == "Failed") && (ready || containers_ready)) {
    broken.push_back("TerminalIsNotReady");
  }
  if (!node_name().empty() && !scheduled) {
    broken.push_back("BoundNodeNeverChanges");
  }
  return broken;
}

}  // namespace kref::model
