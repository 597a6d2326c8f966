// The generic JSON codec's templates. Include only from the .cc files that instantiate codecs
// (group codec.cc files, tests); everyone else includes impl/api/json.h.
#pragma once

#include <array>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "impl/api/int_or_string.h"
#include "impl/api/json.h"
#include "impl/api/quantity.h"
#include "impl/api/raw.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

namespace kref::api::internal {

// ---- Non-template support (json_codec.cc) ------------------------------------------------

// Appends `s` as a JSON string literal, escaped as Go's encoding/json does.
void WriteJsonString(std::string_view s, std::string& out);
void WriteJsonInt(int64_t v, std::string& out);
void WriteJsonDouble(double v, std::string& out);

// Tracks where in the document the decoder is, for error messages and unknown-field reports.
class DecodeContext {
 public:
  explicit DecodeContext(DecodeReport* report) : report_(report) {}

  void PushField(std::string_view name) { path_.push_back({Segment::kField, name, 0}); }
  void PushIndex(size_t index) { path_.push_back({Segment::kIndex, {}, index}); }
  void PushKey(std::string_view key) { path_.push_back({Segment::kKey, key, 0}); }
  void Pop() { path_.pop_back(); }

  // "spec.containers[0].env[1].name", map keys in brackets: "metadata.labels[app]".
  std::string Path() const;
  // "json: cannot unmarshal <json kind> into field <path> of type <want>".
  Status TypeError(const boost::json::value& got, std::string_view want) const;
  // "<path>: <message>" for a well-typed but unparsable value (a bad quantity, time, base64).
  Status ValueError(std::string_view message) const;
  void UnknownField(std::string_view name);

 private:
  struct Segment {
    enum Kind : uint8_t { kField, kIndex, kKey } kind;
    std::string_view name;
    size_t index;
  };
  Status ErrorAtPath(std::string message) const;

  DecodeReport* report_;
  std::vector<Segment> path_;
};

// Decoders of the leaf types.
Status DecodeJsonString(const boost::json::value& v, std::string& out, DecodeContext& ctx);
Status DecodeJsonBool(const boost::json::value& v, bool& out, DecodeContext& ctx);
Status DecodeJsonInt(const boost::json::value& v, int64_t min, int64_t max, std::string_view type,
                     int64_t& out, DecodeContext& ctx);
Status DecodeJsonDouble(const boost::json::value& v, double& out, DecodeContext& ctx);
Status DecodeJsonQuantity(const boost::json::value& v, Quantity& out, DecodeContext& ctx);
Status DecodeJsonTime(const boost::json::value& v, Time& out, DecodeContext& ctx);
Status DecodeJsonMicroTime(const boost::json::value& v, MicroTime& out, DecodeContext& ctx);
Status DecodeJsonIntOrString(const boost::json::value& v, IntOrString& out, DecodeContext& ctx);
Status DecodeJsonBytes(const boost::json::value& v, Bytes& out, DecodeContext& ctx);
void DecodeJsonRaw(const boost::json::value& v, RawJson& out);
void WriteJsonBytes(const Bytes& v, std::string& out);

// Parses `text` with a caller-owned arena; errors carry line and column.
Result<boost::json::value> ParseJsonText(std::string_view text,
                                         boost::json::monotonic_resource& arena);
// Adds " (line L, column C)" to a decode error whose cause names a field found in `text`.
Status AddJsonLocation(Status error, std::string_view text);

// ---- Codec<T>: one specialization per kind of type ---------------------------------------
//
//   static void Encode(const T&, std::string& out);
//   static Status Decode(const boost::json::value&, T&, DecodeContext&);
//   static bool IsEmpty(const T&);   // Go's omitempty test; false for struct-like types

template <>
struct Codec<std::string> {
  static void Encode(const std::string& v, std::string& out) { WriteJsonString(v, out); }
  static Status Decode(const boost::json::value& j, std::string& v, DecodeContext& ctx) {
    return DecodeJsonString(j, v, ctx);
  }
  static bool IsEmpty(const std::string& v) { return v.empty(); }
};

template <>
struct Codec<bool> {
  static void Encode(bool v, std::string& out) { out.append(v ? "true" : "false"); }
  static Status Decode(const boost::json::value& j, bool& v, DecodeContext& ctx) {
    return DecodeJsonBool(j, v, ctx);
  }
  static bool IsEmpty(bool v) { return !v; }
};

template <class T>
struct Codec<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static void Encode(T v, std::string& out) { WriteJsonInt(static_cast<int64_t>(v), out); }
  static Status Decode(const boost::json::value& j, T& v, DecodeContext& ctx) {
    int64_t wide = 0;
    constexpr std::string_view kType = sizeof(T) == 4 ? "int32" : "int64";
    Status status = DecodeJsonInt(j, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(),
                                  kType, wide, ctx);
    if (status.ok()) v = static_cast<T>(wide);
    return status;
  }
  static bool IsEmpty(T v) { return v == 0; }
};

