#include "impl/api/validation/field_error.h"

#include <cstdio>
#include <set>

#include "impl/api/internal/utf8.h"
#include "impl/common/check.h"

namespace kref::api::validation {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// Go's unicode.IsPrint, approximated for non-ASCII: everything but C1 controls, the
// separators U+2028/U+2029, other spaces and noncharacters counts as printable.
bool IsPrintableRune(uint32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7F;
  if (r < 0xA0) return false;
  if (r == 0xA0 || r == 0x2028 || r == 0x2029 || r == 0xFEFF) return false;
  if (r >= 0x2000 && r <= 0x200F) return false;
  if ((r & 0xFFFE) == 0xFFFE) return false;
  return true;
}

}  // namespace

std::string GoQuote(std::string_view s) {
  std::string out = "\"";
  size_t i = 0;
  while (i < s.size()) {
    uint32_t rune = 0;
    size_t length = internal::DecodeUtf8(s, i, rune);
    if (length == 0) {
      unsigned char b = static_cast<unsigned char>(s[i]);
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 0xF];
      ++i;
      continue;
    }
    if (rune == '"' || rune == '\\') {
      out += '\\';
      out += static_cast<char>(rune);
    } else if (IsPrintableRune(rune)) {
      out.append(s.substr(i, length));
    } else {
      switch (rune) {
        case '\a':
          out += "\\a";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\v':
          out += "\\v";
          break;
        default:
          if (rune < 0x80) {
            out += "\\x";
            out += kHex[rune >> 4];
            out += kHex[rune & 0xF];
          } else {
            char buffer[12];
            std::snprintf(buffer, sizeof(buffer), rune > 0xFFFF ? "\\U%08x" : "\\u%04x", rune);
            out += buffer;
          }
      }
    }
    i += length;
  }
  out += '"';
  return out;
}

Path Path::Child(std::string_view name) const {
  Path child = *this;
  if (!child.text_.empty()) child.text_ += '.';
  child.text_ += name;
  return child;
}

Path Path::Index(size_t index) const {
  Path child = *this;
  child.text_ += '[';
  child.text_ += std::to_string(index);
  child.text_ += ']';
  return child;
}

Path Path::Key(std::string_view key) const {
  Path child = *this;
  child.text_ += '[';
  child.text_ += key;
  child.text_ += ']';
  return child;
}

BadValue::BadValue(std::string_view s) : text_(GoQuote(s)) {}

BadValue::BadValue(const std::vector<std::string>& values) {
  text_ = "[]string{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) text_ += ", ";
    text_ += GoQuote(values[i]);
  }
  text_ += "}";
}

BadValue BadValue::Raw(std::string text) {
  BadValue value;
  value.text_ = std::move(text);
  return value;
}

std::string_view FieldError::Reason() const {
  switch (type) {
    case ErrorType::kNotFound:
      return "FieldValueNotFound";
    case ErrorType::kRequired:
      return "FieldValueRequired";
    case ErrorType::kDuplicate:
      return "FieldValueDuplicate";
    case ErrorType::kInvalid:
      return "FieldValueInvalid";
    case ErrorType::kNotSupported:
      return "FieldValueNotSupported";
    case ErrorType::kForbidden:
      return "FieldValueForbidden";
    case ErrorType::kTooLong:
      return "FieldValueTooLong";
    case ErrorType::kTooMany:
      return "FieldValueTooMany";
    case ErrorType::kInternal:
      return "InternalError";
    case ErrorType::kTypeInvalid:
      return "FieldValueTypeInvalid";
  }
  return "FieldValueInvalid";
}

