#include "impl/cmd/kref/apiserver_command.h"

#include <csignal>
#include <iostream>

#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "impl/apiserver/apiserver.h"
#include "impl/apiserver/http_server.h"
#include "impl/common/rng.h"
#include "impl/store/etcd_client.h"
#include "impl/store/store.h"

namespace kref::cli {

int RunApiServer(const ApiServerCommandOptions& options) {
  // Block the stop signals before any thread starts, then wait for one below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto fail = [](const Status& status) {
    std::cerr << "kref apiserver: " << status.message() << "\n";
    return 1;
  };
  std::unique_ptr<store::Kv> kv;
  std::string storage;
  if (options.etcd_servers.empty()) {
    store::StoreOptions store_options;
    store_options.data_dir = options.data_dir;
    auto opened = store::Store::Open(store_options);
    if (!opened.has_value()) return fail(opened.error());
    kv = std::move(*opened);
    storage = "embedded store in " + options.data_dir;
  } else {
    auto connected = store::EtcdClient::Connect({.endpoints = options.etcd_servers});
    if (!connected.has_value()) return fail(connected.error());
    kv = std::move(*connected);
    storage = fmt::format("etcd at {}", fmt::join(options.etcd_servers, ","));
  }

  apiserver::ApiServerOptions api_options;
  api_options.server_address = options.bind_address + ":" + std::to_string(options.port);
  api_options.seed = SeedFromEnv();
  apiserver::ApiServer api(*kv, api::Registry::Default(), api_options);
  if (Status s = api.Bootstrap(); !s.ok()) return fail(s.Annotate("bootstrapping"));
  auto http = apiserver::HttpServer::Start(
      {.address = options.bind_address, .port = options.port, .threads = 4},
      [&api](const apiserver::HttpRequest& request) { return api.Handle(request); });
  if (!http.has_value()) return fail(http.error());
  spdlog::info("kref apiserver: serving http://{}:{} on {}", options.bind_address,
               (*http)->port(), storage);
  int signal = 0;
  sigwait(&stop_signals, &signal);
  spdlog::info("kref apiserver: stopping on signal {}", signal);
  http->reset();
  return 0;
}

}  // namespace kref::cli
