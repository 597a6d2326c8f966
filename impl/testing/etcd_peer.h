// Helpers for tests that talk to an etcd v3 endpoint (real etcd or kref store) over loopback,
// and real etcd 3.4 clusters (Debian's /usr/bin/etcd) started and stopped by PID.
#pragma once

#include <grpcpp/grpcpp.h>
#include <netinet/in.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "etcd/etcdserverpb/rpc.grpc.pb.h"
#include "impl/testing/temp_dir.h"

namespace kref::testing {

// A loopback TCP port that was free a moment ago (the kernel's pick for port 0).
inline int FreeLoopbackPort() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

// Polls Status until the endpoint answers or `timeout` passes. Returns the store revision it
// reported, or -1.
inline int64_t WaitForEtcdStatus(etcdserverpb::Maintenance::Stub& maintenance,
                                 std::chrono::seconds timeout = std::chrono::seconds(20)) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(500));
    etcdserverpb::StatusResponse status;
    if (maintenance.Status(&context, etcdserverpb::StatusRequest(), &status).ok()) {
      return status.header().revision();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // polling with a deadline
  }
  return -1;
}

// Whether something accepts TCP connections on loopback `port` now.
inline bool Listening(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  bool up = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return up;
}

// A real etcd 3.4 cluster of `size` members on loopback, each with its own data dir under one
// temporary directory and its log in <dir>/<name>.log. Members are killed (SIGKILL) by PID on
// destruction. Ready() waits until every member answers Status; a member that exits first
// (say, because another process took its port between FreeLoopbackPort and etcd's bind) has
// the whole cluster started again on fresh ports, up to 3 times. Use client_urls() and
// channel() after Ready().
class EtcdCluster {
 public:
  explicit EtcdCluster(int size = 1) : size_(size) { Spawn(); }
  ~EtcdCluster() {
    for (size_t i = 0; i < members_.size(); ++i) Kill(i);
  }
  EtcdCluster(const EtcdCluster&) = delete;
  EtcdCluster& operator=(const EtcdCluster&) = delete;

  bool Ready(std::chrono::seconds timeout = std::chrono::seconds(30)) {
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (attempt > 0) {
        for (size_t i = 0; i < members_.size(); ++i) Kill(i);
        Spawn();
      }
      switch (WaitUntilListening(timeout)) {
        case Start::kListening: break;
        case Start::kExited: continue;
        case Start::kTimedOut: return false;
      }
      bool answered = true;
      for (const Member& m : members_) {
        auto maintenance = etcdserverpb::Maintenance::NewStub(Channel(m.client_url));
        answered = answered && WaitForEtcdStatus(*maintenance, timeout) >= 0;
      }
      return answered;
    }
    return false;
  }
  void Kill(size_t i) {
    if (members_[i].pid <= 0) return;
    kill(members_[i].pid, SIGKILL);
    waitpid(members_[i].pid, nullptr, 0);
    members_[i].pid = 0;
  }
  std::vector<std::string> client_urls() const {
    std::vector<std::string> urls;
    for (const Member& m : members_) urls.push_back(m.client_url);
    return urls;
  }
  // A channel to member `i`.
  std::shared_ptr<grpc::Channel> channel(size_t i = 0) const {
    return Channel(members_[i].client_url);
  }

 private:
  struct Member {
    std::string name, client_url, peer_url;
    pid_t pid = 0;
  };
  // Retries connecting every 50-500 ms: gRPC's default backoff (1 s growing to 120 s) would
  // leave a member that is just starting up unasked for seconds.
  static std::shared_ptr<grpc::Channel> Channel(const std::string& url) {
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 50);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 500);
    return grpc::CreateCustomChannel(url.substr(std::string("http://").size()),
                                     grpc::InsecureChannelCredentials(), args);
  }

  enum class Start { kListening, kExited, kTimedOut };

  // Starts every member on fresh ports, in a fresh data dir.
  void Spawn() {
    members_.clear();
    ++generation_;
    std::string initial;
    for (int i = 0; i < size_; ++i) {
      Member m;
      m.name = "m" + std::to_string(i);
      m.client_url = "http://127.0.0.1:" + std::to_string(FreeLoopbackPort());
      m.peer_url = "http://127.0.0.1:" + std::to_string(FreeLoopbackPort());
      initial += (i > 0 ? "," : "") + m.name + "=" + m.peer_url;
      members_.push_back(m);
    }
    for (Member& m : members_) {
      std::string base = dir_.path() + "/" + m.name + "." + std::to_string(generation_);
      std::string log = base + ".log";
      // posix_spawn, not fork: no atfork handlers run, so gRPC's threads in this process are
      // left alone.
      std::vector<std::string> argv = {
          "etcd", "--name", m.name, "--data-dir", base, "--listen-client-urls", m.client_url,
          "--advertise-client-urls", m.client_url, "--listen-peer-urls", m.peer_url,
          "--initial-advertise-peer-urls", m.peer_url, "--initial-cluster", initial,
          "--initial-cluster-state", "new", "--logger", "zap", "--log-level", "error"};
      std::vector<char*> args;
      for (std::string& a : argv) args.push_back(a.data());
      args.push_back(nullptr);
      posix_spawn_file_actions_t actions;
      posix_spawn_file_actions_init(&actions);
      posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      posix_spawn_file_actions_adddup2(&actions, 1, 2);
      if (posix_spawn(&m.pid, "/usr/bin/etcd", &actions, nullptr, args.data(), environ) != 0) {
        m.pid = 0;
      }
      posix_spawn_file_actions_destroy(&actions);
    }
  }

  // Polls until every member accepts connections on its client port. gRPC 1.51 waits ~10 s
  // before trying again after its first connection was refused, so no gRPC call is made
  // before this.
  Start WaitUntilListening(std::chrono::seconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (Member& m : members_) {
      int port = std::stoi(m.client_url.substr(m.client_url.rfind(':') + 1));
      while (!Listening(port)) {
        if (m.pid <= 0 || waitpid(m.pid, nullptr, WNOHANG) == m.pid) {
          m.pid = 0;
          return Start::kExited;
        }
        if (std::chrono::steady_clock::now() >= deadline) return Start::kTimedOut;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));  // polling with a deadline
      }
    }
    return Start::kListening;
  }

  int size_;
  int generation_ = 0;
  TempDir dir_;
  std::vector<Member> members_;
};

}  // namespace kref::testing
