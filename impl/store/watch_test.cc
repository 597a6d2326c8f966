#include "impl/store/watch.h"

#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "impl/store/store.h"
#include "impl/testing/temp_dir.h"

namespace kref::store {
namespace {

class WatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.data_dir = dir_.path();
    options.sync = false;
    options.max_request_bytes = 4096;
    auto store = Store::Open(options);
    ASSERT_TRUE(store.has_value()) << store.error();
    store_ = std::move(*store);
    stream_ = store_->Watch([this] { ++ready_calls_; });
  }
  void TearDown() override { stream_.reset(); }

  void Put(const std::string& key, const std::string& value) {
    pb::PutRequest r;
    r.set_key(key);
    r.set_value(value);
    ASSERT_TRUE(store_->Put(r).has_value());
  }
  void Delete(const std::string& key) {
    pb::DeleteRangeRequest r;
    r.set_key(key);
    ASSERT_TRUE(store_->DeleteRange(r).has_value());
  }
  void Create(const std::string& key, const std::string& end, int64_t start = 0,
              bool prev_kv = false, int64_t id = 0) {
    pb::WatchRequest r;
    auto* c = r.mutable_create_request();
    c->set_key(key);
    c->set_range_end(end);
    c->set_start_revision(start);
    c->set_prev_kv(prev_kv);
    c->set_watch_id(id);
    stream_->Send(r);
  }
  // Every response available now.
  std::vector<pb::WatchResponse> Drain() {
    std::vector<pb::WatchResponse> out;
    while (true) {
      Result<std::optional<pb::WatchResponse>> r = stream_->Next();
      EXPECT_TRUE(r.has_value()) << r.error();
      if (!r.has_value() || !r->has_value()) return out;
      out.push_back(std::move(**r));
    }
    return out;
  }
  // "PUT a=1@2" per event, in order, across responses.
  static std::vector<std::string> Events(const std::vector<pb::WatchResponse>& responses) {
    std::vector<std::string> out;
    for (const auto& r : responses) {
      for (const auto& ev : r.events()) {
        out.push_back(std::string(ev.type() == mvccpb::Event::PUT ? "PUT " : "DELETE ") +
                      ev.kv().key() + "=" + ev.kv().value() + "@" +
                      std::to_string(ev.kv().mod_revision()) +
                      (ev.has_prev_kv() ? " prev=" + ev.prev_kv().value() : ""));
      }
    }
    return out;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
  std::shared_ptr<KvWatch> stream_;
  int ready_calls_ = 0;
};

const std::string kAll("\0", 1);

TEST_F(WatchTest, CreatedThenLiveEventsInRange) {
  Create("a", "b");
  auto created = Drain();
  ASSERT_EQ(created.size(), 1u);
  EXPECT_TRUE(created[0].created());
  EXPECT_EQ(created[0].watch_id(), 0);
  EXPECT_EQ(created[0].header().revision(), 1);
  Put("a1", "x");
  Put("b", "out of range");
  Delete("a1");
  EXPECT_GE(ready_calls_, 2);
  EXPECT_EQ(Events(Drain()), (std::vector<std::string>{"PUT a1=x@2", "DELETE a1=@4"}));
}

TEST_F(WatchTest, StartRevisionReplaysHistoryWithPrevKv) {
  Put("k", "1");
  Put("k", "2");
  Put("other", "x");
  Create("k", "", /*start=*/2, /*prev_kv=*/true);
  Put("k", "3");  // arrives after the replay, in order
  EXPECT_EQ(Events(Drain()),
            (std::vector<std::string>{"PUT k=1@2", "PUT k=2@3 prev=1", "PUT k=3@5 prev=2"}));
}

TEST_F(WatchTest, CompactedStartIsCanceledWithTheCompactRevision) {
  Put("k", "1");
  Put("k", "2");
  pb::CompactionRequest compact;
  compact.set_revision(3);
  ASSERT_TRUE(store_->Compact(compact).has_value());
  Create("k", "", /*start=*/1);
  auto responses = Drain();
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_TRUE(responses[0].created());
  EXPECT_TRUE(responses[1].canceled());
  EXPECT_EQ(responses[1].compact_revision(), 3);
  EXPECT_EQ(responses[1].header().revision(), 0);  // as etcd 3.4 answers
  Put("k", "3");
  EXPECT_TRUE(Drain().empty());  // the watcher is gone
}

TEST_F(WatchTest, BadCreatesAreCanceledWithEtcdReasons) {
  Create("b", "a");
  Create("k", "", 0, false, 7);
  Create("k", "", 0, false, 7);
  auto responses = Drain();
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(responses[0].watch_id(), -1);
  EXPECT_TRUE(responses[0].canceled());
  EXPECT_EQ(responses[0].cancel_reason(), "mvcc: watcher range is empty");
  EXPECT_EQ(responses[1].watch_id(), 7);
  EXPECT_EQ(responses[2].cancel_reason(), "mvcc: duplicate watch ID provided on the WatchStream");
}

TEST_F(WatchTest, CancelStopsDeliveryAndProgressFollowsEarlierEvents) {
  Create("a", kAll);
  Create("z", "");
  Drain();
  Put("a", "1");
  pb::WatchRequest progress;
  progress.mutable_progress_request();
  stream_->Send(progress);
  auto responses = Drain();
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(Events({responses[0]}), (std::vector<std::string>{"PUT a=1@2"}));
  EXPECT_EQ(responses[1].watch_id(), -1);  // progress: everything up to revision 2 was sent
  EXPECT_EQ(responses[1].header().revision(), 2);
  EXPECT_EQ(responses[1].events_size(), 0);
  pb::WatchRequest cancel;
  cancel.mutable_cancel_request()->set_watch_id(0);
  stream_->Send(cancel);
  responses = Drain();
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_TRUE(responses[0].canceled());
  Put("a", "2");
  EXPECT_TRUE(Drain().empty());
}

TEST_F(WatchTest, FiltersDropPutsOrDeletes) {
  pb::WatchRequest r;
  r.mutable_create_request()->set_key("k");
  r.mutable_create_request()->add_filters(pb::WatchCreateRequest::NOPUT);
  stream_->Send(r);
  Drain();
  Put("k", "1");
  Delete("k");
  EXPECT_EQ(Events(Drain()), (std::vector<std::string>{"DELETE k=@3"}));
}

TEST_F(WatchTest, FragmentSplitsLargeResponses) {
  pb::TxnRequest txn;  // one revision, ten 1 KiB values: more than the 4 KiB limit
  for (int i = 0; i < 10; ++i) {
    auto* put = txn.add_success()->mutable_request_put();
    put->set_key("f" + std::to_string(i));
    put->set_value(std::string(1024, 'v'));
  }
  pb::WatchRequest r;
  r.mutable_create_request()->set_key("f");
  r.mutable_create_request()->set_range_end("g");
  r.mutable_create_request()->set_fragment(true);
  stream_->Send(r);
  Create("f", "g");  // the same range, unfragmented
  Drain();
  ASSERT_TRUE(store_->Txn(txn).has_value());
  auto responses = Drain();
  size_t fragmented_events = 0, pieces = 0;
  for (const auto& resp : responses) {
    if (resp.watch_id() == 0) {
      ++pieces;
      fragmented_events += resp.events_size();
      EXPECT_LE(resp.ByteSizeLong(), 4096u + 1100u);
      EXPECT_EQ(resp.fragment(), pieces < 4) << pieces;
    } else {
      EXPECT_EQ(resp.events_size(), 10);  // never split without asking
    }
  }
  EXPECT_EQ(fragmented_events, 10u);
  EXPECT_GE(pieces, 3u);
}

TEST_F(WatchTest, SlowConsumerCatchesUpFromDiskWithoutLosingEvents) {
  Create("s", "t");
  Drain();
  // Far more responses than the stream buffers, never drained while they happen.
  constexpr int kPuts = 1500;
  for (int i = 0; i < kPuts; ++i) Put("s", std::to_string(i));
  auto events = Events(Drain());
  ASSERT_EQ(events.size(), static_cast<size_t>(kPuts));
  for (int i = 0; i < kPuts; ++i) {
    EXPECT_EQ(events[i], "PUT s=" + std::to_string(i) + "@" + std::to_string(i + 2));
  }
}

}  // namespace
}  // namespace kref::store

