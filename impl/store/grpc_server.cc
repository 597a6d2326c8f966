#include "impl/store/grpc_server.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/mman.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include "etcd/etcdserverpb/rpc.grpc.pb.h"
#include "impl/store/errors.h"
#include "impl/store/http_url.h"

namespace kref::store {
namespace {

constexpr int kSnapshotChunkBytes = 32 * 1024;

grpc::Status ToGrpc(const kref::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()), status.message());
}

// Finishes `reactor` with `result`, moving the value into `response`.
template <class T>
void Reply(grpc::ServerUnaryReactor* reactor, T* response, Result<T> result) {
  if (!result.has_value()) return reactor->Finish(ToGrpc(result.error()));
  *response = std::move(*result);
  reactor->Finish(grpc::Status::OK);
}

template <class T>
Kv::Done<T> ReplyLater(grpc::ServerUnaryReactor* reactor, T* response) {
  return [reactor, response](Result<T> result) { Reply(reactor, response, std::move(result)); };
}

// Range is served raw (bytes in, bytes out) so that stored key-values go out as they are.
class KvService final : public pb::KV::WithRawCallbackMethod_Range<pb::KV::CallbackService> {
 public:
  KvService(Store& store, uint64_t max_request_bytes)
      : store_(store), max_request_bytes_(max_request_bytes) {}

  grpc::ServerUnaryReactor* Range(grpc::CallbackServerContext* ctx, const grpc::ByteBuffer* req,
                                  grpc::ByteBuffer* resp) override {
    auto* reactor = ctx->DefaultReactor();
    pb::RangeRequest request;
    grpc::ByteBuffer copy(*req);  // shares the slices; Deserialize consumes its argument
    grpc::Status parsed = grpc::SerializationTraits<pb::RangeRequest>::Deserialize(&copy, &request);
    if (!parsed.ok()) {
      reactor->Finish(parsed);
      return reactor;
    }
    Result<std::string> encoded = store_.EncodedRange(request);
    if (!encoded.has_value()) {
      reactor->Finish(ToGrpc(encoded.error()));
      return reactor;
    }
    auto* bytes = new std::string(std::move(*encoded));
    grpc::Slice slice(bytes->data(), bytes->size(),
                      [](void* owned) { delete static_cast<std::string*>(owned); }, bytes);
    grpc::ByteBuffer buffer(&slice, 1);
    resp->Swap(&buffer);
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  grpc::ServerUnaryReactor* Put(grpc::CallbackServerContext* ctx, const pb::PutRequest* req,
                                pb::PutResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    if (TooLarge(*req)) return Fail(reactor);
    store_.PutAsync(*req, ReplyLater(reactor, resp));
    return reactor;
  }
  grpc::ServerUnaryReactor* DeleteRange(grpc::CallbackServerContext* ctx,
                                        const pb::DeleteRangeRequest* req,
                                        pb::DeleteRangeResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    if (TooLarge(*req)) return Fail(reactor);
    store_.DeleteRangeAsync(*req, ReplyLater(reactor, resp));
    return reactor;
  }
  grpc::ServerUnaryReactor* Txn(grpc::CallbackServerContext* ctx, const pb::TxnRequest* req,
                                pb::TxnResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    if (TooLarge(*req)) return Fail(reactor);
    store_.TxnAsync(*req, ReplyLater(reactor, resp));
    return reactor;
  }
  grpc::ServerUnaryReactor* Compact(grpc::CallbackServerContext* ctx,
                                    const pb::CompactionRequest* req,
                                    pb::CompactionResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    store_.CompactAsync(*req, ReplyLater(reactor, resp));
    return reactor;
  }

 private:
  bool TooLarge(const google::protobuf::Message& req) const {
    return req.ByteSizeLong() > max_request_bytes_;
  }
  grpc::ServerUnaryReactor* Fail(grpc::ServerUnaryReactor* reactor) {
    reactor->Finish(ToGrpc(ErrRequestTooLarge()));
    return reactor;
  }
  Store& store_;
  uint64_t max_request_bytes_;
};

// One keep-alive stream: each request renews its lease and is answered in order.
class KeepAliveReactor final
    : public grpc::ServerBidiReactor<pb::LeaseKeepAliveRequest, pb::LeaseKeepAliveResponse> {
 public:
  explicit KeepAliveReactor(Store& store) : store_(store) { StartRead(&request_); }

  void OnReadDone(bool ok) override {
    if (!ok) return Finish(grpc::Status::OK);
    auto resp = store_.LeaseKeepAlive(request_);
    if (!resp.has_value()) return Finish(ToGrpc(resp.error()));
    response_ = std::move(*resp);
    StartWrite(&response_);
  }
  void OnWriteDone(bool ok) override {
    if (!ok) return Finish(grpc::Status::CANCELLED);
    StartRead(&request_);
  }
  void OnDone() override { delete this; }

 private:
  Store& store_;
  pb::LeaseKeepAliveRequest request_;
  pb::LeaseKeepAliveResponse response_;
};

class LeaseService final : public pb::Lease::CallbackService {
 public:
  explicit LeaseService(Store& store) : store_(store) {}

