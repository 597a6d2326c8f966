// Leader election on a coordination.k8s.io/v1 Lease, as client-go's leaderelection with a
// LeaseLock: of the replicas of a component, one holds the Lease and works; the others wait to
// take over.
//
// A candidate takes the Lease when it does not exist, when it names no holder, or when its
// record has not changed for leaseDurationSeconds as measured by the candidate's own clock (so
// clocks need not agree); the write carries the resourceVersion read, so two candidates cannot
// both win. The leader renews every retry_period; when it cannot renew within renew_deadline it
// stops leading. On a requested stop the leader releases the Lease (holder cleared, duration 1 s)
// so a successor need not wait out the lease. A watchdog ends the leadership renew_deadline after
// the last renewal even while a renewal request hangs.
//
//   LeaderElector elector(client, {.lease_name = "kref-scheduler", .identity = hostname,
//                                  .on_started_leading = [](std::stop_token lost) { ... }});
//   elector.Run(stop);  // returns when `stop` is requested or leadership is lost
//
// Thread safety: Run once; IsLeader and Leader may be called from any thread.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>

#include "impl/api/coordination/types.h"
#include "impl/client/rest_client.h"
#include "impl/common/clock.h"

namespace kref::client {

struct LeaderElectionConfig {
  std::string lease_namespace = "kube-system";
  std::string lease_name;
  std::string identity;  // unique per candidate (hostname plus a random suffix upstream)
  std::chrono::milliseconds lease_duration{15000};
  std::chrono::milliseconds renew_deadline{10000};  // < lease_duration
  std::chrono::milliseconds retry_period{2000};     // < renew_deadline
  bool release_on_cancel = true;
  // Runs on its own thread while this candidate leads; `lost` is requested when leadership ends
  // (lost or stopped). Run waits for it to return before on_stopped_leading.
  std::function<void(std::stop_token lost)> on_started_leading;
  std::function<void()> on_stopped_leading;
  // The holder changed (including to this candidate).
  std::function<void(const std::string& identity)> on_new_leader;
};

class LeaderElector {
 public:
  LeaderElector(RestClient& client, LeaderElectionConfig config, Clock& clock = SystemClock());

  // Campaigns, leads, renews; returns when `stop` is requested or leadership is lost.
  void Run(std::stop_token stop);

  bool IsLeader() const;
  // The holder last observed ("" when none).
  std::string Leader() const;

 private:
  // One attempt to acquire or renew; true when this candidate holds the Lease afterwards.
  bool TryAcquireOrRenew();
  bool TryAcquireOrRenewOnce();
  // Records what was read or written (caller holds mu_).
  void Observe(const api::coordination::LeaseSpec& spec);
  // Calls on_new_leader, outside the lock, when Observe saw the holder change.
  void AnnounceLeader();
  void Release();
  std::string LeasePath(bool collection) const;

  RestClient& client_;
  const LeaderElectionConfig config_;
  Clock& clock_;

  mutable std::mutex mu_;
  std::optional<api::coordination::Lease> observed_;  // the Lease as last read or written
  Clock::SteadyTime observed_at_{};                   // when its spec last changed, our clock
  bool leading_ = false;
  bool leader_changed_ = false;
};

}  // namespace kref::client
