#include "impl/api/protobuf.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <boost/json.hpp>
#include <charconv>
#include <cstring>
#include <unordered_map>
#include <utility>

#include "impl/api/internal/utf8.h"
#include "impl/common/base64.h"

namespace kref::api {
namespace {

namespace json = boost::json;
using google::protobuf::io::CodedInputStream;
using Wire = google::protobuf::internal::WireFormatLite;
using Kind = TypeSchema::Kind;

// A field of a message as the number table names it: a wire name of the C++ struct, or (embedded)
// the message of a Go struct embedded inline, whose fields the C++ struct holds directly.
struct ProtoField {
  std::string_view name;
  bool embedded = false;
};
using ProtoMessage = std::unordered_map<int, ProtoField>;  // by field number

// C++ type name -> "wireName=number ^embedded::Message=number ..."
constexpr std::pair<std::string_view, std::string_view> kNumberTable[] = {
#include "impl/api/internal/proto_fields.inc"
};

const std::unordered_map<std::string_view, ProtoMessage>& Messages() {
  static const auto* messages = [] {
    auto* out = new std::unordered_map<std::string_view, ProtoMessage>;
    for (auto [type, fields] : kNumberTable) {
      ProtoMessage& message = (*out)[type];
      while (!fields.empty()) {
        size_t end = fields.find(' ');
        std::string_view item = fields.substr(0, end);
        fields.remove_prefix(end == std::string_view::npos ? fields.size() : end + 1);
        if (item.empty()) continue;
        size_t eq = item.rfind('=');
        int number = 0;
        std::from_chars(item.data() + eq + 1, item.data() + item.size(), number);
        bool embedded = item.front() == '^';
        message[number] = {item.substr(embedded ? 1 : 0, eq - (embedded ? 1 : 0)), embedded};
      }
    }
    return out;
  }();
  return *messages;
}

Status Malformed(std::string_view what) {
  return InvalidArgumentError("unable to decode the protobuf body: " + std::string(what));
}

const uint8_t* WireBytes(std::string_view raw) { return reinterpret_cast<const uint8_t*>(raw.data()); }

// A length-delimited value of the message `whole` that `in` reads, as a view into `whole`.
bool ReadDelimited(CodedInputStream& in, std::string_view whole, std::string_view& value) {
  uint32_t length = 0;
  if (!in.ReadVarint32(&length)) return false;
  size_t start = static_cast<size_t>(in.CurrentPosition());
  if (length > whole.size() - start) return false;
  value = whole.substr(start, length);
  return in.Skip(static_cast<int>(length));
}

// `bytes` with each byte that is not part of well-formed UTF-8 replaced by U+FFFD, as Go's JSON
// decoder reads strings (so what is stored re-encodes to itself).
json::string ValidUtf8(std::string_view bytes) {
  json::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    uint32_t rune = 0;
    size_t length = internal::DecodeUtf8(bytes, i, rune);
    if (length == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(bytes.substr(i, length));
      i += length;
    }
  }
  return out;
}

// The first and last seconds Go's RFC 3339 formatting can write (years 0001 to 9999).
constexpr int64_t kMinSeconds = -62135596800;
constexpr int64_t kMaxSeconds = 253402300799;

class Reader {
 public:
  // Reads message `raw` into `out` as struct `schema`, numbered by the table entry `message_name`.
  Status ReadStruct(const TypeSchema& schema, std::string_view message_name, std::string_view raw,
                    json::object& out) {
    auto found = Messages().find(message_name);
    if (found == Messages().end()) {
      return Malformed("kref cannot read " + std::string(message_name) + " from protobuf");
    }
    CodedInputStream in(WireBytes(raw), static_cast<int>(raw.size()));
    while (uint32_t tag = in.ReadTag()) {
      int number = Wire::GetTagFieldNumber(tag);
      Wire::WireType wire = Wire::GetTagWireType(tag);
      auto field = found->second.find(number);
      const TypeSchema::Field* member =
          field == found->second.end() || field->second.embedded ? nullptr : schema.FindField(field->second.name);
      if (field != found->second.end() && field->second.embedded) {
        std::string_view inner;
        if (wire != Wire::WIRETYPE_LENGTH_DELIMITED || !ReadDelimited(in, raw, inner)) {
          return Malformed("bad embedded field " + std::string(field->second.name));
        }
        KREF_RETURN_IF_ERROR(ReadStruct(schema, field->second.name, inner, out));
        continue;
      }
      if (member == nullptr) {  // unknown to kref: skipped, as upstream skips unknown fields
        if (!Wire::SkipField(&in, tag)) return Malformed("truncated field " + std::to_string(number));
        continue;
      }
      KREF_RETURN_IF_ERROR(ReadField(*member, in, raw, wire, out));
    }
    if (!in.ConsumedEntireMessage()) return Malformed("invalid tag in " + std::string(message_name));
    return Status();
  }

