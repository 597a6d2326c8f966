// The differential tier: the same RapidCheck-generated operation sequences go to a real etcd
// 3.4 (Debian etcd-server, started here on loopback with a fresh data dir per sequence) and to
// a fresh kref store (served over gRPC in process), and every answer must be equal: responses
// field by field, errors by gRPC code and exact message. Operations: puts (with leases),
// deletes, ranges with every option, nested transactions, compactions, HashKV, lease grant,
// revoke, keep-alive, time-to-live and list, and watches.
//
// Ignored: cluster_id, member_id and raft_term in headers; the order of ties when sorting by
// something other than the key, and of lease keys and lease lists (etcd leaves them
// unspecified); a live lease's remaining TTL (it depends on timing: only "alive" is compared);
// how watch events are split into responses; and HashKV's hash after a compaction when no key
// is live. etcd 3.4 then hashes every revision still on disk, compacted ones included, and
// sees compaction's deletions only once its backend commits them (every 100 ms): its answer
// depends on timing. kref answers as etcd does once that commit is done.
//
// A watch op opens a stream, creates one watcher (start revision 0, in the past, compacted, or
// the next one), then writes the watcher's first key as a sentinel and collects events until
// the sentinel's event arrives (or the watcher is cancelled): so it knows when it has every
// event without waiting on a clock.
//
// RapidCheck prints its seed; rerun a failure with RC_PARAMS="reproduce=..." as it says.
// Run: build/<preset>/impl/store/store_diff_tests (ctest label: differential).
#include <google/protobuf/util/message_differencer.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "etcd/etcdserverpb/rpc.grpc.pb.h"
#include "impl/store/etcd_client.h"
#include "impl/store/grpc_server.h"
#include "impl/store/store.h"
#include "impl/testing/etcd_peer.h"
#include "impl/testing/temp_dir.h"