std::string FieldError::Body() const {
  std::string body;
  switch (type) {
    case ErrorType::kNotFound:
      body = "Not found";
      break;
    case ErrorType::kRequired:
      body = "Required value";
      break;
    case ErrorType::kDuplicate:
      body = "Duplicate value";
      break;
    case ErrorType::kInvalid:
      body = "Invalid value";
      break;
    case ErrorType::kNotSupported:
      body = "Unsupported value";
      break;
    case ErrorType::kForbidden:
      body = "Forbidden";
      break;
    case ErrorType::kTooLong:
      body = "Too long";
      break;
    case ErrorType::kTooMany:
      body = "Too many";
      break;
    case ErrorType::kInternal:
      body = "Internal error";
      break;
    case ErrorType::kTypeInvalid:
      body = "Invalid value";
      break;
  }
  bool shows_value = type != ErrorType::kRequired && type != ErrorType::kForbidden &&
                     type != ErrorType::kTooLong && type != ErrorType::kInternal;
  if (shows_value && !omit_value) body += ": " + value;
  if (!detail.empty()) body += ": " + detail;
  return body;
}

std::string FieldError::ToString() const { return field + ": " + Body(); }

FieldError Required(const Path& path, std::string detail) {
  return {ErrorType::kRequired, path.str(), "", std::move(detail)};
}

FieldError Invalid(const Path& path, const BadValue& value, std::string detail) {
  return {ErrorType::kInvalid, path.str(), value.text(), std::move(detail)};
}

FieldError InvalidOmitValue(const Path& path, std::string detail) {
  return {ErrorType::kInvalid, path.str(), "", std::move(detail), /*omit_value=*/true};
}

FieldError NotSupported(const Path& path, const BadValue& value,
                        std::initializer_list<std::string_view> supported) {
  std::string detail;
  for (std::string_view s : supported) {
    detail += detail.empty() ? "supported values: " : ", ";
    detail += GoQuote(s);
  }
  return {ErrorType::kNotSupported, path.str(), value.text(), std::move(detail)};
}

FieldError NotSupported(const Path& path, const BadValue& value,
                        const std::vector<std::string>& supported) {
  std::string detail;
  for (const std::string& s : supported) {
    detail += detail.empty() ? "supported values: " : ", ";
    detail += GoQuote(s);
  }
  return {ErrorType::kNotSupported, path.str(), value.text(), std::move(detail)};
}

FieldError Duplicate(const Path& path, const BadValue& value) {
  return {ErrorType::kDuplicate, path.str(), value.text(), ""};
}

FieldError NotFound(const Path& path, const BadValue& value) {
  return {ErrorType::kNotFound, path.str(), value.text(), ""};
}

FieldError Forbidden(const Path& path, std::string detail) {
  return {ErrorType::kForbidden, path.str(), "", std::move(detail)};
}

FieldError TooLong(const Path& path, int64_t max_length) {
  return {ErrorType::kTooLong, path.str(), "",
          "must have at most " + std::to_string(max_length) + " bytes"};
}

FieldError TooMany(const Path& path, int64_t actual, int64_t max) {
  return {ErrorType::kTooMany, path.str(), std::to_string(actual),
          "must have at most " + std::to_string(max) + " items"};
}

FieldError InternalError(const Path& path, std::string detail) {
  return {ErrorType::kInternal, path.str(), "", std::move(detail)};
}

Status InvalidError(std::string_view group, std::string_view kind, std::string_view name,
                    const FieldErrors& errors) {
  KREF_CHECK(!errors.empty());
  StatusDetails details{.reason = "Invalid",
                        .name = std::string(name),
                        .group = std::string(group),
                        .kind = std::string(kind)};
  std::set<std::string> seen;
  std::vector<std::string> messages;
  for (const FieldError& error : errors) {
    details.causes.push_back({std::string(error.Reason()), error.Body(), error.field});
    std::string message = error.ToString();
    if (seen.insert(message).second) messages.push_back(std::move(message));
  }
  std::string qualified(kind);
  if (!group.empty()) qualified += "." + std::string(group);
  std::string message = qualified + " " + GoQuote(name) + " is invalid: ";
  if (messages.size() == 1) {
    message += messages[0];
  } else {
    message += "[";
    for (size_t i = 0; i < messages.size(); ++i) {
      if (i > 0) message += ", ";
      message += messages[i];
    }
    message += "]";
  }
  return InvalidArgumentError(std::move(message)).WithDetails(std::move(details));
}

}  // namespace kref::api::validation
