// The JSON patch formats of the PATCH verb, applied to an object's JSON:
//   application/merge-patch+json  RFC 7386: objects merge key by key, null removes a key,
//                                 anything else (arrays included) replaces.
//   application/json-patch+json   RFC 6902: add, remove, replace, move, copy and test, at
//                                 RFC 6901 JSON pointers ("/spec/containers/0/image", "~1" for
//                                 '/', "~0" for '~', "-" for the end of an array).
//   application/strategic-merge-patch+json
//                                 upstream's strategic merge patch for built-in kinds: like a
//                                 merge patch, except that fields follow their type's patch
//                                 strategy (api/patch_strategy.h): lists tagged merge merge
//                                 element by element on their merge key (containers by name,
//                                 ports by containerPort, conditions by type, ...) or, for lists
//                                 of strings (finalizers), as sets; with the $patch (replace,
//                                 delete, merge), $retainKeys, $deleteFromPrimitiveList and
//                                 $setElementOrder directives.
#pragma once

#include <boost/json/value.hpp>

#include "impl/api/schema.h"
#include "impl/common/result.h"

namespace kref::apiserver {

boost::json::value MergePatch(boost::json::value target, const boost::json::value& patch);

// `schema`: the type of `target` (null: no field has a strategy). InvalidArgument for a
// malformed patch (not an object, a bad directive, a merged element without its merge key).
Result<boost::json::value> StrategicMergePatch(boost::json::value target, const boost::json::value& patch,
                                               const api::TypeSchema* schema);

// InvalidArgument when `patch` is not a list of well-formed operations (upstream answers 400);
// FailedPrecondition when an operation does not apply: a path that does not exist, an index out
// of range, a failed test (upstream answers 422).
Result<boost::json::value> JsonPatch(boost::json::value target, const boost::json::value& patch);

}  // namespace kref::apiserver
