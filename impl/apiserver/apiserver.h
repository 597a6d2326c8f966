// The Kubernetes REST API over a key-value store (any store::Kv: the embedded engine, or etcd's
// gRPC API through EtcdClient), answering HTTP requests as upstream's kube-apiserver does.
//
// Served: /version, /healthz, /livez, /readyz, /metrics; legacy discovery (/api, /apis,
// /api/v1, /apis/<group>[/<version>]) and OpenAPI v3 paths (no schemas yet); for every kind in
// the registry, namespaced and cluster-scoped, the verbs get, list (paged), watch
// (newline-delimited JSON events, bookmarks, sendInitialEvents), create, update, patch (JSON
// merge, JSON and strategic merge), delete (preconditions, grace, finalizers, propagation) and
// deletecollection, with label and field selectors, meta.k8s.io Tables when asked for, and
// upstream's errors as metav1.Status objects; the subresources status, scale, pods/binding,
// pods/eviction and namespaces/finalize; Service cluster IP and node port allocation.
// docs/apiserver.md lists what is not served yet (405, 404 or 415 until it comes).
//
// Objects get uid, creationTimestamp and (from generateName) a name on create; their
// resourceVersion is the store revision of their last write. Objects are created only in a
// namespace that exists and is not being deleted.
//
// Thread safety: Handle may be called from many threads at once.
#pragma once

#include <boost/json/value.hpp>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "impl/api/registry.h"
#include "impl/apiserver/http_server.h"
#include "impl/apiserver/metrics.h"
#include "impl/apiserver/object_store.h"
#include "impl/apiserver/service_allocator.h"
#include "impl/apiserver/table.h"
#include "impl/apiserver/watch_cache.h"
#include "impl/common/clock.h"
#include "impl/common/rng.h"
#include "impl/store/kv.h"

namespace kref::apiserver {

// The Kubernetes version kref implements, as /version reports it. kubectl's dispatcher picks
// its client by the minor version.
inline constexpr char kKubernetesGitVersion[] = "v1.32.0";

struct ApiServerOptions {
  std::string server_address = "127.0.0.1:6443";  // reported by /api
  size_t max_body_bytes = 3 * 1024 * 1024;        // larger bodies get 413
  Clock* clock = &SystemClock();
  uint64_t seed = 0;  // for uids, generated names and allocations
  // --service-cluster-ip-range; node ports are 30000-32767.
  ServiceRanges service_ranges = ServiceRanges::Parse("10.96.0.0/12").value();
  // Serve lists and watches from the watch cache (watch_cache.h), started by Bootstrap, keeping
  // this many events per resource; off: every list and watch reads the store.
  bool watch_cache = true;
  size_t watch_cache_history = 10000;
};

class ApiServer {
 public:
  ApiServer(store::Kv& kv, const api::Registry& registry, ApiServerOptions options);

  // Creates what every cluster has unless it exists: the namespaces default, kube-system,
  // kube-public and kube-node-lease, and the `kubernetes` Service (the service range's first
  // address, port 443) with an Endpoints and an EndpointSlice at `advertise_ip`:`port` (those
  // two are rewritten when the address or port changed). /readyz answers 503 until it has run.
  Status Bootstrap(const std::string& advertise_ip = "127.0.0.1", int port = 6443);

  HttpResponse Handle(const HttpRequest& request);

 private:
  struct Call;  // one resource request being served (internal/handlers.h)

  HttpResponse Dispatch(const Call& call);
  // The stored object the call names; NotFound worded as upstream's.
  Result<StoredObject> Stored(const Call& call);
  HttpResponse Get(const Call& call);
  // The Table the request asks for (Accept as=Table), if any.
  std::optional<TableOptions> TableRequested(const Call& call) const;
  HttpResponse List(const Call& call);
  HttpResponse Watch(const Call& call);
  HttpResponse Create(const Call& call);
  HttpResponse Update(const Call& call);
  HttpResponse Patch(const Call& call);
  // How an update turns the stored object's JSON into the new one.
  using Mutation = std::function<Result<boost::json::value>(boost::json::value old)>;
  // The update pipeline of PUT and PATCH on an object, its status or its scale: read the
  // latest object, mutate it, keep what the server owns, default, validate, write guarded by
  // the revision read (again from the top if the object changed, unless the request named a
  // resourceVersion).
  HttpResponse Mutate(const Call& call, const Mutation& mutate);
  HttpResponse Delete(const Call& call);
  HttpResponse DeleteObject(const Call& call, const api::meta::DeleteOptions& options, bool dry_run);
  // pods/binding and bindings: assign a pending pod to a node.
  HttpResponse Bind(const Call& call);
  // pods/eviction: delete a pod if its PodDisruptionBudget allows.
  HttpResponse Evict(const Call& call);
  HttpResponse DeleteCollection(const Call& call);

  // A random RFC 4122 version 4 UUID.
  std::string NewUid();
  // generateName plus five random characters, as upstream's SimpleNameGenerator.
  std::string GenerateName(const std::string& base);

  store::Kv& kv_;
  Metrics metrics_;  // before objects_, which reports to it
  ObjectStore objects_;
  const api::Registry& registry_;
  ApiServerOptions options_;
  std::mutex rng_mu_;
  Rng rng_;
  ServiceAllocator services_;
  std::atomic<bool> ready_{false};
  // Set by Bootstrap when options_.watch_cache; requests already being served read it through
  // cache_view_, published once the caches are listed.
  std::unique_ptr<WatchCaches> caches_;
  std::atomic<WatchCaches*> cache_view_{nullptr};
  // The cache of `kind` once the caches are up, else null (read the store).
  ResourceCache* CacheFor(const api::KindInfo& kind) const;
};

}  // namespace kref::apiserver
