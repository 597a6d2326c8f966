// IntOrString: a field that holds an int32 or a string (intstr.IntOrString upstream), e.g. a
// port given by number or by name, or maxSurge given as 1 or "25%". On the wire it is a JSON
// number or a JSON string. The zero value is the integer 0.
//
// Thread safety: a value type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "impl/common/result.h"

namespace kref::api {

class IntOrString {
 public:
  IntOrString() = default;
  static IntOrString FromInt(int32_t value) { return IntOrString(value); }
  static IntOrString FromString(std::string value) { return IntOrString(std::move(value)); }

  bool is_string() const { return is_string_; }
  int32_t int_value() const { return int_value_; }
  const std::string& string_value() const { return string_value_; }

  // The int as decimal text, or the string.
  std::string ToString() const { return is_string_ ? string_value_ : std::to_string(int_value_); }

  bool operator==(const IntOrString&) const = default;

 private:
  explicit IntOrString(int32_t value) : int_value_(value) {}
  explicit IntOrString(std::string value) : is_string_(true), string_value_(std::move(value)) {}

  bool is_string_ = false;
  int32_t int_value_ = 0;
  std::string string_value_;
};

// The value of an int-or-percent against `total`, as upstream's
// GetScaledValueFromIntOrPercent: an int is returned as is; "N%" is N% of total, rounded up when
// `round_up`, down otherwise. InvalidArgument for a string that is not a percentage
// ("invalid value for IntOrString: invalid type: string is not a percentage").
Result<int64_t> ScaledValueFromIntOrPercent(const IntOrString& value, int64_t total, bool round_up);

}  // namespace kref::api
