#include "impl/cmd/kref/apiserver_command.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include "impl/apiserver/apiserver.h"
#include "impl/apiserver/errors.h"
#include "impl/apiserver/http_server.h"
#include "impl/common/rng.h"
#include "impl/store/etcd_client.h"
#include "impl/store/store.h"

namespace kref::cli {
namespace {

// A kubeconfig with one cluster at `server`, one context and an empty user (the API has no
// authentication yet), written atomically.
Status WriteKubeconfig(const std::string& path, const std::string& server) {
  std::string text =
      "apiVersion: v1\n"
      "kind: Config\n"
      "clusters:\n"
      "- name: kref\n"
      "  cluster:\n"
      "    server: " + server + "\n"
      "contexts:\n"
      "- name: kref\n"
      "  context:\n"
      "    cluster: kref\n"
      "    user: kref\n"
      "current-context: kref\n"
      "users:\n"
      "- name: kref\n"
      "  user: {}\n";
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << text;
    if (!out.flush()) return InternalError("cannot write " + temporary);
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) return InternalError("cannot write " + path + ": " + ec.message());
  return Status();
}

}  // namespace

int RunApiServer(const ApiServerCommandOptions& options) {
  // Block the stop signals before any thread starts, then wait for one below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::string who = "kref " + options.role;
  auto fail = [&who](const Status& status) {
    std::cerr << who << ": " << status.message() << "\n";
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
  auto ranges = apiserver::ServiceRanges::Parse(options.service_cluster_ip_range);
  if (!ranges.has_value()) return fail(ranges.error());
  api_options.service_ranges = *ranges;
  apiserver::ApiServer api(*kv, api::Registry::Default(), api_options);
  auto http = apiserver::HttpServer::Start(
      {.address = options.bind_address,
       .port = options.port,
       .threads = 2,
       .handler_threads = options.request_threads,
       .max_in_flight = options.max_requests_inflight,
       .overloaded = apiserver::ErrorResponse(apiserver::TooManyRequests())},
      [&api](const apiserver::HttpRequest& request) { return api.Handle(request); });
  if (!http.has_value()) return fail(http.error());
  // Bootstrapped once the port is known (the `kubernetes` Endpoints name it); /readyz says
  // when.
  if (Status s = api.Bootstrap(options.bind_address, (*http)->port()); !s.ok()) {
    return fail(s.Annotate("bootstrapping"));
  }
  std::string url = "http://" + options.bind_address + ":" + std::to_string((*http)->port());
  spdlog::info("{}: serving {} on {}", who, url, storage);
  if (!options.kubeconfig.empty()) {
    if (Status s = WriteKubeconfig(options.kubeconfig, url); !s.ok()) return fail(s);
    std::cout << "kref is up: the Kubernetes API is at " << url << "\n"
              << "  export KUBECONFIG=" << options.kubeconfig << "\n"
              << "  kubectl get namespaces\n"
              << "Stop it with Ctrl-C (SIGINT) or SIGTERM." << std::endl;
  }
  int signal = 0;
  sigwait(&stop_signals, &signal);
  spdlog::info("{}: stopping on signal {}", who, signal);
  http->reset();
  return 0;
}

int RunUp(const UpCommandOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  if (ec) {
    std::cerr << "kref up: cannot create " << options.data_dir << ": " << ec.message() << "\n";
    return 1;
  }
  std::string dir = std::filesystem::absolute(options.data_dir).string();
  ApiServerCommandOptions serve;
  serve.data_dir = dir + "/store";
  serve.port = options.port;
  serve.kubeconfig = dir + "/kubeconfig";
  serve.role = "up";
  return RunApiServer(serve);
}

}  // namespace kref::cli
