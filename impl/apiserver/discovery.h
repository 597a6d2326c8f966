// Legacy (unaggregated) discovery documents, generated from the kind registry, as kubectl's
// discovery client reads them when /api and /apis answer with plain application/json:
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

std::string ApiVersionsJson(std::string_view server_address);
std::string ApiGroupListJson(const api::Registry& registry);
// nullopt when the registry has no kind in `group`.
std::optional<std::string> ApiGroupJson(const api::Registry& registry, std::string_view group);
// nullopt when the registry has no kind in group/version.
std::optional<std::string> ApiResourceListJson(const api::Registry& registry,
                                               std::string_view group, std::string_view version);

}  // namespace kref::apiserver
