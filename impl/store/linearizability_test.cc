// Linearizability of the store under concurrent clients: threads put, read, compare-and-swap
// and delete a few keys at once, each operation timed from call to answer; the history must
// be linearizable per key (Wing & Gong's check, impl/testing/linearizability.h), and the
// revisions must agree with real time: an operation that starts after another has answered
// never sees an older revision, every write has its own revision, and a read's mod_revision is
// the revision of the write whose value it returned.
//
// Checked through the engine in process and through EtcdClient -> kref's gRPC server.
// Seed printed; rerun with KREF_SEED=<seed> (the thread interleaving itself is not replayable).
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <thread>

#include "impl/common/rng.h"
#include "impl/store/etcd_client.h"
#include "impl/store/grpc_server.h"
#include "impl/store/store.h"
#include "impl/testing/linearizability.h"
#include "impl/testing/temp_dir.h"

namespace kref::store {
namespace {

// One operation on one key, with what it observed.
struct RegisterOp {
  enum Kind { kPut, kGet, kCas, kDelete } kind;
  std::string value;                    // kPut, kCas: the value written (unique per write)
  std::optional<std::string> expected;  // kCas: the value compared against (nullopt: absent)
  std::optional<std::string> observed;  // kPut, kDelete: prev_kv; kGet: the value read
  bool succeeded = false;               // kCas: the compare held; kDelete: a key was deleted
};

// A key as a register that may be absent.
struct RegisterModel {
  using State = std::optional<std::string>;
  using Op = RegisterOp;
  static State Init() { return std::nullopt; }
  static size_t Hash(const State& s) { return s ? std::hash<std::string>()(*s) : 0; }
  static std::optional<State> Step(const State& s, const Op& op) {
    switch (op.kind) {
      case Op::kPut:
        if (op.observed != s) return std::nullopt;
        return State(op.value);
      case Op::kGet:
        if (op.observed != s) return std::nullopt;
        return s;
      case Op::kCas:
        if ((s == op.expected) != op.succeeded) return std::nullopt;
        return op.succeeded ? State(op.value) : s;
      case Op::kDelete:
        if (op.observed != s || op.succeeded != s.has_value()) return std::nullopt;
        return State();
    }
    return std::nullopt;
  }
};

using History = std::vector<testing::TimedOp<RegisterOp>>;

TEST(LinearizabilityCheckerTest, AcceptsOverlappingOperationsInEitherOrder) {
  // A write overlapping a read: the read may see the old or the new value.
  for (const char* seen : {"a", "b"}) {
    History h = {{{RegisterOp::kPut, "a", {}, std::nullopt}, 0, 1},
                 {{RegisterOp::kPut, "b", {}, std::string("a")}, 2, 10},
                 {{RegisterOp::kGet, "", {}, std::string(seen)}, 3, 5}};
    EXPECT_TRUE(testing::IsLinearizable<RegisterModel>(h)) << seen;
  }
}

TEST(LinearizabilityCheckerTest, RejectsAStaleRead) {
  // The second write answered before the read began: the read must see it.
  History h = {{{RegisterOp::kPut, "a", {}, std::nullopt}, 0, 1},
               {{RegisterOp::kPut, "b", {}, std::string("a")}, 2, 3},
               {{RegisterOp::kGet, "", {}, std::string("a")}, 4, 5}};
  EXPECT_FALSE(testing::IsLinearizable<RegisterModel>(h));
}

TEST(LinearizabilityCheckerTest, RejectsTwoSwapsFromTheSameValue) {
  // Two concurrent compare-and-swaps from "a" cannot both succeed.
  History h = {{{RegisterOp::kPut, "a", {}, std::nullopt}, 0, 1},
               {{RegisterOp::kCas, "b", std::string("a"), {}, true}, 2, 6},
               {{RegisterOp::kCas, "c", std::string("a"), {}, true}, 3, 5}};
  EXPECT_FALSE(testing::IsLinearizable<RegisterModel>(h));
  h[2].op.succeeded = false;
  EXPECT_TRUE(testing::IsLinearizable<RegisterModel>(h));
}

// One recorded operation with its key and revisions.
struct Recorded {
  std::string key;
  testing::TimedOp<RegisterOp> timed;
  int64_t revision;      // the response header's
  int64_t read_mod_rev;  // kGet of a present key: the kv's mod_revision
};

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Runs `clients` threads of `ops_per_client` random operations over `keys` keys.
std::vector<Recorded> RunClients(Kv& kv, uint64_t seed, int clients, int ops_per_client,
                                 int keys) {
  std::vector<std::vector<Recorded>> per_client(clients);
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      Rng rng(seed + c);
      std::optional<std::string> last_seen;  // a value this client saw, for realistic swaps
      for (int i = 0; i < ops_per_client; ++i) {
        Recorded r;
        r.key = "k" + std::to_string(rng.Uniform(0, keys - 1));
        RegisterOp& op = r.timed.op;
        std::string fresh = "c" + std::to_string(c) + "-" + std::to_string(i);
        int64_t choice = rng.Uniform(0, 9);
        r.timed.invoked_ns = NowNs();
        if (choice < 3) {
          op.kind = RegisterOp::kPut;
          op.value = fresh;
          pb::PutRequest put;
          put.set_key(r.key);
          put.set_value(fresh);
          put.set_prev_kv(true);
          auto resp = kv.Put(put);
          KREF_CHECK(resp.has_value());
          if (resp->has_prev_kv()) op.observed = resp->prev_kv().value();
          r.revision = resp->header().revision();
        } else if (choice < 6) {
          op.kind = RegisterOp::kGet;
          pb::RangeRequest get;
          get.set_key(r.key);
          auto resp = kv.Range(get);
          KREF_CHECK(resp.has_value());
          if (resp->kvs_size() == 1) {
            op.observed = resp->kvs(0).value();
            r.read_mod_rev = resp->kvs(0).mod_revision();
            last_seen = op.observed;
          }
          r.revision = resp->header().revision();
        } else if (choice < 9) {
          op.kind = RegisterOp::kCas;
          op.value = fresh;
          op.expected = rng.Bernoulli(0.2) ? std::nullopt : last_seen;
          pb::TxnRequest txn;
          auto* cmp = txn.add_compare();
          cmp->set_key(r.key);
          if (op.expected.has_value()) {
            cmp->set_target(pb::Compare::VALUE);
            cmp->set_value(*op.expected);
          } else {
            cmp->set_target(pb::Compare::VERSION);
            cmp->set_version(0);
          }
          auto* put = txn.add_success()->mutable_request_put();
          put->set_key(r.key);
          put->set_value(fresh);
          auto resp = kv.Txn(txn);
          KREF_CHECK(resp.has_value());
          op.succeeded = resp->succeeded();
          r.revision = resp->header().revision();
        } else {
          op.kind = RegisterOp::kDelete;
          pb::DeleteRangeRequest del;
          del.set_key(r.key);
          del.set_prev_kv(true);
          auto resp = kv.DeleteRange(del);
          KREF_CHECK(resp.has_value());
          op.succeeded = resp->deleted() == 1;
          if (resp->prev_kvs_size() == 1) op.observed = resp->prev_kvs(0).value();
          r.revision = resp->header().revision();
        }
        r.timed.returned_ns = NowNs();
        per_client[c].push_back(std::move(r));
      }
    });
  }
  for (auto& t : threads) t.join();
  std::vector<Recorded> all;
  for (auto& ops : per_client) all.insert(all.end(), ops.begin(), ops.end());
  return all;
}

