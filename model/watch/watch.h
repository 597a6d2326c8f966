// The watch machine of spec/watch.yaml: one client's list-and-watch of one resource.
//
// Boost-free facade over the Boost.MSM machine in watch.cc. A value; not synchronised.
#pragma once

#include <cstdint>
#include <string_view>

#include "model/common/machine.h"

namespace kref::model {

class WatchMachine {
 public:
  enum Event { kListed, kWatchOpened, kObjectEvent, kBookmark, kGone, kStreamClosed };
  static constexpr int kEventCount = 6;

  enum class Type { kAdded, kModified, kDeleted };
  struct Facts {
    std::int64_t rv = 0;               // the list's, the watch's start, the event's, the bookmark's
    Type type = Type::kAdded;          // ObjectEvent
    bool send_initial_events = false;  // WatchOpened
    bool initial_events_end = false;   // Bookmark
  };

  KREF_MODEL_FACADE_MEMBERS(WatchMachine)

  std::string_view State() const;
  std::int64_t last_rv() const;  // the last resourceVersion seen
  int gaps() const;              // lists after the first (each is a gap)
};

}  // namespace kref::model