 private:
  // One occurrence of a field: sets (or, for a list, appends to) out[name].
  Status ReadField(const TypeSchema::Field& member, CodedInputStream& in, std::string_view whole,
                   Wire::WireType wire, json::object& out) {
    std::string name(member.name);
    const TypeSchema& type = *member.type;
    if (type.kind == Kind::kList) {
      json::value& slot = out[name];
      if (!slot.is_array()) slot = json::array();
      const TypeSchema& element = *type.element;
      if (wire == Wire::WIRETYPE_LENGTH_DELIMITED && IsVarint(element.kind)) {  // packed
        std::string_view packed;
        if (!ReadDelimited(in, whole, packed)) return Malformed("truncated " + name);
        CodedInputStream numbers(WireBytes(packed), static_cast<int>(packed.size()));
        while (numbers.CurrentPosition() < static_cast<int>(packed.size())) {
          json::value item;
          KREF_RETURN_IF_ERROR(ReadValue(element, numbers, packed, Wire::WIRETYPE_VARINT, name, item));
          slot.as_array().push_back(std::move(item));
        }
        return Status();
      }
      json::value item;
      KREF_RETURN_IF_ERROR(ReadValue(element, in, whole, wire, name, item));
      slot.as_array().push_back(std::move(item));
      return Status();
    }
    if (type.kind == Kind::kMap) {
      std::string_view entry;
      if (wire != Wire::WIRETYPE_LENGTH_DELIMITED || !ReadDelimited(in, whole, entry)) {
        return Malformed("bad map entry in " + name);
      }
      json::value& slot = out[name];
      if (!slot.is_object()) slot = json::object();
      return ReadMapEntry(*type.element, entry, name, slot.as_object());
    }
    if (type.kind == Kind::kStruct) {  // a repeated message merges into what came before
      json::value& slot = out[name];
      if (!slot.is_object()) slot = json::object();
      std::string_view inner;
      if (wire != Wire::WIRETYPE_LENGTH_DELIMITED || !ReadDelimited(in, whole, inner)) {
        return Malformed("bad message " + name);
      }
      return ReadStruct(type, type.name, inner, slot.as_object());
    }
    json::value value;
    KREF_RETURN_IF_ERROR(ReadValue(type, in, whole, wire, name, value));
    if (!value.is_null()) out[name] = std::move(value);  // a zero Time is absent
    return Status();
  }

  static bool IsVarint(Kind kind) {
    return kind == Kind::kBool || kind == Kind::kInt32 || kind == Kind::kInt64;
  }

  // {key=1 value=2}; a missing value is the element's zero value.
  Status ReadMapEntry(const TypeSchema& element, std::string_view entry, const std::string& name,
                      json::object& out) {
    CodedInputStream in(WireBytes(entry), static_cast<int>(entry.size()));
    std::string key;
    json::value value = ZeroValue(element);
    while (uint32_t tag = in.ReadTag()) {
      int number = Wire::GetTagFieldNumber(tag);
      Wire::WireType wire = Wire::GetTagWireType(tag);
      if (number == 1) {
        std::string_view text;
        if (wire != Wire::WIRETYPE_LENGTH_DELIMITED || !ReadDelimited(in, entry, text)) {
          return Malformed("bad map key in " + name);
        }
        key = ValidUtf8(text);
      } else if (number == 2) {
        KREF_RETURN_IF_ERROR(ReadValue(element, in, entry, wire, name, value));
        if (value.is_null()) value = ZeroValue(element);
      } else if (!Wire::SkipField(&in, tag)) {
        return Malformed("bad map entry in " + name);
      }
    }
    if (!in.ConsumedEntireMessage()) return Malformed("bad map entry in " + name);
    out[key] = std::move(value);
    return Status();
  }

