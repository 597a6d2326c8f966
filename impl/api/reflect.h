// How API types are declared, and what the generic codec derives from the declaration.
//
// Every API struct lists its fields with KREF_API_STRUCT, in upstream order, as (type, name)
// pairs with the upstream JSON field name as the C++ member name (camelCase, as on the wire). A
// name that is a C++ keyword gets a trailing underscore, which the codec strips: `namespace_`,
// `template_`, `operator_`, `continue_`, `default_`. Every member is value-initialized (zero,
// empty), and the struct gets a defaulted operator==. A field type may not contain a top-level
// comma: write maps as Map<T> (std::map<std::string, T>).
//
// Field types and their JSON behaviour (Go encoding/json rules, as upstream):
//   std::string, bool, int32_t, int64_t, double   omitted when zero ("omitempty"),
//   std::vector<T>, Map<T>                        omitted when empty,
//   std::optional<T>                              a Go pointer: omitted when absent,
//   another API struct, Time, IntOrString         always emitted (Go never omits a struct),
//   Quantity, MicroTime, Bytes, RawJson           see their headers.
// A field upstream declares without omitempty is listed in the struct's kAlwaysEmit; it is then
// emitted even when zero/empty (python-kubernetes rejects objects that lack such fields):
//
//   struct ContainerPort {
//     KREF_API_STRUCT(ContainerPort,
//         (std::string, name),
//         (int32_t, containerPort));
//     static constexpr std::string_view kAlwaysEmit[] = {"containerPort"};
//   };
//
// Go's inline embedding (TypeMeta, VolumeSource in Volume, ProbeHandler in Probe) is written
// out flat: the embedded fields are members of the outer struct.
//
// The macro gives the struct `template <class V> static constexpr void KrefVisit(V&& v)`, which
// calls `v.template operator()<&T::field>("field")` for each field in order; a function
// template costs nothing until a codec uses it. (DESIGN.md named BOOST_HANA_DEFINE_STRUCT: it
// leaves scalar members uninitialized and its tuples made each header that included the pod
// types cost 4 s and 900 MB to compile; this costs 1 s and 200 MB.)
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/internal/pp_for_each.h"
#include "impl/common/status.h"

namespace boost::json {
class value;
}

namespace kref::api {

template <class T>
using Map = std::map<std::string, T>;

// The wire name of a member: its C++ name without a trailing underscore.
constexpr std::string_view WireName(std::string_view member_name) {
  if (!member_name.empty() && member_name.back() == '_') member_name.remove_suffix(1);
  return member_name;
}

namespace internal {
class DecodeContext;
// The JSON codec of one type (impl/api/internal/json_codec.h).
template <class T, class Enable = void>
struct Codec;

struct NullVisitor {
  template <auto Member>
  constexpr void operator()(std::string_view) {}
};
}  // namespace internal

template <class T>
concept ApiStruct = requires {
  T::KrefVisit(internal::NullVisitor{});
};

template <class T>
constexpr bool AlwaysEmits(std::string_view wire_name) {
  if constexpr (requires { T::kAlwaysEmit; }) {
    for (std::string_view name : T::kAlwaysEmit) {
      if (name == wire_name) return true;
    }
  }
  return false;
}

// Calls f(wire_name, member) for each field of `object`, in declaration order.
template <ApiStruct T, class F>
void ForEachField(T& object, F&& f) {
  T::KrefVisit([&]<auto Member>(std::string_view name) { f(WireName(name), object.*Member); });
}

}  // namespace kref::api

#define KREF_INTERNAL_FIELD_TYPE(type, name) type
#define KREF_INTERNAL_FIELD_NAME(type, name) name
#define KREF_INTERNAL_DECLARE(owner, field) \
  KREF_INTERNAL_FIELD_TYPE field KREF_INTERNAL_FIELD_NAME field{};
#define KREF_INTERNAL_STRINGIZE_(x) #x
#define KREF_INTERNAL_STRINGIZE(x) KREF_INTERNAL_STRINGIZE_(x)
#define KREF_INTERNAL_VISIT(owner, field)                        \
  v.template operator()<&owner::KREF_INTERNAL_FIELD_NAME field>( \
      KREF_INTERNAL_STRINGIZE(KREF_INTERNAL_FIELD_NAME field));

#define KREF_API_STRUCT(type, ...)                           \
  KREF_PP_FOR_EACH(KREF_INTERNAL_DECLARE, type, __VA_ARGS__) \
  template <class V>                                         \
  static constexpr void KrefVisit(V&& v) {                   \
    KREF_PP_FOR_EACH(KREF_INTERNAL_VISIT, type, __VA_ARGS__) \
  }                                                          \
  bool operator==(const type&) const = default

// Declares that T's JSON codec is compiled once, in the .cc that says
// KREF_API_DEFINE_SEPARATE_CODEC(T), instead of in every translation unit that encodes a type
// containing a T. Use at global scope, after T's namespace is closed, for types many kinds embed
// (ObjectMeta, PodSpec, PodTemplateSpec).
#define KREF_API_SEPARATE_CODEC(T)                                           \
  template <>                                                                \
  struct kref::api::internal::Codec<T, void> {                               \
    static void Encode(const T& value, std::string& out);                    \
    static ::kref::Status Decode(const ::boost::json::value& json, T& value, \
                                 ::kref::api::internal::DecodeContext& ctx); \
    static bool IsEmpty(const T&) { return false; }                          \
  }
