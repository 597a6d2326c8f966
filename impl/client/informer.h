// An informer (client-go's SharedIndexInformer): an in-memory, indexed copy of one collection's
// objects that follows the API server and tells handlers what changed.
//
// It lists the collection (in pages), then watches from the list's resourceVersion with
// bookmarks, applying each event to its cache. When a watch ends it watches again from the last
// version seen; when that version is too old (410 Gone, or an ERROR event carrying 410) it lists
// again and reports the differences: new objects as adds, changed ones as updates, and objects
// that vanished meanwhile as deletes of their last known state. Failed calls are retried with
// exponential backoff (100 ms doubling to 10 s). With a resync period, every cached object is
// reported again as an update (old == new) that often, so controllers re-check their work.
//
// Handlers run on one dispatch thread, in the order the cache changed; the cache already holds
// the new state when a handler runs. They should not block: queue keys into a WorkQueue.
//
//   Informer pods(client, {.path = "/api/v1/pods"});
//   pods.AddEventHandlers({.on_add = [&](const ObjectPtr& pod) { queue.Add(KeyOf(*pod)); }});
//   pods.AddIndex("node", [](const api::Object& o) { ... return {nodeName}; });
//   pods.Start();
//   pods.WaitForSync(std::chrono::seconds(30));
//
// Thread safety: thread-safe. Objects are shared and immutable.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "impl/api/registry.h"
#include "impl/client/rest_client.h"
#include "impl/common/result.h"

namespace kref::client {

using ObjectPtr = std::shared_ptr<const api::Object>;

// "namespace/name", or "name" for a cluster-scoped object (client-go's MetaNamespaceKeyFunc).
std::string KeyOf(const api::Object& object);

struct EventHandlers {
  std::function<void(const ObjectPtr& object)> on_add;
  std::function<void(const ObjectPtr& old_object, const ObjectPtr& new_object)> on_update;
  std::function<void(const ObjectPtr& last_known)> on_delete;
};

// The values an object is indexed under (say, a pod's node name); empty: not indexed.
using IndexFunc = std::function<std::vector<std::string>(const api::Object& object)>;

struct InformerOptions {
  // The collection: "/api/v1/pods", "/apis/apps/v1/namespaces/team-a/deployments".
  std::string path;
  std::string label_selector;
  std::string field_selector;
  std::chrono::milliseconds resync_period{0};  // 0: never
  int page_size = 500;                         // list limit per call
};

class Informer {
 public:
  Informer(RestClient& client, InformerOptions options,
           const api::Registry& registry = api::Registry::Default());
  // Stops.
  ~Informer();

  // Handlers and indexes are added before Start.
  void AddEventHandlers(EventHandlers handlers);
  void AddIndex(const std::string& name, IndexFunc index);

  void Start();
  // Ends the watch and the threads; no handler runs after Stop returns. Idempotent.
  void Stop();

  // True once the first list is in the cache and its adds have been handled.
  bool HasSynced() const;
  // Waits for HasSynced; false at the timeout.
  bool WaitForSync(std::chrono::milliseconds timeout) const;

  // The cached object with `key` (KeyOf), or null.
  ObjectPtr Get(const std::string& key) const;
  std::vector<ObjectPtr> List() const;
  // The cached objects `index` maps to `value`.
  std::vector<ObjectPtr> ByIndex(const std::string& index, const std::string& value) const;
  // The resourceVersion the cache reflects.
  std::string LastSyncResourceVersion() const;

 private:
  struct Notification {
    enum class Type { kAdd, kUpdate, kDelete, kSynced } type;
    ObjectPtr old_object;
    ObjectPtr object;
  };

  void Reflect(std::stop_token stop);
  void Dispatch(std::stop_token stop);
  Status ListAndReplace(std::stop_token stop);
  Status WatchFromLastVersion(std::stop_token stop);
  // Applies one object to the cache and queues its notification. Caller holds mu_.
  void Upsert(ObjectPtr object);
  void Remove(const std::string& key);
  void Notify(Notification notification);
  void IndexLocked(const std::string& key, const api::Object* old_object, const api::Object* new_object);
  std::string Query(bool watch) const;

  RestClient& client_;
  const InformerOptions options_;
  const api::Registry& registry_;
  EventHandlers handlers_;
  std::map<std::string, IndexFunc> index_funcs_;

  mutable std::mutex mu_;
  mutable std::condition_variable_any changed_;  // notifications_, synced_, stop
  std::map<std::string, ObjectPtr> items_;
  std::map<std::string, std::map<std::string, std::set<std::string>>> indexes_;  // index -> value -> keys
  std::string resource_version_;
  std::deque<Notification> notifications_;
  bool synced_ = false;

  std::jthread reflector_;
  std::jthread dispatcher_;
};

}  // namespace kref::client
