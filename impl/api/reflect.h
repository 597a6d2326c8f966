// How API types are declared, and what the generic codec derives from the declaration.
//
// Every API struct lists its fields with KREF_API_STRUCT, in upstream order, with the upstream
// JSON field name as the C++ member name (camelCase, as on the wire). A name that is a C++
// keyword gets a trailing underscore, which the codec strips: `namespace_`, `template_`,
// `operator_`, `continue_`, `default_`. Every member is value-initialized (zero, empty), and the
// struct gets a defaulted operator==.
//
// Field types and their JSON behaviour (Go encoding/json rules, as upstream):
//   std::string, bool, int32_t, int64_t, double   omitted when zero ("omitempty"),
//   std::vector<T>, std::map<std::string, T>      omitted when empty,
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
// (DESIGN.md named BOOST_HANA_DEFINE_STRUCT for this. It declares members without
// initializers, so a default-constructed struct held indeterminate integers; this macro keeps
// its syntax and fixes that.)
#pragma once

#include <boost/preprocessor/arithmetic/dec.hpp>
#include <boost/preprocessor/punctuation/comma_if.hpp>
#include <boost/preprocessor/seq/for_each.hpp>
#include <boost/preprocessor/seq/for_each_i.hpp>
#include <boost/preprocessor/stringize.hpp>
#include <boost/preprocessor/tuple/elem.hpp>
#include <boost/preprocessor/tuple/enum.hpp>
#include <boost/preprocessor/tuple/pop_back.hpp>
#include <boost/preprocessor/tuple/size.hpp>
#include <boost/preprocessor/variadic/to_seq.hpp>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace kref::api {

// One reflected field: its C++ name and a pointer to the member.
template <class Struct, class Member>
struct FieldRef {
  std::string_view name;
  Member Struct::*pointer;
};

// The wire name of a member: its C++ name without a trailing underscore.
constexpr std::string_view WireName(std::string_view member_name) {
  if (!member_name.empty() && member_name.back() == '_') member_name.remove_suffix(1);
  return member_name;
}

template <class T>
concept ApiStruct = requires {
  T::KrefFields();
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

// Calls f(FieldRef) for each field of `T` in declaration order.
template <ApiStruct T, class F>
constexpr void ForEachField(F&& f) {
  std::apply([&](const auto&... field) { (f(field), ...); }, T::KrefFields());
}

}  // namespace kref::api

#define KREF_INTERNAL_FIELD_NAME(field) \
  BOOST_PP_TUPLE_ELEM(BOOST_PP_DEC(BOOST_PP_TUPLE_SIZE(field)), field)
#define KREF_INTERNAL_FIELD_TYPE(field) BOOST_PP_TUPLE_ENUM(BOOST_PP_TUPLE_POP_BACK(field))
#define KREF_INTERNAL_DECLARE_FIELD(r, data, field) \
  KREF_INTERNAL_FIELD_TYPE(field) KREF_INTERNAL_FIELD_NAME(field){};
#define KREF_INTERNAL_FIELD_REF(r, type, i, field)                                              \
  BOOST_PP_COMMA_IF(i)::kref::api::FieldRef {                                                   \
    BOOST_PP_STRINGIZE(KREF_INTERNAL_FIELD_NAME(field)), &type::KREF_INTERNAL_FIELD_NAME(field) \
  }

#define KREF_API_STRUCT(type, ...)                                                             \
  BOOST_PP_SEQ_FOR_EACH(KREF_INTERNAL_DECLARE_FIELD, _, BOOST_PP_VARIADIC_TO_SEQ(__VA_ARGS__)) \
  static constexpr auto KrefFields() {                                                         \
    return std::make_tuple(BOOST_PP_SEQ_FOR_EACH_I(KREF_INTERNAL_FIELD_REF, type,              \
                                                   BOOST_PP_VARIADIC_TO_SEQ(__VA_ARGS__)));    \
  }                                                                                            \
  bool operator==(const type&) const = default
