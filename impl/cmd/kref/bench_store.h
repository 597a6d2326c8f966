// `kref bench store`: a gRPC load driver for any etcd v3 endpoint (kref store or etcd), in the
// manner of etcd's tools/benchmark: N clients issue requests back to back and the run reports
// throughput and latency percentiles.
#pragma once

#include <cstdint>
#include <string>

namespace kref::cli {

struct BenchStoreOptions {
  std::string endpoint = "127.0.0.1:2379";  // host:port
  // put; range (one key); range-prefix (prefix_keys keys); load (`total` keys under
  // bench/load/, 100 puts per transaction); watch-latency (`watchers` watchers on `streams`
  // streams, `total` puts at `put_rate` per second: how long each event takes to reach each
  // watcher); wait-ready (how long until the endpoint accepts a connection and answers Status).
  std::string op = "put";
  int clients = 16;
  int connections = 0;  // 0: one per client, at most 16
  int64_t total = 10000;
  int value_size = 256;
  int prefix_keys = 1000;
  int watchers = 1000;
  int streams = 100;
  int put_rate = 200;
  int timeout_s = 60;  // wait-ready
};

// Runs the benchmark and prints one result line; returns the exit code (1 if any request
// failed, with the first error printed).
int RunBenchStore(const BenchStoreOptions& options);

}  // namespace kref::cli
