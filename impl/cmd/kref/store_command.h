// `kref store`: one etcd-compatible member serving the etcd v3 gRPC API from a data dir.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kref::cli {

struct StoreCommandOptions {
  std::string name = "default";
  std::string data_dir;
  std::vector<std::string> listen_client_urls = {"http://127.0.0.1:2379"};
  std::vector<std::string> advertise_client_urls;  // default: the listen URLs
  uint64_t max_request_bytes = 1572864;
  uint64_t quota_backend_bytes = 0;  // 0: etcd's default of 2 GiB
  int max_txn_ops = 128;
  int64_t watch_progress_notify_interval_ms = 10 * 60 * 1000;
  std::string auto_compaction_mode = "periodic";
  std::string auto_compaction_retention = "0";  // off
};

// Serves until SIGINT or SIGTERM. Returns the process exit code; prints a one-line error on
// failure to start.
int RunStore(const StoreCommandOptions& options);

}  // namespace kref::cli
