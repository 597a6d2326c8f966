// The Kv contract, checked against every way the API server can reach storage: the engine in
// process, EtcdClient against `kref store`, EtcdClient against a real etcd 3.4 member, and
// EtcdClient against a 3-member etcd cluster. The same calls must give the same answers:
// revisions, versions, transaction outcomes, watch events, and etcd's exact errors.
//
// Also here: EtcdClient fails over when the member it talks to dies.
//
// Run: build/<preset>/impl/store/store_diff_tests --gtest_filter='*Kv*' (ctest label:
// differential; needs Debian's etcd-server).
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>

#include "impl/store/errors.h"
#include "impl/store/etcd_client.h"
#include "impl/store/grpc_server.h"
#include "impl/store/store.h"
#include "impl/testing/etcd_peer.h"
#include "impl/testing/temp_dir.h"

namespace kref::store {
namespace {

using namespace std::chrono_literals;

// A Kv under test and whatever keeps it running.
struct Backend {
  std::unique_ptr<testing::TempDir> dir;
  std::unique_ptr<Store> store;
  std::unique_ptr<GrpcServer> server;
  std::unique_ptr<testing::EtcdCluster> etcd;
  std::unique_ptr<EtcdClient> client;
  Kv* kv = nullptr;
};

enum class BackendKind { kEmbedded, kClientToKrefStore, kClientToEtcd, kClientToEtcdCluster };

std::string Name(BackendKind kind) {
  switch (kind) {
    case BackendKind::kEmbedded: return "Embedded";
    case BackendKind::kClientToKrefStore: return "ClientToKrefStore";
    case BackendKind::kClientToEtcd: return "ClientToEtcd";
    case BackendKind::kClientToEtcdCluster: return "ClientToEtcdCluster";
  }
  return "";
}

std::unique_ptr<EtcdClient> Connect(std::vector<std::string> endpoints) {
  auto client = EtcdClient::Connect({.endpoints = std::move(endpoints), .request_timeout = 20s});
  EXPECT_TRUE(client.has_value()) << client.error();
  return client.has_value() ? std::move(*client) : nullptr;
}

Backend Open(BackendKind kind) {
  Backend b;
  if (kind == BackendKind::kEmbedded || kind == BackendKind::kClientToKrefStore) {
    b.dir = std::make_unique<testing::TempDir>();
    auto store = Store::Open({.data_dir = b.dir->path()});
    EXPECT_TRUE(store.has_value()) << store.error();
    b.store = std::move(*store);
    b.kv = b.store.get();
    if (kind == BackendKind::kEmbedded) return b;
    auto server = GrpcServer::Start(*b.store, {.listen_addresses = {"127.0.0.1:0"}});
    EXPECT_TRUE(server.has_value()) << server.error();
    b.server = std::move(*server);
    b.client = Connect({"http://127.0.0.1:" + std::to_string(b.server->ports()[0])});
  } else {
    b.etcd = std::make_unique<testing::EtcdCluster>(kind == BackendKind::kClientToEtcd ? 1 : 3);
    EXPECT_TRUE(b.etcd->Ready());
    b.client = Connect(b.etcd->client_urls());
  }
  b.kv = b.client.get();
  return b;
}

pb::PutRequest PutOf(const std::string& key, const std::string& value, int64_t lease = 0) {
  pb::PutRequest r;
  r.set_key(key);
  r.set_value(value);
  r.set_lease(lease);
  return r;
}

pb::RangeRequest Get(const std::string& key, int64_t revision = 0) {
  pb::RangeRequest r;
  r.set_key(key);
  r.set_revision(revision);
  return r;
}

// The API server's optimistic write: put `value` if the key's mod_revision is `expected` (0:
// absent), else read the key.
pb::TxnRequest PutIfModRevision(const std::string& key, int64_t expected,
                                const std::string& value) {
  pb::TxnRequest t;
  auto* cmp = t.add_compare();
  cmp->set_key(key);
  cmp->set_target(pb::Compare::MOD);
  cmp->set_result(pb::Compare::EQUAL);
  cmp->set_mod_revision(expected);
  *t.add_success()->mutable_request_put() = PutOf(key, value);
  t.add_failure()->mutable_request_range()->set_key(key);
  return t;
}

class KvContractTest : public ::testing::TestWithParam<BackendKind> {
 protected:
  void SetUp() override {
    if (GetParam() == BackendKind::kClientToEtcd ||
        GetParam() == BackendKind::kClientToEtcdCluster) {
      ASSERT_TRUE(std::filesystem::exists("/usr/bin/etcd")) << "needs Debian's etcd-server";
    }
    backend_ = Open(GetParam());
    ASSERT_NE(backend_.kv, nullptr);
    kv_ = backend_.kv;
    // Every backend starts at revision 1: the base of the revision arithmetic below.
    auto start = kv_->Range(Get("x"));
    ASSERT_TRUE(start.has_value()) << start.error();
    ASSERT_EQ(start->header().revision(), 1);
  }

