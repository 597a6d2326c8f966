// TypedObject<T>: the Object implementation for one API type. Included by the group
// registration files only. The kind's operations are found by argument-dependent lookup in
// T's namespace: PrepareForCreate(T&), SetDefaults(T&) and Validate(const T&).
#pragma once

#include <boost/json/value.hpp>

#include "impl/api/json.h"
#include "impl/api/registry.h"
#include "impl/api/validation/common.h"

namespace kref::api::internal {

// Free functions so that argument-dependent lookup, not the member of the same name, finds
// the kind's operations.
template <class T>
void PrepareForCreateOf(T& object) {
  PrepareForCreate(object);
}
template <class T>
void SetDefaultsOf(T& object) {
  SetDefaults(object);
}
template <class T>
validation::FieldErrors ValidateOf(const T& object) {
  return Validate(object);
}
// The kind's update rules when it has some (ValidateUpdate(const T&, const T&) in its
// namespace); none otherwise.
template <class T>
validation::FieldErrors ValidateUpdateOf(const T& object, const T& old) {
  if constexpr (requires { ValidateUpdate(object, old); }) {
    return ValidateUpdate(object, old);
  } else {
    return {};
  }
}

template <class T>
class TypedObject final : public Object {
 public:
  TypedObject(const KindInfo& info, T value) : info_(&info), value_(std::move(value)) {}

  const KindInfo& info() const override { return *info_; }
  meta::ObjectMeta& metadata() override { return value_.metadata; }
  void PrepareForCreate() override { PrepareForCreateOf(value_); }
  void Default() override { SetDefaultsOf(value_); }
  validation::FieldErrors Validate() const override { return ValidateOf(value_); }
  validation::FieldErrors ValidateUpdate(const Object& old) const override {
    const T* previous = old.As<T>();
    if (previous == nullptr) return {};
    validation::FieldErrors errors =
        validation::ValidateObjectMetaUpdate(value_.metadata, previous->metadata, validation::Path("metadata"));
    validation::Append(errors, ValidateUpdateOf(value_, *previous));
    return errors;
  }
  std::string ToJson() const override { return api::ToJson(value_); }
  std::unique_ptr<Object> Clone() const override {
    return std::make_unique<TypedObject>(*info_, value_);
  }

 protected:
  void* Raw(const std::type_info& type) override {
    return type == typeid(T) ? static_cast<void*>(&value_) : nullptr;
  }

 private:
  const KindInfo* info_;
  T value_;
};

// The decode function of KindInfo for T. `info` must outlive the objects it makes.
template <class T>
Result<std::unique_ptr<Object>> DecodeTyped(const KindInfo& info, const boost::json::value& value,
                                            DecodeReport* report) {
  KREF_ASSIGN_OR_RETURN(T typed, FromJsonValue<T>(value, report));
  return std::unique_ptr<Object>(std::make_unique<TypedObject<T>>(info, std::move(typed)));
}

}  // namespace kref::api::internal
