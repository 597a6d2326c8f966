#include "model/common/msm.h"
// (msm.h first: it sets the MPL limits.)
#include "model/container/container.h"
#include "model/reference/backoff.h"

namespace kref::model {

namespace {

using msm::none;
using msm::Row;

KREF_MODEL_STATE(Waiting);
KREF_MODEL_STATE(Running);
KREF_MODEL_STATE(Terminated);

KREF_MODEL_EVENT(Started);
KREF_MODEL_EVENT(ImagePullFailed);
KREF_MODEL_EVENT(StartFailed);
KREF_MODEL_EVENT(Exited);
KREF_MODEL_EVENT(RestartScheduled);
KREF_MODEL_EVENT(BackOffExpired);
KREF_MODEL_EVENT(Killed);
KREF_MODEL_EVENT(SandboxRecreated);

constexpr int kStartErrorExitCode = 128;

struct Data {
  ContainerMachine::Facts facts;
  int restart_count = 0;
  int consecutive_restarts = 0;
  std::int64_t backoff_s = 0;
  int last_exit_code = 0;
  bool killed = false;           // ended with the pod: never restarts
  bool restart_pending = false;  // the next Started is a restart
};

bool RestartAllowed(const Data& data) {
  const ContainerMachine::Facts& f = data.facts;
  if (data.killed || f.pod_deleting) return false;
  if (f.sidecar) return true;
  RestartPolicy policy = f.restart_policy;
  if (f.init && policy == RestartPolicy::kAlways) policy = RestartPolicy::kOnFailure;
  switch (policy) {
    case RestartPolicy::kAlways: return true;
    case RestartPolicy::kOnFailure: return data.last_exit_code != 0;
    case RestartPolicy::kNever: return false;
  }
  return false;
}

// computePodActions: a pod under restartPolicy Never gets no new sandbox once its containers
// ran; otherwise every init container runs again, and every app container but those that
// succeeded under OnFailure.
bool NewSandboxRunsIt(const Data& data) {
  const ContainerMachine::Facts& f = data.facts;
  if (data.killed || f.pod_deleting || f.restart_policy == RestartPolicy::kNever) return false;
  if (f.init || f.sidecar) return true;
  return !(f.restart_policy == RestartPolicy::kOnFailure && data.last_exit_code == 0);
}

struct ContainerFront : msm::FrontBase<ContainerFront> {
  Data data;
  using initial_state = Waiting;

  KREF_MODEL_GUARD(ShouldRestart, RestartAllowed(fsm.data));
  KREF_MODEL_GUARD(RunsInNewSandbox, NewSandboxRunsIt(fsm.data));
  KREF_MODEL_ACTION(Start,
                    if (fsm.data.restart_pending) ++fsm.data.restart_count;
                    fsm.data.restart_pending = false);
  KREF_MODEL_ACTION(RecordExit,
                    fsm.data.last_exit_code = fsm.data.facts.exit_code;
                    if (fsm.data.facts.ran_for_s > kBackOffResetSeconds) fsm.data.consecutive_restarts = 0);
  KREF_MODEL_ACTION(RecordStartError, fsm.data.last_exit_code = kStartErrorExitCode);
  KREF_MODEL_ACTION(RecordKill, fsm.data.killed = true; fsm.data.last_exit_code = fsm.data.facts.exit_code);
  KREF_MODEL_ACTION(ScheduleRestart,
                    fsm.data.restart_pending = true;
                    ++fsm.data.consecutive_restarts;
                    fsm.data.backoff_s = CrashLoopBackOffSeconds(fsm.data.consecutive_restarts));
  KREF_MODEL_ACTION(RunAgain, fsm.data.restart_pending = true);

  using transition_table = ::boost::mpl::vector<
      //  from        event            to          action            guard
      Row<Waiting,    Started,         Running,    Start,            none>,
      Row<Waiting,    ImagePullFailed, Waiting,    none,             none>,
      Row<Waiting,    StartFailed,     Terminated, RecordStartError, none>,
      Row<Waiting,    Killed,          Terminated, RecordKill,       none>,
      Row<Running,    Exited,          Terminated, RecordExit,       none>,
      Row<Running,    Killed,          Terminated, RecordKill,       none>,
      Row<Terminated, RestartScheduled, Waiting,   ScheduleRestart,  ShouldRestart>,
      Row<Terminated, SandboxRecreated, Waiting,   RunAgain,         RunsInNewSandbox>,
      Row<Waiting,    BackOffExpired,  Waiting,    none,             none>>;
};

using Runner = msm::Runner<ContainerFront, Started, ImagePullFailed, StartFailed, Exited,
                           RestartScheduled, BackOffExpired, Killed, SandboxRecreated>;

}  // namespace

KREF_MODEL_FACADE_DEFINITIONS(ContainerMachine, Runner, "container")

std::string_view ContainerMachine::State() const { return Table().states[Key()]; }
int ContainerMachine::restart_count() const { return impl_->runner.data().restart_count; }
int ContainerMachine::consecutive_restarts() const {
  return impl_->runner.data().consecutive_restarts;
}
std::int64_t ContainerMachine::backoff_s() const { return impl_->runner.data().backoff_s; }
int ContainerMachine::last_exit_code() const { return impl_->runner.data().last_exit_code; }
bool ContainerMachine::ShouldRestart() const { return RestartAllowed(impl_->runner.data()); }

std::vector<std::string> ContainerMachine::BrokenInvariants() const {
  const Data& data = impl_->runner.data();
  std::vector<std::string> broken;
  if (data.backoff_s < 0 || data.backoff_s > kCrashLoopMaxSeconds ||
      (data.consecutive_restarts >= 2 && data.backoff_s < kCrashLoopInitialSeconds)) {
    broken.push_back("BackOffWithinBounds");
  }
  return broken;
}

}  // namespace kref::model
