// Arbitrary bytes as a script of etcd requests against a fresh MVCC store: the bytes are a
// serialized etcdserverpb.TxnRequest whose `success` ops are applied one by one as separate
// requests (a range op with `serializable` set stands for Compact at its `revision`). Nothing
// crashes, and after every request the MVCC invariants hold:
//   - a failed request changes nothing (same revision, same contents);
//   - the revision never decreases, and grows by exactly one for a request that changed keys;
//   - a full range at the current revision is sorted, counts what it returns, and every kv has
//     version >= 1 and create_revision <= mod_revision <= the current revision;
//   - a read at the compacted revision still works, one below it is ErrCompacted.
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "impl/store/backend.h"
#include "impl/store/errors.h"
#include "impl/store/mvcc.h"
#include "impl/testing/temp_dir.h"

namespace {

using namespace kref::store;

std::string Snapshot(const Mvcc& mvcc) {
  pb::RangeRequest all;
  all.set_key(std::string(1, '\0'));
  all.set_range_end(std::string(1, '\0'));
  auto resp = mvcc.Range(all);
  FUZZ_CHECK(resp.has_value());
  int64_t current = mvcc.CurrentRevision();
  FUZZ_CHECK(resp->header().revision() == current);
  FUZZ_CHECK(resp->count() == resp->kvs_size());
  for (int i = 0; i < resp->kvs_size(); ++i) {
    const auto& kv = resp->kvs(i);
    if (i > 0) FUZZ_CHECK(resp->kvs(i - 1).key() < kv.key());
    FUZZ_CHECK(kv.version() >= 1);
    FUZZ_CHECK(kv.create_revision() <= kv.mod_revision());
    FUZZ_CHECK(kv.mod_revision() <= current);
  }
  return resp->SerializeAsString();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pb::TxnRequest script;
  if (!script.ParseFromArray(data, static_cast<int>(size)) || script.success_size() > 64) return 0;
  kref::testing::TempDir dir;
  auto backend = Backend::Open({.dir = dir.path(), .max_size_bytes = 64 << 20, .sync = false});
  FUZZ_CHECK(backend.has_value());
  auto mvcc = Mvcc::Open(backend->get(), nullptr);
  FUZZ_CHECK(mvcc.has_value());
  Mvcc& store = **mvcc;

  for (const pb::RequestOp& op : script.success()) {
    int64_t before_rev = store.CurrentRevision();
    std::string before = Snapshot(store);
    kref::Status status;
    bool changed = false;
    {
      Mvcc::WriteBatch batch = store.BeginWrite();
      if (op.has_request_range() && op.request_range().serializable()) {
        pb::CompactionRequest compact;
        compact.set_revision(op.request_range().revision());
        status = batch.Compact(compact).status();
      } else if (op.has_request_range()) {
        auto range = store.Range(op.request_range());
        status = range.status();
        // The wire form served over gRPC decodes to the same answer.
        auto wire = store.RangeWire(op.request_range());
        FUZZ_CHECK(wire.has_value() == range.has_value());
        if (range.has_value()) {
          std::string encoded = wire->kvs;
          wire->head.AppendToString(&encoded);
          pb::RangeResponse decoded;
          FUZZ_CHECK(decoded.ParseFromString(encoded));
          FUZZ_CHECK(decoded.SerializeAsString() == range->SerializeAsString());
        }
      } else if (op.has_request_put()) {
        status = batch.Put(op.request_put()).status();
      } else if (op.has_request_delete_range()) {
        status = batch.DeleteRange(op.request_delete_range()).status();
      } else if (op.has_request_txn()) {
        status = batch.Txn(op.request_txn()).status();
      }
      changed = !batch.events().empty();
      batch.Commit();
      while (true) {
        Mvcc::WriteBatch step = store.BeginWrite();
        bool more = step.CompactStep(3);
        step.Commit();
        if (!more) break;
      }
    }
    FUZZ_CHECK(status.ok() || !status.message().empty());
    FUZZ_CHECK(!status.ok() || status.code() == kref::StatusCode::kOk);
    if (!status.ok()) {
      FUZZ_CHECK(store.CurrentRevision() == before_rev);
      FUZZ_CHECK(Snapshot(store) == before);
      continue;
    }
    FUZZ_CHECK(store.CurrentRevision() == before_rev + (changed ? 1 : 0));
    Snapshot(store);
    int64_t compacted = store.CompactRevision();
    if (compacted > 0) {
      pb::RangeRequest at;
      at.set_key(std::string(1, '\0'));
      at.set_range_end(std::string(1, '\0'));
      at.set_revision(compacted);
      FUZZ_CHECK(store.Range(at).has_value());
      at.set_revision(compacted - 1);
      if (compacted > 1) FUZZ_CHECK(store.Range(at).error() == ErrCompacted());
    }
  }
  return 0;
}
