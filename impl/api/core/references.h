// core/v1 references and selectors that pods, volumes and containers share: object references,
// key-to-path items, field and resource selectors. Conventions: impl/api/reflect.h.
#pragma once

#include "impl/api/quantity.h"
#include "impl/api/reflect.h"

// clang-format off
namespace kref::api::core {

// ---- References and selectors ----------------------------------------------------------------

struct LocalObjectReference {
  KREF_API_STRUCT(LocalObjectReference,
      (std::string, name));
};

struct ObjectReference {
  KREF_API_STRUCT(ObjectReference,
      (std::string, kind),
      (std::string, namespace_),
      (std::string, name),
      (std::string, uid),
      (std::string, apiVersion),
      (std::string, resourceVersion),
      (std::string, fieldPath));
};

struct TypedLocalObjectReference {
  KREF_API_STRUCT(TypedLocalObjectReference,
      (std::optional<std::string>, apiGroup),
      (std::string, kind),
      (std::string, name));
  static constexpr std::string_view kAlwaysEmit[] = {"apiGroup", "kind", "name"};
};

struct TypedObjectReference {
  KREF_API_STRUCT(TypedObjectReference,
      (std::optional<std::string>, apiGroup),
      (std::string, kind),
      (std::string, name),
      (std::optional<std::string>, namespace_));
  static constexpr std::string_view kAlwaysEmit[] = {"apiGroup", "kind", "name"};
};

struct KeyToPath {
  KREF_API_STRUCT(KeyToPath,
      (std::string, key),
      (std::string, path),
      (std::optional<int32_t>, mode));
  static constexpr std::string_view kAlwaysEmit[] = {"key", "path"};
};

struct ObjectFieldSelector {
  KREF_API_STRUCT(ObjectFieldSelector,
      (std::string, apiVersion),
      (std::string, fieldPath));
  static constexpr std::string_view kAlwaysEmit[] = {"fieldPath"};
};

struct ResourceFieldSelector {
  KREF_API_STRUCT(ResourceFieldSelector,
      (std::string, containerName),
      (std::string, resource),
      (Quantity, divisor));
  static constexpr std::string_view kAlwaysEmit[] = {"resource"};
};

}  // namespace kref::api::core
// clang-format on
