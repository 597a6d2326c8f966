#include "impl/store/mvcc.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "impl/store/errors.h"
#include "impl/testing/temp_dir.h"

namespace kref::store {
namespace {

using ::testing::ElementsAre;

class FakeLeases : public LeaseAttachments {
 public:
  bool LeaseExists(int64_t lease) const override { return attached.count(lease) > 0; }
  void Attach(int64_t lease, const std::string& key) override { attached[lease].insert(key); }
  void Detach(int64_t lease, const std::string& key) override { attached[lease].erase(key); }
  std::map<int64_t, std::set<std::string>> attached;
};

const std::string kAll("\0", 1);

class MvccTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen() {
    mvcc_.reset();
    backend_.reset();
    auto backend = Backend::Open({.dir = dir_.path(), .sync = false});
    ASSERT_TRUE(backend.has_value()) << backend.error();
    backend_ = std::move(*backend);
    auto mvcc = Mvcc::Open(backend_.get(), &leases_);
    ASSERT_TRUE(mvcc.has_value()) << mvcc.error();
    mvcc_ = std::move(*mvcc);
  }

  template <class F>
  auto Write(F f) {
    Mvcc::WriteBatch batch = mvcc_->BeginWrite();
    auto result = f(batch);
    batch.Commit();
    return result;
  }

  Result<pb::PutResponse> TryPut(const std::string& key, const std::string& value, int64_t lease = 0) {
    pb::PutRequest r;
    r.set_key(key);
    r.set_value(value);
    r.set_lease(lease);
    return Write([&](Mvcc::WriteBatch& b) { return b.Put(r); });
  }

  Result<pb::DeleteRangeResponse> TryDelete(const std::string& key, const std::string& end = "") {
    pb::DeleteRangeRequest r;
    r.set_key(key);
    r.set_range_end(end);
    r.set_prev_kv(true);
    return Write([&](Mvcc::WriteBatch& b) { return b.DeleteRange(r); });
  }

  Result<pb::CompactionResponse> TryCompact(int64_t rev) {
    pb::CompactionRequest r;
    r.set_revision(rev);
    auto result = Write([&](Mvcc::WriteBatch& b) { return b.Compact(r); });
    Write([&](Mvcc::WriteBatch& b) {
      while (b.CompactStep(2)) {
      }
      return 0;
    });
    return result;
  }

  pb::PutResponse Put(const std::string& key, const std::string& value, int64_t lease = 0) {
    auto r = TryPut(key, value, lease);
    EXPECT_TRUE(r.has_value()) << r.error();
    return r.value_or(pb::PutResponse());
  }
  pb::DeleteRangeResponse Delete(const std::string& key, const std::string& end = "") {
    auto r = TryDelete(key, end);
    EXPECT_TRUE(r.has_value()) << r.error();
    return r.value_or(pb::DeleteRangeResponse());
  }
  void Compact(int64_t rev) {
    auto r = TryCompact(rev);
    EXPECT_TRUE(r.has_value()) << r.error();
  }

  Result<pb::RangeResponse> Get(const std::string& key, const std::string& end = "",
                                int64_t rev = 0, int64_t limit = 0) {
    pb::RangeRequest r;
    r.set_key(key);
    r.set_range_end(end);
    r.set_revision(rev);
    r.set_limit(limit);
    return mvcc_->Range(r);
  }

  std::vector<std::string> Values(const pb::RangeResponse& resp) {
    std::vector<std::string> out;
    for (const auto& kv : resp.kvs()) out.push_back(kv.key() + "=" + kv.value());
    return out;
  }

  testing::TempDir dir_;
  FakeLeases leases_;
  std::unique_ptr<Backend> backend_;
  std::unique_ptr<Mvcc> mvcc_;
};

TEST_F(MvccTest, RevisionsCountLikeEtcd) {
  EXPECT_EQ(mvcc_->CurrentRevision(), 1);
  EXPECT_EQ(mvcc_->CompactRevision(), -1);
  Put("a", "1");
  Put("a", "2");
  auto put = Put("b", "3");
  EXPECT_EQ(put.header().revision(), 4);
  auto got = Get("a");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->header().revision(), 4);
  ASSERT_EQ(got->kvs_size(), 1);
  EXPECT_EQ(got->kvs(0).create_revision(), 2);
  EXPECT_EQ(got->kvs(0).mod_revision(), 3);
  EXPECT_EQ(got->kvs(0).version(), 2);
  EXPECT_EQ(got->count(), 1);
}

