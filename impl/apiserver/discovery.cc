#include "impl/apiserver/discovery.h"

#include <boost/json.hpp>
#include <map>
#include <vector>

namespace kref::apiserver {
namespace {

namespace json = boost::json;

json::array Strings(const std::vector<std::string_view>& values) {
  json::array out;
  for (std::string_view v : values) out.emplace_back(v);
  return out;
}

// What a subresource is served as, as upstream's discovery lists it.
struct SubresourceFacts {
  std::string_view group, version, kind;  // empty group/version/kind: the parent's
  std::vector<std::string_view> verbs;
};

SubresourceFacts FactsOf(std::string_view subresource) {
  if (subresource == "scale") return {"autoscaling", "v1", "Scale", {"get", "patch", "update"}};
  if (subresource == "binding") return {"", "", "Binding", {"create"}};
  if (subresource == "eviction") return {"policy", "v1", "Eviction", {"create"}};
  if (subresource == "log") return {"", "", "Pod", {"get"}};
  if (subresource == "exec") return {"", "", "PodExecOptions", {"create", "get"}};
  if (subresource == "attach") return {"", "", "PodAttachOptions", {"create", "get"}};
  if (subresource == "portforward") return {"", "", "PodPortForwardOptions", {"create", "get"}};
  if (subresource == "proxy") {
    return {"", "", "", {"create", "delete", "get", "patch", "update"}};
  }
  if (subresource == "finalize") return {"", "", "", {"update"}};
  if (subresource == "ephemeralcontainers") return {"", "", "", {"get", "patch", "update"}};
  return {"", "", "", {"get", "patch", "update"}};  // status
}

std::string GroupVersion(std::string_view group, std::string_view version) {
  return group.empty() ? std::string(version) : std::string(group) + "/" + std::string(version);
}

// Groups in registry order, each with its versions in registry order.
std::vector<std::pair<std::string_view, std::vector<std::string_view>>> Groups(
    const api::Registry& registry) {
  std::vector<std::pair<std::string_view, std::vector<std::string_view>>> groups;
  for (const api::KindInfo& kind : registry.kinds()) {
    if (kind.group.empty() || kind.resource.empty()) continue;
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& g) { return g.first == kind.group; });
    if (it == groups.end()) {
      groups.push_back({kind.group, {}});
      it = std::prev(groups.end());
    }
    if (std::find(it->second.begin(), it->second.end(), kind.version) == it->second.end()) {
      it->second.push_back(kind.version);
    }
  }
  return groups;
}

json::object GroupObject(std::string_view name, const std::vector<std::string_view>& versions) {
  json::array list;
  for (std::string_view v : versions) {
    list.push_back(json::object{{"groupVersion", GroupVersion(name, v)}, {"version", v}});
  }
  json::object preferred{{"groupVersion", GroupVersion(name, versions.front())},
                         {"version", versions.front()}};
  return json::object{{"name", name}, {"versions", std::move(list)},
                      {"preferredVersion", std::move(preferred)}};
}

}  // namespace

std::string ApiVersionsJson(std::string_view server_address) {
  json::object out{
      {"kind", "APIVersions"},
      {"versions", json::array{"v1"}},
      {"serverAddressByClientCIDRs",
       json::array{json::object{{"clientCIDR", "0.0.0.0/0"}, {"serverAddress", server_address}}}}};
  return json::serialize(out);
}

std::string ApiGroupListJson(const api::Registry& registry) {
  json::array groups;
  for (const auto& [name, versions] : Groups(registry)) groups.push_back(GroupObject(name, versions));
  return json::serialize(
      json::object{{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", std::move(groups)}});
}

std::optional<std::string> ApiGroupJson(const api::Registry& registry, std::string_view group) {
  for (const auto& [name, versions] : Groups(registry)) {
    if (name != group) continue;
    json::object out{{"kind", "APIGroup"}, {"apiVersion", "v1"}};
    for (auto& [key, value] : GroupObject(name, versions)) out.emplace(key, std::move(value));
    return json::serialize(out);
  }
  return std::nullopt;
}

std::optional<std::string> ApiResourceListJson(const api::Registry& registry,
                                               std::string_view group, std::string_view version) {
  json::array resources;
  for (const api::KindInfo& kind : registry.kinds()) {
    if (kind.group != group || kind.version != version || kind.resource.empty()) continue;
    json::object resource{{"name", kind.resource},
                          {"singularName", kind.singular},
                          {"namespaced", kind.namespaced},
                          {"kind", kind.kind},
                          {"verbs", Strings(kind.verbs)}};
    if (!kind.short_names.empty()) resource["shortNames"] = Strings(kind.short_names);
    if (!kind.categories.empty()) resource["categories"] = Strings(kind.categories);
    resources.push_back(std::move(resource));
    for (std::string_view sub : kind.subresources) {
      SubresourceFacts facts = FactsOf(sub);
      json::object entry{{"name", std::string(kind.resource) + "/" + std::string(sub)},
                         {"singularName", ""},
                         {"namespaced", kind.namespaced}};
      if (!facts.group.empty()) entry["group"] = facts.group;
      if (!facts.version.empty()) entry["version"] = facts.version;
      entry["kind"] = facts.kind.empty() ? kind.kind : facts.kind;
      entry["verbs"] = Strings(facts.verbs);
      resources.push_back(std::move(entry));
    }
  }
  if (resources.empty()) return std::nullopt;
  return json::serialize(json::object{{"kind", "APIResourceList"},
                                      {"apiVersion", "v1"},
                                      {"groupVersion", GroupVersion(group, version)},
                                      {"resources", std::move(resources)}});
}

}  // namespace kref::apiserver
