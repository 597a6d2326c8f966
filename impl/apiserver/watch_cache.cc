#include "impl/apiserver/watch_cache.h"

#include <spdlog/spdlog.h>

#include "impl/apiserver/object_store.h"

namespace kref::apiserver {

namespace {

std::string RangeEnd(const std::string& prefix) {
  std::string end = prefix;
  end.back() = static_cast<char>(end.back() + 1);  // every prefix ends in '/'
  return end;
}

}  // namespace

ResourceCache::ResourceCache(store::Kv& kv, const api::KindInfo& kind, std::string prefix, size_t history)
    : kv_(kv), kind_(kind), prefix_(std::move(prefix)), history_limit_(history) {}

ResourceCache::~ResourceCache() {
  if (watch_) watch_->Close();
}

Result<CachedPtr> ResourceCache::Decode(const std::string& key, const std::string& value, int64_t revision) const {
  auto loaded = Load(kind_, value, revision);
  if (!loaded.has_value()) return InternalError("stored object " + key + ": " + loaded.error().message());
  auto cached = std::make_shared<CachedObject>();
  cached->key = key;
  cached->revision = revision;
  cached->json = (*loaded)->ToJson();
  cached->object = std::move(*loaded);
  return CachedPtr(std::move(cached));
}

Status ResourceCache::Start(std::function<void()> on_ready) {
  store::pb::RangeRequest range;
  range.set_key(prefix_);
  range.set_range_end(RangeEnd(prefix_));
  KREF_ASSIGN_OR_RETURN(store::pb::RangeResponse listed, kv_.Range(std::move(range)));
  {
    std::unique_lock lock(mu_);
    for (const auto& kv : listed.kvs()) {
      auto cached = Decode(kv.key(), kv.value(), kv.mod_revision());
      if (!cached.has_value()) {
        // A stored object kref cannot read: this resource is served from the store, which
        // fails only the requests that touch it.
        spdlog::warn("watch cache of {} is off: {}", prefix_, cached.error().message());
        failed_ = true;
        return Status();
      }
      objects_.emplace(kv.key(), std::move(*cached));
    }
    revision_ = oldest_ = listed.header().revision();
  }
  watch_ = kv_.Watch(std::move(on_ready));
  store::pb::WatchRequest request;
  auto* create = request.mutable_create_request();
  create->set_key(prefix_);
  create->set_range_end(RangeEnd(prefix_));
  create->set_start_revision(revision_ + 1);
  create->set_progress_notify(true);
  watch_->Send(request);
  return Status();
}

void ResourceCache::Drain() {
  bool changed = false;
  while (true) {
    auto next = watch_->Next();
    if (next.has_value() && !next->has_value()) break;  // nothing more for now
    if (!next.has_value() || (**next).canceled()) {
      // The store watch ended (the store went away, or compacted past the cache): stop answering
      // from memory; the API server falls back to the store.
      spdlog::warn("watch cache of {} stopped following the store: {}", prefix_,
                   next.has_value() ? "watch canceled" : next.error().message());
      std::unique_lock lock(mu_);
      failed_ = true;
      changed = true;
      caught_up_.notify_all();
      break;
    }
    const store::pb::WatchResponse& response = **next;
    if (response.created()) continue;
    // The response's events, decoded outside the lock: this thread is the cache's only writer,
    // so it may read objects_ without it.
    auto batch = std::make_shared<EventBatch>();
    std::map<std::string, CachedPtr, std::less<>> updated;  // this batch's effect on objects_
    auto latest = [&](const std::string& key) -> CachedPtr {
      if (auto it = updated.find(key); it != updated.end()) return it->second;
      auto it = objects_.find(key);
      return it != objects_.end() ? it->second : nullptr;
    };
    for (const auto& event : response.events()) {
      const std::string& key = event.kv().key();
      int64_t revision = event.kv().mod_revision();
      CacheEvent applied{.revision = revision, .previous = latest(key)};
      if (event.type() == mvccpb::Event::PUT) {
        auto decoded = Decode(key, event.kv().value(), revision);
        if (!decoded.has_value()) {
          // Serving the previous state would be wrong: the resource goes back to the store.
          spdlog::warn("watch cache of {} is off: {}", prefix_, decoded.error().message());
          std::unique_lock lock(mu_);
          failed_ = true;
          caught_up_.notify_all();
          break;
        }
        applied.object = *decoded;
        updated[key] = std::move(*decoded);
      } else {
        if (applied.previous == nullptr) continue;
        // The last state, at the deletion's revision, as upstream's DELETED events carry it.
        std::unique_ptr<api::Object> gone = applied.previous->object->Clone();
        gone->metadata().resourceVersion = std::to_string(revision);
        auto cached = std::make_shared<CachedObject>();
        cached->key = key;
        cached->revision = revision;
        cached->json = gone->ToJson();
        cached->object = std::move(gone);
        applied.object = std::move(cached);
        applied.deleted = true;
        updated[key] = nullptr;
      }
      batch->push_back(std::move(applied));
    }
    std::unique_lock lock(mu_);
    for (auto& [key, object] : updated) {
      if (object == nullptr) {
        objects_.erase(key);
      } else {
        objects_[key] = std::move(object);
      }
    }
    if (response.events_size() == 0) {  // progress: nothing changed under the prefix up to here
      revision_ = std::max(revision_, response.header().revision());
      ++progress_;
    }
    if (!batch->empty()) {
      revision_ = std::max(revision_, batch->back().revision);
      history_events_ += batch->size();
      history_.push_back(std::move(batch));
    }
    while (history_.size() > 1 && history_events_ - history_.front()->size() >= history_limit_) {
      oldest_ = history_.front()->back().revision;
      history_events_ -= history_.front()->size();
      history_.pop_front();
    }
    changed = true;
    caught_up_.notify_all();
  }
  if (!changed) return;
  // Called under the lock, so that Unsubscribe waits for a call under way; over a copy, as a
  // callback may end a stream and unsubscribe on this thread.
  std::lock_guard lock(subscribers_mu_);
  std::vector<std::function<void()>> callbacks;
  for (const auto& [id, ready] : subscribers_) callbacks.push_back(ready);
  for (const auto& ready : callbacks) ready();
}

std::optional<ResourceCache::Snapshot> ResourceCache::List(std::string_view key_prefix, int64_t min_revision,
                                                           std::chrono::milliseconds timeout) {
  std::unique_lock lock(mu_);
  if (revision_ < min_revision && !failed_) {
    lock.unlock();
    store::pb::WatchRequest progress;
    progress.mutable_progress_request();
    watch_->Send(progress);
    lock.lock();
    caught_up_.wait_for(lock, timeout, [&] { return revision_ >= min_revision || failed_; });
  }
  if (failed_ || revision_ < min_revision) return std::nullopt;
  Snapshot snapshot{.revision = revision_};
  for (auto it = objects_.lower_bound(key_prefix); it != objects_.end() && it->first.starts_with(key_prefix); ++it) {
    snapshot.items.push_back(it->second);
  }
  return snapshot;
}

ResourceCache::Pull ResourceCache::EventsAfter(int64_t after, std::string_view key_prefix,
                                               const std::function<void(const CacheEvent&)>& visit) const {
  std::vector<std::shared_ptr<const EventBatch>> batches;
  Pull pull{.through = after};
  {
    std::shared_lock lock(mu_);
    pull.revision = revision_;
    pull.progress = progress_;
    if (after < oldest_ || failed_) {
      pull.expired = true;
      return pull;
    }
    // The batches holding events after `after`: usually the last one or two.
    auto first = std::upper_bound(history_.begin(), history_.end(), after,
                                  [](int64_t revision, const std::shared_ptr<const EventBatch>& batch) {
                                    return revision < batch->back().revision;
                                  });
    batches.assign(first, history_.end());
  }
  // Batches never change once published: read them without the lock.
  for (const auto& batch : batches) {
    for (const CacheEvent& event : *batch) {
      if (event.revision <= after) continue;
      if (event.object->key.starts_with(key_prefix)) {
        visit(event);
        ++pull.events;
      }
      pull.through = event.revision;
    }
  }
  return pull;
}

bool ResourceCache::CanReplayFrom(int64_t after) const {
  std::shared_lock lock(mu_);
  return !failed_ && after >= oldest_;
}

uint64_t ResourceCache::Subscribe(std::function<void()> ready) {
  std::lock_guard lock(subscribers_mu_);
  uint64_t id = next_subscriber_++;
  subscribers_.emplace(id, std::move(ready));
  return id;
}

void ResourceCache::Unsubscribe(uint64_t id) {
  std::lock_guard lock(subscribers_mu_);  // waits for a call under way
  subscribers_.erase(id);
}

Result<std::unique_ptr<WatchCaches>> WatchCaches::Start(store::Kv& kv, const api::Registry& registry, size_t history) {
  std::unique_ptr<WatchCaches> caches(new WatchCaches());
  for (const api::KindInfo& kind : registry.kinds()) {
    if (kind.resource.empty() ||
        std::find(kind.verbs.begin(), kind.verbs.end(), "watch") == kind.verbs.end()) {
      continue;
    }
    auto cache = std::make_unique<ResourceCache>(kv, kind, "/registry/" + std::string(kind.resource) + "/", history);
    ResourceCache* raw = cache.get();
    WatchCaches* self = caches.get();
    KREF_RETURN_IF_ERROR(cache->Start([self, raw] {
      std::lock_guard lock(self->mu_);
      self->ready_.push_back(raw);
      self->ready_cv_.notify_one();
    }));
    caches->caches_.emplace(&kind, std::move(cache));
  }
  caches->thread_ = std::jthread([self = caches.get()](std::stop_token stop) { self->Run(stop); });
  return caches;
}

WatchCaches::~WatchCaches() {
  // No store callback after the watches close; then the thread can go, then the caches.
  for (auto& [kind, cache] : caches_) {
    if (cache->watch_) cache->watch_->Close();
  }
  thread_.request_stop();
  thread_ = std::jthread();
}

ResourceCache* WatchCaches::For(const api::KindInfo& kind) const {
  auto it = caches_.find(&kind);
  return it == caches_.end() ? nullptr : it->second.get();
}

void WatchCaches::Run(std::stop_token stop) {
  while (true) {
    std::vector<ResourceCache*> ready;
    {
      std::unique_lock lock(mu_);
      ready_cv_.wait(lock, stop, [&] { return !ready_.empty(); });
      if (stop.stop_requested()) return;
      ready.swap(ready_);
    }
    for (ResourceCache* cache : ready) cache->Drain();
  }
}

}  // namespace kref::apiserver
