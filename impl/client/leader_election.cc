#include "impl/client/leader_election.h"

#include <boost/json.hpp>
#include <atomic>
#include <thread>

#include "impl/api/json.h"

namespace kref::client {

namespace json = boost::json;
using api::coordination::Lease;
using api::coordination::LeaseSpec;

LeaderElector::LeaderElector(RestClient& client, LeaderElectionConfig config, Clock& clock)
    : client_(client), config_(std::move(config)), clock_(clock) {}

bool LeaderElector::IsLeader() const {
  std::lock_guard lock(mu_);
  return leading_;
}

std::string LeaderElector::Leader() const {
  std::lock_guard lock(mu_);
  return observed_ ? observed_->spec.holderIdentity.value_or("") : "";
}

std::string LeaderElector::LeasePath(bool collection) const {
  std::string path = "/apis/coordination.k8s.io/v1/namespaces/" + config_.lease_namespace + "/leases";
  return collection ? path : path + "/" + config_.lease_name;
}

void LeaderElector::Observe(const LeaseSpec& spec) {
  std::string before = observed_ ? observed_->spec.holderIdentity.value_or("") : "";
  if (!observed_ || observed_->spec != spec) observed_at_ = clock_.NowSteady();
  if (!observed_) observed_.emplace();
  observed_->spec = spec;
  if (spec.holderIdentity.value_or("") != before) leader_changed_ = true;
}

void LeaderElector::AnnounceLeader() {
  std::string leader;
  {
    std::lock_guard lock(mu_);
    if (!leader_changed_) return;
    leader_changed_ = false;
    leader = observed_->spec.holderIdentity.value_or("");
  }
  if (config_.on_new_leader) config_.on_new_leader(leader);
}

bool LeaderElector::TryAcquireOrRenew() {
  bool held = TryAcquireOrRenewOnce();
  AnnounceLeader();
  return held;
}

bool LeaderElector::TryAcquireOrRenewOnce() {
  auto now = api::MicroTime::FromTimePoint(clock_.Now());
  LeaseSpec mine;
  mine.holderIdentity = config_.identity;
  mine.leaseDurationSeconds = static_cast<int32_t>(
      std::chrono::duration_cast<std::chrono::seconds>(config_.lease_duration).count());
  mine.acquireTime = now;
  mine.renewTime = now;
  mine.leaseTransitions = 0;

  auto current = client_.Get(LeasePath(false));
  if (!current.has_value()) {
    if (!current.error().IsNotFound()) return false;
    Lease lease;
    lease.apiVersion = "coordination.k8s.io/v1";
    lease.kind = "Lease";
    lease.metadata.name = config_.lease_name;
    lease.metadata.namespace_ = config_.lease_namespace;
    lease.spec = mine;
    auto created = client_.Post(LeasePath(true), json::parse(api::ToJson(lease)));
    if (!created.has_value()) return false;
    std::lock_guard lock(mu_);
    Observe(mine);
    observed_->metadata.resourceVersion = created->at("metadata").at("resourceVersion").as_string().c_str();
    return true;
  }
  auto lease = api::FromJsonValue<Lease>(*current);
  if (!lease.has_value()) return false;
  {
    std::lock_guard lock(mu_);
    Observe(lease->spec);
    std::string holder = lease->spec.holderIdentity.value_or("");
    auto duration = std::chrono::seconds(lease->spec.leaseDurationSeconds.value_or(0));
    if (!holder.empty() && holder != config_.identity && clock_.NowSteady() < observed_at_ + duration) {
      return false;  // another candidate holds an unexpired lease
    }
    if (holder == config_.identity) {
      mine.acquireTime = lease->spec.acquireTime;
      mine.leaseTransitions = lease->spec.leaseTransitions.value_or(0);
    } else {
      mine.leaseTransitions = lease->spec.leaseTransitions.value_or(0) + 1;
    }
  }
  lease->spec = mine;  // the write carries the resourceVersion read: a racing write conflicts
  auto updated = client_.Put(LeasePath(false), json::parse(api::ToJson(*lease)));
  if (!updated.has_value()) return false;
  std::lock_guard lock(mu_);
  Observe(mine);
  return true;
}

void LeaderElector::Release() {
  auto current = client_.Get(LeasePath(false));
  if (!current.has_value()) return;
  auto lease = api::FromJsonValue<Lease>(*current);
  if (!lease.has_value() || lease->spec.holderIdentity.value_or("") != config_.identity) return;
  auto now = api::MicroTime::FromTimePoint(clock_.Now());
  lease->spec.holderIdentity = "";
  lease->spec.leaseDurationSeconds = 1;
  lease->spec.acquireTime = now;
  lease->spec.renewTime = now;
  if (client_.Put(LeasePath(false), json::parse(api::ToJson(*lease))).has_value()) {
    std::lock_guard lock(mu_);
    Observe(lease->spec);
  }
  AnnounceLeader();
}

void LeaderElector::Run(std::stop_token stop) {
  // Campaign.
  while (!TryAcquireOrRenew()) {
    if (!SleepUnlessStopped(config_.retry_period, stop)) return;
  }
  {
    std::lock_guard lock(mu_);
    leading_ = true;
  }
  std::stop_source lost;
  std::atomic<std::chrono::steady_clock::rep> last_renewal{std::chrono::steady_clock::now().time_since_epoch().count()};
  // A watchdog ends the leadership renew_deadline after the last renewal even while a renewal
  // call hangs (a request may take the client's whole timeout): the work must stop before
  // another candidate can take the lease.
  std::jthread watchdog([&](std::stop_token done) {
    while (SleepUnlessStopped(config_.retry_period / 4, done)) {
      auto since = std::chrono::steady_clock::now() -
                   std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(last_renewal.load()));
      if (since <= config_.renew_deadline) continue;
      lost.request_stop();
      std::lock_guard lock(mu_);
      leading_ = false;
      return;
    }
  });
  std::jthread work;
  if (config_.on_started_leading) {
    work = std::jthread([this, token = lost.get_token()] { config_.on_started_leading(token); });
  }
  // Lead: renew every retry_period; give up when renew_deadline passes without a renewal.
  while (!lost.stop_requested() && SleepUnlessStopped(config_.retry_period, stop)) {
    auto deadline = std::chrono::steady_clock::now() + config_.renew_deadline;
    bool renewed = false;
    while (!lost.stop_requested() && !(renewed = TryAcquireOrRenew()) &&
           std::chrono::steady_clock::now() < deadline) {
      if (!SleepUnlessStopped(config_.retry_period, stop)) break;
    }
    if (!renewed || lost.stop_requested()) break;
    last_renewal.store(std::chrono::steady_clock::now().time_since_epoch().count());
  }
  lost.request_stop();
  watchdog.request_stop();
  watchdog.join();
  if (work.joinable()) work.join();
  {
    std::lock_guard lock(mu_);
    leading_ = false;
  }
  if (stop.stop_requested() && config_.release_on_cancel) Release();
  if (config_.on_stopped_leading) config_.on_stopped_leading();
}

}  // namespace kref::client
