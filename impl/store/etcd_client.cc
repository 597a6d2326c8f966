#include "impl/store/etcd_client.h"

#include <netdb.h>
#include <sys/socket.h>

#include <climits>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>

#include <grpcpp/grpcpp.h>

#include "impl/store/http_url.h"

namespace kref::store {
namespace {

constexpr size_t kMaxAttempts = 10;

kref::Status FromGrpc(const grpc::Status& status) {
  if (status.ok()) return kref::Status();
  return kref::Status(static_cast<StatusCode>(status.error_code()), status.error_message());
}

// "http://host:port" -> {host, port}.
// The gRPC target for `endpoints`: the endpoint itself when there is one, else an "ipv4:"
// address list that pick_first walks through.
Result<std::string> ChannelTarget(const std::vector<std::string>& endpoints) {
  if (endpoints.empty()) return InvalidArgumentError("no etcd endpoints given");
  if (endpoints.size() == 1) {
    KREF_ASSIGN_OR_RETURN(HttpUrl url, ParseHttpUrl(endpoints[0], "etcd endpoint"));
    return url.host_and_port;
  }
  std::string target = "ipv4:";
  for (const std::string& endpoint : endpoints) {
    KREF_ASSIGN_OR_RETURN(HttpUrl url, ParseHttpUrl(endpoint, "etcd endpoint"));
    addrinfo hints{};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(url.host.c_str(), nullptr, &hints, &found) != 0 || found == nullptr) {
      return InvalidArgumentError("etcd endpoint \"" + endpoint +
                                  "\": host does not resolve to an IPv4 address");
    }
    char ip[NI_MAXHOST];
    getnameinfo(found->ai_addr, found->ai_addrlen, ip, sizeof ip, nullptr, 0, NI_NUMERICHOST);
    freeaddrinfo(found);
    if (target.size() > 5) target += ",";
    target += std::string(ip) + ":" + url.port;
  }
  return target;
}

}  // namespace

// The calls and watches in flight, so the client's destructor can cancel them and wait until
// none holds a ClientContext any more. A context keeps the channel alive, and gRPC 1.51 breaks
// if the last reference to a channel goes on one of its own callback threads: so a call ends
// (End) only after its contexts are destroyed, and the channel always dies in the destructor.
class internal::CallRegistry {
 public:
  void Begin() {
    std::lock_guard lock(mu_);
    ++live_;
  }
  void End() {
    std::lock_guard lock(mu_);
    if (--live_ == 0) idle_.notify_all();
  }
  // Contexts that CancelAllAndWait may cancel, between Track and Untrack.
  void Track(grpc::ClientContext* context) {
    std::lock_guard lock(mu_);
    if (cancelled_) context->TryCancel();
    tracked_.insert(context);
  }
  void Untrack(grpc::ClientContext* context) {
    std::lock_guard lock(mu_);
    tracked_.erase(context);
  }
  void CancelAllAndWait() {
    std::unique_lock lock(mu_);
    cancelled_ = true;
    for (grpc::ClientContext* context : tracked_) context->TryCancel();
    idle_.wait(lock, [this] { return live_ == 0; });
  }

 private:
  std::mutex mu_;
  std::condition_variable idle_;
  std::set<grpc::ClientContext*> tracked_;
  int live_ = 0;
  bool cancelled_ = false;
};

// Calls End() when destroyed: the first member of what owns a call's contexts, so it goes last.
class CallToken {
 public:
  explicit CallToken(internal::CallRegistry& calls) : calls_(calls) { calls_.Begin(); }
  ~CallToken() { calls_.End(); }
  CallToken(const CallToken&) = delete;
  CallToken& operator=(const CallToken&) = delete;

 private:
  internal::CallRegistry& calls_;
};

