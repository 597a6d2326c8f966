#include "impl/apiserver/apiserver.h"

#include <boost/json.hpp>

#include "impl/api/core/types.h"
#include "impl/api/policy/types.h"
#include "impl/api/labels.h"
#include "impl/api/manifest.h"
#include "impl/api/protobuf.h"
#include "impl/api/validation/common.h"
#include "impl/api/validation/field_error.h"
#include "impl/apiserver/discovery.h"
#include "impl/apiserver/errors.h"
#include "impl/apiserver/openapi.h"
#include "impl/apiserver/params.h"
#include "impl/apiserver/patch.h"
#include "impl/apiserver/request_info.h"
#include "impl/apiserver/service_allocator.h"
#include "impl/apiserver/table.h"
#include "impl/apiserver/watch_stream.h"
#include "impl/apiserver/internal/handlers.h"

namespace kref::apiserver {

namespace json = boost::json;
using internal::AddWarnings;
using internal::CheckNamespace;
using internal::DecodeBody;
using internal::JsonResponse;
using internal::Response;
using internal::ScaleOf;
using internal::SuccessStatus;
using internal::TextResponse;

namespace {

constexpr std::string_view kDefaultNamespaces[] = {"default", "kube-system", "kube-public",
                                                   "kube-node-lease"};

std::string VersionJson() {
  std::string git_version = kKubernetesGitVersion;
  return json::serialize(json::object{{"major", "1"},
                                      {"minor", "32"},
                                      {"gitVersion", git_version},
                                      {"gitCommit", ""},
                                      {"gitTreeState", "clean"},
                                      {"buildDate", "1970-01-01T00:00:00Z"},
                                      {"goVersion", ""},
                                      {"compiler", "gc"},
                                      {"platform", "linux/amd64"}});
}

// A list answer, from the store or the watch cache: the kind's List of the objects added (their
// JSON, in order), or the Table the request asked for.
class ListWriter {
 public:
  // `continue_token` and `remaining` (remainingItemCount) go into the metadata when not empty.
  ListWriter(const api::KindInfo& kind, std::optional<TableOptions> table, int64_t revision, std::string continue_token,
             std::string remaining)
      : kind_(kind), table_(std::move(table)), revision_(std::to_string(revision)), continue_(std::move(continue_token)) {
    if (table_) return;
    body_ = "{\"kind\":\"" + std::string(kind.kind) + "List\",\"apiVersion\":\"" + kind.ApiVersion() +
            "\",\"metadata\":{\"resourceVersion\":\"" + revision_ + "\"";
    if (!continue_.empty()) body_ += ",\"continue\":\"" + continue_ + "\"";
    if (!remaining.empty()) body_ += ",\"remainingItemCount\":" + remaining;
    body_ += "},\"items\":[";
  }

  void Add(std::string_view object_json) {
    if (table_) {
      rows_.push_back(json::parse(object_json));
      return;
    }
    if (!first_) body_ += ",";
    first_ = false;
    body_ += object_json;
  }

  HttpResponse Finish() {
    if (table_) return JsonResponse(200, TableJson(kind_, rows_, revision_, continue_, *table_));
    body_ += "]}";
    return JsonResponse(200, std::move(body_));
  }

