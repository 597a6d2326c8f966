#include "impl/client/rest_client.h"

#include <poll.h>
#include <sys/socket.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <mutex>

namespace kref::client {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using tcp = asio::ip::tcp;

namespace {

// One kept-alive connection.
struct Connection {
  explicit Connection(asio::io_context& io) : socket(io) {}
  tcp::socket socket;
  beast::flat_buffer buffer;
};

// Reads one response into `parser` by `deadline`. (asio's synchronous reads wait in poll()
// without a limit whatever SO_RCVTIMEO says, so the wait is done here, before each read.)
beast::error_code ReadResponse(Connection& connection, http::response_parser<http::string_body>& parser,
                               std::chrono::steady_clock::time_point deadline) {
  beast::error_code ec;
  while (true) {
    if (connection.buffer.size() > 0) {
      size_t used = parser.put(connection.buffer.data(), ec);
      connection.buffer.consume(used);
      if (ec == http::error::need_more) {
        ec = {};
      } else if (ec) {
        return ec;
      }
      if (parser.is_done()) return ec;
      if (used > 0) continue;
    }
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    pollfd ready{.fd = connection.socket.native_handle(), .events = POLLIN, .revents = 0};
    int polled = ::poll(&ready, 1, static_cast<int>(std::max<int64_t>(left.count(), 0)));
    if (polled == 0) return asio::error::timed_out;
    if (polled < 0) return beast::error_code(errno, boost::system::system_category());
    size_t got = connection.socket.read_some(connection.buffer.prepare(64 * 1024), ec);
    connection.buffer.commit(got);
    if (ec == asio::error::eof) {
      // Closed before any answer (a kept-alive connection the server dropped): end_of_stream,
      // which the caller retries once. put_eof is for an answer that ends with the connection.
      if (!parser.got_some()) return http::error::end_of_stream;
      parser.put_eof(ec);
      return ec ? ec : (parser.is_done() ? beast::error_code() : http::error::end_of_stream);
    }
    if (ec) return ec;
  }
}

StatusCode CodeFor(int http_status, std::string_view reason) {
  if (reason == "AlreadyExists") return StatusCode::kAlreadyExists;
  if (reason == "Conflict") return StatusCode::kAborted;
  switch (http_status) {
    case 400:
    case 422: return StatusCode::kInvalidArgument;
    case 401: return StatusCode::kUnauthenticated;
    case 403: return StatusCode::kPermissionDenied;
    case 404: return StatusCode::kNotFound;
    case 405: return StatusCode::kUnimplemented;
    case 409: return StatusCode::kAborted;
    case 410: return StatusCode::kOutOfRange;
    case 413:
    case 429: return StatusCode::kResourceExhausted;
    case 503: return StatusCode::kUnavailable;
    case 504: return StatusCode::kDeadlineExceeded;
    default: return StatusCode::kInternal;
  }
}

}  // namespace

Status StatusFromResponse(const RestResponse& response) {
  json::error_code ec;
  json::value body = json::parse(response.body, ec);
  const json::object* status = ec ? nullptr : body.if_object();
  if (status == nullptr || !status->contains("kind") || status->at("kind") != "Status") {
    std::string text = response.body.empty() ? "the server responded with HTTP " + std::to_string(response.status)
                                             : response.body;
    return Status(CodeFor(response.status, ""), text);
  }
  auto string_of = [](const json::object& o, std::string_view key) {
    const json::value* v = o.if_contains(key);
    return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  StatusDetails details;
  details.reason = string_of(*status, "reason");
  if (const json::value* d = status->if_contains("details"); d && d->is_object()) {
    details.name = string_of(d->as_object(), "name");
    details.group = string_of(d->as_object(), "group");
    details.kind = string_of(d->as_object(), "kind");
    details.uid = string_of(d->as_object(), "uid");
    if (const json::value* causes = d->as_object().if_contains("causes"); causes && causes->is_array()) {
      for (const json::value& c : causes->as_array()) {
        if (!c.is_object()) continue;
        details.causes.push_back({string_of(c.as_object(), "reason"), string_of(c.as_object(), "message"),
                                  string_of(c.as_object(), "field")});
      }
    }
  }
  StatusCode code = CodeFor(response.status, details.reason);
  std::string message = string_of(*status, "message");
  if (message.empty()) message = "the server responded with HTTP " + std::to_string(response.status);
  return Status(code, message).WithDetails(std::move(details));
}

struct RestClient::Impl {
  RestClientOptions options;
  std::string host, port;
  asio::io_context io;  // sync operations only: never run
  std::mutex mu;
  std::vector<std::unique_ptr<Connection>> idle;

  Result<std::unique_ptr<Connection>> Take() {
    {
      std::lock_guard lock(mu);
      if (!idle.empty()) {
        auto connection = std::move(idle.back());
        idle.pop_back();
        return connection;
      }
    }
    auto connection = std::make_unique<Connection>(io);
    beast::error_code ec;
    tcp::resolver resolver(io);
    auto endpoints = resolver.resolve(host, port, ec);
    if (!ec) asio::connect(connection->socket, endpoints, ec);
    if (ec) return UnavailableError("cannot connect to " + options.server + ": " + ec.message());
    connection->socket.set_option(tcp::no_delay(true), ec);
    return connection;
  }

  void GiveBack(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(mu);
    idle.push_back(std::move(connection));
  }

  http::request<http::string_body> Request(std::string_view method, std::string_view target,
                                           std::string_view body, std::string_view content_type) {
    http::request<http::string_body> request;
    request.method_string(method);
    request.target(target);
    request.version(11);
    request.set(http::field::host, host + ":" + port);
    request.set(http::field::user_agent, options.user_agent);
    request.set(http::field::accept, "application/json");
    if (!body.empty()) {
      request.set(http::field::content_type, content_type);
      request.body() = std::string(body);
    }
    request.keep_alive(true);
    request.prepare_payload();
    return request;
  }
};

RestClient::RestClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RestClient::~RestClient() = default;

Result<std::unique_ptr<RestClient>> RestClient::Create(RestClientOptions options) {
  auto url = boost::urls::parse_uri(options.server);
  if (!url || url->scheme() != "http" || url->host().empty()) {
    return InvalidArgumentError("server \"" + options.server + "\" is not an http://host:port URL");
  }
  auto impl = std::make_unique<Impl>();
  impl->host = url->host();
  impl->port = url->has_port() ? std::string(url->port()) : "80";
  impl->options = std::move(options);
  return std::unique_ptr<RestClient>(new RestClient(std::move(impl)));
}

Result<RestResponse> RestClient::Do(std::string_view method, std::string_view target,
                                    std::string_view body, std::string_view content_type) {
  // A kept-alive connection may have been closed by the server since: one fresh retry.
  for (int attempt = 0; attempt < 2; ++attempt) {
    KREF_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection, impl_->Take());
    auto deadline = std::chrono::steady_clock::now() + impl_->options.timeout;
    auto request = impl_->Request(method, target, body, content_type);
    beast::error_code ec;
    http::write(connection->socket, request, ec);
    http::response_parser<http::string_body> parser;
    parser.body_limit(std::numeric_limits<uint64_t>::max());
    if (!ec) ec = ReadResponse(*connection, parser, deadline);
    if (ec) {
      if (attempt == 0 && (ec == http::error::end_of_stream || ec == asio::error::connection_reset ||
                           ec == asio::error::broken_pipe)) {
        continue;
      }
      return UnavailableError("request to " + impl_->options.server + " failed: " + ec.message());
    }
    auto& message = parser.get();
    RestResponse response;
    response.status = static_cast<int>(message.result_int());
    for (const auto& field : message) {
      response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    response.body = std::move(message.body());
    if (message.keep_alive()) impl_->GiveBack(std::move(connection));
    return response;
  }
  return UnavailableError("request to " + impl_->options.server + " failed: connection closed");
}

namespace {

Result<json::value> JsonResult(Result<RestResponse> response) {
  if (!response.has_value()) return response.error();
  if (response->status >= 300) return StatusFromResponse(*response);
  json::error_code ec;
  json::value value = json::parse(response->body, ec);
  if (ec) return InternalError("the server's answer is not JSON: " + ec.message());
  return value;
}

}  // namespace

Result<json::value> RestClient::Get(std::string_view target) { return JsonResult(Do("GET", target)); }

Result<json::value> RestClient::Post(std::string_view target, const json::value& body) {
  return JsonResult(Do("POST", target, json::serialize(body)));
}

Result<json::value> RestClient::Put(std::string_view target, const json::value& body) {
  return JsonResult(Do("PUT", target, json::serialize(body)));
}

Result<json::value> RestClient::Patch(std::string_view target, const json::value& patch,
                                      std::string_view patch_type) {
  return JsonResult(Do("PATCH", target, json::serialize(patch), patch_type));
}

Result<json::value> RestClient::Delete(std::string_view target) {
  return JsonResult(Do("DELETE", target));
}

Status RestClient::Watch(std::string_view target, const std::function<bool(json::value event)>& on_event,
                         std::stop_token stop) {
  // A watch has its own connection, not returned to the pool.
  KREF_ASSIGN_OR_RETURN(std::unique_ptr<Connection> connection, impl_->Take());
  // A stop request shuts the socket down, which ends a read blocked in another thread.
  int fd = connection->socket.native_handle();
  std::stop_callback on_stop(stop, [fd] { ::shutdown(fd, SHUT_RDWR); });
  if (stop.stop_requested()) return Status();
  auto request = impl_->Request("GET", target, "", "");
  beast::error_code ec;
  http::write(connection->socket, request, ec);
  http::response_parser<http::buffer_body> parser;
  parser.body_limit(std::numeric_limits<uint64_t>::max());
  if (!ec) http::read_header(connection->socket, connection->buffer, parser, ec);
  if (ec && stop.stop_requested()) return Status();
  if (ec) return UnavailableError("watch on " + impl_->options.server + " failed: " + ec.message());
  char chunk[16384];
  std::string pending;
  int status = static_cast<int>(parser.get().result_int());
  while (!parser.is_done()) {
    parser.get().body().data = chunk;
    parser.get().body().size = sizeof chunk;
    http::read_some(connection->socket, connection->buffer, parser, ec);  // each chunk as it comes
    if (ec == http::error::need_buffer) ec = {};
    if (ec && stop.stop_requested()) return Status();
    if (ec) return UnavailableError("watch on " + impl_->options.server + " ended: " + ec.message());
    pending.append(chunk, sizeof chunk - parser.get().body().size);
    if (status != 200) continue;
    for (size_t nl; (nl = pending.find('\n')) != std::string::npos; pending.erase(0, nl + 1)) {
      json::error_code parse_ec;
      json::value event = json::parse(std::string_view(pending).substr(0, nl), parse_ec);
      if (parse_ec) return InternalError("the server sent a watch event that is not JSON");
      if (stop.stop_requested() || !on_event(std::move(event))) return Status();
    }
  }
  if (status != 200) return StatusFromResponse({status, {}, pending});
  return Status();
}

}  // namespace kref::client