  int64_t MustPut(const std::string& key, const std::string& value) {
    auto r = kv_->Put(PutOf(key, value));
    EXPECT_TRUE(r.has_value()) << r.error();
    return r.has_value() ? r->header().revision() : -1;
  }

  Backend backend_;
  Kv* kv_ = nullptr;
};

TEST_P(KvContractTest, OptimisticCreateAndUpdate) {
  auto created = kv_->Txn(PutIfModRevision("/registry/pods/a", 0, "v1"));
  ASSERT_TRUE(created.has_value()) << created.error();
  EXPECT_TRUE(created->succeeded());
  EXPECT_EQ(created->header().revision(), 2);

  auto again = kv_->Txn(PutIfModRevision("/registry/pods/a", 0, "v1'"));
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(again->succeeded());
  ASSERT_EQ(again->responses(0).response_range().kvs_size(), 1);
  const auto& current = again->responses(0).response_range().kvs(0);
  EXPECT_EQ(current.value(), "v1");
  EXPECT_EQ(current.mod_revision(), 2);
  EXPECT_EQ(current.create_revision(), 2);
  EXPECT_EQ(current.version(), 1);

  auto updated = kv_->Txn(PutIfModRevision("/registry/pods/a", 2, "v2"));
  ASSERT_TRUE(updated.has_value());
  EXPECT_TRUE(updated->succeeded());
  auto stale = kv_->Txn(PutIfModRevision("/registry/pods/a", 2, "v3"));
  ASSERT_TRUE(stale.has_value());
  EXPECT_FALSE(stale->succeeded());

  auto now = kv_->Range(Get("/registry/pods/a"));
  ASSERT_TRUE(now.has_value());
  ASSERT_EQ(now->kvs_size(), 1);
  EXPECT_EQ(now->kvs(0).value(), "v2");
  EXPECT_EQ(now->kvs(0).version(), 2);
  EXPECT_EQ(now->kvs(0).mod_revision(), 3);
  EXPECT_EQ(now->header().revision(), 3);
  auto old = kv_->Range(Get("/registry/pods/a", 2));
  ASSERT_TRUE(old.has_value());
  EXPECT_EQ(old->kvs(0).value(), "v1");
}

TEST_P(KvContractTest, PagedPrefixListAtARevision) {
  for (char c = 'a'; c <= 'e'; ++c) MustPut(std::string("/registry/x/") + c, "v");
  MustPut("/registry/y", "not in the prefix");
  pb::RangeRequest page;
  page.set_key("/registry/x/");
  page.set_range_end("/registry/x0");
  page.set_limit(2);
  auto first = kv_->Range(page);
  ASSERT_TRUE(first.has_value()) << first.error();
  EXPECT_EQ(first->kvs_size(), 2);
  EXPECT_TRUE(first->more());
  EXPECT_EQ(first->count(), 5);
  EXPECT_EQ(first->kvs(1).key(), "/registry/x/b");
  // The next page, at the first page's revision, even after more writes.
  MustPut("/registry/x/c", "changed");
  page.set_key(first->kvs(1).key() + std::string(1, '\0'));
  page.set_revision(first->header().revision());
  auto second = kv_->Range(page);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->kvs(0).key(), "/registry/x/c");
  EXPECT_EQ(second->kvs(0).value(), "v");
  EXPECT_EQ(second->count(), 3);