  grpc::ServerUnaryReactor* LeaseGrant(grpc::CallbackServerContext* ctx,
                                       const pb::LeaseGrantRequest* req,
                                       pb::LeaseGrantResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    store_.LeaseGrantAsync(*req, ReplyLater(reactor, resp));
    return reactor;
  }
  grpc::ServerUnaryReactor* LeaseRevoke(grpc::CallbackServerContext* ctx,
                                        const pb::LeaseRevokeRequest* req,
                                        pb::LeaseRevokeResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    store_.LeaseRevokeAsync(*req, ReplyLater(reactor, resp));
    return reactor;
  }
  grpc::ServerBidiReactor<pb::LeaseKeepAliveRequest, pb::LeaseKeepAliveResponse>* LeaseKeepAlive(
      grpc::CallbackServerContext*) override {
    return new KeepAliveReactor(store_);
  }
  grpc::ServerUnaryReactor* LeaseTimeToLive(grpc::CallbackServerContext* ctx,
                                            const pb::LeaseTimeToLiveRequest* req,
                                            pb::LeaseTimeToLiveResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    *resp = store_.LeaseTimeToLive(*req);
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  grpc::ServerUnaryReactor* LeaseLeases(grpc::CallbackServerContext* ctx,
                                        const pb::LeaseLeasesRequest*,
                                        pb::LeaseLeasesResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    *resp = store_.LeaseLeases();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

 private:
  Store& store_;
};

// Streams a copy of the database in 32 KiB chunks, then its SHA-256, as etcd does; etcdctl
// checks that the total is 32 more than a multiple of 512.
class SnapshotReactor final : public grpc::ServerWriteReactor<pb::SnapshotResponse> {
 public:
  explicit SnapshotReactor(Store& store) {
    fd_ = memfd_create("kref-snapshot", MFD_CLOEXEC);
    kref::Status copied = fd_ < 0 ? InternalError("memfd_create failed") : store.CopyTo(fd_);
    if (!copied.ok()) {
      Finish(ToGrpc(copied));
      return;
    }
    size_ = lseek(fd_, 0, SEEK_END);
    lseek(fd_, 0, SEEK_SET);
    EVP_DigestInit_ex(sha_, EVP_sha256(), nullptr);
    Next();
  }
  void OnWriteDone(bool ok) override {
    if (!ok) return Finish(grpc::Status::CANCELLED);
    Next();
  }
  void OnDone() override {
    if (fd_ >= 0) close(fd_);
    EVP_MD_CTX_free(sha_);
    delete this;
  }

 private:
  void Next() {
    if (sent_hash_) return Finish(grpc::Status::OK);
    response_.Clear();
    if (offset_ < size_) {
      std::string chunk(static_cast<size_t>(std::min<off_t>(kSnapshotChunkBytes, size_ - offset_)), '\0');
      ssize_t n = pread(fd_, chunk.data(), chunk.size(), offset_);
      if (n <= 0) return Finish(grpc::Status(grpc::StatusCode::INTERNAL, "snapshot read failed"));
      chunk.resize(static_cast<size_t>(n));
      offset_ += n;
      EVP_DigestUpdate(sha_, chunk.data(), chunk.size());
      response_.set_remaining_bytes(static_cast<uint64_t>(size_ - offset_));
      response_.set_blob(std::move(chunk));
    } else {
      unsigned char digest[EVP_MAX_MD_SIZE];
      unsigned int length = 0;
      EVP_DigestFinal_ex(sha_, digest, &length);
      response_.set_blob(std::string(reinterpret_cast<char*>(digest), length));
      sent_hash_ = true;
    }
    StartWrite(&response_);
  }

  int fd_ = -1;
  off_t size_ = 0, offset_ = 0;
  EVP_MD_CTX* sha_ = EVP_MD_CTX_new();
  bool sent_hash_ = false;
  pb::SnapshotResponse response_;
};

class MaintenanceService final : public pb::Maintenance::CallbackService {
 public:
  explicit MaintenanceService(Store& store) : store_(store) {}

  grpc::ServerUnaryReactor* Alarm(grpc::CallbackServerContext* ctx, const pb::AlarmRequest* req,
                                  pb::AlarmResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    Reply(reactor, resp, store_.Alarm(*req));
    return reactor;
  }
  grpc::ServerUnaryReactor* Status(grpc::CallbackServerContext* ctx, const pb::StatusRequest*,
                                   pb::StatusResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    *resp = store_.Status();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  grpc::ServerUnaryReactor* Defragment(grpc::CallbackServerContext* ctx,
                                       const pb::DefragmentRequest*,
                                       pb::DefragmentResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    *resp = store_.Defragment();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  grpc::ServerUnaryReactor* Hash(grpc::CallbackServerContext* ctx, const pb::HashRequest*,
                                 pb::HashResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    *resp = store_.Hash();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  grpc::ServerUnaryReactor* HashKV(grpc::CallbackServerContext* ctx, const pb::HashKVRequest* req,
                                   pb::HashKVResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    Reply(reactor, resp, store_.HashKV(*req));
    return reactor;
  }
  grpc::ServerWriteReactor<pb::SnapshotResponse>* Snapshot(grpc::CallbackServerContext*,
                                                          const pb::SnapshotRequest*) override {
    return new SnapshotReactor(store_);
  }

 private:
  Store& store_;
};

// One watch stream: requests go to the store's WatchStream as they arrive; responses are
// written one at a time, pulled from it whenever the previous write is done or it says one is
// ready.
class WatchReactor final : public grpc::ServerBidiReactor<pb::WatchRequest, pb::WatchResponse> {
 public:
  explicit WatchReactor(Store& store) : notifier_(std::make_shared<Notifier>()) {
    notifier_->reactor = this;
    stream_ = store.Watch([notifier = notifier_] {
      std::lock_guard lock(notifier->mu);
      if (notifier->reactor != nullptr) notifier->reactor->WriteNext();
    });
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      // The client is gone or half-closed: stop watching and end the call.
      bool finish;
      {
        std::lock_guard lock(mu_);
        reading_done_ = true;
        finish = !writing_ && TakeFinishLocked();
      }
      if (finish) End();
      return;
    }
    stream_->Send(request_);
    StartRead(&request_);
  }
  void OnWriteDone(bool ok) override {
    bool finish = false;
    {
      std::lock_guard lock(mu_);
      writing_ = false;
      if (!ok || reading_done_) {
        finish = TakeFinishLocked();
      } else {
        WriteNextLocked();
      }
    }
    if (finish) End();
  }
  void OnDone() override {
    {
      std::lock_guard lock(notifier_->mu);
      notifier_->reactor = nullptr;
    }
    stream_->Close();
    delete this;
  }

 private:
  struct Notifier {
    std::mutex mu;
    WatchReactor* reactor = nullptr;  // null once the call is done
  };
  void WriteNext() {
    std::lock_guard lock(mu_);
    WriteNextLocked();
  }
  void WriteNextLocked() {
    // One write at a time, each flushed: a write with gRPC's buffer hint may not complete
    // until a later write pushes it out, and the next write waits for this one to complete.
    if (writing_ || finished_ || !Pull(response_)) return;
    writing_ = true;
    StartWrite(&response_);
  }
  // The stream's next response into `out`, if one is waiting.
  bool Pull(pb::WatchResponse& out) {
    Result<std::optional<pb::WatchResponse>> next = stream_->Next();
    if (!next.has_value() || !next->has_value()) return false;  // an in-process stream never fails
    out = std::move(**next);
    return true;
  }
  // Whether this caller is the one to end the call.
  bool TakeFinishLocked() {
    if (finished_) return false;
    finished_ = true;
    return true;
  }
  // Ends the call; called without mu_ held, since OnDone may follow at once and delete this.
  void End() {
    stream_->Close();
    Finish(grpc::Status::OK);
  }

  std::shared_ptr<Notifier> notifier_;
  std::shared_ptr<KvWatch> stream_;
  std::mutex mu_;  // guards the fields below and serializes writes
  pb::WatchRequest request_;
  pb::WatchResponse response_;
  bool writing_ = false;
  bool reading_done_ = false;
  bool finished_ = false;
};

// Authentication is never enabled: Authenticate answers as a disabled etcd does, disabling is a
// no-op, and the user and role lists are empty. Enabling auth and managing users and roles are
// not offered (UNIMPLEMENTED).
class AuthService final : public pb::Auth::CallbackService {
 public:
  explicit AuthService(Store& store) : store_(store) {}

  grpc::ServerUnaryReactor* Authenticate(grpc::CallbackServerContext* ctx,
                                         const pb::AuthenticateRequest*,
                                         pb::AuthenticateResponse*) override {
    auto* reactor = ctx->DefaultReactor();
    reactor->Finish(ToGrpc(ErrAuthNotEnabled()));
    return reactor;
  }
  grpc::ServerUnaryReactor* AuthDisable(grpc::CallbackServerContext* ctx,
                                        const pb::AuthDisableRequest*,
                                        pb::AuthDisableResponse* resp) override {
    return Answer(ctx, resp);
  }
  grpc::ServerUnaryReactor* UserList(grpc::CallbackServerContext* ctx,
                                     const pb::AuthUserListRequest*,
                                     pb::AuthUserListResponse* resp) override {
    return Answer(ctx, resp);
  }
  grpc::ServerUnaryReactor* RoleList(grpc::CallbackServerContext* ctx,
                                     const pb::AuthRoleListRequest*,
                                     pb::AuthRoleListResponse* resp) override {
    return Answer(ctx, resp);
  }

 private:
  // An empty answer with the store's header.
  template <class Response>
  grpc::ServerUnaryReactor* Answer(grpc::CallbackServerContext* ctx, Response* resp) {
    auto* reactor = ctx->DefaultReactor();
    *resp->mutable_header() = store_.Header();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }
  Store& store_;
};

class WatchService final : public pb::Watch::CallbackService {
 public:
  explicit WatchService(Store& store) : store_(store) {}
  grpc::ServerBidiReactor<pb::WatchRequest, pb::WatchResponse>* Watch(
      grpc::CallbackServerContext*) override {
    return new WatchReactor(store_);
  }

 private:
  Store& store_;
};

class ClusterService final : public pb::Cluster::CallbackService {
 public:
  explicit ClusterService(Store& store) : store_(store) {}

  grpc::ServerUnaryReactor* MemberList(grpc::CallbackServerContext* ctx,
                                       const pb::MemberListRequest*,
                                       pb::MemberListResponse* resp) override {
    auto* reactor = ctx->DefaultReactor();
    *resp = store_.MemberList();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

 private:
  Store& store_;
};

}  // namespace

Result<std::string> ListenAddressFromUrl(const std::string& url) {
  KREF_ASSIGN_OR_RETURN(HttpUrl parsed, ParseHttpUrl(url, "listen URL"));
  return parsed.host_and_port;
}

Result<std::unique_ptr<GrpcServer>> GrpcServer::Start(Store& store, GrpcServerOptions options) {
  std::unique_ptr<GrpcServer> server(new GrpcServer());
  grpc::ServerBuilder builder;
  server->ports_.assign(options.listen_addresses.size(), 0);
  for (size_t i = 0; i < options.listen_addresses.size(); ++i) {
    builder.AddListeningPort(options.listen_addresses[i], grpc::InsecureServerCredentials(),
                             &server->ports_[i]);
  }
  // etcd accepts requests up to max-request-bytes plus gRPC overhead, and sends any size.
  builder.SetMaxReceiveMessageSize(static_cast<int>(options.max_request_bytes + 512 * 1024));
  builder.SetMaxSendMessageSize(std::numeric_limits<int>::max());
  server->services_.push_back(std::make_unique<KvService>(store, options.max_request_bytes));
  server->services_.push_back(std::make_unique<LeaseService>(store));
  server->services_.push_back(std::make_unique<MaintenanceService>(store));
  server->services_.push_back(std::make_unique<ClusterService>(store));
  server->services_.push_back(std::make_unique<WatchService>(store));
  server->services_.push_back(std::make_unique<AuthService>(store));
  for (auto& service : server->services_) builder.RegisterService(service.get());
  server->server_ = builder.BuildAndStart();
  if (server->server_ == nullptr) {
    return UnavailableError("cannot listen on the client URLs (address in use?)");
  }
  for (size_t i = 0; i < server->ports_.size(); ++i) {
    if (server->ports_[i] == 0) {
      return UnavailableError("cannot listen on " + options.listen_addresses[i]);
    }
  }
  return server;
}

GrpcServer::~GrpcServer() { Shutdown(); }

void GrpcServer::Shutdown() {
  if (server_ != nullptr) {
    server_->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
    server_.reset();
  }
}

}  // namespace kref::store
