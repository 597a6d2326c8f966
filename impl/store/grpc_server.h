// GrpcServer: a Store served over etcd's v3 gRPC API (services KV, Watch, Lease, Maintenance,
// Cluster, and Auth as a member with authentication disabled), so etcdctl and other etcd
// clients can use it as an etcd member.
//
// Errors go out as etcd's gRPC code and exact message. Requests larger than
// `max_request_bytes` fail with "etcdserver: request is too large", as in etcd.
//
// Not served (clients get UNIMPLEMENTED): the Cluster mutations, enabling authentication, and
// user and role management.
//
// Thread safety: Start and Shutdown from one thread; the services run on gRPC's threads.
#pragma once

#include <grpcpp/grpcpp.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "impl/common/result.h"
#include "impl/store/store.h"

namespace kref::store {

struct GrpcServerOptions {
  // host:port pairs; port 0 picks a free port (see ports()).
  std::vector<std::string> listen_addresses;
  uint64_t max_request_bytes = 1572864;  // etcd's --max-request-bytes default (1.5 MiB)
};

class GrpcServer {
 public:
  // `store` must outlive the server.
  static Result<std::unique_ptr<GrpcServer>> Start(Store& store, GrpcServerOptions options);
  ~GrpcServer();

  // The bound port of each listen address, in order.
  const std::vector<int>& ports() const { return ports_; }
  void Shutdown();

 private:
  GrpcServer() = default;
  std::vector<std::unique_ptr<grpc::Service>> services_;
  std::unique_ptr<grpc::Server> server_;
  std::vector<int> ports_;
};

// "http://127.0.0.1:2379" -> "127.0.0.1:2379"; InvalidArgument for other schemes or no port.
Result<std::string> ListenAddressFromUrl(const std::string& url);

}  // namespace kref::store
