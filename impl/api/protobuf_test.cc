// The protobuf reader: bodies the real kubectl sent (impl/api/testdata/protobuf, see its README)
// decode to the same objects as the JSON the same kubectl commands print, and hand-built messages
// cover the value types, repeated and packed fields, unknown fields and malformed input.
#include "impl/api/protobuf.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "impl/api/core/types.h"
#include "impl/api/registry.h"

namespace kref::api {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A protobuf body decoded as the API server does: envelope, kind, message, object.
Result<std::unique_ptr<Object>> DecodeProtobufBody(std::string_view body) {
  KREF_ASSIGN_OR_RETURN(ProtoEnvelope envelope, ReadProtoEnvelope(body));
  const KindInfo* kind = Registry::Default().FindKind(envelope.api_version, envelope.kind);
  if (kind == nullptr) return NotFoundError("no kind " + envelope.kind);
  KREF_ASSIGN_OR_RETURN(json::value value, ProtoToJson(kind->schema(), envelope.raw));
  value.as_object()["apiVersion"] = envelope.api_version;
  value.as_object()["kind"] = envelope.kind;
  return Registry::Default().Decode(value);
}

TEST(ProtobufTest, KubectlBodiesDecodeAsTheirJson) {
  int checked = 0;
  for (const auto& entry : fs::directory_iterator("impl/api/testdata/protobuf")) {
    if (entry.path().extension() != ".pb") continue;
    SCOPED_TRACE(entry.path().string());
    fs::path json_path = entry.path();
    json_path.replace_extension(".json");
    auto from_protobuf = DecodeProtobufBody(ReadFile(entry.path()));
    ASSERT_TRUE(from_protobuf.has_value()) << from_protobuf.error().message();
    DecodeReport report;
    auto from_json = Registry::Default().Decode(json::parse(ReadFile(json_path)), &report);
    ASSERT_TRUE(from_json.has_value()) << from_json.error().message();
    EXPECT_TRUE(report.unknown_fields.empty());
    EXPECT_EQ((*from_protobuf)->ToJson(), (*from_json)->ToJson());
    ++checked;
  }
  EXPECT_GE(checked, 16);
}

// ---- Hand-built messages ----

std::string Varint(uint64_t v) {
  std::string out;
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
  return out;
}
std::string VarintField(int number, uint64_t v) { return Varint(static_cast<uint64_t>(number) << 3) + Varint(v); }
std::string BytesField(int number, std::string_view bytes) {
  return Varint((static_cast<uint64_t>(number) << 3) | 2) + Varint(bytes.size()) + std::string(bytes);
}
std::string Envelope(std::string_view api_version, std::string_view kind, std::string_view raw) {
  return std::string("k8s\0", 4) + BytesField(1, BytesField(1, api_version) + BytesField(2, kind)) + BytesField(2, raw);
}

json::value Decode(const TypeSchema& schema, std::string_view raw) {
  auto value = ProtoToJson(schema, raw);
  EXPECT_TRUE(value.has_value()) << value.error().message();
  return value.has_value() ? *value : json::value();
}

TEST(ProtobufTest, ValueTypes) {
  // ObjectMeta: name=1, creationTimestamp=8 (Time), deletionTimestamp=9, labels=11 (map).
  std::string meta = BytesField(1, "web") + BytesField(8, VarintField(1, 1714564800)) + BytesField(9, "") +
                     BytesField(11, BytesField(1, "app") + BytesField(2, "web")) + BytesField(11, BytesField(1, "tier"));
  EXPECT_EQ(Decode(SchemaOf<meta::ObjectMeta>(), meta),
            json::parse(R"({"name":"web","creationTimestamp":"2024-05-01T12:00:00Z",
                           "labels":{"app":"web","tier":""}})"));
  // ServicePort: port=3 (int32, negative as ten bytes), targetPort=4 (IntOrString).
  std::string port = VarintField(3, static_cast<uint64_t>(-1)) + BytesField(4, VarintField(1, 1) + BytesField(3, "http"));
  EXPECT_EQ(Decode(SchemaOf<core::ServicePort>(), port), json::parse(R"({"port":-1,"targetPort":"http"})"));
  std::string numeric = BytesField(4, VarintField(1, 0) + VarintField(2, 8080));
  EXPECT_EQ(Decode(SchemaOf<core::ServicePort>(), numeric), json::parse(R"({"targetPort":8080})"));
  // ResourceRequirements: limits=1 (map of Quantity {string=1}).
  std::string resources = BytesField(1, BytesField(1, "cpu") + BytesField(2, BytesField(1, "100m")));
  EXPECT_EQ(Decode(SchemaOf<core::ResourceRequirements>(), resources), json::parse(R"({"limits":{"cpu":"100m"}})"));
  // Strings that are not UTF-8 read as Go's JSON decoder reads them: U+FFFD for each bad byte
  // (found by fuzz/api_protobuf_fuzz.cc: the raw bytes did not re-encode to themselves).
  EXPECT_EQ(Decode(SchemaOf<meta::ObjectMeta>(), BytesField(1, "a\x92\x96" "b")), json::parse(R"({"name":"a\ufffd\ufffdb"})"));
  // Secret: data=2 (map of bytes, base64 in JSON).
  std::string secret = BytesField(2, BytesField(1, "k") + BytesField(2, std::string("\0\xff", 2)));
  EXPECT_EQ(Decode(SchemaOf<core::Secret>(), secret), json::parse(R"({"data":{"k":"AP8="}})"));
}

TEST(ProtobufTest, RepeatedPackedAndUnknownFields) {
  // Container: name=1, command=3 (repeated string), an unknown field 999, ports=6 (repeated message).
  std::string container = BytesField(1, "c") + BytesField(3, "sleep") + BytesField(3, "1") + VarintField(999, 7) +
                          BytesField(6, VarintField(3, 80)) + BytesField(6, VarintField(3, 443));
  EXPECT_EQ(Decode(SchemaOf<core::Container>(), container),
            json::parse(R"({"name":"c","command":["sleep","1"],"ports":[{"containerPort":80},{"containerPort":443}]})"));
  // Volume embeds VolumeSource (field 2): its fields land in the Volume itself.
  std::string volume = BytesField(1, "data") + BytesField(2, BytesField(2, BytesField(1, "Memory")));
  EXPECT_EQ(Decode(SchemaOf<core::Volume>(), volume), json::parse(R"({"name":"data","emptyDir":{"medium":"Memory"}})"));
}

TEST(ProtobufTest, Envelope) {
  auto envelope = ReadProtoEnvelope(Envelope("apps/v1", "Deployment", "xyz"));
  ASSERT_TRUE(envelope.has_value()) << envelope.error().message();
  EXPECT_EQ(envelope->api_version, "apps/v1");
  EXPECT_EQ(envelope->kind, "Deployment");
  EXPECT_EQ(envelope->raw, "xyz");
  EXPECT_FALSE(ReadProtoEnvelope("{\"kind\":\"Pod\"}").has_value());
  EXPECT_FALSE(ReadProtoEnvelope(std::string("k8s\0", 4) + BytesField(2, "x")).has_value());  // no kind
  std::string gzip = Envelope("v1", "Pod", "") + BytesField(3, "gzip");
  auto refused = ReadProtoEnvelope(gzip);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message(), "unable to decode the protobuf body: content encoding \"gzip\" is not supported");
}

TEST(ProtobufTest, MalformedInputIsAnError) {
  const TypeSchema& pod = SchemaOf<core::Pod>();
  EXPECT_FALSE(ProtoToJson(pod, "\x0a\x05" "ab").has_value());              // length beyond the end
  EXPECT_FALSE(ProtoToJson(pod, std::string("\x00", 1)).has_value());    // tag 0
  EXPECT_FALSE(ProtoToJson(pod, "\x08\x01").has_value());                // metadata as a varint
  EXPECT_FALSE(ProtoToJson(pod, "\x0a\x02\x42\x03").has_value());        // truncated nested Time
  std::string far_future = BytesField(1, BytesField(8, VarintField(1, 1ULL << 62)));
  auto out_of_range = ProtoToJson(pod, far_future);
  ASSERT_FALSE(out_of_range.has_value());
  EXPECT_EQ(out_of_range.error().message(), "unable to decode the protobuf body: creationTimestamp is out of range");
}

}  // namespace
}  // namespace kref::api
