// JSON encoding and decoding of API types (the generic codec; see reflect.h for the rules).
//
// These are templates declared here and instantiated once per top-level kind in the kind's
// group codec (e.g. impl/api/core/codec.cc), so callers compile fast and never see Boost.Hana.
// Calling them on a type that is not instantiated fails to link; instantiate it with
// KREF_API_INSTANTIATE_JSON in a .cc that includes impl/api/internal/json_codec.h.
//
// Decoding follows upstream's (case-sensitive) rules: unknown fields are skipped and listed in
// the report, JSON null leaves a field at its zero value, a wrong JSON type is an error naming
// the field's path ("json: cannot unmarshal string into field spec.replicas of type int32").
// Errors are InvalidArgument with one StatusCause whose `field` is that path; FromJson adds the
// line and column of the offending value.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "impl/common/result.h"

namespace boost::json {
class value;
}

namespace kref::api {

// What a decode skipped: JSON paths such as "spec.template.spec.containers[0].imagee".
struct DecodeReport {
  std::vector<std::string> unknown_fields;
};

// Compact JSON, fields in declaration order, map keys sorted, strings escaped as Go does
// (including <, > and & as \u003c, \u003e, \u0026).
template <class T>
std::string ToJson(const T& value);
template <class T>
void AppendJson(const T& value, std::string& out);

// `report` may be null.
template <class T>
Result<T> FromJson(std::string_view text, DecodeReport* report = nullptr);
template <class T>
Result<T> FromJsonValue(const boost::json::value& value, DecodeReport* report = nullptr);

}  // namespace kref::api
