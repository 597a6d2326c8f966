// The API server's Prometheus metrics (/metrics, text format 0.0.4), named and labelled as
// upstream's:
//   apiserver_request_total{code,group,resource,scope,subresource,verb,version}      counter
//   apiserver_request_duration_seconds{group,resource,scope,subresource,verb,version} histogram
//   apiserver_longrunning_requests{group,resource,scope,subresource,verb,version}     gauge
//   etcd_request_duration_seconds{operation,type}                                     histogram
// Verbs are upstream's: GET, LIST, WATCH, POST, PUT, PATCH, DELETE, DELETECOLLECTION.
//
// Thread safety: thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace kref::apiserver {

struct RequestLabels {
  std::string group, resource, scope, subresource, verb, version;
  auto operator<=>(const RequestLabels&) const = default;
};

class Metrics {
 public:
  void ObserveRequest(const RequestLabels& labels, int code, std::chrono::duration<double> took);
  // A long-running request (a watch) started (+1) or ended (-1).
  void AddLongRunning(const RequestLabels& labels, int delta);
  void ObserveStorage(const std::string& operation, const std::string& type,
                      std::chrono::duration<double> took);
  // Everything, in the Prometheus text format.
  std::string Render() const;

 private:
  struct Histogram {
    std::vector<uint64_t> buckets;  // cumulative counts are computed when rendering
    uint64_t count = 0;
    double sum = 0;
  };
  static void Observe(Histogram& h, const std::vector<double>& bounds, double seconds);

  mutable std::mutex mu_;
  std::map<std::pair<RequestLabels, int>, uint64_t> requests_;
  std::map<RequestLabels, Histogram> durations_;
  std::map<RequestLabels, int64_t> long_running_;
  std::map<std::pair<std::string, std::string>, Histogram> storage_;
};

}  // namespace kref::apiserver
