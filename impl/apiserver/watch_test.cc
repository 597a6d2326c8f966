// Watches through the API server: the current objects then changes, exact resume, selection,
// 410 for compacted versions, and sendInitialEvents with its closing bookmark.
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>

#include "impl/apiserver/apiserver_test_fixture.h"

namespace kref::apiserver {
namespace {

// Reads a watch body until it holds `lines` lines or ends, waiting for its ready signal (with a
// deadline) when it has nothing.
class WatchReader {
 public:
  explicit WatchReader(std::shared_ptr<BodyStream> stream) : stream_(std::move(stream)) {
    stream_->Start([this] {
      std::lock_guard lock(mu_);
      ++ready_;
      cv_.notify_all();
    });
  }
  ~WatchReader() { stream_->Cancel(); }

  // The next `count` lines (fewer if the body ends or 10 s pass), each parsed.
  std::vector<json::object> Take(size_t count) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (lines_.size() < count && !ended_) {
      int before;
      {
        std::lock_guard lock(mu_);
        before = ready_;
      }
      std::optional<std::string> chunk = stream_->Next();
      if (!chunk) {
        ended_ = true;
        break;
      }
      buffer_ += *chunk;
      for (size_t nl; (nl = buffer_.find('\n')) != std::string::npos; buffer_.erase(0, nl + 1)) {
        lines_.push_back(json::parse(buffer_.substr(0, nl)).as_object());
      }
      if (!chunk->empty()) continue;
      std::unique_lock lock(mu_);
      if (!cv_.wait_until(lock, deadline, [&] { return ready_ != before; })) break;
    }
    std::vector<json::object> out(lines_.begin(), lines_.begin() + std::min(count, lines_.size()));
    lines_.erase(lines_.begin(), lines_.begin() + static_cast<ptrdiff_t>(out.size()));
    return out;
  }
  bool ended() const { return ended_; }

 private:
  std::shared_ptr<BodyStream> stream_;
  std::mutex mu_;
  std::condition_variable cv_;
  int ready_ = 0;
  std::string buffer_;
  std::vector<json::object> lines_;
  bool ended_ = false;
};

std::string TypeAndName(const json::object& event) {
  return std::string(event.at("type").as_string()) + " " +
         std::string(event.at("object").at("metadata").at("name").as_string());
}

TEST_F(ApiServerTest, WatchSendsCurrentObjectsThenChanges) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 201);
  HttpResponse r = Call("GET", "/api/v1/namespaces/default/configmaps?watch=true");
  ASSERT_EQ(r.status, 200);
  ASSERT_NE(r.stream, nullptr);
  EXPECT_EQ(r.stream_timeout, std::chrono::seconds(1800));
  WatchReader watch(r.stream);
  auto initial = watch.Take(1);
  ASSERT_EQ(initial.size(), 1u);
  EXPECT_EQ(TypeAndName(initial[0]), "ADDED cm");

  HttpResponse got = Call("GET", "/api/v1/namespaces/default/configmaps/cm");
  json::object cm = Json(got);
  cm["data"].as_object()["a"] = "2";
  ASSERT_EQ(Call("PUT", "/api/v1/namespaces/default/configmaps/cm", json::serialize(cm)).status, 200);
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/kube-system/configmaps", kConfigMap).status, 201);  // elsewhere
  ASSERT_EQ(Call("DELETE", "/api/v1/namespaces/default/configmaps/cm").status, 200);
  auto changes = watch.Take(2);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(TypeAndName(changes[0]), "MODIFIED cm");
  EXPECT_EQ(Str(changes[0]["object"].at("data").at("a")), "2");
  EXPECT_EQ(TypeAndName(changes[1]), "DELETED cm");
}

