#include "impl/store/mvcc.h"

#include <algorithm>
#include <boost/crc.hpp>
#include <limits>
#include <set>
#include <unordered_map>

#include "impl/common/check.h"
#include "impl/store/errors.h"

namespace kref::store {
namespace {

using Crc32c = boost::crc_optimal<32, 0x1EDC6F41, 0xFFFFFFFF, 0xFFFFFFFF, true, true>;

constexpr uint32_t kRangeResponseKvsField = 2;  // RangeResponse.kvs (rpc.proto)

// Appends field `field` holding `bytes` in protobuf wire form: tag, varint length, bytes.
void AppendLengthDelimited(uint32_t field, std::string_view bytes, std::string& out) {
  auto varint = [&out](uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  };
  varint((field << 3) | 2);
  varint(bytes.size());
  out.append(bytes);
}

constexpr int64_t kLatest = std::numeric_limits<int64_t>::max();
constexpr char kMetaCurrentRev[] = "currentRev";
constexpr char kMetaScheduledCompactRev[] = "scheduledCompactRev";
constexpr char kMetaFinishedCompactRev[] = "finishedCompactRev";

int64_t DecodeMetaInt(std::string_view bytes) { return DecodeBigEndian(bytes).value_or(0); }

// Reads fields 1 (key) and 6 (lease) of a serialized mvccpb.KeyValue without a full parse.
bool PeekKeyAndLease(std::string_view bytes, std::string_view& key, int64_t& lease) {
  size_t pos = 0;
  auto varint = [&](uint64_t& out) {
    out = 0;
    for (int shift = 0; shift < 64 && pos < bytes.size(); shift += 7) {
      auto b = static_cast<unsigned char>(bytes[pos++]);
      out |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return true;
    }
    return false;
  };
  lease = 0;
  bool have_key = false;
  while (pos < bytes.size()) {
    uint64_t tag;
    if (!varint(tag)) return false;
    uint64_t field = tag >> 3, wire = tag & 7;
    if (wire == 0) {
      uint64_t v;
      if (!varint(v)) return false;
      if (field == 6) lease = static_cast<int64_t>(v);
    } else if (wire == 2) {
      uint64_t len;
      if (!varint(len) || len > bytes.size() - pos) return false;
      if (field == 1) {
        key = bytes.substr(pos, len);
        have_key = true;
      }
      pos += len;
    } else {
      return false;
    }
  }
  return have_key;
}

// etcd's adt string-affine intervals: "" as an end is +infinity.
bool AffineLess(std::string_view a, std::string_view b) {
  if (a.empty()) return false;
  if (b.empty()) return true;
  return a < b;
}
struct Interval {
  std::string begin, end;
  bool Contains(const std::string& point) const {
    // [point, point+"\0") intersects [begin, end)
    std::string point_end = point + '\0';
    return AffineLess(begin, point_end) && AffineLess(point, end);
  }
};
using Intervals = std::vector<Interval>;
bool AnyContains(const Intervals& intervals, const std::string& point) {
  return std::any_of(intervals.begin(), intervals.end(),
                     [&](const Interval& i) { return i.Contains(point); });
}

// checkIntervals: no key may be put twice, or put and deleted, by one executed path.
Status CheckIntervals(const google::protobuf::RepeatedPtrField<pb::RequestOp>& ops,
                      std::set<std::string>& puts, Intervals& dels) {
  for (const pb::RequestOp& op : ops) {
    if (!op.has_request_delete_range()) continue;
    const auto& d = op.request_delete_range();
    if (d.range_end().empty()) {
      dels.push_back({d.key(), d.key() + '\0'});
    } else {
      dels.push_back({d.key(), d.range_end()});
    }
  }
  for (const pb::RequestOp& op : ops) {
    if (!op.has_request_txn()) continue;
    std::set<std::string> puts_then, puts_else;
    Intervals dels_then, dels_else;
    KREF_RETURN_IF_ERROR(CheckIntervals(op.request_txn().success(), puts_then, dels_then));
    KREF_RETURN_IF_ERROR(CheckIntervals(op.request_txn().failure(), puts_else, dels_else));
    for (const std::string& k : puts_then) {
      if (puts.count(k) || AnyContains(dels, k)) return ErrDuplicateKey();
      puts.insert(k);
    }
    for (const std::string& k : puts_else) {
      // then and else are exclusive, so a key both put is fine
      if (puts.count(k) && !puts_then.count(k)) return ErrDuplicateKey();
      if (AnyContains(dels, k)) return ErrDuplicateKey();
      puts.insert(k);
    }
    dels.insert(dels.end(), dels_then.begin(), dels_then.end());
    dels.insert(dels.end(), dels_else.begin(), dels_else.end());
  }
  for (const pb::RequestOp& op : ops) {
    if (!op.has_request_put()) continue;
    const std::string& k = op.request_put().key();
    if (puts.count(k) || AnyContains(dels, k)) return ErrDuplicateKey();
    puts.insert(k);
  }
  return Status();
}

Status CheckRequestOp(const pb::RequestOp& op, int max_txn_ops) {
  switch (op.request_case()) {
    case pb::RequestOp::kRequestRange: return CheckRangeRequest(op.request_range());
    case pb::RequestOp::kRequestPut: return CheckPutRequest(op.request_put());
    case pb::RequestOp::kRequestDeleteRange: return CheckDeleteRequest(op.request_delete_range());
    case pb::RequestOp::kRequestTxn: return CheckTxnRequest(op.request_txn(), max_txn_ops);
    default: return ErrKeyNotFound();  // an empty op
  }
}

int CompareInts(int64_t a, int64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

bool CompareKv(const pb::Compare& c, const mvccpb::KeyValue& kv) {
  int result = 0;
  switch (c.target()) {
    case pb::Compare::VALUE: {
      const std::string& v = c.target_union_case() == pb::Compare::kValue ? c.value() : "";
      int r = kv.value().compare(v);
      result = r < 0 ? -1 : (r > 0 ? 1 : 0);
      break;
    }
    case pb::Compare::CREATE:
      result = CompareInts(kv.create_revision(), c.target_union_case() == pb::Compare::kCreateRevision
                                                     ? c.create_revision()
                                                     : 0);
      break;
    case pb::Compare::MOD:
      result = CompareInts(kv.mod_revision(),
                           c.target_union_case() == pb::Compare::kModRevision ? c.mod_revision() : 0);
      break;
    case pb::Compare::VERSION:
      result = CompareInts(kv.version(),
                           c.target_union_case() == pb::Compare::kVersion ? c.version() : 0);
      break;
    case pb::Compare::LEASE:
      result = CompareInts(kv.lease(), c.target_union_case() == pb::Compare::kLease ? c.lease() : 0);
      break;
    default: break;
  }
  switch (c.result()) {
    case pb::Compare::EQUAL: return result == 0;
    case pb::Compare::NOT_EQUAL: return result != 0;
    case pb::Compare::GREATER: return result > 0;
    case pb::Compare::LESS: return result < 0;
    default: return true;
  }
}

// Orders kvs by the requested target (ascending).
bool TargetLess(pb::RangeRequest::SortTarget target, const mvccpb::KeyValue& a,
                const mvccpb::KeyValue& b) {
  switch (target) {
    case pb::RangeRequest::KEY: return a.key() < b.key();
    case pb::RangeRequest::VERSION: return a.version() < b.version();
    case pb::RangeRequest::CREATE: return a.create_revision() < b.create_revision();
    case pb::RangeRequest::MOD: return a.mod_revision() < b.mod_revision();
    case pb::RangeRequest::VALUE: return a.value() < b.value();
    default: return false;
  }
}

}  // namespace

// ---- Request checks (etcd's v3rpc/key.go) ----

Status CheckRangeRequest(const pb::RangeRequest& request) {
  if (request.key().empty()) return ErrEmptyKey();
  return Status();
}

Status CheckPutRequest(const pb::PutRequest& request) {
  if (request.key().empty()) return ErrEmptyKey();
  if (request.ignore_value() && !request.value().empty()) return ErrValueProvided();
  if (request.ignore_lease() && request.lease() != 0) return ErrLeaseProvided();
  return Status();
}

Status CheckDeleteRequest(const pb::DeleteRangeRequest& request) {
  if (request.key().empty()) return ErrEmptyKey();
  return Status();
}

Status CheckTxnRequest(const pb::TxnRequest& request, int max_txn_ops) {
  if (request.compare_size() > max_txn_ops || request.success_size() > max_txn_ops ||
      request.failure_size() > max_txn_ops) {
    return ErrTooManyOps();
  }
  for (const pb::Compare& c : request.compare()) {
    if (c.key().empty()) return ErrEmptyKey();
  }
  for (const pb::RequestOp& op : request.success()) {
    KREF_RETURN_IF_ERROR(CheckRequestOp(op, max_txn_ops));
  }
  for (const pb::RequestOp& op : request.failure()) {
    KREF_RETURN_IF_ERROR(CheckRequestOp(op, max_txn_ops));
  }
  std::set<std::string> puts;
  Intervals dels;
  KREF_RETURN_IF_ERROR(CheckIntervals(request.success(), puts, dels));
  puts.clear();
  dels.clear();
  return CheckIntervals(request.failure(), puts, dels);
}

// ---- Reads ----

// A view of the store at one revision: the index plus a backend transaction that holds the
// values of every revision the view can see.
class Mvcc::Reader {
 public:
  Reader(const KeyIndex& index, const ReadTxn& txn, int64_t rev, int64_t compact_rev)
      : index_(index), txn_(txn), rev_(rev), compact_rev_(compact_rev) {}

