// The fixture of the API server's unit tests: an ApiServer over the embedded store, on a fake
// clock, called in process (no HTTP).
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>

#include "impl/apiserver/apiserver.h"
#include "impl/store/store.h"
#include "impl/testing/temp_dir.h"

namespace kref::apiserver {

namespace json = boost::json;

class ApiServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::StoreOptions options;
    options.data_dir = dir_.path();
    options.sync = false;
    options.watch_progress_notify_interval = std::chrono::milliseconds(100);  // bookmarks soon
    auto store = store::Store::Open(options);
    ASSERT_TRUE(store.has_value()) << store.error();
    store_ = std::move(*store);
    server_ = std::make_unique<ApiServer>(*store_, api::Registry::Default(),
                                          ApiServerOptions{.clock = &clock_, .seed = 1});
    ASSERT_TRUE(server_->Bootstrap().ok());
  }

  HttpResponse Call(std::string method, std::string target, std::string body = "",
                    std::string content_type = "application/json") {
    HttpRequest request;
    request.method = std::move(method);
    size_t q = target.find('?');
    request.path = target.substr(0, q);
    if (q != std::string::npos) request.query = target.substr(q + 1);
    request.headers.emplace_back("content-type", std::move(content_type));
    request.body = std::move(body);
    return server_->Handle(request);
  }
  static json::object Json(const HttpResponse& response) {
    return json::parse(response.body).as_object();
  }
  static std::string Str(const json::value& v) { return std::string(v.as_string()); }

  testing::TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<ApiServer> server_;
};

constexpr char kConfigMap[] =
    R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm","labels":{"app":"web"}},"data":{"a":"1"}})";

}  // namespace kref::apiserver
