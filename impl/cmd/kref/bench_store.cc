#include "impl/cmd/kref/bench_store.h"

#include <arpa/inet.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>
#include <vector>

#include "etcd/etcdserverpb/rpc.grpc.pb.h"
#include "impl/cmd/kref/bench_stats.h"

namespace kref::cli {
namespace {

namespace pb = ::etcdserverpb;
using Clock = std::chrono::steady_clock;

std::string PrefixKey(int i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "bench/prefix/%06d", i);
  return buf;
}

std::shared_ptr<grpc::Channel> Channel(const std::string& endpoint, int connection) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(-1);
  args.SetInt("kref.bench.connection", connection);  // distinct arguments: distinct connections
  return grpc::CreateCustomChannel(endpoint, grpc::InsecureChannelCredentials(), args);
}

int64_t NowNs() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

// Puts `total` keys bench/load/<n> in transactions of 100, from `clients` threads.
int RunLoad(const BenchStoreOptions& options) {
  int connections = options.connections > 0 ? options.connections : std::min(options.clients, 16);
  std::vector<std::unique_ptr<pb::KV::Stub>> stubs;
  for (int i = 0; i < connections; ++i) stubs.push_back(pb::KV::NewStub(Channel(options.endpoint, i)));
  std::string value(static_cast<size_t>(options.value_size), 'v');
  constexpr int64_t kBatch = 100;
  std::atomic<int64_t> next{0};
  std::atomic<bool> failed{false};
  auto start = Clock::now();
  std::vector<std::thread> clients;
  for (int c = 0; c < options.clients; ++c) {
    clients.emplace_back([&, c] {
      pb::KV::Stub& kv = *stubs[static_cast<size_t>(c % connections)];
      for (int64_t first = next.fetch_add(kBatch); first < options.total && !failed;
           first = next.fetch_add(kBatch)) {
        pb::TxnRequest txn;
        for (int64_t k = first; k < std::min(first + kBatch, options.total); ++k) {
          char key[32];
          std::snprintf(key, sizeof key, "bench/load/%010ld", static_cast<long>(k));
          auto* put = txn.add_success()->mutable_request_put();
          put->set_key(key);
          put->set_value(value);
        }
        grpc::ClientContext context;
        context.set_wait_for_ready(true);
        pb::TxnResponse resp;
        grpc::Status s = kv.Txn(&context, txn, &resp);
        if (!s.ok()) {
          if (!failed.exchange(true)) std::cerr << "kref bench store: load: " << s.error_message() << "\n";
          return;
        }
      }
    });
  }
  for (auto& t : clients) t.join();
  if (failed) return 1;
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  std::printf("load total=%ld: %.1f s, %.0f keys/s\n", static_cast<long>(options.total), seconds,
              options.total / seconds);
  return 0;
}

