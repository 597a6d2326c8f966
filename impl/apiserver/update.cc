// ApiServer's updates: PUT and PATCH of an object, its status or its scale.
#include "impl/apiserver/apiserver.h"

#include <boost/json.hpp>

#include "impl/api/validation/common.h"
#include "impl/api/validation/field_error.h"
#include "impl/apiserver/errors.h"
#include "impl/apiserver/params.h"
#include "impl/apiserver/patch.h"
#include "impl/apiserver/internal/handlers.h"

namespace kref::apiserver {

namespace json = boost::json;
using internal::AddWarnings;
using internal::CheckNamespace;
using internal::DecodeValue;
using internal::Held;
using internal::JsonResponse;
using internal::ScaleOf;

namespace {

// What the server keeps of the stored object on an update, as upstream's update strategies:
// uid, creationTimestamp, deletion fields and generation are the server's; generation goes up
// by one when the spec changes; for kinds with a status subresource, the status is kept too
// (it changes through /status only).
Result<std::unique_ptr<api::Object>> PrepareForUpdate(const api::KindInfo& kind,
                                                      const api::Object& old,
                                                      std::unique_ptr<api::Object> incoming) {
  api::meta::ObjectMeta& meta = incoming->metadata();
  meta.uid = old.metadata().uid;
  meta.creationTimestamp = old.metadata().creationTimestamp;
  meta.deletionTimestamp = old.metadata().deletionTimestamp;
  meta.deletionGracePeriodSeconds = old.metadata().deletionGracePeriodSeconds;
  meta.generation = old.metadata().generation;
  json::value before = json::parse(old.ToJson());
  json::value after = json::parse(incoming->ToJson());
  json::object& before_object = before.as_object();
  json::object& after_object = after.as_object();
  bool keeps_status = std::find(kind.subresources.begin(), kind.subresources.end(), "status") !=
                      kind.subresources.end();
  const json::value* old_spec = before_object.if_contains("spec");
  const json::value* new_spec = after_object.if_contains("spec");
  bool spec_changed = (old_spec == nullptr) != (new_spec == nullptr) ||
                      (old_spec != nullptr && *old_spec != *new_spec);
  if (spec_changed && meta.generation > 0) {
    ++meta.generation;
    after_object["metadata"].as_object()["generation"] = meta.generation;
  }
  if (!keeps_status) return incoming;
  if (const json::value* status = before_object.if_contains("status")) {
    after_object["status"] = *status;
  } else {
    after_object.erase("status");
  }
  return kind.decode(kind, after, nullptr);
}

// Reads a Scale sent for `old` (its JSON) into the object: spec.replicas, and its
// resourceVersion as a precondition. BadRequest for a body that is not a Scale.
Result<json::value> ApplyScale(json::value old, const json::value& scale) {
  const json::object* object = scale.if_object();
  if (object == nullptr) return BadRequest("the body is not a Scale");
  const json::value* kind = object->if_contains("kind");
  if (kind != nullptr && *kind != "Scale") return BadRequest("the body is not a Scale");
  const json::value* replicas = nullptr;
  if (const json::value* spec = object->if_contains("spec"); spec && spec->is_object()) {
    replicas = spec->as_object().if_contains("replicas");
  }
  if (replicas != nullptr && !replicas->is_int64()) {
    return BadRequest("json: cannot unmarshal " + std::string(replicas->is_string() ? "string" : "value") +
                      " into field spec.replicas of type int32");
  }
  json::value& spec = old.as_object()["spec"];
  if (!spec.is_object()) spec.emplace_object();
  spec.as_object()["replicas"] = replicas != nullptr ? replicas->as_int64() : 0;
  json::object& meta = old.as_object()["metadata"].as_object();
  meta.erase("resourceVersion");
  if (const json::value* m = object->if_contains("metadata"); m && m->is_object()) {
    if (const json::value* rv = m->as_object().if_contains("resourceVersion"); rv && rv->is_string()) {
      meta["resourceVersion"] = *rv;
    }
  }
  return old;
}

}  // namespace

HttpResponse ApiServer::Mutate(const Call& call, const Mutation& mutate) {
  auto dry_run = ParseDryRun(call.query);
  if (!dry_run.has_value()) return ErrorResponse(dry_run.error());
  auto validation = ParseFieldValidation(call.query);
  if (!validation.has_value()) return ErrorResponse(validation.error());
  const std::string& part = call.info.subresource;  // "", "status" or "scale"
  // Tried again when the object changes meanwhile, unless the request named the version it
  // changes (then the change is a conflict).
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto stored = Stored(call);
    if (!stored.has_value()) return ErrorResponse(stored.error());
    auto old = Load(call.kind, *stored);
    if (!old.has_value()) return ErrorResponse(old.error());
    json::value old_json = json::parse((*old)->ToJson());
    auto changed = mutate(old_json);
    if (!changed.has_value()) return ErrorResponse(changed.error());
    json::value result = std::move(*changed);
    if (part == "finalize") {
      // Only spec.finalizers changes through a namespace's /finalize.
      json::value finalizers = json::array();
      if (const json::value* spec = result.is_object() ? result.as_object().if_contains("spec") : nullptr) {
        if (const json::value* f = spec->is_object() ? spec->as_object().if_contains("finalizers") : nullptr) {
          finalizers = *f;
        }
      }
      json::value sent_meta = result.is_object() && result.as_object().contains("metadata")
                                  ? result.as_object()["metadata"]
                                  : json::value();
      result = old_json;
      result.as_object()["spec"].as_object()["finalizers"] = std::move(finalizers);
      json::object& meta = result.as_object()["metadata"].as_object();
      meta.erase("resourceVersion");
      if (const json::value* rv = sent_meta.is_object() ? sent_meta.as_object().if_contains("resourceVersion") : nullptr) {
        meta["resourceVersion"] = *rv;
      }
    }
    if (part == "status") {
      // Only the status changes through /status; the rest stays as stored.
      json::value status = result.is_object() && result.as_object().contains("status")
                               ? result.as_object()["status"]
                               : json::value();
      std::string sent_rv;
      if (const json::value* m = result.is_object() ? result.as_object().if_contains("metadata") : nullptr) {
        if (const json::value* rv = m->is_object() ? m->as_object().if_contains("resourceVersion") : nullptr) {
          if (rv->is_string()) sent_rv = std::string(rv->as_string());
        }
      }
      result = old_json;
      if (status.is_null()) {
        result.as_object().erase("status");
      } else {
        result.as_object()["status"] = std::move(status);
      }
      json::object& meta = result.as_object()["metadata"].as_object();
      meta.erase("resourceVersion");
      if (!sent_rv.empty()) meta["resourceVersion"] = sent_rv;
    }
    auto body = DecodeValue(registry_, std::move(result), *validation, call.kind);
    if (!body.has_value()) return ErrorResponse(body.error());
    api::meta::ObjectMeta& sent = body->object->metadata();
    bool conditional = !sent.resourceVersion.empty();
    if (conditional && sent.resourceVersion != std::to_string(stored->revision)) {
      return ErrorResponse(Conflict(call.kind.resource, call.kind.group, call.info.name, kObjectModified));
    }
    if (sent.name != call.info.name) {
      return ErrorResponse(BadRequest("the name of the object (" + sent.name +
                                      ") does not match the name on the URL (" + call.info.name + ")"));
    }
    if (Status s = CheckNamespace(call.info, call.kind, *body->object); !s.ok()) return ErrorResponse(s);
    std::unique_ptr<api::Object> object = std::move(body->object);
    // Defaulted first, as upstream defaults while decoding: the spec PrepareForUpdate compares
    // (for the generation) is then the one that will be stored.
    object->Default();
    if (part != "status" && part != "finalize") {
      auto prepared = PrepareForUpdate(call.kind, **old, std::move(object));
      if (!prepared.has_value()) return ErrorResponse(prepared.error());
      object = std::move(*prepared);
    }
    api::meta::ObjectMeta& meta = object->metadata();
    api::validation::FieldErrors errors = object->Validate();
    api::validation::Append(errors, object->ValidateUpdate(**old));
    if (!errors.empty()) {
      return ErrorResponse(api::validation::InvalidError(call.kind.group, call.kind.kind, meta.name, errors));
    }
    // An object being deleted goes once its last finalizer is removed (and its grace period
    // is over), as upstream's ShouldDeleteDuringUpdate.
    if (meta.deletionTimestamp && meta.finalizers.empty() &&
        meta.deletionGracePeriodSeconds.value_or(0) == 0 &&
        !(object->As<api::core::Namespace>() != nullptr &&
          !object->As<api::core::Namespace>()->spec.finalizers.empty())) {
      if (*dry_run) return JsonResponse(200, object->ToJson());
      auto deleted = objects_.Delete(call.Key(), stored->revision, Held(**old));
      if (deleted.has_value()) return JsonResponse(200, object->ToJson());
      if (deleted.error().IsAborted() && !conditional) continue;
      if (deleted.error().IsAborted()) {
        return ErrorResponse(Conflict(call.kind.resource, call.kind.group, call.info.name, kObjectModified));
      }
      if (deleted.error().IsNotFound()) {
        return ErrorResponse(NotFound(call.kind.resource, call.kind.group, call.info.name));
      }
      return ErrorResponse(deleted.error());
    }
    RangeClaims claims;
    if (auto* service = object->As<api::core::Service>()) {
      auto prepared = services_.Prepare((*old)->As<api::core::Service>(), *service);
      if (!prepared.has_value()) return ErrorResponse(prepared.error());
      claims = std::move(*prepared);
    }
    meta.resourceVersion.clear();
    std::string updated = object->ToJson();
    // An update that changes nothing writes nothing and keeps the resourceVersion, as upstream's
    // storage skips a write whose bytes equal the stored ones.
    bool unchanged = updated == stored->json && claims.claim.empty() && claims.release.empty();
    if (*dry_run || unchanged) {
      meta.resourceVersion = std::to_string(stored->revision);
    } else {
      auto revision = objects_.Update(call.Key(), updated, stored->revision, claims.claim, claims.release);
      if (!revision.has_value()) {
        if (revision.error().IsAborted()) {
          if (conditional) {
            return ErrorResponse(Conflict(call.kind.resource, call.kind.group, call.info.name, kObjectModified));
          }
          continue;
        }
        if (revision.error().IsNotFound()) {
          return ErrorResponse(NotFound(call.kind.resource, call.kind.group, call.info.name));
        }
        return ErrorResponse(revision.error());
      }
      meta.resourceVersion = std::to_string(*revision);
    }
    HttpResponse response =
        JsonResponse(200, part == "scale" ? json::serialize(ScaleOf(json::parse(object->ToJson())))
                                          : object->ToJson());
    AddWarnings(response, body->warnings);
    return response;
  }
  return ErrorResponse(Conflict(call.kind.resource, call.kind.group, call.info.name, kObjectModified));
}

