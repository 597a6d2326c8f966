// Helpers for tests that talk to an etcd v3 endpoint (real etcd or kref store) over loopback.
#pragma once

#include <grpcpp/grpcpp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "etcd/etcdserverpb/rpc.grpc.pb.h"

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

}  // namespace kref::testing