TEST_F(ApiServerTest, WatchFromAResourceVersionResumesExactly) {
  HttpResponse first = Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap);
  std::string rv = Str(Json(first)["metadata"].at("resourceVersion"));
  std::string second = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"two"}})";
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", second).status, 201);
  HttpResponse r = Call("GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=" + rv);
  ASSERT_NE(r.stream, nullptr);
  WatchReader watch(r.stream);
  auto events = watch.Take(1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(TypeAndName(events[0]), "ADDED two");  // only what came after rv
}

TEST_F(ApiServerTest, WatchFiltersByLabelAndName) {
  HttpResponse r = Call("GET", "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1"
                               "&labelSelector=app%3Dweb&fieldSelector=metadata.name%3Dcm");
  ASSERT_NE(r.stream, nullptr);
  WatchReader watch(r.stream);
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps",
                 R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other","labels":{"app":"web"}}})").status, 201);
  HttpResponse created = Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap);
  // Relabelled out of the selection: DELETED; deleted afterwards: nothing more.
  json::object cm = Json(created);
  cm["metadata"].as_object()["labels"] = json::object{{"app", "db"}};
  ASSERT_EQ(Call("PUT", "/api/v1/namespaces/default/configmaps/cm", json::serialize(cm)).status, 200);
  ASSERT_EQ(Call("DELETE", "/api/v1/namespaces/default/configmaps/cm").status, 200);
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 201);
  auto events = watch.Take(3);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(TypeAndName(events[0]), "ADDED cm");
  EXPECT_EQ(TypeAndName(events[1]), "DELETED cm");
  EXPECT_EQ(TypeAndName(events[2]), "ADDED cm");
  EXPECT_EQ(Call("GET", "/api/v1/configmaps?watch=1&fieldSelector=spec.x%3D1").status, 400);
}

TEST_F(ApiServerTest, WatchFromACompactedVersionEndsWith410) {
  HttpResponse first = Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap);
  std::string rv = Str(Json(first)["metadata"].at("resourceVersion"));
  ASSERT_EQ(Call("DELETE", "/api/v1/namespaces/default/configmaps/cm").status, 200);
  store::pb::CompactionRequest compact;
  compact.set_revision(store_->CurrentRevision());
  ASSERT_TRUE(store_->Compact(compact).has_value());
  HttpResponse r = Call("GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1");
  ASSERT_NE(r.stream, nullptr);
  WatchReader watch(r.stream);
  auto events = watch.Take(1);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(Str(events[0]["type"]), "ERROR");
  EXPECT_EQ(events[0]["object"].at("code").as_int64(), 410);
  EXPECT_EQ(Str(events[0]["object"].at("reason")), "Expired");
  EXPECT_EQ(Str(events[0]["object"].at("message")),
            "too old resource version: 1 (" + std::to_string(store_->CurrentRevision()) + ")");
  EXPECT_TRUE(watch.Take(1).empty());
  EXPECT_TRUE(watch.ended());
  EXPECT_EQ(Call("GET", "/api/v1/configmaps?watch=1&resourceVersion=abc").status, 400);
}

TEST_F(ApiServerTest, SendInitialEventsEndsWithABookmark) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 201);
  HttpResponse r = Call("GET", "/api/v1/namespaces/default/configmaps?watch=1&sendInitialEvents=true"
                               "&allowWatchBookmarks=true&resourceVersionMatch=NotOlderThan");
  ASSERT_EQ(r.status, 200) << r.body;
  WatchReader watch(r.stream);
  auto events = watch.Take(2);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(TypeAndName(events[0]), "ADDED cm");
  EXPECT_EQ(Str(events[1]["type"]), "BOOKMARK");
  EXPECT_EQ(Str(events[1]["object"].at("kind")), "ConfigMap");
  EXPECT_EQ(Str(events[1]["object"].at("metadata").at("annotations").at("k8s.io/initial-events-end")), "true");
  std::string list_rv = Str(events[1]["object"].at("metadata").at("resourceVersion"));
  EXPECT_EQ(list_rv, std::to_string(store_->CurrentRevision()));
  // Then periodic bookmarks (from the store's progress notifications) and changes.
  auto later = watch.Take(1);
  ASSERT_EQ(later.size(), 1u);
  EXPECT_EQ(Str(later[0]["type"]), "BOOKMARK");
  EXPECT_FALSE(later[0]["object"].at("metadata").as_object().contains("annotations"));

  HttpResponse no_match = Call("GET", "/api/v1/configmaps?watch=1&sendInitialEvents=true&allowWatchBookmarks=true");
  EXPECT_EQ(no_match.status, 422);
  EXPECT_EQ(Str(Json(no_match)["message"]),
            "ListOptions.meta.k8s.io \"\" is invalid: resourceVersionMatch: Forbidden: "
            "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan");
  EXPECT_EQ(Call("GET", "/api/v1/configmaps?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan").status, 422);
  EXPECT_EQ(Call("GET", "/api/v1/configmaps?watch=1&resourceVersionMatch=Exact").status, 422);
}