HttpResponse ApiServer::Update(const Call& call) {
  auto parsed = ParseBody(registry_, call.http);
  if (!parsed.has_value()) return ErrorResponse(parsed.error());
  json::value sent = std::move(*parsed);
  bool scale = call.info.subresource == "scale";
  return Mutate(call, [&](json::value old) -> Result<json::value> {
    if (scale) return ApplyScale(std::move(old), sent);
    return sent;
  });
}

HttpResponse ApiServer::Patch(const Call& call) {
  std::string media = MediaType(call.http.Header("content-type"));
  bool merge = media == "application/merge-patch+json";
  bool strategic = media == "application/strategic-merge-patch+json";
  if (!merge && !strategic && media != "application/json-patch+json") {
    return ErrorResponse(UnsupportedMediaType({"application/json-patch+json",
                                               "application/merge-patch+json",
                                               "application/strategic-merge-patch+json"}));
  }
  json::error_code ec;
  json::value patch = json::parse(call.http.body, ec);
  if (ec) return ErrorResponse(BadRequest("error decoding patch: " + ec.message()));
  bool scale = call.info.subresource == "scale";
  return Mutate(call, [&](json::value old) -> Result<json::value> {
    // A scale is patched as a Scale, then read back into the object.
    json::value target = scale ? ScaleOf(old) : old;
    json::value patched;
    if (merge) {
      patched = MergePatch(std::move(target), patch);
    } else if (strategic) {
      const api::KindInfo* kind = scale ? registry_.FindKind("autoscaling/v1", "Scale") : &call.kind;
      auto applied = StrategicMergePatch(std::move(target), patch, &kind->schema());
      if (!applied.has_value()) return BadRequest(applied.error().message());
      patched = std::move(*applied);
    } else {
      auto applied = JsonPatch(std::move(target), patch);
      if (!applied.has_value()) {
        if (applied.error().IsInvalidArgument()) return BadRequest(applied.error().message());
        return applied.error().WithDetails({.reason = "Invalid"});
      }
      patched = std::move(*applied);
    }
    if (scale) return ApplyScale(std::move(old), patched);
    return patched;
  });
}

}  // namespace kref::apiserver
