// scheduling.k8s.io/v1: PriorityClass, the named integer priority pods refer to by
// priorityClassName. Field names, order and omitempty as upstream; see impl/api/reflect.h for
// the conventions.
#pragma once

#include "impl/api/meta/types.h"
#include "impl/api/reflect.h"

// clang-format off
namespace kref::api::scheduling {

struct PriorityClass {
  KREF_API_STRUCT(PriorityClass,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (int32_t, value),
      (bool, globalDefault),
      (std::string, description),
      (std::optional<std::string>, preemptionPolicy));
  static constexpr std::string_view kAlwaysEmit[] = {"value"};
};

using PriorityClassList = meta::List<PriorityClass>;

}  // namespace kref::api::scheduling
// clang-format on
