#include "impl/store/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "impl/store/errors.h"
#include "impl/testing/temp_dir.h"

namespace kref::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }

  void Reopen(uint64_t quota = uint64_t{2} << 30) {
    store_.reset();
    StoreOptions options;
    options.data_dir = dir_.path();
    options.name = "kref-test";
    options.client_urls = {"http://127.0.0.1:2379"};
    options.quota_backend_bytes = quota;
    options.clock = &clock_;
    options.sync = false;
    auto store = Store::Open(options);
    ASSERT_TRUE(store.has_value()) << store.error();
    store_ = std::move(*store);
  }

  pb::PutResponse Put(const std::string& key, const std::string& value, int64_t lease = 0) {
    pb::PutRequest r;
    r.set_key(key);
    r.set_value(value);
    r.set_lease(lease);
    auto resp = store_->Put(r);
    EXPECT_TRUE(resp.has_value()) << resp.error();
    return resp.value_or(pb::PutResponse());
  }

  int Count(const std::string& prefix_end = std::string("\0", 1)) {
    pb::RangeRequest r;
    r.set_key(std::string("\0", 1));
    r.set_range_end(prefix_end);
    r.set_count_only(true);
    return static_cast<int>(store_->Range(r)->count());
  }

  int64_t Grant(int64_t ttl, int64_t id = 0) {
    pb::LeaseGrantRequest r;
    r.set_ttl(ttl);
    r.set_id(id);
    auto resp = store_->LeaseGrant(r);
    EXPECT_TRUE(resp.has_value()) << resp.error();
    return resp.has_value() ? resp->id() : 0;
  }

  testing::TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, HeadersCarryClusterMemberAndTerm) {
  pb::PutResponse put = Put("a", "1");
  EXPECT_EQ(put.header().revision(), 2);
  EXPECT_EQ(put.header().cluster_id(), store_->cluster_id());
  EXPECT_EQ(put.header().member_id(), store_->member_id());
  EXPECT_EQ(put.header().raft_term(), 2u);
  uint64_t member = store_->member_id();
  Reopen();
  EXPECT_EQ(store_->member_id(), member);  // identity is persisted
  pb::MemberListResponse members = store_->MemberList();
  ASSERT_EQ(members.members_size(), 1);
  EXPECT_EQ(members.members(0).id(), member);
  EXPECT_EQ(members.members(0).name(), "kref-test");
  EXPECT_THAT(members.members(0).clienturls(), ::testing::ElementsAre("http://127.0.0.1:2379"));
  pb::StatusResponse status = store_->Status();
  EXPECT_EQ(status.version(), kEtcdVersion);
  EXPECT_EQ(status.leader(), member);
  EXPECT_GT(status.dbsize(), 0);
}

TEST_F(StoreTest, ConcurrentWritersAllLandWithDistinctRevisions) {
  constexpr int kThreads = 16, kPerThread = 50;
  std::vector<std::thread> threads;
  std::vector<std::vector<int64_t>> revisions(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        pb::PutRequest r;
        r.set_key("k" + std::to_string(t) + "/" + std::to_string(i));
        auto resp = store_->Put(r);
        if (resp.has_value()) revisions[t].push_back(resp->header().revision());
      }
    });
  }
  for (auto& th : threads) th.join();
  std::set<int64_t> all;
  for (auto& revs : revisions) {
    EXPECT_EQ(revs.size(), static_cast<size_t>(kPerThread));
    EXPECT_TRUE(std::is_sorted(revs.begin(), revs.end()));
    all.insert(revs.begin(), revs.end());
  }
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kPerThread));
  EXPECT_EQ(store_->CurrentRevision(), 1 + kThreads * kPerThread);
  Reopen();
  EXPECT_EQ(Count(), kThreads * kPerThread);
}

TEST_F(StoreTest, LeaseRevokeDeletesAttachedKeysInOneRevision) {
  int64_t lease = Grant(10);
  Put("a", "1", lease);
  Put("b", "2", lease);
  Put("c", "3");
  pb::LeaseTimeToLiveRequest ttl;
  ttl.set_id(lease);
  ttl.set_keys(true);
  pb::LeaseTimeToLiveResponse info = store_->LeaseTimeToLive(ttl);
  EXPECT_EQ(info.grantedttl(), 10);
  EXPECT_EQ(info.ttl(), 10);
  EXPECT_THAT(info.keys(), ::testing::ElementsAre("a", "b"));
  pb::LeaseRevokeRequest revoke;
  revoke.set_id(lease);
  auto resp = store_->LeaseRevoke(revoke);
  ASSERT_TRUE(resp.has_value());
  EXPECT_EQ(resp->header().revision(), 5);
  EXPECT_EQ(Count(), 1);
  EXPECT_EQ(store_->LeaseRevoke(revoke).error(), ErrLeaseNotFound());
  EXPECT_EQ(store_->LeaseTimeToLive(ttl).ttl(), -1);
}

TEST_F(StoreTest, LeaseGrantRules) {
  EXPECT_EQ(Grant(1, 42), 42);
  pb::LeaseTimeToLiveRequest ttl;
  ttl.set_id(42);
  EXPECT_EQ(store_->LeaseTimeToLive(ttl).grantedttl(), kMinLeaseTtlSeconds);
  pb::LeaseGrantRequest again;
  again.set_id(42);
  again.set_ttl(5);
  EXPECT_EQ(store_->LeaseGrant(again).error(), ErrLeaseExists());
  pb::LeaseGrantRequest huge;
  huge.set_ttl(kMaxLeaseTtlSeconds + 1);
  EXPECT_EQ(store_->LeaseGrant(huge).error(), ErrLeaseTTLTooLarge());
  int64_t generated = Grant(5);
  EXPECT_GT(generated, 0);
  EXPECT_NE(generated, 42);
  EXPECT_EQ(store_->LeaseLeases().leases_size(), 2);
}

