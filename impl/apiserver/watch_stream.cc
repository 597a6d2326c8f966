#include "impl/apiserver/watch_stream.h"

#include <boost/json.hpp>
#include <mutex>

#include "impl/apiserver/errors.h"
#include "impl/apiserver/object_store.h"

namespace kref::apiserver {

namespace json = boost::json;

std::string WatchEventLine(std::string_view type, const std::string& object_json) {
  return "{\"type\":\"" + std::string(type) + "\",\"object\":" + object_json + "}\n";
}

std::string EventObject(const api::KindInfo& kind, const api::Object& object,
                        std::optional<TableOptions>& table) {
  if (!table) return object.ToJson();
  std::string json = TableJson(kind, {json::parse(object.ToJson())}, "", "", *table);
  table->column_definitions = false;
  return json;
}

std::string BookmarkLine(const api::KindInfo& kind, int64_t revision, bool initial_events_end) {
  json::object meta{{"resourceVersion", std::to_string(revision)}};
  if (initial_events_end) meta["annotations"] = json::object{{"k8s.io/initial-events-end", "true"}};
  return WatchEventLine("BOOKMARK", json::serialize(json::object{{"kind", kind.kind},
                                                                 {"apiVersion", kind.ApiVersion()},
                                                                 {"metadata", std::move(meta)}}));
}

namespace {

// A watch's body: the initial events (if any), then one line per change to the watched keys
// that passes the filter, read from the store's watch. A compacted start ends it with an ERROR
// event carrying 410 Expired, as upstream.
class WatchBody final : public BodyStream {
 public:
  WatchBody(store::Kv& kv, const api::KindInfo& kind, std::string prefix, int64_t from_revision,
            ObjectFilter filter, std::string initial_events, std::optional<TableOptions> table,
            const Clock& clock, bool bookmarks)
      : kv_(kv), kind_(kind), prefix_(std::move(prefix)), from_revision_(from_revision),
        filter_(std::move(filter)), table_(std::move(table)), clock_(clock),
        bookmarks_(bookmarks), pending_(std::move(initial_events)) {}

  void Start(std::function<void()> ready) override {
    std::shared_ptr<store::KvWatch> watch = kv_.Watch(std::move(ready));
    store::pb::WatchRequest request;
    auto* create = request.mutable_create_request();
    create->set_key(prefix_);
    std::string end = prefix_;
    end.back() = static_cast<char>(end.back() + 1);
    create->set_range_end(end);
    create->set_start_revision(from_revision_);
    create->set_prev_kv(true);
    // The store's progress notifications become bookmarks.
    create->set_progress_notify(bookmarks_);
    watch->Send(request);
    std::lock_guard lock(mu_);
    if (cancelled_) {
      watch->Close();
      return;
    }
    watch_ = std::move(watch);
  }

  std::optional<std::string> Next() override {
    std::lock_guard lock(mu_);
    std::string out = std::move(pending_);
    pending_.clear();
    while (!done_ && watch_ != nullptr) {
      auto next = watch_->Next();
      if (!next.has_value()) {  // the store went away
        out += ErrorLine(InternalServerError(next.error().message()));
        done_ = true;
        break;
      }
      if (!next->has_value()) break;
      const store::pb::WatchResponse& response = **next;
      if (response.canceled()) {
        if (response.compact_revision() > 0) {
          out += ErrorLine(InvalidArgumentError("too old resource version: " +
                                                std::to_string(from_revision_ - 1) + " (" +
                                                std::to_string(response.compact_revision()) + ")")
                               .WithDetails({.reason = "Expired"}));
        }
        done_ = true;
        break;
      }
      for (const auto& event : response.events()) out += Line(event);
      bool progress = response.events_size() == 0 && !response.created() && !response.canceled();
      if (progress && bookmarks_ && response.header().revision() > 0) {
        out += BookmarkLine(kind_, response.header().revision(), false);
      }
    }
    if (out.empty() && done_) return std::nullopt;
    return out;
  }

  void Cancel() override {
    std::shared_ptr<store::KvWatch> watch;
    {
      std::lock_guard lock(mu_);
      cancelled_ = true;
      done_ = true;
      watch = std::move(watch_);
    }
    if (watch) watch->Close();
  }

 private:
  static std::string ErrorLine(const Status& status) {
    return WatchEventLine("ERROR", StatusJson(status));
  }

  // One store event as a watch event line, or "" when the filter hides it (as upstream's
  // cacher: an object that stops matching is DELETED, one that starts matching is ADDED).
  std::string Line(const mvccpb::Event& event) {
    std::unique_ptr<api::Object> current, previous;
    if (event.type() == mvccpb::Event::PUT) {
      auto loaded = Load(kind_, event.kv().value(), event.kv().mod_revision());
      if (!loaded.has_value()) return ErrorLine(loaded.error());
      current = std::move(*loaded);
    }
    if (event.has_prev_kv()) {
      auto loaded = Load(kind_, event.prev_kv().value(), event.kv().mod_revision());
      if (!loaded.has_value()) return ErrorLine(loaded.error());
      previous = std::move(*loaded);
    }
    bool now = current != nullptr && filter_.Matches(*current);
    bool before = previous != nullptr && filter_.Matches(*previous);
    if (table_) table_->now = clock_.Now();
    if (now && before) return WatchEventLine("MODIFIED", EventObject(kind_, *current, table_));
    if (now) return WatchEventLine("ADDED", EventObject(kind_, *current, table_));
    if (before) return WatchEventLine("DELETED", EventObject(kind_, *previous, table_));
    return "";
  }

