// Go's encoding/json error messages for unmarshalling into a map[string]interface{}: a
// re-implementation of the scanner's state machine, whose messages name the state it failed in.
#include "impl/api/core/internal/go_json.h"

#include <cctype>
#include <string>
#include <vector>

#include "impl/api/validation/field_error.h"

namespace kref::api::core::internal {
namespace {

// Go's quoteChar: the offending byte in single quotes.
std::string GoQuoteChar(unsigned char c) {
  if (c == '\'') return "'\\''";
  if (c == '"') return "'\"'";
  std::string utf8;
  if (c < 0x80) {
    utf8 = std::string(1, static_cast<char>(c));
  } else {
    utf8 = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
  }
  std::string quoted = validation::GoQuote(utf8);
  return "'" + quoted.substr(1, quoted.size() - 2) + "'";
}

// The error json.Unmarshal gives for `data` into a map[string]interface{}, or nullopt. Follows
// the state machine of encoding/json's scanner, whose messages name the state it failed in.
class GoJsonChecker {
 public:
  std::optional<std::string> Check(std::string_view data) {
    for (char ch : data) {
      if (!Step(static_cast<unsigned char>(ch))) return error_;
    }
    if (state_ != State::kEndTop && (!Step(' ') || state_ != State::kEndTop)) {
      return error_.empty() ? "unexpected end of JSON input" : error_;
    }
    return TypeError(data);
  }

 private:
  enum class State {
    kBeginValue,
    kBeginValueOrEmpty,
    kBeginStringOrEmpty,
    kBeginString,
    kEndValue,
    kEndTop,
    kInString,
    kInStringEsc,
    kInStringEscU,
    kNeg,
    kOne,
    kZero,
    kDot,
    kDot0,
    kE,
    kESign,
    kE0,
    kLiteral,
  };
  enum class Context { kObjectKey, kObjectValue, kArrayValue };

  static bool IsSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
  static bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

  bool Fail(unsigned char c, std::string_view context) {
    error_ = "invalid character " + GoQuoteChar(c) + " " + std::string(context);
    return false;
  }

  bool Step(unsigned char c) {
    switch (state_) {
      case State::kBeginValueOrEmpty:
        if (IsSpace(c)) return true;
        if (c == ']') return EndValue(c);
        return BeginValue(c);
      case State::kBeginValue:
        return BeginValue(c);
      case State::kBeginStringOrEmpty:
        if (IsSpace(c)) return true;
        if (c == '}') {
          stack_.back() = Context::kObjectValue;
          return EndValue(c);
        }
        [[fallthrough]];
      case State::kBeginString:
        if (IsSpace(c)) return true;
        if (c != '"') return Fail(c, "looking for beginning of object key string");
        state_ = State::kInString;
        return true;
      case State::kEndValue:
        return EndValue(c);
      case State::kEndTop:
        return IsSpace(c) || Fail(c, "after top-level value");
      case State::kInString:
        return InString(c);
      case State::kInStringEsc:
        if (std::string_view("bfnrt\\/\"").find(static_cast<char>(c)) != std::string_view::npos) {
          state_ = State::kInString;
          return true;
        }
        if (c != 'u') return Fail(c, "in string escape code");
        state_ = State::kInStringEscU;
        hex_left_ = 4;
        return true;
      case State::kInStringEscU:
        if (!std::isxdigit(c)) return Fail(c, "in \\u hexadecimal character escape");
        if (--hex_left_ == 0) state_ = State::kInString;
        return true;
      case State::kNeg:
        if (!IsDigit(c)) return Fail(c, "in numeric literal");
        state_ = c == '0' ? State::kZero : State::kOne;
        return true;
      case State::kOne:
        if (IsDigit(c)) return true;
        [[fallthrough]];
      case State::kZero:
        if (c == '.') {
          state_ = State::kDot;
          return true;
        }
        if (c == 'e' || c == 'E') {
          state_ = State::kE;
          return true;
        }
        return EndValue(c);
      case State::kDot:
        if (!IsDigit(c)) return Fail(c, "after decimal point in numeric literal");
        state_ = State::kDot0;
        return true;
      case State::kDot0:
        if (IsDigit(c)) return true;
        if (c == 'e' || c == 'E') {
          state_ = State::kE;
          return true;
        }
        return EndValue(c);
      case State::kE:
        if (c == '+' || c == '-') {
          state_ = State::kESign;
          return true;
        }
        [[fallthrough]];
      case State::kESign:
        if (!IsDigit(c)) return Fail(c, "in exponent of numeric literal");
        state_ = State::kE0;
        return true;
      case State::kE0:
        return IsDigit(c) || EndValue(c);
      case State::kLiteral:
        return InLiteral(c);
    }
    return true;
  }

