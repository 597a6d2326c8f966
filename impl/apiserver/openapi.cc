#include "impl/apiserver/openapi.h"

#include <boost/json.hpp>
#include <functional>
#include <set>
#include <vector>

#include "impl/api/patch_strategy.h"
#include "impl/api/schema.h"

namespace kref::apiserver {

namespace json = boost::json;

namespace {

// "api/v1" or "apis/apps/v1".
std::string GroupVersionPath(std::string_view group, std::string_view version) {
  return group.empty() ? "api/" + std::string(version)
                       : "apis/" + std::string(group) + "/" + std::string(version);
}

enum class Version { kV2, kV3 };

// A string query parameter (v2 puts its type on the parameter, v3 in a schema).
json::object QueryParameter(std::string_view name, std::string_view description, Version version) {
  json::object parameter{{"name", name}, {"in", "query"}, {"description", description}};
  if (version == Version::kV2) {
    parameter["type"] = "string";
    parameter["uniqueItems"] = true;
  } else {
    parameter["schema"] = json::object{{"type", "string"}, {"uniqueItems", true}};
  }
  return parameter;
}

json::array WriteParameters(bool patch, Version version) {
  json::array params{
      QueryParameter("dryRun", "When present, indicates that modifications should not be persisted.", version),
      QueryParameter("fieldManager", "fieldManager is a name associated with the actor or entity that is making these changes.", version),
      QueryParameter("fieldValidation", "fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields. Valid values are: Ignore, Warn (the default) and Strict.", version)};
  if (patch) params.push_back(QueryParameter("force", "Force is going to \"force\" Apply requests.", version));
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

// ---- Schemas ----

using api::TypeSchema;
using SchemaKind = TypeSchema::Kind;

// The upstream definition name of a struct ("io.k8s.api.core.v1.PodSpec") reached from a kind of
// `root` (its C++ namespace and version name the package of the kind's own group).
std::string DefinitionName(const TypeSchema& type, const api::KindInfo& root) {
  std::string_view name = type.name;
  size_t colons = name.find("::");
  std::string_view ns = name.substr(0, colons);
  std::string_view simple = name.substr(colons + 2);
  std::string_view root_name = root.schema().name;
  std::string version = root_name.substr(0, root_name.find("::")) == ns ? std::string(root.version) : "v1";
  if (ns == "meta") return "io.k8s.apimachinery.pkg.apis.meta.v1." + std::string(simple);
  return "io.k8s.api." + std::string(ns) + "." + version + "." + std::string(simple);
}

// The value types' definitions, as upstream names and shapes them.
const std::pair<SchemaKind, std::string_view> kValueDefinitions[] = {
    {SchemaKind::kQuantity, "io.k8s.apimachinery.pkg.api.resource.Quantity"},
    {SchemaKind::kTime, "io.k8s.apimachinery.pkg.apis.meta.v1.Time"},
    {SchemaKind::kMicroTime, "io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime"},
    {SchemaKind::kIntOrString, "io.k8s.apimachinery.pkg.util.intstr.IntOrString"},
    {SchemaKind::kRawJson, "io.k8s.apimachinery.pkg.runtime.RawExtension"},
};

json::object ValueDefinition(SchemaKind kind) {
  switch (kind) {
    // Without a "type", kubectl explain names these by their definition (<Quantity>, <IntOrString>).
    case SchemaKind::kQuantity:
      return {{"oneOf", json::array{json::object{{"type", "string"}}, json::object{{"type", "number"}}}},
              {"description", "A fixed-point number: 100m, 1Gi, 2."}};
    case SchemaKind::kTime:
      return {{"type", "string"}, {"format", "date-time"}, {"description", "Time in RFC 3339 form, to the second."}};
    case SchemaKind::kMicroTime:
      return {{"type", "string"}, {"format", "date-time"}, {"description", "Time in RFC 3339 form, to the microsecond."}};
    case SchemaKind::kIntOrString:
      return {{"anyOf", json::array{json::object{{"type", "integer"}}, json::object{{"type", "string"}}}},
              {"x-kubernetes-int-or-string", true}, {"description", "An integer or a string."}};
    default:
      return {{"type", "object"}, {"description", "Any JSON object."}};
  }
}

// Writes the definitions reachable from a kind into `out`, with $refs under `ref_prefix`
// ("#/components/schemas/" in v3, "#/definitions/" in v2).
class DefinitionWriter {
 public:
  DefinitionWriter(std::string ref_prefix, json::object& out) : ref_prefix_(std::move(ref_prefix)), out_(out) {}

  void AddKind(const api::KindInfo& kind) {
    std::string name = DefinitionName(kind.schema(), kind);
    Add(kind.schema(), kind);
    json::value& gvks = out_[name].as_object()["x-kubernetes-group-version-kind"];
    if (!gvks.is_array()) gvks = json::array();
    gvks.as_array().push_back(json::object{{"group", kind.group}, {"kind", kind.kind}, {"version", kind.version}});
  }

 private:
  json::object Ref(std::string_view name) const { return {{"$ref", ref_prefix_ + std::string(name)}}; }

  void Add(const TypeSchema& type, const api::KindInfo& root) {
    std::string name = DefinitionName(type, root);
    if (out_.contains(name)) return;
    out_[name] = json::object();  // claimed first: a type reached twice is written once
    json::object properties;
    for (const TypeSchema::Field& field : type.fields) {
      json::value property = Property(*field.type, root);
      // How kubectl apply merges the field: upstream's patch strategy extensions (on an allOf
      // wrapper for a $ref, whose siblings OpenAPI 3.0 ignores).
      api::PatchStrategy strategy = api::PatchStrategyOf(type, field.name);
      if (strategy.tagged()) {
        if (property.as_object().contains("$ref")) property = json::object{{"allOf", json::array{property}}};
        std::string tags = strategy.replace ? "replace"
                           : strategy.merge && strategy.retain_keys ? "merge,retainKeys"
                           : strategy.merge ? "merge" : "retainKeys";
        property.as_object()["x-kubernetes-patch-strategy"] = tags;
        if (!strategy.merge_key.empty()) property.as_object()["x-kubernetes-patch-merge-key"] = strategy.merge_key;
      }
      properties[field.name] = std::move(property);
    }
    out_[name] = json::object{{"type", "object"}, {"properties", std::move(properties)}};
  }

  json::value Property(const TypeSchema& type, const api::KindInfo& root) {
    switch (type.kind) {
      case SchemaKind::kString:
        return json::object{{"type", "string"}};
      case SchemaKind::kBool:
        return json::object{{"type", "boolean"}};
      case SchemaKind::kInt32:
        return json::object{{"type", "integer"}, {"format", "int32"}};
      case SchemaKind::kInt64:
        return json::object{{"type", "integer"}, {"format", "int64"}};
      case SchemaKind::kDouble:
        return json::object{{"type", "number"}, {"format", "double"}};
      case SchemaKind::kBytes:
        return json::object{{"type", "string"}, {"format", "byte"}};
      case SchemaKind::kList:
        return json::object{{"type", "array"}, {"items", Property(*type.element, root)}};
      case SchemaKind::kMap:
        return json::object{{"type", "object"}, {"additionalProperties", Property(*type.element, root)}};
      case SchemaKind::kStruct:
        Add(type, root);
        return Ref(DefinitionName(type, root));
      default:
        for (auto [kind, name] : kValueDefinitions) {
          if (kind != type.kind) continue;
          if (!out_.contains(name)) out_[name] = ValueDefinition(kind);
          return Ref(name);
        }
        return json::object{};
    }
  }

  std::string ref_prefix_;
  json::object& out_;
};

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

namespace {

// The paths and operations of the kinds whose group-version path is `group_version_path` (every
// kind when it is empty).
json::object Paths(const api::Registry& registry, std::string_view group_version_path, Version version) {
  json::object paths;
  for (const api::KindInfo& kind : registry.kinds()) {
    std::string gv = GroupVersionPath(kind.group, kind.version);
    if (kind.resource.empty() || (!group_version_path.empty() && gv != group_version_path)) continue;
    std::string base = "/" + gv + (kind.namespaced ? "/namespaces/{namespace}/" : "/") + std::string(kind.resource);
    std::string id_suffix = std::string(kind.kind);
    auto has = [&](std::string_view verb) {
      return std::find(kind.verbs.begin(), kind.verbs.end(), verb) != kind.verbs.end();
    };
    json::object collection, item;
    if (has("list")) collection["get"] = Operation("list" + id_suffix, "list", kind, json::array{});
    if (has("create")) collection["post"] = Operation("create" + id_suffix, "post", kind, WriteParameters(false, version));
    if (has("get")) item["get"] = Operation("read" + id_suffix, "get", kind, json::array{});
    if (has("update")) item["put"] = Operation("replace" + id_suffix, "put", kind, WriteParameters(false, version));
    if (has("patch")) item["patch"] = Operation("patch" + id_suffix, "patch", kind, WriteParameters(true, version));
    if (has("delete")) item["delete"] = Operation("delete" + id_suffix, "delete", kind, json::array{});
    if (!collection.empty()) paths[base] = std::move(collection);
    if (!item.empty()) paths[base + "/{name}"] = std::move(item);
  }
  return paths;
}

}  // namespace

std::optional<std::string> OpenApiV3Document(const api::Registry& registry,
                                             std::string_view group_version_path) {
  if (group_version_path.empty()) return std::nullopt;
  json::object paths = Paths(registry, group_version_path, Version::kV3);
  if (paths.empty()) return std::nullopt;
  json::object schemas;
  DefinitionWriter definitions("#/components/schemas/", schemas);
  for (const api::KindInfo& kind : registry.kinds()) {
    if (GroupVersionPath(kind.group, kind.version) == group_version_path) definitions.AddKind(kind);
  }
  return json::serialize(json::object{
      {"openapi", "3.0.0"},
      {"info", json::object{{"title", "Kubernetes"}, {"version", "v1.32.0"}}},
      {"paths", std::move(paths)},
      {"components", json::object{{"schemas", std::move(schemas)}}}});
}

std::string OpenApiV2Document(const api::Registry& registry) {
  json::object definitions;
  DefinitionWriter writer("#/definitions/", definitions);
  for (const api::KindInfo& kind : registry.kinds()) writer.AddKind(kind);
  return json::serialize(json::object{{"swagger", "2.0"},
                                      {"info", json::object{{"title", "Kubernetes"}, {"version", "v1.32.0"}}},
                                      {"paths", Paths(registry, "", Version::kV2)},
                                      {"definitions", std::move(definitions)}});
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
