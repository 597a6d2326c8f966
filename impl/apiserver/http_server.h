// A small HTTP/1.1 server (Boost.Beast): persistent connections, one request at a time per
// connection, bodies read whole up to a limit, responses whole or streamed in chunks. Beast and Asio stay inside http_server.cc, which
// is the only translation unit that pays for them.
//
// Thread safety: the handler runs on the server's threads, several at once; Start and the
// destructor are not thread-safe with each other.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
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

// A body produced over time (a watch), sent with chunked transfer encoding. The server calls
// Start once, then Next on its own thread whenever `ready` has been called since, and Cancel
// when the client goes away, the stream's timeout passes or the server stops.
class BodyStream {
 public:
  virtual ~BodyStream() = default;
  // `ready` may be called from any thread, any number of times, until Cancel returns.
  virtual void Start(std::function<void()> ready) = 0;
  // The next piece of the body: "" when there is nothing now (wait for `ready`), nullopt when
  // the body is complete.
  virtual std::optional<std::string> Next() = 0;
  // Stops producing; after it returns, `ready` is not called again.
  virtual void Cancel() = 0;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the body is this stream (`body` is ignored), ended after `stream_timeout` if it
  // has not ended before (0: no timeout).
  std::shared_ptr<BodyStream> stream;
  std::chrono::milliseconds stream_timeout{0};
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  uint16_t port = 0;  // 0: any free port (see port())
  int threads = 2;    // for the sockets and streamed bodies
  // Threads the handler runs on: 0 runs it on the socket threads. A handler that waits (for the
  // store) holds its thread, so this many requests are handled at once; streams and sockets
  // stay on the few socket threads.
  int handler_threads = 0;
  // With handler threads: requests waiting or being handled at once; beyond it a request gets
  // `overloaded` at once (0: no limit). Streams do not count once their handler has answered.
  int max_in_flight = 0;
  HttpResponse overloaded;
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