  pb::RangeRequest count;
  count.set_key("/registry/x/");
  count.set_range_end("/registry/x0");
  count.set_count_only(true);
  auto counted = kv_->Range(count);
  ASSERT_TRUE(counted.has_value());
  EXPECT_EQ(counted->count(), 5);
  EXPECT_EQ(counted->kvs_size(), 0);
}

TEST_P(KvContractTest, ErrorsAreEtcds) {
  EXPECT_EQ(kv_->Put(PutOf("", "v")).error(), ErrEmptyKey());
  MustPut("k", "1");
  MustPut("k", "2");
  EXPECT_EQ(kv_->Range(Get("k", 99)).error(), ErrFutureRev());
  pb::CompactionRequest compact;
  compact.set_revision(3);
  ASSERT_TRUE(kv_->Compact(compact).has_value());
  EXPECT_EQ(kv_->Range(Get("k", 2)).error(), ErrCompacted());
  EXPECT_EQ(kv_->Compact(compact).error(), ErrCompacted());

  pb::TxnRequest dup;
  *dup.add_success()->mutable_request_put() = PutOf("d", "1");
  *dup.add_success()->mutable_request_put() = PutOf("d", "2");
  EXPECT_EQ(kv_->Txn(dup).error(), ErrDuplicateKey());
  pb::TxnRequest many;
  for (int i = 0; i < 129; ++i) *many.add_success()->mutable_request_put() = PutOf("m" + std::to_string(i), "v");
  EXPECT_EQ(kv_->Txn(many).error(), ErrTooManyOps());

  pb::LeaseRevokeRequest revoke;
  revoke.set_id(12345);
  EXPECT_EQ(kv_->LeaseRevoke(revoke).error(), ErrLeaseNotFound());
  EXPECT_EQ(kv_->Put(PutOf("l", "v", 12345)).error(), ErrLeaseNotFound());
  // Nothing was written by the refused requests.
  EXPECT_EQ(kv_->Range(Get("d")).value().kvs_size(), 0);
  EXPECT_EQ(kv_->Range(Get("k")).value().header().revision(), 3);
}

TEST_P(KvContractTest, LeaseOwnsItsKeysUntilRevoked) {
  pb::LeaseGrantRequest grant;
  grant.set_ttl(60);
  auto lease = kv_->LeaseGrant(grant);
  ASSERT_TRUE(lease.has_value()) << lease.error();
  EXPECT_EQ(lease->ttl(), 60);
  MustPut("/registry/events/a", "e1");
  ASSERT_TRUE(kv_->Put(PutOf("/registry/events/b", "e2", lease->id())).has_value());
  ASSERT_TRUE(kv_->Put(PutOf("/registry/events/c", "e3", lease->id())).has_value());
  EXPECT_EQ(kv_->Range(Get("/registry/events/b")).value().kvs(0).lease(), lease->id());

  pb::LeaseKeepAliveRequest keep;
  keep.set_id(lease->id());
  auto kept = kv_->LeaseKeepAlive(keep);
  ASSERT_TRUE(kept.has_value()) << kept.error();
  EXPECT_EQ(kept->id(), lease->id());
  EXPECT_EQ(kept->ttl(), 60);
  keep.set_id(lease->id() + 1);
  auto unknown = kv_->LeaseKeepAlive(keep);
  ASSERT_TRUE(unknown.has_value()) << unknown.error();
  EXPECT_EQ(unknown->ttl(), 0);

  pb::LeaseRevokeRequest revoke;
  revoke.set_id(lease->id());
  auto revoked = kv_->LeaseRevoke(revoke);
  ASSERT_TRUE(revoked.has_value()) << revoked.error();
  EXPECT_EQ(revoked->header().revision(), 5);  // both keys go in one revision
  pb::RangeRequest all;
  all.set_key("/registry/events/");
  all.set_range_end("/registry/events0");
  auto left = kv_->Range(all);
  ASSERT_TRUE(left.has_value());
  ASSERT_EQ(left->kvs_size(), 1);
  EXPECT_EQ(left->kvs(0).key(), "/registry/events/a");
}

// Collects a watch stream's responses, waking on `on_ready`.
class WatchCollector {
 public:
  explicit WatchCollector(Kv& kv) {
    stream_ = kv.Watch([this] {
      std::lock_guard lock(mu_);
      ++ready_;
      cv_.notify_all();
    });
  }
  ~WatchCollector() { stream_->Close(); }
  KvWatch& stream() { return *stream_; }