bool Writes(const RegisterOp& op) {
  return op.kind == RegisterOp::kPut || (op.kind == RegisterOp::kCas && op.succeeded) ||
         (op.kind == RegisterOp::kDelete && op.succeeded);
}

void CheckHistory(const std::vector<Recorded>& all) {
  std::map<std::string, History> by_key;
  for (const Recorded& r : all) by_key[r.key].push_back(r.timed);
  for (const auto& [key, history] : by_key) {
    EXPECT_TRUE(testing::IsLinearizable<RegisterModel>(history))
        << "history of " << key << " (" << history.size() << " ops) is not linearizable";
  }
  std::map<int64_t, int> writes_at;
  std::map<std::string, int64_t> revision_of_value;
  for (const Recorded& r : all) {
    if (!Writes(r.timed.op)) continue;
    EXPECT_EQ(++writes_at[r.revision], 1) << "two writes at revision " << r.revision;
    if (r.timed.op.kind != RegisterOp::kDelete) revision_of_value[r.timed.op.value] = r.revision;
  }
  for (const Recorded& r : all) {
    if (r.timed.op.kind == RegisterOp::kGet && r.timed.op.observed.has_value()) {
      EXPECT_EQ(r.read_mod_rev, revision_of_value[*r.timed.op.observed]) << r.key;
    }
  }
  for (const Recorded& a : all) {
    for (const Recorded& b : all) {
      if (a.timed.returned_ns < b.timed.invoked_ns) {
        ASSERT_LE(a.revision, b.revision) << "revision went back in real time";
      }
    }
  }
}

class StoreLinearizabilityTest : public ::testing::TestWithParam<bool> {};

TEST_P(StoreLinearizabilityTest, ConcurrentClientsOverAFewKeys) {
  bool over_grpc = GetParam();
  uint64_t seed = SeedFromEnv();
  std::printf("seed %llu; reproduce: KREF_SEED=%llu store_tests "
              "--gtest_filter='*StoreLinearizabilityTest*'\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed));
  testing::TempDir dir;
  auto store = Store::Open({.data_dir = dir.path()});
  ASSERT_TRUE(store.has_value()) << store.error();
  std::unique_ptr<GrpcServer> server;
  std::unique_ptr<EtcdClient> client;
  Kv* kv = store->get();
  if (over_grpc) {
    auto started = GrpcServer::Start(**store, {.listen_addresses = {"127.0.0.1:0"}});
    ASSERT_TRUE(started.has_value()) << started.error();
    server = std::move(*started);
    auto connected = EtcdClient::Connect(
        {.endpoints = {"http://127.0.0.1:" + std::to_string(server->ports()[0])}});
    ASSERT_TRUE(connected.has_value()) << connected.error();
    client = std::move(*connected);
    kv = client.get();
  }
  CheckHistory(RunClients(*kv, seed, /*clients=*/8, /*ops_per_client=*/250, /*keys=*/3));
}

INSTANTIATE_TEST_SUITE_P(Paths, StoreLinearizabilityTest, ::testing::Values(false, true),
                         [](const auto& info) { return info.param ? "OverGrpc" : "InProcess"; });

}  // namespace
}  // namespace kref::store