TEST_F(StoreTest, ExpiredLeasesAreRevokedAndTtlsSurviveRestart) {
  int64_t lease = Grant(10);
  Put("x", "1", lease);
  clock_.Advance(std::chrono::seconds(4));
  Reopen();  // the remaining TTL is kept, not reset to 10
  pb::LeaseTimeToLiveRequest ttl;
  ttl.set_id(lease);
  EXPECT_EQ(store_->LeaseTimeToLive(ttl).ttl(), 6);
  pb::LeaseKeepAliveRequest keepalive;
  keepalive.set_id(lease);
  auto renewed = store_->LeaseKeepAlive(keepalive);
  ASSERT_TRUE(renewed.has_value());
  EXPECT_EQ(renewed->ttl(), 10);
  EXPECT_EQ(store_->LeaseTimeToLive(ttl).ttl(), 10);
  // Read before the lease expires: the writer's own periodic check may revoke it first, and
  // either way it is revoked exactly once.
  int64_t before = store_->CurrentRevision();
  clock_.Advance(std::chrono::seconds(11));
  store_->RevokeExpiredLeases();
  // The revocation goes through the writer; a synchronous write after it sees its effect.
  Put("marker", "");
  EXPECT_EQ(Count(), 1);
  EXPECT_EQ(store_->CurrentRevision(), before + 2);
  keepalive.set_id(lease);
  EXPECT_EQ(store_->LeaseKeepAlive(keepalive)->ttl(), 0);  // unknown lease: TTL 0, no error
}

TEST_F(StoreTest, QuotaRaisesNoSpaceUntilDisarmed) {
  Reopen(/*quota=*/64 << 10);
  pb::PutRequest big;
  big.set_key("big");
  big.set_value(std::string(100 << 10, 'x'));
  EXPECT_EQ(store_->Put(big).error(), ErrNoSpace());
  pb::PutRequest small;
  small.set_key("small");
  EXPECT_EQ(store_->Put(small).error(), ErrNoSpace());  // the alarm holds
  EXPECT_EQ(store_->Status().errors_size(), 1);
  pb::AlarmRequest list;
  list.set_action(pb::AlarmRequest::GET);
  EXPECT_EQ(store_->Alarm(list)->alarms_size(), 1);
  pb::DeleteRangeRequest del;  // deletes are still allowed
  del.set_key("small");
  EXPECT_TRUE(store_->DeleteRange(del).has_value());
  Reopen(/*quota=*/64 << 10);
  EXPECT_EQ(store_->Put(small).error(), ErrNoSpace());  // the alarm is persisted
  pb::AlarmRequest disarm;
  disarm.set_action(pb::AlarmRequest::DEACTIVATE);
  disarm.set_alarm(pb::NOSPACE);
  ASSERT_TRUE(store_->Alarm(disarm).has_value());
  EXPECT_TRUE(store_->Put(small).has_value());
  EXPECT_EQ(store_->Alarm(list)->alarms_size(), 0);
}

TEST_F(StoreTest, PhysicalCompactionAnswersAfterReclaiming) {
  for (int i = 0; i < 2500; ++i) Put("k", std::to_string(i));
  pb::CompactionRequest compact;
  compact.set_revision(store_->CurrentRevision());
  compact.set_physical(true);
  ASSERT_TRUE(store_->Compact(compact).has_value());
  pb::HashKVRequest hash;
  EXPECT_TRUE(store_->HashKV(hash).has_value());
  pb::RangeRequest old;
  old.set_key("k");
  old.set_revision(5);
  EXPECT_EQ(store_->Range(old).error(), ErrCompacted());
  EXPECT_EQ(store_->Compact(compact).error(), ErrCompacted());
}

TEST_F(StoreTest, ReadOnlyTxnIsAnsweredWithoutANewRevision) {
  Put("a", "1");
  pb::TxnRequest t;
  t.add_success()->mutable_request_range()->set_key("a");
  auto resp = store_->Txn(t);
  ASSERT_TRUE(resp.has_value());
  EXPECT_EQ(resp->header().revision(), 2);
  EXPECT_EQ(resp->header().member_id(), store_->member_id());
  EXPECT_EQ(resp->responses(0).response_range().kvs(0).value(), "1");
}

}  // namespace
}  // namespace kref::store

namespace kref::store {
namespace {

TEST(StoreAutoCompactionTest, PeriodicRetentionCompactsHistoryOlderThanThePeriod) {
  testing::TempDir dir;
  StoreOptions options;
  options.data_dir = dir.path();
  options.sync = false;
  options.auto_compaction = AutoCompactionPolicy::Parse("periodic", "500ms").value();
  auto store = Store::Open(options);
  ASSERT_TRUE(store.has_value()) << store.error();
  pb::PutRequest put;
  put.set_key("k");
  for (int i = 0; i < 3; ++i) ASSERT_TRUE((*store)->Put(put).has_value());
  // Revision 2 is history once the period has passed: wait for the compaction to reach it.
  pb::RangeRequest old;
  old.set_key("k");
  old.set_revision(2);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  Result<pb::RangeResponse> read = (*store)->Range(old);
  while (read.has_value() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling with a deadline
    ASSERT_TRUE((*store)->Put(put).has_value());
    read = (*store)->Range(old);
  }
  ASSERT_FALSE(read.has_value()) << "no auto compaction within 20 s";
  EXPECT_EQ(read.error(), ErrCompacted());
  // The latest value is kept.
  pb::RangeRequest now;
  now.set_key("k");
  EXPECT_EQ((*store)->Range(now)->kvs_size(), 1);
}

}  // namespace
}  // namespace kref::store