  static json::value ZeroValue(const TypeSchema& type) {
    switch (type.kind) {
      case Kind::kString:
      case Kind::kBytes:
        return json::string();
      case Kind::kBool:
        return false;
      case Kind::kInt32:
      case Kind::kInt64:
        return 0;
      case Kind::kDouble:
        return 0.0;
      case Kind::kQuantity:
        return "0";
      case Kind::kStruct:
      case Kind::kMap:
        return json::object();
      case Kind::kList:
        return json::array();
      default:
        return nullptr;
    }
  }

  // A scalar, value type or list element; null for a zero Time or an empty RawExtension.
  Status ReadValue(const TypeSchema& type, CodedInputStream& in, std::string_view whole, Wire::WireType wire,
                   const std::string& name, json::value& out) {
    auto wrong = [&] { return Malformed("wrong wire type for " + name); };
    if (IsVarint(type.kind)) {
      uint64_t v = 0;
      if (wire != Wire::WIRETYPE_VARINT || !in.ReadVarint64(&v)) return wrong();
      if (type.kind == Kind::kBool) out = v != 0;
      else if (type.kind == Kind::kInt32) out = static_cast<int32_t>(static_cast<uint32_t>(v));
      else out = static_cast<int64_t>(v);
      return Status();
    }
    if (type.kind == Kind::kDouble) {
      uint64_t bits = 0;
      if (wire != Wire::WIRETYPE_FIXED64 || !in.ReadLittleEndian64(&bits)) return wrong();
      double d = 0;
      std::memcpy(&d, &bits, sizeof d);
      out = d;
      return Status();
    }
    std::string_view bytes;
    if (wire != Wire::WIRETYPE_LENGTH_DELIMITED || !ReadDelimited(in, whole, bytes)) return wrong();
    switch (type.kind) {
      case Kind::kString:
        out = ValidUtf8(bytes);
        return Status();
      case Kind::kBytes: {
        std::string text;
        Base64Encode(bytes, text);
        out = json::string(text);
        return Status();
      }
      case Kind::kQuantity:
      case Kind::kRawJson:
      case Kind::kTime:
      case Kind::kMicroTime:
      case Kind::kIntOrString:
        return ReadValueMessage(type.kind, bytes, name, out);
      case Kind::kStruct:  // an element of a list
        out = json::object();
        return ReadStruct(type, type.name, bytes, out.as_object());
      default:
        return wrong();
    }
  }