namespace kref::store {
namespace {

// One request of a generated sequence.
struct DiffOp {
  enum Kind {
    kPut, kDelete, kRange, kTxn, kCompact, kHashKV,
    kLeaseGrant, kLeaseRevoke, kLeaseKeepAlive, kLeaseTimeToLive, kLeaseLeases, kWatch
  } kind;
  pb::PutRequest put;
  pb::DeleteRangeRequest del;
  pb::RangeRequest range;
  pb::TxnRequest txn;
  pb::CompactionRequest compact;
  pb::HashKVRequest hash;
  pb::LeaseGrantRequest grant;
  int64_t lease_id = 0;             // revoke, keep-alive, time-to-live
  bool lease_keys = false;          // time-to-live
  pb::WatchCreateRequest watch;     // start_revision is set when applied, from watch_back
  std::optional<int64_t> watch_back;  // nullopt: start at 0 (now); else current - back (>= 1)
};

void showValue(const DiffOp& op, std::ostream& os) {
  switch (op.kind) {
    case DiffOp::kPut: os << "Put{" << op.put.ShortDebugString() << "}"; break;
    case DiffOp::kDelete: os << "DeleteRange{" << op.del.ShortDebugString() << "}"; break;
    case DiffOp::kRange: os << "Range{" << op.range.ShortDebugString() << "}"; break;
    case DiffOp::kTxn: os << "Txn{" << op.txn.ShortDebugString() << "}"; break;
    case DiffOp::kCompact: os << "Compact{" << op.compact.ShortDebugString() << "}"; break;
    case DiffOp::kHashKV: os << "HashKV{" << op.hash.ShortDebugString() << "}"; break;
    case DiffOp::kLeaseGrant: os << "LeaseGrant{" << op.grant.ShortDebugString() << "}"; break;
    case DiffOp::kLeaseRevoke: os << "LeaseRevoke{" << op.lease_id << "}"; break;
    case DiffOp::kLeaseKeepAlive: os << "LeaseKeepAlive{" << op.lease_id << "}"; break;
    case DiffOp::kLeaseTimeToLive:
      os << "LeaseTimeToLive{" << op.lease_id << (op.lease_keys ? " keys" : "") << "}";
      break;
    case DiffOp::kLeaseLeases: os << "LeaseLeases{}"; break;
    case DiffOp::kWatch:
      os << "Watch{" << op.watch.ShortDebugString() << " start: "
         << (op.watch_back ? "current-" + std::to_string(*op.watch_back) : "0") << "}";
      break;
  }
}

// Uniform in [lo, hi) whatever the current size: RapidCheck's inRange and element favour the
// low end at small sizes, which would leave the later kinds of operation almost never tried.
template <class T>
T Uniform(T lo, T hi) {
  return *rc::gen::resize(rc::kNominalSize, rc::gen::inRange<T>(lo, hi));
}
template <class T, class... Ts>
T OneOf(Ts... values) {
  std::vector<T> all = {T(values)...};
  return all[Uniform<size_t>(0, all.size())];
}

std::string Key() { return OneOf<std::string>("a", "b", "c", "a/1", "a/2", "b/1"); }
std::string Value() { return OneOf<std::string>("", "x", "y", "longer value"); }
int64_t Revision() { return Uniform<int64_t>(0, 40); }
// Client-chosen lease IDs, so both members name leases alike; 4 is never granted.
int64_t LeaseId() { return Uniform<int64_t>(1, 5); }

// [key, end) forms: one key, a prefix, from-key, or an explicit (possibly inverted) range.
std::pair<std::string, std::string> KeyAndEnd() {
  std::string key = Key();
  switch (Uniform<int>(0, 4)) {
    case 0: return {key, ""};
    case 1: {
      std::string end = key;
      end.back() = static_cast<char>(end.back() + 1);
      return {key, end};
    }
    case 2: return {key, std::string(1, '\0')};
    default: return {key, Key()};
  }
}

pb::RangeRequest GenRange(bool allow_sort) {
  pb::RangeRequest r;
  auto [key, end] = KeyAndEnd();
  r.set_key(key);
  r.set_range_end(end);
  if (Uniform<int>(0, 3) == 0) r.set_revision(Revision());
  r.set_keys_only(Uniform<int>(0, 4) == 0);
  r.set_count_only(Uniform<int>(0, 6) == 0);
  if (Uniform<int>(0, 6) == 0) r.set_min_mod_revision(Revision());
  if (Uniform<int>(0, 6) == 0) r.set_max_create_revision(Revision());
  if (allow_sort && Uniform<int>(0, 3) == 0) {
    r.set_sort_order(static_cast<pb::RangeRequest::SortOrder>(Uniform<int>(0, 3)));
    r.set_sort_target(static_cast<pb::RangeRequest::SortTarget>(Uniform<int>(0, 5)));
  }
  // A limit with a non-key sort could cut between ties, which etcd orders arbitrarily.
  bool key_order = r.sort_target() == pb::RangeRequest::KEY;
  if (key_order && Uniform<int>(0, 3) == 0) r.set_limit(Uniform<int64_t>(0, 4));
  return r;
}

pb::RequestOp GenRequestOp(int depth) {
  pb::RequestOp op;
  switch (Uniform<int>(0, depth > 0 ? 3 : 4)) {
    case 0: {
      auto* put = op.mutable_request_put();
      put->set_key(Key());
      put->set_value(Value());
      put->set_prev_kv(*rc::gen::arbitrary<bool>());
      break;
    }
    case 1: {
      auto* del = op.mutable_request_delete_range();
      auto [key, end] = KeyAndEnd();
      del->set_key(key);
      del->set_range_end(end);
      del->set_prev_kv(*rc::gen::arbitrary<bool>());
      break;
    }
    case 2: *op.mutable_request_range() = GenRange(false); break;
    default: {
      auto* txn = op.mutable_request_txn();
      txn->add_success()->CopyFrom(GenRequestOp(depth + 1));
      txn->add_failure()->CopyFrom(GenRequestOp(depth + 1));
      break;
    }
  }
  return op;
}

pb::TxnRequest GenTxn() {
  pb::TxnRequest t;
  int compares = Uniform<int>(0, 3);
  for (int i = 0; i < compares; ++i) {
    pb::Compare* c = t.add_compare();
    c->set_key(Key());
    if (Uniform<int>(0, 5) == 0) c->set_range_end(std::string(1, '\0'));
    c->set_result(static_cast<pb::Compare::CompareResult>(Uniform<int>(0, 4)));
    c->set_target(static_cast<pb::Compare::CompareTarget>(Uniform<int>(0, 5)));
    switch (c->target()) {
      case pb::Compare::VERSION: c->set_version(Uniform<int64_t>(0, 4)); break;
      case pb::Compare::CREATE: c->set_create_revision(Revision()); break;
      case pb::Compare::MOD: c->set_mod_revision(Revision()); break;
      case pb::Compare::VALUE: c->set_value(Value()); break;
      default: c->set_lease(Uniform<int>(0, 2) == 0 ? 0 : LeaseId()); break;
    }
  }
  int success = Uniform<int>(0, 4), failure = Uniform<int>(0, 3);
  for (int i = 0; i < success; ++i) *t.add_success() = GenRequestOp(0);
  for (int i = 0; i < failure; ++i) *t.add_failure() = GenRequestOp(0);
  return t;
}

rc::Gen<DiffOp> GenOp() {
  return rc::gen::exec([] {
    DiffOp op{};
    int pick = Uniform<int>(0, 100);
    if (pick < 35) {
      op.kind = DiffOp::kPut;
      op.put.set_key(Key());
      op.put.set_value(Value());
      op.put.set_prev_kv(*rc::gen::arbitrary<bool>());
      if (Uniform<int>(0, 10) == 0) op.put.set_ignore_value(true);
      if (Uniform<int>(0, 4) == 0) op.put.set_lease(LeaseId());
      if (Uniform<int>(0, 10) == 0) op.put.set_ignore_lease(true);
    } else if (pick < 47) {
      op.kind = DiffOp::kDelete;
      auto [key, end] = KeyAndEnd();
      op.del.set_key(key);
      op.del.set_range_end(end);
      op.del.set_prev_kv(*rc::gen::arbitrary<bool>());
    } else if (pick < 65) {
      op.kind = DiffOp::kRange;
      op.range = GenRange(true);
    } else if (pick < 78) {
      op.kind = DiffOp::kTxn;
      op.txn = GenTxn();
    } else if (pick < 82) {
      op.kind = DiffOp::kCompact;
      op.compact.set_revision(Revision());
    } else if (pick < 90) {
      op.kind = DiffOp::kWatch;
      auto [key, end] = KeyAndEnd();
      bool inverted = !end.empty() && end != std::string(1, '\0') && end <= key;
      op.watch.set_key(key);
      op.watch.set_range_end(inverted ? "" : end);
      op.watch.set_prev_kv(*rc::gen::arbitrary<bool>());
      op.watch.set_fragment(Uniform<int>(0, 4) == 0);
      switch (Uniform<int>(0, 6)) {
        case 0: op.watch.add_filters(pb::WatchCreateRequest::NOPUT); break;
        case 1: op.watch.add_filters(pb::WatchCreateRequest::NODELETE); break;
        default: break;
      }
      if (Uniform<int>(0, 4) != 0) op.watch_back = Uniform<int64_t>(-1, 12);
    } else if (pick < 97) {
      op.lease_id = LeaseId();
      switch (Uniform<int>(0, 5)) {
        case 0:
          op.kind = DiffOp::kLeaseGrant;
          op.grant.set_id(op.lease_id);
          // Long enough never to expire during a sequence; now and then too long to grant.
          op.grant.set_ttl(OneOf<int64_t>(60, 300, 300, 9000000001));
          break;
        case 1: op.kind = DiffOp::kLeaseRevoke; break;
        case 2: op.kind = DiffOp::kLeaseKeepAlive; break;
        case 3:
          op.kind = DiffOp::kLeaseTimeToLive;
          op.lease_keys = *rc::gen::arbitrary<bool>();
          break;
        default: op.kind = DiffOp::kLeaseLeases; break;
      }
    } else {
      op.kind = DiffOp::kHashKV;
      op.hash.set_revision(Uniform<int>(0, 3) == 0 ? Revision() : 0);
    }
    return op;
  });
}

// One member under test: its stubs, and a Kv client for watches and keep-alives.
struct Peer {
  explicit Peer(const std::string& url)
      : channel(grpc::CreateChannel(url.substr(std::string("http://").size()),
                                    grpc::InsecureChannelCredentials())),
        kv(pb::KV::NewStub(channel)),
        lease(pb::Lease::NewStub(channel)),
        maintenance(pb::Maintenance::NewStub(channel)),
        client(*EtcdClient::Connect({.endpoints = {url}, .request_timeout = std::chrono::seconds(10)})) {}
  std::shared_ptr<grpc::Channel> channel;
  std::unique_ptr<pb::KV::Stub> kv;
  std::unique_ptr<pb::Lease::Stub> lease;
  std::unique_ptr<pb::Maintenance::Stub> maintenance;
  std::unique_ptr<EtcdClient> client;

