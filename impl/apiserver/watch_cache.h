// The watch cache (upstream's Cacher): every resource's objects in memory, kept current by one
// store watch per resource, so that lists and watches are answered without a store call each and
// every object is decoded and encoded once however many clients read it.
//
// A ResourceCache lists its prefix ("/registry/pods/") at start, then follows the store's watch
// (with previous values and progress notifications). It keeps the current objects and the last
// `history` events. Reads:
//   List        the objects under a prefix once the cache has caught up with a revision; the API
//               server asks for the store's current revision for a consistent list (resourceVersion
//               unset), as upstream's consistent list from cache, and for none with "0".
//   EventsAfter the events after a revision, for watches: a watch is a cursor into the history;
//               a cursor that falls out of it (a client too slow, or a version older than the
//               cache) is expired, and the API server answers 410 or reads the store instead.
// Watchers subscribe a callback that runs (it must not block) when events arrive.
//
// WatchCaches owns the caches of every watchable resource and one thread that applies the store's
// watch responses to them.
//
// A cache that cannot follow the store (a stored object it cannot decode, the store watch
// ended) turns itself off and its resource is served from the store; it does not list again.
//
// Thread safety: thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <stop_token>
#include <thread>
#include <vector>

#include "impl/api/registry.h"
#include "impl/common/result.h"
#include "impl/store/kv.h"

namespace kref::apiserver {

// One object as the cache holds it: decoded (for selectors) and encoded once (for answers).
struct CachedObject {
  std::string key;
  int64_t revision = 0;  // its resourceVersion
  std::shared_ptr<const api::Object> object;
  std::string json;
};
using CachedPtr = std::shared_ptr<const CachedObject>;

struct CacheEvent {
  int64_t revision = 0;
  CachedPtr object;    // the new state; for a deletion, the last state at the deletion's revision
  CachedPtr previous;  // the state before; null for a creation
  bool deleted = false;
};

class ResourceCache {
 public:
  ResourceCache(store::Kv& kv, const api::KindInfo& kind, std::string prefix, size_t history);
  ~ResourceCache();

  struct Snapshot {
    int64_t revision = 0;
    std::vector<CachedPtr> items;  // in key order
  };
  // The objects under `key_prefix` once the cache has seen `min_revision` (asking the store for a
  // progress notification while it waits); nullopt when that takes longer than `timeout`.
  std::optional<Snapshot> List(std::string_view key_prefix, int64_t min_revision, std::chrono::milliseconds timeout);

  struct Pull {
    size_t events = 0;       // how many were visited
    bool expired = false;    // `after` is older than the history
    int64_t revision = 0;    // what the cache has seen
    int64_t through = 0;     // the last revision looked at (of any key): the next `after`
    uint64_t progress = 0;   // counts the store's progress notifications
  };
  // Calls `visit` with each event after revision `after` whose key starts with `key_prefix`, in
  // revision order. Events are published in immutable batches (one per store watch response),
  // so many watchers read the same events at once without copying them or holding the lock.
  Pull EventsAfter(int64_t after, std::string_view key_prefix,
                   const std::function<void(const CacheEvent&)>& visit) const;
  // Whether a watch from `after` can be served: `after` is not older than the history.
  bool CanReplayFrom(int64_t after) const;

  // `ready` runs (on the cache's thread; it must not block) when events or progress arrive.
  uint64_t Subscribe(std::function<void()> ready);
  void Unsubscribe(uint64_t id);

  const api::KindInfo& kind() const { return kind_; }

 private:
  friend class WatchCaches;
  // Lists the prefix and starts the store watch; `on_ready` is the store watch's callback.
  Status Start(std::function<void()> on_ready);
  // Applies what the store watch has (on the WatchCaches thread).
  void Drain();
  Result<CachedPtr> Decode(const std::string& key, const std::string& value, int64_t revision) const;

  store::Kv& kv_;
  const api::KindInfo& kind_;
  const std::string prefix_;
  const size_t history_limit_;
  std::shared_ptr<store::KvWatch> watch_;

  mutable std::shared_mutex mu_;  // readers share it; Drain writes
  std::condition_variable_any caught_up_;
  std::map<std::string, CachedPtr, std::less<>> objects_;
  using EventBatch = std::vector<CacheEvent>;
  std::deque<std::shared_ptr<const EventBatch>> history_;  // each non-empty
  size_t history_events_ = 0;
  int64_t revision_ = 0;  // every event up to here is applied
  int64_t oldest_ = 0;    // events after this revision are in history_
  uint64_t progress_ = 0;
  bool failed_ = false;   // the store watch ended: the cache no longer follows the store
  // Held while callbacks run, so that Unsubscribe waits for them; recursive, for a callback
  // that ends its stream on this thread.
  std::recursive_mutex subscribers_mu_;
  std::map<uint64_t, std::function<void()>> subscribers_;
  uint64_t next_subscriber_ = 1;
};

class WatchCaches {
 public:
  // A cache for each resource of `registry` with the watch verb, each listed before this returns.
  static Result<std::unique_ptr<WatchCaches>> Start(store::Kv& kv, const api::Registry& registry,
                                                    size_t history = 10000);
  ~WatchCaches();

  // The cache of `kind`, or null.
  ResourceCache* For(const api::KindInfo& kind) const;

 private:
  WatchCaches() = default;
  void Run(std::stop_token stop);

  std::map<const api::KindInfo*, std::unique_ptr<ResourceCache>> caches_;
  std::mutex mu_;
  std::condition_variable_any ready_cv_;
  std::vector<ResourceCache*> ready_;  // caches with store responses waiting
  std::jthread thread_;
};

}  // namespace kref::apiserver
