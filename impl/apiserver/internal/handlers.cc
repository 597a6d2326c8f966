#include "impl/apiserver/internal/handlers.h"

#include <boost/json.hpp>

#include "impl/api/core/types.h"
#include "impl/api/labels.h"
#include "impl/api/validation/common.h"
#include "impl/apiserver/errors.h"
#include "impl/apiserver/service_allocator.h"

namespace kref::apiserver::internal {

namespace json = boost::json;

namespace {

std::string Quoted(std::string_view text) { return api::validation::GoQuote(text); }

}  // namespace

HttpResponse Response(int status, std::string content_type, std::string body) {
  HttpResponse response;
  response.status = status;
  response.headers.emplace_back("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

HttpResponse JsonResponse(int status, std::string body) {
  return Response(status, "application/json", std::move(body));
}
HttpResponse TextResponse(int status, std::string body) {
  return Response(status, "text/plain; charset=utf-8", std::move(body));
}

HttpResponse SuccessStatus(int code) {
  return JsonResponse(code, json::serialize(json::object{{"kind", "Status"},
                                                         {"apiVersion", "v1"},
                                                         {"metadata", json::object{}},
                                                         {"status", "Success"},
                                                         {"code", code}}));
}

// Decodes the body of a create or update as an object of `kind`, applying fieldValidation.
Result<Body> DecodeBody(const api::Registry& registry, const HttpRequest& http,
                        const Query& query, const api::KindInfo& kind) {
  KREF_ASSIGN_OR_RETURN(FieldValidation validation, ParseFieldValidation(query));
  KREF_ASSIGN_OR_RETURN(json::value value, ParseBody(registry, http));
  return DecodeValue(registry, std::move(value), validation, kind);
}

// Decodes `value` as an object of `kind`, applying fieldValidation to unknown fields.
Result<Body> DecodeValue(const api::Registry& registry, json::value value,
                         FieldValidation validation, const api::KindInfo& kind) {
  if (json::object* object = value.if_object()) {
    // As upstream's decoder, the endpoint's kind is the default.
    if (!object->contains("kind")) (*object)["kind"] = kind.kind;
    if (!object->contains("apiVersion")) (*object)["apiVersion"] = kind.ApiVersion();
  }
  api::DecodeReport report;
  auto decoded = registry.Decode(value, &report);
  if (!decoded.has_value()) return BadRequest(decoded.error().message());
  const api::KindInfo& got = (*decoded)->info();
  if (got.kind != kind.kind || got.group != kind.group) {
    return BadRequest("the kind of the provided object (" + got.QualifiedKind() +
                      ") does not match the kind of the resource (" + kind.QualifiedKind() + ")");
  }
  if (got.version != kind.version) {
    return BadRequest("the API version in the data (" + got.ApiVersion() +
                      ") does not match the expected API version (" + kind.ApiVersion() + ")");
  }
  Body body{std::move(*decoded), {}};
  if (!report.unknown_fields.empty() && validation != FieldValidation::kIgnore) {
    std::string strict;
    for (const std::string& field : report.unknown_fields) {
      std::string message = "unknown field " + Quoted(field);
      strict += (strict.empty() ? "" : ", ") + message;
      body.warnings.push_back(message);
    }
    if (validation == FieldValidation::kStrict) return BadRequest("strict decoding error: " + strict);
  }
  return body;
}

void AddWarnings(HttpResponse& response, const std::vector<std::string>& warnings) {
  for (const std::string& warning : warnings) {
    // RFC 7234 warn-code 299 with the text quoted, as upstream sends it.
    std::string quoted;
    for (char c : warning) {
      if (c == '"' || c == '\\') quoted.push_back('\\');
      quoted.push_back(c);
    }
    response.headers.emplace_back("Warning", "299 - \"" + quoted + "\"");
  }
}

// Puts the request's namespace into a namespaced object that names none (BadRequest when it
// names another) and clears it from a cluster-scoped one.
Status CheckNamespace(const RequestInfo& info, const api::KindInfo& kind, api::Object& object) {
  std::string& ns = object.metadata().namespace_;
  if (!kind.namespaced) {
    ns.clear();
    return Status();
  }
  if (ns.empty()) ns = info.namespace_;
  if (ns != info.namespace_) {
    return BadRequest(
        "the namespace of the provided object does not match the namespace sent on the request");
  }
  return Status();
}

// The range keys an object holds (a Service's cluster IP and node ports), released with it.
std::vector<std::string> Held(const api::Object& object) {
  const auto* service = object.As<api::core::Service>();
  return service != nullptr ? ServiceAllocator::Held(*service) : std::vector<std::string>();
}

// The autoscaling/v1 Scale of a scalable object (its JSON).
json::value ScaleOf(const json::value& object) {
  json::object meta;
  for (std::string_view key : {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
    if (const json::value* v = object.at("metadata").as_object().if_contains(key)) meta[key] = *v;
  }
  int64_t replicas = 0, observed = 0;
  std::string selector;
  if (const json::value* spec = object.as_object().if_contains("spec")) {
    if (const json::value* r = spec->as_object().if_contains("replicas"); r && r->is_int64()) {
      replicas = r->as_int64();
    }
    if (const json::value* sel = spec->as_object().if_contains("selector"); sel && sel->is_object()) {
      // A ReplicationController's selector is a plain label map; the others' a LabelSelector.
      bool plain = !sel->as_object().contains("matchLabels") && !sel->as_object().contains("matchExpressions");
      selector = plain ? LabelMapText(sel) : LabelSelectorText(sel);
    }
  }
  if (const json::value* status = object.as_object().if_contains("status")) {
    if (const json::value* r = status->as_object().if_contains("replicas"); r && r->is_int64()) {
      observed = r->as_int64();
    }
  }
  json::object status{{"replicas", observed}};
  if (!selector.empty()) status["selector"] = selector;
  return json::object{{"kind", "Scale"},
                      {"apiVersion", "autoscaling/v1"},
                      {"metadata", std::move(meta)},
                      {"spec", json::object{{"replicas", replicas}}},
                      {"status", std::move(status)}};
}

}  // namespace kref::apiserver::internal