TEST_F(MvccTest, DeleteOfNothingKeepsTheRevision) {
  Put("a", "1");
  auto del = TryDelete("zzz");
  ASSERT_TRUE(del.has_value());
  EXPECT_EQ(del->deleted(), 0);
  EXPECT_EQ(del->header().revision(), 2);
  EXPECT_EQ(mvcc_->CurrentRevision(), 2);
}

TEST_F(MvccTest, DeleteRangeSharesOneRevisionAndReturnsPrevKvs) {
  Put("a", "1");
  Put("b", "2");
  Put("c", "3");
  auto del = TryDelete("a", "c");
  ASSERT_TRUE(del.has_value());
  EXPECT_EQ(del->deleted(), 2);
  EXPECT_EQ(del->header().revision(), 5);
  ASSERT_EQ(del->prev_kvs_size(), 2);
  EXPECT_EQ(del->prev_kvs(1).value(), "2");
  EXPECT_THAT(Values(*Get("a", kAll)), ElementsAre("c=3"));
  // History stays readable.
  EXPECT_THAT(Values(*Get("a", kAll, 4)), ElementsAre("a=1", "b=2", "c=3"));
  // A re-created key starts a new generation.
  Put("a", "again");
  auto a = Get("a");
  EXPECT_EQ(a->kvs(0).version(), 1);
  EXPECT_EQ(a->kvs(0).create_revision(), 6);
}

TEST_F(MvccTest, RangeLimitCountAndMore) {
  for (const char* k : {"a", "b", "c", "d"}) Put(k, k);
  auto r = Get("a", kAll, 0, 2);
  ASSERT_TRUE(r.has_value());
  EXPECT_THAT(Values(*r), ElementsAre("a=a", "b=b"));
  EXPECT_TRUE(r->more());
  EXPECT_EQ(r->count(), 4);
  r = Get("a", kAll, 0, 4);
  EXPECT_FALSE(r->more());
  r = Get("b", "d");
  EXPECT_THAT(Values(*r), ElementsAre("b=b", "c=c"));
  pb::RangeRequest count_only;
  count_only.set_key("a");
  count_only.set_range_end(kAll);
  count_only.set_count_only(true);
  auto c = mvcc_->Range(count_only);
  EXPECT_EQ(c->count(), 4);
  EXPECT_EQ(c->kvs_size(), 0);
}

TEST_F(MvccTest, RangeSortsAndFilters) {
  Put("a", "3");
  Put("b", "1");
  Put("c", "2");
  Put("b", "1b");
  pb::RangeRequest r;
  r.set_key("a");
  r.set_range_end(kAll);
  r.set_sort_target(pb::RangeRequest::VALUE);  // order NONE becomes ASCEND
  EXPECT_THAT(Values(*mvcc_->Range(r)), ElementsAre("b=1b", "c=2", "a=3"));
  r.set_sort_order(pb::RangeRequest::DESCEND);
  r.set_sort_target(pb::RangeRequest::MOD);
  r.set_limit(2);
  auto resp = mvcc_->Range(r);
  EXPECT_THAT(Values(*resp), ElementsAre("b=1b", "c=2"));
  EXPECT_TRUE(resp->more());
  EXPECT_EQ(resp->count(), 3);
  pb::RangeRequest f;
  f.set_key("a");
  f.set_range_end(kAll);
  f.set_min_mod_revision(3);
  f.set_max_create_revision(3);
  f.set_keys_only(true);
  resp = mvcc_->Range(f);
  ASSERT_EQ(resp->kvs_size(), 1);  // b: created 3, modified 5
  EXPECT_EQ(resp->kvs(0).key(), "b");
  EXPECT_EQ(resp->kvs(0).value(), "");
  EXPECT_EQ(resp->count(), 3);  // count ignores filters
}

