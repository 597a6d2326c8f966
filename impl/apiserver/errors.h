// The API server's errors, built as upstream's k8s.io/apimachinery/pkg/api/errors constructors
// build them (reason, message and details), and their answer: a metav1.Status object with the
// matching HTTP code (spec/errors.md).
//
//   NotFound("pods", "", "web")  -> 404 NotFound  `pods "web" not found`
//   Conflict("deployments", "apps", "web", kModified)
//       -> 409 Conflict `Operation cannot be fulfilled on deployments.apps "web": the object has
//          been modified; please apply your changes to the latest version and try again`
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "impl/apiserver/http_server.h"
#include "impl/common/status.h"

namespace kref::apiserver {

inline constexpr std::string_view kObjectModified =
    "the object has been modified; please apply your changes to the latest version and try again";

Status NotFound(std::string_view resource, std::string_view group, std::string_view name);
Status AlreadyExists(std::string_view resource, std::string_view group, std::string_view name);
Status Conflict(std::string_view resource, std::string_view group, std::string_view name,
                std::string_view why);
Status BadRequest(std::string message);
Status MethodNotSupported(std::string_view resource, std::string_view group,
                          std::string_view verb);
// 415, listing the media types the endpoint accepts.
Status UnsupportedMediaType(std::initializer_list<std::string_view> accepted);
// 406 for an Accept header the endpoint cannot answer: "only the following media types are
// accepted: ...".
Status NotAcceptable(std::initializer_list<std::string_view> available);
Status RequestEntityTooLarge(size_t limit_bytes);
// 429 when the server has more requests than it takes at once: "Too many requests, please try
// again later.", retry after 1 s (ErrorResponse adds the Retry-After header).
Status TooManyRequests();
// 504 for a resourceVersion the server has not reached within its wait: "Timeout: Too large
// resource version: N, current: M", cause ResourceVersionTooLarge, retry after 1 s.
Status TooLargeResourceVersion(int64_t requested, int64_t current);
Status Forbidden(std::string_view resource, std::string_view group, std::string_view name,
                 std::string message);
// A 404 for a path that names nothing: "the server could not find the requested resource".
Status PathNotFound();
Status InternalServerError(std::string_view why);

// The HTTP code for `status`: from its details' reason when it has one (Conflict and
// AlreadyExists are both 409, Expired 410, ...), else from its code.
int HttpCode(const Status& status);
// The metav1.Status JSON for a failed request.
std::string StatusJson(const Status& status);
// The whole answer: HttpCode, Content-Type application/json (and Retry-After when the details
// say when), StatusJson.
HttpResponse ErrorResponse(const Status& status);

}  // namespace kref::apiserver
