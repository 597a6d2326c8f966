// Crash test for `kref store`: 64 clients write while the store is killed with SIGKILL, then
// the store restarts on the same data dir. Every acknowledged write must be there with the
// revision it was acknowledged at, the revision never goes backwards, and no transaction is
// torn (its two keys are both present or both absent). Repeated for several rounds.
//
// usage: store_crash_test path/to/kref [rounds] [seed]
// Prints its seed and the command that reproduces a run; exits 1 on the first violation.
#include <grpcpp/grpcpp.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "etcd/etcdserverpb/rpc.grpc.pb.h"
#include "impl/testing/etcd_peer.h"

namespace {

namespace pb = ::etcdserverpb;

constexpr int kClients = 64;

pid_t StartStore(const std::string& kref, const std::string& dir, int port) {
  pid_t pid = fork();
  if (pid == 0) {
    std::string log = dir + ".log";
    std::freopen(log.c_str(), "a", stdout);
    std::freopen(log.c_str(), "a", stderr);
    std::string url = "http://127.0.0.1:" + std::to_string(port);
    execl(kref.c_str(), kref.c_str(), "store", "--data-dir", dir.c_str(), "--listen-client-urls",
          url.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

struct Acked {
  std::string value;
  int64_t revision;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: store_crash_test path/to/kref [rounds] [seed]\n";
    return 2;
  }
  std::string kref = argv[1];
  int rounds = argc > 2 ? std::atoi(argv[2]) : 20;
  uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : std::random_device()();
  std::cout << "store_crash_test: seed " << seed << "; reproduce with: store_crash_test " << kref
            << " " << rounds << " " << seed << std::endl;
  std::mt19937_64 rng(seed);

  std::string base = std::filesystem::temp_directory_path() / ("kref-crash-" + std::to_string(getpid()));
  std::filesystem::create_directories(base);
  std::string dir = base + "/data";
  int port = kref::testing::FreeLoopbackPort();
  auto channel = grpc::CreateChannel("127.0.0.1:" + std::to_string(port),
                                     grpc::InsecureChannelCredentials());
  auto kv = pb::KV::NewStub(channel);
  auto maintenance = pb::Maintenance::NewStub(channel);

  std::map<std::string, Acked> acked;  // every acknowledged single put
  std::vector<std::string> acked_txns;  // prefixes of acknowledged two-key transactions
  int64_t last_revision = 0;
  int failures = 0;
  auto fail = [&](const std::string& what) {
    std::cout << "FAIL: " << what << std::endl;
    ++failures;
  };

  // Round r writes and is killed; start r+1 checks it. The last start only checks.
  for (int round = 1; round <= rounds + 1 && failures == 0; ++round) {
    pid_t pid = StartStore(kref, dir, port);
    int64_t start_revision = kref::testing::WaitForEtcdStatus(*maintenance);
    if (start_revision < 0) {
      fail("round " + std::to_string(round) + ": store did not start (see " + dir + ".log)");
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
      break;
    }
    if (start_revision < last_revision) {
      fail("revision went back from " + std::to_string(last_revision) + " to " +
           std::to_string(start_revision));
    }
    // Verify what earlier rounds acknowledged.
    {
      grpc::ClientContext context;
      pb::RangeRequest all;
      all.set_key("k/");
      all.set_range_end("k0");
      pb::RangeResponse got;
      if (!kv->Range(&context, all, &got).ok()) fail("cannot list the written keys");
      std::map<std::string, const mvccpb::KeyValue*> present;
      for (const auto& item : got.kvs()) present[item.key()] = &item;
      for (const auto& [key, want] : acked) {
        auto it = present.find(key);
        if (it == present.end() || it->second->value() != want.value ||
            it->second->mod_revision() != want.revision) {
          fail("acknowledged write " + key + " at revision " + std::to_string(want.revision) +
               " is missing or changed after the crash");
          break;
        }
      }
    }
    {
      grpc::ClientContext context;
      pb::RangeRequest all;
      all.set_key("t/");
      all.set_range_end("t0");
      all.set_keys_only(true);
      pb::RangeResponse got;
      if (!kv->Range(&context, all, &got).ok()) fail("cannot list transaction keys");
      std::map<std::string, int> halves;
      for (const auto& item : got.kvs()) halves[item.key().substr(0, item.key().size() - 2)]++;
      for (const auto& [prefix, n] : halves) {
        if (n != 2) fail("torn transaction " + prefix + ": " + std::to_string(n) + " of 2 keys");
      }
      for (const std::string& prefix : acked_txns) {
        if (halves.count(prefix) == 0) fail("acknowledged transaction " + prefix + " is missing");
      }
    }

    if (round == rounds + 1) {
      kill(pid, SIGTERM);
      waitpid(pid, nullptr, 0);
      break;
    }
    // Write from 64 clients until the store is killed.
    std::mutex mu;
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&, c] {
        for (int seq = 0; !stop; ++seq) {
          std::string id = std::to_string(round) + "/" + std::to_string(c) + "/" + std::to_string(seq);
          grpc::ClientContext context;
          context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
          if (seq % 4 == 3) {
            pb::TxnRequest txn;
            for (const char* half : {"/a", "/b"}) {
              auto* put = txn.add_success()->mutable_request_put();
              put->set_key("t/" + id + half);
              put->set_value(id);
            }
            pb::TxnResponse resp;
            if (!kv->Txn(&context, txn, &resp).ok()) break;
            std::lock_guard lock(mu);
            acked_txns.push_back("t/" + id);
          } else {
            pb::PutRequest put;
            put.set_key("k/" + id);
            put.set_value(id);
            pb::PutResponse resp;
            if (!kv->Put(&context, put, &resp).ok()) break;
            std::lock_guard lock(mu);
            acked["k/" + id] = {id, resp.header().revision()};
            last_revision = std::max(last_revision, resp.header().revision());
          }
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50 + rng() % 400));  // the crash point
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
    stop = true;
    for (auto& t : clients) t.join();
    std::cout << "round " << round << ": " << acked.size() << " puts and " << acked_txns.size()
              << " transactions acknowledged so far, revision " << last_revision << std::endl;
  }
  std::filesystem::remove_all(base);
  if (failures > 0) {
    std::cout << "store_crash_test: FAILED (seed " << seed << ")" << std::endl;
    return 1;
  }
  std::cout << "store_crash_test: passed" << std::endl;
  return 0;
}
