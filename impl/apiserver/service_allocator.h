// ClusterIPs and NodePorts for Services, as upstream's Service registry hands them out: a
// Service without a clusterIP gets a free address of the service range (default
// 10.96.0.0/12), one that names an address must name a free one in the range, and each port of
// a NodePort or LoadBalancer Service gets a free node port (30000-32767) unless it names one.
// The errors are upstream's 422s ("provided IP is already allocated", "provided port is already
// allocated", "... not in the valid range ...").
//
// Each address and port in use is a key of the store, claimed in the same transaction as the
// Service that uses it and released in the same transaction as its deletion, so two Services
// can never get the same one:
//   /registry/ranges/serviceips/<ip>     /registry/ranges/servicenodeports/<port>
//
// Thread safety: thread-safe.
#pragma once

#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "impl/api/core/types.h"
#include "impl/apiserver/object_store.h"
#include "impl/common/result.h"
#include "impl/common/rng.h"

namespace kref::apiserver {

struct ServiceRanges {
  uint32_t first_ip = 0;  // the network address of the range, host order
  uint32_t size = 0;      // addresses in the range
  std::string cidr;       // as given, for messages
  int32_t node_port_min = 30000;
  int32_t node_port_max = 32767;

  // An IPv4 CIDR such as "10.96.0.0/12" (prefix 8 to 30). InvalidArgument otherwise.
  static Result<ServiceRanges> Parse(const std::string& cidr);
  // The range's first usable address (network + 1): the `kubernetes` Service's.
  std::string FirstServiceIp() const;
};

// What a Service write claims and releases.
struct RangeClaims {
  std::vector<std::string> claim;    // keys that must be free, written with the Service
  std::vector<std::string> release;  // keys deleted with the Service write
};

class ServiceAllocator {
 public:
  ServiceAllocator(ObjectStore& objects, ServiceRanges ranges, uint64_t seed)
      : objects_(objects), ranges_(std::move(ranges)), rng_(seed) {}

  // Completes `service` (created when `old` is null, else updated from `old`): allocates what
  // it lacks, checks what it names, keeps an update's clusterIP and node ports (a changed
  // clusterIP is 422 "may not change once set"), and says which keys to claim and release.
  Result<RangeClaims> Prepare(const api::core::Service* old, api::core::Service& service);
  // The keys a stored Service holds (to release when it is deleted).
  static std::vector<std::string> Held(const api::core::Service& service);

  const ServiceRanges& ranges() const { return ranges_; }

 private:
  Result<std::set<std::string>> Taken(const std::string& prefix);

  ObjectStore& objects_;
  ServiceRanges ranges_;
  std::mutex rng_mu_;
  Rng rng_;
};

}  // namespace kref::apiserver
