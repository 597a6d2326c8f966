// The shape of an API type at run time, derived from its KREF_API_STRUCT declaration.
//
// The protobuf reader (protobuf.h) and the OpenAPI generator walk these instead of templates,
// so each compiles once. SchemaOf<T>() is built on first use and lives for the program; it is
// thread-safe (function-local statics). Types may not contain themselves (no API type does).
#pragma once

#include <boost/core/demangle.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include "impl/api/int_or_string.h"
#include "impl/api/quantity.h"
#include "impl/api/raw.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

namespace kref::api {

struct TypeSchema {
  enum class Kind {
    kString,
    kBool,
    kInt32,
    kInt64,
    kDouble,
    kQuantity,     // a resource.Quantity: "100m"
    kTime,         // RFC 3339 seconds
    kMicroTime,    // RFC 3339 microseconds
    kIntOrString,  // 8080 or "http"
    kBytes,        // base64 in JSON
    kRawJson,      // any JSON value
    kStruct,
    kList,
    kMap,  // string keys
  };
  struct Field {
    std::string_view name;  // the wire (JSON) name
    const TypeSchema* type = nullptr;
    bool pointer = false;  // a Go pointer (std::optional): null when absent
  };

  Kind kind = Kind::kString;
  // kStruct: the C++ name under kref::api, e.g. "core::PodSpec"; the scalar kinds' names are
  // "string", "boolean", "int32", ... as OpenAPI spells them.
  std::string name;
  const TypeSchema* element = nullptr;  // kList and kMap: the element (value) type
  std::vector<Field> fields;            // kStruct, in declaration order

  // The field with wire name `name`, or null.
  const Field* FindField(std::string_view name) const {
    for (const Field& field : fields) {
      if (field.name == name) return &field;
    }
    return nullptr;
  }
};

template <class T>
const TypeSchema& SchemaOf();

// ---- Implementation details ----

namespace internal {

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {
  using type = T;
};
template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {
  using type = T;
};
template <class T>
struct IsMap : std::false_type {};
template <class T>
struct IsMap<Map<T>> : std::true_type {
  using type = T;
};

inline TypeSchema Scalar(TypeSchema::Kind kind, std::string name) {
  TypeSchema schema;
  schema.kind = kind;
  schema.name = std::move(name);
  return schema;
}

template <class T>
TypeSchema BuildSchema() {
  using K = TypeSchema::Kind;
  if constexpr (std::is_same_v<T, std::string>) return Scalar(K::kString, "string");
  else if constexpr (std::is_same_v<T, bool>) return Scalar(K::kBool, "boolean");
  else if constexpr (std::is_same_v<T, int32_t>) return Scalar(K::kInt32, "int32");
  else if constexpr (std::is_same_v<T, int64_t>) return Scalar(K::kInt64, "int64");
  else if constexpr (std::is_same_v<T, double>) return Scalar(K::kDouble, "double");
  else if constexpr (std::is_same_v<T, Quantity>) return Scalar(K::kQuantity, "Quantity");
  else if constexpr (std::is_same_v<T, Time>) return Scalar(K::kTime, "Time");
  else if constexpr (std::is_same_v<T, MicroTime>) return Scalar(K::kMicroTime, "MicroTime");
  else if constexpr (std::is_same_v<T, IntOrString>) return Scalar(K::kIntOrString, "IntOrString");
  else if constexpr (std::is_same_v<T, Bytes>) return Scalar(K::kBytes, "byte");
  else if constexpr (std::is_same_v<T, RawJson>) return Scalar(K::kRawJson, "RawExtension");
  else if constexpr (IsVector<T>::value) {
    TypeSchema schema = Scalar(K::kList, "array");
    schema.element = &SchemaOf<typename IsVector<T>::type>();
    return schema;
  } else if constexpr (IsMap<T>::value) {
    TypeSchema schema = Scalar(K::kMap, "object");
    schema.element = &SchemaOf<typename IsMap<T>::type>();
    return schema;
  } else {
    static_assert(ApiStruct<T>, "not an API type");
    std::string name = boost::core::demangle(typeid(T).name());
    constexpr std::string_view kPrefix = "kref::api::";
    if (name.starts_with(kPrefix)) name.erase(0, kPrefix.size());
    TypeSchema schema = Scalar(K::kStruct, std::move(name));
    T::KrefVisit([&]<auto Member>(std::string_view member) {
      using Field = std::remove_cvref_t<decltype(std::declval<T&>().*Member)>;
      if constexpr (IsOptional<Field>::value) {
        schema.fields.push_back({WireName(member), &SchemaOf<typename IsOptional<Field>::type>(), true});
      } else {
        schema.fields.push_back({WireName(member), &SchemaOf<Field>(), false});
      }
    });
    return schema;
  }
}

}  // namespace internal

template <class T>
const TypeSchema& SchemaOf() {
  static const TypeSchema schema = internal::BuildSchema<T>();
  return schema;
}

}  // namespace kref::api
