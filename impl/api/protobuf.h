// Kubernetes' protobuf encoding (Content-Type application/vnd.kubernetes.protobuf), read into the
// JSON form the codecs decode. kubectl's generators (`kubectl create configmap`, `create
// deployment`, ...) and client-go's typed clients send request bodies this way.
//
// A body is the magic "k8s\0" followed by a runtime.Unknown message: typeMeta=1 {apiVersion=1
// kind=2}, raw=2 (the object's own message), contentEncoding=3, contentType=4. The object's
// message uses the field numbers of upstream's generated.proto files, which kref keeps in
// internal/proto_fields.inc keyed by its C++ type names; the field types come from the C++
// declaration (schema.h). As upstream's decoder, fields the table does not know are skipped.
// Value types travel as messages: Time and MicroTime {seconds=1 nanos=2} (empty = zero time),
// Quantity {string=1}, IntOrString {type=1 intVal=2 strVal=3}, RawExtension {raw=1}; maps as
// repeated {key=1 value=2} entries.
//
// Errors are InvalidArgument with a message naming what was wrong; no input crashes (a fuzz
// target, fuzz/api_protobuf_fuzz.cc, checks).
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "impl/api/schema.h"
#include "impl/common/result.h"

namespace kref::api {

inline constexpr std::string_view kProtobufMediaType = "application/vnd.kubernetes.protobuf";

// The envelope of a protobuf body.
struct ProtoEnvelope {
  std::string api_version;  // "apps/v1"
  std::string kind;         // "Deployment"
  std::string_view raw;     // the object's message; points into the body
};

// InvalidArgument when the magic or the envelope is wrong or the content is encoded (gzip).
Result<ProtoEnvelope> ReadProtoEnvelope(std::string_view body);

// The message `raw` of type `schema` (a struct) as a JSON object, without apiVersion and kind.
Result<boost::json::value> ProtoToJson(const TypeSchema& schema, std::string_view raw);

}  // namespace kref::api