  int64_t rev() const { return rev_; }

  bool Fetch(Revision rev, mvccpb::KeyValue& kv) const {
    auto bytes = txn_.Get(Table::kKey, EncodeRevisionKey(rev));
    KREF_CHECK(bytes.has_value());
    return kv.ParseFromArray(bytes->data(), static_cast<int>(bytes->size()));
  }

  std::optional<mvccpb::KeyValue> Get(const std::string& key, int64_t at_rev) const {
    auto rev = index_.Get(key, at_rev);
    if (!rev) return std::nullopt;
    mvccpb::KeyValue kv;
    Fetch(*rev, kv);
    return kv;
  }

  // Checks `revision` (0 or less: the view's) against the view; returns the one to read at.
  Result<int64_t> ReadRevision(int64_t revision) const {
    if (revision > rev_) return ErrFutureRev();
    if (revision <= 0) return rev_;
    if (revision < compact_rev_) return ErrCompacted();
    return revision;
  }

  Result<pb::RangeResponse> Range(const pb::RangeRequest& r) const {
    KREF_RETURN_IF_ERROR(CheckRangeRequest(r));
    KREF_ASSIGN_OR_RETURN(int64_t at, ReadRevision(r.revision()));
    pb::RangeResponse resp;
    resp.mutable_header()->set_revision(rev_);
    KeyRange range = KeyRange::FromRequest(r.key(), r.range_end());
    if (r.count_only()) {
      resp.set_count(index_.Count(range, at));
      return resp;
    }
    bool fetch_all = r.sort_order() != pb::RangeRequest::NONE ||
                     r.sort_target() != pb::RangeRequest::KEY || r.min_mod_revision() != 0 ||
                     r.max_mod_revision() != 0 || r.min_create_revision() != 0 ||
                     r.max_create_revision() != 0;
    uint64_t wanted = (fetch_all || r.limit() <= 0) ? std::numeric_limits<uint64_t>::max()
                                                     : static_cast<uint64_t>(r.limit()) + 1;
    std::vector<Revision> revs;
    int64_t total = 0;
    index_.Visit(range, at, [&](const std::string&, Revision rev) {
      ++total;
      if (revs.size() < wanted) revs.push_back(rev);
      return true;
    });
    resp.set_count(total);
    std::vector<mvccpb::KeyValue> kvs(revs.size());
    for (size_t i = 0; i < revs.size(); ++i) Fetch(revs[i], kvs[i]);
    auto prune = [&](auto drop) { kvs.erase(std::remove_if(kvs.begin(), kvs.end(), drop), kvs.end()); };
    if (r.max_mod_revision() != 0) prune([&](const auto& kv) { return kv.mod_revision() > r.max_mod_revision(); });
    if (r.min_mod_revision() != 0) prune([&](const auto& kv) { return kv.mod_revision() < r.min_mod_revision(); });
    if (r.max_create_revision() != 0) prune([&](const auto& kv) { return kv.create_revision() > r.max_create_revision(); });
    if (r.min_create_revision() != 0) prune([&](const auto& kv) { return kv.create_revision() < r.min_create_revision(); });
    auto order = r.sort_order();
    if (r.sort_target() != pb::RangeRequest::KEY && order == pb::RangeRequest::NONE) {
      order = pb::RangeRequest::ASCEND;
    }
    if (order == pb::RangeRequest::ASCEND || order == pb::RangeRequest::DESCEND) {
      // Stable, so ties stay in key order; etcd leaves tie order unspecified.
      bool descend = order == pb::RangeRequest::DESCEND;
      std::stable_sort(kvs.begin(), kvs.end(), [&](const auto& a, const auto& b) {
        return descend ? TargetLess(r.sort_target(), b, a) : TargetLess(r.sort_target(), a, b);
      });
    }
    if (r.limit() > 0 && kvs.size() > static_cast<uint64_t>(r.limit())) {
      kvs.resize(static_cast<size_t>(r.limit()));
      resp.set_more(true);
    }
    for (auto& kv : kvs) {
      if (r.keys_only()) kv.clear_value();
      *resp.add_kvs() = std::move(kv);
    }
    return resp;
  }

