// coordination.k8s.io/v1: Lease, the object nodes and leader-electing components renew to
// show they are alive or hold a lock. Field names, order and omitempty as upstream; see
// impl/api/reflect.h for the conventions.
#pragma once

#include "impl/api/meta/types.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

// clang-format off
namespace kref::api::coordination {

struct LeaseSpec {
  KREF_API_STRUCT(LeaseSpec,
      (std::optional<std::string>, holderIdentity),
      (std::optional<int32_t>, leaseDurationSeconds),
      (std::optional<MicroTime>, acquireTime),
      (std::optional<MicroTime>, renewTime),
      (std::optional<int32_t>, leaseTransitions),
      (std::optional<std::string>, strategy),
      (std::optional<std::string>, preferredHolder));
};

struct Lease {
  KREF_API_STRUCT(Lease,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (LeaseSpec, spec));
};

using LeaseList = meta::List<Lease>;

}  // namespace kref::api::coordination
// clang-format on
