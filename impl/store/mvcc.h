// Mvcc: etcd's multi-version key-value model over the Backend: revisions, key generations,
// historical reads, transactions and compaction, with etcd 3.4's request checks and exact errors
// (reference/etcd.md §1.3-1.7). Requests and responses are etcd's own protobuf messages, so the
// gRPC server, the in-process API and the differential tests share one vocabulary.
//
// Reads (Range, read-only Txn, HashKV) run on any thread against the last committed revision.
// Writes go through one WriteBatch at a time: every request in a batch is applied in order and
// gets its own revision(s); Commit() makes the whole batch durable with one fsync (group
// commit) and only then shows it to readers. A request that fails changes nothing.
//
// Response headers carry only `revision`; the server fills in cluster, member and raft term.
//
// Thread safety: the read methods are thread-safe. At most one WriteBatch exists at a time and is
// used by one thread at a time.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "etcd/etcdserverpb/rpc.pb.h"
#include "etcd/mvccpb/kv.pb.h"
#include "impl/common/result.h"
#include "impl/store/backend.h"
#include "impl/store/key_index.h"

namespace kref::store {

namespace pb = ::etcdserverpb;

// What the MVCC layer asks of leases: whether one exists, and which keys are attached to it.
class LeaseAttachments {
 public:
  virtual ~LeaseAttachments() = default;
  virtual bool LeaseExists(int64_t lease) const = 0;
  virtual void Attach(int64_t lease, const std::string& key) = 0;
  virtual void Detach(int64_t lease, const std::string& key) = 0;
};

// etcd's compactMainRev before any compaction.
inline constexpr int64_t kNeverCompacted = -1;

struct MvccOptions {
  int max_txn_ops = 128;  // etcd's --max-txn-ops
};

class Mvcc {
 public:
  class WriteBatch;

  // Opens the store in `backend`, rebuilding the key index and re-attaching leased keys
  // through `leases`. Both must outlive the Mvcc. `leases` may be null (no leases exist).
  static Result<std::unique_ptr<Mvcc>> Open(Backend* backend, LeaseAttachments* leases,
                                            MvccOptions options = {});

  // The last committed revision (1 in a fresh store) and the compacted revision (-1 if never,
  // as etcd reports it; compacting at 0 is allowed once).
  int64_t CurrentRevision() const { return committed_rev_.load(std::memory_order_acquire); }
  int64_t CompactRevision() const;

  Result<pb::RangeResponse> Range(const pb::RangeRequest& request) const;
  // Range's answer split for sending without re-encoding: `head` holds the header, count and
  // more; `kvs` the key-values, already in wire form (RangeResponse field 2, repeated). In key
  // order with no filter, keys_only or sort, the key-values are copied as stored, undecoded.
  // head's encoding appended to kvs is the encoded RangeResponse (field order is free).
  struct WireRange {
    pb::RangeResponse head;
    std::string kvs;
  };
  Result<WireRange> RangeWire(const pb::RangeRequest& request) const;
  // A Txn whose branches hold only ranges. REQUIRES: IsReadOnly(request).
  Result<pb::TxnResponse> ReadOnlyTxn(const pb::TxnRequest& request) const;
  static bool IsReadOnly(const pb::TxnRequest& request);
  // etcd's HashKV: crc32c (Castagnoli) over the key table up to `revision` (0: current),
  // skipping what a compaction would drop, byte-compatible with etcd 3.4.
  Result<pb::HashKVResponse> HashKV(const pb::HashKVRequest& request) const;
  // crc32c over every table (etcd's Hash; not comparable with etcd's value).
  pb::HashResponse Hash() const;
  // The events of revisions [from, to] (to 0: current), in revision order, with prev_kv, read
  // from disk; at most `max_events` unless that would split a revision (watch catch-up).
  // ErrCompacted when `from` is below the compacted revision.
  Result<std::vector<mvccpb::Event>> History(int64_t from, int64_t to, size_t max_events) const;

  // Starts the one write batch. Blocks while a previous batch is uncommitted.
  WriteBatch BeginWrite();

  Backend& backend() const { return *backend_; }

