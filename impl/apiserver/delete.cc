// ApiServer's deletes: DELETE of an object (graceful for running pods, held by finalizers,
// orphan and foreground propagation), deletecollection, and pods/eviction under
// PodDisruptionBudgets.
#include "impl/apiserver/apiserver.h"

#include <boost/json.hpp>

#include "impl/api/core/types.h"
#include "impl/api/labels.h"
#include "impl/api/policy/types.h"
#include "impl/apiserver/errors.h"
#include "impl/apiserver/params.h"
#include "impl/apiserver/internal/handlers.h"

namespace kref::apiserver {

namespace json = boost::json;
using internal::DecodeBody;
using internal::Held;
using internal::JsonResponse;
using internal::SuccessStatus;

namespace {

// How long a deleted object of this kind lingers before it goes, as upstream's
// CheckGracefulDelete: pods bound to a node and still running get their grace period (the
// request's, else spec.terminationGracePeriodSeconds, else 30 s); everything else goes now.
int64_t GracePeriod(const api::Object& object, const api::meta::DeleteOptions& options) {
  const auto* pod = object.As<api::core::Pod>();
  if (pod == nullptr) return 0;
  if (pod->spec.nodeName.empty() || pod->status.phase == "Succeeded" || pod->status.phase == "Failed") {
    return 0;
  }
  int64_t grace = options.gracePeriodSeconds.value_or(pod->spec.terminationGracePeriodSeconds.value_or(30));
  return std::max<int64_t>(grace, 0);
}

bool Contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

HttpResponse ApiServer::Delete(const Call& call) {
  auto dry_run = ParseDryRun(call.query);
  if (!dry_run.has_value()) return ErrorResponse(dry_run.error());
  auto options = ParseDeleteOptions(call.http, call.query);
  if (!options.has_value()) return ErrorResponse(options.error());
  return DeleteObject(call, *options, *dry_run);
}

HttpResponse ApiServer::DeleteObject(const Call& call, const api::meta::DeleteOptions& options,
                                     bool dry_run) {
  // The object as it was last; retried if it changes between the read and the write.
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto stored = Stored(call);
    if (!stored.has_value()) return ErrorResponse(stored.error());
    auto loaded = Load(call.kind, *stored);
    if (!loaded.has_value()) return ErrorResponse(loaded.error());
    api::Object& object = **loaded;
    api::meta::ObjectMeta& meta = object.metadata();
    if (const auto& pre = options.preconditions) {
      if (pre->uid && *pre->uid != meta.uid) {
        return ErrorResponse(Conflict(call.kind.resource, call.kind.group, call.info.name,
                                      "Precondition failed: UID in precondition: " + *pre->uid +
                                          ", UID in object meta: " + meta.uid));
      }
      if (pre->resourceVersion && *pre->resourceVersion != meta.resourceVersion) {
        return ErrorResponse(Conflict(call.kind.resource, call.kind.group, call.info.name,
                                      "Precondition failed: ResourceVersion in precondition: " +
                                          *pre->resourceVersion + ", ResourceVersion in object meta: " +
                                          meta.resourceVersion));
      }
    }
    // Deletion is graceful (a running pod), waits for finalizers, or is immediate. A namespace
    // also waits for its spec.finalizers (the namespace controller empties it, then finalizes).
    int64_t grace = meta.deletionTimestamp && options.gracePeriodSeconds
                        ? std::max<int64_t>(*options.gracePeriodSeconds, 0)
                        : GracePeriod(object, options);
    bool orphan = options.propagationPolicy ? *options.propagationPolicy == "Orphan"
                                             : options.orphanDependents.value_or(false);
    bool foreground = options.propagationPolicy && *options.propagationPolicy == "Foreground";
    auto* ns = object.As<api::core::Namespace>();
    bool waits = grace > 0 || !meta.finalizers.empty() || orphan || foreground ||
                 (ns != nullptr && !ns->spec.finalizers.empty());
    if (waits) {
      bool changed = false;
      if (!meta.deletionTimestamp || (meta.deletionGracePeriodSeconds.value_or(0) > grace)) {
        meta.deletionTimestamp = api::Time::FromTimePoint(options_.clock->Now() + std::chrono::seconds(grace));
        meta.deletionGracePeriodSeconds = grace;
        changed = true;
      }
      if (orphan && !Contains(meta.finalizers, "orphan")) {
        meta.finalizers.push_back("orphan");
        changed = true;
      }
      if (foreground && !Contains(meta.finalizers, "foregroundDeletion")) {
        meta.finalizers.push_back("foregroundDeletion");
        changed = true;
      }
      if (ns != nullptr && ns->status.phase != "Terminating") {
        ns->status.phase = "Terminating";
        changed = true;
      }
      if (dry_run || !changed) return JsonResponse(200, object.ToJson());
      meta.resourceVersion.clear();
      auto updated = objects_.Update(call.Key(), object.ToJson(), stored->revision);
      if (updated.has_value()) {
        meta.resourceVersion = std::to_string(*updated);
        return JsonResponse(200, object.ToJson());
      }
      if (updated.error().IsNotFound()) {
        return ErrorResponse(NotFound(call.kind.resource, call.kind.group, call.info.name));
      }
      if (!updated.error().IsAborted()) return ErrorResponse(updated.error());
      continue;
    }
    if (dry_run) return JsonResponse(200, object.ToJson());
    auto deleted = objects_.Delete(call.Key(), stored->revision, Held(object));
    if (deleted.has_value()) return JsonResponse(200, object.ToJson());
    if (deleted.error().IsNotFound()) {
      return ErrorResponse(NotFound(call.kind.resource, call.kind.group, call.info.name));
    }
    if (!deleted.error().IsAborted()) return ErrorResponse(deleted.error());
  }
  return ErrorResponse(Conflict(call.kind.resource, call.kind.group, call.info.name, kObjectModified));
}

HttpResponse ApiServer::Evict(const Call& call) {
  const api::KindInfo* eviction_kind = registry_.FindKind("policy/v1", "Eviction");
  const api::KindInfo* pdbs = registry_.FindResource("policy", "v1", "poddisruptionbudgets");
  auto body = DecodeBody(registry_, call.http, call.query, *eviction_kind);
  if (!body.has_value()) return ErrorResponse(body.error());
  const auto* eviction = body->object->As<api::policy::Eviction>();
  if (!eviction->metadata.name.empty() && eviction->metadata.name != call.info.name) {
    return ErrorResponse(BadRequest("name in URL does not match name in Eviction object"));
  }
  auto dry_run = ParseDryRun(call.query);
  if (!dry_run.has_value()) return ErrorResponse(dry_run.error());
  auto stored = Stored(call);
  if (!stored.has_value()) return ErrorResponse(stored.error());
  auto pod_object = Load(call.kind, *stored);
  if (!pod_object.has_value()) return ErrorResponse(pod_object.error());
  const auto* pod = (*pod_object)->As<api::core::Pod>();
  // A pod that has finished frees no budget: it is deleted without asking.
  bool finished = pod->status.phase == "Succeeded" || pod->status.phase == "Failed";
  for (int attempt = 0; !finished && attempt < 5; ++attempt) {
    auto list = objects_.List(ObjectPrefix("poddisruptionbudgets", call.info.namespace_));
    if (!list.has_value()) return ErrorResponse(list.error());
    std::vector<std::pair<StoredObject, std::unique_ptr<api::Object>>> matching;
    for (const StoredObject& item : list->items) {
      auto budget = Load(*pdbs, item);
      if (!budget.has_value()) return ErrorResponse(budget.error());
      const auto* pdb = (*budget)->As<api::policy::PodDisruptionBudget>();
      auto selector = api::labels::Selector::FromLabelSelector(pdb->spec.selector);
      if (!selector.has_value() || selector->MatchesNothing() || selector->Empty()) continue;
      if (selector->Matches(api::labels::Set(pod->metadata.labels.begin(), pod->metadata.labels.end()))) {
        matching.emplace_back(item, std::move(*budget));
      }
    }
    if (matching.empty()) break;
    if (matching.size() > 1) {
      return ErrorResponse(InternalServerError(
          "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support."));
    }
    auto* pdb = matching[0].second->As<api::policy::PodDisruptionBudget>();
    if (pdb->status.disruptionsAllowed <= 0) {
      Status refused = ResourceExhaustedError("Cannot evict pod as it would violate the pod's disruption budget.");
      StatusDetails details{.reason = "TooManyRequests"};
      details.causes.push_back({.reason = "DisruptionBudget",
                                .message = "The disruption budget " + pdb->metadata.name + " needs " +
                                           std::to_string(pdb->status.desiredHealthy) + " healthy pods and has " +
                                           std::to_string(pdb->status.currentHealthy) + " currently"});
      return ErrorResponse(refused.WithDetails(std::move(details)));
    }
    if (*dry_run) break;
    // Spend one disruption; the disruption controller gives it back once it sees the pod go.
    --pdb->status.disruptionsAllowed;
    pdb->status.disruptedPods[pod->metadata.name] = api::Time::FromTimePoint(options_.clock->Now());
    pdb->metadata.resourceVersion.clear();
    auto written = objects_.Update(ObjectKey("poddisruptionbudgets", call.info.namespace_, pdb->metadata.name),
                                   matching[0].second->ToJson(), matching[0].first.revision);
    if (written.has_value()) break;
    if (!written.error().IsAborted()) return ErrorResponse(written.error());
    if (attempt == 4) return ErrorResponse(Conflict("poddisruptionbudgets", "policy", pdb->metadata.name, kObjectModified));
  }
  HttpResponse deleted = DeleteObject(call, eviction->deleteOptions.value_or(api::meta::DeleteOptions()), *dry_run);
  if (deleted.status != 200) return deleted;
  return SuccessStatus(201);
}

HttpResponse ApiServer::DeleteCollection(const Call& call) {
  auto dry_run = ParseDryRun(call.query);
  if (!dry_run.has_value()) return ErrorResponse(dry_run.error());
  auto filter = ParseFilter(call.query, call.kind);
  if (!filter.has_value()) return ErrorResponse(filter.error());
  auto list = objects_.List(ObjectPrefix(call.kind.resource, call.info.namespace_));
  if (!list.has_value()) return ErrorResponse(list.error());
  // Each selected object is deleted as it was read; one changed meanwhile is left alone, as
  // upstream leaves objects that fail their delete.
  std::string items;
  for (const StoredObject& stored : list->items) {
    auto object = Load(call.kind, stored);
    if (!object.has_value()) return ErrorResponse(object.error());
    if (!filter->Matches(**object)) continue;
    if (!*dry_run) {
      const api::meta::ObjectMeta& meta = (*object)->metadata();
      auto deleted = objects_.Delete(ObjectKey(call.kind.resource, meta.namespace_, meta.name),
                                     stored.revision, Held(**object));
      if (!deleted.has_value()) {
        if (deleted.error().IsAborted() || deleted.error().IsNotFound()) continue;
        return ErrorResponse(deleted.error());
      }
    }
    items += (items.empty() ? "" : ",") + (*object)->ToJson();
  }
  return JsonResponse(200, "{\"kind\":\"" + std::string(call.kind.kind) + "List\",\"apiVersion\":\"" +
                               call.kind.ApiVersion() + "\",\"metadata\":{\"resourceVersion\":\"" +
                               std::to_string(list->revision) + "\"},\"items\":[" + items + "]}");
}

}  // namespace kref::apiserver
