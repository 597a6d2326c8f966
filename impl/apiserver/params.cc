#include "impl/apiserver/params.h"

#include <boost/json.hpp>
#include <charconv>
#include <map>

#include "impl/api/json.h"
#include "impl/api/manifest.h"
#include "impl/api/protobuf.h"
#include "impl/api/validation/field_error.h"
#include "impl/apiserver/errors.h"
#include "impl/common/base64.h"

namespace kref::apiserver {

namespace json = boost::json;

Result<FieldValidation> ParseFieldValidation(const Query& query) {
  auto it = query.find("fieldValidation");
  if (it == query.end() || it->second.empty() || it->second == "Warn") return FieldValidation::kWarn;
  if (it->second == "Strict") return FieldValidation::kStrict;
  if (it->second == "Ignore") return FieldValidation::kIgnore;
  return BadRequest("fieldValidation must be one of \"Ignore\", \"Warn\", or \"Strict\", got \"" +
                    it->second + "\"");
}

Result<bool> ParseDryRun(const Query& query) {
  auto it = query.find("dryRun");
  if (it == query.end() || it->second.empty()) return false;
  if (it->second == "All") return true;
  return BadRequest("dryRun must be \"All\", got \"" + it->second + "\"");
}


namespace {

// The fields a kind can be selected by besides metadata.name and metadata.namespace, as
// upstream's per-kind GetAttrs offer them (kubelets select pods by spec.nodeName, kubectl
// describe events by involvedObject.*).
const std::vector<std::string>* SelectableFields(const api::KindInfo& kind) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> kFields = {
      {"Pod", {"spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName",
               "spec.hostNetwork", "status.phase", "status.podIP", "status.nominatedNodeName"}},
      {"Event", {"involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                 "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                 "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type"}},
      {"Node", {"spec.unschedulable"}},
      {"Namespace", {"status.phase"}},
      {"Secret", {"type"}},
      {"ReplicationController", {"status.replicas"}},
      {"ReplicaSet.apps", {"status.replicas"}},
      {"Job.batch", {"status.successful"}},
  };
  auto it = kFields.find(kind.QualifiedKind());
  return it == kFields.end() ? nullptr : &it->second;
}

// A field's value as a field selector compares it: strings as they are, booleans and numbers
// printed (an omitted boolean is "false" and an omitted count "0", as upstream formats the
// Go zero values), other missing fields empty ("source" is an event's source.component).
std::string FieldValue(const json::value& object, std::string_view path) {
  std::string zero;
  if (path == "spec.hostNetwork" || path == "spec.unschedulable") zero = "false";
  if (path == "status.replicas" || path == "status.successful") zero = "0";
  if (path == "source") path = "source.component";
  const json::value* at = &object;
  while (!path.empty() && at != nullptr) {
    size_t dot = path.find('.');
    const json::object* o = at->if_object();
    at = o == nullptr ? nullptr : o->if_contains(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  if (at == nullptr) return zero;
  if (at->is_string()) return std::string(at->as_string());
  if (at->is_bool()) return at->as_bool() ? "true" : "false";
  if (at->is_int64()) return std::to_string(at->as_int64());
  return zero;
}

}  // namespace

bool ObjectFilter::Matches(const api::Object& object) const {
  const auto& meta = object.metadata();
  if (!labels.Matches(api::labels::Set(meta.labels.begin(), meta.labels.end()))) return false;
  api::fields::Set values = {{"metadata.name", meta.name}, {"metadata.namespace", meta.namespace_}};
  if (needs_object) {
    json::value json_object = json::parse(object.ToJson());
    for (const api::fields::Term& term : fields.terms()) {
      if (!term.field.starts_with("metadata.")) values[term.field] = FieldValue(json_object, term.field);
    }
  }
  return fields.Matches(values);
}

Result<ObjectFilter> ParseFilter(const Query& query, const api::KindInfo& kind) {
  ObjectFilter filter;
  if (auto it = query.find("labelSelector"); it != query.end()) {
    auto parsed = api::labels::Selector::Parse(it->second);
    if (!parsed.has_value()) return BadRequest(parsed.error().message());
    filter.labels = std::move(*parsed);
  }
  if (auto it = query.find("fieldSelector"); it != query.end()) {
    auto parsed = api::fields::Selector::Parse(it->second);
    if (!parsed.has_value()) return BadRequest(parsed.error().message());
    const std::vector<std::string>* selectable = SelectableFields(kind);
    for (const api::fields::Term& term : parsed->terms()) {
      if (term.field == "metadata.name" || term.field == "metadata.namespace") continue;
      if (selectable == nullptr ||
          std::find(selectable->begin(), selectable->end(), term.field) == selectable->end()) {
        return BadRequest("field label not supported: " + term.field);
      }
      filter.needs_object = true;
    }
    filter.fields = std::move(*parsed);
  }
  return filter;
}

// A resourceVersion parameter: nullopt when absent or empty.
Result<std::optional<int64_t>> ParseResourceVersion(const Query& query) {
  auto it = query.find("resourceVersion");
  if (it == query.end() || it->second.empty()) return std::optional<int64_t>();
  int64_t value = 0;
  auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  if (ec != std::errc() || end != it->second.data() + it->second.size() || value < 0) {
    return BadRequest("invalid resource version \"" + it->second + "\"");
  }
  return std::optional<int64_t>(value);
}

// A non-negative integer parameter (0 when absent).
Result<int64_t> ParseNonNegative(const Query& query, std::string_view name) {
  auto it = query.find(name);
  if (it == query.end() || it->second.empty()) return int64_t{0};
  int64_t value = 0;
  auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
  if (ec != std::errc() || end != it->second.data() + it->second.size() || value < 0) {
    return BadRequest("invalid " + std::string(name) + " \"" + it->second + "\"");
  }
  return value;
}

std::string EncodeContinue(const ContinueToken& token) {
  return Base64UrlEncode(json::serialize(json::object{
      {"v", "meta.k8s.io/v1"}, {"rv", token.revision}, {"start", token.start}}));
}

Result<ContinueToken> DecodeContinue(std::string_view text) {
  auto invalid = [](std::string why) { return BadRequest("continue key is not valid: " + why); };
  auto bytes = Base64UrlDecode(text);
  if (!bytes.has_value()) return invalid(bytes.error().message());
  json::error_code ec;
  json::value value = json::parse(*bytes, ec);
  const json::object* object = value.if_object();
  if (ec || object == nullptr) return invalid("not a JSON object");
  const json::value* version = object->if_contains("v");
  const json::value* rv = object->if_contains("rv");
  const json::value* start = object->if_contains("start");
  if (version == nullptr || *version != "meta.k8s.io/v1") return invalid("incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  if (rv == nullptr || !rv->is_int64() || rv->as_int64() == 0 || rv->as_int64() < -1) {
    return invalid("incorrect encoded start resourceVersion");
  }
  if (start == nullptr || !start->is_string()) return invalid("encoded start key is missing");
  return ContinueToken{rv->as_int64(), std::string(start->as_string())};
}

HttpResponse ExpiredContinue(const std::string& restart) {
  HttpResponse response = ErrorResponse(
      InvalidArgumentError(
          "The provided continue parameter is too old to display a consistent list result. You "
          "can start a new list without the continue parameter, or use the continue token in "
          "this response to retrieve the remainder of the results. Continuing with the provided "
          "token results in an inconsistent list - objects that were created, modified, or "
          "deleted between the time the first chunk was returned and now may show up in the "
          "list.")
          .WithDetails({.reason = "Expired"}));
  json::value status = json::parse(response.body);
  status.as_object()["metadata"] = json::object{{"continue", restart}};
  response.body = json::serialize(status);
  return response;
}

// The media type of a Content-Type header, without parameters, in lower case.
std::string MediaType(std::string_view content_type) {
  std::string out(content_type.substr(0, content_type.find(';')));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A request body (JSON, one YAML document, or Kubernetes protobuf of a registered kind) as JSON;
// 400 when it does not parse, 415 for other media types.
Result<json::value> ParseBody(const api::Registry& registry, const HttpRequest& http) {
  std::string media = MediaType(http.Header("content-type"));
  if (media == api::kProtobufMediaType) {
    auto envelope = api::ReadProtoEnvelope(http.body);
    if (!envelope.has_value()) return BadRequest(envelope.error().message());
    const api::KindInfo* kind = registry.FindKind(envelope->api_version, envelope->kind);
    if (kind == nullptr) {
      return BadRequest("no kind " + api::validation::GoQuote(envelope->kind) + " is registered for version " +
                        api::validation::GoQuote(envelope->api_version));
    }
    auto value = api::ProtoToJson(kind->schema(), envelope->raw);
    if (!value.has_value()) return BadRequest(value.error().message());
    json::object& object = value->as_object();
    object["apiVersion"] = envelope->api_version;
    object["kind"] = envelope->kind;
    return std::move(*value);
  }
  if (media == "application/json") {
    json::error_code ec;
    json::value value = json::parse(http.body, ec);
    if (ec) return BadRequest("couldn't get version/kind; json parse error: " + ec.message());
    return value;
  }
  if (media == "application/yaml") {
    auto documents = api::ParseManifests(http.body);
    if (!documents.has_value()) return BadRequest(documents.error().message());
    if (documents->size() != 1) return BadRequest("the body must hold exactly one object");
    return std::move(documents->front().value);
  }
  return UnsupportedMediaType({"application/json", "application/yaml", "application/vnd.kubernetes.protobuf"});
}

// DeleteOptions from the body (if any) and the query (gracePeriodSeconds, propagationPolicy,
// orphanDependents), as upstream merges them.
Result<api::meta::DeleteOptions> ParseDeleteOptions(const HttpRequest& http, const Query& query) {
  api::meta::DeleteOptions options;
  std::string_view body = http.body;
  while (!body.empty() && std::isspace(static_cast<unsigned char>(body.front()))) body.remove_prefix(1);
  if (!body.empty() && MediaType(http.Header("content-type")) == api::kProtobufMediaType) {
    auto envelope = api::ReadProtoEnvelope(body);
    if (!envelope.has_value()) return BadRequest(envelope.error().message());
    auto value = api::ProtoToJson(api::SchemaOf<api::meta::DeleteOptions>(), envelope->raw);
    if (!value.has_value()) return BadRequest(value.error().message());
    auto decoded = api::FromJsonValue<api::meta::DeleteOptions>(*value);
    if (!decoded.has_value()) return BadRequest(decoded.error().message());
    options = std::move(*decoded);
  } else if (!body.empty()) {
    auto decoded = api::FromJson<api::meta::DeleteOptions>(body);
    if (!decoded.has_value()) return BadRequest(decoded.error().message());
    options = std::move(*decoded);
  }
  if (auto it = query.find("gracePeriodSeconds"); it != query.end() && !it->second.empty()) {
    int64_t seconds = 0;
    auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), seconds);
    if (ec != std::errc() || end != it->second.data() + it->second.size()) {
      return BadRequest("invalid gracePeriodSeconds \"" + it->second + "\"");
    }
    options.gracePeriodSeconds = seconds;
  }
  if (auto it = query.find("propagationPolicy"); it != query.end() && !it->second.empty()) {
    options.propagationPolicy = it->second;
  }
  if (auto orphan = QueryBool(query, "orphanDependents")) options.orphanDependents = *orphan;
  if (options.propagationPolicy && *options.propagationPolicy != "Orphan" &&
      *options.propagationPolicy != "Background" && *options.propagationPolicy != "Foreground") {
    return api::validation::InvalidError("", "DeleteOptions", "", {api::validation::NotSupported(
        api::validation::Path("propagationPolicy"), *options.propagationPolicy,
        {"Foreground", "Background", "Orphan"})});
  }
  return options;
}


}  // namespace kref::apiserver
