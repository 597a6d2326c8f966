#include "impl/cmd/kref/bench_store.h"

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include "etcd/etcdserverpb/rpc.grpc.pb.h"

namespace kref::cli {
namespace {

namespace pb = ::etcdserverpb;
using Clock = std::chrono::steady_clock;

std::string PrefixKey(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "bench/prefix/%06d", i);
  return buf;
}

}  // namespace

int RunBenchStore(const BenchStoreOptions& options) {
  if (options.op != "put" && options.op != "range" && options.op != "range-prefix") {
    std::cerr << "kref bench store: --op must be put, range or range-prefix\n";
    return 1;
  }
  int connections = options.connections > 0 ? options.connections : std::min(options.clients, 16);
  std::vector<std::unique_ptr<pb::KV::Stub>> stubs;
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  for (int i = 0; i < connections; ++i) {
    args.SetInt("kref.bench.connection", i);  // distinct arguments: distinct connections
    stubs.push_back(pb::KV::NewStub(
        grpc::CreateCustomChannel(options.endpoint, grpc::InsecureChannelCredentials(), args)));
  }
  std::string value(static_cast<size_t>(options.value_size), 'v');

  if (options.op != "put") {  // the data the reads read
    pb::TxnRequest load;
    auto add = [&](const std::string& key) {
      auto* put = load.add_success()->mutable_request_put();
      put->set_key(key);
      put->set_value(value);
    };
    std::vector<std::string> keys = {"bench/single"};
    if (options.op == "range-prefix") {
      for (int i = 0; i < options.prefix_keys; ++i) keys.push_back(PrefixKey(i));
    }
    for (size_t i = 0; i < keys.size(); ++i) {
      add(keys[i]);
      if (load.success_size() == 100 || i + 1 == keys.size()) {
        grpc::ClientContext context;
        pb::TxnResponse resp;
        grpc::Status s = stubs[0]->Txn(&context, load, &resp);
        if (!s.ok()) {
          std::cerr << "kref bench store: loading data: " << s.error_message() << "\n";
          return 1;
        }
        load.clear_success();
      }
    }
  }

  std::atomic<int64_t> next{0};
  std::mutex mu;
  std::vector<double> latencies_us;
  latencies_us.reserve(static_cast<size_t>(options.total));
  std::string first_error;
  auto start = Clock::now();
  std::vector<std::thread> clients;
  for (int c = 0; c < options.clients; ++c) {
    clients.emplace_back([&, c] {
      pb::KV::Stub& kv = *stubs[static_cast<size_t>(c % connections)];
      std::vector<double> mine;
      for (int64_t i = next++; i < options.total; i = next++) {
        grpc::ClientContext context;
        grpc::Status status;
        auto t0 = Clock::now();
        if (options.op == "put") {
          pb::PutRequest put;
          put.set_key("bench/put/" + std::to_string(i % 100000));
          put.set_value(value);
          pb::PutResponse resp;
          status = kv.Put(&context, put, &resp);
        } else {
          pb::RangeRequest range;
          if (options.op == "range") {
            range.set_key("bench/single");
          } else {
            range.set_key("bench/prefix/");
            range.set_range_end("bench/prefix0");
          }
          pb::RangeResponse resp;
          status = kv.Range(&context, range, &resp);
        }
        mine.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
        if (!status.ok()) {
          std::lock_guard lock(mu);
          if (first_error.empty()) first_error = status.error_message();
          break;
        }
      }
      std::lock_guard lock(mu);
      latencies_us.insert(latencies_us.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : clients) t.join();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!first_error.empty()) {
    std::cerr << "kref bench store: request failed: " << first_error << "\n";
    return 1;
  }
  std::sort(latencies_us.begin(), latencies_us.end());
  auto pct = [&](double p) {
    return latencies_us.empty() ? 0.0
                                : latencies_us[static_cast<size_t>(p * (latencies_us.size() - 1))];
  };
  double mean = 0;
  for (double l : latencies_us) mean += l;
  mean /= std::max<size_t>(1, latencies_us.size());
  std::printf("%s clients=%d total=%ld: %.0f requests/s, latency mean %.2f ms, p50 %.2f ms, "
              "p99 %.2f ms\n",
              options.op.c_str(), options.clients, static_cast<long>(latencies_us.size()),
              latencies_us.size() / seconds, mean / 1000, pct(0.5) / 1000, pct(0.99) / 1000);
  return 0;
}

}  // namespace kref::cli
