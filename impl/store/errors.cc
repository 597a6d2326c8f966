#include "impl/store/errors.h"

namespace kref::store {

Status ErrEmptyKey() { return InvalidArgumentError("etcdserver: key is not provided"); }
Status ErrKeyNotFound() { return InvalidArgumentError("etcdserver: key not found"); }
Status ErrValueProvided() { return InvalidArgumentError("etcdserver: value is provided"); }
Status ErrLeaseProvided() { return InvalidArgumentError("etcdserver: lease is provided"); }
Status ErrTooManyOps() {
  return InvalidArgumentError("etcdserver: too many operations in txn request");
}
Status ErrDuplicateKey() {
  return InvalidArgumentError("etcdserver: duplicate key given in txn request");
}
Status ErrRequestTooLarge() { return InvalidArgumentError("etcdserver: request is too large"); }
Status ErrCompacted() {
  return OutOfRangeError("etcdserver: mvcc: required revision has been compacted");
}
Status ErrFutureRev() {
  return OutOfRangeError("etcdserver: mvcc: required revision is a future revision");
}
Status ErrLeaseTTLTooLarge() { return OutOfRangeError("etcdserver: too large lease TTL"); }
Status ErrLeaseNotFound() { return NotFoundError("etcdserver: requested lease not found"); }
Status ErrMemberNotFound() { return NotFoundError("etcdserver: member not found"); }
Status ErrLeaseExists() { return FailedPreconditionError("etcdserver: lease already exists"); }
Status ErrAuthNotEnabled() {
  return FailedPreconditionError("etcdserver: authentication is not enabled");
}
Status ErrNoSpace() { return ResourceExhaustedError("etcdserver: mvcc: database space exceeded"); }
Status ErrStopped() { return UnavailableError("etcdserver: server stopped"); }
Status ErrWatchCanceled() { return CancelledError("etcdserver: watch canceled"); }

}  // namespace kref::store
