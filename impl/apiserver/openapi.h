// OpenAPI v3 discovery, generated from the kind registry: /openapi/v3 lists one document per
// group-version, and /openapi/v3/<api|apis/group>/<version> describes its paths and
// operations, each tagged with x-kubernetes-group-version-kind and x-kubernetes-action, with
// the query parameters the server supports (dryRun, fieldManager, fieldValidation, ...). This
// is what kubectl reads to decide that the server validates fields itself, so `kubectl apply`
// and `create` work with their default --validate=strict.
//
// Not yet: component schemas (kubectl explain and client-side schema validation need them).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "impl/api/registry.h"

namespace kref::apiserver {

// The /openapi/v3 index: {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=..."},...}}.
std::string OpenApiV3Index(const api::Registry& registry);
// The document for `group_version_path` ("api/v1", "apis/apps/v1"); nullopt when unknown.
std::optional<std::string> OpenApiV3Document(const api::Registry& registry,
                                             std::string_view group_version_path);

}  // namespace kref::apiserver