template <>
struct Codec<double> {
  static void Encode(double v, std::string& out) { WriteJsonDouble(v, out); }
  static Status Decode(const boost::json::value& j, double& v, DecodeContext& ctx) {
    return DecodeJsonDouble(j, v, ctx);
  }
  static bool IsEmpty(double v) { return v == 0; }
};

template <>
struct Codec<Quantity> {
  static void Encode(const Quantity& v, std::string& out) { WriteJsonString(v.ToString(), out); }
  static Status Decode(const boost::json::value& j, Quantity& v, DecodeContext& ctx) {
    return DecodeJsonQuantity(j, v, ctx);
  }
  static bool IsEmpty(const Quantity&) { return false; }
};

template <>
struct Codec<Time> {
  static void Encode(const Time& v, std::string& out) {
    if (v.IsZero()) {
      out.append("null");
    } else {
      WriteJsonString(v.ToString(), out);
    }
  }
  static Status Decode(const boost::json::value& j, Time& v, DecodeContext& ctx) {
    return DecodeJsonTime(j, v, ctx);
  }
  static bool IsEmpty(const Time&) { return false; }
};

template <>
struct Codec<MicroTime> {
  static void Encode(const MicroTime& v, std::string& out) {
    if (v.IsZero()) {
      out.append("null");
    } else {
      WriteJsonString(v.ToString(), out);
    }
  }
  static Status Decode(const boost::json::value& j, MicroTime& v, DecodeContext& ctx) {
    return DecodeJsonMicroTime(j, v, ctx);
  }
  static bool IsEmpty(const MicroTime&) { return false; }
};

template <>
struct Codec<IntOrString> {
  static void Encode(const IntOrString& v, std::string& out) {
    if (v.is_string()) {
      WriteJsonString(v.string_value(), out);
    } else {
      WriteJsonInt(v.int_value(), out);
    }
  }
  static Status Decode(const boost::json::value& j, IntOrString& v, DecodeContext& ctx) {
    return DecodeJsonIntOrString(j, v, ctx);
  }
  static bool IsEmpty(const IntOrString&) { return false; }
};

template <>
struct Codec<Bytes> {
  static void Encode(const Bytes& v, std::string& out) { WriteJsonBytes(v, out); }
  static Status Decode(const boost::json::value& j, Bytes& v, DecodeContext& ctx) {
    return DecodeJsonBytes(j, v, ctx);
  }
  static bool IsEmpty(const Bytes& v) { return v.data.empty(); }
};

template <>
struct Codec<RawJson> {
  static void Encode(const RawJson& v, std::string& out) {
    out.append(v.json.empty() ? std::string_view("null") : std::string_view(v.json));
  }
  static Status Decode(const boost::json::value& j, RawJson& v, DecodeContext&) {
    DecodeJsonRaw(j, v);
    return Status::Ok();
  }
  static bool IsEmpty(const RawJson& v) { return v.json.empty(); }
};

