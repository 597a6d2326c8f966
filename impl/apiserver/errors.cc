#include "impl/apiserver/errors.h"

#include <utility>

#include "impl/api/json.h"
#include "impl/api/meta/types.h"

namespace kref::apiserver {
namespace {

// "pods", "deployments.apps": upstream's GroupResource.String().
std::string Qualified(std::string_view resource, std::string_view group) {
  std::string out(resource);
  if (!group.empty()) out += "." + std::string(group);
  return out;
}

Status WithReason(Status status, std::string reason, std::string_view resource,
                  std::string_view group, std::string_view name) {
  StatusDetails details;
  details.reason = std::move(reason);
  details.kind = std::string(resource);
  details.group = std::string(group);
  details.name = std::string(name);
  return status.WithDetails(std::move(details));
}

}  // namespace

Status NotFound(std::string_view resource, std::string_view group, std::string_view name) {
  return WithReason(
      NotFoundError(Qualified(resource, group) + " \"" + std::string(name) + "\" not found"),
      "NotFound", resource, group, name);
}

Status AlreadyExists(std::string_view resource, std::string_view group, std::string_view name) {
  return WithReason(AlreadyExistsError(Qualified(resource, group) + " \"" + std::string(name) +
                                       "\" already exists"),
                    "AlreadyExists", resource, group, name);
}

Status Conflict(std::string_view resource, std::string_view group, std::string_view name,
                std::string_view why) {
  return WithReason(AbortedError("Operation cannot be fulfilled on " + Qualified(resource, group) +
                                 " \"" + std::string(name) + "\": " + std::string(why)),
                    "Conflict", resource, group, name);
}

Status BadRequest(std::string message) {
  return InvalidArgumentError(std::move(message)).WithDetails({.reason = "BadRequest"});
}

Status MethodNotSupported(std::string_view resource, std::string_view group,
                          std::string_view verb) {
  return WithReason(UnimplementedError(std::string(verb) +
                                       " is not supported on resources of kind \"" +
                                       Qualified(resource, group) + "\""),
                    "MethodNotAllowed", resource, group, "");
}

Status UnsupportedMediaType(std::initializer_list<std::string_view> accepted) {
  std::string list;
  for (std::string_view type : accepted) list += (list.empty() ? "" : ", ") + std::string(type);
  return InvalidArgumentError(
             "the body of the request was in an unknown format - accepted media types include: " +
             list)
      .WithDetails({.reason = "UnsupportedMediaType"});
}

Status NotAcceptable(std::initializer_list<std::string_view> available) {
  std::string list;
  for (std::string_view type : available) list += (list.empty() ? "" : ", ") + std::string(type);
  return InvalidArgumentError("only the following media types are accepted: " + list)
      .WithDetails({.reason = "NotAcceptable"});
}

Status TooManyRequests() {
  return ResourceExhaustedError("Too many requests, please try again later.")
      .WithDetails({.reason = "TooManyRequests", .retry_after_seconds = 1});
}

Status TooLargeResourceVersion(int64_t requested, int64_t current) {
  return DeadlineExceededError("Timeout: Too large resource version: " + std::to_string(requested) +
                               ", current: " + std::to_string(current))
      .WithDetails({.reason = "Timeout",
                    .causes = {{.reason = "ResourceVersionTooLarge", .message = "Too large resource version"}},
                    .retry_after_seconds = 1});
}

Status RequestEntityTooLarge(size_t limit_bytes) {
  return ResourceExhaustedError("Request entity too large: limit is " +
                                std::to_string(limit_bytes))
      .WithDetails({.reason = "RequestEntityTooLarge"});
}

Status Forbidden(std::string_view resource, std::string_view group, std::string_view name,
                 std::string message) {
  std::string subject = Qualified(resource, group) + " \"" + std::string(name) + "\"";
  if (name.empty()) subject = Qualified(resource, group);
  return WithReason(PermissionDeniedError(subject + " is forbidden: " + message), "Forbidden",
                    resource, group, name);
}

Status PathNotFound() {
  return NotFoundError("the server could not find the requested resource")
      .WithDetails({.reason = "NotFound"});
}

Status InternalServerError(std::string_view why) {
  return InternalError("Internal error occurred: " + std::string(why))
      .WithDetails({.reason = "InternalError"});
}

int HttpCode(const Status& status) {
  static const std::pair<std::string_view, int> kByReason[] = {
      {"NotFound", 404},         {"AlreadyExists", 409},       {"Conflict", 409},
      {"Invalid", 422},          {"BadRequest", 400},          {"MethodNotAllowed", 405},
      {"NotAcceptable", 406},    {"UnsupportedMediaType", 415}, {"RequestEntityTooLarge", 413},
      {"Expired", 410},          {"Gone", 410},                {"Forbidden", 403},
      {"Unauthorized", 401},     {"TooManyRequests", 429},     {"InternalError", 500},
      {"ServiceUnavailable", 503}, {"Timeout", 504},
  };
  if (const StatusDetails* details = status.details()) {
    for (const auto& [reason, code] : kByReason) {
      if (details->reason == reason) return code;
    }
  }
  switch (status.code()) {
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kAborted:
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kOutOfRange: return 410;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kResourceExhausted: return 429;
    case StatusCode::kUnimplemented: return 405;
    case StatusCode::kDeadlineExceeded: return 504;
    case StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

std::string StatusJson(const Status& status) {
  api::meta::Status out;
  out.kind = "Status";
  out.apiVersion = "v1";
  out.status = "Failure";
  out.message = status.message();
  out.code = HttpCode(status);
  if (const StatusDetails* details = status.details()) {
    out.reason = details->reason;
    api::meta::StatusDetails d;
    d.name = details->name;
    d.group = details->group;
    d.kind = details->kind;
    d.uid = details->uid;
    d.retryAfterSeconds = details->retry_after_seconds;
    for (const StatusCause& cause : details->causes) {
      d.causes.push_back({.reason = cause.reason, .message = cause.message, .field = cause.field});
    }
    bool empty = d.name.empty() && d.group.empty() && d.kind.empty() && d.uid.empty() &&
                 d.causes.empty() && d.retryAfterSeconds == 0;
    if (!empty) out.details = std::move(d);
  } else if (out.code == 500) {
    out.reason = "InternalError";
  }
  return api::ToJson(out);
}

HttpResponse ErrorResponse(const Status& status) {
  HttpResponse response;
  response.status = HttpCode(status);
  response.headers.emplace_back("Content-Type", "application/json");
  if (const StatusDetails* details = status.details(); details != nullptr && details->retry_after_seconds > 0) {
    response.headers.emplace_back("Retry-After", std::to_string(details->retry_after_seconds));
  }
  response.body = StatusJson(status);
  return response;
}

}  // namespace kref::apiserver
