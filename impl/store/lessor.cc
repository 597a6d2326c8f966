#include "impl/store/lessor.h"

#include <algorithm>

#include "impl/store/errors.h"
#include "impl/store/revision.h"

namespace kref::store {
namespace {

// Lease records: 8-byte big-endian id -> ttl_seconds and the deadline in unix milliseconds,
// each 8 bytes big-endian.
std::string IdKey(int64_t id) { return EncodeBigEndian(id); }

int64_t UnixMillis(Clock::WallTime t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace

Lessor::Lessor(Clock& clock, uint64_t member_id) : clock_(clock), member_id_(member_id) {
  // etcd's idutil: member id (16 bits) | unix ms (40 bits) | counter (8 bits).
  uint64_t ms = static_cast<uint64_t>(UnixMillis(clock.Now()));
  id_prefix_ = ((member_id & 0xffff) << 48) | ((ms & 0xffffffffff) << 8);
}

int64_t Lessor::NextId() {
  while (true) {
    uint64_t id = (id_prefix_ + ++id_counter_) & 0x7fffffffffffffffULL;
    if (id != 0 && leases_.count(static_cast<int64_t>(id)) == 0) return static_cast<int64_t>(id);
  }
}

void Lessor::Persist(int64_t id, const Lease& lease, WriteTxn& txn) const {
  txn.Put(Table::kLease, IdKey(id),
          EncodeBigEndian(lease.ttl_seconds) + EncodeBigEndian(UnixMillis(lease.deadline)));
}

void Lessor::Load(const ReadTxn& txn) {
  std::lock_guard lock(mu_);
  txn.Scan(Table::kLease, "", [&](std::string_view k, std::string_view v) {
    auto id = DecodeBigEndian(k);
    auto ttl = DecodeBigEndian(v);
    auto deadline_ms = DecodeBigEndian(v.substr(std::min<size_t>(8, v.size())));
    if (!id || !ttl || !deadline_ms) return true;
    Lease lease;
    lease.ttl_seconds = *ttl;
    lease.deadline = Clock::WallTime(std::chrono::milliseconds(*deadline_ms));
    leases_[*id] = std::move(lease);
    return true;
  });
}

Result<Lessor::Granted> Lessor::Grant(int64_t id, int64_t ttl_seconds, WriteTxn& txn) {
  if (ttl_seconds > kMaxLeaseTtlSeconds) return ErrLeaseTTLTooLarge();
  std::lock_guard lock(mu_);
  if (id == 0) id = NextId();
  if (leases_.count(id) > 0) return ErrLeaseExists();
  Lease& lease = leases_[id];
  lease.ttl_seconds = std::max(ttl_seconds, kMinLeaseTtlSeconds);
  lease.deadline = clock_.Now() + std::chrono::seconds(lease.ttl_seconds);
  Persist(id, lease, txn);
  return Granted{id, lease.ttl_seconds};
}

Result<std::vector<std::string>> Lessor::Revoke(int64_t id, WriteTxn& txn) {
  std::lock_guard lock(mu_);
  auto it = leases_.find(id);
  if (it == leases_.end()) return ErrLeaseNotFound();
  std::vector<std::string> keys(it->second.keys.begin(), it->second.keys.end());
  leases_.erase(it);
  txn.Delete(Table::kLease, IdKey(id));
  return keys;
}

Result<int64_t> Lessor::Renew(int64_t id, WriteTxn& txn) {
  std::lock_guard lock(mu_);
  auto it = leases_.find(id);
  if (it == leases_.end()) return ErrLeaseNotFound();
  it->second.deadline = clock_.Now() + std::chrono::seconds(it->second.ttl_seconds);
  Persist(id, it->second, txn);
  return it->second.ttl_seconds;
}

std::optional<Lessor::Info> Lessor::TimeToLive(int64_t id) const {
  std::lock_guard lock(mu_);
  auto it = leases_.find(id);
  if (it == leases_.end()) return std::nullopt;
  auto remaining = std::chrono::duration_cast<std::chrono::seconds>(it->second.deadline - clock_.Now());
  return Info{std::max<int64_t>(remaining.count(), 0), it->second.ttl_seconds,
              std::vector<std::string>(it->second.keys.begin(), it->second.keys.end())};
}

std::vector<int64_t> Lessor::Leases() const {
  std::lock_guard lock(mu_);
  std::vector<int64_t> ids;
  for (const auto& [id, lease] : leases_) ids.push_back(id);
  return ids;
}

std::vector<int64_t> Lessor::Expired() const {
  std::lock_guard lock(mu_);
  std::vector<int64_t> ids;
  auto now = clock_.Now();
  for (const auto& [id, lease] : leases_) {
    if (lease.deadline <= now) ids.push_back(id);
  }
  return ids;
}

bool Lessor::LeaseExists(int64_t id) const {
  std::lock_guard lock(mu_);
  return leases_.count(id) > 0;
}

void Lessor::Attach(int64_t id, const std::string& key) {
  std::lock_guard lock(mu_);
  auto it = leases_.find(id);
  if (it != leases_.end()) it->second.keys.insert(key);
}

void Lessor::Detach(int64_t id, const std::string& key) {
  std::lock_guard lock(mu_);
  auto it = leases_.find(id);
  if (it != leases_.end()) it->second.keys.erase(key);
}

}  // namespace kref::store
