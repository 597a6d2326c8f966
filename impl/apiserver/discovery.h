// Discovery documents, generated from the kind registry. Aggregated discovery (apidiscovery.k8s.io
// v2) when the client asks for it, as kubectl does: /api and /apis answer with an
// APIGroupDiscoveryList holding every resource, so one request per root is enough. Otherwise
// the legacy documents, as kubectl's discovery client reads them from plain application/json:
//   /api             APIVersions     {"kind":"APIVersions","versions":["v1"],...}
//   /apis            APIGroupList    every group with its versions, preferred first
//   /apis/<g>        APIGroup
//   /api/v1, /apis/<g>/<v>  APIResourceList: resources, their subresources ("pods/status"),
//                           verbs, short names and categories
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "impl/api/registry.h"

namespace kref::apiserver {

// The media type of an aggregated answer.
inline constexpr std::string_view kAggregatedDiscoveryType =
    "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
// Whether an Accept header asks for aggregated discovery v2 (parameters in any order).
bool AcceptsAggregatedDiscovery(std::string_view accept);
// The APIGroupDiscoveryList of /api (`core`: the legacy group, an item without a name) or /apis
// (every named group): each group's versions, each version's resources with their response
// kind, scope, verbs, short names, categories and subresources, freshness Current.
std::string AggregatedDiscoveryJson(const api::Registry& registry, bool core);

std::string ApiVersionsJson(std::string_view server_address);
std::string ApiGroupListJson(const api::Registry& registry);
// nullopt when the registry has no kind in `group`.
std::optional<std::string> ApiGroupJson(const api::Registry& registry, std::string_view group);
// nullopt when the registry has no kind in group/version.
std::optional<std::string> ApiResourceListJson(const api::Registry& registry,
                                               std::string_view group, std::string_view version);

}  // namespace kref::apiserver