  bool BeginValue(unsigned char c) {
    if (IsSpace(c)) return true;
    switch (c) {
      case '{':
        stack_.push_back(Context::kObjectKey);
        state_ = State::kBeginStringOrEmpty;
        return true;
      case '[':
        stack_.push_back(Context::kArrayValue);
        state_ = State::kBeginValueOrEmpty;
        return true;
      case '"':
        state_ = State::kInString;
        return true;
      case '-':
        state_ = State::kNeg;
        return true;
      case '0':
        state_ = State::kZero;
        return true;
      case 't':
        literal_ = "true";
        break;
      case 'f':
        literal_ = "false";
        break;
      case 'n':
        literal_ = "null";
        break;
      default:
        if (c >= '1' && c <= '9') {
          state_ = State::kOne;
          return true;
        }
        return Fail(c, "looking for beginning of value");
    }
    literal_pos_ = 1;
    state_ = State::kLiteral;
    return true;
  }

  bool EndValue(unsigned char c) {
    if (stack_.empty()) {
      state_ = State::kEndTop;
      return IsSpace(c) || Fail(c, "after top-level value");
    }
    state_ = State::kEndValue;
    if (IsSpace(c)) return true;
    switch (stack_.back()) {
      case Context::kObjectKey:
        if (c != ':') return Fail(c, "after object key");
        stack_.back() = Context::kObjectValue;
        state_ = State::kBeginValue;
        return true;
      case Context::kObjectValue:
        if (c == ',') {
          stack_.back() = Context::kObjectKey;
          state_ = State::kBeginString;
          return true;
        }
        if (c != '}') return Fail(c, "after object key:value pair");
        break;
      case Context::kArrayValue:
        if (c == ',') {
          state_ = State::kBeginValue;
          return true;
        }
        if (c != ']') return Fail(c, "after array element");
        break;
    }
    stack_.pop_back();
    if (stack_.empty()) state_ = State::kEndTop;
    return true;
  }

  bool InString(unsigned char c) {
    if (c == '"') {
      state_ = State::kEndValue;
      return true;
    }
    if (c == '\\') {
      state_ = State::kInStringEsc;
      return true;
    }
    return c >= 0x20 || Fail(c, "in string literal");
  }

  bool InLiteral(unsigned char c) {
    char want = literal_[literal_pos_];
    if (c != static_cast<unsigned char>(want)) {
      return Fail(c, "in literal " + std::string(literal_) + " (expecting " +
                         GoQuoteChar(static_cast<unsigned char>(want)) + ")");
    }
    if (++literal_pos_ == literal_.size()) state_ = State::kEndValue;
    return true;
  }

  // Syntax is fine: only an object or null fits a map.
  static std::optional<std::string> TypeError(std::string_view data) {
    size_t first = data.find_first_not_of(" \t\r\n");
    const char* kind = nullptr;
    switch (data[first]) {
      case '{':
      case 'n':
        return std::nullopt;
      case '[':
        kind = "array";
        break;
      case '"':
        kind = "string";
        break;
      case 't':
      case 'f':
        kind = "bool";
        break;
      default:
        kind = "number";
    }
    return "json: cannot unmarshal " + std::string(kind) +
           " into Go value of type map[string]interface {}";
  }

  State state_ = State::kBeginValue;
  std::vector<Context> stack_;
  std::string_view literal_;
  size_t literal_pos_ = 0;
  int hex_left_ = 0;
  std::string error_;
};

}  // namespace

std::optional<std::string> GoJsonUnmarshalMapError(std::string_view data) {
  return GoJsonChecker().Check(data);
}

}  // namespace kref::api::core::internal
