// Test fixture of the client tests: a real API server on the embedded store, served over HTTP on
// a free loopback port, and a RestClient for it. The server can be stopped and started again
// on the same port (to break watches) and the store compacted (to expire versions; the watch
// cache keeps only kWatchCacheHistory events, so a version more writes back reads the store).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "impl/apiserver/apiserver.h"
#include "impl/apiserver/http_server.h"
#include "impl/client/rest_client.h"
#include "impl/store/store.h"
#include "impl/testing/temp_dir.h"

namespace kref::client {

class ApiServerFixture : public ::testing::Test {
 protected:
  // Events the watch cache keeps per resource: small, so that tests can outrun it and reach the
  // store's compaction (410) with a few writes.
  static constexpr size_t kWatchCacheHistory = 20;

  void SetUp() override {
    store::StoreOptions options;
    options.data_dir = dir_.path() + "/store";
    options.sync = false;
    store_ = std::move(store::Store::Open(options).value());
    apiserver::ApiServerOptions api_options;
    api_options.watch_cache_history = kWatchCacheHistory;
    api_ = std::make_unique<apiserver::ApiServer>(*store_, api::Registry::Default(), api_options);
    StartHttp(0);
    ASSERT_TRUE(api_->Bootstrap("127.0.0.1", port_).ok());
    server_ = "http://127.0.0.1:" + std::to_string(port_);
    client_ = std::move(RestClient::Create({.server = server_}).value());
  }
  void TearDown() override {
    client_.reset();
    http_.reset();
    api_.reset();
    store_.reset();
  }

  // Serves on `port` (0: any free one).
  void StartHttp(uint16_t port) {
    apiserver::HttpServerOptions options;
    options.port = port;
    options.handler_threads = 8;  // as `kref apiserver` runs it: handlers off the socket threads
    http_ = std::move(apiserver::HttpServer::Start(options, [this](const apiserver::HttpRequest& r) {
                        return api_->Handle(r);
                      }).value());
    port_ = http_->port();
  }
  // Closes every connection (open watches end) and stops listening.
  void StopHttp() { http_.reset(); }

  // Compacts the store at its current revision: older resourceVersions are gone (410).
  void CompactStore() {
    auto range = store_->Range([] {
      store::pb::RangeRequest request;
      request.set_key("/");
      return request;
    }());
    ASSERT_TRUE(range.has_value());
    store::pb::CompactionRequest compaction;
    compaction.set_revision(range->header().revision());
    ASSERT_TRUE(store_->Compact(compaction).has_value());
  }

  // A request handled in process, without HTTP.
  apiserver::HttpResponse Call(std::string method, std::string path, std::string body = "",
                               std::string content_type = "application/json") {
    apiserver::HttpRequest request;
    request.method = std::move(method);
    request.path = std::move(path);
    request.body = std::move(body);
    request.headers.emplace_back("content-type", std::move(content_type));
    return api_->Handle(request);
  }

  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<apiserver::ApiServer> api_;
  std::unique_ptr<apiserver::HttpServer> http_;
  uint16_t port_ = 0;
  std::string server_;
  std::unique_ptr<RestClient> client_;
};

}  // namespace kref::client