 private:
  const api::KindInfo& kind_;
  std::optional<TableOptions> table_;
  std::string revision_, continue_;
  std::string body_;
  std::vector<json::value> rows_;
  bool first_ = true;
};

// Upstream's verb label: GET, LIST, WATCH, POST, PUT, PATCH, DELETE, DELETECOLLECTION.
std::string MetricVerb(std::string_view verb) {
  if (verb == "create") return "POST";
  if (verb == "update") return "PUT";
  std::string out(verb);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// A stream that leaves the long-running gauge when it ends.
class CountedStream final : public BodyStream {
 public:
  CountedStream(std::shared_ptr<BodyStream> inner, Metrics& metrics, RequestLabels labels)
      : inner_(std::move(inner)), metrics_(metrics), labels_(std::move(labels)) {}
  ~CountedStream() override { End(); }
  void Start(std::function<void()> ready) override { inner_->Start(std::move(ready)); }
  std::optional<std::string> Next() override { return inner_->Next(); }
  void Cancel() override {
    inner_->Cancel();
    End();
  }

 private:
  void End() {
    if (!ended_.exchange(true)) metrics_.AddLongRunning(labels_, -1);
  }
  std::shared_ptr<BodyStream> inner_;
  Metrics& metrics_;
  RequestLabels labels_;
  std::atomic<bool> ended_{false};
};

}  // namespace

ApiServer::ApiServer(store::Kv& kv, const api::Registry& registry, ApiServerOptions options)
    : kv_(kv),
      objects_(kv, [this](const std::string& operation, const std::string& type,
                          std::chrono::duration<double> took) {
        metrics_.ObserveStorage(operation, type, took);
      }),
      registry_(registry),
      options_(std::move(options)),
      rng_(options_.seed),
      services_(objects_, options_.service_ranges, options_.seed + 1) {}

Status ApiServer::Bootstrap(const std::string& advertise_ip, int port) {
  // Creates an object that is missing. With `reconcile`, an existing one whose content (all but
  // its metadata) differs is rewritten, as upstream's endpoint reconciler keeps the kubernetes
  // Endpoints and EndpointSlice pointing at the running server.
  auto create_missing = [&](std::string_view resource, json::value value, bool reconcile = false) -> Status {
    std::string_view api_version = value.at("apiVersion").as_string();
    size_t slash = api_version.find('/');
    const api::KindInfo* kind =
        slash == std::string_view::npos
            ? registry_.FindResource("", api_version, resource)
            : registry_.FindResource(api_version.substr(0, slash), api_version.substr(slash + 1), resource);
    KREF_ASSIGN_OR_RETURN(std::unique_ptr<api::Object> object, kind->decode(*kind, value, nullptr));
    std::vector<std::string> claims;
    std::string key = ObjectKey(resource, object->metadata().namespace_, object->metadata().name);
    auto existing = objects_.Get(key);
    if (existing.has_value()) {
      if (!reconcile) return Status();
      json::value stored = json::parse(existing->json);
      json::value wanted = json::parse(object->ToJson());
      wanted.as_object()["metadata"] = stored.as_object()["metadata"];
      if (wanted == stored) return Status();
      auto updated = objects_.Update(key, json::serialize(wanted), existing->revision);
      return updated.has_value() || updated.error().IsAborted() ? Status() : updated.error();
    }
    if (!existing.error().IsNotFound()) return existing.error();
    object->metadata().uid = NewUid();
    object->metadata().creationTimestamp = api::Time::FromTimePoint(options_.clock->Now());
    object->PrepareForCreate();
    object->Default();
    if (auto* service = object->As<api::core::Service>()) {
      KREF_ASSIGN_OR_RETURN(RangeClaims range_claims, services_.Prepare(nullptr, *service));
      claims = std::move(range_claims.claim);
    }
    auto created = objects_.Create(key, object->ToJson(), claims);
    if (!created.has_value() && !created.error().IsAlreadyExists()) return created.error();
    return Status();
  };
  for (std::string_view name : kDefaultNamespaces) {
    KREF_RETURN_IF_ERROR(create_missing(
        "namespaces", {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", name}}}}));
  }
  // The `kubernetes` Service in default, at the range's first address, and its Endpoints: this
  // API server.
  json::value labels = {{"component", "apiserver"}, {"provider", "kubernetes"}};
  KREF_RETURN_IF_ERROR(create_missing(
      "services",
      {{"apiVersion", "v1"},
       {"kind", "Service"},
       {"metadata", {{"name", "kubernetes"}, {"namespace", "default"}, {"labels", labels}}},
       {"spec",
        {{"type", "ClusterIP"},
         {"clusterIP", options_.service_ranges.FirstServiceIp()},
         {"ports", json::array{{{"name", "https"}, {"port", 443}, {"protocol", "TCP"}, {"targetPort", port}}}}}}}));
  KREF_RETURN_IF_ERROR(create_missing(
      "endpoints",
      {{"apiVersion", "v1"},
       {"kind", "Endpoints"},
       {"metadata", {{"name", "kubernetes"}, {"namespace", "default"}, {"labels", {{"endpointslice.kubernetes.io/skip-mirror", "true"}}}}},
       {"subsets",
        json::array{{{"addresses", json::array{{{"ip", advertise_ip}}}},
                     {"ports", json::array{{{"name", "https"}, {"port", port}, {"protocol", "TCP"}}}}}}}},
      /*reconcile=*/true));
  KREF_RETURN_IF_ERROR(create_missing(
      "endpointslices",
      {{"apiVersion", "discovery.k8s.io/v1"},
       {"kind", "EndpointSlice"},
       {"metadata", {{"name", "kubernetes"}, {"namespace", "default"}, {"labels", {{"kubernetes.io/service-name", "kubernetes"}}}}},
       {"addressType", advertise_ip.find(':') == std::string::npos ? "IPv4" : "IPv6"},
       {"endpoints", json::array{{{"addresses", json::array{advertise_ip}}, {"conditions", {{"ready", true}}}}}},
       {"ports", json::array{{{"name", "https"}, {"port", port}, {"protocol", "TCP"}}}}},
      /*reconcile=*/true));
  if (options_.watch_cache && caches_ == nullptr) {
    KREF_ASSIGN_OR_RETURN(caches_, WatchCaches::Start(kv_, registry_, options_.watch_cache_history));
    cache_view_.store(caches_.get(), std::memory_order_release);
  }
  ready_ = true;
  return Status();
}

ResourceCache* ApiServer::CacheFor(const api::KindInfo& kind) const {
  WatchCaches* caches = cache_view_.load(std::memory_order_acquire);
  return caches != nullptr ? caches->For(kind) : nullptr;
}

HttpResponse ApiServer::Handle(const HttpRequest& http) {
  if (http.body_too_large) return ErrorResponse(RequestEntityTooLarge(options_.max_body_bytes));
  std::string_view path = http.path;
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path == "/version") return JsonResponse(200, VersionJson());
  if (path == "/healthz" || path == "/livez") return TextResponse(200, "ok");
  if (path == "/metrics") return Response(200, "text/plain; version=0.0.4; charset=utf-8", metrics_.Render());
  if (path == "/readyz") {
    // Ready once the bootstrap objects exist, as upstream's post-start hooks gate readyz.
    return ready_ ? TextResponse(200, "ok") : TextResponse(503, "readyz check failed: bootstrap not done");
  }
  if ((path == "/api" || path == "/apis") && AcceptsAggregatedDiscovery(http.Header("accept"))) {
    return Response(200, std::string(kAggregatedDiscoveryType), AggregatedDiscoveryJson(registry_, path == "/api"));
  }
  if (path == "/api") return JsonResponse(200, ApiVersionsJson(options_.server_address));
  if (path == "/openapi/v2") {
    std::string_view accept = http.Header("accept");
    if (!accept.empty() && accept.find("application/json") == std::string_view::npos &&
        accept.find("*/*") == std::string_view::npos) {
      return ErrorResponse(NotAcceptable({"application/json"}));
    }
    return JsonResponse(200, OpenApiV2Document(registry_));
  }
  if (path == "/openapi/v3") return JsonResponse(200, OpenApiV3Index(registry_));
  if (path.starts_with("/openapi/v3/")) {
    std::optional<std::string> document = OpenApiV3Document(registry_, path.substr(12));
    if (!document) return ErrorResponse(PathNotFound());
    return JsonResponse(200, std::move(*document));
  }
  if (path == "/apis") return JsonResponse(200, ApiGroupListJson(registry_));

  Query query = ParseQuery(http.query);
  auto info = ParseRequestInfo(http.method, path, query);
  if (!info.has_value()) return ErrorResponse(PathNotFound());
  if (!info->is_resource_request) {
    // /api/v1, /apis/<group>, /apis/<group>/<version>
    std::optional<std::string> document;
    if (path.starts_with("/api/") && path.find('/', 5) == std::string_view::npos) {
      document = ApiResourceListJson(registry_, "", path.substr(5));
    } else if (path.starts_with("/apis/")) {
      std::string_view rest = path.substr(6);
      size_t slash = rest.find('/');
      document = slash == std::string_view::npos
                     ? ApiGroupJson(registry_, rest)
                     : ApiResourceListJson(registry_, rest.substr(0, slash), rest.substr(slash + 1));
    }
    if (!document) return ErrorResponse(PathNotFound());
    return JsonResponse(200, std::move(*document));
  }

  const api::KindInfo* kind = registry_.FindResource(info->group, info->version, info->resource);
  if (kind == nullptr) return ErrorResponse(PathNotFound());
  bool collection = info->verb == "list" || info->verb == "watch" ||
                    info->verb == "create" || info->verb == "deletecollection";
  // A namespaced kind's objects live under /namespaces/<ns>/; a cluster-scoped kind has none.
  if (kind->namespaced && info->namespace_.empty() && !(collection && info->verb != "create")) {
    return ErrorResponse(PathNotFound());
  }
  if (!kind->namespaced && !info->namespace_.empty()) return ErrorResponse(PathNotFound());
  if (!info->subresource.empty()) {
    // status and scale: get, update and patch, where the kind has them.
    bool posted = info->subresource == "binding" || info->subresource == "eviction";
    bool served = (info->subresource == "status" || info->subresource == "scale" ||
                   info->subresource == "finalize" || posted) &&
                  std::find(kind->subresources.begin(), kind->subresources.end(),
                            info->subresource) != kind->subresources.end();
    if (!served) return ErrorResponse(PathNotFound());
    bool verb_ok = info->subresource == "finalize" ? info->verb == "update"
                   : posted                         ? info->verb == "create"
                                                    : info->verb == "get" || info->verb == "update" ||
                                                          info->verb == "patch";
    if (!verb_ok) {
      return ErrorResponse(MethodNotSupported(std::string(kind->resource) + "/" + info->subresource,
                                              kind->group, info->verb));
    }
  }
  // Writes name their object (update, patch) or their collection (create), not the other.
  bool named = !info->name.empty();
  if (((info->verb == "update" || info->verb == "patch") && !named) ||
      (info->verb == "create" && named && info->subresource.empty())) {
    return ErrorResponse(MethodNotSupported(kind->resource, kind->group, info->verb));
  }
  Call call{http, *info, query, *kind};
  RequestLabels labels{.group = std::string(kind->group),
                       .resource = std::string(kind->resource),
                       .scope = !info->name.empty() ? "resource" : !info->namespace_.empty() ? "namespace" : "cluster",
                       .subresource = info->subresource,
                       .verb = MetricVerb(info->verb),
                       .version = std::string(kind->version)};
  auto start = std::chrono::steady_clock::now();
  HttpResponse response = Dispatch(call);
  metrics_.ObserveRequest(labels, response.status, std::chrono::steady_clock::now() - start);
  if (response.stream) {  // a watch: counted while it runs
    metrics_.AddLongRunning(labels, 1);
    response.stream = std::make_shared<CountedStream>(std::move(response.stream), metrics_, labels);
  }
  return response;
}

Result<StoredObject> ApiServer::Stored(const Call& call) {
  auto stored = objects_.Get(call.Key());
  if (!stored.has_value() && stored.error().IsNotFound()) {
    return NotFound(call.kind.resource, call.kind.group, call.info.name);
  }
  return stored;
}

HttpResponse ApiServer::Dispatch(const Call& call) {
  const RequestInfo& info = call.info;
  if (info.subresource == "binding" || (call.kind.kind == "Binding" && info.verb == "create")) {
    return Bind(call);
  }
  if (info.subresource == "eviction") return Evict(call);
  if (info.verb == "get") return Get(call);
  if (info.verb == "list") return List(call);
  if (info.verb == "watch") return Watch(call);
  if (info.verb == "create") return Create(call);
  if (info.verb == "update") return Update(call);
  if (info.verb == "patch") return Patch(call);
  if (info.verb == "delete") return Delete(call);
  if (info.verb == "deletecollection") return DeleteCollection(call);
  return ErrorResponse(MethodNotSupported(call.kind.resource, call.kind.group, info.verb));
}

HttpResponse ApiServer::Get(const Call& call) {
  auto stored = Stored(call);
  if (!stored.has_value()) return ErrorResponse(stored.error());
  auto object = Load(call.kind, *stored);
  if (!object.has_value()) return ErrorResponse(object.error());
  if (call.info.subresource == "scale") {
    return JsonResponse(200, json::serialize(ScaleOf(json::parse((*object)->ToJson()))));
  }
  if (auto table = TableRequested(call)) {
    return JsonResponse(200, TableJson(call.kind, {json::parse((*object)->ToJson())},
                                       (*object)->metadata().resourceVersion, "", *table));
  }
  return JsonResponse(200, (*object)->ToJson());
}

std::optional<TableOptions> ApiServer::TableRequested(const Call& call) const {
  std::optional<std::string> version = TableVersionAccepted(call.http.Header("accept"));
  if (!version) return std::nullopt;
  TableOptions options;
  options.api_version = *version;
  if (auto it = call.query.find("includeObject"); it != call.query.end() && !it->second.empty()) {
    options.include_object = it->second;
  }
  options.now = options_.clock->Now();
  return options;
}

HttpResponse ApiServer::List(const Call& call) {
  auto filter = ParseFilter(call.query, call.kind);
  if (!filter.has_value()) return ErrorResponse(filter.error());
  auto resource_version = ParseResourceVersion(call.query);
  if (!resource_version.has_value()) return ErrorResponse(resource_version.error());
  auto limit = ParseNonNegative(call.query, "limit");
  if (!limit.has_value()) return ErrorResponse(limit.error());
  std::string prefix = ObjectPrefix(call.kind.resource, call.info.namespace_);
  ListOptions options;
  options.limit = *limit;
  std::optional<ContinueToken> token;
  if (auto it = call.query.find("continue"); it != call.query.end() && !it->second.empty()) {
    if (resource_version->value_or(0) != 0) {
      return ErrorResponse(BadRequest("specifying resource version is not allowed when using continue"));
    }
    auto decoded = DecodeContinue(it->second);
    if (!decoded.has_value()) return ErrorResponse(decoded.error());
    token = *decoded;
    options.start_key = prefix + token->start;
    options.revision = token->revision > 0 ? token->revision : 0;  // -1: from the latest
  } else if (*limit > 0 && resource_version->value_or(0) != 0) {
    options.revision = **resource_version;  // with a limit, a version is read exactly
  }
  if (auto it = call.query.find("resourceVersionMatch"); it != call.query.end()) {
    if (it->second == "Exact" && resource_version->value_or(0) != 0) {
      options.revision = **resource_version;
    } else if (it->second != "NotOlderThan" && it->second != "Exact" && !it->second.empty()) {
      return ErrorResponse(BadRequest("resourceVersionMatch: Unsupported value: \"" + it->second +
                                      "\": supported values: \"Exact\", \"NotOlderThan\""));
    }
  }
  // A whole list (no limit, no continue) that is not read at an exact version comes from the
  // watch cache. Without a resourceVersion the read is consistent: the cache first catches up
  // with the store's current revision, as upstream's consistent list from cache.
  ResourceCache* cache = CacheFor(call.kind);
  auto match = call.query.find("resourceVersionMatch");
  if (cache != nullptr && *limit == 0 && !token && (match == call.query.end() || match->second != "Exact")) {
    int64_t min_revision = resource_version->value_or(0);
    bool consistent = !resource_version->has_value();
    auto current = consistent ? objects_.CurrentRevision() : Result<int64_t>(0);
    if (current.has_value()) min_revision = std::max(min_revision, *current);
    auto snapshot = current.has_value() ? cache->List(prefix, min_revision, std::chrono::seconds(3)) : std::nullopt;
    if (!snapshot && resource_version->value_or(0) > 0) {
      // A version the store has not reached: upstream's cacher gives up after 3 s with 504.
      auto now = objects_.CurrentRevision();
      if (now.has_value() && **resource_version > *now) {
        return ErrorResponse(TooLargeResourceVersion(**resource_version, *now));
      }
    }
    if (snapshot) {
      ListWriter answer(call.kind, TableRequested(call), snapshot->revision, "", "");
      for (const CachedPtr& item : snapshot->items) {
        if (filter->Matches(*item->object)) answer.Add(item->json);
      }
      return answer.Finish();
    }
  }
  auto list = objects_.List(prefix, options);
  if (!list.has_value()) {
    if (!list.error().IsOutOfRange()) return ErrorResponse(list.error());
    if (!token) {
      return ErrorResponse(InvalidArgumentError("The resourceVersion for the provided list is too old.")
                               .WithDetails({.reason = "Expired"}));
    }
    // An expired continue token: 410, with a token that goes on from the latest revision.
    std::string restart = EncodeContinue({.revision = -1, .start = token->start});
    return ExpiredContinue(restart);
  }
  std::string next, remaining;
  if (!list->next_key.empty()) {
    next = EncodeContinue({.revision = list->revision, .start = list->next_key.substr(prefix.size())});
    // Counted only when nothing filters the list, as upstream.
    if (filter->labels.Empty() && filter->fields.Empty()) remaining = std::to_string(list->remaining);
  }
  ListWriter answer(call.kind, TableRequested(call), list->revision, next, remaining);
  for (const StoredObject& stored : list->items) {
    auto object = Load(call.kind, stored);
    if (!object.has_value()) return ErrorResponse(object.error());
    if (filter->Matches(**object)) answer.Add((*object)->ToJson());
  }
  return answer.Finish();
}

HttpResponse ApiServer::Watch(const Call& call) {
  auto filter = ParseFilter(call.query, call.kind);
  if (!filter.has_value()) return ErrorResponse(filter.error());
  auto resource_version = ParseResourceVersion(call.query);
  if (!resource_version.has_value()) return ErrorResponse(resource_version.error());
  std::chrono::seconds timeout(1800);  // upstream's --min-request-timeout
  auto seconds = ParseNonNegative(call.query, "timeoutSeconds");
  if (!seconds.has_value()) return ErrorResponse(seconds.error());
  if (*seconds > 0) timeout = std::chrono::seconds(*seconds);
  bool bookmarks = QueryBool(call.query, "allowWatchBookmarks").value_or(false);
  std::optional<bool> send_initial = QueryBool(call.query, "sendInitialEvents");
  std::string match;
  if (auto it = call.query.find("resourceVersionMatch"); it != call.query.end()) match = it->second;
  // The watch-list rules of upstream's ValidateListOptions.
  namespace v = api::validation;
  if (send_initial) {
    v::FieldErrors errors;
    if (match != "NotOlderThan") {
      errors.push_back(v::Forbidden(v::Path("resourceVersionMatch"),
                                    "sendInitialEvents requires setting resourceVersionMatch to NotOlderThan"));
    }
    if (!bookmarks) {
      errors.push_back(v::Forbidden(v::Path("allowWatchBookmarks"),
                                    "sendInitialEvents requires setting allowWatchBookmarks to true"));
    }
    if (!errors.empty()) return ErrorResponse(v::InvalidError("meta.k8s.io", "ListOptions", "", errors));
  } else if (!match.empty()) {
    return ErrorResponse(v::InvalidError("meta.k8s.io", "ListOptions", "",
                                         {v::Forbidden(v::Path("resourceVersionMatch"),
                                                       "resourceVersionMatch is forbidden for watch")}));
  }
  std::string prefix = ObjectPrefix(call.kind.resource, call.info.namespace_);
  // The current objects as ADDED events first (resourceVersion unset or "0", or
  // sendInitialEvents=true, which ends them with a bookmark), then the changes after them.
  // Otherwise only the changes after the given version.
  std::string initial;
  int64_t from;
  // With a Table asked for, each event carries a one-row Table; only the first has the columns.
  std::optional<TableOptions> table = TableRequested(call);
  bool legacy_initial = !send_initial && resource_version->value_or(0) == 0;
  ResourceCache* cache = CacheFor(call.kind);
  if (cache != nullptr) {
    // From the watch cache: its objects first when asked for (consistent for sendInitialEvents
    // without a version), then its events; or its events after the given version while its
    // history reaches back that far.
    std::optional<ResourceCache::Snapshot> snapshot;
    int64_t after = -1;
    if (send_initial.value_or(false) || legacy_initial) {
      // sendInitialEvents is NotOlderThan its version, or than the store's current revision
      // without one.
      int64_t min_revision = resource_version->value_or(0);
      if (send_initial.value_or(false) && !resource_version->has_value()) {
        auto current = objects_.CurrentRevision();
        if (current.has_value()) min_revision = *current;
      }
      snapshot = cache->List(prefix, min_revision, std::chrono::seconds(3));
      if (snapshot) after = snapshot->revision;
    } else if (resource_version->has_value() && cache->CanReplayFrom(**resource_version)) {
      after = **resource_version;
    }
    if (after >= 0) {
      std::string initial;
      if (snapshot) {
        for (const CachedPtr& item : snapshot->items) {
          if (!filter->Matches(*item->object)) continue;
          initial += WatchEventLine("ADDED", table ? EventObject(call.kind, *item->object, table) : item->json);
        }
        if (send_initial.value_or(false)) initial += BookmarkLine(call.kind, snapshot->revision, /*initial_events_end=*/true);
      }
      HttpResponse response;
      response.headers.emplace_back("Content-Type", "application/json");
      response.stream = CacheWatchStream(*cache, prefix, after, std::move(*filter), std::move(initial),
                                                         table, *options_.clock, bookmarks);
      response.stream_timeout = timeout;
      return response;
    }
  }
  if (send_initial.value_or(false) || legacy_initial) {
    auto list = objects_.List(prefix);
    if (!list.has_value()) return ErrorResponse(list.error());
    for (const StoredObject& stored : list->items) {
      auto object = Load(call.kind, stored);
      if (!object.has_value()) return ErrorResponse(object.error());
      if (!filter->Matches(**object)) continue;
      initial += WatchEventLine("ADDED", EventObject(call.kind, **object, table));
    }
    if (send_initial.value_or(false)) {
      initial += BookmarkLine(call.kind, list->revision, /*initial_events_end=*/true);
    }
    from = list->revision + 1;
  } else if (resource_version->has_value()) {
    from = **resource_version + 1;
  } else {
    from = 0;  // sendInitialEvents=false without a version: from now on
  }
  HttpResponse response;
  response.headers.emplace_back("Content-Type", "application/json");
  response.stream = StoreWatchStream(kv_, call.kind, prefix, from, std::move(*filter),
                                                std::move(initial), table, *options_.clock,
                                                bookmarks);
  response.stream_timeout = timeout;
  return response;
}

HttpResponse ApiServer::Create(const Call& call) {
  auto dry_run = ParseDryRun(call.query);
  if (!dry_run.has_value()) return ErrorResponse(dry_run.error());
  auto body = DecodeBody(registry_, call.http, call.query, call.kind);
  if (!body.has_value()) return ErrorResponse(body.error());
  api::Object& object = *body->object;
  api::meta::ObjectMeta& meta = object.metadata();
  if (Status s = CheckNamespace(call.info, call.kind, object); !s.ok()) return ErrorResponse(s);
  if (!meta.resourceVersion.empty()) {
    return ErrorResponse(BadRequest("resourceVersion should not be set on objects to be created"));
  }
  if (meta.name.empty() && !meta.generateName.empty()) meta.name = GenerateName(meta.generateName);
  meta.uid = NewUid();
  meta.creationTimestamp = api::Time::FromTimePoint(options_.clock->Now());
  meta.deletionTimestamp.reset();
  meta.deletionGracePeriodSeconds.reset();
  object.PrepareForCreate();
  object.Default();
  api::validation::FieldErrors errors = object.Validate();
  if (!errors.empty()) {
    return ErrorResponse(api::validation::InvalidError(call.kind.group, call.kind.kind, meta.name, errors));
  }
  if (call.kind.namespaced) {
    auto ns = objects_.Get(ObjectKey("namespaces", "", meta.namespace_));
    if (!ns.has_value()) {
      if (ns.error().IsNotFound()) return ErrorResponse(NotFound("namespaces", "", meta.namespace_));
      return ErrorResponse(ns.error());
    }
    // Nothing new goes into a namespace being deleted (upstream's NamespaceLifecycle).
    const api::KindInfo* namespaces = registry_.FindResource("", "v1", "namespaces");
    auto namespace_object = Load(*namespaces, *ns);
    if (namespace_object.has_value() && (*namespace_object)->metadata().deletionTimestamp) {
      Status forbidden = Forbidden(call.kind.resource, call.kind.group, meta.name,
                                   "unable to create new content in namespace " + meta.namespace_ +
                                       " because it is being terminated");
      StatusDetails details = *forbidden.details();
      details.causes.push_back({.reason = "NamespaceTerminating",
                                .message = "namespace " + meta.namespace_ + " is being terminated",
                                .field = "metadata.namespace"});
      return ErrorResponse(forbidden.WithDetails(std::move(details)));
    }
  }
  // A Service gets its cluster IP and node ports; a lost race for one is tried again.
  api::core::Service* service = object.As<api::core::Service>();
  const api::core::ServiceSpec requested = service != nullptr ? service->spec : api::core::ServiceSpec();
  for (int attempt = 0;; ++attempt) {
    RangeClaims claims;
    if (service != nullptr) {
      service->spec = requested;
      auto prepared = services_.Prepare(nullptr, *service);
      if (!prepared.has_value()) return ErrorResponse(prepared.error());
      claims = std::move(*prepared);
    }
    if (*dry_run) break;
    auto revision = objects_.Create(call.Key(meta.name), object.ToJson(), claims.claim);
    if (!revision.has_value()) {
      if (revision.error().IsAlreadyExists()) {
        return ErrorResponse(AlreadyExists(call.kind.resource, call.kind.group, meta.name));
      }
      if (revision.error().IsAborted() && attempt < 5) continue;
      return ErrorResponse(revision.error());
    }
    meta.resourceVersion = std::to_string(*revision);
    break;
  }
  HttpResponse response = JsonResponse(201, object.ToJson());
  AddWarnings(response, body->warnings);
  return response;
}

HttpResponse ApiServer::Bind(const Call& call) {
  const api::KindInfo* binding_kind = registry_.FindResource("", "v1", "bindings");
  const api::KindInfo* pods = registry_.FindResource("", "v1", "pods");
  auto body = DecodeBody(registry_, call.http, call.query, *binding_kind);
  if (!body.has_value()) return ErrorResponse(body.error());
  const auto* binding = body->object->As<api::core::Binding>();
  std::string name = call.info.subresource.empty() ? binding->metadata.name : call.info.name;
  if (!call.info.subresource.empty() && !binding->metadata.name.empty() && binding->metadata.name != name) {
    return ErrorResponse(BadRequest("name in URL does not match name in Binding object"));
  }
  namespace v = api::validation;
  v::FieldErrors errors;
  if (binding->target.name.empty()) errors.push_back(v::Required(v::Path("target").Child("name")));
  if (!binding->target.kind.empty() && binding->target.kind != "Node") {
    errors.push_back(v::Invalid(v::Path("target").Child("kind"), binding->target.kind, "must be empty or 'Node'"));
  }
  if (!errors.empty()) return ErrorResponse(v::InvalidError("", "Binding", name, errors));
  std::string key = ObjectKey("pods", call.info.namespace_, name);
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto stored = objects_.Get(key);
    if (!stored.has_value()) {
      if (stored.error().IsNotFound()) return ErrorResponse(NotFound("pods", "", name));
      return ErrorResponse(stored.error());
    }
    auto loaded = Load(*pods, *stored);
    if (!loaded.has_value()) return ErrorResponse(loaded.error());
    auto* pod = (*loaded)->As<api::core::Pod>();
    if (pod->metadata.deletionTimestamp) {
      return ErrorResponse(Conflict("pods/binding", "", name, "pod " + name + " is being deleted, cannot be assigned to a host"));
    }
    if (!pod->spec.nodeName.empty()) {
      return ErrorResponse(Conflict("pods/binding", "", name, "pod " + name + " is already assigned to node \"" +
                                                                   pod->spec.nodeName + "\""));
    }
    // As upstream's assignPod: the node, the binding's annotations, and PodScheduled True.
    pod->spec.nodeName = binding->target.name;
    for (const auto& [k, value] : binding->metadata.annotations) pod->metadata.annotations[k] = value;
    auto condition = std::find_if(pod->status.conditions.begin(), pod->status.conditions.end(),
                                  [](const api::core::PodCondition& c) { return c.type == "PodScheduled"; });
    if (condition == pod->status.conditions.end()) {
      pod->status.conditions.push_back({.type = "PodScheduled", .status = "True"});
    } else if (condition->status != "True") {
      condition->status = "True";
      condition->reason.clear();
      condition->message.clear();
      condition->lastTransitionTime = api::Time::FromTimePoint(options_.clock->Now());
    }
    pod->metadata.resourceVersion.clear();
    auto dry_run = ParseDryRun(call.query);
    if (!dry_run.has_value()) return ErrorResponse(dry_run.error());
    if (*dry_run) return SuccessStatus(201);
    auto written = objects_.Update(key, (*loaded)->ToJson(), stored->revision);
    if (written.has_value()) return SuccessStatus(201);
    if (written.error().IsNotFound()) return ErrorResponse(NotFound("pods", "", name));
    if (!written.error().IsAborted()) return ErrorResponse(written.error());
  }
  return ErrorResponse(Conflict("pods/binding", "", name, kObjectModified));
}

std::string ApiServer::NewUid() {
  uint64_t hi, lo;
  {
    std::lock_guard lock(rng_mu_);
    hi = rng_.Next();
    lo = rng_.Next();
  }
  hi = (hi & ~0xF000ULL) | 0x4000ULL;                      // version 4
  lo = (lo & ~(0xC0ULL << 56)) | (0x80ULL << 56);           // variant 10
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx",
                static_cast<unsigned>(hi >> 32), static_cast<unsigned>((hi >> 16) & 0xFFFF),
                static_cast<unsigned>(hi & 0xFFFF), static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return text;
}

std::string ApiServer::GenerateName(const std::string& base) {
  // Upstream: at most 58 characters of the base, then 5 from an alphabet without vowels or
  // look-alikes.
  static constexpr std::string_view kAlphabet = "bcdfghjklmnpqrstvwxz2456789";
  std::string name = base.substr(0, std::min<size_t>(base.size(), 58));
  std::lock_guard lock(rng_mu_);
  for (int i = 0; i < 5; ++i) {
    name.push_back(kAlphabet[static_cast<size_t>(rng_.Uniform(0, kAlphabet.size() - 1))]);
  }
  return name;
}

}  // namespace kref::apiserver