template <class T>
struct Codec<std::optional<T>> {
  static void Encode(const std::optional<T>& v, std::string& out) {
    if (v) {
      Codec<T>::Encode(*v, out);
    } else {
      out.append("null");
    }
  }
  static Status Decode(const boost::json::value& j, std::optional<T>& v, DecodeContext& ctx) {
    if (j.is_null()) {
      v.reset();
      return Status::Ok();
    }
    v.emplace();
    return Codec<T>::Decode(j, *v, ctx);
  }
  static bool IsEmpty(const std::optional<T>& v) { return !v.has_value(); }
};

template <class T>
struct Codec<std::vector<T>> {
  static void Encode(const std::vector<T>& v, std::string& out) {
    out.push_back('[');
    for (size_t i = 0; i < v.size(); ++i) {
      if (i > 0) out.push_back(',');
      Codec<T>::Encode(v[i], out);
    }
    out.push_back(']');
  }
  static Status Decode(const boost::json::value& j, std::vector<T>& v, DecodeContext& ctx) {
    v.clear();
    if (j.is_null()) return Status::Ok();
    const boost::json::array* array = j.if_array();
    if (array == nullptr) return ctx.TypeError(j, "array");
    v.resize(array->size());
    for (size_t i = 0; i < array->size(); ++i) {
      ctx.PushIndex(i);
      Status status = Codec<T>::Decode((*array)[i], v[i], ctx);
      ctx.Pop();
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }
  static bool IsEmpty(const std::vector<T>& v) { return v.empty(); }
};

template <class T>
struct Codec<Map<T>> {
  static void Encode(const Map<T>& v, std::string& out) {
    out.push_back('{');
    bool first = true;
    for (const auto& [key, item] : v) {
      if (!first) out.push_back(',');
      first = false;
      WriteJsonString(key, out);
      out.push_back(':');
      Codec<T>::Encode(item, out);
    }
    out.push_back('}');
  }
  static Status Decode(const boost::json::value& j, Map<T>& v, DecodeContext& ctx) {
    v.clear();
    if (j.is_null()) return Status::Ok();
    const boost::json::object* object = j.if_object();
    if (object == nullptr) return ctx.TypeError(j, "object");
    for (const auto& member : *object) {
      std::string_view key = member.key();
      ctx.PushKey(key);
      Status status = Codec<T>::Decode(member.value(), v[std::string(key)], ctx);
      ctx.Pop();
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }
  static bool IsEmpty(const Map<T>& v) { return v.empty(); }
};

// ---- Reflected structs ---------------------------------------------------------------------

template <class T, auto Member>
Status DecodeMember(T& object, const boost::json::value& j, DecodeContext& ctx) {
  auto& member = object.*Member;
  return Codec<std::decay_t<decltype(member)>>::Decode(j, member, ctx);
}

template <class T>
struct FieldEntry {
  std::string_view name;
  Status (*decode)(T&, const boost::json::value&, DecodeContext&) = nullptr;
};

// The decode dispatch table of T: one entry per field, in declaration order.
template <class T>
struct FieldTable {
  struct Counter {
    size_t& count;
    template <auto Member>
    constexpr void operator()(std::string_view) {
      ++count;
    }
  };
  static constexpr size_t kCount = [] {
    size_t count = 0;
    T::KrefVisit(Counter{count});
    return count;
  }();

  struct Builder {
    std::array<FieldEntry<T>, kCount>& entries;
    size_t& next;
    template <auto Member>
    constexpr void operator()(std::string_view name) {
      entries[next++] = {WireName(name), &DecodeMember<T, Member>};
    }
  };
  static constexpr std::array<FieldEntry<T>, kCount> kEntries = [] {
    std::array<FieldEntry<T>, kCount> entries{};
    size_t next = 0;
    T::KrefVisit(Builder{entries, next});
    return entries;
  }();

