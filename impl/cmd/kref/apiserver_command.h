// `kref apiserver`: the Kubernetes REST API over plain HTTP on loopback, on the embedded store
// (--data-dir) or on etcd v3 endpoints (--etcd-servers: kref store or a real etcd cluster).
// `kref up`: the whole control plane that exists so far on one machine, on the embedded store
// in <data-dir>/store, with <data-dir>/kubeconfig for kubectl and client libraries.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kref::cli {

struct ApiServerCommandOptions {
  std::string data_dir = "kref-apiserver.data";  // the embedded store's, unless --etcd-servers
  std::vector<std::string> etcd_servers;          // http://host:port URLs
  std::string bind_address = "127.0.0.1";
  uint16_t port = 6443;
  std::string service_cluster_ip_range = "10.96.0.0/12";
  // Requests handled at once. A handler waits for the store on its thread, so this bounds how
  // many writes share a commit: 64 lets 64 clients' writes go to disk together.
  int request_threads = 64;
  // Requests waiting for or on those threads at once (watches count until they start
  // streaming); more are answered 429 TooManyRequests with Retry-After: 1.
  int max_requests_inflight = 600;
  std::string kubeconfig;  // when set, a kubeconfig for the served address is written here
  std::string role = "apiserver";  // names the process in messages ("up" for kref up)
};

struct UpCommandOptions {
  std::string data_dir;  // required
  uint16_t port = 6443;
};

// Serves until SIGINT or SIGTERM. Returns the process exit code; prints a one-line error on
// failure to start.
int RunApiServer(const ApiServerCommandOptions& options);
int RunUp(const UpCommandOptions& options);

}  // namespace kref::cli
