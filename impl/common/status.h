// kref::Status: the error type of every kref API.
//
// A Status is a gRPC canonical code plus a message, optionally carrying Kubernetes-style
// details (reason, name/group/kind, field causes). The code set is google.rpc.Code, which is
// also what etcd answers with; the edges map codes to HTTP/Kubernetes `Status` objects and to
// etcd's exact error strings (spec/errors.md). OK statuses carry no message and no details.
//
// Thread safety: a Status is an immutable value; copies may be used from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kref {

// The 17 canonical codes, numbered as in google.rpc.Code.
enum class StatusCode : int {
  kOk = 0,
  kCancelled = 1,
  kUnknown = 2,
  kInvalidArgument = 3,
  kDeadlineExceeded = 4,
  kNotFound = 5,
  kAlreadyExists = 6,
  kPermissionDenied = 7,
  kResourceExhausted = 8,
  kFailedPrecondition = 9,
  kAborted = 10,
  kOutOfRange = 11,
  kUnimplemented = 12,
  kInternal = 13,
  kUnavailable = 14,
  kDataLoss = 15,
  kUnauthenticated = 16,
};

// "OK", "NOT_FOUND", ... (the google.rpc spelling).
std::string_view StatusCodeName(StatusCode code);

// One field-level cause, as in Kubernetes' metav1.StatusCause.
struct StatusCause {
  std::string reason;   // e.g. "FieldValueRequired"
  std::string message;  // e.g. "Required value"
  std::string field;    // e.g. "spec.template.spec.containers[0].image"
  bool operator==(const StatusCause&) const = default;
};

// Kubernetes-style detail of an error, as in metav1.Status / metav1.StatusDetails.
struct StatusDetails {
  std::string reason;  // metav1.StatusReason, e.g. "Invalid", "NotFound", "Expired"
  std::string name;
  std::string group;
  std::string kind;
  std::string uid;
  std::vector<StatusCause> causes;
  int32_t retry_after_seconds = 0;
  bool operator==(const StatusDetails&) const = default;
};

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  // REQUIRES: code != kOk, or message empty. An OK code drops the message.
  Status(StatusCode code, std::string message);

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // Null when no details were attached.
  const StatusDetails* details() const { return details_.get(); }

  // Returns a copy carrying `details`. Ignored on an OK status.
  Status WithDetails(StatusDetails details) const;
  // Returns a copy whose message is "<prefix>: <message>". Ignored on an OK status.
  Status Annotate(std::string_view prefix) const;

  // "OK" or "<CODE_NAME>: <message>".
  std::string ToString() const;

  bool IsNotFound() const { return code_ == StatusCode::kNotFound; }
  bool IsAlreadyExists() const { return code_ == StatusCode::kAlreadyExists; }
  bool IsInvalidArgument() const { return code_ == StatusCode::kInvalidArgument; }
  bool IsFailedPrecondition() const { return code_ == StatusCode::kFailedPrecondition; }
  bool IsAborted() const { return code_ == StatusCode::kAborted; }
  bool IsOutOfRange() const { return code_ == StatusCode::kOutOfRange; }
  bool IsUnavailable() const { return code_ == StatusCode::kUnavailable; }
  bool IsInternal() const { return code_ == StatusCode::kInternal; }

  bool operator==(const Status& other) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  std::shared_ptr<const StatusDetails> details_;
};

std::ostream& operator<<(std::ostream& os, const Status& status);

// Factories, one per non-OK code.
Status CancelledError(std::string message);
Status UnknownError(std::string message);
Status InvalidArgumentError(std::string message);
Status DeadlineExceededError(std::string message);
Status NotFoundError(std::string message);
Status AlreadyExistsError(std::string message);
Status PermissionDeniedError(std::string message);
Status ResourceExhaustedError(std::string message);
Status FailedPreconditionError(std::string message);
Status AbortedError(std::string message);
Status OutOfRangeError(std::string message);
Status UnimplementedError(std::string message);
Status InternalError(std::string message);
Status UnavailableError(std::string message);
Status DataLossError(std::string message);
Status UnauthenticatedError(std::string message);

}  // namespace kref
