// The bodies of watch answers: newline-delimited JSON events, streamed as they happen, read
// either from the store's watch (StoreWatchStream) or from the watch cache (CacheWatchStream).
// Both send what a client selected, as upstream's cacher does: an object that starts matching the
// filter is ADDED, one that stops matching is DELETED (with its previous state at the event's
// resourceVersion); a version too old ends the stream with an ERROR event carrying 410 Expired;
// progress becomes BOOKMARK events when asked for. With a Table asked for, each event carries a
// one-row Table and only the first one its column definitions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "impl/api/registry.h"
#include "impl/apiserver/http_server.h"
#include "impl/apiserver/params.h"
#include "impl/apiserver/table.h"
#include "impl/apiserver/watch_cache.h"
#include "impl/common/clock.h"
#include "impl/store/kv.h"

namespace kref::apiserver {

// {"type":<type>,"object":<object_json>} and a newline.
std::string WatchEventLine(std::string_view type, const std::string& object_json);
// A BOOKMARK event: an object of the watched kind holding only a resourceVersion (and, at the
// end of sendInitialEvents, the k8s.io/initial-events-end annotation).
std::string BookmarkLine(const api::KindInfo& kind, int64_t revision, bool initial_events_end);
// An event's object: the object's JSON, or a one-row Table when `table` is set (whose column
// definitions are then cleared, so that only the first event carries them).
std::string EventObject(const api::KindInfo& kind, const api::Object& object, std::optional<TableOptions>& table);

// `initial_events` first, then the changes under `prefix` from store revision `from_revision`
// (0: from now on).
std::shared_ptr<BodyStream> StoreWatchStream(store::Kv& kv, const api::KindInfo& kind, std::string prefix,
                                             int64_t from_revision, ObjectFilter filter, std::string initial_events,
                                             std::optional<TableOptions> table, const Clock& clock, bool bookmarks);
// `initial_events` first, then the cache's events under `prefix` after revision `after`.
std::shared_ptr<BodyStream> CacheWatchStream(ResourceCache& cache, std::string prefix, int64_t after,
                                             ObjectFilter filter, std::string initial_events,
                                             std::optional<TableOptions> table, const Clock& clock, bool bookmarks);

}  // namespace kref::apiserver
