#include "impl/store/kv.h"

namespace kref::store {

Result<pb::RangeResponse> Kv::Range(pb::RangeRequest request) {
  return Await<pb::RangeResponse>([&](auto done) { RangeAsync(std::move(request), done); });
}
Result<pb::PutResponse> Kv::Put(pb::PutRequest request) {
  return Await<pb::PutResponse>([&](auto done) { PutAsync(std::move(request), done); });
}
Result<pb::DeleteRangeResponse> Kv::DeleteRange(pb::DeleteRangeRequest request) {
  return Await<pb::DeleteRangeResponse>(
      [&](auto done) { DeleteRangeAsync(std::move(request), done); });
}
Result<pb::TxnResponse> Kv::Txn(pb::TxnRequest request) {
  return Await<pb::TxnResponse>([&](auto done) { TxnAsync(std::move(request), done); });
}
Result<pb::CompactionResponse> Kv::Compact(pb::CompactionRequest request) {
  return Await<pb::CompactionResponse>(
      [&](auto done) { CompactAsync(std::move(request), done); });
}
Result<pb::LeaseGrantResponse> Kv::LeaseGrant(pb::LeaseGrantRequest request) {
  return Await<pb::LeaseGrantResponse>(
      [&](auto done) { LeaseGrantAsync(std::move(request), done); });
}
Result<pb::LeaseRevokeResponse> Kv::LeaseRevoke(pb::LeaseRevokeRequest request) {
  return Await<pb::LeaseRevokeResponse>(
      [&](auto done) { LeaseRevokeAsync(std::move(request), done); });
}
Result<pb::LeaseKeepAliveResponse> Kv::LeaseKeepAlive(pb::LeaseKeepAliveRequest request) {
  return Await<pb::LeaseKeepAliveResponse>(
      [&](auto done) { LeaseKeepAliveAsync(std::move(request), done); });
}

}  // namespace kref::store
