#include "impl/apiserver/discovery.h"

#include <boost/json.hpp>
#include <map>
#include <vector>

#include "impl/apiserver/request_info.h"

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

bool AcceptsAggregatedDiscovery(std::string_view accept) {
  for (const std::vector<std::string_view>& range : MediaRanges(accept)) {
    auto has = [&](std::string_view p) { return std::find(range.begin(), range.end(), p) != range.end(); };
    if (has("g=apidiscovery.k8s.io") && has("v=v2") && has("as=APIGroupDiscoveryList")) return true;
  }
  return false;
}

std::string AggregatedDiscoveryJson(const api::Registry& registry, bool core) {
  // Group -> version -> resources, in registry order.
  std::vector<std::pair<std::string_view, std::vector<std::pair<std::string_view, json::array>>>> groups;
  for (const api::KindInfo& kind : registry.kinds()) {
    if (kind.resource.empty() || kind.group.empty() != core) continue;
    auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == kind.group; });
    if (group == groups.end()) group = groups.insert(groups.end(), {kind.group, {}});
    auto version = std::find_if(group->second.begin(), group->second.end(),
                                [&](const auto& v) { return v.first == kind.version; });
    if (version == group->second.end()) version = group->second.insert(group->second.end(), {kind.version, {}});
    json::object resource{
        {"resource", kind.resource},
        {"responseKind", json::object{{"group", kind.group}, {"version", kind.version}, {"kind", kind.kind}}},
        {"scope", kind.namespaced ? "Namespaced" : "Cluster"},
        {"singularResource", kind.singular},
        {"verbs", Strings(kind.verbs)}};
    if (!kind.short_names.empty()) resource["shortNames"] = Strings(kind.short_names);
    if (!kind.categories.empty()) resource["categories"] = Strings(kind.categories);
    json::array subresources;
    for (std::string_view sub : kind.subresources) {
      SubresourceFacts facts = FactsOf(sub);
      json::object entry{{"subresource", sub}};
      if (!facts.kind.empty() || !facts.group.empty()) {
        entry["responseKind"] = json::object{{"group", facts.group.empty() && facts.version.empty() ? kind.group : facts.group},
                                             {"version", facts.version.empty() ? kind.version : facts.version},
                                             {"kind", facts.kind.empty() ? kind.kind : facts.kind}};
      } else {
        entry["responseKind"] = json::object{{"group", kind.group}, {"version", kind.version}, {"kind", kind.kind}};
      }
      entry["verbs"] = Strings(facts.verbs);
      subresources.push_back(std::move(entry));
    }
    if (!subresources.empty()) resource["subresources"] = std::move(subresources);
    version->second.push_back(std::move(resource));
  }
  json::array items;
  for (auto& [group, versions] : groups) {
    json::object metadata{{"creationTimestamp", nullptr}};
    if (!group.empty()) metadata["name"] = group;
    json::array version_list;
    for (auto& [version, resources] : versions) {
      version_list.push_back(
          json::object{{"version", version}, {"resources", std::move(resources)}, {"freshness", "Current"}});
    }
    items.push_back(json::object{{"metadata", std::move(metadata)}, {"versions", std::move(version_list)}});
  }
  return json::serialize(json::object{{"kind", "APIGroupDiscoveryList"},
                                      {"apiVersion", "apidiscovery.k8s.io/v2"},
                                      {"metadata", json::object{}},
                                      {"items", std::move(items)}});
}

}  // namespace kref::apiserver