  store::Kv& kv_;
  const api::KindInfo& kind_;
  std::string prefix_;
  int64_t from_revision_;
  ObjectFilter filter_;
  std::optional<TableOptions> table_;
  const Clock& clock_;
  bool bookmarks_;

  std::mutex mu_;
  std::shared_ptr<store::KvWatch> watch_;
  std::string pending_;
  bool done_ = false;
  bool cancelled_ = false;
};

// A watch served from the watch cache: a cursor into the resource's event history, advanced
// each time the cache says events arrived. Events are filtered as WatchBody filters them; an
// event's JSON is the cache's, shared by every watcher.
class CacheWatchBody final : public BodyStream {
 public:
  CacheWatchBody(ResourceCache& cache, std::string prefix, int64_t after, ObjectFilter filter,
                 std::string initial_events, std::optional<TableOptions> table, const Clock& clock, bool bookmarks)
      : cache_(cache), prefix_(std::move(prefix)), cursor_(after), filter_(std::move(filter)),
        table_(std::move(table)), clock_(clock), bookmarks_(bookmarks), pending_(std::move(initial_events)) {}

  void Start(std::function<void()> ready) override {
    {
      std::lock_guard lock(mu_);
      if (cancelled_) return;
      subscription_ = cache_.Subscribe(ready);
    }
    ready();  // the initial events, and whatever arrived since `after`
  }

  std::optional<std::string> Next() override {
    std::lock_guard lock(mu_);
    if (done_) return std::nullopt;
    std::string out = std::move(pending_);
    pending_.clear();
    ResourceCache::Pull pull =
        cache_.EventsAfter(cursor_, prefix_, [&](const CacheEvent& event) { out += Line(event); });
    if (pull.expired) {
      // The client fell behind the cache's history (or the cache stopped following the store).
      out += WatchEventLine("ERROR", StatusJson(InvalidArgumentError("too old resource version: " + std::to_string(cursor_))
                                                    .WithDetails({.reason = "Expired"})));
      done_ = true;
      return out;
    }
    cursor_ = std::max(cursor_, pull.through);
    if (bookmarks_ && pull.progress != progress_seen_) {
      progress_seen_ = pull.progress;
      // Never a version below where this watch began (the cache may lag a version the client
      // read from the store).
      if (pull.events == 0 && pull.revision >= cursor_) out += BookmarkLine(cache_.kind(), pull.revision, false);
    }
    return out;
  }

  void Cancel() override {
    uint64_t subscription = 0;
    {
      std::lock_guard lock(mu_);
      cancelled_ = true;
      done_ = true;
      subscription = subscription_;
    }
    if (subscription != 0) cache_.Unsubscribe(subscription);
  }

 private:
  // As WatchBody::Line: an object leaving the selection is DELETED, one entering it ADDED.
  std::string Line(const CacheEvent& event) {
    const api::Object* current = event.deleted ? nullptr : event.object->object.get();
    const api::Object* previous = event.previous != nullptr ? event.previous->object.get() : nullptr;
    bool now = current != nullptr && filter_.Matches(*current);
    bool before = previous != nullptr && filter_.Matches(*previous);
    if (!now && !before) return "";
    if (table_) table_->now = clock_.Now();
    if (now || event.deleted) {
      std::string_view type = now && before ? "MODIFIED" : now ? "ADDED" : "DELETED";
      if (!table_) return WatchEventLine(type, event.object->json);
      return WatchEventLine(type, EventObject(cache_.kind(), *event.object->object, table_));
    }
    // It left the selection: DELETED with its previous state at the event's revision, as
    // upstream's cacher sends it.
    std::unique_ptr<api::Object> gone = previous->Clone();
    gone->metadata().resourceVersion = std::to_string(event.revision);
    return WatchEventLine("DELETED", EventObject(cache_.kind(), *gone, table_));
  }

  ResourceCache& cache_;
  std::string prefix_;
  int64_t cursor_;
  ObjectFilter filter_;
  std::optional<TableOptions> table_;
  const Clock& clock_;
  bool bookmarks_;

  std::mutex mu_;
  std::string pending_;
  uint64_t subscription_ = 0;
  uint64_t progress_seen_ = 0;
  bool done_ = false;
  bool cancelled_ = false;
};

}  // namespace

std::shared_ptr<BodyStream> StoreWatchStream(store::Kv& kv, const api::KindInfo& kind, std::string prefix,
                                             int64_t from_revision, ObjectFilter filter, std::string initial_events,
                                             std::optional<TableOptions> table, const Clock& clock, bool bookmarks) {
  return std::make_shared<WatchBody>(kv, kind, std::move(prefix), from_revision, std::move(filter),
                                     std::move(initial_events), std::move(table), clock, bookmarks);
}

std::shared_ptr<BodyStream> CacheWatchStream(ResourceCache& cache, std::string prefix, int64_t after,
                                             ObjectFilter filter, std::string initial_events,
                                             std::optional<TableOptions> table, const Clock& clock, bool bookmarks) {
  return std::make_shared<CacheWatchBody>(cache, std::move(prefix), after, std::move(filter),
                                          std::move(initial_events), std::move(table), clock, bookmarks);
}

}  // namespace kref::apiserver