TEST_F(MvccTest, BadRequestsGetEtcdErrors) {
  EXPECT_EQ(TryPut("", "v").error(), ErrEmptyKey());
  EXPECT_EQ(Get("").error(), ErrEmptyKey());
  EXPECT_EQ(Get("a", "", 5).error(), ErrFutureRev());
  EXPECT_EQ(TryPut("k", "v", 1234).error(), ErrLeaseNotFound());
  pb::PutRequest ignore;
  ignore.set_key("missing");
  ignore.set_ignore_value(true);
  EXPECT_EQ(Write([&](auto& b) { return b.Put(ignore); }).error(), ErrKeyNotFound());
  ignore.set_value("x");
  EXPECT_EQ(Write([&](auto& b) { return b.Put(ignore); }).error(), ErrValueProvided());
  ignore.set_ignore_value(false);
  ignore.set_ignore_lease(true);
  ignore.set_lease(5);
  EXPECT_EQ(Write([&](auto& b) { return b.Put(ignore); }).error(), ErrLeaseProvided());
  EXPECT_EQ(ErrFutureRev().message(), "etcdserver: mvcc: required revision is a future revision");
  EXPECT_EQ(mvcc_->CurrentRevision(), 1);  // nothing was written
}

TEST_F(MvccTest, IgnoreValueAndLeaseKeepTheOldOnes) {
  leases_.attached[7];
  Put("k", "old", 7);
  pb::PutRequest r;
  r.set_key("k");
  r.set_ignore_value(true);
  r.set_prev_kv(true);
  auto resp = Write([&](auto& b) { return b.Put(r); });
  ASSERT_TRUE(resp.has_value());
  EXPECT_EQ(resp->prev_kv().value(), "old");
  auto got = Get("k");
  EXPECT_EQ(got->kvs(0).value(), "old");
  EXPECT_EQ(got->kvs(0).lease(), 0);  // the lease was not ignored, so it is cleared
  EXPECT_TRUE(leases_.attached[7].empty());
}

TEST_F(MvccTest, TxnCreateIfAbsent) {
  pb::TxnRequest t;
  auto* c = t.add_compare();
  c->set_key("k");
  c->set_target(pb::Compare::MOD);
  c->set_result(pb::Compare::EQUAL);
  c->set_mod_revision(0);
  auto* put = t.add_success()->mutable_request_put();
  put->set_key("k");
  put->set_value("v1");
  t.add_failure()->mutable_request_range()->set_key("k");
  auto first = Write([&](auto& b) { return b.Txn(t); });
  ASSERT_TRUE(first.has_value()) << first.error();
  EXPECT_TRUE(first->succeeded());
  EXPECT_EQ(first->header().revision(), 2);
  EXPECT_EQ(first->responses(0).response_put().header().revision(), 2);
  auto second = Write([&](auto& b) { return b.Txn(t); });
  EXPECT_FALSE(second->succeeded());
  EXPECT_EQ(second->header().revision(), 2);  // read-only path: no new revision
  EXPECT_EQ(second->responses(0).response_range().kvs(0).value(), "v1");
}

TEST_F(MvccTest, TxnValueCompareOnMissingKeyFails) {
  pb::TxnRequest t;
  auto* c = t.add_compare();
  c->set_key("missing");
  c->set_target(pb::Compare::VALUE);
  c->set_result(pb::Compare::NOT_EQUAL);
  c->set_value("x");
  auto resp = mvcc_->ReadOnlyTxn(t);
  ASSERT_TRUE(resp.has_value());
  EXPECT_FALSE(resp->succeeded());
}