  bool WaitReady() { return testing::WaitForEtcdStatus(*maintenance) >= 0; }

  // The answer to `op`: "error <code> <message>" or the normalized response.
  std::string Apply(const DiffOp& op) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    grpc::Status status;
    std::unique_ptr<google::protobuf::Message> response;
    switch (op.kind) {
      case DiffOp::kPut: {
        auto r = std::make_unique<pb::PutResponse>();
        status = kv->Put(&context, op.put, r.get());
        response = std::move(r);
        break;
      }
      case DiffOp::kDelete: {
        auto r = std::make_unique<pb::DeleteRangeResponse>();
        status = kv->DeleteRange(&context, op.del, r.get());
        response = std::move(r);
        break;
      }
      case DiffOp::kRange: {
        auto r = std::make_unique<pb::RangeResponse>();
        status = kv->Range(&context, op.range, r.get());
        NormalizeTies(op.range, *r);
        response = std::move(r);
        break;
      }
      case DiffOp::kTxn: {
        auto r = std::make_unique<pb::TxnResponse>();
        status = kv->Txn(&context, op.txn, r.get());
        response = std::move(r);
        break;
      }
      case DiffOp::kCompact: {
        auto r = std::make_unique<pb::CompactionResponse>();
        status = kv->Compact(&context, op.compact, r.get());
        response = std::move(r);
        break;
      }
      case DiffOp::kHashKV: {
        auto r = std::make_unique<pb::HashKVResponse>();
        status = maintenance->HashKV(&context, op.hash, r.get());
        if (status.ok() && r->compact_revision() > 0 && NoLiveKeys(r->header().revision())) {
          r->clear_hash();  // depends on etcd's commit timing (see the file comment)
        }
        response = std::move(r);
        break;
      }
      case DiffOp::kLeaseGrant: {
        auto r = std::make_unique<pb::LeaseGrantResponse>();
        status = lease->LeaseGrant(&context, op.grant, r.get());
        response = std::move(r);
        break;
      }
      case DiffOp::kLeaseRevoke: {
        pb::LeaseRevokeRequest req;
        req.set_id(op.lease_id);
        auto r = std::make_unique<pb::LeaseRevokeResponse>();
        status = lease->LeaseRevoke(&context, req, r.get());
        response = std::move(r);
        break;
      }
      case DiffOp::kLeaseKeepAlive: {
        pb::LeaseKeepAliveRequest req;
        req.set_id(op.lease_id);
        auto r = client->LeaseKeepAlive(req);
        if (!r.has_value()) return "error " + std::to_string(static_cast<int>(r.error().code())) + " " + r.error().message();
        response = std::make_unique<pb::LeaseKeepAliveResponse>(std::move(*r));
        break;
      }
      case DiffOp::kLeaseTimeToLive: {
        pb::LeaseTimeToLiveRequest req;
        req.set_id(op.lease_id);
        req.set_keys(op.lease_keys);
        auto r = std::make_unique<pb::LeaseTimeToLiveResponse>();
        status = lease->LeaseTimeToLive(&context, req, r.get());
        if (r->ttl() > 0) r->set_ttl(1);  // alive; the seconds left depend on timing
        std::sort(r->mutable_keys()->begin(), r->mutable_keys()->end());
        response = std::move(r);
        break;
      }
      case DiffOp::kLeaseLeases: {
        auto r = std::make_unique<pb::LeaseLeasesResponse>();
        status = lease->LeaseLeases(&context, pb::LeaseLeasesRequest(), r.get());
        std::sort(r->mutable_leases()->begin(), r->mutable_leases()->end(),
                  [](const auto& a, const auto& b) { return a.id() < b.id(); });
        response = std::move(r);
        break;
      }
      case DiffOp::kWatch: return Watch(op);
    }
    if (!status.ok()) {
      return "error " + std::to_string(status.error_code()) + " " + status.error_message();
    }
    ClearIdentity(*response);
    return response->ShortDebugString();
  }