  // The value types that travel as small messages.
  static Status ReadValueMessage(Kind kind, std::string_view message, const std::string& name, json::value& out) {
    CodedInputStream in(WireBytes(message), static_cast<int>(message.size()));
    uint64_t numbers[4] = {};  // by field number, varint fields
    std::string_view text;     // field 1 of Quantity and RawExtension, field 3 of IntOrString
    while (uint32_t tag = in.ReadTag()) {
      int number = Wire::GetTagFieldNumber(tag);
      Wire::WireType wire = Wire::GetTagWireType(tag);
      bool textual = (kind == Kind::kQuantity || kind == Kind::kRawJson) ? number == 1
                     : kind == Kind::kIntOrString                       ? number == 3
                                                                        : false;
      if (textual) {
        if (wire != Wire::WIRETYPE_LENGTH_DELIMITED || !ReadDelimited(in, message, text)) {
          return Malformed("bad value of " + name);
        }
      } else if (number >= 1 && number <= 3 && wire == Wire::WIRETYPE_VARINT) {
        if (!in.ReadVarint64(&numbers[number])) return Malformed("bad value of " + name);
      } else if (!Wire::SkipField(&in, tag)) {
        return Malformed("bad value of " + name);
      }
    }
    if (!in.ConsumedEntireMessage()) return Malformed("bad value of " + name);
    switch (kind) {
      case Kind::kQuantity:
        out = json::string(text);
        return Status();
      case Kind::kRawJson: {
        if (text.empty()) return Status();
        json::error_code ec;
        out = json::parse(text, ec);
        if (ec) return Malformed(name + " does not hold JSON");
        return Status();
      }
      case Kind::kIntOrString:
        if (numbers[1] == 0) out = static_cast<int32_t>(static_cast<uint32_t>(numbers[2]));
        else out = json::string(text);
        return Status();
      default: {  // Time, MicroTime: {seconds=1 nanos=2}; an empty message is the zero time
        if (message.empty()) return Status();
        auto seconds = static_cast<int64_t>(numbers[1]);
        auto nanos = static_cast<int32_t>(static_cast<uint32_t>(numbers[2]));
        if (seconds < kMinSeconds || seconds > kMaxSeconds || nanos < 0 || nanos > 999'999'999) {
          return Malformed(name + " is out of range");
        }
        out = json::string(kind == Kind::kTime ? Time::FromUnixSeconds(seconds).ToString()
                                               : MicroTime::FromUnixMicros(seconds * 1'000'000 + nanos / 1000).ToString());
        return Status();
      }
    }
  }
};

}  // namespace

Result<ProtoEnvelope> ReadProtoEnvelope(std::string_view body) {
  constexpr std::string_view kMagic("k8s\0", 4);
  if (!body.starts_with(kMagic)) return Malformed("the body does not start with \"k8s\\x00\"");
  body.remove_prefix(kMagic.size());
  ProtoEnvelope envelope;
  CodedInputStream in(WireBytes(body), static_cast<int>(body.size()));
  while (uint32_t tag = in.ReadTag()) {
    int number = Wire::GetTagFieldNumber(tag);
    std::string_view value;
    if (number >= 1 && number <= 4) {
      if (Wire::GetTagWireType(tag) != Wire::WIRETYPE_LENGTH_DELIMITED || !ReadDelimited(in, body, value)) {
        return Malformed("bad envelope");
      }
    } else if (!Wire::SkipField(&in, tag)) {
      return Malformed("bad envelope");
    }
    if (number == 1) {  // typeMeta {apiVersion=1 kind=2}
      CodedInputStream meta(WireBytes(value), static_cast<int>(value.size()));
      while (uint32_t inner = meta.ReadTag()) {
        std::string_view text;
        int field = Wire::GetTagFieldNumber(inner);
        if (field == 1 || field == 2) {
          if (Wire::GetTagWireType(inner) != Wire::WIRETYPE_LENGTH_DELIMITED || !ReadDelimited(meta, value, text)) {
            return Malformed("bad typeMeta");
          }
          (field == 1 ? envelope.api_version : envelope.kind) = text;
        } else if (!Wire::SkipField(&meta, inner)) {
          return Malformed("bad typeMeta");
        }
      }
      if (!meta.ConsumedEntireMessage()) return Malformed("bad typeMeta");
    } else if (number == 2) {
      envelope.raw = value;
    } else if (number == 3 && !value.empty()) {
      return Malformed("content encoding \"" + std::string(value) + "\" is not supported");
    }
  }
  if (!in.ConsumedEntireMessage()) return Malformed("bad envelope");
  if (envelope.kind.empty()) return Malformed("the envelope names no kind");
  return envelope;
}

Result<json::value> ProtoToJson(const TypeSchema& schema, std::string_view raw) {
  json::value out = json::object();
  if (schema.kind != Kind::kStruct) return Malformed("not a message type");
  Reader reader;
  KREF_RETURN_IF_ERROR(reader.ReadStruct(schema, schema.name, raw, out.as_object()));
  return out;
}

}  // namespace kref::api