  // Range(r) in wire form: the key-values as stored, never decoded, when r asks for them in key
  // order, whole and unfiltered. nullopt when it does not (Range decodes them then).
  std::optional<Result<WireRange>> RangeWire(const pb::RangeRequest& r) const {
    bool as_stored = !r.count_only() && !r.keys_only() &&
                     (r.sort_order() == pb::RangeRequest::NONE ||
                      r.sort_order() == pb::RangeRequest::ASCEND) &&
                     r.sort_target() == pb::RangeRequest::KEY && r.min_mod_revision() == 0 &&
                     r.max_mod_revision() == 0 && r.min_create_revision() == 0 &&
                     r.max_create_revision() == 0;
    if (!as_stored) return std::nullopt;
    if (Status s = CheckRangeRequest(r); !s.ok()) return Result<WireRange>(s);
    Result<int64_t> at = ReadRevision(r.revision());
    if (!at.has_value()) return Result<WireRange>(at.error());
    WireRange out;
    out.head.mutable_header()->set_revision(rev_);
    uint64_t limit = r.limit() > 0 ? static_cast<uint64_t>(r.limit()) : std::numeric_limits<uint64_t>::max();
    int64_t total = 0;
    index_.Visit(KeyRange::FromRequest(r.key(), r.range_end()), *at,
                 [&](const std::string&, Revision rev) {
                   if (static_cast<uint64_t>(total++) < limit) {
                     auto bytes = txn_.Get(Table::kKey, EncodeRevisionKey(rev));
                     KREF_CHECK(bytes.has_value());
                     AppendLengthDelimited(kRangeResponseKvsField, *bytes, out.kvs);
                   }
                   return true;
                 });
    out.head.set_count(total);
    out.head.set_more(static_cast<uint64_t>(total) > limit);
    return Result<WireRange>(std::move(out));
  }