  // Runs a watch op (see the file comment): the created response, each event, and how the
  // watch ended, one per line.
  std::string Watch(const DiffOp& op) {
    pb::RangeRequest probe;
    probe.set_key("probe");
    grpc::ClientContext probe_context;
    pb::RangeResponse probed;
    if (!kv->Range(&probe_context, probe, &probed).ok()) return "error probing the revision";
    int64_t current = probed.header().revision();

    std::mutex mu;
    std::condition_variable cv;
    int ready = 0;
    auto stream = client->Watch([&] {
      std::lock_guard lock(mu);
      ++ready;
      cv.notify_all();
    });
    pb::WatchRequest create;
    *create.mutable_create_request() = op.watch;
    if (op.watch_back) {
      create.mutable_create_request()->set_start_revision(std::max<int64_t>(1, current - *op.watch_back));
    }
    stream->Send(create);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    // The next response, or nullopt at the deadline or the stream's end.
    auto next = [&]() -> std::optional<pb::WatchResponse> {
      while (std::chrono::steady_clock::now() < deadline) {
        int before;
        {
          std::lock_guard lock(mu);
          before = ready;
        }
        auto r = stream->Next();
        if (!r.has_value()) return std::nullopt;
        if (r->has_value()) return std::move(**r);
        std::unique_lock lock(mu);
        cv.wait_until(lock, deadline, [&] { return ready != before; });
      }
      return std::nullopt;
    };
    std::string out;
    std::optional<pb::WatchResponse> created = next();
    if (!created) return "no created response";
    ClearIdentity(*created);
    out += "created " + created->ShortDebugString() + "\n";

    // The sentinel: a put of the watcher's first key (and a delete after it, if puts are
    // filtered out). Its revision is the last event to wait for.
    pb::PutRequest put;
    put.set_key(op.watch.key());
    put.set_value("sentinel");
    grpc::ClientContext put_context;
    pb::PutResponse put_response;
    if (!kv->Put(&put_context, put, &put_response).ok()) return out + "sentinel put failed";
    int64_t sentinel = put_response.header().revision();
    bool no_put = op.watch.filters_size() > 0 && op.watch.filters(0) == pb::WatchCreateRequest::NOPUT;
    if (no_put) {
      pb::DeleteRangeRequest del;
      del.set_key(op.watch.key());
      grpc::ClientContext del_context;
      pb::DeleteRangeResponse del_response;
      if (!kv->DeleteRange(&del_context, del, &del_response).ok()) return out + "sentinel delete failed";
      sentinel = del_response.header().revision();
    }
    bool canceled = created->canceled();
    while (!canceled) {
      std::optional<pb::WatchResponse> r = next();
      if (!r) return out + "timed out waiting for revision " + std::to_string(sentinel);
      if (r->canceled()) {
        canceled = true;
        ClearIdentity(*r);
        out += "canceled " + r->ShortDebugString() + "\n";
        break;
      }
      bool done = false;
      for (const mvccpb::Event& e : r->events()) {
        out += "event " + e.ShortDebugString() + "\n";
        done = done || e.kv().mod_revision() >= sentinel;
      }
      if (done) break;
    }
    stream->Close();
    return out;
  }

