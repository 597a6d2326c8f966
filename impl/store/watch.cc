#include "impl/store/watch.h"

#include "impl/store/key_index.h"

namespace kref::store {

struct WatchHub::Watcher {
  std::weak_ptr<WatchStream> stream;
  int64_t id = 0;
  KeyRange range;
  bool no_put = false, no_delete = false, prev_kv = false, progress_notify = false,
       fragment = false;
  // Mutable state, changed only with both the hub's and the stream's locks held.
  int64_t next_rev = 0;  // the first revision not yet delivered
  bool synced = false;
  bool sent_since_progress = false;
};

namespace {

// The events `w` wants from `events`, at revisions >= w.next_rev.
std::vector<mvccpb::Event> Select(const WatchHub::Watcher& w,
                                  const std::vector<mvccpb::Event>& events);

}  // namespace

// ---- WatchHub ----

WatchHub::WatchHub(const Mvcc& mvcc, std::function<void(pb::ResponseHeader*)> header,
                   WatchOptions options)
    : mvcc_(mvcc),
      header_(std::move(header)),
      options_(options),
      published_rev_(mvcc.CurrentRevision()) {}

std::shared_ptr<WatchStream> WatchHub::OpenStream(std::function<void()> on_ready) {
  return std::shared_ptr<WatchStream>(new WatchStream(*this, std::move(on_ready)));
}

void WatchHub::Publish(const std::vector<mvccpb::Event>& events, int64_t revision) {
  std::vector<std::shared_ptr<WatchStream>> ready;
  {
    std::lock_guard lock(mu_);
    published_rev_ = revision;
    for (auto it = synced_.begin(); it != synced_.end();) {
      const std::shared_ptr<Watcher>& w = *it;
      std::shared_ptr<WatchStream> stream = w->stream.lock();
      if (stream == nullptr) {
        it = synced_.erase(it);
        continue;
      }
      std::lock_guard stream_lock(stream->mu_);
      std::vector<mvccpb::Event> mine = Select(*w, events);
      if (mine.empty()) {
        w->next_rev = std::max(w->next_rev, revision + 1);
        ++it;
        continue;
      }
      if (stream->queue_.size() >= options_.max_buffered_responses) {
        // The consumer is behind: catch up from disk once it has drained its queue.
        w->synced = false;
        it = synced_.erase(it);
        continue;
      }
      pb::WatchResponse response;
      header_(response.mutable_header());
      response.mutable_header()->set_revision(revision);
      response.set_watch_id(w->id);
      for (auto& ev : mine) *response.add_events() = std::move(ev);
      if (stream->PushLocked(std::move(response), w->fragment)) ready.push_back(stream);
      w->next_rev = revision + 1;
      w->sent_since_progress = true;
      ++it;
    }
  }
  for (const auto& stream : ready) stream->NotifyReady();
}

void WatchHub::NotifyProgress() {
  std::vector<std::shared_ptr<WatchStream>> ready;
  {
    std::lock_guard lock(mu_);
    for (const std::shared_ptr<Watcher>& w : synced_) {
      std::shared_ptr<WatchStream> stream = w->stream.lock();
      if (stream == nullptr) continue;
      std::lock_guard stream_lock(stream->mu_);
      bool quiet = !w->sent_since_progress;
      w->sent_since_progress = false;
      if (!w->progress_notify || !quiet) continue;
      pb::WatchResponse response;
      header_(response.mutable_header());
      response.mutable_header()->set_revision(published_rev_);
      response.set_watch_id(w->id);
      if (stream->PushLocked(std::move(response), false)) ready.push_back(stream);
    }
  }
  for (const auto& stream : ready) stream->NotifyReady();
}

// ---- WatchStream ----

WatchStream::~WatchStream() { Close(); }

void WatchStream::Close() {
  std::lock_guard notify_lock(notify_mu_);  // waits out an on_ready call under way
  std::lock_guard hub_lock(hub_.mu_);
  std::lock_guard lock(mu_);
  closed_ = true;
  for (auto& [id, w] : watchers_) hub_.synced_.erase(w);
  watchers_.clear();
  queue_.clear();
}

void WatchStream::NotifyReady() {
  std::lock_guard notify_lock(notify_mu_);
  {
    std::lock_guard lock(mu_);
    if (closed_) return;
  }
  on_ready_();
}

void WatchStream::Send(const pb::WatchRequest& request) {
  switch (request.request_union_case()) {
    case pb::WatchRequest::kCreateRequest: Create(request.create_request()); break;
    case pb::WatchRequest::kCancelRequest: Cancel(request.cancel_request().watch_id()); break;
    case pb::WatchRequest::kProgressRequest: RequestProgress(); break;
    default: break;
  }
}

bool WatchStream::PushLocked(pb::WatchResponse response, bool fragment) {
  bool was_empty = queue_.empty();
  if (!fragment || response.events_size() <= 1 ||
      response.ByteSizeLong() <= hub_.options_.max_response_bytes) {
    queue_.push_back(std::move(response));
    return was_empty;
  }
  // Cut the events into pieces of at most max_response_bytes (at least one event each); every
  // piece but the last says more follows.
  pb::WatchResponse piece = response;
  piece.clear_events();
  size_t base = piece.ByteSizeLong();
  size_t size = base;
  for (int i = 0; i < response.events_size(); ++i) {
    size_t event_size = response.events(i).ByteSizeLong() + 8;
    if (piece.events_size() > 0 && size + event_size > hub_.options_.max_response_bytes) {
      piece.set_fragment(true);
      queue_.push_back(piece);
      piece.clear_events();
      size = base;
    }
    *piece.add_events() = response.events(i);
    size += event_size;
  }
  piece.set_fragment(false);
  queue_.push_back(std::move(piece));
  return was_empty;
}

void WatchStream::Create(const pb::WatchCreateRequest& request) {
  std::string key = request.key().empty() ? std::string(1, '\0') : request.key();
  auto watcher = std::make_shared<WatchHub::Watcher>();
  watcher->stream = weak_from_this();
  watcher->range = KeyRange::FromRequest(key, request.range_end());
  for (int filter : request.filters()) {
    if (filter == pb::WatchCreateRequest::NOPUT) watcher->no_put = true;
    if (filter == pb::WatchCreateRequest::NODELETE) watcher->no_delete = true;
  }
  watcher->prev_kv = request.prev_kv();
  watcher->progress_notify = request.progress_notify();
  watcher->fragment = request.fragment();

  bool was_empty;
  {
    std::lock_guard hub_lock(hub_.mu_);
    std::lock_guard lock(mu_);
    if (closed_) return;
    pb::WatchResponse response;
    hub_.header_(response.mutable_header());
    response.mutable_header()->set_revision(hub_.published_rev_);
    response.set_created(true);
    std::string error;
    if (watcher->range.end && !watcher->range.end->empty() && key >= *watcher->range.end) {
      error = "mvcc: watcher range is empty";
    } else if (request.watch_id() != 0 && watchers_.count(request.watch_id()) > 0) {
      error = "mvcc: duplicate watch ID provided on the WatchStream";
    }
    if (!error.empty()) {
      response.set_watch_id(-1);
      response.set_canceled(true);
      response.set_cancel_reason(error);
    } else {
      int64_t id = request.watch_id();
      if (id == 0) {
        while (watchers_.count(next_id_) > 0) ++next_id_;
        id = next_id_++;
      }
      watcher->id = id;
      watcher->next_rev =
          request.start_revision() > 0 ? request.start_revision() : hub_.published_rev_ + 1;
      if (watcher->next_rev > hub_.published_rev_) {
        watcher->synced = true;
        hub_.synced_.insert(watcher);
      }
      watchers_[id] = watcher;
      response.set_watch_id(id);
    }
    was_empty = PushLocked(std::move(response), false);
  }
  if (was_empty) NotifyReady();
}

void WatchStream::Cancel(int64_t id) {
  bool was_empty;
  {
    std::lock_guard hub_lock(hub_.mu_);
    std::lock_guard lock(mu_);
    auto it = watchers_.find(id);
    if (closed_ || it == watchers_.end()) return;
    hub_.synced_.erase(it->second);
    watchers_.erase(it);
    pb::WatchResponse response;
    hub_.header_(response.mutable_header());
    response.mutable_header()->set_revision(hub_.published_rev_);
    response.set_watch_id(id);
    response.set_canceled(true);
    was_empty = PushLocked(std::move(response), false);
    MaybeSendProgressLocked();
  }
  if (was_empty) NotifyReady();
}

void WatchStream::RequestProgress() {
  bool was_empty;
  {
    std::lock_guard hub_lock(hub_.mu_);
    std::lock_guard lock(mu_);
    if (closed_) return;
    was_empty = queue_.empty();
    progress_requested_ = true;
    MaybeSendProgressLocked();
    was_empty = was_empty && !queue_.empty();
  }
  if (was_empty) NotifyReady();
}

void WatchStream::MaybeSendProgressLocked() {
  if (!progress_requested_) return;
  for (const auto& [id, w] : watchers_) {
    if (!w->synced) return;  // answered once every watcher has caught up
  }
  progress_requested_ = false;
  pb::WatchResponse response;
  hub_.header_(response.mutable_header());
  response.mutable_header()->set_revision(hub_.published_rev_);
  response.set_watch_id(-1);
  PushLocked(std::move(response), false);
}

Result<std::optional<pb::WatchResponse>> WatchStream::Next() {
  while (true) {
    {
      std::lock_guard lock(mu_);
      if (closed_) return std::nullopt;
      if (!queue_.empty()) {
        pb::WatchResponse response = std::move(queue_.front());
        queue_.pop_front();
        return response;
      }
    }
    if (!CatchUpOne()) return std::nullopt;
  }
}

bool WatchStream::CatchUpOne() {
  std::shared_ptr<WatchHub::Watcher> w;
  int64_t from;
  {
    std::lock_guard lock(mu_);
    for (const auto& [id, candidate] : watchers_) {
      if (!candidate->synced) {
        w = candidate;
        break;
      }
    }
    if (w == nullptr) return false;
    from = w->next_rev;
  }
  int64_t to;
  {
    std::lock_guard hub_lock(hub_.mu_);
    to = hub_.published_rev_;
  }
  Result<std::vector<mvccpb::Event>> history = std::vector<mvccpb::Event>();
  if (from <= to) history = hub_.mvcc_.History(from, to, hub_.options_.max_events_per_catch_up);

  std::lock_guard hub_lock(hub_.mu_);
  std::lock_guard lock(mu_);
  auto it = watchers_.find(w->id);
  if (closed_ || it == watchers_.end() || it->second != w) return true;  // cancelled meanwhile
  if (!history.has_value()) {
    // Its start was compacted away: etcd cancels it with the compacted revision, and a
    // header whose revision is 0 (the event batch behind it carries none).
    pb::WatchResponse response;
    hub_.header_(response.mutable_header());
    response.mutable_header()->set_revision(0);
    response.set_watch_id(w->id);
    response.set_canceled(true);
    response.set_compact_revision(hub_.mvcc_.CompactRevision());
    watchers_.erase(it);
    PushLocked(std::move(response), false);
    MaybeSendProgressLocked();
    return true;
  }
  if (from <= to) {
    std::vector<mvccpb::Event> mine = Select(*w, *history);
    bool complete = history->size() < hub_.options_.max_events_per_catch_up;
    w->next_rev = complete || history->empty() ? to + 1 : history->back().kv().mod_revision() + 1;
    if (!mine.empty()) {
      pb::WatchResponse response;
      hub_.header_(response.mutable_header());
      response.mutable_header()->set_revision(to);
      response.set_watch_id(w->id);
      for (auto& ev : mine) *response.add_events() = std::move(ev);
      PushLocked(std::move(response), w->fragment);
    }
  }
  if (w->next_rev > hub_.published_rev_) {
    w->synced = true;
    hub_.synced_.insert(w);
    MaybeSendProgressLocked();
  }
  return true;
}

namespace {

std::vector<mvccpb::Event> Select(const WatchHub::Watcher& w,
                                  const std::vector<mvccpb::Event>& events) {
  std::vector<mvccpb::Event> out;
  for (const mvccpb::Event& ev : events) {
    if (ev.kv().mod_revision() < w.next_rev) continue;
    bool is_put = ev.type() == mvccpb::Event::PUT;
    if ((is_put && w.no_put) || (!is_put && w.no_delete)) continue;
    if (!w.range.Contains(ev.kv().key())) continue;
    mvccpb::Event& copy = out.emplace_back(ev);
    if (!w.prev_kv) copy.clear_prev_kv();
  }
  return out;
}

}  // namespace

}  // namespace kref::store
