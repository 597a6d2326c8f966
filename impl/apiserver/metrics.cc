#include "impl/apiserver/metrics.h"

#include <cstdio>

namespace kref::apiserver {
namespace {

// Upstream's buckets for apiserver_request_duration_seconds and etcd_request_duration_seconds.
const std::vector<double> kRequestBuckets = {0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.25, 1.5,
                                             2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60};
const std::vector<double> kStorageBuckets = {0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.25,
                                             1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60};

std::string Escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string Labels(const RequestLabels& l) {
  return "group=\"" + Escape(l.group) + "\",resource=\"" + Escape(l.resource) + "\",scope=\"" +
         Escape(l.scope) + "\",subresource=\"" + Escape(l.subresource) + "\",verb=\"" +
         Escape(l.verb) + "\",version=\"" + Escape(l.version) + "\"";
}

std::string Number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", v);
  return text;
}

void RenderHistogram(std::string& out, const std::string& name, const std::string& labels,
                     const std::vector<double>& bounds, const std::vector<uint64_t>& buckets,
                     uint64_t count, double sum) {
  uint64_t cumulative = 0;
  for (size_t i = 0; i < bounds.size(); ++i) {
    cumulative += buckets[i];
    out += name + "_bucket{" + labels + ",le=\"" + Number(bounds[i]) + "\"} " + std::to_string(cumulative) + "\n";
  }
  out += name + "_bucket{" + labels + ",le=\"+Inf\"} " + std::to_string(count) + "\n";
  out += name + "_sum{" + labels + "} " + Number(sum) + "\n";
  out += name + "_count{" + labels + "} " + std::to_string(count) + "\n";
}

}  // namespace

void Metrics::Observe(Histogram& h, const std::vector<double>& bounds, double seconds) {
  if (h.buckets.empty()) h.buckets.assign(bounds.size(), 0);
  for (size_t i = 0; i < bounds.size(); ++i) {
    if (seconds <= bounds[i]) {
      ++h.buckets[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::ObserveRequest(const RequestLabels& labels, int code, std::chrono::duration<double> took) {
  std::lock_guard lock(mu_);
  ++requests_[{labels, code}];
  Observe(durations_[labels], kRequestBuckets, took.count());
}

void Metrics::AddLongRunning(const RequestLabels& labels, int delta) {
  std::lock_guard lock(mu_);
  long_running_[labels] += delta;
}

void Metrics::ObserveStorage(const std::string& operation, const std::string& type,
                             std::chrono::duration<double> took) {
  std::lock_guard lock(mu_);
  Observe(storage_[{operation, type}], kStorageBuckets, took.count());
}

std::string Metrics::Render() const {
  std::lock_guard lock(mu_);
  std::string out;
  out += "# HELP apiserver_request_total Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.\n";
  out += "# TYPE apiserver_request_total counter\n";
  for (const auto& [key, count] : requests_) {
    out += "apiserver_request_total{code=\"" + std::to_string(key.second) + "\"," + Labels(key.first) + "} " +
           std::to_string(count) + "\n";
  }
  out += "# HELP apiserver_request_duration_seconds Response latency distribution in seconds for each verb, dry run value, group, version, resource, subresource, scope and component.\n";
  out += "# TYPE apiserver_request_duration_seconds histogram\n";
  for (const auto& [labels, h] : durations_) {
    RenderHistogram(out, "apiserver_request_duration_seconds", Labels(labels), kRequestBuckets, h.buckets, h.count, h.sum);
  }
  out += "# HELP apiserver_longrunning_requests Gauge of all active long-running apiserver requests broken out by verb, group, version, resource, scope and component.\n";
  out += "# TYPE apiserver_longrunning_requests gauge\n";
  for (const auto& [labels, value] : long_running_) {
    out += "apiserver_longrunning_requests{" + Labels(labels) + "} " + std::to_string(value) + "\n";
  }
  out += "# HELP etcd_request_duration_seconds Etcd request latency in seconds for each operation and object type.\n";
  out += "# TYPE etcd_request_duration_seconds histogram\n";
  for (const auto& [key, h] : storage_) {
    RenderHistogram(out, "etcd_request_duration_seconds",
                    "operation=\"" + Escape(key.first) + "\",type=\"" + Escape(key.second) + "\"",
                    kStorageBuckets, h.buckets, h.count, h.sum);
  }
  return out;
}

}  // namespace kref::apiserver
