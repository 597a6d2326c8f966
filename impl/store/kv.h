// Kv: etcd's v3 key-value, lease and watch API, as the API server calls it. Two implementations
// stand behind it: Store (the engine, in process, no gRPC) and EtcdClient (etcd's gRPC API, against
// `kref store` or a real etcd cluster). Code written against Kv cannot tell them apart.
//
// Requests and responses are etcd's protobuf messages (etcd/etcdserverpb/rpc.proto). Errors
// carry etcd's gRPC code and exact message (errors.h) whichever implementation answers; an
// EtcdClient adds UNAVAILABLE and DEADLINE_EXCEEDED when it cannot reach a member in time.
//
// Async calls run `done` exactly once: on the calling thread (reads, and requests refused before
// they are queued) or on an internal thread. Keep `done` short and never block in it. The
// synchronous wrappers wait for it.
//
// Thread safety: all methods are thread-safe.
#pragma once

#include <functional>
#include <future>
#include <memory>
#include <optional>

#include "etcd/etcdserverpb/rpc.pb.h"
#include "impl/common/result.h"

namespace kref::store {

namespace pb = ::etcdserverpb;

// One watch stream: many watchers, created, cancelled and asked for progress by Send(); the
// responses come out of Next() in the order the member sent them.
class KvWatch {
 public:
  virtual ~KvWatch() = default;

  // Sends a create, cancel or progress request. Ignored once the stream has ended.
  virtual void Send(const pb::WatchRequest& request) = 0;
  // The next response; nullopt when there is none yet (the stream's `on_ready` is called when
  // one arrives) or after Close(). An error when the stream ended for another reason (the
  // connection to the member was lost): nothing more will come, open a new stream.
  virtual Result<std::optional<pb::WatchResponse>> Next() = 0;
  // Cancels every watcher; the stream delivers nothing more. No `on_ready` call runs after
  // Close() returns (it waits for one under way, unless called from within it).
  virtual void Close() = 0;
};

class Kv {
 public:
  template <class T>
  using Done = std::function<void(Result<T>)>;

  virtual ~Kv() = default;

  virtual void RangeAsync(pb::RangeRequest request, Done<pb::RangeResponse> done) = 0;
  virtual void PutAsync(pb::PutRequest request, Done<pb::PutResponse> done) = 0;
  virtual void DeleteRangeAsync(pb::DeleteRangeRequest request,
                                Done<pb::DeleteRangeResponse> done) = 0;
  virtual void TxnAsync(pb::TxnRequest request, Done<pb::TxnResponse> done) = 0;
  virtual void CompactAsync(pb::CompactionRequest request, Done<pb::CompactionResponse> done) = 0;

  virtual void LeaseGrantAsync(pb::LeaseGrantRequest request,
                               Done<pb::LeaseGrantResponse> done) = 0;
  // etcd's ErrLeaseNotFound for an unknown lease.
  virtual void LeaseRevokeAsync(pb::LeaseRevokeRequest request,
                                Done<pb::LeaseRevokeResponse> done) = 0;
  // One renewal; TTL 0 in the response for an unknown lease, as etcd answers.
  virtual void LeaseKeepAliveAsync(pb::LeaseKeepAliveRequest request,
                                   Done<pb::LeaseKeepAliveResponse> done) = 0;

  // Opens a watch stream; dropping the last handle closes it. `on_ready` is called, possibly on
  // an internal thread, when a response
  // (or the stream's end) is waiting after Next() returned nullopt. It may call Next(); it must
  // not block.
  virtual std::shared_ptr<KvWatch> Watch(std::function<void()> on_ready) = 0;

  // Synchronous forms: wait for the async call's result.
  Result<pb::RangeResponse> Range(pb::RangeRequest request);
  Result<pb::PutResponse> Put(pb::PutRequest request);
  Result<pb::DeleteRangeResponse> DeleteRange(pb::DeleteRangeRequest request);
  Result<pb::TxnResponse> Txn(pb::TxnRequest request);
  Result<pb::CompactionResponse> Compact(pb::CompactionRequest request);
  Result<pb::LeaseGrantResponse> LeaseGrant(pb::LeaseGrantRequest request);
  Result<pb::LeaseRevokeResponse> LeaseRevoke(pb::LeaseRevokeRequest request);
  Result<pb::LeaseKeepAliveResponse> LeaseKeepAlive(pb::LeaseKeepAliveRequest request);
};

// Calls `start(done)` and waits until `done` receives the result.
template <class T, class Start>
Result<T> Await(Start start) {
  std::promise<Result<T>> promise;
  std::future<Result<T>> future = promise.get_future();
  start([&promise](Result<T> result) { promise.set_value(std::move(result)); });
  return future.get();
}

}  // namespace kref::store
