// Field-level validation errors, printed exactly as upstream's field.Error, and their
// aggregation into the 422 Invalid error the API server returns.
//
//   spec.replicas: Invalid value: -1: must be greater than or equal to 0
//   spec.template.spec.containers[0].image: Required value
//   spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "Never"
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "impl/common/status.h"

namespace kref::api::validation {

// A field path, rendered as upstream: "spec.containers[0].env[2]", "metadata.labels[app]".
class Path {
 public:
  Path() = default;
  explicit Path(std::string_view root) : text_(root) {}

  Path Child(std::string_view name) const;
  Path Index(size_t index) const;
  Path Key(std::string_view key) const;
  const std::string& str() const { return text_; }

 private:
  std::string text_;
};

// A rejected value, rendered the way upstream prints it: strings quoted as Go's %q, integers and
// booleans plain, string lists as Go's %#v ([]string{"a", "b"}), absent values as null.
class BadValue {
 public:
  BadValue(std::string_view s);
  BadValue(const std::string& s) : BadValue(std::string_view(s)) {}
  BadValue(const char* s) : BadValue(std::string_view(s)) {}
  BadValue(int64_t v) : text_(std::to_string(v)) {}
  BadValue(int32_t v) : text_(std::to_string(v)) {}
  BadValue(bool v) : text_(v ? "true" : "false") {}
  BadValue(const std::vector<std::string>& values);
  static BadValue Null() { return Raw("null"); }
  // Printed as given (for values upstream prints with their String() method, e.g. quantities).
  static BadValue Raw(std::string text);

  const std::string& text() const { return text_; }

 private:
  BadValue() = default;
  std::string text_;
};

enum class ErrorType {
  kNotFound,
  kRequired,
  kDuplicate,
  kInvalid,
  kNotSupported,
  kForbidden,
  kTooLong,
  kTooMany,
  kInternal,
  kTypeInvalid,
};

struct FieldError {
  ErrorType type;
  std::string field;
  std::string value;  // rendered; unused by Required, Forbidden, TooLong, Internal
  std::string detail;
  // Print no value (set by InvalidOmitValue; upstream's field.OmitValueType).
  bool omit_value = false;

  // "FieldValueRequired", ...: the StatusCause reason.
  std::string_view Reason() const;
  // "Required value", "Invalid value: -1: must be ...": the message without the field.
  std::string Body() const;
  // "<field>: <body>".
  std::string ToString() const;
  bool operator==(const FieldError&) const = default;
};

using FieldErrors = std::vector<FieldError>;

FieldError Required(const Path& path, std::string detail = "");
FieldError Invalid(const Path& path, const BadValue& value, std::string detail);
// An Invalid error without a value, as upstream's field.Invalid(path, field.OmitValueType{},
// detail): for rules about a whole struct, where the value would tell the user nothing.
//   spec.podFailurePolicy.rules[0]: Invalid value: specifying one of ... is required
FieldError InvalidOmitValue(const Path& path, std::string detail);
FieldError NotSupported(const Path& path, const BadValue& value,
                        std::initializer_list<std::string_view> supported);
FieldError NotSupported(const Path& path, const BadValue& value,
                        const std::vector<std::string>& supported);
FieldError Duplicate(const Path& path, const BadValue& value);
FieldError NotFound(const Path& path, const BadValue& value);
FieldError Forbidden(const Path& path, std::string detail);
FieldError TooLong(const Path& path, int64_t max_length);
FieldError TooMany(const Path& path, int64_t actual, int64_t max);
FieldError InternalError(const Path& path, std::string detail);

// Go's %q of a string.
std::string GoQuote(std::string_view s);

// The 422 error for an invalid object, as upstream's NewInvalid:
//   message  `<Kind>[.<group>] "<name>" is invalid: <error>` (one error) or `... [e1, e2]`,
//            listing each distinct error once, in first-seen order;
//   details  reason "Invalid", group, kind, name, one cause per error (repeats included).
// REQUIRES: !errors.empty().
Status InvalidError(std::string_view group, std::string_view kind, std::string_view name,
                    const FieldErrors& errors);

}  // namespace kref::api::validation
