#include "impl/store/store.h"

#include <algorithm>
#include <random>

#include <spdlog/spdlog.h>

#include "impl/store/errors.h"
#include "impl/store/revision.h"

namespace kref::store {
namespace {

constexpr char kMetaClusterId[] = "clusterID";
constexpr char kMetaMemberId[] = "memberID";
constexpr char kMetaNoSpaceAlarm[] = "alarm.NOSPACE";
constexpr size_t kCompactStepRevisions = 1000;
constexpr int64_t kRaftTerm = 2;  // a fresh single-member etcd's term

bool HasPuts(const pb::TxnRequest& t) {
  for (const auto* ops : {&t.success(), &t.failure()}) {
    for (const pb::RequestOp& op : *ops) {
      if (op.has_request_put()) return true;
      if (op.has_request_txn() && HasPuts(op.request_txn())) return true;
    }
  }
  return false;
}

size_t PutCost(const pb::TxnRequest& t) {
  size_t cost = 0;
  for (const auto* ops : {&t.success(), &t.failure()}) {
    for (const pb::RequestOp& op : *ops) {
      if (op.has_request_put()) cost += op.request_put().key().size() + op.request_put().value().size();
      if (op.has_request_txn()) cost += PutCost(op.request_txn());
    }
  }
  return cost;
}

}  // namespace

Store::Store(StoreOptions options)
    : options_(std::move(options)), clock_(options_.clock ? *options_.clock : SystemClock()) {}

Result<std::unique_ptr<Store>> Store::Open(StoreOptions options) {
  std::unique_ptr<Store> store(new Store(std::move(options)));
  KREF_RETURN_IF_ERROR(store->Init());
  store->writer_ = std::thread([s = store.get()] { s->WriterLoop(); });
  return store;
}

kref::Status Store::Init() {
  Backend::Options backend_options;
  backend_options.dir = options_.data_dir;
  backend_options.sync = options_.sync;
  backend_options.max_size_bytes = std::max<uint64_t>(options_.quota_backend_bytes * 2, uint64_t{8} << 30);
  KREF_ASSIGN_OR_RETURN(backend_, Backend::Open(backend_options));
  {
    WriteTxn txn = backend_->BeginWrite();
    auto id = [&](const char* name) {
      if (auto v = txn.Get(Table::kMeta, name); v && DecodeBigEndian(*v)) {
        return static_cast<uint64_t>(*DecodeBigEndian(*v));
      }
      std::random_device rd;
      uint64_t fresh = ((uint64_t{rd()} << 32) | rd()) & 0x7fffffffffffffffULL;
      txn.Put(Table::kMeta, name, EncodeBigEndian(static_cast<int64_t>(fresh)));
      return fresh;
    };
    cluster_id_ = id(kMetaClusterId);
    member_id_ = id(kMetaMemberId);
    nospace_ = txn.Get(Table::kMeta, kMetaNoSpaceAlarm).has_value();
    txn.Commit();
  }
  lessor_ = std::make_unique<Lessor>(clock_, member_id_);
  lessor_->Load(backend_->BeginRead());
  MvccOptions mvcc_options;
  mvcc_options.max_txn_ops = options_.max_txn_ops;
  KREF_ASSIGN_OR_RETURN(mvcc_, Mvcc::Open(backend_.get(), lessor_.get(), mvcc_options));
  WatchOptions watch_options;
  watch_options.max_response_bytes = options_.max_request_bytes;
  watch_hub_ = std::make_unique<WatchHub>(
      *mvcc_, [this](pb::ResponseHeader* header) { FillHeader(header); }, watch_options);
  return kref::Status();
}

Store::~Store() {
  {
    std::lock_guard lock(queue_mu_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  if (writer_.joinable()) writer_.join();
}

void Store::FillHeader(pb::ResponseHeader* header) const {
  header->set_cluster_id(cluster_id_);
  header->set_member_id(member_id_);
  header->set_raft_term(kRaftTerm);
  if (header->revision() == 0) header->set_revision(mvcc_->CurrentRevision());
}

pb::ResponseHeader Store::Header() const {
  pb::ResponseHeader header;
  FillHeader(&header);
  return header;
}

template <class T>
void Store::Submit(std::function<Result<T>(Mvcc::WriteBatch&)> apply, Done<T> done) {
  auto result = std::make_shared<std::optional<Result<T>>>();
  Pending pending{
      [apply = std::move(apply), result](Mvcc::WriteBatch& batch) { result->emplace(apply(batch)); },
      [this, done, result](bool committed) {
        if (!committed || !result->has_value()) {
          done(ErrStopped());
          return;
        }
        Result<T>& r = **result;
        if (r.has_value()) FillHeader(r->mutable_header());
        done(std::move(r));
      }};
  {
    std::unique_lock lock(queue_mu_);
    if (stopping_) {
      lock.unlock();
      done(ErrStopped());
      return;
    }
    queue_.push_back(std::move(pending));
  }
  queue_cv_.notify_one();
}

void Store::WriterLoop() {
  auto now = std::chrono::steady_clock::now();
  auto next_lease_check = now;
  auto next_progress = now + options_.watch_progress_notify_interval;
  auto next_auto_compaction = std::chrono::steady_clock::time_point::max();
  if (options_.auto_compaction) {
    auto_compactor_.emplace(*options_.auto_compaction, now);
    next_auto_compaction = now;
  }
  while (true) {
    std::deque<Pending> work;
    {
      std::unique_lock lock(queue_mu_);
      queue_cv_.wait_until(lock, std::min({next_lease_check, next_progress, next_auto_compaction}),
                           [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) break;
      work.swap(queue_);
    }
    now = std::chrono::steady_clock::now();
    if (now >= next_lease_check) {
      next_lease_check = now + options_.lease_check_interval;
      RevokeExpiredLeases();
    }
    if (now >= next_progress) {
      next_progress = now + options_.watch_progress_notify_interval;
      watch_hub_->NotifyProgress();
    }
    if (now >= next_auto_compaction) {
      next_auto_compaction = now + auto_compactor_->tick_interval();
      AutoCompact(now);
    }
    Mvcc::WriteBatch batch = mvcc_->BeginWrite();
    if (work.empty() && !batch.CompactionPending()) continue;
    batch.CompactStep(kCompactStepRevisions);
    for (Pending& p : work) p.apply(batch);
    std::vector<mvccpb::Event> events = batch.Commit();
    // Watchers hear of a change before its writer does, as in etcd.
    if (!events.empty()) watch_hub_->Publish(events, mvcc_->CurrentRevision());
    for (Pending& p : work) p.complete(true);
    if (batch.CompactionPending()) {
      // Come back at once while a compaction is reclaiming space.
      std::lock_guard lock(queue_mu_);
      queue_.push_back(Pending{[](Mvcc::WriteBatch&) {}, [](bool) {}});
    } else {
      for (auto& waiter : physical_compaction_waiters_) waiter();
      physical_compaction_waiters_.clear();
    }
  }
  std::deque<Pending> left;
  {
    std::lock_guard lock(queue_mu_);
    left.swap(queue_);
  }
  for (Pending& p : left) p.complete(false);
  for (auto& waiter : physical_compaction_waiters_) waiter();
}

void Store::AutoCompact(std::chrono::steady_clock::time_point now) {
  std::optional<int64_t> revision = auto_compactor_->Tick(now, mvcc_->CurrentRevision());
  if (!revision) return;
  spdlog::info("store: auto compaction to revision {}", *revision);
  pb::CompactionRequest request;
  request.set_revision(*revision);
  // Answered on the writer thread, which owns auto_compactor_.
  CompactAsync(request, [this, revision = *revision](Result<pb::CompactionResponse> result) {
    if (result.has_value() || result.error() == ErrCompacted()) {
      auto_compactor_->Compacted(std::chrono::steady_clock::now(), revision);
    } else {
      spdlog::warn("store: auto compaction to revision {}: {}", revision, result.error().ToString());
    }
  });
}

kref::Status Store::CheckSpace(size_t cost) {
  if (nospace_) return ErrNoSpace();
  if (backend_->SizeInUseBytes() + cost < options_.quota_backend_bytes) return kref::Status();
  spdlog::warn("store: database space exceeded ({} bytes quota); raising the NOSPACE alarm",
               options_.quota_backend_bytes);
  nospace_ = true;
  // Persisted with the next batch; the alarm holds in memory at once.
  Submit<pb::AlarmResponse>(
      [](Mvcc::WriteBatch& batch) -> Result<pb::AlarmResponse> {
        batch.txn().Put(Table::kMeta, kMetaNoSpaceAlarm, "1");
        return pb::AlarmResponse();
      },
      [](Result<pb::AlarmResponse>) {});
  return ErrNoSpace();
}

// ---- KV ----

void Store::RangeAsync(pb::RangeRequest request, Done<pb::RangeResponse> done) {
  auto resp = mvcc_->Range(request);
  if (resp.has_value()) FillHeader(resp->mutable_header());
  done(std::move(resp));
}

Result<std::string> Store::EncodedRange(const pb::RangeRequest& request) const {
  KREF_ASSIGN_OR_RETURN(Mvcc::WireRange wire, mvcc_->RangeWire(request));
  FillHeader(wire.head.mutable_header());
  wire.head.AppendToString(&wire.kvs);
  return std::move(wire.kvs);
}

void Store::PutAsync(pb::PutRequest request, Done<pb::PutResponse> done) {
  if (kref::Status s = CheckPutRequest(request); !s.ok()) return done(s);
  if (kref::Status s = CheckSpace(request.key().size() + request.value().size()); !s.ok()) {
    return done(s);
  }
  Submit<pb::PutResponse>([r = std::move(request)](Mvcc::WriteBatch& b) { return b.Put(r); },
                          std::move(done));
}

void Store::DeleteRangeAsync(pb::DeleteRangeRequest request, Done<pb::DeleteRangeResponse> done) {
  if (kref::Status s = CheckDeleteRequest(request); !s.ok()) return done(s);
  Submit<pb::DeleteRangeResponse>(
      [r = std::move(request)](Mvcc::WriteBatch& b) { return b.DeleteRange(r); }, std::move(done));
}

void Store::TxnAsync(pb::TxnRequest request, Done<pb::TxnResponse> done) {
  if (kref::Status s = CheckTxnRequest(request, options_.max_txn_ops); !s.ok()) return done(s);
  if (Mvcc::IsReadOnly(request)) {
    auto resp = mvcc_->ReadOnlyTxn(request);
    if (resp.has_value()) FillHeader(resp->mutable_header());
    return done(std::move(resp));
  }
  if (HasPuts(request)) {
    if (kref::Status s = CheckSpace(PutCost(request)); !s.ok()) return done(s);
  }
  Submit<pb::TxnResponse>([r = std::move(request)](Mvcc::WriteBatch& b) { return b.Txn(r); },
                          std::move(done));
}

void Store::CompactAsync(pb::CompactionRequest request, Done<pb::CompactionResponse> done) {
  bool physical = request.physical();
  Done<pb::CompactionResponse> reply = std::move(done);
  if (physical) {
    // Answer once the space is reclaimed: completions run on the writer thread, which owns
    // the waiter list.
    reply = [this, done = std::move(reply)](Result<pb::CompactionResponse> r) {
      if (!r.has_value()) return done(std::move(r));
      physical_compaction_waiters_.push_back([done, r = std::move(r)] { done(r); });
    };
  }
  Submit<pb::CompactionResponse>(
      [r = std::move(request)](Mvcc::WriteBatch& b) { return b.Compact(r); }, std::move(reply));
}


// ---- Lease ----

void Store::LeaseGrantAsync(pb::LeaseGrantRequest request, Done<pb::LeaseGrantResponse> done) {
  if (kref::Status s = CheckSpace(0); !s.ok()) return done(s);
  Submit<pb::LeaseGrantResponse>(
      [this, r = std::move(request)](Mvcc::WriteBatch& b) -> Result<pb::LeaseGrantResponse> {
        KREF_ASSIGN_OR_RETURN(Lessor::Granted granted, lessor_->Grant(r.id(), r.ttl(), b.txn()));
        pb::LeaseGrantResponse resp;
        resp.set_id(granted.id);
        resp.set_ttl(granted.ttl_seconds);
        return resp;
      },
      std::move(done));
}

void Store::LeaseRevokeAsync(pb::LeaseRevokeRequest request, Done<pb::LeaseRevokeResponse> done) {
  Submit<pb::LeaseRevokeResponse>(
      [this, id = request.id()](Mvcc::WriteBatch& b) -> Result<pb::LeaseRevokeResponse> {
        KREF_ASSIGN_OR_RETURN(std::vector<std::string> keys, lessor_->Revoke(id, b.txn()));
        pb::LeaseRevokeResponse resp;
        resp.mutable_header()->set_revision(b.DeleteKeys(keys));
        return resp;
      },
      std::move(done));
}

void Store::LeaseKeepAliveAsync(pb::LeaseKeepAliveRequest request,
                                Done<pb::LeaseKeepAliveResponse> done) {
  Submit<pb::LeaseKeepAliveResponse>(
      [this, id = request.id()](Mvcc::WriteBatch& b) -> Result<pb::LeaseKeepAliveResponse> {
        pb::LeaseKeepAliveResponse resp;
        resp.set_id(id);
        auto ttl = lessor_->Renew(id, b.txn());
        resp.set_ttl(ttl.has_value() ? *ttl : 0);
        return resp;
      },
      std::move(done));
}


pb::LeaseTimeToLiveResponse Store::LeaseTimeToLive(const pb::LeaseTimeToLiveRequest& request) const {
  pb::LeaseTimeToLiveResponse resp;
  FillHeader(resp.mutable_header());
  resp.set_id(request.id());
  auto info = lessor_->TimeToLive(request.id());
  if (!info) {
    resp.set_ttl(-1);
    return resp;
  }
  resp.set_ttl(info->ttl_seconds);
  resp.set_grantedttl(info->granted_ttl_seconds);
  if (request.keys()) {
    for (const std::string& key : info->keys) resp.add_keys(key);
  }
  return resp;
}

pb::LeaseLeasesResponse Store::LeaseLeases() const {
  pb::LeaseLeasesResponse resp;
  FillHeader(resp.mutable_header());
  for (int64_t id : lessor_->Leases()) resp.add_leases()->set_id(id);
  return resp;
}

void Store::RevokeExpiredLeases() {
  for (int64_t id : lessor_->Expired()) {
    pb::LeaseRevokeRequest request;
    request.set_id(id);
    LeaseRevokeAsync(request, [id](Result<pb::LeaseRevokeResponse> r) {
      if (!r.has_value() && !r.error().IsNotFound()) {
        spdlog::warn("store: revoking expired lease {:x}: {}", id, r.error().ToString());
      }
    });
  }
}

// ---- Watch ----

std::shared_ptr<KvWatch> Store::Watch(std::function<void()> on_ready) {
  return watch_hub_->OpenStream(std::move(on_ready));
}

// ---- Maintenance and cluster ----

pb::StatusResponse Store::Status() const {
  pb::StatusResponse resp;
  FillHeader(resp.mutable_header());
  resp.set_version(kEtcdVersion);
  resp.set_dbsize(static_cast<int64_t>(backend_->SizeBytes()));
  resp.set_dbsizeinuse(static_cast<int64_t>(backend_->SizeInUseBytes()));
  resp.set_leader(member_id_);
  resp.set_raftindex(static_cast<uint64_t>(mvcc_->CurrentRevision()));
  resp.set_raftappliedindex(static_cast<uint64_t>(mvcc_->CurrentRevision()));
  resp.set_raftterm(kRaftTerm);
  if (nospace_) resp.add_errors("memberID:" + std::to_string(member_id_) + " alarm:NOSPACE ");
  return resp;
}

Result<pb::HashKVResponse> Store::HashKV(const pb::HashKVRequest& request) const {
  auto resp = mvcc_->HashKV(request);
  if (resp.has_value()) FillHeader(resp->mutable_header());
  return resp;
}

pb::HashResponse Store::Hash() const {
  pb::HashResponse resp = mvcc_->Hash();
  FillHeader(resp.mutable_header());
  return resp;
}

Result<pb::AlarmResponse> Store::Alarm(pb::AlarmRequest request) {
  pb::AlarmResponse resp;
  bool nospace_request = request.alarm() == pb::NOSPACE || request.alarm() == pb::NONE;
  switch (request.action()) {
    case pb::AlarmRequest::GET:
      break;
    case pb::AlarmRequest::ACTIVATE:
      if (request.alarm() == pb::NOSPACE) nospace_ = true;
      break;
    case pb::AlarmRequest::DEACTIVATE:
      if (nospace_request && nospace_) {
        auto done = Await<pb::AlarmResponse>([&](auto cb) {
          Submit<pb::AlarmResponse>(
              [](Mvcc::WriteBatch& b) -> Result<pb::AlarmResponse> {
                b.txn().Delete(Table::kMeta, kMetaNoSpaceAlarm);
                return pb::AlarmResponse();
              },
              cb);
        });
        KREF_RETURN_IF_ERROR(done.status());
        nospace_ = false;
        auto* member = resp.add_alarms();
        member->set_memberid(member_id_);
        member->set_alarm(pb::NOSPACE);
      }
      FillHeader(resp.mutable_header());
      return resp;
    default:
      break;
  }
  if (nospace_) {
    auto* member = resp.add_alarms();
    member->set_memberid(member_id_);
    member->set_alarm(pb::NOSPACE);
  }
  FillHeader(resp.mutable_header());
  return resp;
}

pb::MemberListResponse Store::MemberList() const {
  pb::MemberListResponse resp;
  FillHeader(resp.mutable_header());
  pb::Member* member = resp.add_members();
  member->set_id(member_id_);
  member->set_name(options_.name);
  for (const std::string& url : options_.client_urls) member->add_clienturls(url);
  return resp;
}

pb::DefragmentResponse Store::Defragment() const {
  pb::DefragmentResponse resp;
  *resp.mutable_header() = Header();
  return resp;
}

kref::Status Store::CopyTo(int fd) const { return backend_->CopyTo(fd); }

}  // namespace kref::store
