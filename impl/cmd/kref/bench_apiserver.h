// `kref bench apiserver`: a load driver for any Kubernetes API server (kref's or another), in
// the manner of `kref bench store`: N clients issue requests back to back and the run reports
// throughput and latency percentiles.
#pragma once

#include <cstdint>
#include <string>

namespace kref::cli {

struct BenchApiServerOptions {
  std::string kubeconfig;  // the server is its current context's
  std::string server;      // or this (http://host:port)
  // create (pods bench-<n> in the namespace); get, update (PUT of each pod, a label changed);
  // list (`total` lists of every pod in the namespace); watch (`watchers` watches, then `total`
  // updates: how long each event takes to reach each watcher).
  std::string op = "create";
  std::string namespace_ = "bench";
  int clients = 16;
  int64_t total = 10000;
  int pods = 1000;  // get and update cycle over bench-0 .. bench-<pods-1>
  int watchers = 100;
};

// Runs the benchmark and prints one result line; returns the exit code (1 if any request
// failed, with the first error printed).
int RunBenchApiServer(const BenchApiServerOptions& options);

}  // namespace kref::cli