  // Whether no key is live at revision `rev`.
  bool NoLiveKeys(int64_t rev) {
    pb::RangeRequest all;
    all.set_key(std::string(1, '\0'));
    all.set_range_end(std::string(1, '\0'));
    all.set_count_only(true);
    all.set_revision(rev);
    grpc::ClientContext context;
    pb::RangeResponse counted;
    return kv->Range(&context, all, &counted).ok() && counted.count() == 0;
  }

  // Zeroes cluster_id, member_id and raft_term in every header inside `message`.
  static void ClearIdentity(google::protobuf::Message& message) {
    const auto* reflection = message.GetReflection();
    std::vector<const google::protobuf::FieldDescriptor*> fields;
    reflection->ListFields(message, &fields);
    for (const auto* field : fields) {
      if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) continue;
      if (field->is_repeated()) {
        for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
          ClearIdentity(*reflection->MutableRepeatedMessage(&message, field, i));
        }
      } else {
        auto* child = reflection->MutableMessage(&message, field);
        if (auto* header = dynamic_cast<pb::ResponseHeader*>(child)) {
          header->clear_cluster_id();
          header->clear_member_id();
          header->clear_raft_term();
        } else {
          ClearIdentity(*child);
        }
      }
    }
  }

  // Sorting by anything but the key leaves ties in an unspecified order: put ties in key order.
  static void NormalizeTies(const pb::RangeRequest& request, pb::RangeResponse& response) {
    if (request.sort_target() == pb::RangeRequest::KEY) return;
    bool descend = request.sort_order() == pb::RangeRequest::DESCEND;
    auto target = [&](const mvccpb::KeyValue& kv) -> std::string {
      switch (request.sort_target()) {
        case pb::RangeRequest::VERSION: return std::to_string(kv.version() + 1000000);
        case pb::RangeRequest::CREATE: return std::to_string(kv.create_revision() + 1000000);
        case pb::RangeRequest::MOD: return std::to_string(kv.mod_revision() + 1000000);
        default: return kv.value();
      }
    };
    std::stable_sort(response.mutable_kvs()->begin(), response.mutable_kvs()->end(),
                     [&](const mvccpb::KeyValue& a, const mvccpb::KeyValue& b) {
                       std::string ta = target(a), tb = target(b);
                       if (ta != tb) return descend ? ta > tb : ta < tb;
                       return a.key() < b.key();
                     });
  }
};

