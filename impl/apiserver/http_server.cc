#include "impl/apiserver/http_server.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

namespace kref::apiserver {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string_view HttpRequest::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

// The streams being sent, so the server can cancel them before it stops.
class StreamRegistry {
 public:
  void Add(const std::shared_ptr<BodyStream>& stream) {
    std::lock_guard lock(mu_);
    streams_.insert(stream);
  }
  void Remove(const std::shared_ptr<BodyStream>& stream) {
    std::lock_guard lock(mu_);
    streams_.erase(stream);
  }
  void CancelAll() {
    std::set<std::shared_ptr<BodyStream>> streams;
    {
      std::lock_guard lock(mu_);
      streams.swap(streams_);
    }
    for (const auto& stream : streams) stream->Cancel();
  }

 private:
  std::mutex mu_;
  std::set<std::shared_ptr<BodyStream>> streams_;
};

namespace {

// Requests queued for or running on the handler threads, against the limit.
struct InFlight {
  std::atomic<int> count{0};
  int limit = 0;  // 0: none
  HttpResponse overloaded;

  bool TryAcquire() {
    int n = count.fetch_add(1) + 1;
    if (limit > 0 && n > limit) {
      count.fetch_sub(1);
      return false;
    }
    return true;
  }
  void Release() { count.fetch_sub(1); }
};

// One client connection: read a request, answer it, repeat while the client keeps it alive.
// Everything runs on the connection's strand.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, const HttpHandler& handler, asio::thread_pool* workers, InFlight& in_flight,
          size_t max_body_bytes, StreamRegistry& streams)
      : stream_(std::move(socket)),
        handler_(handler),
        workers_(workers),
        in_flight_(in_flight),
        max_body_bytes_(max_body_bytes),
        streams_(streams),
        timer_(stream_.get_executor()) {}
  ~Session() {
    if (body_) EndBody();
  }

  void Start() { Read(); }

 private:
  void Read() {
    parser_.emplace();
    parser_->body_limit(max_body_bytes_);
    parser_->header_limit(64 * 1024);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
  }

  void OnRead(beast::error_code ec) {
    HttpRequest request;
    if (ec == http::error::body_limit) {
      request.body_too_large = true;
    } else if (ec) {
      return Close();  // closed by the client, or not HTTP
    }
    const auto& message = parser_->get();
    request.method = std::string(message.method_string());
    std::string_view target = message.target();
    size_t question = target.find('?');
    request.path = std::string(target.substr(0, question));
    if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
    for (const auto& field : message) {
      std::string name(field.name_string());
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      request.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    if (!request.body_too_large) request.body = message.body();
    // A request whose body was not read whole leaves the connection unusable: close after.
    keep_alive_ = message.keep_alive() && !request.body_too_large;
    unsigned version = message.version();

    if (workers_ == nullptr) return Respond(handler_(request), version);
    if (!in_flight_.TryAcquire()) return Respond(in_flight_.overloaded, version);
    // The handler runs on a worker; its answer is sent from the connection's strand.
    asio::post(*workers_, [self = shared_from_this(), request = std::move(request), version]() mutable {
      HttpResponse answer = self->handler_(request);
      self->in_flight_.Release();
      asio::post(self->stream_.get_executor(), [self, answer = std::move(answer), version]() mutable {
        self->Respond(std::move(answer), version);
      });
    });
  }

  void Respond(HttpResponse answer, unsigned version) {
    if (answer.stream) return StartStream(std::move(answer), version);
    response_ = {};
    response_.version(version);
    response_.result(static_cast<http::status>(answer.status));
    for (auto& [name, value] : answer.headers) response_.set(name, value);
    response_.body() = std::move(answer.body);
    response_.keep_alive(keep_alive_);
    response_.prepare_payload();
    http::async_write(stream_, response_,
                      [self = shared_from_this()](beast::error_code write_ec, size_t) {
                        if (write_ec || !self->keep_alive_) return self->Close();
                        self->Read();
                      });
  }

  // ---- Streamed bodies ----

  void StartStream(HttpResponse answer, unsigned version) {
    ++stream_generation_;
    body_ = std::move(answer.stream);
    streams_.Add(body_);
    header_ = {};
    header_.version(version);
    header_.result(static_cast<http::status>(answer.status));
    for (auto& [name, value] : answer.headers) header_.set(name, value);
    header_.keep_alive(keep_alive_);
    header_.chunked(true);
    serializer_.emplace(header_);
    writing_ = true;
    std::chrono::milliseconds timeout = answer.stream_timeout;
    http::async_write_header(
        stream_, *serializer_, [self = shared_from_this(), timeout](beast::error_code ec, size_t) {
          self->writing_ = false;
          if (ec) return self->Abort();
          std::weak_ptr<Session> weak = self;
          auto executor = self->stream_.get_executor();
          self->body_->Start([weak, executor] {
            if (auto session = weak.lock()) {
              asio::post(executor, [session] { session->Pump(); });
            }
          });
          if (timeout.count() > 0) {
            self->timer_.expires_after(timeout);
            self->timer_.async_wait([self](beast::error_code timer_ec) {
              if (!timer_ec && self->body_) self->FinishStream();
            });
          }
          // A client does not talk during a streamed answer: anything it sends, or its going
          // away, ends the stream.
          self->stream_.socket().async_read_some(
              asio::buffer(self->probe_),
              [self, generation = self->stream_generation_](beast::error_code, size_t) {
                if (self->body_ && self->stream_generation_ == generation) self->Abort();
              });
          self->Pump();
        });
  }

  // Writes what the stream has ready, one chunk at a time.
  void Pump() {
    if (writing_ || !body_) return;
    std::optional<std::string> next = body_->Next();
    if (!next) return FinishStream();
    if (next->empty()) return;
    chunk_ = std::move(*next);
    writing_ = true;
    asio::async_write(stream_, http::make_chunk(asio::buffer(chunk_)),
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        self->writing_ = false;
                        if (ec) return self->Abort();
                        if (self->finish_pending_) return self->FinishStream();
                        self->Pump();
                      });
  }