namespace {

// One watch stream over gRPC. Requests are written one at a time from a queue; responses are
// read continuously into a queue the caller drains with Next(). The reactor keeps itself alive
// (self_) until gRPC calls OnDone, however early the caller lets go of it.
class GrpcWatch final : public KvWatch,
                        public grpc::ClientBidiReactor<pb::WatchRequest, pb::WatchResponse> {
 public:
  static std::shared_ptr<GrpcWatch> Start(pb::Watch::Stub& stub, internal::CallRegistry& calls,
                                          std::function<void()> on_ready) {
    std::shared_ptr<GrpcWatch> watch(new GrpcWatch(calls, std::move(on_ready)));
    watch->self_ = watch;
    calls.Begin();
    // Watches last as long as they are used: no deadline, but wait for a member to connect.
    watch->context_->set_wait_for_ready(true);
    calls.Track(watch->context_.get());
    stub.async()->Watch(watch->context_.get(), watch.get());
    watch->StartRead(&watch->response_);
    watch->StartCall();
    return watch;
  }

  void Send(const pb::WatchRequest& request) override {
    std::lock_guard lock(mu_);
    if (ended_ || closed_) return;
    outbox_.push_back(request);
    if (outbox_.size() == 1) StartWrite(&outbox_.front());
  }

  Result<std::optional<pb::WatchResponse>> Next() override {
    std::lock_guard lock(mu_);
    if (closed_) return std::nullopt;
    if (!inbox_.empty()) {
      pb::WatchResponse response = std::move(inbox_.front());
      inbox_.pop_front();
      return response;
    }
    want_notify_ = true;
    if (ended_ && !end_status_.ok()) return end_status_;
    return std::nullopt;
  }

  void Close() override {
    std::lock_guard notify_lock(notify_mu_);  // waits out an on_ready call under way
    std::lock_guard lock(mu_);
    closed_ = true;
    inbox_.clear();
    if (!ended_) context_->TryCancel();
  }

  void OnWriteDone(bool ok) override {
    std::lock_guard lock(mu_);
    outbox_.pop_front();
    if (!ok) {
      outbox_.clear();  // the stream is broken; OnDone follows
    } else if (!outbox_.empty()) {
      StartWrite(&outbox_.front());
    }
  }

  void OnReadDone(bool ok) override {
    if (!ok) return;  // the stream ended; OnDone follows
    {
      std::lock_guard lock(mu_);
      if (!closed_) inbox_.push_back(std::move(response_));
      response_.Clear();
    }
    StartRead(&response_);
    Notify();
  }

  void OnDone(const grpc::Status& status) override {
    calls_.Untrack(context_.get());
    {
      std::lock_guard lock(mu_);
      ended_ = true;
      context_.reset();  // allowed in OnDone; drops the channel reference before End()
      end_status_ = FromGrpc(status);
      if (end_status_.ok() || status.error_code() == grpc::StatusCode::CANCELLED) {
        // A member that ends a watch stream cleanly, or a cancelled one, still ends it.
        end_status_ = kref::Status(StatusCode::kUnavailable, "etcd watch stream ended: " +
                                                                 status.error_message());
      }
    }
    Notify();
    calls_.End();
    self_.reset();  // may delete this
  }

 private:
  GrpcWatch(internal::CallRegistry& calls, std::function<void()> on_ready)
      : calls_(calls), on_ready_(std::move(on_ready)) {}

  // Tells the consumer once per Next() that came back empty.
  void Notify() {
    std::lock_guard notify_lock(notify_mu_);
    {
      std::lock_guard lock(mu_);
      if (!want_notify_ || closed_) return;
      want_notify_ = false;
    }
    on_ready_();
  }

  internal::CallRegistry& calls_;
  std::function<void()> on_ready_;
  std::unique_ptr<grpc::ClientContext> context_ = std::make_unique<grpc::ClientContext>();
  pb::WatchResponse response_;   // the read in flight (gRPC's thread only)
  std::shared_ptr<GrpcWatch> self_;  // until OnDone

  // Held while on_ready runs and by Close(), so none runs after Close() returns. Recursive:
  // on_ready may close the stream. Taken before mu_.
  std::recursive_mutex notify_mu_;
  std::mutex mu_;  // guards the fields below
  std::deque<pb::WatchRequest> outbox_;  // front() is being written
  std::deque<pb::WatchResponse> inbox_;
  bool want_notify_ = true;
  bool closed_ = false;
  bool ended_ = false;
  kref::Status end_status_;
};

// One lease keep-alive: a LeaseKeepAlive stream carrying one request and one response.
class KeepAliveOnce final
    : public grpc::ClientBidiReactor<pb::LeaseKeepAliveRequest, pb::LeaseKeepAliveResponse> {
 public:
  using Done = Kv::Done<pb::LeaseKeepAliveResponse>;
  static void Start(pb::Lease::Stub& stub, internal::CallRegistry& calls,
                    std::chrono::system_clock::time_point deadline,
                    pb::LeaseKeepAliveRequest request, Done done) {
    auto* call = new KeepAliveOnce(calls, std::move(request), std::move(done));
    call->context_.set_deadline(deadline);
    call->context_.set_wait_for_ready(true);
    calls.Track(&call->context_);
    stub.async()->LeaseKeepAlive(&call->context_, call);
    call->StartWriteLast(&call->request_, grpc::WriteOptions());
    call->StartRead(&call->response_);
    call->StartCall();
  }
  void OnReadDone(bool ok) override { got_response_ = ok; }
  void OnDone(const grpc::Status& status) override {
    calls_.Untrack(&context_);
    if (got_response_) {
      done_(std::move(response_));
    } else if (!status.ok()) {
      done_(FromGrpc(status));
    } else {
      done_(kref::Status(StatusCode::kUnavailable, "etcd ended the keep-alive without an answer"));
    }
    delete this;
  }

 private:
  KeepAliveOnce(internal::CallRegistry& calls, pb::LeaseKeepAliveRequest request, Done done)
      : token_(calls), calls_(calls), request_(std::move(request)), done_(std::move(done)) {}
  CallToken token_;  // first: ends the call after the context is gone
  internal::CallRegistry& calls_;
  grpc::ClientContext context_;
  pb::LeaseKeepAliveRequest request_;
  pb::LeaseKeepAliveResponse response_;
  bool got_response_ = false;
  Done done_;
};

}  // namespace

