// The errors etcd 3.4 answers with, as kref::Status values carrying etcd's gRPC code and exact
// message (etcdserver/api/v3rpc/rpctypes). Clients such as etcdctl and the Kubernetes API server
// match on the message text, so it must not change.
#pragma once

#include "impl/common/status.h"

namespace kref::store {

// InvalidArgument
Status ErrEmptyKey();           // "etcdserver: key is not provided"
Status ErrKeyNotFound();        // "etcdserver: key not found"
Status ErrValueProvided();      // "etcdserver: value is provided"
Status ErrLeaseProvided();      // "etcdserver: lease is provided"
Status ErrTooManyOps();         // "etcdserver: too many operations in txn request"
Status ErrDuplicateKey();       // "etcdserver: duplicate key given in txn request"
Status ErrRequestTooLarge();    // "etcdserver: request is too large"
// OutOfRange
Status ErrCompacted();          // "etcdserver: mvcc: required revision has been compacted"
Status ErrFutureRev();          // "etcdserver: mvcc: required revision is a future revision"
Status ErrLeaseTTLTooLarge();   // "etcdserver: too large lease TTL"
// NotFound
Status ErrLeaseNotFound();      // "etcdserver: requested lease not found"
Status ErrMemberNotFound();     // "etcdserver: member not found"
// FailedPrecondition
Status ErrLeaseExists();        // "etcdserver: lease already exists"
Status ErrAuthNotEnabled();     // "etcdserver: authentication is not enabled"
// ResourceExhausted
Status ErrNoSpace();            // "etcdserver: mvcc: database space exceeded"
// Unavailable
Status ErrStopped();            // "etcdserver: server stopped"
// Canceled
Status ErrWatchCanceled();      // "etcdserver: watch canceled"

}  // namespace kref::store
