// The JSON patch formats of the PATCH verb, applied to an object's JSON:
//   application/merge-patch+json  RFC 7386: objects merge key by key, null removes a key,
//                                 anything else (arrays included) replaces.
//   application/json-patch+json   RFC 6902: add, remove, replace, move, copy and test, at
//                                 RFC 6901 JSON pointers ("/spec/containers/0/image", "~1" for
//                                 '/', "~0" for '~', "-" for the end of an array).
// (Strategic merge patch, with upstream's per-field merge keys, is not here yet.)
#pragma once

#include <boost/json/value.hpp>

#include "impl/common/result.h"

namespace kref::apiserver {

boost::json::value MergePatch(boost::json::value target, const boost::json::value& patch);

// InvalidArgument when `patch` is not a list of well-formed operations (upstream answers 400);
// FailedPrecondition when an operation does not apply: a path that does not exist, an index out
// of range, a failed test (upstream answers 422).
Result<boost::json::value> JsonPatch(boost::json::value target, const boost::json::value& patch);

}  // namespace kref::apiserver