  bool Compare(const pb::Compare& c) const {
    KeyRange range = KeyRange::FromRequest(c.key(), c.range_end());
    bool any = false, all = true;
    index_.Visit(range, rev_, [&](const std::string&, Revision rev) {
      any = true;
      mvccpb::KeyValue kv;
      Fetch(rev, kv);
      all = CompareKv(c, kv);
      return all;
    });
    if (!any) return c.target() != pb::Compare::VALUE && CompareKv(c, mvccpb::KeyValue());
    return all;
  }

  // compareToPath: the branch each (nested) txn on the executed path takes, outermost first,
  // all decided against this view.
  void ComparePath(const pb::TxnRequest& t, std::vector<bool>& path) const {
    bool ok = std::all_of(t.compare().begin(), t.compare().end(),
                          [&](const pb::Compare& c) { return Compare(c); });
    path.push_back(ok);
    for (const pb::RequestOp& op : ok ? t.success() : t.failure()) {
      if (op.has_request_txn()) ComparePath(op.request_txn(), path);
    }
  }

  // Checks a range inside a txn against the view (etcd's checkRange).
  Status CheckRange(const pb::RangeRequest& r) const {
    if (r.revision() == 0) return Status();
    if (r.revision() > rev_) return ErrFutureRev();
    if (r.revision() < compact_rev_) return ErrCompacted();
    return Status();
  }

  // Applies a read-only txn.
  Result<pb::TxnResponse> ReadOnlyTxn(const pb::TxnRequest& t, const std::vector<bool>& path,
                                      size_t& pos) const {
    pb::TxnResponse resp;
    bool ok = path[pos++];
    resp.set_succeeded(ok);
    for (const pb::RequestOp& op : ok ? t.success() : t.failure()) {
      pb::ResponseOp* out = resp.add_responses();
      if (op.has_request_range()) {
        KREF_ASSIGN_OR_RETURN(*out->mutable_response_range(), Range(op.request_range()));
      } else if (op.has_request_txn()) {
        KREF_ASSIGN_OR_RETURN(*out->mutable_response_txn(), ReadOnlyTxn(op.request_txn(), path, pos));
        out->mutable_response_txn()->mutable_header();
      }
    }
    return resp;
  }

  Status CheckRanges(const pb::TxnRequest& t, const std::vector<bool>& path, size_t& pos) const {
    bool ok = path[pos++];
    for (const pb::RequestOp& op : ok ? t.success() : t.failure()) {
      if (op.has_request_range()) KREF_RETURN_IF_ERROR(CheckRange(op.request_range()));
      if (op.has_request_txn()) KREF_RETURN_IF_ERROR(CheckRanges(op.request_txn(), path, pos));
    }
    return Status();
  }

