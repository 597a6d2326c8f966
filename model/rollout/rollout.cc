#include "model/common/msm.h"
// (msm.h first: it sets the MPL limits.)
#include "model/rollout/rollout.h"

namespace kref::model {

namespace {

using msm::none;
using msm::Row;

KREF_MODEL_STATE(NoProgressCondition);
KREF_MODEL_STATE(Rolling);
KREF_MODEL_STATE(Complete);
KREF_MODEL_STATE(Stalled);
KREF_MODEL_STATE(Paused);
KREF_MODEL_STATE(Resumed);
KREF_MODEL_STATE(CreateFailed);
KREF_MODEL_STATE(Unavailable);
KREF_MODEL_STATE(Available);
KREF_MODEL_STATE(NoReplicaFailure);
KREF_MODEL_STATE(ReplicaFailure);

KREF_MODEL_EVENT(NewReplicaSetCreated);
KREF_MODEL_EVENT(FoundNewReplicaSet);
KREF_MODEL_EVENT(ReplicaSetUpdated);
KREF_MODEL_EVENT(NewReplicaSetAvailable);
KREF_MODEL_EVENT(ProgressDeadlineExceeded);
KREF_MODEL_EVENT(DeploymentPaused);
KREF_MODEL_EVENT(DeploymentResumed);
KREF_MODEL_EVENT(ReplicaSetCreateError);
KREF_MODEL_EVENT(MinimumReplicasAvailable);
KREF_MODEL_EVENT(MinimumReplicasUnavailable);
KREF_MODEL_EVENT(ReplicaFailureReported);
KREF_MODEL_EVENT(ReplicaFailureCleared);

struct Data {
  RolloutMachine::Facts facts;
};

struct RolloutFront : msm::FrontBase<RolloutFront> {
  Data data;
  using initial_state = ::boost::mpl::vector<NoProgressCondition, Unavailable, NoReplicaFailure>;

  KREF_MODEL_GUARD(HasProgressDeadline, fsm.data.facts.has_progress_deadline);

  using transition_table = ::boost::mpl::vector<
      //  from                 event                       to                guard
      Row<NoProgressCondition, NewReplicaSetCreated,       Rolling,          none, none>,
      Row<NoProgressCondition, FoundNewReplicaSet,         Rolling,          none, none>,
      Row<NoProgressCondition, DeploymentPaused,           Paused,           none, none>,
      Row<NoProgressCondition, ReplicaSetCreateError,      CreateFailed,     none, none>,
      Row<Rolling,             NewReplicaSetCreated,       Rolling,          none, none>,
      Row<Rolling,             ReplicaSetUpdated,          Rolling,          none, none>,
      Row<Rolling,             NewReplicaSetAvailable,     Complete,         none, none>,
      Row<Rolling,             ProgressDeadlineExceeded,   Stalled,          none, HasProgressDeadline>,
      Row<Rolling,             DeploymentPaused,           Paused,           none, none>,
      Row<Rolling,             ReplicaSetCreateError,      CreateFailed,     none, none>,
      Row<Complete,            NewReplicaSetCreated,       Rolling,          none, none>,
      Row<Complete,            ReplicaSetUpdated,          Rolling,          none, none>,
      Row<Complete,            DeploymentPaused,           Paused,           none, none>,
      Row<Complete,            ReplicaSetCreateError,      CreateFailed,     none, none>,
      Row<Stalled,             NewReplicaSetCreated,       Rolling,          none, none>,
      Row<Stalled,             ReplicaSetUpdated,          Rolling,          none, none>,
      Row<Stalled,             NewReplicaSetAvailable,     Complete,         none, none>,
      Row<Stalled,             ReplicaSetCreateError,      CreateFailed,     none, none>,
      Row<Paused,              DeploymentResumed,          Resumed,          none, none>,
      Row<Resumed,             NewReplicaSetCreated,       Rolling,          none, none>,
      Row<Resumed,             ReplicaSetUpdated,          Rolling,          none, none>,
      Row<Resumed,             NewReplicaSetAvailable,     Complete,         none, none>,
      Row<Resumed,             ProgressDeadlineExceeded,   Stalled,          none, HasProgressDeadline>,
      Row<Resumed,             DeploymentPaused,           Paused,           none, none>,
      Row<Resumed,             ReplicaSetCreateError,      CreateFailed,     none, none>,
      Row<CreateFailed,        NewReplicaSetCreated,       Rolling,          none, none>,
      Row<CreateFailed,        DeploymentPaused,           Paused,           none, none>,
      Row<CreateFailed,        ReplicaSetUpdated,          Rolling,          none, none>,
      Row<CreateFailed,        NewReplicaSetAvailable,     Complete,         none, none>,
      Row<CreateFailed,        ProgressDeadlineExceeded,   Stalled,          none, HasProgressDeadline>,
      Row<Unavailable,         MinimumReplicasAvailable,   Available,        none, none>,
      Row<Available,           MinimumReplicasUnavailable, Unavailable,      none, none>,
      Row<NoReplicaFailure,    ReplicaFailureReported,     ReplicaFailure,   none, none>,
      Row<ReplicaFailure,      ReplicaFailureCleared,      NoReplicaFailure, none, none>>;
};

using Runner =
    msm::Runner<RolloutFront, NewReplicaSetCreated, FoundNewReplicaSet, ReplicaSetUpdated,
                NewReplicaSetAvailable, ProgressDeadlineExceeded, DeploymentPaused,
                DeploymentResumed, ReplicaSetCreateError, MinimumReplicasAvailable,
                MinimumReplicasUnavailable, ReplicaFailureReported, ReplicaFailureCleared>;

}  // namespace

KREF_MODEL_FACADE_DEFINITIONS(RolloutMachine, Runner, "rollout")

std::string_view RolloutMachine::State(Region region) const {
  return Table().states[RegionState(Key(), region)];
}

}  // namespace kref::model
