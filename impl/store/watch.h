// Watches, as etcd's Watch service defines them: many watchers per stream, each on a key range
// from a start revision, delivering every change in revision order, never splitting a revision
// (unless the watcher asked for fragments), with prev_kv and NOPUT/NODELETE filters, progress
// notifications and cancellation (reference/etcd.md §1.8, with the 3.4.25+ fixes: a progress
// response promises that every earlier event on the stream was delivered).
//
// A WatchHub holds the watchers that are caught up ("synced") and is told of every committed
// batch by the Store's writer (Publish). A WatchStream is one client stream: the client pushes
// requests in and pulls responses out with Next(); a watcher that starts in the past, or falls
// behind because its consumer is slow, catches up from disk inside Next() and then joins the
// hub. A stream's buffer is bounded: a synced watcher whose stream has too much unsent is moved
// back to catching up from disk, so one slow client never holds the writer or grows memory
// without bound.
//
// Thread safety: WatchHub and WatchStream are thread-safe. `on_ready` callbacks may run on the
// writer thread: they may call Next() but must not block. None runs after Close() returns
// (Close waits for one under way, unless called from within it). Streams must not outlive
// their hub.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <vector>

#include "impl/store/kv.h"
#include "impl/store/mvcc.h"

namespace kref::store {

class WatchStream;

struct WatchOptions {
  uint64_t max_response_bytes = 1572864;  // fragments are cut at this size (--max-request-bytes)
  size_t max_buffered_responses = 1024;   // per stream, before synced watchers fall back to disk
  size_t max_events_per_catch_up = 1000;  // events read from disk per Next() step
};

class WatchHub {
 public:
  struct Watcher;  // one watcher's range, options and delivery state (watch.cc)

  // `header` fills cluster, member and term into each response header.
  WatchHub(const Mvcc& mvcc, std::function<void(pb::ResponseHeader*)> header,
           WatchOptions options = {});

  // Delivers a committed batch's events (in revision order) to synced watchers. Called by the
  // one writer after each commit, with the batch's last revision.
  void Publish(const std::vector<mvccpb::Event>& events, int64_t revision);
  // Sends a progress notification to every synced watcher that asked for them and got nothing
  // since the last call (etcd's periodic progress notify).
  void NotifyProgress();

  // Opens a stream. `on_ready` is called when a response becomes available after Next()
  // returned nothing.
  std::shared_ptr<WatchStream> OpenStream(std::function<void()> on_ready);

 private:
  friend class WatchStream;

  const Mvcc& mvcc_;
  std::function<void(pb::ResponseHeader*)> header_;
  WatchOptions options_;

  std::mutex mu_;  // guards synced_ and published_rev_; taken before any stream's lock
  std::set<std::shared_ptr<Watcher>> synced_;
  int64_t published_rev_;
};

class WatchStream final : public KvWatch, public std::enable_shared_from_this<WatchStream> {
 public:
  ~WatchStream() override;

  // Handles one client request (create, cancel or progress), queueing its responses.
  void Send(const pb::WatchRequest& request) override;
  // The next response to send, catching up lagging watchers from disk when nothing is queued;
  // nullopt when there is nothing to send now (on_ready will be called when there is). Never
  // an error: an in-process stream only ends by Close().
  Result<std::optional<pb::WatchResponse>> Next() override;
  // Cancels every watcher; the stream delivers nothing more and calls `on_ready` no more.
  void Close() override;

 private:
  friend class WatchHub;
  WatchStream(WatchHub& hub, std::function<void()> on_ready) : hub_(hub), on_ready_(std::move(on_ready)) {}

  void Create(const pb::WatchCreateRequest& request);
  void Cancel(int64_t id);
  void RequestProgress();
  // Queues `response` (fragmenting if the watcher asked for it). REQUIRES: mu_ held. Returns
  // whether the queue was empty before.
  bool PushLocked(pb::WatchResponse response, bool fragment);
  // Reads one chunk of history for a lagging watcher; returns false when none lags.
  bool CatchUpOne();
  // Calls on_ready unless the stream is closed. REQUIRES: no lock held.
  void NotifyReady();
  // The progress response, if one was requested and every watcher is synced. REQUIRES: hub
  // lock and mu_ held.
  void MaybeSendProgressLocked();

  WatchHub& hub_;
  std::function<void()> on_ready_;
  // Held while on_ready runs and by Close(), so none runs after Close() returns. Recursive:
  // on_ready may close the stream. Taken before the hub's lock and mu_.
  std::recursive_mutex notify_mu_;
  std::mutex mu_;  // guards everything below
  std::deque<pb::WatchResponse> queue_;
  std::map<int64_t, std::shared_ptr<WatchHub::Watcher>> watchers_;
  int64_t next_id_ = 0;
  bool progress_requested_ = false;
  bool closed_ = false;
};

}  // namespace kref::store
