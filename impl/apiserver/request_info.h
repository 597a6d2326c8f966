// What an API request is about, read from its method, path and query as upstream's
// RequestInfoFactory does: the API group and version, namespace, resource, name, subresource
// and verb (get, list, watch, create, update, patch, delete, deletecollection).
//
//   GET /api/v1/namespaces/default/pods/web        -> get pods "web" in "default"
//   GET /apis/apps/v1/deployments?watch=true       -> watch deployments in every namespace
//   PUT /api/v1/namespaces/default/pods/web/status -> update subresource "status"
//   GET /api/v1/namespaces/default                 -> get namespaces "default"
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "impl/common/result.h"

namespace kref::apiserver {

// A query string's parameters, percent-decoded ('+' as space). A repeated key keeps its first
// value.
using Query = std::map<std::string, std::string, std::less<>>;
Query ParseQuery(std::string_view query);

// A boolean parameter as Go's strconv.ParseBool reads it (1, t, T, TRUE, true, True are true;
// python's client sends watch=True); nullopt when absent or empty.
std::optional<bool> QueryBool(const Query& query, std::string_view name);

// Percent-decodes `text` ('+' as space when `plus_is_space`); nullopt on a bad escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// The media ranges of an Accept header, in order, each as its media type followed by its
// parameters, trimmed: "application/json;as=Table;v=v1" -> {"application/json", "as=Table",
// "v=v1"}. Views into `accept`.
std::vector<std::vector<std::string_view>> MediaRanges(std::string_view accept);

struct RequestInfo {
  bool is_resource_request = false;  // false for /api, /apis, /version, /healthz, ...
  std::string group;                 // "" for the core group
  std::string version;
  std::string namespace_;            // "" for cluster-wide requests
  std::string resource;
  std::string name;
  std::string subresource;
  std::string verb;
};

// InvalidArgument for a path it cannot read as a resource request under /api or /apis (too
// many segments, empty segments). Non-resource paths come back with is_resource_request false.
Result<RequestInfo> ParseRequestInfo(std::string_view method, std::string_view path,
                                     const Query& query);

}  // namespace kref::apiserver