  // Responses until `enough` says so, or 20 s pass. The error that ended the stream, if any, is
  // left in `ended`.
  std::vector<pb::WatchResponse> Until(
      const std::function<bool(const std::vector<pb::WatchResponse>&)>& enough) {
    std::vector<pb::WatchResponse> got;
    auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!enough(got) && std::chrono::steady_clock::now() < deadline) {
      int ready_before;
      {
        std::lock_guard lock(mu_);
        ready_before = ready_;
      }
      Result<std::optional<pb::WatchResponse>> next = stream_->Next();
      if (!next.has_value()) {
        ended = next.error();
        break;
      }
      if (next->has_value()) {
        got.push_back(std::move(**next));
        continue;
      }
      std::unique_lock lock(mu_);
      cv_.wait_until(lock, deadline, [&] { return ready_ != ready_before; });
    }
    return got;
  }

  kref::Status ended;

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  int ready_ = 0;
  std::shared_ptr<KvWatch> stream_;
};

size_t EventCount(const std::vector<pb::WatchResponse>& responses) {
  size_t n = 0;
  for (const auto& r : responses) n += r.events_size();
  return n;
}

TEST_P(KvContractTest, WatchFromARevisionWithPrevKvAndProgress) {
  MustPut("/w/a", "1");                 // 2
  MustPut("/w/b", "1");                 // 3
  MustPut("/other", "1");               // 4
  pb::DeleteRangeRequest del;
  del.set_key("/w/a");
  ASSERT_TRUE(kv_->DeleteRange(del).has_value());  // 5

  WatchCollector watch(*kv_);
  pb::WatchRequest create;
  auto* c = create.mutable_create_request();
  c->set_key("/w/");
  c->set_range_end("/w0");
  c->set_start_revision(3);
  c->set_prev_kv(true);
  watch.stream().Send(create);
  auto got = watch.Until([](const auto& r) { return EventCount(r) >= 2; });
  ASSERT_GE(got.size(), 2u) << watch.ended;
  EXPECT_TRUE(got[0].created());
  std::vector<mvccpb::Event> events;
  for (const auto& r : got) events.insert(events.end(), r.events().begin(), r.events().end());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].type(), mvccpb::Event::PUT);
  EXPECT_EQ(events[0].kv().key(), "/w/b");
  EXPECT_EQ(events[0].kv().mod_revision(), 3);
  EXPECT_EQ(events[1].type(), mvccpb::Event::DELETE);
  EXPECT_EQ(events[1].kv().key(), "/w/a");
  EXPECT_EQ(events[1].kv().mod_revision(), 5);
  EXPECT_EQ(events[1].prev_kv().value(), "1");

  // New writes arrive live; a progress request then reports the current revision.
  MustPut("/w/c", "live");  // 6
  auto live = watch.Until([](const auto& r) { return EventCount(r) >= 1; });
  ASSERT_EQ(EventCount(live), 1u);
  EXPECT_EQ(live.back().events(0).kv().value(), "live");
  pb::WatchRequest progress;
  progress.mutable_progress_request();
  watch.stream().Send(progress);
  auto reported = watch.Until([](const auto& r) { return !r.empty(); });
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_EQ(reported[0].events_size(), 0);
  EXPECT_EQ(reported[0].header().revision(), 6);
}

