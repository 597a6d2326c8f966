#include "impl/client/rest_client.h"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <condition_variable>
#include <fstream>
#include <thread>

#include "impl/apiserver/errors.h"
#include "impl/client/api_server_fixture.h"
#include "impl/client/kubeconfig.h"

namespace kref::client {
namespace {

namespace json = boost::json;

class RestClientTest : public ApiServerFixture {};

const json::value kConfigMap = json::parse(
    R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm"},"data":{"a":"1"}})");

TEST_F(RestClientTest, CrudOverKeptAliveConnections) {
  auto created = client_->Post("/api/v1/namespaces/default/configmaps", kConfigMap);
  ASSERT_TRUE(created.has_value()) << created.error();
  auto got = client_->Get("/api/v1/namespaces/default/configmaps/cm");
  ASSERT_TRUE(got.has_value()) << got.error();
  EXPECT_EQ(got->at("data").at("a"), "1");
  auto patched = client_->Patch("/api/v1/namespaces/default/configmaps/cm", json::parse(R"({"data":{"a":"2"}})"));
  ASSERT_TRUE(patched.has_value()) << patched.error();
  json::value update = *patched;
  update.as_object()["data"].as_object()["b"] = "3";
  ASSERT_TRUE(client_->Put("/api/v1/namespaces/default/configmaps/cm", update).has_value());
  ASSERT_TRUE(client_->Delete("/api/v1/namespaces/default/configmaps/cm").has_value());
  // Many calls, from several threads at once.
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) ok += client_->Get("/api/v1/namespaces/default").has_value();
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 100);
}

TEST_F(RestClientTest, FailuresCarryTheServersStatus) {
  auto missing = client_->Get("/api/v1/namespaces/default/configmaps/none");
  ASSERT_FALSE(missing.has_value());
  EXPECT_TRUE(missing.error().IsNotFound());
  EXPECT_EQ(missing.error().message(), "configmaps \"none\" not found");
  EXPECT_EQ(missing.error().details()->reason, "NotFound");
  ASSERT_TRUE(client_->Post("/api/v1/namespaces/default/configmaps", kConfigMap).has_value());
  auto duplicate = client_->Post("/api/v1/namespaces/default/configmaps", kConfigMap);
  EXPECT_TRUE(duplicate.error().IsAlreadyExists());
  json::value stale = kConfigMap;
  stale.as_object()["metadata"].as_object()["resourceVersion"] = "1";
  EXPECT_TRUE(client_->Put("/api/v1/namespaces/default/configmaps/cm", stale).error().IsAborted());
  auto invalid = client_->Post("/api/v1/namespaces/default/configmaps",
                               json::parse(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad Name"}})"));
  EXPECT_TRUE(invalid.error().IsInvalidArgument());
  EXPECT_EQ(invalid.error().details()->reason, "Invalid");
  EXPECT_FALSE(invalid.error().details()->causes.empty());

  auto nowhere = RestClient::Create({.server = "http://127.0.0.1:1"}).value()->Get("/version");
  EXPECT_TRUE(nowhere.error().IsUnavailable());
  EXPECT_TRUE(RestClient::Create({.server = "https://x:1"}).error().IsInvalidArgument());
}

TEST_F(RestClientTest, WatchStreamsEventsUntilTheCallerStops) {
  ASSERT_TRUE(client_->Post("/api/v1/namespaces/default/configmaps", kConfigMap).has_value());
  std::vector<std::string> seen;
  std::thread writer;
  Status watched = client_->Watch("/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=10",
                                  [&](json::value event) {
                                    seen.push_back(std::string(event.at("type").as_string()));
                                    if (seen.size() == 1) {  // the initial ADDED: now change it
                                      writer = std::thread([&] {
                                        EXPECT_TRUE(client_->Delete("/api/v1/namespaces/default/configmaps/cm").has_value());
                                      });
                                    }
                                    return seen.size() < 2;
                                  });
  writer.join();
  EXPECT_TRUE(watched.ok()) << watched;
  EXPECT_EQ(seen, (std::vector<std::string>{"ADDED", "DELETED"}));
  Status refused = client_->Watch("/api/v1/namespaces/default/configmaps?watch=true&resourceVersionMatch=Exact",
                                  [](json::value) { return true; });
  EXPECT_TRUE(refused.IsInvalidArgument()) << refused;
}