 private:
  const KeyIndex& index_;
  const ReadTxn& txn_;
  int64_t rev_;
  int64_t compact_rev_;
};

Result<std::unique_ptr<Mvcc>> Mvcc::Open(Backend* backend, LeaseAttachments* leases,
                                         MvccOptions options) {
  std::unique_ptr<Mvcc> mvcc(new Mvcc(backend, leases, options));
  KREF_RETURN_IF_ERROR(mvcc->Load());
  return mvcc;
}

Status Mvcc::Load() {
  ReadTxn txn = backend_->BeginRead();
  int64_t max_rev = 1;
  std::unordered_map<std::string, int64_t> leased;  // live key -> lease
  Status status;
  txn.Scan(Table::kKey, "", [&](std::string_view k, std::string_view v) {
    auto rk = DecodeRevisionKey(k);
    std::string_view key;
    int64_t lease = 0;
    if (!rk || !PeekKeyAndLease(v, key, lease)) {
      status = DataLossError("store: corrupt entry in the key table");
      return false;
    }
    max_rev = std::max(max_rev, rk->rev.main);
    if (rk->tombstone) {
      index_.Tombstone(key, rk->rev);
      leased.erase(std::string(key));
    } else {
      index_.Put(key, rk->rev);
      if (lease != 0) {
        leased[std::string(key)] = lease;
      } else {
        leased.erase(std::string(key));
      }
    }
    return true;
  });
  KREF_RETURN_IF_ERROR(status);
  if (auto v = txn.Get(Table::kMeta, kMetaCurrentRev)) max_rev = std::max(max_rev, DecodeMetaInt(*v));
  int64_t scheduled = kNeverCompacted, finished = kNeverCompacted;
  if (auto v = txn.Get(Table::kMeta, kMetaScheduledCompactRev)) scheduled = DecodeMetaInt(*v);
  if (auto v = txn.Get(Table::kMeta, kMetaFinishedCompactRev)) finished = DecodeMetaInt(*v);
  max_rev = std::max(max_rev, scheduled);
  current_rev_ = max_rev;
  committed_rev_.store(max_rev, std::memory_order_release);
  if (leases_ != nullptr) {
    for (const auto& [key, lease] : leased) leases_->Attach(lease, key);
  }
  if (scheduled != kNeverCompacted) {
    compact_rev_ = scheduled;
    scheduled_compact_rev_ = scheduled;
    std::vector<Revision> keep = index_.Compact(scheduled);
    if (finished < scheduled) compaction_ = CompactionJob{scheduled, std::move(keep), ""};
  }
  return Status();
}

int64_t Mvcc::CompactRevision() const {
  std::shared_lock lock(mu_);
  return compact_rev_;
}

Result<pb::RangeResponse> Mvcc::Range(const pb::RangeRequest& request) const {
  std::shared_lock lock(mu_);
  ReadTxn txn = backend_->BeginRead();
  return Reader(index_, txn, CurrentRevision(), compact_rev_).Range(request);
}

Result<Mvcc::WireRange> Mvcc::RangeWire(const pb::RangeRequest& request) const {
  std::shared_lock lock(mu_);
  ReadTxn txn = backend_->BeginRead();
  Reader reader(index_, txn, CurrentRevision(), compact_rev_);
  if (auto wire = reader.RangeWire(request)) return std::move(*wire);
  KREF_ASSIGN_OR_RETURN(pb::RangeResponse resp, reader.Range(request));
  WireRange out;
  for (const mvccpb::KeyValue& kv : resp.kvs()) {
    AppendLengthDelimited(kRangeResponseKvsField, kv.SerializeAsString(), out.kvs);
  }
  resp.clear_kvs();
  out.head = std::move(resp);
  return out;
}

bool Mvcc::IsReadOnly(const pb::TxnRequest& request) {
  auto ops_read_only = [](const auto& ops) {
    return std::all_of(ops.begin(), ops.end(), [](const pb::RequestOp& op) {
      if (op.has_request_range()) return true;
      if (op.has_request_txn()) return IsReadOnly(op.request_txn());
      return false;
    });
  };
  return ops_read_only(request.success()) && ops_read_only(request.failure());
}

Result<pb::TxnResponse> Mvcc::ReadOnlyTxn(const pb::TxnRequest& request) const {
  KREF_RETURN_IF_ERROR(CheckTxnRequest(request, options_.max_txn_ops));
  std::shared_lock lock(mu_);
  ReadTxn txn = backend_->BeginRead();
  Reader reader(index_, txn, CurrentRevision(), compact_rev_);
  std::vector<bool> path;
  reader.ComparePath(request, path);
  size_t pos = 0;
  KREF_RETURN_IF_ERROR(reader.CheckRanges(request, path, pos));
  pos = 0;
  KREF_ASSIGN_OR_RETURN(pb::TxnResponse resp, reader.ReadOnlyTxn(request, path, pos));
  resp.mutable_header()->set_revision(reader.rev());
  return resp;
}

Result<pb::HashKVResponse> Mvcc::HashKV(const pb::HashKVRequest& request) const {
  std::shared_lock lock(mu_);
  int64_t current = CurrentRevision(), compact = compact_rev_;
  int64_t rev = request.revision();
  if (rev > 0 && rev <= compact) return ErrCompacted();
  if (rev > current) return ErrFutureRev();
  if (rev <= 0) rev = current;
  std::vector<Revision> keep = index_.Keep(rev);
  ReadTxn txn = backend_->BeginRead();
  lock.unlock();
  Crc32c crc;
  crc.process_bytes("key", 3);
  txn.Scan(Table::kKey, "", [&](std::string_view k, std::string_view v) {
    auto rk = DecodeRevisionKey(k);
    if (!rk || rk->rev.main > rev) return false;
    if (rk->rev.main <= compact && !keep.empty() &&
        !std::binary_search(keep.begin(), keep.end(), rk->rev)) {
      return true;
    }
    crc.process_bytes(k.data(), k.size());
    crc.process_bytes(v.data(), v.size());
    return true;
  });
  pb::HashKVResponse resp;
  resp.mutable_header()->set_revision(current);
  resp.set_hash(crc.checksum());
  resp.set_compact_revision(compact);
  return resp;
}

pb::HashResponse Mvcc::Hash() const {
  ReadTxn txn = backend_->BeginRead();
  Crc32c crc;
  for (Table table : {Table::kKey, Table::kMeta, Table::kLease}) {
    txn.Scan(table, "", [&](std::string_view k, std::string_view v) {
      crc.process_bytes(k.data(), k.size());
      crc.process_bytes(v.data(), v.size());
      return true;
    });
  }
  pb::HashResponse resp;
  resp.mutable_header()->set_revision(CurrentRevision());
  resp.set_hash(crc.checksum());
  return resp;
}

Result<std::vector<mvccpb::Event>> Mvcc::History(int64_t from, int64_t to,
                                                 size_t max_events) const {
  std::shared_lock lock(mu_);
  int64_t current = CurrentRevision();
  if (from < compact_rev_) return ErrCompacted();
  if (to <= 0 || to > current) to = current;
  ReadTxn txn = backend_->BeginRead();
  Reader reader(index_, txn, current, compact_rev_);
  std::vector<mvccpb::Event> events;
  int64_t last_main = 0;
  txn.Scan(Table::kKey, EncodeRevisionKey({from, 0}), [&](std::string_view k, std::string_view v) {
    auto rk = DecodeRevisionKey(k);
    if (!rk || rk->rev.main > to) return false;
    // Never split a revision: stop only at a revision boundary.
    if (events.size() >= max_events && rk->rev.main != last_main) return false;
    last_main = rk->rev.main;
    mvccpb::Event ev;
    ev.mutable_kv()->ParseFromArray(v.data(), static_cast<int>(v.size()));
    if (rk->tombstone) {
      ev.set_type(mvccpb::Event::DELETE);
      ev.mutable_kv()->set_mod_revision(rk->rev.main);
    }
    // As etcd: the previous value is the key's at the revision before, and a creation has
    // none (even when a delete of the same key comes first in its revision).
    bool creation = !rk->tombstone && ev.kv().create_revision() == ev.kv().mod_revision();
    if (auto prev = reader.Get(ev.kv().key(), rk->rev.main - 1); prev && !creation) {
      *ev.mutable_prev_kv() = std::move(*prev);
    }
    events.push_back(std::move(ev));
    return true;
  });
  return events;
}

// ---- Writes ----

Mvcc::WriteBatch Mvcc::BeginWrite() {
  std::unique_lock lock(writer_mu_);
  return WriteBatch(this, std::move(lock));
}

Mvcc::WriteBatch::WriteBatch(Mvcc* mvcc, std::unique_lock<std::mutex> lock)
    : mvcc_(mvcc), lock_(std::move(lock)), txn_(mvcc->backend_->BeginWrite()) {}

Mvcc::WriteBatch::~WriteBatch() {
  if (lock_.owns_lock() && !committed_) KREF_CHECK(events_.empty());
}

std::optional<mvccpb::KeyValue> Mvcc::WriteBatch::Latest(const std::string& key) const {
  return Reader(mvcc_->index_, txn_, kLatest, 0).Get(key, kLatest);
}

Result<pb::PutResponse> Mvcc::WriteBatch::ApplyPut(const pb::PutRequest& r, int64_t& sub) {
  std::optional<mvccpb::KeyValue> prev = Latest(r.key());
  if ((r.ignore_value() || r.ignore_lease()) && !prev) return ErrKeyNotFound();
  int64_t lease = r.ignore_lease() ? prev->lease() : r.lease();
  Revision rev{mvcc_->current_rev_ + 1, sub++};
  mvccpb::Event& ev = events_.emplace_back();
  ev.set_type(mvccpb::Event::PUT);
  mvccpb::KeyValue& kv = *ev.mutable_kv();
  kv.set_key(r.key());
  kv.set_create_revision(prev ? prev->create_revision() : rev.main);
  kv.set_mod_revision(rev.main);
  kv.set_version(prev ? prev->version() + 1 : 1);
  kv.set_value(r.ignore_value() ? prev->value() : r.value());
  kv.set_lease(lease);
  txn_.Put(Table::kKey, EncodeRevisionKey(rev), kv.SerializeAsString());
  {
    std::unique_lock lock(mvcc_->mu_);
    mvcc_->index_.Put(r.key(), rev);
  }
  if (mvcc_->leases_ != nullptr) {
    if (prev && prev->lease() != 0) mvcc_->leases_->Detach(prev->lease(), r.key());
    if (lease != 0) mvcc_->leases_->Attach(lease, r.key());
  }
  pb::PutResponse resp;
  resp.mutable_header()->set_revision(rev.main);
  if (prev) {
    if (r.prev_kv()) *resp.mutable_prev_kv() = *prev;
    *ev.mutable_prev_kv() = std::move(*prev);
  }
  return resp;
}

pb::DeleteRangeResponse Mvcc::WriteBatch::ApplyDelete(const pb::DeleteRangeRequest& r,
                                                      int64_t& sub) {
  pb::DeleteRangeResponse resp;
  std::vector<std::pair<std::string, Revision>> live;
  mvcc_->index_.Visit(KeyRange::FromRequest(r.key(), r.range_end()), kLatest,
                      [&](const std::string& key, Revision rev) {
                        live.emplace_back(key, rev);
                        return true;
                      });
  Reader reader(mvcc_->index_, txn_, kLatest, 0);
  for (auto& [key, old_rev] : live) {
    mvccpb::Event& ev = events_.emplace_back();
    ev.set_type(mvccpb::Event::DELETE);
    reader.Fetch(old_rev, *ev.mutable_prev_kv());
    Revision rev{mvcc_->current_rev_ + 1, sub++};
    mvccpb::KeyValue tombstone;
    tombstone.set_key(key);
    txn_.Put(Table::kKey, EncodeRevisionKey(rev, true), tombstone.SerializeAsString());
    {
      std::unique_lock lock(mvcc_->mu_);
      mvcc_->index_.Tombstone(key, rev);
    }
    if (mvcc_->leases_ != nullptr && ev.prev_kv().lease() != 0) {
      mvcc_->leases_->Detach(ev.prev_kv().lease(), key);
    }
    ev.mutable_kv()->set_key(key);
    ev.mutable_kv()->set_mod_revision(rev.main);
    if (r.prev_kv()) *resp.add_prev_kvs() = ev.prev_kv();
  }
  resp.set_deleted(static_cast<int64_t>(live.size()));
  resp.mutable_header()->set_revision(ViewRevision(sub));
  return resp;
}

Result<pb::PutResponse> Mvcc::WriteBatch::Put(const pb::PutRequest& request) {
  KREF_RETURN_IF_ERROR(CheckPutRequest(request));
  if (request.lease() != 0 &&
      (mvcc_->leases_ == nullptr || !mvcc_->leases_->LeaseExists(request.lease()))) {
    return ErrLeaseNotFound();
  }
  int64_t sub = 0;
  KREF_ASSIGN_OR_RETURN(pb::PutResponse resp, ApplyPut(request, sub));
  Finish(sub);
  return resp;
}

Result<pb::DeleteRangeResponse> Mvcc::WriteBatch::DeleteRange(const pb::DeleteRangeRequest& request) {
  KREF_RETURN_IF_ERROR(CheckDeleteRequest(request));
  int64_t sub = 0;
  pb::DeleteRangeResponse resp = ApplyDelete(request, sub);
  Finish(sub);
  return resp;
}

Status Mvcc::WriteBatch::CheckTxnOps(const pb::TxnRequest& t, const std::vector<bool>& path,
                                     size_t& pos, bool check_puts) const {
  Reader reader(mvcc_->index_, txn_, mvcc_->current_rev_, mvcc_->scheduled_compact_rev_);
  bool ok = path[pos++];
  for (const pb::RequestOp& op : ok ? t.success() : t.failure()) {
    if (op.has_request_put() && check_puts) {
      const pb::PutRequest& p = op.request_put();
      if (p.lease() != 0 &&
          (mvcc_->leases_ == nullptr || !mvcc_->leases_->LeaseExists(p.lease()))) {
        return ErrLeaseNotFound();
      }
      if ((p.ignore_value() || p.ignore_lease()) && !Latest(p.key())) return ErrKeyNotFound();
    }
    if (op.has_request_range()) KREF_RETURN_IF_ERROR(reader.CheckRange(op.request_range()));
    if (op.has_request_txn()) {
      KREF_RETURN_IF_ERROR(CheckTxnOps(op.request_txn(), path, pos, check_puts));
    }
  }
  return Status();
}

void Mvcc::WriteBatch::ApplyTxn(const pb::TxnRequest& t, const std::vector<bool>& path,
                                size_t& pos, pb::TxnResponse& resp, int64_t& sub) {
  bool ok = path[pos++];
  resp.set_succeeded(ok);
  for (const pb::RequestOp& op : ok ? t.success() : t.failure()) {
    pb::ResponseOp* out = resp.add_responses();
    switch (op.request_case()) {
      case pb::RequestOp::kRequestRange: {
        Reader reader(mvcc_->index_, txn_, ViewRevision(sub), mvcc_->scheduled_compact_rev_);
        auto range = reader.Range(op.request_range());
        KREF_CHECK(range.has_value());  // checked before anything was applied
        *out->mutable_response_range() = std::move(*range);
        break;
      }
      case pb::RequestOp::kRequestPut: {
        auto put = ApplyPut(op.request_put(), sub);
        KREF_CHECK(put.has_value());
        *out->mutable_response_put() = std::move(*put);
        break;
      }
      case pb::RequestOp::kRequestDeleteRange:
        *out->mutable_response_delete_range() = ApplyDelete(op.request_delete_range(), sub);
        break;
      case pb::RequestOp::kRequestTxn:
        // etcd leaves a nested txn's header empty.
        out->mutable_response_txn()->mutable_header();
        ApplyTxn(op.request_txn(), path, pos, *out->mutable_response_txn(), sub);
        break;
      default: break;
    }
  }
}

Result<pb::TxnResponse> Mvcc::WriteBatch::Txn(const pb::TxnRequest& request) {
  KREF_RETURN_IF_ERROR(CheckTxnRequest(request, mvcc_->options_.max_txn_ops));
  Reader reader(mvcc_->index_, txn_, mvcc_->current_rev_, mvcc_->scheduled_compact_rev_);
  std::vector<bool> path;
  reader.ComparePath(request, path);
  size_t pos = 0;
  KREF_RETURN_IF_ERROR(CheckTxnOps(request, path, pos, !IsReadOnly(request)));
  pb::TxnResponse resp;
  int64_t sub = 0;
  pos = 0;
  ApplyTxn(request, path, pos, resp, sub);
  resp.mutable_header()->set_revision(ViewRevision(sub));
  Finish(sub);
  return resp;
}

Result<pb::CompactionResponse> Mvcc::WriteBatch::Compact(const pb::CompactionRequest& request) {
  int64_t rev = request.revision();
  if (rev <= mvcc_->scheduled_compact_rev_) return ErrCompacted();
  if (rev > mvcc_->current_rev_) return ErrFutureRev();
  mvcc_->scheduled_compact_rev_ = rev;
  txn_.Put(Table::kMeta, kMetaScheduledCompactRev, EncodeBigEndian(rev));
  compact_at_commit_ = rev;
  pb::CompactionResponse resp;
  resp.mutable_header()->set_revision(mvcc_->current_rev_);
  return resp;
}

int64_t Mvcc::WriteBatch::DeleteKeys(const std::vector<std::string>& keys) {
  int64_t sub = 0;
  for (const std::string& key : keys) {
    pb::DeleteRangeRequest r;
    r.set_key(key);
    ApplyDelete(r, sub);
  }
  int64_t rev = ViewRevision(sub);
  Finish(sub);
  return rev;
}

bool Mvcc::WriteBatch::CompactStep(size_t limit) {
  if (!mvcc_->compaction_) return false;
  auto& job = *mvcc_->compaction_;
  std::vector<std::string> doomed;
  std::string next;
  bool done = true;
  txn_.Scan(Table::kKey, job.next_key, [&](std::string_view k, std::string_view) {
    auto rk = DecodeRevisionKey(k);
    if (!rk || rk->rev.main > job.rev) return false;
    if (doomed.size() >= limit) {
      next = std::string(k);
      done = false;
      return false;
    }
    if (!std::binary_search(job.keep.begin(), job.keep.end(), rk->rev)) doomed.emplace_back(k);
    return true;
  });
  for (const std::string& k : doomed) txn_.Delete(Table::kKey, k);
  if (done) {
    txn_.Put(Table::kMeta, kMetaFinishedCompactRev, EncodeBigEndian(job.rev));
    mvcc_->compaction_.reset();
    return false;
  }
  job.next_key = std::move(next);
  return true;
}

std::vector<mvccpb::Event> Mvcc::WriteBatch::Commit() {
  KREF_CHECK(!committed_);
  committed_ = true;
  txn_.Put(Table::kMeta, kMetaCurrentRev, EncodeBigEndian(mvcc_->current_rev_));
  txn_.Commit();
  {
    std::unique_lock lock(mvcc_->mu_);
    mvcc_->committed_rev_.store(mvcc_->current_rev_, std::memory_order_release);
    if (compact_at_commit_) {
      mvcc_->compact_rev_ = *compact_at_commit_;
      std::vector<Revision> keep = mvcc_->index_.Compact(*compact_at_commit_);
      mvcc_->compaction_ = CompactionJob{*compact_at_commit_, std::move(keep), ""};
    }
  }
  lock_.unlock();
  return std::move(events_);
}

}  // namespace kref::store
