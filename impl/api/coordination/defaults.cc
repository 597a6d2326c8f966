// coordination.k8s.io/v1 Lease: the registry strategy on create and the scheme defaults.
#include "impl/api/coordination/ops.h"

namespace kref::api::coordination {

// leaseStrategy.PrepareForCreate: with the CoordinatedLeaderElection gate off (its v1.32
// default) the coordinated-election fields are dropped.
void PrepareForCreate(Lease& object) {
  object.spec.strategy.reset();
  object.spec.preferredHolder.reset();
}

// The v1 scheme registers no defaults for Lease.
void SetDefaults(Lease& /*object*/) {}

}  // namespace kref::api::coordination