// `watchers` watchers on bench/watch/ spread over `streams` streams; `total` puts under it at
// `put_rate` per second, each carrying its send time. Reports how long each event took to reach
// each watcher.
int RunWatchLatency(const BenchStoreOptions& options) {
  int streams = std::max(1, std::min(options.streams, options.watchers));
  std::atomic<int> ready{0};
  std::mutex mu;
  std::condition_variable ready_cv;
  std::vector<double> latencies_us;
  latencies_us.reserve(static_cast<size_t>(options.total) * options.watchers);
  std::atomic<bool> failed{false};
  auto deadline = std::chrono::system_clock::now() + std::chrono::seconds(60) +
                  std::chrono::milliseconds(1000 * options.total / std::max(1, options.put_rate));
  std::vector<std::thread> readers;
  for (int s = 0; s < streams; ++s) {
    int mine = options.watchers / streams + (s < options.watchers % streams ? 1 : 0);
    readers.emplace_back([&, s, mine] {
      auto stub = pb::Watch::NewStub(Channel(options.endpoint, s % 16));
      grpc::ClientContext context;
      context.set_deadline(deadline);
      auto stream = stub->Watch(&context);
      for (int w = 0; w < mine; ++w) {
        pb::WatchRequest create;
        create.mutable_create_request()->set_key("bench/watch/");
        create.mutable_create_request()->set_range_end("bench/watch0");
        stream->Write(create);
      }
      pb::WatchResponse resp;
      int created = 0;
      while (created < mine && stream->Read(&resp)) created += resp.created() ? 1 : 0;
      {
        std::lock_guard lock(mu);
        ++ready;
      }
      ready_cv.notify_all();
      std::vector<double> got;
      int64_t want = options.total * mine;
      while (static_cast<int64_t>(got.size()) < want && stream->Read(&resp)) {
        int64_t now = NowNs();
        for (const auto& e : resp.events()) got.push_back((now - std::stoll(e.kv().value())) / 1000.0);
      }
      if (static_cast<int64_t>(got.size()) < want) failed = true;
      context.TryCancel();
      stream->Finish().ok();
      std::lock_guard lock(mu);
      latencies_us.insert(latencies_us.end(), got.begin(), got.end());
    });
  }
  {
    std::unique_lock lock(mu);
    ready_cv.wait(lock, [&] { return ready == streams; });
  }
  auto kv = pb::KV::NewStub(Channel(options.endpoint, 100));
  auto start = Clock::now();
  for (int64_t i = 0; i < options.total; ++i) {
    std::this_thread::sleep_until(start + std::chrono::microseconds(i * 1000000 / std::max(1, options.put_rate)));
    pb::PutRequest put;
    put.set_key("bench/watch/key");
    std::string value = std::to_string(NowNs());
    value.resize(std::max<size_t>(value.size(), static_cast<size_t>(options.value_size)), ' ');
    put.set_value(value);
    grpc::ClientContext context;
    pb::PutResponse resp;
    if (!kv->Put(&context, put, &resp).ok()) {
      std::cerr << "kref bench store: watch-latency: put failed\n";
      failed = true;
      break;
    }
  }
  for (auto& t : readers) t.join();
  if (failed) {
    std::cerr << "kref bench store: watch-latency: not every watcher got every event\n";
    return 1;
  }
  std::printf("watch-latency watchers=%d streams=%d puts=%ld at %d/s: %zu deliveries, %s\n",
              options.watchers, streams, static_cast<long>(options.total), options.put_rate,
              latencies_us.size(), Percentiles(latencies_us).c_str());
  return 0;
}

// Polls until the endpoint accepts TCP connections, then until Status answers.
int RunWaitReady(const BenchStoreOptions& options) {
  auto start = Clock::now();
  auto deadline = start + std::chrono::seconds(options.timeout_s);
  size_t colon = options.endpoint.rfind(':');
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(std::stoi(options.endpoint.substr(colon + 1))));
  if (colon == std::string::npos ||
      inet_pton(AF_INET, options.endpoint.substr(0, colon).c_str(), &addr.sin_addr) != 1) {
    std::cerr << "kref bench store: wait-ready needs an IPv4 host:port endpoint\n";
    return 1;
  }
  // A refused first gRPC connection would back off for seconds: connect only once it listens.
  while (true) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    bool up = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    if (up) break;
    if (Clock::now() > deadline) {
      std::cerr << "kref bench store: wait-ready: nothing listens on " << options.endpoint << "\n";
      return 1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  auto maintenance = pb::Maintenance::NewStub(Channel(options.endpoint, 0));
  while (true) {
    grpc::ClientContext context;
    context.set_wait_for_ready(true);
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(1));
    pb::StatusResponse status;
    if (maintenance->Status(&context, pb::StatusRequest(), &status).ok()) {
      std::printf("ready after %.0f ms at revision %ld\n",
                  std::chrono::duration<double, std::milli>(Clock::now() - start).count(),
                  static_cast<long>(status.header().revision()));
      return 0;
    }
    if (Clock::now() > deadline) {
      std::cerr << "kref bench store: wait-ready: no Status answer from " << options.endpoint << "\n";
      return 1;
    }
  }
}

}  // namespace