// The HTTP server's in-flight limit, as kref apiserver sets it: a request beyond it is answered
// 429 with Retry-After at once, and taken again once the handlers are free.
TEST(HttpServerTest, RequestsBeyondTheInFlightLimitGet429) {
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  int entered = 0;
  apiserver::HttpServerOptions options;
  options.handler_threads = 2;
  options.max_in_flight = 1;
  options.overloaded = apiserver::ErrorResponse(apiserver::TooManyRequests());
  auto server = apiserver::HttpServer::Start(options, [&](const apiserver::HttpRequest&) {
    std::unique_lock lock(mu);
    ++entered;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
    apiserver::HttpResponse ok;
    ok.body = "{}";
    return ok;
  });
  ASSERT_TRUE(server.has_value()) << server.error();
  std::string url = "http://127.0.0.1:" + std::to_string((*server)->port());
  auto client = RestClient::Create({.server = url}).value();
  std::thread first([&] { EXPECT_TRUE(client->Get("/a").has_value()); });
  {
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return entered == 1; }));
  }
  auto refused = client->Do("GET", "/b");
  ASSERT_TRUE(refused.has_value()) << refused.error();
  EXPECT_EQ(refused->status, 429);
  bool retry_after = std::any_of(refused->headers.begin(), refused->headers.end(), [](const auto& h) {
    return h.first == "Retry-After" && h.second == "1";
  });
  EXPECT_TRUE(retry_after);
  Status status = StatusFromResponse(*refused);
  EXPECT_EQ(status.message(), "Too many requests, please try again later.");
  EXPECT_EQ(status.details()->reason, "TooManyRequests");
  {
    std::lock_guard lock(mu);
    release = true;
    cv.notify_all();
  }
  first.join();
  EXPECT_TRUE(client->Get("/c").has_value());
}

// A server that takes the connection and never answers: the call fails at its timeout (it waited
// forever when the timeout was only SO_RCVTIMEO, which asio's synchronous reads ignore).
TEST(RestClientTimeoutTest, AServerThatNeverAnswersTimesOut) {
  int silent = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(::listen(silent, 4), 0);
  socklen_t length = sizeof address;
  ::getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length);
  auto client = RestClient::Create({.server = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)),
                                    .timeout = std::chrono::milliseconds(200)})
                    .value();
  auto start = std::chrono::steady_clock::now();
  auto answer = client->Get("/version");
  ASSERT_FALSE(answer.has_value());
  EXPECT_TRUE(answer.error().IsUnavailable()) << answer.error();
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(200));
  ::close(silent);
}

TEST(KubeconfigTest, ReadsTheCurrentContextsServerAndNamespace) {
  testing::TempDir dir;
  std::string path = dir.path() + "/config";
  std::ofstream(path) << "apiVersion: v1\nkind: Config\ncurrent-context: b\n"
                         "clusters:\n- name: one\n  cluster: {server: 'http://127.0.0.1:1'}\n"
                         "- name: two\n  cluster: {server: 'http://127.0.0.1:2'}\n"
                         "contexts:\n- name: a\n  context: {cluster: one}\n"
                         "- name: b\n  context: {cluster: two, namespace: team}\n"
                         "- name: c\n  context: {cluster: three}\n";
  auto current = LoadKubeconfig(path);
  ASSERT_TRUE(current.has_value()) << current.error();
  EXPECT_EQ(current->server, "http://127.0.0.1:2");
  EXPECT_EQ(current->namespace_, "team");
  EXPECT_EQ(LoadKubeconfig(path, "a")->namespace_, "default");
  EXPECT_EQ(LoadKubeconfig(path, "c").error().message(), "kubeconfig " + path + ": cluster \"three\" does not exist");
  EXPECT_TRUE(LoadKubeconfig(path, "zz").error().IsNotFound());
  EXPECT_TRUE(LoadKubeconfig(dir.path() + "/none").error().IsNotFound());
  std::ofstream(dir.path() + "/bad") << "a: [";
  EXPECT_TRUE(LoadKubeconfig(dir.path() + "/bad").error().IsInvalidArgument());
}

}  // namespace
}  // namespace kref::client