  // Ends the body with the last chunk, then serves the next request.
  void FinishStream() {
    if (body_) EndBody();
    if (writing_) {
      finish_pending_ = true;
      return;
    }
    finish_pending_ = false;
    // Stop the read that watched for the client going away before the client can send its
    // next request.
    beast::error_code ignored;
    stream_.socket().cancel(ignored);
    writing_ = true;
    asio::async_write(stream_, http::make_chunk_last(),
                      [self = shared_from_this()](beast::error_code ec, size_t) {
                        self->writing_ = false;
                        if (ec || !self->keep_alive_) return self->Close();
                        self->Read();
                      });
  }

  void Abort() {
    if (body_) EndBody();
    Close();
  }

  void EndBody() {
    timer_.cancel();
    body_->Cancel();
    streams_.Remove(body_);
    body_.reset();
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  }

  beast::tcp_stream stream_;
  const HttpHandler& handler_;
  asio::thread_pool* workers_;  // null: the handler runs on the strand
  InFlight& in_flight_;
  size_t max_body_bytes_;
  StreamRegistry& streams_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
  bool keep_alive_ = false;

  std::shared_ptr<BodyStream> body_;  // the stream being sent, if any
  http::response<http::empty_body> header_;
  std::optional<http::response_serializer<http::empty_body>> serializer_;
  asio::steady_timer timer_;
  std::string chunk_;
  char probe_[1];
  bool writing_ = false;
  bool finish_pending_ = false;
  uint64_t stream_generation_ = 0;
};

}  // namespace

struct HttpServer::Impl {
  Impl(HttpServerOptions options, HttpHandler handler)
      : options(std::move(options)), handler(std::move(handler)), acceptor(io) {}

  void Accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (ec == asio::error::operation_aborted) return;  // stopping
      } else {
        std::make_shared<Session>(std::move(socket), handler, workers ? &*workers : nullptr, in_flight,
                                  options.max_body_bytes, streams)
            ->Start();
      }
      Accept();
    });
  }

  HttpServerOptions options;
  HttpHandler handler;
  StreamRegistry streams;
  asio::io_context io;
  tcp::acceptor acceptor;
  std::vector<std::thread> threads;
  std::optional<asio::thread_pool> workers;  // when options.handler_threads > 0
  InFlight in_flight;
};

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Result<std::unique_ptr<HttpServer>> HttpServer::Start(HttpServerOptions options,
                                                      HttpHandler handler) {
  auto impl = std::make_unique<Impl>(std::move(options), std::move(handler));
  beast::error_code ec;
  auto address = asio::ip::make_address(impl->options.address, ec);
  if (ec) return InvalidArgumentError("bad bind address \"" + impl->options.address + "\"");
  tcp::endpoint endpoint(address, impl->options.port);
  impl->acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(endpoint, ec);
  if (!ec) impl->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return UnavailableError("cannot listen on " + impl->options.address + ":" +
                            std::to_string(impl->options.port) + ": " + ec.message());
  }
  if (impl->options.handler_threads > 0) impl->workers.emplace(impl->options.handler_threads);
  impl->in_flight.limit = impl->options.max_in_flight;
  impl->in_flight.overloaded = impl->options.overloaded;
  impl->Accept();
  for (int i = 0; i < std::max(1, impl->options.threads); ++i) {
    impl->threads.emplace_back([io = &impl->io] { io->run(); });
  }
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::~HttpServer() {
  // Socket threads first, so that no stream starts after CancelAll; then no stream calls back.
  impl_->io.stop();
  for (std::thread& t : impl_->threads) t.join();
  impl_->streams.CancelAll();
  if (impl_->workers) {
    // Handlers under way finish (their answers go to the stopped io_context, which drops them);
    // queued ones are dropped.
    impl_->workers->stop();
    impl_->workers->join();
  }
}

uint16_t HttpServer::port() const { return impl_->acceptor.local_endpoint().port(); }

}  // namespace kref::apiserver