int RunBenchStore(const BenchStoreOptions& options) {
  if (options.op == "load") return RunLoad(options);
  if (options.op == "watch-latency") return RunWatchLatency(options);
  if (options.op == "wait-ready") return RunWaitReady(options);
  if (options.op != "put" && options.op != "range" && options.op != "range-prefix") {
    std::cerr << "kref bench store: --op must be put, range, range-prefix, load, watch-latency "
                 "or wait-ready\n";
    return 1;
  }
  int connections = options.connections > 0 ? options.connections : std::min(options.clients, 16);
  std::vector<std::unique_ptr<pb::KV::Stub>> stubs;
  for (int i = 0; i < connections; ++i) stubs.push_back(pb::KV::NewStub(Channel(options.endpoint, i)));
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

  // Each client keeps one request in flight and issues its next one from the completion of
  // the last (gRPC's callback API): no thread per client, so the driver's own CPU cost, which
  // shares the machine with the server, stays small. For the same reason ranges go out as
  // bytes encoded once and their answers are not decoded (a 1,000-key answer costs the
  // driver more to decode than a lean server spends producing it).
  std::vector<std::unique_ptr<grpc::GenericStub>> generic_stubs;
  for (int i = 0; i < connections; ++i) {
    generic_stubs.push_back(std::make_unique<grpc::GenericStub>(Channel(options.endpoint, i)));
  }
  pb::RangeRequest range;
  if (options.op == "range") {
    range.set_key("bench/single");
  } else {
    range.set_key("bench/prefix/");
    range.set_range_end("bench/prefix0");
  }
  grpc::Slice range_bytes(range.SerializeAsString());
  struct Call {
    grpc::ClientContext context;
    Clock::time_point start;
    pb::PutRequest put;
    pb::PutResponse put_response;
    grpc::ByteBuffer range;
    grpc::ByteBuffer range_response;
  };
  std::atomic<int64_t> next{0};
  std::atomic<int64_t> recorded{0};
  std::vector<double> latencies_us(static_cast<size_t>(options.total));
  std::mutex mu;
  std::condition_variable all_done;
  int active = options.clients;
  std::string first_error;
  std::atomic<bool> failed{false};
  std::function<void(int)> issue = [&](int client) {
    int64_t i = next++;
    if (i >= options.total || failed) {
      std::lock_guard lock(mu);
      if (--active == 0) all_done.notify_all();
      return;
    }
    auto* call = new Call();
    call->context.set_wait_for_ready(true);  // ride out a failed connection attempt
    call->start = Clock::now();
    auto on_done = [&, call, client](grpc::Status status) {
      latencies_us[static_cast<size_t>(recorded++)] =
          std::chrono::duration<double, std::micro>(Clock::now() - call->start).count();
      if (!status.ok() && !failed.exchange(true)) {
        std::lock_guard lock(mu);
        first_error = status.error_message();
      }
      delete call;
      issue(client);
    };
    pb::KV::Stub& kv = *stubs[static_cast<size_t>(client % connections)];
    if (options.op == "put") {
      call->put.set_key("bench/put/" + std::to_string(i % 100000));
      call->put.set_value(value);
      kv.async()->Put(&call->context, &call->put, &call->put_response, on_done);
    } else {
      call->range = grpc::ByteBuffer(&range_bytes, 1);
      generic_stubs[static_cast<size_t>(client % connections)]->UnaryCall(
          &call->context, "/etcdserverpb.KV/Range", grpc::StubOptions(), &call->range,
          &call->range_response, on_done);
    }
  };
  auto start = Clock::now();
  for (int c = 0; c < options.clients; ++c) issue(c);
  {
    std::unique_lock lock(mu);
    all_done.wait(lock, [&] { return active == 0; });
  }
  latencies_us.resize(static_cast<size_t>(recorded.load()));
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!first_error.empty()) {
    std::cerr << "kref bench store: request failed: " << first_error << "\n";
    return 1;
  }
  size_t done = latencies_us.size();
  std::printf("%s clients=%d total=%ld: %.0f requests/s, latency %s\n", options.op.c_str(),
              options.clients, static_cast<long>(done), done / seconds,
              Percentiles(latencies_us).c_str());
  return 0;
}

}  // namespace kref::cli
