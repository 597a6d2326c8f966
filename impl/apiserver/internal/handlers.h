// What ApiServer's request handlers share across their files: the request being served
// (ApiServer::Call), and the helpers every verb uses. apiserver.cc serves reads, lists,
// watches, creates and pods/binding; update.cc PUT and PATCH (objects, status, scale);
// delete.cc DELETE, deletecollection and pods/eviction. Private to impl/apiserver.
#pragma once

#include <boost/json/value.hpp>
#include <memory>
#include <string>
#include <vector>

#include "impl/api/registry.h"
#include "impl/apiserver/apiserver.h"
#include "impl/apiserver/object_store.h"
#include "impl/apiserver/params.h"
#include "impl/apiserver/request_info.h"

namespace kref::apiserver {

struct ApiServer::Call {
  const HttpRequest& http;
  const RequestInfo& info;
  const Query& query;
  const api::KindInfo& kind;

  std::string Key() const { return ObjectKey(kind.resource, info.namespace_, info.name); }
  std::string Key(std::string_view name) const {
    return ObjectKey(kind.resource, kind.namespaced ? info.namespace_ : "", name);
  }
};

namespace internal {

HttpResponse Response(int status, std::string content_type, std::string body);
HttpResponse JsonResponse(int status, std::string body);
HttpResponse TextResponse(int status, std::string body);
// A metav1.Status with status Success and this code (what binding and eviction answer).
HttpResponse SuccessStatus(int code);

// A decoded request body and what the decoder skipped.
struct Body {
  std::unique_ptr<api::Object> object;
  std::vector<std::string> warnings;  // Warning headers (unknown fields with Warn)
};

// Decodes the body of a create or update as an object of `kind`, applying fieldValidation.
Result<Body> DecodeBody(const api::Registry& registry, const HttpRequest& http,
                        const Query& query, const api::KindInfo& kind);
// Decodes `value` as an object of `kind`, applying fieldValidation to unknown fields.
Result<Body> DecodeValue(const api::Registry& registry, boost::json::value value,
                         FieldValidation validation, const api::KindInfo& kind);

// Adds each warning as a Warning header (299, quoted, as upstream sends it).
void AddWarnings(HttpResponse& response, const std::vector<std::string>& warnings);

// Puts the request's namespace into a namespaced object that names none (BadRequest when it
// names another) and clears it from a cluster-scoped one.
Status CheckNamespace(const RequestInfo& info, const api::KindInfo& kind, api::Object& object);

// The range keys an object holds (a Service's cluster IP and node ports), released with it.
std::vector<std::string> Held(const api::Object& object);

// The autoscaling/v1 Scale of a scalable object (its JSON).
boost::json::value ScaleOf(const boost::json::value& object);

}  // namespace internal
}  // namespace kref::apiserver
