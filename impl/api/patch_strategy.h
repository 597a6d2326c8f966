// How a field of an API type merges in a strategic merge patch (upstream's patchStrategy and
// patchMergeKey struct tags): lists tagged "merge" merge element by element on their merge key
// (containers by name, conditions by type) or, for lists of primitives, as sets; "retainKeys"
// lets a patch clear the keys it does not list ($retainKeys); "replace" replaces the value whole.
// Untagged lists are replaced, untagged objects merge key by key.
//
// The strategy is also what the OpenAPI documents publish as x-kubernetes-patch-strategy and
// x-kubernetes-patch-merge-key, which `kubectl apply` computes its patches from.
#pragma once

#include <string_view>

#include "impl/api/schema.h"

namespace kref::api {

struct PatchStrategy {
  bool merge = false;
  bool retain_keys = false;
  bool replace = false;
  std::string_view merge_key;  // empty for a list of primitives, or when not merged

  bool tagged() const { return merge || retain_keys || replace; }
};

// The strategy of field `field` (wire name) of struct `owner`; untagged when none.
PatchStrategy PatchStrategyOf(const TypeSchema& owner, std::string_view field);

}  // namespace kref::api
