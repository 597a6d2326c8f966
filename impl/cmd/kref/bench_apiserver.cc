#include "impl/cmd/kref/bench_apiserver.h"

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include "impl/client/kubeconfig.h"
#include "impl/client/rest_client.h"
#include "impl/cmd/kref/bench_stats.h"

namespace kref::cli {
namespace {

namespace json = boost::json;
using Clock = std::chrono::steady_clock;

json::value PodJson(const std::string& name, const std::string& ns) {
  return json::parse(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":")" + name +
                     R"(","namespace":")" + ns + R"(","labels":{"app":"bench"}},)"
                     R"("spec":{"containers":[{"name":"c","image":"registry.k8s.io/pause:3.10",)"
                     R"("resources":{"requests":{"cpu":"10m","memory":"16Mi"}}}]}})");
}

int64_t WallMicros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int RunBenchApiServer(const BenchApiServerOptions& options) {
  std::string server = options.server;
  if (server.empty()) {
    auto config = client::LoadKubeconfig(options.kubeconfig);
    if (!config.has_value()) {
      std::cerr << "kref bench apiserver: " << config.error().message() << "\n";
      return 1;
    }
    server = config->server;
  }
  auto created = client::RestClient::Create({.server = server});
  if (!created.has_value()) {
    std::cerr << "kref bench apiserver: " << created.error().message() << "\n";
    return 1;
  }
  client::RestClient& rest = **created;
  const std::string ns = options.namespace_;
  const std::string pods = "/api/v1/namespaces/" + ns + "/pods";
  auto ensured = rest.Post("/api/v1/namespaces",
                           json::parse(R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":")" + ns + "\"}}"));
  if (!ensured.has_value() && !ensured.error().IsAlreadyExists()) {
    std::cerr << "kref bench apiserver: creating namespace " << ns << ": " << ensured.error().message() << "\n";
    return 1;
  }

  std::mutex mu;
  std::string first_error;
  auto fail = [&](const Status& status) {
    std::lock_guard lock(mu);
    if (first_error.empty()) first_error = status.message();
  };

  if (options.op == "watch") {
    // Watchers first, each counting `total` MODIFIED events; then `total` updates of one pod,
    // stamped with their send time.
    json::value pod = PodJson("bench-watched", ns);
    (void)rest.Delete(pods + "/bench-watched");  // from an earlier run, if any
    auto made = rest.Post(pods, pod);
    if (!made.has_value()) {
      std::cerr << "kref bench apiserver: " << made.error().message() << "\n";
      return 1;
    }
    std::string rv(made->at("metadata").at("resourceVersion").as_string());
    std::vector<double> latencies_us;
    std::vector<std::thread> watchers;
    for (int w = 0; w < options.watchers; ++w) {
      watchers.emplace_back([&] {
        int64_t seen = 0;
        std::vector<double> mine;
        Status s = rest.Watch(pods + "?watch=true&resourceVersion=" + rv +
                                  "&fieldSelector=metadata.name%3Dbench-watched&timeoutSeconds=600",
                              [&](json::value event) {
                                if (event.at("type") != "MODIFIED") return true;
                                const json::value* sent = event.at("object").at("metadata").as_object()
                                                              .at("annotations").as_object().if_contains("sent");
                                if (sent != nullptr) {
                                  mine.push_back(static_cast<double>(WallMicros() - std::stoll(std::string(sent->as_string()))));
                                }
                                return ++seen < options.total;
                              });
        if (!s.ok()) fail(s);
        std::lock_guard lock(mu);
        latencies_us.insert(latencies_us.end(), mine.begin(), mine.end());
      });
    }
    // No need to wait for the watchers to be registered: each starts from `rv` and so misses
    // nothing (a late one's first deliveries include its catch-up).
    for (int64_t i = 0; i < options.total; ++i) {
      auto patched = rest.Patch(pods + "/bench-watched",
                                json::parse(R"({"metadata":{"annotations":{"sent":")" + std::to_string(WallMicros()) + "\"}}}"));
      if (!patched.has_value()) fail(patched.error());
    }
    for (std::thread& t : watchers) t.join();
    if (!first_error.empty()) {
      std::cerr << "kref bench apiserver: " << first_error << "\n";
      return 1;
    }
    std::printf("watch watchers=%d updates=%ld: %zu deliveries, %s\n", options.watchers,
                static_cast<long>(options.total), latencies_us.size(), Percentiles(latencies_us).c_str());
    return 0;
  }

  if (options.op != "create" && options.op != "get" && options.op != "update" && options.op != "list") {
    std::cerr << "kref bench apiserver: --op must be create, get, update, list or watch\n";
    return 1;
  }
  std::atomic<int64_t> next{0};
  std::vector<std::vector<double>> per_client(static_cast<size_t>(options.clients));
  std::atomic<int64_t> list_bytes{0};
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < options.clients; ++c) {
    threads.emplace_back([&, c] {
      for (int64_t i; (i = next++) < options.total;) {
        std::string name = "bench-" + std::to_string(options.op == "create" ? i : i % options.pods);
        auto begin = Clock::now();
        Status status;
        if (options.op == "create") {
          status = rest.Post(pods, PodJson(name, ns)).status();
        } else if (options.op == "get") {
          status = rest.Get(pods + "/" + name).status();
        } else if (options.op == "update") {
          json::value pod = PodJson(name, ns);
          pod.as_object()["metadata"].as_object()["labels"].as_object()["round"] = std::to_string(i);
          status = rest.Put(pods + "/" + name, pod).status();
        } else {
          auto listed = rest.Do("GET", pods);
          status = !listed.has_value() ? listed.error()
                   : listed->status != 200 ? client::StatusFromResponse(*listed)
                                           : Status();
          if (listed.has_value()) list_bytes += static_cast<int64_t>(listed->body.size());
        }
        if (!status.ok()) {
          fail(status);
          return;
        }
        per_client[static_cast<size_t>(c)].push_back(
            std::chrono::duration<double, std::micro>(Clock::now() - begin).count());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!first_error.empty()) {
    std::cerr << "kref bench apiserver: request failed: " << first_error << "\n";
    return 1;
  }
  std::vector<double> latencies_us;
  for (auto& v : per_client) latencies_us.insert(latencies_us.end(), v.begin(), v.end());
  std::printf("%s clients=%d total=%zu: %.0f requests/s, latency %s", options.op.c_str(),
              options.clients, latencies_us.size(), latencies_us.size() / seconds,
              Percentiles(latencies_us).c_str());
  if (options.op == "list" && !latencies_us.empty()) {
    std::printf(", %.1f MB per list", static_cast<double>(list_bytes) / latencies_us.size() / 1e6);
  }
  std::printf("\n");
  return 0;
}

}  // namespace kref::cli
