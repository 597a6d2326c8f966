#include "impl/apiserver/openapi.h"

#include <boost/json.hpp>
#include <functional>
#include <vector>

namespace kref::apiserver {

namespace json = boost::json;

namespace {

// "api/v1" or "apis/apps/v1".
std::string GroupVersionPath(std::string_view group, std::string_view version) {
  return group.empty() ? "api/" + std::string(version)
                       : "apis/" + std::string(group) + "/" + std::string(version);
}

json::object QueryParameter(std::string_view name, std::string_view description) {
  return json::object{{"name", name},
                      {"in", "query"},
                      {"description", description},
                      {"schema", json::object{{"type", "string"}, {"uniqueItems", true}}}};
}

json::array WriteParameters(bool patch) {
  json::array params{
      QueryParameter("dryRun", "When present, indicates that modifications should not be persisted."),
      QueryParameter("fieldManager", "fieldManager is a name associated with the actor or entity that is making these changes."),
      QueryParameter("fieldValidation", "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: Ignore, Warn (the default) and Strict.")};
  if (patch) params.push_back(QueryParameter("force", "Force is going to \"force\" Apply requests."));
  return params;
}

json::object Operation(std::string_view id, std::string_view action, const api::KindInfo& kind,
                       json::array parameters) {
  return json::object{
      {"operationId", id},
      {"parameters", std::move(parameters)},
      {"responses", json::object{{"200", json::object{{"description", "OK"}}}}},
      {"x-kubernetes-action", action},
      {"x-kubernetes-group-version-kind",
       json::object{{"group", kind.group}, {"version", kind.version}, {"kind", kind.kind}}}};
}

// A hash of the document's text, so clients can cache it (FNV-1a, hex).
std::string Hash(std::string_view text) {
  uint64_t h = 1469598103934665603ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llX", static_cast<unsigned long long>(h));
  return out;
}

}  // namespace

std::optional<std::string> OpenApiV3Document(const api::Registry& registry,
                                             std::string_view group_version_path) {
  json::object paths;
  for (const api::KindInfo& kind : registry.kinds()) {
    if (kind.resource.empty() || GroupVersionPath(kind.group, kind.version) != group_version_path) {
      continue;
    }
    std::string base = "/" + std::string(group_version_path) +
                       (kind.namespaced ? "/namespaces/{namespace}/" : "/") + std::string(kind.resource);
    std::string id_suffix = std::string(kind.kind);
    auto has = [&](std::string_view verb) {
      return std::find(kind.verbs.begin(), kind.verbs.end(), verb) != kind.verbs.end();
    };
    json::object collection, item;
    if (has("list")) collection["get"] = Operation("list" + id_suffix, "list", kind, json::array{});
    if (has("create")) collection["post"] = Operation("create" + id_suffix, "post", kind, WriteParameters(false));
    if (has("get")) item["get"] = Operation("read" + id_suffix, "get", kind, json::array{});
    if (has("update")) item["put"] = Operation("replace" + id_suffix, "put", kind, WriteParameters(false));
    if (has("patch")) item["patch"] = Operation("patch" + id_suffix, "patch", kind, WriteParameters(true));
    if (has("delete")) item["delete"] = Operation("delete" + id_suffix, "delete", kind, json::array{});
    if (!collection.empty()) paths[base] = std::move(collection);
    if (!item.empty()) paths[base + "/{name}"] = std::move(item);
  }
  if (paths.empty()) return std::nullopt;
  return json::serialize(json::object{
      {"openapi", "3.0.0"},
      {"info", json::object{{"title", "Kubernetes"}, {"version", "v1.32.0"}}},
      {"paths", std::move(paths)},
      {"components", json::object{{"schemas", json::object{}}}}});
}

std::string OpenApiV3Index(const api::Registry& registry) {
  json::object paths;
  for (const api::KindInfo& kind : registry.kinds()) {
    if (kind.resource.empty()) continue;
    std::string path = GroupVersionPath(kind.group, kind.version);
    if (paths.contains(path)) continue;
    std::optional<std::string> document = OpenApiV3Document(registry, path);
    if (!document) continue;
    paths[path] = json::object{{"serverRelativeURL", "/openapi/v3/" + path + "?hash=" + Hash(*document)}};
  }
  return json::serialize(json::object{{"paths", std::move(paths)}});
}

}  // namespace kref::apiserver