Result<std::unique_ptr<EtcdClient>> EtcdClient::Connect(EtcdClientOptions options) {
  KREF_ASSIGN_OR_RETURN(std::string target, ChannelTarget(options.endpoints));
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(INT_MAX);  // lists can be large; etcd's client takes any size
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 30000);
  args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
  args.SetLoadBalancingPolicyName("pick_first");
  auto channel = grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
  return std::unique_ptr<EtcdClient>(new EtcdClient(std::move(options), std::move(channel)));
}

EtcdClient::EtcdClient(EtcdClientOptions options, std::shared_ptr<grpc::Channel> channel)
    : options_(std::move(options)),
      channel_(std::move(channel)),
      kv_(pb::KV::NewStub(channel_)),
      lease_(pb::Lease::NewStub(channel_)),
      watch_(pb::Watch::NewStub(channel_)),
      calls_(std::make_unique<internal::CallRegistry>()) {}

EtcdClient::~EtcdClient() { calls_->CancelAllAndWait(); }

template <class Request, class Response, class Invoke>
void EtcdClient::Call(Invoke invoke, Request request, Done<Response> done, bool idempotent) {
  // One call's state, kept until its last attempt answers. An idempotent call that meets
  // UNAVAILABLE tries again with a fresh context (which waits for a member to connect) until
  // the deadline or kMaxAttempts.
  struct State : std::enable_shared_from_this<State> {
    State(EtcdClient* c, Invoke i) : token(*c->calls_), client(c), invoke(std::move(i)) {}
    CallToken token;  // first: ends the call after the contexts are gone
    EtcdClient* client;
    Invoke invoke;
    Request request;
    Response response;
    Done<Response> done;
    bool idempotent;
    std::chrono::system_clock::time_point deadline;
    // One context per attempt, all kept to the end: gRPC still uses an attempt's context
    // after its callback returns.
    std::vector<std::unique_ptr<grpc::ClientContext>> contexts;

    void Attempt() {
      auto* context = contexts.emplace_back(std::make_unique<grpc::ClientContext>()).get();
      context->set_deadline(deadline);
      context->set_wait_for_ready(true);
      client->calls_->Track(context);
      response.Clear();
      invoke(context, &request, &response,
             [self = this->shared_from_this()](grpc::Status status) { self->Finish(status); });
    }
    void Finish(const grpc::Status& status) {
      client->calls_->Untrack(contexts.back().get());
      if (status.error_code() == grpc::StatusCode::UNAVAILABLE && idempotent &&
          contexts.size() < kMaxAttempts && std::chrono::system_clock::now() < deadline) {
        return Attempt();
      }
      if (status.ok()) return done(std::move(response));
      done(FromGrpc(status));
    }
  };
  auto state = std::make_shared<State>(this, std::move(invoke));
  state->request = std::move(request);
  state->done = std::move(done);
  state->idempotent = idempotent;
  state->deadline = std::chrono::system_clock::now() + options_.request_timeout;
  state->Attempt();
}

