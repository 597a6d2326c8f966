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
KREF_MODEL_EVENT(BackOffStarted);
KREF_MODEL_EVENT(BackOffExpired);
KREF_MODEL_EVENT(Killed);

constexpr int kStartErrorExitCode = 128;

struct Data {
  ContainerMachine::Facts facts;
  int restart_count = 0;
  int consecutive_restarts = 0;
  std::int64_t backoff_s = 0;
  int last_exit_code = 0;
  bool killed = false;  // ended with the pod: never restarts
};

bool RestartAllowed(const Data& data) {
  if (data.killed || data.facts.pod_deleting) return false;
  if (data.facts.sidecar) return true;
  switch (data.facts.restart_policy) {
    case RestartPolicy::kAlways: return true;
    case RestartPolicy::kOnFailure: return data.last_exit_code != 0;
    case RestartPolicy::kNever: return false;
  }
  return false;
}

struct ContainerFront : msm::FrontBase<ContainerFront> {
  Data data;
  using initial_state = Waiting;

  KREF_MODEL_GUARD(ShouldRestart, RestartAllowed(fsm.data));
  KREF_MODEL_ACTION(RecordExit,
                    fsm.data.last_exit_code = fsm.data.facts.exit_code;
                    if (fsm.data.facts.ran_for_s >= kBackOffResetSeconds) fsm.data.consecutive_restarts = 0);
  KREF_MODEL_ACTION(RecordStartError, fsm.data.last_exit_code = kStartErrorExitCode);
  KREF_MODEL_ACTION(RecordKill, fsm.data.killed = true; fsm.data.last_exit_code = fsm.data.facts.exit_code);
  KREF_MODEL_ACTION(BeginBackOff,
                    ++fsm.data.restart_count;
                    ++fsm.data.consecutive_restarts;
                    fsm.data.backoff_s = CrashLoopBackOffSeconds(fsm.data.consecutive_restarts));

  using transition_table = ::boost::mpl::vector<
      //  from        event            to          action            guard
      Row<Waiting,    Started,         Running,    none,             none>,
      Row<Waiting,    ImagePullFailed, Waiting,    none,             none>,
      Row<Waiting,    StartFailed,     Terminated, RecordStartError, none>,
      Row<Waiting,    Killed,          Terminated, RecordKill,       none>,
      Row<Running,    Exited,          Terminated, RecordExit,       none>,
      Row<Running,    Killed,          Terminated, RecordKill,       none>,
      Row<Terminated, BackOffStarted,  Waiting,    BeginBackOff,     ShouldRestart>,
      Row<Waiting,    BackOffExpired,  Waiting,    none,             none>>;
};

using Runner = msm::Runner<ContainerFront, Started, ImagePullFailed, StartFailed, Exited,
                           BackOffStarted, BackOffExpired, Killed>;

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
  if (data.restart_count > 0 &&
      (data.backoff_s < kCrashLoopInitialSeconds || data.backoff_s > kCrashLoopMaxSeconds)) {
    broken.push_back("BackOffWithinBounds");
  }
  if (data.consecutive_restarts > data.restart_count) broken.push_back("BackOffWithinBounds");
  return broken;
}

}  // namespace kref::model