namespace kref::store {
namespace {

TEST(WatchProgressTest, QuietWatchersThatAskGetPeriodicProgress) {
  testing::TempDir dir;
  StoreOptions options;
  options.data_dir = dir.path();
  options.sync = false;
  options.watch_progress_notify_interval = std::chrono::milliseconds(100);
  auto store = Store::Open(options);
  ASSERT_TRUE(store.has_value());
  std::mutex mu;
  std::condition_variable ready;
  auto stream = (*store)->Watch([&] { ready.notify_all(); });
  pb::WatchRequest create;
  create.mutable_create_request()->set_key("quiet");
  create.mutable_create_request()->set_progress_notify(true);
  stream->Send(create);
  pb::WatchRequest other;  // does not ask, so gets nothing
  other.mutable_create_request()->set_key("other");
  stream->Send(other);
  std::vector<pb::WatchResponse> progress;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (progress.size() < 2 && std::chrono::steady_clock::now() < deadline) {
    std::unique_lock lock(mu);
    ready.wait_for(lock, std::chrono::milliseconds(50));
    for (auto r = stream->Next(); r.has_value() && r->has_value(); r = stream->Next()) {
      if (!(*r)->created()) progress.push_back(**r);
    }
  }
  ASSERT_GE(progress.size(), 2u);
  for (const auto& r : progress) {
    EXPECT_EQ(r.watch_id(), 0);  // only the watcher that asked
    EXPECT_EQ(r.events_size(), 0);
    EXPECT_EQ(r.header().revision(), 1);
  }
  stream.reset();
  store->reset();  // stops the writer while `ready` still exists
}

}  // namespace
}  // namespace kref::store
