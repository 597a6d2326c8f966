// EtcdClient: Kv over etcd's v3 gRPC API, for an API server whose storage is `kref store` or a
// real etcd cluster (--etcd-servers).
//
// One gRPC channel spans every endpoint and stays on one member at a time (gRPC's pick_first):
// when that member goes away, calls wait for the next one that answers. Every call waits for a
// connection (gRPC's wait-for-ready) up to `request_timeout`, then fails with DEADLINE_EXCEEDED.
// Ranges are retried on UNAVAILABLE, since repeating them changes nothing; writes are not,
// since a lost answer does not mean a lost write: their UNAVAILABLE leaves the outcome
// unknown, as with etcd's own client.
//
// A watch stream ends with UNAVAILABLE when its connection is lost; the caller opens a new one
// from the revision it had reached.
//
// Thread safety: thread-safe. `done` and `on_ready` run on gRPC's threads.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "etcd/etcdserverpb/rpc.grpc.pb.h"
#include "impl/store/kv.h"

namespace kref::store {

namespace internal {
class CallRegistry;
}  // namespace internal

struct EtcdClientOptions {
  // Client URLs of the members, e.g. "http://127.0.0.1:2379". Several endpoints are resolved
  // to IPv4 addresses once, at Connect.
  std::vector<std::string> endpoints;
  std::chrono::milliseconds request_timeout{std::chrono::seconds(60)};
};

class EtcdClient final : public Kv {
 public:
  // Does not wait for a member to answer: the first calls do. InvalidArgument for an endpoint
  // that is not an http URL with a port, or a host that does not resolve.
  static Result<std::unique_ptr<EtcdClient>> Connect(EtcdClientOptions options);
  // Cancels the watch streams still open; call results still pending are delivered as
  // CANCELLED before it returns.
  ~EtcdClient() override;

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
  std::shared_ptr<KvWatch> Watch(std::function<void()> on_ready) override;

 private:
  explicit EtcdClient(EtcdClientOptions options, std::shared_ptr<grpc::Channel> channel);

  // Starts a unary call: `invoke(context, request, response, on_done)` issues it on a stub.
  // Retried on UNAVAILABLE when `idempotent`.
  template <class Request, class Response, class Invoke>
  void Call(Invoke invoke, Request request, Done<Response> done, bool idempotent);

  EtcdClientOptions options_;
  std::shared_ptr<grpc::Channel> channel_;
  std::unique_ptr<pb::KV::Stub> kv_;
  std::unique_ptr<pb::Lease::Stub> lease_;
  std::unique_ptr<pb::Watch::Stub> watch_;
  std::unique_ptr<internal::CallRegistry> calls_;  // so the destructor can cancel and wait
};

}  // namespace kref::store
