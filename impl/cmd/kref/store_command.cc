#include "impl/cmd/kref/store_command.h"

#include <chrono>
#include <csignal>
#include <iostream>

#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "impl/store/grpc_server.h"
#include "impl/store/store.h"

namespace kref::cli {

int RunStore(const StoreCommandOptions& options) {
  // Block the stop signals before any thread starts, then wait for one below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  store::GrpcServerOptions server_options;
  server_options.max_request_bytes = options.max_request_bytes;
  for (const std::string& url : options.listen_client_urls) {
    auto address = store::ListenAddressFromUrl(url);
    if (!address.has_value()) {
      std::cerr << "kref store: " << address.error().message() << "\n";
      return 1;
    }
    server_options.listen_addresses.push_back(*address);
  }
  store::StoreOptions store_options;
  store_options.data_dir = options.data_dir.empty() ? options.name + ".kref" : options.data_dir;
  store_options.name = options.name;
  store_options.client_urls = options.advertise_client_urls.empty() ? options.listen_client_urls
                                                                    : options.advertise_client_urls;
  if (options.quota_backend_bytes > 0) store_options.quota_backend_bytes = options.quota_backend_bytes;
  store_options.max_txn_ops = options.max_txn_ops;
  store_options.max_request_bytes = options.max_request_bytes;
  store_options.watch_progress_notify_interval =
      std::chrono::milliseconds(options.watch_progress_notify_interval_ms);
  auto auto_compaction = store::AutoCompactionPolicy::Parse(options.auto_compaction_mode,
                                                           options.auto_compaction_retention);
  if (!auto_compaction.has_value()) {
    std::cerr << "kref store: " << auto_compaction.error().message() << "\n";
    return 1;
  }
  store_options.auto_compaction = *auto_compaction;
  auto store = store::Store::Open(store_options);
  if (!store.has_value()) {
    std::cerr << "kref store: " << store.error().message() << "\n";
    return 1;
  }
  auto server = store::GrpcServer::Start(**store, server_options);
  if (!server.has_value()) {
    std::cerr << "kref store: " << server.error().message() << "\n";
    return 1;
  }
  spdlog::info("kref store: member {:x} serving {} at revision {} from {}", (*store)->member_id(),
               fmt::join(options.listen_client_urls, ","), (*store)->CurrentRevision(),
               store_options.data_dir);
  int signal = 0;
  sigwait(&stop_signals, &signal);
  spdlog::info("kref store: stopping on signal {}", signal);
  (*server)->Shutdown();
  return 0;
}

}  // namespace kref::cli