// Forwards a unary call to the stub's callback method `name`.
#define KREF_ETCD_INVOKE(stub, name)                                                 \
  [stub = stub.get()](grpc::ClientContext* c, const auto* req, auto* resp, auto cb) { \
    stub->async()->name(c, req, resp, std::move(cb));                                \
  }

void EtcdClient::RangeAsync(pb::RangeRequest request, Done<pb::RangeResponse> done) {
  Call(KREF_ETCD_INVOKE(kv_, Range), std::move(request), std::move(done), /*idempotent=*/true);
}
void EtcdClient::PutAsync(pb::PutRequest request, Done<pb::PutResponse> done) {
  Call(KREF_ETCD_INVOKE(kv_, Put), std::move(request), std::move(done), false);
}
void EtcdClient::DeleteRangeAsync(pb::DeleteRangeRequest request,
                                  Done<pb::DeleteRangeResponse> done) {
  Call(KREF_ETCD_INVOKE(kv_, DeleteRange), std::move(request), std::move(done), false);
}
void EtcdClient::TxnAsync(pb::TxnRequest request, Done<pb::TxnResponse> done) {
  Call(KREF_ETCD_INVOKE(kv_, Txn), std::move(request), std::move(done), false);
}
void EtcdClient::CompactAsync(pb::CompactionRequest request, Done<pb::CompactionResponse> done) {
  Call(KREF_ETCD_INVOKE(kv_, Compact), std::move(request), std::move(done), false);
}
void EtcdClient::LeaseGrantAsync(pb::LeaseGrantRequest request,
                                 Done<pb::LeaseGrantResponse> done) {
  Call(KREF_ETCD_INVOKE(lease_, LeaseGrant), std::move(request), std::move(done), false);
}
void EtcdClient::LeaseRevokeAsync(pb::LeaseRevokeRequest request,
                                  Done<pb::LeaseRevokeResponse> done) {
  Call(KREF_ETCD_INVOKE(lease_, LeaseRevoke), std::move(request), std::move(done), false);
}
#undef KREF_ETCD_INVOKE

void EtcdClient::LeaseKeepAliveAsync(pb::LeaseKeepAliveRequest request,
                                     Done<pb::LeaseKeepAliveResponse> done) {
  KeepAliveOnce::Start(*lease_, *calls_, std::chrono::system_clock::now() + options_.request_timeout,
                       std::move(request), std::move(done));
}

std::shared_ptr<KvWatch> EtcdClient::Watch(std::function<void()> on_ready) {
  std::shared_ptr<GrpcWatch> watch = GrpcWatch::Start(*watch_, *calls_, std::move(on_ready));
  // The caller's handle: when its last copy goes, the stream is closed (the reactor itself
  // lives on until gRPC is done with it).
  return std::shared_ptr<KvWatch>(watch.get(), [watch](KvWatch*) { watch->Close(); });
}

}  // namespace kref::store
