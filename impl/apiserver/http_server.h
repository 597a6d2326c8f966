// A small HTTP/1.1 server (Boost.Beast): persistent connections, one request at a time per
// connection, bodies read whole up to a limit. Beast and Asio stay inside http_server.cc, which
// is the only translation unit that pays for them.
//
// Thread safety: the handler runs on the server's threads, several at once; Start and the
// destructor are not thread-safe with each other.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "impl/common/result.h"

namespace kref::apiserver {

struct HttpRequest {
  std::string method;  // "GET"
  std::string path;    // "/api/v1/namespaces/default/pods", as sent (not percent-decoded)
  std::string query;   // "limit=500&watch=true", without the '?'
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  bool body_too_large = false;  // the body passed the limit and was dropped

  // The first header called `name` (lower case), or "".
  std::string_view Header(std::string_view name) const;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 0;  // 0: any free port (see port())
  int threads = 2;
  size_t max_body_bytes = 3 * 1024 * 1024;
};

class HttpServer {
 public:
  // Listens and serves until destroyed. Unavailable when the address cannot be bound.
  static Result<std::unique_ptr<HttpServer>> Start(HttpServerOptions options, HttpHandler handler);
  // Stops accepting, closes every connection and waits for the threads.
  ~HttpServer();

  uint16_t port() const;

 private:
  struct Impl;
  explicit HttpServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace kref::apiserver