// Fails the case, printing why first: RapidCheck builds its report by running the failing case
// again, so a failure that does not recur would otherwise be reported without its message.
void Fail(const std::string& message) {
  fprintf(stderr, "differential failure: %s\n", message.c_str());
  RC_FAIL(message);
}
void Require(bool condition, const char* what) {
  if (!condition) Fail(std::string("expected ") + what);
}

TEST(EtcdDifferentialTest, SameAnswersAsEtcd34) {
  ASSERT_TRUE(std::filesystem::exists("/usr/bin/etcd")) << "needs Debian's etcd-server";
  bool ok = rc::check("kref store answers every request as etcd 3.4 does", [] {
    auto ops = *rc::gen::container<std::vector<DiffOp>>(GenOp());
    testing::EtcdCluster etcd_process;
    Require(etcd_process.Ready(), "etcd_process.Ready()");
    Peer etcd(etcd_process.client_urls()[0]);
    testing::TempDir dir;
    StoreOptions options;
    options.data_dir = dir.path();
    options.sync = false;
    auto store = Store::Open(options);
    Require(store.has_value(), "store.has_value()");
    auto server = GrpcServer::Start(**store, {.listen_addresses = {"127.0.0.1:0"}});
    Require(server.has_value(), "server.has_value()");
    Peer kref("http://127.0.0.1:" + std::to_string((*server)->ports()[0]));
    Require(etcd.WaitReady(), "etcd.WaitReady()");
    Require(kref.WaitReady(), "kref.WaitReady()");
    size_t answered = 0;  // guards against both sides failing alike (say, unreachable)
    for (size_t i = 0; i < ops.size(); ++i) {
      std::string want = etcd.Apply(ops[i]);
      std::string got = kref.Apply(ops[i]);
      if (want.rfind("error ", 0) != 0 || want.find("etcdserver: ") != std::string::npos) {
        ++answered;
      }
      if (want != got) {
        std::ostringstream op;
        showValue(ops[i], op);
        std::string message = "op " + std::to_string(i) + " " + op.str() + "\n  etcd: " + want +
                              "\n  kref: " + got;
        Fail(message);
      }
    }
    Require(answered == ops.size(), "answered == ops.size()");
    RC_TAG(ops.size() < 20 ? "short" : "long");
    auto has = [&](DiffOp::Kind lo, DiffOp::Kind hi) {
      return std::any_of(ops.begin(), ops.end(), [&](const DiffOp& o) { return o.kind >= lo && o.kind <= hi; });
    };
    if (has(DiffOp::kWatch, DiffOp::kWatch)) RC_TAG("with watches");
    if (has(DiffOp::kLeaseGrant, DiffOp::kLeaseLeases)) RC_TAG("with leases");
    if (has(DiffOp::kTxn, DiffOp::kTxn)) RC_TAG("with transactions");
    if (has(DiffOp::kCompact, DiffOp::kCompact)) RC_TAG("with compactions");
  });
  EXPECT_TRUE(ok);
}

}  // namespace
}  // namespace kref::store