TEST_F(MvccTest, TxnRangeAfterPutSeesIt) {
  pb::TxnRequest t;
  auto* put = t.add_success()->mutable_request_put();
  put->set_key("k");
  put->set_value("v");
  t.add_success()->mutable_request_range()->set_key("k");
  auto* nested = t.add_success()->mutable_request_txn();
  nested->add_success()->mutable_request_range()->set_key("k");
  auto resp = Write([&](auto& b) { return b.Txn(t); });
  ASSERT_TRUE(resp.has_value());
  const auto& range = resp->responses(1).response_range();
  EXPECT_EQ(range.header().revision(), 2);
  EXPECT_EQ(range.kvs(0).value(), "v");
  // A nested txn's header is empty, as etcd leaves it.
  EXPECT_TRUE(resp->responses(2).response_txn().has_header());
  EXPECT_EQ(resp->responses(2).response_txn().header().revision(), 0);
  EXPECT_TRUE(resp->responses(2).response_txn().succeeded());
}

TEST_F(MvccTest, TxnRejectsDuplicatesAndTooManyOps) {
  pb::TxnRequest dup;
  for (int i = 0; i < 2; ++i) dup.add_success()->mutable_request_put()->set_key("k");
  EXPECT_EQ(Write([&](auto& b) { return b.Txn(dup); }).error(), ErrDuplicateKey());

  pb::TxnRequest put_and_delete;
  put_and_delete.add_success()->mutable_request_put()->set_key("b");
  auto* del = put_and_delete.add_success()->mutable_request_delete_range();
  del->set_key("a");
  del->set_range_end("c");
  EXPECT_EQ(CheckTxnRequest(put_and_delete, 128), ErrDuplicateKey());

  pb::TxnRequest exclusive;  // the same key in then and else of a nested txn is fine
  auto* nested = exclusive.add_success()->mutable_request_txn();
  nested->add_success()->mutable_request_put()->set_key("k");
  nested->add_failure()->mutable_request_put()->set_key("k");
  EXPECT_TRUE(CheckTxnRequest(exclusive, 128).ok());
  exclusive.add_success()->mutable_request_put()->set_key("k");
  EXPECT_EQ(CheckTxnRequest(exclusive, 128), ErrDuplicateKey());

  pb::TxnRequest many;
  for (int i = 0; i < 129; ++i) many.add_success()->mutable_request_range()->set_key("k");
  EXPECT_EQ(CheckTxnRequest(many, 128), ErrTooManyOps());

  pb::TxnRequest empty_op;
  empty_op.add_success();
  EXPECT_EQ(CheckTxnRequest(empty_op, 128), ErrKeyNotFound());
  EXPECT_EQ(mvcc_->CurrentRevision(), 1);
}

TEST_F(MvccTest, TxnWithUnknownLeaseChangesNothing) {
  pb::TxnRequest t;
  auto* a = t.add_success()->mutable_request_put();
  a->set_key("a");
  auto* b = t.add_success()->mutable_request_put();
  b->set_key("b");
  b->set_lease(99);
  EXPECT_EQ(Write([&](auto& batch) { return batch.Txn(t); }).error(), ErrLeaseNotFound());
  EXPECT_EQ(Get("a")->kvs_size(), 0);
  EXPECT_EQ(mvcc_->CurrentRevision(), 1);
}

TEST_F(MvccTest, CompactionDropsHistoryButKeepsLatest) {
  Put("a", "1");  // 2
  Put("a", "2");  // 3
  Put("b", "1");  // 4
  Delete("b");    // 5
  Put("c", "1");  // 6
  Compact(5);
  EXPECT_EQ(mvcc_->CompactRevision(), 5);
  EXPECT_EQ(Get("a", "", 4).error(), ErrCompacted());
  EXPECT_THAT(Values(*Get("a", kAll, 5)), ElementsAre("a=2"));
  EXPECT_THAT(Values(*Get("a", kAll)), ElementsAre("a=2", "c=1"));
  EXPECT_EQ(TryCompact(5).error(), ErrCompacted());
  EXPECT_EQ(TryCompact(3).error(), ErrCompacted());
  EXPECT_EQ(TryCompact(7).error(), ErrFutureRev());
  // Only what a read at >= 5 can see is left on disk.
  int entries = 0;
  backend_->BeginRead().Scan(Table::kKey, "", [&](auto, auto) {
    ++entries;
    return true;
  });
  EXPECT_EQ(entries, 2);
  auto hash = mvcc_->HashKV(pb::HashKVRequest());
  ASSERT_TRUE(hash.has_value());
  EXPECT_EQ(hash->compact_revision(), 5);
  EXPECT_EQ(hash->header().revision(), 6);
  pb::HashKVRequest old;
  old.set_revision(5);
  EXPECT_EQ(mvcc_->HashKV(old).error(), ErrCompacted());
}

