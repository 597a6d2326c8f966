// The REST client every kref component talks to the API server with (client-go's rest.Client):
// HTTP/1.1 with keep-alive connections reused across calls, JSON bodies, and failed calls
// turned into kref::Status from the server's metav1.Status (its code, reason, message and
// causes), so callers can tell NotFound from Conflict as client-go's errors.Is* do.
//
// Plain http:// servers only for now (TLS comes with authentication). Beast stays inside
// rest_client.cc.
//
// Thread safety: thread-safe; concurrent calls use separate connections from a pool.
#pragma once

#include <boost/json/value.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <stop_token>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "impl/common/result.h"

namespace kref::client {

struct RestClientOptions {
  std::string server;  // "http://127.0.0.1:6443"
  std::chrono::milliseconds timeout{30000};  // per request, for the answer (a watch: none)
  std::string user_agent = "kref";
};

struct RestResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

class RestClient {
 public:
  // InvalidArgument for a server that is not http://host:port.
  static Result<std::unique_ptr<RestClient>> Create(RestClientOptions options);
  ~RestClient();

  // One request. Unavailable when the server cannot be reached or the connection breaks.
  Result<RestResponse> Do(std::string_view method, std::string_view target,
                          std::string_view body = "",
                          std::string_view content_type = "application/json");

  // JSON calls: the answer's body parsed, or the Status the server answered with.
  Result<boost::json::value> Get(std::string_view target);
  Result<boost::json::value> Post(std::string_view target, const boost::json::value& body);
  Result<boost::json::value> Put(std::string_view target, const boost::json::value& body);
  // `patch_type`: "application/merge-patch+json", "application/json-patch+json" or
  // "application/strategic-merge-patch+json".
  Result<boost::json::value> Patch(std::string_view target, const boost::json::value& patch,
                                   std::string_view patch_type = "application/merge-patch+json");
  Result<boost::json::value> Delete(std::string_view target);

  // Streams a watch (`target` with watch=true): calls `on_event` with each event object
  // ({"type":..., "object":...}) until it returns false (then OK), `stop` is requested (OK, even
  // while waiting for the next event), the server ends the stream (OK), or the connection fails
  // (Unavailable). A non-200 answer is its Status.
  Status Watch(std::string_view target, const std::function<bool(boost::json::value event)>& on_event,
               std::stop_token stop = {});

 private:
  struct Impl;
  explicit RestClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The kref::Status for a failed answer (status >= 300), read from its metav1.Status body when
// it has one: HTTP 404 -> NotFound, 409 AlreadyExists -> AlreadyExists, 409 Conflict ->
// Aborted, 400/422 -> InvalidArgument, 410 -> OutOfRange, ...; details keep the reason and
// causes.
Status StatusFromResponse(const RestResponse& response);

}  // namespace kref::client