// The count of the store's list calls for configmaps, from /metrics.
int64_t StoreLists(ApiServer& server) {
  HttpRequest request;
  request.method = "GET";
  request.path = "/metrics";
  std::string text = server.Handle(request).body;
  std::string_view key = "etcd_request_duration_seconds_count{operation=\"list\",type=\"configmaps\"} ";
  size_t at = text.find(key);
  return at == std::string::npos ? 0 : std::stoll(text.substr(at + key.size()));
}

TEST_F(ApiServerTest, WatchCacheServesWholeListsConsistently) {
  int64_t lists = StoreLists(*server_);
  // Each list right after a write sees it: the cache catches up with the store's revision first.
  for (int i = 0; i < 20; ++i) {
    std::string name = "cm" + std::to_string(i);
    ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps",
                   R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":")" + name + R"("}})").status, 201);
    json::object list = Json(Call("GET", "/api/v1/namespaces/default/configmaps"));
    ASSERT_EQ(list["items"].as_array().size(), static_cast<size_t>(i + 1));
    const json::array& items = list["items"].as_array();
    EXPECT_TRUE(std::any_of(items.begin(), items.end(), [&](const json::value& item) {
      return Str(item.at("metadata").at("name")) == name;
    }));
  }
  json::object deleted = Json(Call("DELETE", "/api/v1/namespaces/default/configmaps/cm3"));
  json::object list = Json(Call("GET", "/api/v1/configmaps?labelSelector=none%21%3Dx"));
  EXPECT_EQ(list["items"].as_array().size(), 19u);
  EXPECT_GE(std::stoll(Str(list["metadata"].at("resourceVersion"))), std::stoll(Str(deleted["metadata"].at("resourceVersion"))));
  // resourceVersion=0 takes what the cache has; a page (limit) and an exact version read the store.
  EXPECT_EQ(Json(Call("GET", "/api/v1/configmaps?resourceVersion=0"))["items"].as_array().size(), 19u);
  EXPECT_EQ(StoreLists(*server_), lists);
  EXPECT_EQ(Json(Call("GET", "/api/v1/configmaps?limit=5"))["items"].as_array().size(), 5u);
  EXPECT_EQ(StoreLists(*server_), lists + 1);
}

TEST_F(ApiServerTest, AStoredObjectTheCacheCannotReadTurnsOnlyItsResourceToTheStore) {
  // Something not kref wrote garbage under the configmaps; a server starting on this store still
  // starts, serves configmaps from the store (failing only what touches the bad object) and the
  // other resources from its cache.
  store::pb::PutRequest put;
  put.set_key("/registry/configmaps/default/bad");
  put.set_value("not json");
  ASSERT_TRUE(store_->Put(put).has_value());
  ApiServer second(*store_, api::Registry::Default(), ApiServerOptions{.clock = &clock_, .seed = 3});
  ASSERT_TRUE(second.Bootstrap().ok());
  HttpRequest request;
  request.method = "GET";
  request.path = "/api/v1/namespaces/default/configmaps";
  EXPECT_EQ(second.Handle(request).status, 500);
  request.path = "/api/v1/namespaces";
  HttpResponse namespaces = second.Handle(request);
  EXPECT_EQ(namespaces.status, 200);
  EXPECT_EQ(Json(namespaces)["items"].as_array().size(), 4u);
}

