// Arbitrary bytes as a Kubernetes protobuf body: reading the envelope and the object's message
// never crashes; errors are InvalidArgument with a message; what is read is a JSON object that
// the registry either decodes (and re-encodes stably) or rejects with a message. A body that is
// not an envelope is also read as the raw message of a kind picked by its first byte, so the
// message reader is reached without a valid envelope.
#include <cstdint>
#include <string_view>

#include <boost/json.hpp>

#include "fuzz/fuzz_check.h"
#include "impl/api/protobuf.h"
#include "impl/api/registry.h"

namespace {

void Decode(const kref::api::KindInfo& kind, std::string_view raw) {
  auto value = kref::api::ProtoToJson(kind.schema(), raw);
  if (!value.has_value()) {
    FUZZ_CHECK(value.error().IsInvalidArgument() && !value.error().message().empty());
    return;
  }
  FUZZ_CHECK(value->is_object());
  value->as_object()["apiVersion"] = kind.ApiVersion();
  value->as_object()["kind"] = kind.kind;
  const kref::api::Registry& registry = kref::api::Registry::Default();
  auto object = registry.Decode(*value);
  if (!object.has_value()) {
    FUZZ_CHECK(!object.error().message().empty());
    return;
  }
  std::string json = (*object)->ToJson();
  auto again = registry.Decode(boost::json::parse(json));
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK((*again)->ToJson() == json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  const kref::api::Registry& registry = kref::api::Registry::Default();
  auto envelope = kref::api::ReadProtoEnvelope(body);
  if (envelope.has_value()) {
    if (const kref::api::KindInfo* kind = registry.FindKind(envelope->api_version, envelope->kind)) {
      Decode(*kind, envelope->raw);
    }
    return 0;
  }
  FUZZ_CHECK(envelope.error().IsInvalidArgument());
  if (size == 0) return 0;
  auto kinds = registry.kinds();
  Decode(kinds[data[0] % kinds.size()], body.substr(1));
  return 0;
}
