// Lessor: etcd's leases. A lease has an ID, a granted TTL and a deadline; keys put with the
// lease are attached to it and are deleted (in one revision) when it is revoked or expires.
//
// Deadlines are wall-clock times persisted in the backend's lease table, so a lease keeps its
// remaining TTL across a restart (etcd 3.4 instead extends every lease to its full TTL unless
// checkpointing is enabled). The lessor decides; the Store applies its decisions to the key
// space through write batches.
//
// Thread safety: all methods are thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "impl/common/clock.h"
#include "impl/common/result.h"
#include "impl/store/backend.h"
#include "impl/store/mvcc.h"

namespace kref::store {

inline constexpr int64_t kMaxLeaseTtlSeconds = 9'000'000'000;
// etcd's minimum TTL at the default heartbeat (100 ms) and election timeout (1000 ms).
inline constexpr int64_t kMinLeaseTtlSeconds = 2;

class Lessor : public LeaseAttachments {
 public:
  // `member_id` seeds generated lease IDs, as etcd's ID generator does.
  Lessor(Clock& clock, uint64_t member_id);

  // Loads the persisted leases (call before Mvcc::Open re-attaches keys).
  void Load(const ReadTxn& txn);

  struct Granted {
    int64_t id;
    int64_t ttl_seconds;
  };
  // Grants a lease (`id` 0: pick one) and persists it in `txn`. ErrLeaseTTLTooLarge,
  // ErrLeaseExists.
  Result<Granted> Grant(int64_t id, int64_t ttl_seconds, WriteTxn& txn);
  // Forgets the lease and returns the keys attached to it (the caller deletes them).
  // ErrLeaseNotFound.
  Result<std::vector<std::string>> Revoke(int64_t id, WriteTxn& txn);
  // Restarts the lease's TTL and persists the new deadline; returns the granted TTL, or
  // ErrLeaseNotFound.
  Result<int64_t> Renew(int64_t id, WriteTxn& txn);

  struct Info {
    int64_t ttl_seconds;        // remaining, truncated to whole seconds
    int64_t granted_ttl_seconds;
    std::vector<std::string> keys;  // sorted
  };
  std::optional<Info> TimeToLive(int64_t id) const;
  std::vector<int64_t> Leases() const;
  // Leases whose deadline has passed.
  std::vector<int64_t> Expired() const;

  bool LeaseExists(int64_t id) const override;
  void Attach(int64_t id, const std::string& key) override;
  void Detach(int64_t id, const std::string& key) override;

 private:
  struct Lease {
    int64_t ttl_seconds = 0;
    Clock::WallTime deadline;
    std::set<std::string> keys;
  };
  void Persist(int64_t id, const Lease& lease, WriteTxn& txn) const;
  int64_t NextId();

  Clock& clock_;
  uint64_t member_id_;
  mutable std::mutex mu_;
  std::map<int64_t, Lease> leases_;
  uint64_t id_counter_ = 0;
  uint64_t id_prefix_ = 0;
};

}  // namespace kref::store
