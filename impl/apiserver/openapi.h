// OpenAPI v3 discovery, generated from the kind registry: /openapi/v3 lists one document per
// group-version, and /openapi/v3/<api|apis/group>/<version> describes its paths and
// operations, each tagged with x-kubernetes-group-version-kind and x-kubernetes-action, with
// the query parameters the server supports (dryRun, fieldManager, fieldValidation, ...), and
// the schemas of its kinds under upstream's definition names (io.k8s.api.core.v1.PodSpec),
// derived from the C++ types (api/schema.h). kubectl reads the operations to decide that the
// server validates fields itself (so `apply` and `create` work with --validate=strict) and the
// schemas for `kubectl explain`.
//
// /openapi/v2 is the same in one Swagger 2.0 document (JSON only: kubectl asks for the protobuf
// form, is refused with 406, and reads v3).
//
// Not yet: field descriptions (kref's types carry none), required lists.
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
// The /openapi/v2 document: every path and definition.
std::string OpenApiV2Document(const api::Registry& registry);

}  // namespace kref::apiserver
