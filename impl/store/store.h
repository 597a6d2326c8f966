// Store: one etcd member's state machine, in process. It owns the backend, the MVCC key space
// and the lessor, and runs the single writer thread that applies writes in batches, each
// committed with one fsync (group commit) before any of its callers hear back.
//
// It implements Kv (kv.h), the storage interface the API server calls in process, and is what
// `kref store` serves over etcd's gRPC API. Errors are etcd's (errors.h). Response headers
// carry cluster_id, member_id, revision and raft_term.
//
// Writes call `done` on the writer thread once the result is durable; reads (ranges and
// read-only transactions) call it at once on the calling thread, from the last committed
// revision.
//
// Thread safety: all methods are thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "impl/common/clock.h"
#include "impl/common/result.h"
#include "impl/store/auto_compactor.h"
#include "impl/store/backend.h"
#include "impl/store/kv.h"
#include "impl/store/lessor.h"
#include "impl/store/mvcc.h"
#include "impl/store/watch.h"

namespace kref::store {

// The etcd version kref reports in Status. Behaviour follows etcd 3.4 with the fixes listed in
// reference/etcd.md §1.13 applied, so it reports the release that has them.
inline constexpr char kEtcdVersion[] = "3.4.38";

struct StoreOptions {
  std::string data_dir;
  std::string name = "default";
  std::vector<std::string> client_urls;
  uint64_t quota_backend_bytes = uint64_t{2} << 30;  // etcd's default when 0 is given
  int max_txn_ops = 128;
  bool sync = true;  // false only for tests and benchmarks of the in-memory path
  Clock* clock = nullptr;  // null: the system clock
  std::chrono::milliseconds lease_check_interval{500};
  // Periodic progress notifications to watchers that asked for them (etcd's
  // --experimental-watch-progress-notify-interval).
  std::chrono::milliseconds watch_progress_notify_interval{std::chrono::minutes(10)};
  uint64_t max_request_bytes = 1572864;  // watch responses are fragmented at this size
  std::optional<AutoCompactionPolicy> auto_compaction;  // nullopt: off
};

class Store final : public Kv {
 public:
  static Result<std::unique_ptr<Store>> Open(StoreOptions options);
  // Stops the writer; writes still queued fail with ErrStopped.
  ~Store() override;

  // ---- Kv ----
  void RangeAsync(pb::RangeRequest request, Done<pb::RangeResponse> done) override;
  void PutAsync(pb::PutRequest request, Done<pb::PutResponse> done) override;
  void DeleteRangeAsync(pb::DeleteRangeRequest request,
                        Done<pb::DeleteRangeResponse> done) override;
  void TxnAsync(pb::TxnRequest request, Done<pb::TxnResponse> done) override;
  void CompactAsync(pb::CompactionRequest request, Done<pb::CompactionResponse> done) override;
  void LeaseGrantAsync(pb::LeaseGrantRequest request, Done<pb::LeaseGrantResponse> done) override;
  void LeaseRevokeAsync(pb::LeaseRevokeRequest request,
                        Done<pb::LeaseRevokeResponse> done) override;
  void LeaseKeepAliveAsync(pb::LeaseKeepAliveRequest request,
                           Done<pb::LeaseKeepAliveResponse> done) override;
  // Streams are WatchStreams (watch.h).
  std::shared_ptr<KvWatch> Watch(std::function<void()> on_ready) override;
  // RangeAsync's answer, encoded (a RangeResponse's bytes), for a server that sends it as is:
  // stored key-values are not decoded and re-encoded on the way (Mvcc::RangeWire).
  Result<std::string> EncodedRange(const pb::RangeRequest& request) const;

  // ---- Lease ----
  // TTL -1 for an unknown lease, as etcd answers.
  pb::LeaseTimeToLiveResponse LeaseTimeToLive(const pb::LeaseTimeToLiveRequest& request) const;
  pb::LeaseLeasesResponse LeaseLeases() const;
  // Revokes every expired lease; the writer thread calls this every lease_check_interval.
  void RevokeExpiredLeases();

  // ---- Maintenance and cluster ----
  pb::StatusResponse Status() const;
  Result<pb::HashKVResponse> HashKV(const pb::HashKVRequest& request) const;
  pb::HashResponse Hash() const;
  Result<pb::AlarmResponse> Alarm(pb::AlarmRequest request);
  pb::MemberListResponse MemberList() const;
  // Succeeds without rewriting anything: LMDB reuses freed pages in place, so readers are never
  // blocked; the file does not shrink.
  pb::DefragmentResponse Defragment() const;
  // Writes a consistent copy of the database to `fd` (for snapshots).
  kref::Status CopyTo(int fd) const;

  // A response header at the current revision (for answers that carry nothing else).
  pb::ResponseHeader Header() const;
  int64_t CurrentRevision() const { return mvcc_->CurrentRevision(); }
  uint64_t cluster_id() const { return cluster_id_; }
  uint64_t member_id() const { return member_id_; }

 private:
  explicit Store(StoreOptions options);
  kref::Status Init();
  void FillHeader(pb::ResponseHeader* header) const;
  // Queues `apply` for the writer; `done` gets its result after the batch commits.
  template <class T>
  void Submit(std::function<Result<T>(Mvcc::WriteBatch&)> apply, Done<T> done);
  // The quota check for requests that grow the database.
  kref::Status CheckSpace(size_t cost);
  void WriterLoop();
  // Compacts if the auto compaction policy says so (writer thread).
  void AutoCompact(std::chrono::steady_clock::time_point now);

  struct Pending {
    std::function<void(Mvcc::WriteBatch&)> apply;  // runs in the batch, stores its result
    std::function<void(bool committed)> complete;  // reports the stored result
  };

  StoreOptions options_;
  Clock& clock_;
  std::unique_ptr<Backend> backend_;
  std::unique_ptr<Lessor> lessor_;
  std::unique_ptr<Mvcc> mvcc_;
  std::unique_ptr<WatchHub> watch_hub_;
  uint64_t cluster_id_ = 0;
  uint64_t member_id_ = 0;

  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::atomic<bool> nospace_{false};
  // Automatic compaction, run from the writer thread (and used only there).
  std::optional<AutoCompactor> auto_compactor_;
  // Compactions with physical=true, answered when the space is reclaimed (writer thread only).
  std::vector<std::function<void()>> physical_compaction_waiters_;
  std::thread writer_;
};

}  // namespace kref::store