TEST_F(MvccTest, StateSurvivesReopen) {
  leases_.attached[7];
  Put("a", "1");
  Put("b", "2", 7);
  Delete("a");
  Put("c", "3");
  Compact(3);
  auto hash = mvcc_->HashKV(pb::HashKVRequest());
  leases_.attached.clear();
  Reopen();
  EXPECT_EQ(mvcc_->CurrentRevision(), 5);
  EXPECT_EQ(mvcc_->CompactRevision(), 3);
  EXPECT_THAT(Values(*Get("a", kAll)), ElementsAre("b=2", "c=3"));
  EXPECT_THAT(Values(*Get("a", kAll, 3)), ElementsAre("a=1", "b=2"));
  EXPECT_EQ(mvcc_->HashKV(pb::HashKVRequest())->hash(), hash->hash());
  EXPECT_THAT(leases_.attached[7], ElementsAre("b"));
  EXPECT_EQ(Put("d", "4").header().revision(), 6);
}

// Found by the differential test: a fresh etcd reports compact_revision -1, and compacting at
// revision 0 succeeds once (then 0 counts as compacted).
TEST_F(MvccTest, NeverCompactedIsMinusOneAndZeroCompactsOnce) {
  auto hash = mvcc_->HashKV(pb::HashKVRequest());
  ASSERT_TRUE(hash.has_value());
  EXPECT_EQ(hash->compact_revision(), -1);
  Compact(0);
  EXPECT_EQ(mvcc_->CompactRevision(), 0);
  EXPECT_EQ(TryCompact(0).error(), ErrCompacted());
  Reopen();
  EXPECT_EQ(mvcc_->CompactRevision(), 0);
}

TEST_F(MvccTest, RevisionSurvivesReopenAfterEverythingIsCompacted) {
  Put("a", "1");
  Delete("a");
  Compact(3);
  Reopen();
  EXPECT_EQ(mvcc_->CurrentRevision(), 3);
  EXPECT_EQ(Put("a", "2").header().revision(), 4);
}

TEST_F(MvccTest, HistoryReplaysEventsWithPrevKv) {
  Put("a", "1");
  Put("a", "2");
  Delete("a");
  auto events = mvcc_->History(2, 0, 100);
  ASSERT_TRUE(events.has_value());
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[0].type(), mvccpb::Event::PUT);
  EXPECT_FALSE((*events)[0].has_prev_kv());
  EXPECT_EQ((*events)[1].prev_kv().value(), "1");
  EXPECT_EQ((*events)[2].type(), mvccpb::Event::DELETE);
  EXPECT_EQ((*events)[2].kv().mod_revision(), 4);
  EXPECT_EQ((*events)[2].prev_kv().value(), "2");
}

// Regression (found by the differential tier): a key deleted and created again in one
// revision. Its creation carries no prev_kv when replayed from history, as etcd sends it and
// as the live event has it; before, the replay gave it the value from before the delete.
TEST_F(MvccTest, ReplayedCreationAfterDeleteInSameRevisionHasNoPrevKv) {
  Put("k", "old");
  pb::TxnRequest t;
  // etcd lets a put share a txn with a from-key delete covering it (its duplicate check does
  // not see from-key ranges).
  auto* del = t.add_success()->mutable_request_delete_range();
  del->set_key("k");
  del->set_range_end(kAll);
  auto* put = t.add_success()->mutable_request_put();
  put->set_key("k");
  put->set_value("new");
  Mvcc::WriteBatch batch = mvcc_->BeginWrite();
  ASSERT_TRUE(batch.Txn(t).has_value());
  std::vector<mvccpb::Event> live = batch.Commit();
  auto history = mvcc_->History(3, 3, 100);
  ASSERT_TRUE(history.has_value());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].type(), mvccpb::Event::DELETE);
  EXPECT_EQ((*history)[0].prev_kv().value(), "old");
  EXPECT_EQ((*history)[1].kv().create_revision(), 3);
  EXPECT_FALSE((*history)[1].has_prev_kv());
  ASSERT_EQ(live.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(live[i].SerializeAsString(), (*history)[i].SerializeAsString());
  }
}