TEST_F(ApiServerTest, AListAtAVersionTheStoreHasNotReachedIs504) {
  int64_t current = store_->CurrentRevision();
  HttpResponse r = Call("GET", "/api/v1/configmaps?resourceVersion=" + std::to_string(current + 1000));
  EXPECT_EQ(r.status, 504);
  json::object status = Json(r);
  EXPECT_EQ(Str(status["reason"]), "Timeout");
  EXPECT_EQ(Str(status["message"]), "Timeout: Too large resource version: " + std::to_string(current + 1000) +
                                        ", current: " + std::to_string(current));
  EXPECT_EQ(Str(status["details"].at("causes").at(0).at("reason")), "ResourceVersionTooLarge");
  EXPECT_EQ(status["details"].at("retryAfterSeconds"), 1);
}

TEST_F(ApiServerTest, WatchCacheFallsBackToTheStoreForOlderVersionsAndExpiresSlowWatchers) {
  // A second server on the same store keeps only 3 events per resource.
  ApiServerOptions options{.clock = &clock_, .seed = 2};
  options.watch_cache_history = 3;
  ApiServer small(*store_, api::Registry::Default(), options);
  ASSERT_TRUE(small.Bootstrap().ok());
  auto call = [&](std::string method, std::string target, std::string body = "") {
    HttpRequest request;
    request.method = std::move(method);
    size_t q = target.find('?');
    request.path = target.substr(0, q);
    if (q != std::string::npos) request.query = target.substr(q + 1);
    request.headers.emplace_back("content-type", "application/json");
    request.body = std::move(body);
    return small.Handle(request);
  };
  std::string first_rv;
  for (int i = 0; i < 6; ++i) {
    HttpResponse created = call("POST", "/api/v1/namespaces/default/configmaps",
                                R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c)" + std::to_string(i) + R"("}})");
    ASSERT_EQ(created.status, 201);
    if (i == 0) first_rv = Str(Json(created)["metadata"].at("resourceVersion"));
  }
  // Older than the cache's history (once the cache has caught up: a consistent list waits for
  // it): replayed from the store, exactly.
  ASSERT_EQ(Json(call("GET", "/api/v1/namespaces/default/configmaps"))["items"].as_array().size(), 6u);
  HttpResponse old = call("GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=" + first_rv);
  ASSERT_NE(old.stream, nullptr);
  WatchReader replay(old.stream);
  auto events = replay.Take(5);
  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(TypeAndName(events[0]), "ADDED c1");
  EXPECT_EQ(TypeAndName(events[4]), "ADDED c5");
  // A watcher from the cache that falls further behind than the history holds gets 410.
  HttpResponse r = call("GET", "/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=0");
  ASSERT_NE(r.stream, nullptr);
  WatchReader slow(r.stream);
  auto initial = slow.Take(6);
  ASSERT_EQ(initial.size(), 6u);
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(call("DELETE", "/api/v1/namespaces/default/configmaps/c" + std::to_string(i)).status, 200);
  }
  // Wait until the cache has them all, then read: the first are gone from its history.
  ASSERT_EQ(Json(call("GET", "/api/v1/namespaces/default/configmaps"))["items"].as_array().size(), 1u);
  auto late = slow.Take(1);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(Str(late[0]["type"]), "ERROR");
  EXPECT_EQ(late[0]["object"].at("code"), 410);
  EXPECT_EQ(Str(late[0]["object"].at("reason")), "Expired");
  EXPECT_TRUE(slow.Take(1).empty() && slow.ended());
}

}  // namespace
}  // namespace kref::apiserver
