// Leader election between candidates on one API server: exactly one leads; a released lease
// passes at once; a crashed leader's lease passes after its duration; a leader that cannot renew
// steps down.
#include "impl/client/leader_election.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "impl/client/api_server_fixture.h"
#include "impl/client/typed_client.h"

namespace kref::client {
namespace {

using namespace std::chrono_literals;

// Polls `condition` until it holds or 10 s pass.
template <class F>
bool Eventually(F condition) {
  auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

class Candidate {
 public:
  Candidate(RestClient& client, std::string identity, bool release = true) {
    config_ = {.lease_name = "test-lock",
               .identity = std::move(identity),
               .lease_duration = 1000ms,
               .renew_deadline = 500ms,
               .retry_period = 100ms,
               .release_on_cancel = release,
               .on_started_leading = [this](std::stop_token lost) {
                 working_ = true;
                 std::mutex mu;
                 std::condition_variable_any cv;
                 std::unique_lock lock(mu);
                 cv.wait(lock, lost, [] { return false; });
                 working_ = false;
               },
               .on_stopped_leading = [this] { stopped_ = true; }};
    elector_ = std::make_unique<LeaderElector>(client, config_);
    thread_ = std::jthread([this](std::stop_token stop) { elector_->Run(stop); });
  }
  void Stop() {
    thread_.request_stop();
    thread_.join();
  }
  bool leading() const { return elector_->IsLeader(); }
  bool working() const { return working_; }
  bool stopped() const { return stopped_; }
  std::string leader() const { return elector_->Leader(); }

 private:
  LeaderElectionConfig config_;
  std::atomic<bool> working_{false}, stopped_{false};
  std::unique_ptr<LeaderElector> elector_;
  std::jthread thread_;
};

class LeaderElectionTest : public ApiServerFixture {
 protected:
  api::coordination::Lease Lease() {
    return TypedClient<api::coordination::Lease>(*client_, "coordination.k8s.io", "v1", "leases")
        .Get("kube-system", "test-lock")
        .value();
  }
};

TEST_F(LeaderElectionTest, OneLeadsAndAReleasedLeasePassesAtOnce) {
  Candidate a(*client_, "a");
  ASSERT_TRUE(Eventually([&] { return a.leading() && a.working(); }));
  Candidate b(*client_, "b");
  ASSERT_TRUE(Eventually([&] { return b.leader() == "a"; }));
  EXPECT_FALSE(b.leading());
  auto lease = Lease();
  EXPECT_EQ(lease.spec.holderIdentity, "a");
  EXPECT_EQ(lease.spec.leaseDurationSeconds, 1);
  EXPECT_EQ(lease.spec.leaseTransitions, 0);

  a.Stop();  // releases
  EXPECT_TRUE(a.stopped());
  EXPECT_FALSE(a.working());
  ASSERT_TRUE(Eventually([&] { return b.leading() && b.working(); }));
  lease = Lease();
  EXPECT_EQ(lease.spec.holderIdentity, "b");
  EXPECT_EQ(lease.spec.leaseTransitions, 1);
}

TEST_F(LeaderElectionTest, ACrashedLeadersLeasePassesAfterItsDuration) {
  Candidate a(*client_, "a", /*release=*/false);
  ASSERT_TRUE(Eventually([&] { return a.leading(); }));
  Candidate b(*client_, "b");
  ASSERT_TRUE(Eventually([&] { return b.leader() == "a"; }));
  auto crashed_at = std::chrono::steady_clock::now();
  a.Stop();  // no release, as if the process died
  EXPECT_EQ(Lease().spec.holderIdentity, "a");
  ASSERT_TRUE(Eventually([&] { return b.leading(); }));
  EXPECT_GE(std::chrono::steady_clock::now() - crashed_at, 900ms);  // waited out the lease
}

// A leader whose renewal hangs (the server takes the connection and never answers) stops its
// work renew_deadline after the last renewal, not when the request times out.
TEST_F(LeaderElectionTest, ALeaderWhoseRenewalHangsStopsWorkingInTime) {
  auto slow_client = RestClient::Create({.server = server_, .timeout = std::chrono::seconds(3)}).value();
  Candidate a(*slow_client, "a");
  ASSERT_TRUE(Eventually([&] { return a.leading() && a.working(); }));
  StopHttp();
  // Something now listens on the port and never answers.
  int silent = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(silent, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port_);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(silent, 16), 0);
  auto since = std::chrono::steady_clock::now();
  ASSERT_TRUE(Eventually([&] { return !a.working(); }));
  EXPECT_LT(std::chrono::steady_clock::now() - since, 2500ms);  // well before the 3 s timeout
  EXPECT_FALSE(a.leading());
  a.Stop();
  ::close(silent);
}

TEST_F(LeaderElectionTest, ALeaderThatCannotRenewStepsDown) {
  Candidate a(*client_, "a");
  ASSERT_TRUE(Eventually([&] { return a.leading() && a.working(); }));
  StopHttp();
  ASSERT_TRUE(Eventually([&] { return a.stopped(); }));
  EXPECT_FALSE(a.leading());
  EXPECT_FALSE(a.working());
}

}  // namespace
}  // namespace kref::client
