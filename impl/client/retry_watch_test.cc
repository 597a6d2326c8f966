// Retry watches against a real API server: events continue across a server restart without
// loss or repetition, the caller can stop, and a version compacted away ends the watch with 410.
#include "impl/client/retry_watch.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <condition_variable>
#include <thread>

#include "impl/client/api_server_fixture.h"

namespace kref::client {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

class RetryWatchTest : public ApiServerFixture {
 protected:
  std::string Create(const std::string& name) {
    apiserver::HttpResponse r = Call("POST", "/api/v1/namespaces/default/configmaps",
                                     R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":")" + name + R"("}})");
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(json::parse(r.body).at("metadata").at("resourceVersion").as_string());
  }
};

TEST_F(RetryWatchTest, ResumesAcrossAServerRestartWithoutLossOrRepeats) {
  std::string from = Create("before");
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::string> seen;
  auto wait_for = [&](size_t count) {
    std::unique_lock lock(mu);
    return cv.wait_for(lock, 20s, [&] { return seen.size() >= count; });
  };
  std::stop_source stop;
  Status result;
  std::thread watcher([&] {
    result = RetryWatch(*client_, "/api/v1/namespaces/default/configmaps", from,
                        [&](const json::value& event) {
                          std::lock_guard lock(mu);
                          seen.push_back(std::string(event.at("type").as_string()) + " " +
                                         std::string(event.at("object").at("metadata").at("name").as_string()));
                          cv.notify_all();
                          return true;
                        },
                        stop.get_token());
  });
  Create("a");
  ASSERT_TRUE(wait_for(1));
  // The server goes away; changes made meanwhile arrive once it is back.
  StopHttp();
  Create("b");
  ASSERT_EQ(Call("DELETE", "/api/v1/namespaces/default/configmaps/a").status, 200);
  StartHttp(port_);
  ASSERT_TRUE(wait_for(3));
  Create("c");
  ASSERT_TRUE(wait_for(4));
  stop.request_stop();
  watcher.join();
  EXPECT_TRUE(result.ok()) << result;
  EXPECT_EQ(seen, (std::vector<std::string>{"ADDED a", "ADDED b", "DELETED a", "ADDED c"}));
}

TEST_F(RetryWatchTest, EndsWith410WhenTheVersionIsGoneAndWhenTheCallerSaysSo) {
  std::string from = Create("x");
  Create("y");
  int calls = 0;
  Status stopped = RetryWatch(*client_, "/api/v1/namespaces/default/configmaps", from,
                              [&](const json::value&) { return ++calls < 1; }, {});
  EXPECT_TRUE(stopped.ok()) << stopped;
  EXPECT_EQ(calls, 1);
  // More writes than the watch cache keeps, then a compaction: the version is gone everywhere.
  for (size_t i = 0; i <= kWatchCacheHistory; ++i) Create("filler" + std::to_string(i));
  CompactStore();
  Status gone = RetryWatch(*client_, "/api/v1/namespaces/default/configmaps", from,
                           [](const json::value&) { return true; }, {});
  EXPECT_EQ(gone.code(), StatusCode::kOutOfRange) << gone;
  EXPECT_TRUE(RetryWatch(*client_, "/api/v1/configmaps", "0", [](const json::value&) { return true; }, {})
                  .IsInvalidArgument());
}

}  // namespace
}  // namespace kref::client