TEST_P(KvContractTest, WatchFromACompactedRevisionIsCanceled) {
  MustPut("k", "1");
  MustPut("k", "2");
  pb::CompactionRequest compact;
  compact.set_revision(3);
  ASSERT_TRUE(kv_->Compact(compact).has_value());
  WatchCollector watch(*kv_);
  pb::WatchRequest create;
  create.mutable_create_request()->set_key("k");
  create.mutable_create_request()->set_start_revision(2);
  watch.stream().Send(create);
  auto got = watch.Until([](const auto& r) {
    return !r.empty() && r.back().canceled();
  });
  ASSERT_FALSE(got.empty()) << watch.ended;
  EXPECT_TRUE(got.back().canceled());
  EXPECT_EQ(got.back().compact_revision(), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, KvContractTest,
                         ::testing::Values(BackendKind::kEmbedded, BackendKind::kClientToKrefStore,
                                           BackendKind::kClientToEtcd,
                                           BackendKind::kClientToEtcdCluster),
                         [](const auto& info) { return Name(info.param); });

// With three members, the client survives the loss of the one it talks to: reads and new
// writes go to another member, and a watch stream on the lost member ends with UNAVAILABLE.
TEST(EtcdClientTest, FailsOverWhenItsMemberDies) {
  ASSERT_TRUE(std::filesystem::exists("/usr/bin/etcd")) << "needs Debian's etcd-server";
  testing::EtcdCluster etcd(3);
  ASSERT_TRUE(etcd.Ready());
  auto client = Connect(etcd.client_urls());
  ASSERT_NE(client, nullptr);
  ASSERT_TRUE(client->Put(PutOf("k", "before")).has_value());
  WatchCollector watch(*client);
  pb::WatchRequest create;
  create.mutable_create_request()->set_key("k");
  watch.stream().Send(create);
  ASSERT_EQ(watch.Until([](const auto& r) { return !r.empty(); }).size(), 1u);

  etcd.Kill(0);  // pick_first connected to the first endpoint

  auto got = watch.Until([](const auto&) { return false; });
  EXPECT_TRUE(got.empty());
  EXPECT_EQ(watch.ended.code(), StatusCode::kUnavailable) << watch.ended;
  auto read = client->Range(Get("k"));
  ASSERT_TRUE(read.has_value()) << read.error();
  EXPECT_EQ(read->kvs(0).value(), "before");
  auto write = client->Put(PutOf("k", "after"));
  ASSERT_TRUE(write.has_value()) << write.error();
  EXPECT_EQ(client->Range(Get("k")).value().kvs(0).value(), "after");
}

TEST(EtcdClientTest, RejectsEndpointsThatAreNotHttpUrls) {
  for (std::string bad : {"127.0.0.1:2379", "https://127.0.0.1:2379", "http://127.0.0.1", ""}) {
    auto client = EtcdClient::Connect({.endpoints = {bad}});
    ASSERT_FALSE(client.has_value()) << bad;
    EXPECT_EQ(client.error().code(), StatusCode::kInvalidArgument);
  }
  EXPECT_EQ(EtcdClient::Connect({.endpoints = {"https://127.0.0.1:2379"}}).error().message(),
            "etcd endpoint https://127.0.0.1:2379 must use http (TLS is not supported yet)");
  EXPECT_FALSE(EtcdClient::Connect({}).has_value());
  auto unresolved = EtcdClient::Connect({.endpoints = {"http://127.0.0.1:1", "http://no-such-host.invalid:2"}});
  EXPECT_FALSE(unresolved.has_value());
}

}  // namespace
}  // namespace kref::store