 private:
  friend class WriteBatch;
  class Reader;
  Mvcc(Backend* backend, LeaseAttachments* leases, MvccOptions options)
      : backend_(backend), leases_(leases), options_(options) {}
  Status Load();

  Backend* backend_;
  LeaseAttachments* leases_;
  MvccOptions options_;

  // Guards index_ and compact_rev_ against the writer's changes.
  mutable std::shared_mutex mu_;
  KeyIndex index_;
  int64_t compact_rev_ = kNeverCompacted;
  std::atomic<int64_t> committed_rev_{1};

  // Writer-only state.
  int64_t current_rev_ = 1;        // includes uncommitted batches' revisions
  int64_t scheduled_compact_rev_ = kNeverCompacted;  // includes an uncommitted Compact
  struct CompactionJob {
    int64_t rev = 0;
    std::vector<Revision> keep;
    std::string next_key;  // where the physical deletion resumes
  };
  std::optional<CompactionJob> compaction_;
  std::mutex writer_mu_;  // held by the one WriteBatch
};

class Mvcc::WriteBatch {
 public:
  WriteBatch(WriteBatch&&) noexcept = default;
  ~WriteBatch();  // discards an uncommitted batch's disk writes; REQUIRES: nothing applied

  Result<pb::PutResponse> Put(const pb::PutRequest& request);
  Result<pb::DeleteRangeResponse> DeleteRange(const pb::DeleteRangeRequest& request);
  Result<pb::TxnResponse> Txn(const pb::TxnRequest& request);
  // Schedules compaction at request.revision; it takes effect for readers at Commit() and the
  // disk space is reclaimed by later CompactStep() calls.
  Result<pb::CompactionResponse> Compact(const pb::CompactionRequest& request);
  // Deletes `keys` (those that exist) in one revision, as a lease revocation does. Returns the
  // revision after the change.
  int64_t DeleteKeys(const std::vector<std::string>& keys);
  // Reclaims the space of up to `limit` compacted revisions. Returns true while work remains.
  bool CompactStep(size_t limit);

  bool CompactionPending() const { return mvcc_->compaction_.has_value(); }

  // The backend transaction, for tables other than the key table (leases).
  WriteTxn& txn() { return txn_; }
  // The events applied so far, in order.
  const std::vector<mvccpb::Event>& events() const { return events_; }

  // Makes the batch durable and visible; returns its events.
  std::vector<mvccpb::Event> Commit();

 private:
  friend class Mvcc;
  WriteBatch(Mvcc* mvcc, std::unique_lock<std::mutex> lock);

  // One etcd write transaction inside the batch: its changes share revision current_rev_ + 1,
  // `sub` counts them.
  Result<pb::PutResponse> ApplyPut(const pb::PutRequest& request, int64_t& sub);
  pb::DeleteRangeResponse ApplyDelete(const pb::DeleteRangeRequest& request, int64_t& sub);
  void ApplyTxn(const pb::TxnRequest& request, const std::vector<bool>& path, size_t& path_pos,
                pb::TxnResponse& response, int64_t& sub);
  Status CheckTxnOps(const pb::TxnRequest& request, const std::vector<bool>& path,
                     size_t& path_pos, bool check_puts) const;
  std::optional<mvccpb::KeyValue> Latest(const std::string& key) const;
  int64_t ViewRevision(int64_t sub) const { return sub > 0 ? mvcc_->current_rev_ + 1 : mvcc_->current_rev_; }
  void Finish(int64_t sub) {
    if (sub > 0) ++mvcc_->current_rev_;
  }

  Mvcc* mvcc_;
  std::unique_lock<std::mutex> lock_;
  WriteTxn txn_;
  std::vector<mvccpb::Event> events_;
  std::optional<int64_t> compact_at_commit_;
  bool committed_ = false;
};

// The checks etcd's gRPC layer makes before a request reaches the store (v3rpc/key.go), and
// the duplicate-key rule for transactions. Mvcc applies them too; servers may call them early.
Status CheckRangeRequest(const pb::RangeRequest& request);
Status CheckPutRequest(const pb::PutRequest& request);
Status CheckDeleteRequest(const pb::DeleteRangeRequest& request);
Status CheckTxnRequest(const pb::TxnRequest& request, int max_txn_ops);

}  // namespace kref::store