  // Fields usually arrive in declaration order, so the search starts after the last match.
  static const FieldEntry<T>* Find(std::string_view key, size_t& hint) {
    for (size_t n = 0; n < kCount; ++n) {
      size_t i = hint + n < kCount ? hint + n : hint + n - kCount;
      if (kEntries[i].name == key) {
        hint = i + 1;
        return &kEntries[i];
      }
    }
    return nullptr;
  }
};

// The codec of a reflected struct.
template <class T>
struct StructCodec {
  // Not inlined into the enclosing struct's codec: inlining whole object trees made codec
  // translation units several times slower to compile and bought no measurable speed.
  [[gnu::noinline]] static void Encode(const T& v, std::string& out) {
    out.push_back('{');
    bool first = true;
    T::KrefVisit([&]<auto Member>(std::string_view member_name) {
      const auto& member = v.*Member;
      using M = std::decay_t<decltype(member)>;
      const std::string_view name = WireName(member_name);
      if (!AlwaysEmits<T>(name) && Codec<M>::IsEmpty(member)) return;
      if (!first) out.push_back(',');
      first = false;
      out.push_back('"');
      out.append(name);
      out.append("\":", 2);
      Codec<M>::Encode(member, out);
    });
    out.push_back('}');
  }

  [[gnu::noinline]] static Status Decode(const boost::json::value& j, T& v, DecodeContext& ctx) {
    v = T{};
    if (j.is_null()) return Status::Ok();
    const boost::json::object* object = j.if_object();
    if (object == nullptr) return ctx.TypeError(j, "object");
    size_t hint = 0;
    for (const auto& member : *object) {
      std::string_view key = member.key();
      const FieldEntry<T>* entry = FieldTable<T>::Find(key, hint);
      if (entry == nullptr) {
        ctx.UnknownField(key);
        continue;
      }
      ctx.PushField(entry->name);
      Status status = entry->decode(v, member.value(), ctx);
      ctx.Pop();
      if (!status.ok()) return status;
    }
    return Status::Ok();
  }

  static bool IsEmpty(const T&) { return false; }
};

template <ApiStruct T>
struct Codec<T> : StructCodec<T> {};

}  // namespace kref::api::internal

namespace kref::api {

template <class T>
void AppendJson(const T& value, std::string& out) {
  internal::Codec<T>::Encode(value, out);
}

template <class T>
std::string ToJson(const T& value) {
  std::string out;
  out.reserve(1024);
  internal::Codec<T>::Encode(value, out);
  return out;
}

template <class T>
Result<T> FromJsonValue(const boost::json::value& value, DecodeReport* report) {
  internal::DecodeContext ctx(report);
  T result{};
  KREF_RETURN_IF_ERROR(internal::Codec<T>::Decode(value, result, ctx));
  return result;
}

template <class T>
Result<T> FromJson(std::string_view text, DecodeReport* report) {
  unsigned char buffer[8192];
  boost::json::monotonic_resource arena(buffer, sizeof(buffer));
  KREF_ASSIGN_OR_RETURN(boost::json::value value, internal::ParseJsonText(text, arena));
  internal::DecodeContext ctx(report);
  T result{};
  Status status = internal::Codec<T>::Decode(value, result, ctx);
  if (!status.ok()) return internal::AddJsonLocation(std::move(status), text);
  return result;
}

}  // namespace kref::api

// Defines the out-of-line codec declared by KREF_API_SEPARATE_CODEC(T). Use at global scope.
#define KREF_API_DEFINE_SEPARATE_CODEC(T)                                                      \
  void kref::api::internal::Codec<T, void>::Encode(const T& value, std::string& out) {         \
    StructCodec<T>::Encode(value, out);                                                        \
  }                                                                                            \
  ::kref::Status kref::api::internal::Codec<T, void>::Decode(                                  \
      const ::boost::json::value& json, T& value, ::kref::api::internal::DecodeContext& ctx) { \
    return StructCodec<T>::Decode(json, value, ctx);                                           \
  }                                                                                            \
  static_assert(true)

// Instantiates the codec entry points for one type, in a .cc that includes this header.
#define KREF_API_INSTANTIATE_JSON(T)                                                           \
  template std::string kref::api::ToJson<T>(const T&);                                         \
  template void kref::api::AppendJson<T>(const T&, std::string&);                              \
  template kref::Result<T> kref::api::FromJson<T>(std::string_view, kref::api::DecodeReport*); \
  template kref::Result<T> kref::api::FromJsonValue<T>(const boost::json::value&,              \
                                                       kref::api::DecodeReport*)