// RangeWire's two parts, joined, decode to exactly what Range answers: copied as stored for
// plain ranges, re-encoded for the rest; errors are the same.
TEST_F(MvccTest, RangeWireEncodesWhatRangeAnswers) {
  Put("a", "1");
  Put("b", "2");
  Put("b", "3");
  Put("c", "");
  Delete("a");
  std::vector<pb::RangeRequest> requests;
  auto add = [&](auto&& edit) {
    pb::RangeRequest r;
    r.set_key("a");
    r.set_range_end(kAll);
    edit(r);
    requests.push_back(r);
  };
  add([](pb::RangeRequest&) {});
  add([](pb::RangeRequest& r) { r.set_limit(1); });
  add([](pb::RangeRequest& r) { r.set_limit(5); });
  add([](pb::RangeRequest& r) { r.set_revision(2); });
  add([](pb::RangeRequest& r) { r.set_key("b"); r.clear_range_end(); });
  add([](pb::RangeRequest& r) { r.set_key("zz"); });
  add([](pb::RangeRequest& r) { r.set_keys_only(true); });
  add([](pb::RangeRequest& r) { r.set_count_only(true); });
  add([](pb::RangeRequest& r) { r.set_sort_order(pb::RangeRequest::ASCEND); });
  add([](pb::RangeRequest& r) { r.set_sort_order(pb::RangeRequest::DESCEND); r.set_limit(1); });
  add([](pb::RangeRequest& r) { r.set_sort_target(pb::RangeRequest::MOD); });
  add([](pb::RangeRequest& r) { r.set_min_mod_revision(4); });
  add([](pb::RangeRequest& r) { r.set_revision(99); });            // future revision
  add([](pb::RangeRequest& r) { r.set_key(""); r.clear_range_end(); });  // empty key
  for (const pb::RangeRequest& r : requests) {
    SCOPED_TRACE(r.ShortDebugString());
    Result<pb::RangeResponse> want = mvcc_->Range(r);
    Result<Mvcc::WireRange> got = mvcc_->RangeWire(r);
    ASSERT_EQ(got.has_value(), want.has_value());
    if (!want.has_value()) {
      EXPECT_EQ(got.error(), want.error());
      continue;
    }
    EXPECT_EQ(got->head.kvs_size(), 0);
    std::string encoded = got->kvs;
    got->head.AppendToString(&encoded);
    pb::RangeResponse decoded;
    ASSERT_TRUE(decoded.ParseFromString(encoded));
    EXPECT_EQ(decoded.ShortDebugString(), want->ShortDebugString());
  }
}

TEST_F(MvccTest, BatchEventsMatchHistory) {
  Mvcc::WriteBatch batch = mvcc_->BeginWrite();
  pb::PutRequest p;
  p.set_key("x");
  p.set_value("1");
  ASSERT_TRUE(batch.Put(p).has_value());
  p.set_value("2");
  ASSERT_TRUE(batch.Put(p).has_value());
  // Readers do not see an uncommitted batch.
  EXPECT_EQ(Get("x")->kvs_size(), 0);
  EXPECT_EQ(mvcc_->CurrentRevision(), 1);
  std::vector<mvccpb::Event> events = batch.Commit();
  ASSERT_EQ(events.size(), 2u);
  auto history = mvcc_->History(2, 3, 100);
  ASSERT_EQ(history->size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(events[i].SerializeAsString(), (*history)[i].SerializeAsString());
  }
}

}  // namespace
}  // namespace kref::store
