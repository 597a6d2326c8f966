// Create validation for the core/v1 kinds other than the pod kinds, with upstream's field paths
// and messages (pkg/apis/core/validation/validation.go and events.go, as of v1.32).

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/api/labels.h"
#include "impl/api/validation/common.h"
#include "impl/api/validation/names.h"

namespace kref::api::core {
namespace {

using validation::Append;
using validation::BadValue;
using validation::Duplicate;
using validation::FieldError;
using validation::FieldErrors;
using validation::Forbidden;
using validation::GoQuote;
using validation::InternalError;
using validation::Invalid;
using validation::NotSupported;
using validation::Path;
using validation::Problems;
using validation::Required;

constexpr int64_t kMaxSecretSize = 1024 * 1024;

// ---- Go renderings of non-scalar bad values (%#v upstream) ---------------------------------

// A string slice of a named type: []core.ResourceQuotaScope{"A", "B"}, or (nil) when empty.
std::string GoSlice(std::string_view type, const std::vector<std::string>& values) {
  if (values.empty()) return "[]" + std::string(type) + "(nil)";
  std::string out = "[]" + std::string(type) + "{";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + GoQuote(values[i]);
  return out + "}";
}

// map[string]string{"a":"b", "c":"d"}, or map[string]string(nil) when empty.
std::string GoStringMap(const Map<std::string>& map) {
  if (map.empty()) return "map[string]string(nil)";
  std::string out = "map[string]string{";
  bool first = true;
  for (const auto& [key, value] : map) {
    out += (first ? "" : ", ") + GoQuote(key) + ":" + GoQuote(value);
    first = false;
  }
  return out + "}";
}

// A resource.Quantity as %#v prints it, derived from the canonical text: an int64Amount and
// the cached string when ParseQuantity would keep it.
std::string GoQuantity(const Quantity& quantity) {
  std::string text = quantity.ToString();
  size_t digits_end = text.find_first_not_of("-0123456789");
  std::string number = text.substr(0, digits_end);
  std::string suffix = digits_end == std::string::npos ? "" : text.substr(digits_end);
  int64_t value = std::stoll(number);
  int scale = 0;
  std::string format = "DecimalSI";
  bool keeps_text = true;
  static constexpr std::array<std::string_view, 6> kBinary = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  static constexpr std::array<std::string_view, 10> kDecimal = {"n", "u", "m", "",  "k",
                                                                "M", "G", "T", "P", "E"};
  if (auto it = std::find(kBinary.begin(), kBinary.end(), suffix); it != kBinary.end()) {
    format = "BinarySI";
    keeps_text = (value & 0x07) != 0;
    value <<= 10 * (it - kBinary.begin() + 1);
  } else if (auto dec = std::find(kDecimal.begin(), kDecimal.end(), suffix);
             dec != kDecimal.end()) {
    scale = 3 * static_cast<int>(dec - kDecimal.begin()) - 9;
  } else {
    format = "DecimalExponent";
    scale = std::stoi(suffix.substr(1));
    keeps_text = scale % 3 == 0;
  }
  keeps_text = keeps_text && number != "0" && !number.ends_with("000");
  return "resource.Quantity{i:resource.int64Amount{value:" + std::to_string(value) +
         ", scale:" + std::to_string(scale) +
         "}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:" + GoQuote(keeps_text ? text : "") +
         ", Format:\"" + format + "\"}";
}

// core.ResourceList{"storage":resource.Quantity{...}}, or core.ResourceList(nil) when empty.
std::string GoResourceList(const Map<Quantity>& list) {
  if (list.empty()) return "core.ResourceList(nil)";
  std::string out = "core.ResourceList{";
  bool first = true;
  for (const auto& [name, quantity] : list) {
    out += (first ? "" : ", ") + GoQuote(name) + ":" + GoQuantity(quantity);
    first = false;
  }
  return out + "}";
}

// core.Taint{...}. A set timeAdded is a pointer upstream, printed as an address.
std::string GoTaint(const Taint& taint) {
  return "core.Taint{Key:" + GoQuote(taint.key) + ", Value:" + GoQuote(taint.value) +
         ", Effect:" + GoQuote(taint.effect) + ", TimeAdded:(*v1.Time)(" +
         (taint.timeAdded ? "0xc000000000" : "nil") + ")}";
}

// The (protocol, port) key upstream reports duplicate service ports with.
std::string GoServicePortKey(const ServicePort& port) {
  return "core.ServicePort{Name:\"\", Protocol:" + GoQuote(port.protocol) +
         ", AppProtocol:(*string)(nil), Port:" + std::to_string(port.port) +
         ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}";
}

// core.ScopeSelector{MatchExpressions:[]core.ScopedResourceSelectorRequirement{...}} (only
// reported for a selector with expressions).
std::string GoScopeSelector(const ScopeSelector& selector) {
  std::string out = "core.ScopeSelector{MatchExpressions:[]core.ScopedResourceSelectorRequirement{";
  for (size_t i = 0; i < selector.matchExpressions.size(); ++i) {
    const ScopedResourceSelectorRequirement& r = selector.matchExpressions[i];
    out += (i ? ", " : "") + std::string("core.ScopedResourceSelectorRequirement{ScopeName:") +
           GoQuote(r.scopeName) + ", Operator:" + GoQuote(r.operator_) +
           ", Values:" + GoSlice("string", r.values) + "}";
  }
  return out + "}}";
}

// A *field.Path as a bad value: dereferenced, it has no String method, so Go prints the struct
// (its parent pointer as an address).
std::string GoFieldPath(std::string_view name) {
  return "field.Path{name:" + GoQuote(name) + ", index:\"\", parent:(*field.Path)(0xc000000000)}";
}

BadValue Raw(std::string text) { return BadValue::Raw(std::move(text)); }

// ---- Go's JSON syntax errors (encoding/json), for the docker config secrets ----------------

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
  std::string quoted = GoQuote(utf8);
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

// ---- Shared checks --------------------------------------------------------------------------

// One Invalid error per problem, the value as given.
FieldErrors InvalidPerProblem(const Problems& problems, const Path& path, const BadValue& value) {
  FieldErrors errors;
  for (const std::string& problem : problems) errors.push_back(Invalid(path, value, problem));
  return errors;
}

FieldErrors ValidateDNS1123Label(const std::string& value, const Path& path) {
  return InvalidPerProblem(validation::IsDNS1123Label(value), path, value);
}

FieldErrors ValidateDNS1123Subdomain(const std::string& value, const Path& path) {
  return InvalidPerProblem(validation::IsDNS1123Subdomain(value), path, value);
}

// ValidateQualifiedName, and metav1validation.ValidateLabelName (the same rule).
FieldErrors ValidateQualifiedName(const std::string& value, const Path& path) {
  return InvalidPerProblem(validation::IsQualifiedName(value), path, value);
}

// validateKubeFinalizerName: an unqualified finalizer must be one of the standard ones.
FieldErrors ValidateKubeFinalizerName(const std::string& value, const Path& path) {
  if (value.find('/') != std::string::npos || value == "kubernetes" || value == "orphan" ||
      value == "foregroundDeletion") {
    return {};
  }
  return {
      Invalid(path, value, "name is neither a standard finalizer name nor is it fully qualified")};
}

// ValidateObjectMeta of pkg/apis/core/validation: the generic rules, then the kube finalizer
// name rule on every finalizer.
FieldErrors ValidateCoreObjectMeta(const meta::ObjectMeta& meta, bool namespaced,
                                   const validation::NameValidator& name_validator) {
  Path path("metadata");
  FieldErrors errors = validation::ValidateObjectMeta(meta, namespaced, name_validator, path);
  for (size_t i = 0; i < meta.finalizers.size(); ++i) {
    Append(errors,
           ValidateKubeFinalizerName(meta.finalizers[i], path.Child("finalizers").Index(i)));
  }
  return errors;
}

// ValidatePortNumOrName.
FieldErrors ValidatePortNumOrName(const IntOrString& port, const Path& path) {
  if (port.is_string()) {
    return InvalidPerProblem(validation::IsValidPortName(port.string_value()), path,
                             port.string_value());
  }
  return InvalidPerProblem(validation::IsValidPortNum(port.int_value()), path, port.int_value());
}

// validation.IsValidIP in its field form.
FieldErrors ValidateIP(const std::string& value, const Path& path) {
  return InvalidPerProblem(validation::IsValidIP(value), path, value);
}

// An address as Go's net.IP holds it: 16 bytes, IPv4 as ::ffff:a.b.c.d. IPv4 parts may have
// leading zeros (ParseIPSloppy).
std::optional<std::array<uint8_t, 16>> ParseIP(const std::string& text) {
  std::array<uint8_t, 16> ip{};
  if (text.find(':') != std::string::npos) {
    if (inet_pton(AF_INET6, text.c_str(), ip.data()) != 1) return std::nullopt;
    return ip;
  }
  ip[10] = ip[11] = 0xff;
  size_t start = 0;
  for (int part = 0; part < 4; ++part) {
    size_t end = part < 3 ? text.find('.', start) : text.size();
    if (end == std::string::npos || end == start) return std::nullopt;
    int value = 0;
    for (size_t i = start; i < end; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
      value = value * 10 + (text[i] - '0');
      if (value > 255) return std::nullopt;
    }
    ip[12 + part] = static_cast<uint8_t>(value);
    start = end + 1;
  }
  return ip;
}

bool IsV4(const std::array<uint8_t, 16>& ip) {
  return std::all_of(ip.begin(), ip.begin() + 10, [](uint8_t b) { return b == 0; }) &&
         ip[10] == 0xff && ip[11] == 0xff;
}

// netutils.IsIPv6String: an address that is not IPv4 (nor IPv4-mapped).
bool IsIPv6Address(const std::string& text) {
  std::optional<std::array<uint8_t, 16>> ip = ParseIP(text);
  return ip && !IsV4(*ip);
}

// ValidateNonSpecialIP: no unspecified, loopback or link-local addresses.
FieldErrors ValidateNonSpecialIP(const std::string& value, const Path& path) {
  std::optional<std::array<uint8_t, 16>> parsed = ParseIP(value);
  if (!parsed) return {Invalid(path, value, "must be a valid IP address")};
  const std::array<uint8_t, 16>& ip = *parsed;
  bool v4 = IsV4(ip);
  FieldErrors errors;
  bool unspecified = v4 ? (ip[12] | ip[13] | ip[14] | ip[15]) == 0
                        : std::all_of(ip.begin(), ip.end(), [](uint8_t b) { return b == 0; });
  bool loopback =
      v4 ? ip[12] == 127
         : std::all_of(ip.begin(), ip.end() - 1, [](uint8_t b) { return b == 0; }) && ip[15] == 1;
  bool link_local_unicast =
      v4 ? ip[12] == 169 && ip[13] == 254 : ip[0] == 0xfe && (ip[1] & 0xc0) == 0x80;
  bool link_local_multicast =
      v4 ? ip[12] == 224 && ip[13] == 0 && ip[14] == 0 : ip[0] == 0xff && (ip[1] & 0x0f) == 0x02;
  if (unspecified) {
    errors.push_back(Invalid(path, value, "may not be unspecified (" + value + ")"));
  }
  if (loopback) {
    errors.push_back(
        Invalid(path, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  }
  if (link_local_unicast) {
    errors.push_back(
        Invalid(path, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  }
  if (link_local_multicast) {
    errors.push_back(Invalid(
        path, value, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  }
  return errors;
}

// ---- Resource names and quantities (pkg/apis/core/helper) -----------------------------------

bool Contains(std::initializer_list<std::string_view> set, std::string_view value) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

bool IsHugePageResourceName(std::string_view name) { return name.starts_with("hugepages-"); }

bool IsQuotaHugePageResourceName(std::string_view name) {
  return IsHugePageResourceName(name) || name.starts_with("requests.hugepages-");
}

bool IsNativeResource(std::string_view name) {
  return name.find('/') == std::string_view::npos ||
         name.find("kubernetes.io/") != std::string_view::npos;
}

bool IsExtendedResourceName(std::string_view name) {
  if (IsNativeResource(name) || name.starts_with("requests.")) return false;
  return validation::IsQualifiedName("requests." + std::string(name)).empty();
}

bool IsOvercommitAllowed(std::string_view name) {
  return IsNativeResource(name) && !IsHugePageResourceName(name);
}

bool IsStandardContainerResourceName(std::string_view name) {
  return Contains({"cpu", "memory", "ephemeral-storage"}, name) || IsHugePageResourceName(name);
}

bool IsStandardQuotaResourceName(std::string_view name) {
  return Contains({"cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory",
                   "requests.storage", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
                   "limits.ephemeral-storage", "pods", "resourcequotas", "services",
                   "replicationcontrollers", "secrets", "persistentvolumeclaims", "configmaps",
                   "services.nodeports", "services.loadbalancers"},
                  name) ||
         IsQuotaHugePageResourceName(name);
}

bool IsStandardResourceName(std::string_view name) {
  return Contains({"cpu",
                   "memory",
                   "ephemeral-storage",
                   "requests.cpu",
                   "requests.memory",
                   "requests.ephemeral-storage",
                   "limits.cpu",
                   "limits.memory",
                   "limits.ephemeral-storage",
                   "pods",
                   "resourcequotas",
                   "services",
                   "replicationcontrollers",
                   "secrets",
                   "configmaps",
                   "persistentvolumeclaims",
                   "storage",
                   "requests.storage",
                   "services.nodeports",
                   "services.loadbalancers"},
                  name) ||
         IsQuotaHugePageResourceName(name);
}

bool IsIntegerResourceName(std::string_view name) {
  return Contains({"pods", "resourcequotas", "services", "replicationcontrollers", "secrets",
                   "configmaps", "persistentvolumeclaims", "services.nodeports",
                   "services.loadbalancers"},
                  name) ||
         IsExtendedResourceName(name);
}

bool Unqualified(std::string_view name) { return name.find('/') == std::string_view::npos; }

// validateResourceName.
FieldErrors ValidateResourceName(const std::string& name, const Path& path) {
  FieldErrors errors = ValidateQualifiedName(name, path);
  if (!errors.empty()) return errors;
  if (Unqualified(name) && !IsStandardResourceName(name)) {
    errors.push_back(Invalid(path, name, "must be a standard resource type or fully qualified"));
  }
  return errors;
}

// validateContainerResourceName.
FieldErrors ValidateContainerResourceName(const std::string& name, const Path& path) {
  FieldErrors errors = ValidateResourceName(name, path);
  if (Unqualified(name)) {
    if (!IsStandardContainerResourceName(name)) {
      errors.push_back(Invalid(path, name, "must be a standard resource for containers"));
    }
  } else if (!IsNativeResource(name) && !IsExtendedResourceName(name)) {
    errors.push_back(Invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errors;
}

// ValidateResourceQuotaResourceName.
FieldErrors ValidateResourceQuotaResourceName(const std::string& name, const Path& path) {
  FieldErrors errors = ValidateResourceName(name, path);
  if (Unqualified(name) && !IsStandardQuotaResourceName(name)) {
    errors.push_back(Invalid(path, name, "must be a standard resource for quota"));
  }
  return errors;
}

// ValidateNonnegativeQuantity.
FieldErrors ValidateNonnegativeQuantity(const Quantity& quantity, const Path& path) {
  if (quantity.Sign() >= 0) return {};
  return {Invalid(path, quantity.ToString(), "must be greater than or equal to 0")};
}

// ValidatePositiveQuantityValue.
FieldErrors ValidatePositiveQuantityValue(const Quantity& quantity, const Path& path) {
  if (quantity.Sign() > 0) return {};
  return {Invalid(path, quantity.ToString(), "must be greater than zero")};
}

// ValidateResourceQuantityValue: not negative, and whole for the integer resources.
FieldErrors ValidateResourceQuantityValue(const std::string& name, const Quantity& quantity,
                                          const Path& path) {
  FieldErrors errors = ValidateNonnegativeQuantity(quantity, path);
  if (IsIntegerResourceName(name) && quantity.MilliValue() % 1000 != 0) {
    errors.push_back(Invalid(path, Raw(quantity.ToString()), "must be an integer"));
  }
  return errors;
}

// validateBasicResource.
FieldErrors ValidateBasicResource(const Quantity& quantity, const Path& path) {
  if (quantity.Value() >= 0) return {};
  return {Invalid(path, quantity.Value(), "must be a valid resource quantity")};
}

// ---- Node selectors (PersistentVolume node affinity) ----------------------------------------

// ValidateNodeSelectorRequirement.
FieldErrors ValidateNodeSelectorRequirement(const NodeSelectorRequirement& rq, const Path& path) {
  FieldErrors errors;
  if (rq.operator_ == "In" || rq.operator_ == "NotIn") {
    if (rq.values.empty()) {
      errors.push_back(
          Required(path.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
    }
  } else if (rq.operator_ == "Exists" || rq.operator_ == "DoesNotExist") {
    if (!rq.values.empty()) {
      errors.push_back(Forbidden(path.Child("values"),
                                 "may not be specified when `operator` is 'Exists' or "
                                 "'DoesNotExist'"));
    }
  } else if (rq.operator_ == "Gt" || rq.operator_ == "Lt") {
    if (rq.values.size() != 1) {
      errors.push_back(Required(path.Child("values"),
                                "must be specified single value when `operator` is 'Lt' or 'Gt'"));
    }
  } else {
    errors.push_back(
        Invalid(path.Child("operator"), rq.operator_, "not a valid selector operator"));
  }
  Append(errors, ValidateQualifiedName(rq.key, path.Child("key")));
  for (size_t i = 0; i < rq.values.size(); ++i) {
    Append(errors, InvalidPerProblem(validation::IsValidLabelValue(rq.values[i]),
                                     path.Child("values").Index(i), rq.values[i]));
  }
  return errors;
}

// ValidateNodeFieldSelectorRequirement: only metadata.name, with one value.
FieldErrors ValidateNodeFieldSelectorRequirement(const NodeSelectorRequirement& rq,
                                                 const Path& path) {
  FieldErrors errors;
  if (rq.operator_ == "In" || rq.operator_ == "NotIn") {
    if (rq.values.size() != 1) {
      errors.push_back(Required(path.Child("values"),
                                "must be only one value when `operator` is 'In' or 'NotIn' for "
                                "node field selector"));
    }
  } else {
    errors.push_back(
        Invalid(path.Child("operator"), rq.operator_, "not a valid selector operator"));
  }
  if (rq.key != "metadata.name") {
    errors.push_back(Invalid(path.Child("key"), rq.key, "not a valid field selector key"));
  } else {
    for (size_t i = 0; i < rq.values.size(); ++i) {
      Append(errors, InvalidPerProblem(validation::NameIsDNSSubdomain(rq.values[i], false),
                                       path.Child("values").Index(i), rq.values[i]));
    }
  }
  return errors;
}

// ValidateNodeSelector.
FieldErrors ValidateNodeSelector(const NodeSelector& selector, const Path& path) {
  Path terms = path.Child("nodeSelectorTerms");
  if (selector.nodeSelectorTerms.empty()) {
    return {Required(terms, "must have at least one node selector term")};
  }
  FieldErrors errors;
  for (size_t i = 0; i < selector.nodeSelectorTerms.size(); ++i) {
    const NodeSelectorTerm& term = selector.nodeSelectorTerms[i];
    for (size_t j = 0; j < term.matchExpressions.size(); ++j) {
      Append(errors,
             ValidateNodeSelectorRequirement(term.matchExpressions[j],
                                             terms.Index(i).Child("matchExpressions").Index(j)));
    }
    for (size_t j = 0; j < term.matchFields.size(); ++j) {
      Append(errors, ValidateNodeFieldSelectorRequirement(
                         term.matchFields[j], terms.Index(i).Child("matchFields").Index(j)));
    }
  }
  return errors;
}

// ---- Node -----------------------------------------------------------------------------------

// validateTaintEffect (empty not allowed).
FieldErrors ValidateTaintEffect(const std::string& effect, const Path& path) {
  if (effect.empty()) return {Required(path)};
  if (effect == "NoSchedule" || effect == "PreferNoSchedule" || effect == "NoExecute") return {};
  return {NotSupported(path, effect, {"NoSchedule", "PreferNoSchedule", "NoExecute"})};
}

// validateNodeTaints: key, value and effect of each taint; unique by (key, effect).
FieldErrors ValidateNodeTaints(const std::vector<Taint>& taints, const Path& path) {
  FieldErrors errors;
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < taints.size(); ++i) {
    const Taint& taint = taints[i];
    Path at = path.Index(i);
    Append(errors, ValidateQualifiedName(taint.key, at.Child("key")));
    Problems value_problems = validation::IsValidLabelValue(taint.value);
    if (!value_problems.empty()) {
      errors.push_back(
          Invalid(at.Child("value"), taint.value, validation::JoinProblems(value_problems, ";")));
    }
    Append(errors, ValidateTaintEffect(taint.effect, at.Child("effect")));
    if (!seen.insert({taint.effect, taint.key}).second) {
      FieldError duplicate = Duplicate(at, Raw(GoTaint(taint)));
      duplicate.detail = "taints must be unique by key and effect pair";
      errors.push_back(std::move(duplicate));
    }
  }
  return errors;
}

// ValidateNodeResources: capacity and allocatable quantities (paths use Child, as upstream).
FieldErrors ValidateNodeResources(const NodeStatus& status) {
  FieldErrors errors;
  for (const auto& [name, quantity] : status.capacity) {
    Append(errors, ValidateResourceQuantityValue(name, quantity,
                                                 Path("status").Child("capacity").Child(name)));
  }
  for (const auto& [name, quantity] : status.allocatable) {
    Append(errors, ValidateResourceQuantityValue(name, quantity,
                                                 Path("status").Child("allocatable").Child(name)));
  }
  return errors;
}

// The podCIDRs part of ValidateNode: valid CIDRs, at most one per IP family, no duplicates.
FieldErrors ValidatePodCIDRs(const std::vector<std::string>& cidrs) {
  Path path = Path("spec").Child("podCIDRs");
  FieldErrors errors;
  for (size_t i = 0; i < cidrs.size(); ++i) {
    Append(errors, InvalidPerProblem(validation::IsValidCIDR(cidrs[i]), path.Index(i), cidrs[i]));
  }
  if (cidrs.size() <= 1) return errors;
  bool v4 = false;
  bool v6 = false;
  for (size_t i = 0; i < cidrs.size(); ++i) {
    if (!validation::IsValidCIDR(cidrs[i]).empty()) {
      errors.push_back(InternalError(
          path, "invalid PodCIDRs. failed to check with dual stack with error:invalid CIDR[" +
                    std::to_string(i) + "]: <nil> (invalid CIDR address: " + cidrs[i] + ")"));
      v4 = v6 = false;
      break;
    }
    (IsIPv6Address(cidrs[i].substr(0, cidrs[i].find('/'))) ? v6 : v4) = true;
  }
  if (!(v4 && v6) || cidrs.size() > 2) {
    errors.push_back(Invalid(path, cidrs, "may specify no more than one CIDR for each IP family"));
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < cidrs.size(); ++i) {
    if (!seen.insert(cidrs[i]).second) errors.push_back(Duplicate(path.Index(i), cidrs[i]));
  }
  return errors;
}

// ---- Service --------------------------------------------------------------------------------

bool IsHeadlessService(const ServiceSpec& spec) {
  return spec.clusterIPs.size() == 1 && spec.clusterIPs[0] == "None";
}

// apiservice.ExternallyAccessible.
bool ServiceExternallyAccessible(const ServiceSpec& spec) {
  return spec.type == "LoadBalancer" || spec.type == "NodePort" ||
         (spec.type == "ClusterIP" && !spec.externalIPs.empty());
}

// validateServicePort.
FieldErrors ValidateServicePort(const ServicePort& port, bool require_name,
                                std::set<std::string>& names, const Path& path) {
  FieldErrors errors;
  if (require_name && port.name.empty()) {
    errors.push_back(Required(path.Child("name")));
  } else if (!port.name.empty()) {
    Append(errors, ValidateDNS1123Label(port.name, path.Child("name")));
    if (!names.insert(port.name).second) {
      errors.push_back(Duplicate(path.Child("name"), port.name));
    }
  }
  Append(errors,
         InvalidPerProblem(validation::IsValidPortNum(port.port), path.Child("port"), port.port));
  if (port.protocol.empty()) {
    errors.push_back(Required(path.Child("protocol")));
  } else if (!Contains({"TCP", "UDP", "SCTP"}, port.protocol)) {
    errors.push_back(NotSupported(path.Child("protocol"), port.protocol, {"SCTP", "TCP", "UDP"}));
  }
  Append(errors, ValidatePortNumOrName(port.targetPort, path.Child("targetPort")));
  if (port.appProtocol) {
    Append(errors, ValidateQualifiedName(*port.appProtocol, path.Child("appProtocol")));
  }
  return errors;
}

// validateClientIPAffinityConfig and validateAffinityTimeout.
FieldErrors ValidateClientIPAffinityConfig(const std::optional<SessionAffinityConfig>& config,
                                           const Path& path) {
  const std::string when = "when session affinity type is ClientIP";
  if (!config) return {Required(path, when)};
  if (!config->clientIP) return {Required(path.Child("clientIP"), when)};
  Path timeout_path = path.Child("clientIP").Child("timeoutSeconds");
  const std::optional<int32_t>& timeout = config->clientIP->timeoutSeconds;
  if (!timeout) return {Required(timeout_path, when)};
  if (*timeout <= 0 || *timeout > 86400) {
    return {Invalid(timeout_path, *timeout, "must be greater than 0 and less than 86400")};
  }
  return {};
}

// ValidateServiceClusterIPsRelatedFields: clusterIP/clusterIPs agreement, families, policy.
FieldErrors ValidateServiceClusterIPsRelatedFields(const ServiceSpec& spec) {
  if (spec.type == "ExternalName") return {};
  FieldErrors errors;
  Path cluster_ips = Path("spec").Child("clusterIPs");
  Path families = Path("spec").Child("ipFamilies");
  if (!spec.clusterIP.empty()) {
    if (spec.clusterIPs.empty()) {
      errors.push_back(Required(cluster_ips));
    } else if (spec.clusterIPs[0] != spec.clusterIP) {
      errors.push_back(Invalid(cluster_ips, spec.clusterIPs, "first value must match `clusterIP`"));
    }
  } else if (!spec.clusterIPs.empty()) {
    errors.push_back(
        Invalid(cluster_ips, spec.clusterIPs, "must be empty when `clusterIP` is not specified"));
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < spec.ipFamilies.size(); ++i) {
    const std::string& family = spec.ipFamilies[i];
    if (family != "IPv4" && family != "IPv6") {
      errors.push_back(NotSupported(families.Index(i), family, {"IPv4", "IPv6"}));
    }
    if (!seen.insert(family).second) errors.push_back(Duplicate(families.Index(i), family));
  }
  if (spec.ipFamilyPolicy &&
      !Contains({"SingleStack", "PreferDualStack", "RequireDualStack"}, *spec.ipFamilyPolicy)) {
    errors.push_back(NotSupported(Path("spec").Child("ipFamilyPolicy"), *spec.ipFamilyPolicy,
                                  {"PreferDualStack", "RequireDualStack", "SingleStack"}));
  }
  bool invalid_ips = false;
  for (size_t i = 0; i < spec.clusterIPs.size(); ++i) {
    if (i == 0 && spec.clusterIPs[0] == "None") {
      if (spec.clusterIPs.size() > 1) {
        invalid_ips = true;
        errors.push_back(
            Invalid(cluster_ips, spec.clusterIPs, "'None' must be the first and only value"));
      }
      continue;
    }
    FieldErrors ip_errors = ValidateIP(spec.clusterIPs[i], cluster_ips.Index(i));
    invalid_ips = invalid_ips || !ip_errors.empty();
    Append(errors, std::move(ip_errors));
  }
  if (spec.clusterIPs.size() > 2) {
    errors.push_back(Invalid(cluster_ips, spec.clusterIPs, "may only hold up to 2 values"));
  }
  if (invalid_ips) return errors;
  auto is_v6 = [](const std::string& ip) { return IsIPv6Address(ip); };
  if (spec.clusterIPs.size() > 1) {
    bool v4 = std::any_of(spec.clusterIPs.begin(), spec.clusterIPs.end(),
                          [&](const std::string& ip) { return !is_v6(ip); });
    bool v6 = std::any_of(spec.clusterIPs.begin(), spec.clusterIPs.end(), is_v6);
    if (!(v4 && v6)) {
      errors.push_back(Invalid(cluster_ips, spec.clusterIPs,
                               "may specify no more than one IP for each IP family"));
    }
  }
  if (!IsHeadlessService(spec)) {
    for (size_t i = 0; i < spec.clusterIPs.size() && i < spec.ipFamilies.size(); ++i) {
      const std::string& ip = spec.clusterIPs[i];
      std::string n = std::to_string(i);
      if (spec.ipFamilies[i] == "IPv4" && is_v6(ip)) {
        errors.push_back(Invalid(cluster_ips.Index(i), ip,
                                 "expected an IPv4 value as indicated by `ipFamilies[" + n + "]`"));
      }
      if (spec.ipFamilies[i] == "IPv6" && !is_v6(ip)) {
        errors.push_back(Invalid(cluster_ips.Index(i), ip,
                                 "expected an IPv6 value as indicated by `ipFamilies[" + n + "]`"));
      }
    }
  }
  return errors;
}

// The type-specific part of ValidateService: headless rules and ExternalName fields.
FieldErrors ValidateServiceTypeFields(const ServiceSpec& spec) {
  Path path("spec");
  FieldErrors errors;
  if ((spec.type == "LoadBalancer" || spec.type == "NodePort") && IsHeadlessService(spec)) {
    errors.push_back(Invalid(path.Child("clusterIPs").Index(0), spec.clusterIPs[0],
                             "may not be set to 'None' for " + spec.type + " services"));
  }
  if (spec.type != "ExternalName") return errors;
  const std::string not_for_external_name = "may not be set for ExternalName services";
  if (!spec.clusterIPs.empty()) {
    errors.push_back(Forbidden(path.Child("clusterIPs"), not_for_external_name));
  }
  if (!spec.ipFamilies.empty()) {
    errors.push_back(Forbidden(path.Child("ipFamilies"), not_for_external_name));
  }
  if (spec.ipFamilyPolicy) {
    errors.push_back(Forbidden(path.Child("ipFamilyPolicy"), not_for_external_name));
  }
  std::string cname = spec.externalName;
  if (cname.ends_with('.')) cname.pop_back();
  if (cname.empty()) {
    errors.push_back(Required(path.Child("externalName")));
  } else {
    Append(errors, ValidateDNS1123Subdomain(cname, path.Child("externalName")));
  }
  return errors;
}

// The session affinity part of ValidateService.
FieldErrors ValidateServiceSessionAffinity(const ServiceSpec& spec) {
  Path path("spec");
  FieldErrors errors;
  if (spec.sessionAffinity.empty()) {
    errors.push_back(Required(path.Child("sessionAffinity")));
  } else if (spec.sessionAffinity != "ClientIP" && spec.sessionAffinity != "None") {
    errors.push_back(
        NotSupported(path.Child("sessionAffinity"), spec.sessionAffinity, {"ClientIP", "None"}));
  }
  if (spec.sessionAffinity == "ClientIP") {
    Append(errors, ValidateClientIPAffinityConfig(spec.sessionAffinityConfig,
                                                  path.Child("sessionAffinityConfig")));
  } else if (spec.sessionAffinity == "None" && spec.sessionAffinityConfig) {
    errors.push_back(Forbidden(path.Child("sessionAffinityConfig"),
                               "must not be set when session affinity is None"));
  }
  return errors;
}

// The node port and port uniqueness part of ValidateService.
FieldErrors ValidateServicePortUniqueness(const ServiceSpec& spec) {
  Path ports = Path("spec").Child("ports");
  FieldErrors errors;
  if (spec.type == "ClusterIP") {
    for (size_t i = 0; i < spec.ports.size(); ++i) {
      if (spec.ports[i].nodePort != 0) {
        errors.push_back(Forbidden(ports.Index(i).Child("nodePort"),
                                   "may not be used when `type` is 'ClusterIP'"));
      }
    }
  }
  std::set<std::pair<std::string, int32_t>> node_ports;
  for (size_t i = 0; i < spec.ports.size(); ++i) {
    const ServicePort& port = spec.ports[i];
    if (port.nodePort == 0) continue;
    if (!node_ports.insert({port.protocol, port.nodePort}).second) {
      errors.push_back(Duplicate(ports.Index(i).Child("nodePort"), port.nodePort));
    }
  }
  std::set<std::pair<std::string, int32_t>> seen;
  for (size_t i = 0; i < spec.ports.size(); ++i) {
    const ServicePort& port = spec.ports[i];
    if (!seen.insert({port.protocol, port.port}).second) {
      errors.push_back(Duplicate(ports.Index(i), Raw(GoServicePortKey(port))));
    }
  }
  return errors;
}

// The loadBalancerSourceRanges (field or annotation) part of ValidateService.
FieldErrors ValidateServiceSourceRanges(const Service& service) {
  const ServiceSpec& spec = service.spec;
  const std::string only_lb = "may only be used when `type` is 'LoadBalancer'";
  FieldErrors errors;
  auto trim = [](std::string_view s) {
    size_t begin = s.find_first_not_of(" \t\r\n\v\f");
    if (begin == std::string_view::npos) return std::string();
    size_t end = s.find_last_not_of(" \t\r\n\v\f");
    return std::string(s.substr(begin, end - begin + 1));
  };
  if (!spec.loadBalancerSourceRanges.empty()) {
    Path path = Path("spec").Child("LoadBalancerSourceRanges");
    if (spec.type != "LoadBalancer") errors.push_back(Forbidden(path, only_lb));
    for (size_t i = 0; i < spec.loadBalancerSourceRanges.size(); ++i) {
      std::string value = trim(spec.loadBalancerSourceRanges[i]);
      Append(errors, InvalidPerProblem(validation::IsValidCIDR(value), path.Index(i), value));
    }
    return errors;
  }
  const std::string key = "service.beta.kubernetes.io/load-balancer-source-ranges";
  auto annotation = service.metadata.annotations.find(key);
  if (annotation == service.metadata.annotations.end()) return errors;
  Path path = Path("metadata").Child("annotations").Key(key);
  if (spec.type != "LoadBalancer") errors.push_back(Forbidden(path, only_lb));
  std::string value = trim(annotation->second);
  if (value.empty()) return errors;
  size_t start = 0;
  while (true) {
    size_t comma = value.find(',', start);
    std::string cidr = trim(std::string_view(value).substr(start, comma - start));
    Append(errors, InvalidPerProblem(validation::IsValidCIDR(cidr), path, cidr));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return errors;
}

// validateServiceExternalTrafficPolicy, including healthCheckNodePort.
FieldErrors ValidateServiceExternalTrafficPolicy(const ServiceSpec& spec) {
  Path path("spec");
  FieldErrors errors;
  if (!ServiceExternallyAccessible(spec)) {
    if (!spec.externalTrafficPolicy.empty()) {
      errors.push_back(Invalid(path.Child("externalTrafficPolicy"), spec.externalTrafficPolicy,
                               "may only be set for externally-accessible services"));
    }
  } else if (spec.externalTrafficPolicy.empty()) {
    errors.push_back(Required(path.Child("externalTrafficPolicy")));
  } else if (spec.externalTrafficPolicy != "Cluster" && spec.externalTrafficPolicy != "Local") {
    errors.push_back(NotSupported(path.Child("externalTrafficPolicy"), spec.externalTrafficPolicy,
                                  {"Cluster", "Local"}));
  }
  bool needs_health_check = spec.type == "LoadBalancer" && spec.externalTrafficPolicy == "Local";
  Path health = path.Child("healthCheckNodePort");
  if (!needs_health_check) {
    if (spec.healthCheckNodePort != 0) {
      errors.push_back(Invalid(health, spec.healthCheckNodePort,
                               "may only be set when `type` is 'LoadBalancer' and "
                               "`externalTrafficPolicy` is 'Local'"));
    }
  } else if (spec.healthCheckNodePort == 0) {
    errors.push_back(Required(health));
  } else {
    Append(errors, InvalidPerProblem(validation::IsValidPortNum(spec.healthCheckNodePort), health,
                                     spec.healthCheckNodePort));
  }
  return errors;
}

// The load balancer class, internal traffic policy and traffic distribution parts of
// ValidateService.
FieldErrors ValidateServiceTrafficFields(const ServiceSpec& spec) {
  Path path("spec");
  FieldErrors errors;
  if (spec.allocateLoadBalancerNodePorts && spec.type != "LoadBalancer") {
    errors.push_back(Forbidden(path.Child("allocateLoadBalancerNodePorts"),
                               "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.type == "LoadBalancer" && !spec.allocateLoadBalancerNodePorts) {
    errors.push_back(Required(Path("allocateLoadBalancerNodePorts")));
  }
  if (spec.loadBalancerClass) {
    if (spec.type == "LoadBalancer") {
      Append(errors,
             ValidateQualifiedName(*spec.loadBalancerClass, path.Child("loadBalancerClass")));
    } else {
      errors.push_back(Forbidden(path.Child("loadBalancerClass"),
                                 "may only be used when `type` is 'LoadBalancer'"));
    }
  }
  Append(errors, ValidateServiceExternalTrafficPolicy(spec));
  if (!spec.internalTrafficPolicy &&
      Contains({"NodePort", "LoadBalancer", "ClusterIP"}, spec.type)) {
    errors.push_back(Required(path.Child("internalTrafficPolicy")));
  }
  if (spec.internalTrafficPolicy && *spec.internalTrafficPolicy != "Cluster" &&
      *spec.internalTrafficPolicy != "Local") {
    errors.push_back(NotSupported(path.Child("internalTrafficPolicy"), *spec.internalTrafficPolicy,
                                  {"Cluster", "Local"}));
  }
  if (spec.trafficDistribution && *spec.trafficDistribution != "PreferClose") {
    errors.push_back(NotSupported(path.Child("trafficDistribution"), *spec.trafficDistribution,
                                  {"PreferClose"}));
  }
  return errors;
}

// ---- Endpoints ------------------------------------------------------------------------------

// validateEndpointAddress.
FieldErrors ValidateEndpointAddress(const EndpointAddress& address, const Path& path) {
  FieldErrors errors = ValidateIP(address.ip, path.Child("ip"));
  if (!address.hostname.empty()) {
    Append(errors, ValidateDNS1123Label(address.hostname, path.Child("hostname")));
  }
  if (address.nodeName) {
    Append(errors, InvalidPerProblem(validation::NameIsDNSSubdomain(*address.nodeName, false),
                                     path.Child("nodeName"), *address.nodeName));
  }
  Append(errors, ValidateNonSpecialIP(address.ip, path.Child("ip")));
  return errors;
}

// validateEndpointPort.
FieldErrors ValidateEndpointPort(const EndpointPort& port, bool require_name, const Path& path) {
  FieldErrors errors;
  if (require_name && port.name.empty()) {
    errors.push_back(Required(path.Child("name")));
  } else if (!port.name.empty()) {
    Append(errors, ValidateDNS1123Label(port.name, path.Child("name")));
  }
  Append(errors,
         InvalidPerProblem(validation::IsValidPortNum(port.port), path.Child("port"), port.port));
  if (port.protocol.empty()) {
    errors.push_back(Required(path.Child("protocol")));
  } else if (!Contains({"TCP", "UDP", "SCTP"}, port.protocol)) {
    errors.push_back(NotSupported(path.Child("protocol"), port.protocol, {"SCTP", "TCP", "UDP"}));
  }
  if (port.appProtocol) {
    Append(errors, ValidateQualifiedName(*port.appProtocol, path.Child("appProtocol")));
  }
  return errors;
}

// validateEndpointSubsets.
FieldErrors ValidateEndpointSubsets(const std::vector<EndpointSubset>& subsets) {
  FieldErrors errors;
  for (size_t i = 0; i < subsets.size(); ++i) {
    const EndpointSubset& subset = subsets[i];
    Path at = Path("subsets").Index(i);
    if (subset.addresses.empty() && subset.notReadyAddresses.empty()) {
      errors.push_back(Required(at, "must specify `addresses` or `notReadyAddresses`"));
    }
    for (size_t j = 0; j < subset.addresses.size(); ++j) {
      Append(errors, ValidateEndpointAddress(subset.addresses[j], at.Child("addresses").Index(j)));
    }
    for (size_t j = 0; j < subset.notReadyAddresses.size(); ++j) {
      Append(errors, ValidateEndpointAddress(subset.notReadyAddresses[j],
                                             at.Child("notReadyAddresses").Index(j)));
    }
    for (size_t j = 0; j < subset.ports.size(); ++j) {
      Append(errors, ValidateEndpointPort(subset.ports[j], subset.ports.size() > 1,
                                          at.Child("ports").Index(j)));
    }
  }
  return errors;
}

// ---- PersistentVolume sources ---------------------------------------------------------------

// validatePathNoBacksteps.
FieldErrors ValidatePathNoBacksteps(const std::string& value, const Path& path) {
  size_t start = 0;
  while (true) {
    size_t slash = value.find('/', start);
    if (value.substr(start, slash - start) == "..") {
      return {Invalid(path, value, "must not contain '..'")};
    }
    if (slash == std::string::npos) return {};
    start = slash + 1;
  }
}

// validateHostPathVolumeSource (with validateHostPathType).
FieldErrors ValidateHostPathSource(const HostPathVolumeSource& source, const Path& path) {
  if (source.path.empty()) return {Required(path.Child("path"))};
  FieldErrors errors = ValidatePathNoBacksteps(source.path, path.Child("path"));
  if (source.type && !Contains({"", "DirectoryOrCreate", "Directory", "FileOrCreate", "File",
                                "Socket", "CharDevice", "BlockDevice"},
                               *source.type)) {
    errors.push_back(NotSupported(path.Child("type"), *source.type,
                                  {"", "BlockDevice", "CharDevice", "Directory",
                                   "DirectoryOrCreate", "File", "FileOrCreate", "Socket"}));
  }
  return errors;
}

// validateNFSVolumeSource.
FieldErrors ValidateNFSSource(const NFSVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.server.empty()) errors.push_back(Required(path.Child("server")));
  if (source.path.empty()) errors.push_back(Required(path.Child("path")));
  if (!source.path.starts_with('/')) {
    errors.push_back(Invalid(path.Child("path"), source.path, "must be an absolute path"));
  }
  return errors;
}

// validateLocalVolumeSource.
FieldErrors ValidateLocalSource(const LocalVolumeSource& source, const Path& path) {
  if (source.path.empty()) return {Required(path.Child("path"))};
  return ValidatePathNoBacksteps(source.path, path.Child("path"));
}

// validatePVSecretReference.
FieldErrors ValidatePVSecretReference(const SecretReference& ref, const Path& path) {
  FieldErrors errors;
  if (ref.name.empty()) {
    errors.push_back(Required(path.Child("name")));
  } else {
    Append(errors, ValidateDNS1123Subdomain(ref.name, path.Child("name")));
  }
  if (ref.namespace_.empty()) {
    errors.push_back(Required(path.Child("namespace")));
  } else {
    Append(errors, ValidateDNS1123Label(ref.namespace_, path.Child("namespace")));
  }
  return errors;
}

// validateCSIPersistentVolumeSource (with ValidateCSIDriverName).
FieldErrors ValidateCSISource(const CSIPersistentVolumeSource& source, const Path& path) {
  FieldErrors errors;
  Path driver = path.Child("driver");
  if (source.driver.empty()) errors.push_back(Required(driver));
  if (source.driver.size() > 63) errors.push_back(validation::TooLong(driver, 63));
  std::string lower = source.driver;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  Append(errors, InvalidPerProblem(validation::IsDNS1123Subdomain(lower), driver, source.driver));
  if (source.volumeHandle.empty()) errors.push_back(Required(path.Child("volumeHandle")));
  const std::pair<const std::optional<SecretReference>*, const char*> refs[] = {
      {&source.controllerPublishSecretRef, "controllerPublishSecretRef"},
      {&source.controllerExpandSecretRef, "controllerExpandSecretRef"},
      {&source.nodePublishSecretRef, "nodePublishSecretRef"},
      {&source.nodeExpandSecretRef, "nodeExpandSecretRef"},
  };
  for (const auto& [ref, name] : refs) {
    if (*ref) Append(errors, ValidatePVSecretReference(**ref, path.Child(name)));
  }
  return errors;
}

// The iSCSI qualified name formats (iscsiInitiator*Regex).
bool ValidIscsiName(const std::string& name) {
  static const std::regex kIqn(R"(iqn\.\d{4}-\d{2}\.([[:alnum:].-]+)(:[^,;*&$|\s]+)$)");
  static const std::regex kEui(R"(^eui.[[:alnum:]]{16}$)");
  static const std::regex kNaa(R"(^naa.[[:alnum:]]{32}$)");
  if (name.starts_with("iqn")) return std::regex_search(name, kIqn);
  if (name.starts_with("eui")) return std::regex_search(name, kEui);
  if (name.starts_with("naa")) return std::regex_search(name, kNaa);
  return false;
}

// validateISCSIPersistentVolumeSource.
FieldErrors ValidateISCSISource(const ISCSIPersistentVolumeSource& source,
                                const std::string& pv_name, const Path& path) {
  FieldErrors errors;
  if (source.targetPortal.empty()) errors.push_back(Required(path.Child("targetPortal")));
  if (source.initiatorName && pv_name.size() + 1 + source.targetPortal.size() > 64) {
    errors.push_back(Invalid(path.Child("targetportal"), source.targetPortal,
                             "Total length of <volume name>:<iscsi.targetPortal> must be under 64 "
                             "characters if iscsi.initiatorName is specified."));
  }
  if (source.iqn.empty()) {
    errors.push_back(Required(path.Child("iqn")));
  } else if (!ValidIscsiName(source.iqn)) {
    errors.push_back(Invalid(path.Child("iqn"), source.iqn, "must be valid format"));
  }
  if (source.lun < 0 || source.lun > 255) {
    errors.push_back(
        Invalid(path.Child("lun"), source.lun, validation::InclusiveRangeError(0, 255)));
  }
  if ((source.chapAuthDiscovery || source.chapAuthSession) && !source.secretRef) {
    errors.push_back(Required(path.Child("secretRef")));
  }
  if (source.secretRef && source.secretRef->name.empty()) {
    errors.push_back(Required(path.Child("secretRef").Child("name")));
  }
  if (source.initiatorName) {
    const std::string& initiator = *source.initiatorName;
    bool known_prefix = initiator.starts_with("iqn") || initiator.starts_with("eui") ||
                        initiator.starts_with("naa");
    if (!known_prefix) {
      errors.push_back(Invalid(path.Child("initiatorname"), initiator, "must be valid format"));
    } else if (!ValidIscsiName(initiator)) {
      errors.push_back(Invalid(path.Child("initiatorname"), initiator, "must be valid format"));
    }
  }
  return errors;
}

// validateFCVolumeSource.
FieldErrors ValidateFCSource(const FCVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.targetWWNs.empty() && source.wwids.empty()) {
    errors.push_back(Required(path.Child("targetWWNs"),
                              "must specify either targetWWNs or wwids, but not both"));
  }
  if (!source.targetWWNs.empty() && !source.wwids.empty()) {
    errors.push_back(Invalid(path.Child("targetWWNs"), source.targetWWNs,
                             "targetWWNs and wwids can not be specified simultaneously"));
  }
  if (!source.targetWWNs.empty()) {
    if (!source.lun) {
      errors.push_back(Required(path.Child("lun"), "lun is required if targetWWNs is specified"));
    } else if (*source.lun < 0 || *source.lun > 255) {
      errors.push_back(
          Invalid(path.Child("lun"), *source.lun, validation::InclusiveRangeError(0, 255)));
    }
  }
  return errors;
}

// validateFlexPersistentVolumeSource.
FieldErrors ValidateFlexSource(const FlexPersistentVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.driver.empty()) errors.push_back(Required(path.Child("driver")));
  for (const auto& [key, value] : source.options) {
    std::string prefix = key.substr(0, key.find('/'));
    std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    std::string normalized = "." + prefix;
    if (normalized.ends_with(".kubernetes.io") || normalized.ends_with(".k8s.io")) {
      errors.push_back(Invalid(path.Child("options").Key(key), key,
                               "kubernetes.io and k8s.io namespaces are reserved"));
    }
  }
  return errors;
}

// validateRBDPersistentVolumeSource.
FieldErrors ValidateRBDSource(const RBDPersistentVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.monitors.empty()) errors.push_back(Required(path.Child("monitors")));
  if (source.image.empty()) errors.push_back(Required(path.Child("image")));
  return errors;
}

// validateCephFSPersistentVolumeSource.
FieldErrors ValidateCephFSSource(const CephFSPersistentVolumeSource& source, const Path& path) {
  if (source.monitors.empty()) return {Required(path.Child("monitors"))};
  return {};
}

// validateGlusterfsPersistentVolumeSource.
FieldErrors ValidateGlusterfsSource(const GlusterfsPersistentVolumeSource& source,
                                    const Path& path) {
  FieldErrors errors;
  if (source.endpoints.empty()) errors.push_back(Required(path.Child("endpoints")));
  if (source.path.empty()) errors.push_back(Required(path.Child("path")));
  if (source.endpointsNamespace) {
    const std::string& ns = *source.endpointsNamespace;
    Path at = path.Child("endpointsNamespace");
    if (ns.empty()) {
      errors.push_back(
          Invalid(at, ns, "if the endpointnamespace is set, it must be a valid namespace name"));
    } else {
      Append(errors, InvalidPerProblem(validation::NameIsDNSLabel(ns, false), at, ns));
    }
  }
  return errors;
}

// The volume source part of ValidatePersistentVolumeSpec: exactly one source, each validated
// (the retired cloud and vendor sources only counted). Paths are upstream's, including its
// "persistentDisk", "cephFS" and "cephfs" spellings.
class PVSourceValidator {
 public:
  PVSourceValidator(const PersistentVolumeSpec& spec, const std::string& pv_name,
                    bool node_affinity_set, const Path& path)
      : spec_(spec), pv_name_(pv_name), node_affinity_set_(node_affinity_set), path_(path) {}

  FieldErrors Run() {
    Source(spec_.hostPath, "hostPath", "hostPath", ValidateHostPathSource);
    Count(spec_.gcePersistentDisk, "gcePersistentDisk");
    Count(spec_.awsElasticBlockStore, "awsElasticBlockStore");
    Source(spec_.glusterfs, "glusterfs", "glusterfs", ValidateGlusterfsSource);
    Count(spec_.flocker, "flocker");
    Source(spec_.nfs, "nfs", "nfs", ValidateNFSSource);
    Source(spec_.rbd, "rbd", "rbd", ValidateRBDSource);
    Count(spec_.quobyte, "quobyte");
    Source(spec_.cephfs, "cephFS", "cephfs", ValidateCephFSSource);
    if (spec_.iscsi && Take("iscsi")) {
      Append(errors_, ValidateISCSISource(*spec_.iscsi, pv_name_, path_.Child("iscsi")));
    }
    Count(spec_.cinder, "cinder");
    Source(spec_.fc, "fc", "fc", ValidateFCSource);
    if (spec_.flexVolume) {  // upstream never rejects flexVolume as a second source
      ++count_;
      Append(errors_, ValidateFlexSource(*spec_.flexVolume, path_.Child("flexVolume")));
    }
    Count(spec_.azureFile, "azureFile");
    Count(spec_.vsphereVolume, "vsphereVolume");
    Count(spec_.photonPersistentDisk, "photonPersistentDisk");
    Count(spec_.portworxVolume, "portworxVolume");
    Count(spec_.azureDisk, "azureDisk");
    Count(spec_.scaleIO, "scaleIO");
    if (spec_.local && Take("local")) {
      Append(errors_, ValidateLocalSource(*spec_.local, path_.Child("local")));
      if (!node_affinity_set_) {
        errors_.push_back(
            Required(path_.Child("nodeAffinity"), "Local volume requires node affinity"));
      }
    }
    Count(spec_.storageos, "storageos");
    Source(spec_.csi, "csi", "csi", ValidateCSISource);
    if (count_ == 0) errors_.push_back(Required(path_, "must specify a volume type"));
    return std::move(errors_);
  }

 private:
  // Counts a source; false (with the error) when another one came first.
  bool Take(const char* name) {
    if (count_ > 0) {
      errors_.push_back(Forbidden(path_.Child(name), "may not specify more than 1 volume type"));
      return false;
    }
    ++count_;
    return true;
  }

  template <class T>
  void Count(const std::optional<T>& source, const char* name) {
    if (source) Take(name);
  }

  template <class T, class F>
  void Source(const std::optional<T>& source, const char* name, const char* child, F validate) {
    if (source && Take(name)) Append(errors_, validate(*source, path_.Child(child)));
  }

  const PersistentVolumeSpec& spec_;
  const std::string& pv_name_;
  bool node_affinity_set_;
  Path path_;
  int count_ = 0;
  FieldErrors errors_;
};

const std::vector<std::string> kAccessModes = {"ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce",
                                               "ReadWriteOncePod"};

// The access mode rules shared by volumes and claims.
FieldErrors ValidateAccessModes(const std::vector<std::string>& modes, const Path& path) {
  FieldErrors errors;
  bool once_pod = false;
  bool other = false;
  for (const std::string& mode : modes) {
    bool supported =
        std::find(kAccessModes.begin(), kAccessModes.end(), mode) != kAccessModes.end();
    if (!supported) errors.push_back(NotSupported(path, mode, kAccessModes));
    if (mode == "ReadWriteOncePod") {
      once_pod = true;
    } else if (supported) {
      other = true;
    }
  }
  if (once_pod && other) {
    errors.push_back(Forbidden(path, "may not use ReadWriteOncePod with other access modes"));
  }
  return errors;
}

// ValidatePersistentVolumeSpec (not inline; the VolumeAttributesClass gate off).
FieldErrors ValidatePersistentVolumeSpec(const PersistentVolumeSpec& spec,
                                         const std::string& pv_name) {
  Path path("spec");
  FieldErrors errors;
  if (spec.accessModes.empty()) errors.push_back(Required(path.Child("accessModes")));
  Append(errors, ValidateAccessModes(spec.accessModes, path.Child("accessModes")));
  Path capacity = path.Child("capacity");
  if (spec.capacity.empty()) errors.push_back(Required(capacity));
  if (!spec.capacity.contains("storage") || spec.capacity.size() > 1) {
    errors.push_back(NotSupported(capacity, Raw(GoResourceList(spec.capacity)), {"storage"}));
  }
  for (const auto& [name, quantity] : spec.capacity) {
    Append(errors, ValidateBasicResource(quantity, capacity.Key(name)));
    Append(errors, ValidatePositiveQuantityValue(quantity, capacity.Key(name)));
  }
  const std::string& policy = spec.persistentVolumeReclaimPolicy;
  if (!policy.empty() && !Contains({"Delete", "Recycle", "Retain"}, policy)) {
    errors.push_back(NotSupported(path.Child("persistentVolumeReclaimPolicy"), policy,
                                  {"Delete", "Recycle", "Retain"}));
  }
  bool node_affinity_set = spec.nodeAffinity.has_value();
  if (spec.nodeAffinity) {
    Path affinity = path.Child("nodeAffinity").Child("required");
    if (spec.nodeAffinity->required) {
      Append(errors, ValidateNodeSelector(*spec.nodeAffinity->required, affinity));
    } else {
      errors.push_back(Required(affinity, "must specify required node constraints"));
    }
  }
  Append(errors, PVSourceValidator(spec, pv_name, node_affinity_set, path).Run());
  if (spec.hostPath && policy == "Recycle") {
    std::string cleaned = spec.hostPath->path;
    while (cleaned.size() > 1 && cleaned.ends_with('/')) cleaned.pop_back();
    if (cleaned == "/") {
      errors.push_back(Forbidden(path.Child("persistentVolumeReclaimPolicy"),
                                 "may not be 'recycle' for a hostPath mount of '/'"));
    }
  }
  if (!spec.storageClassName.empty()) {
    Append(errors, InvalidPerProblem(validation::NameIsDNSSubdomain(spec.storageClassName, false),
                                     path.Child("storageClassName"), spec.storageClassName));
  }
  if (spec.volumeMode && *spec.volumeMode != "Block" && *spec.volumeMode != "Filesystem") {
    errors.push_back(
        NotSupported(path.Child("volumeMode"), *spec.volumeMode, {"Block", "Filesystem"}));
  }
  return errors;
}

// checkMountOption (pkg/volume/validation): the deprecated mount-options annotation only for the
// volume types that take mount options.
FieldErrors ValidateMountOptionAnnotation(const PersistentVolume& pv) {
  const PersistentVolumeSpec& s = pv.spec;
  bool supported = s.gcePersistentDisk || s.awsElasticBlockStore || s.glusterfs || s.nfs || s.rbd ||
                   s.quobyte || s.iscsi || s.cinder || s.cephfs || s.azureFile || s.vsphereVolume ||
                   s.azureDisk || s.photonPersistentDisk || s.csi;
  const std::string key = "volume.beta.kubernetes.io/mount-options";
  if (supported || !pv.metadata.annotations.contains(key)) return {};
  return {Forbidden(Path("metadata").Child("annotations").Child(key),
                    "may not specify mount options for this volume type")};
}

// validateDataSource and validateDataSourceRef: the fields they share.
FieldErrors ValidateDataSourceFields(const std::optional<std::string>& api_group,
                                     const std::string& kind, const std::string& name,
                                     const Path& path) {
  FieldErrors errors;
  if (name.empty()) errors.push_back(Required(path.Child("name")));
  if (kind.empty()) errors.push_back(Required(path.Child("kind")));
  std::string group = api_group.value_or("");
  if (group.empty() && kind != "PersistentVolumeClaim") {
    errors.push_back(Invalid(
        path, kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  }
  if (!group.empty()) {
    Append(errors,
           InvalidPerProblem(validation::IsDNS1123Subdomain(group), path.Child("apiGroup"), group));
  }
  return errors;
}

// ---- LimitRange -----------------------------------------------------------------------------

// validateLimitRangeTypeName.
FieldErrors ValidateLimitRangeTypeName(const std::string& type, const Path& path) {
  FieldErrors errors = ValidateQualifiedName(type, path);
  if (errors.empty() && Unqualified(type) &&
      !Contains({"Pod", "Container", "PersistentVolumeClaim"}, type)) {
    errors.push_back(Invalid(path, type, "must be a standard limit type or fully qualified"));
  }
  return errors;
}

// validateLimitRangeResourceName.
FieldErrors ValidateLimitRangeResourceName(const std::string& type, const std::string& name,
                                           const Path& path) {
  if (type == "Pod" || type == "Container") return ValidateContainerResourceName(name, path);
  return ValidateResourceName(name, path);
}

// Go's %f.
std::string FormatFloat(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (std::isnan(value)) return "NaN";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%f", value);
  return buffer;
}

// The per-resource comparisons of ValidateLimitRange for one item and one resource.
FieldErrors ValidateLimitRangeResource(const LimitRangeItem& item, const std::string& name,
                                       const Path& path) {
  auto find = [&](const Map<Quantity>& list) -> const Quantity* {
    auto it = list.find(name);
    return it == list.end() ? nullptr : &it->second;
  };
  const Quantity* min = find(item.min);
  const Quantity* max = find(item.max);
  const Quantity* def = item.type == "Pod" ? nullptr : find(item.default_);
  const Quantity* def_request = item.type == "Pod" ? nullptr : find(item.defaultRequest);
  const Quantity* ratio = find(item.maxLimitRequestRatio);
  auto at = [&](const char* list) { return path.Child(list).Key(name); };
  auto str = [](const Quantity* q) { return q->ToString(); };
  FieldErrors errors;
  if (min && max && *min > *max) {
    errors.push_back(Invalid(at("min"), Raw(str(min)),
                             "min value " + str(min) + " is greater than max value " + str(max)));
  }
  if (def_request && min && *min > *def_request) {
    errors.push_back(Invalid(
        at("defaultRequest"), Raw(str(def_request)),
        "min value " + str(min) + " is greater than default request value " + str(def_request)));
  }
  if (def_request && max && *def_request > *max) {
    errors.push_back(Invalid(
        at("defaultRequest"), Raw(str(def_request)),
        "default request value " + str(def_request) + " is greater than max value " + str(max)));
  }
  if (def_request && def && *def_request > *def) {
    errors.push_back(Invalid(at("defaultRequest"), Raw(str(def_request)),
                             "default request value " + str(def_request) +
                                 " is greater than default limit value " + str(def)));
  }
  if (def && min && *min > *def) {
    errors.push_back(
        Invalid(at("default"), Raw(str(min)),
                "min value " + str(min) + " is greater than default value " + str(def)));
  }
  if (def && max && *def > *max) {
    errors.push_back(
        Invalid(at("default"), Raw(str(max)),
                "default value " + str(def) + " is greater than max value " + str(max)));
  }
  if (ratio && *ratio < Quantity::FromInt(1)) {
    errors.push_back(Invalid(at("maxLimitRequestRatio"), Raw(str(ratio)),
                             "ratio " + str(ratio) + " is less than 1"));
  }
  if (ratio && min && max) {
    constexpr int64_t kMaxMilliValue = std::numeric_limits<int64_t>::max() / 1000;
    double ratio_value = static_cast<double>(ratio->Value());
    int64_t min_value = min->Value();
    int64_t max_value = max->Value();
    if (ratio->Value() < kMaxMilliValue && min_value < kMaxMilliValue &&
        max_value < kMaxMilliValue) {
      ratio_value = static_cast<double>(ratio->MilliValue()) / 1000;
      min_value = min->MilliValue();
      max_value = max->MilliValue();
    }
    double limit = static_cast<double>(max_value) / static_cast<double>(min_value);
    if (ratio_value > limit) {
      errors.push_back(
          Invalid(at("maxLimitRequestRatio"), Raw(str(ratio)),
                  "ratio " + str(ratio) + " is greater than max/min = " + FormatFloat(limit)));
    }
  }
  if (!IsOvercommitAllowed(name) && def && def_request && !(*def == *def_request)) {
    errors.push_back(Invalid(at("defaultRequest"), Raw(str(def_request)),
                             "default value " + str(def) + " must equal to defaultRequest value " +
                                 str(def_request) + " in " + name));
  }
  return errors;
}

// One item of ValidateLimitRange.
FieldErrors ValidateLimitRangeItem(const LimitRangeItem& item, const Path& path) {
  FieldErrors errors;
  std::set<std::string> keys;
  auto names = [&](const Map<Quantity>& list, const char* field) {
    for (const auto& [name, quantity] : list) {
      Append(errors, ValidateLimitRangeResourceName(item.type, name, path.Child(field).Key(name)));
      keys.insert(name);
    }
  };
  names(item.max, "max");
  names(item.min, "min");
  if (item.type == "Pod") {
    const std::string not_for_pod = "may not be specified when `type` is 'Pod'";
    if (!item.default_.empty()) errors.push_back(Forbidden(path.Child("default"), not_for_pod));
    if (!item.defaultRequest.empty()) {
      errors.push_back(Forbidden(path.Child("defaultRequest"), not_for_pod));
    }
  } else {
    names(item.default_, "default");
    names(item.defaultRequest, "defaultRequest");
  }
  if (item.type == "PersistentVolumeClaim" && !item.min.contains("storage") &&
      !item.max.contains("storage")) {
    errors.push_back(Required(path.Child("limits"),
                              "either minimum or maximum storage value is required, but neither "
                              "was provided"));
  }
  names(item.maxLimitRequestRatio, "maxLimitRequestRatio");
  for (const std::string& name : keys) {
    Append(errors, ValidateLimitRangeResource(item, name, path));
  }
  return errors;
}

// ---- ResourceQuota --------------------------------------------------------------------------

bool IsStandardResourceQuotaScope(std::string_view scope) {
  return Contains({"Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass",
                   "CrossNamespacePodAffinity"},
                  scope);
}

// helper.IsResourceQuotaScopeValidForResource.
bool IsResourceQuotaScopeValidForResource(std::string_view scope, std::string_view resource) {
  bool pod_count = resource == "pods";
  bool pod_compute =
      Contains({"cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu", "requests.memory"},
               resource);
  if (Contains({"Terminating", "NotTerminating", "NotBestEffort", "PriorityClass",
                "CrossNamespacePodAffinity"},
               scope)) {
    return pod_count || pod_compute;
  }
  if (scope == "BestEffort") return pod_count;
  return true;
}

// True when some standard hard resource does not apply to `scope`.
bool ScopeMisappliedToHard(const Map<Quantity>& hard, std::string_view scope) {
  return std::any_of(hard.begin(), hard.end(), [&](const auto& entry) {
    return IsStandardQuotaResourceName(entry.first) &&
           !IsResourceQuotaScopeValidForResource(scope, entry.first);
  });
}

// The scope pairs no quota may hold together.
bool ConflictingScopes(const std::set<std::string>& scopes) {
  return (scopes.contains("BestEffort") && scopes.contains("NotBestEffort")) ||
         (scopes.contains("Terminating") && scopes.contains("NotTerminating"));
}

// validateResourceQuotaScopes.
FieldErrors ValidateResourceQuotaScopes(const ResourceQuotaSpec& spec, const Path& path) {
  if (spec.scopes.empty()) return {};
  Path at = path.Child("scopes");
  BadValue value = Raw(GoSlice("core.ResourceQuotaScope", spec.scopes));
  FieldErrors errors;
  for (const std::string& scope : spec.scopes) {
    if (!IsStandardResourceQuotaScope(scope))
      errors.push_back(Invalid(at, value, "unsupported scope"));
    for (const auto& [name, quantity] : spec.hard) {
      if (IsStandardQuotaResourceName(name) && !IsResourceQuotaScopeValidForResource(scope, name)) {
        errors.push_back(Invalid(at, value, "unsupported scope applied to resource"));
      }
    }
  }
  if (ConflictingScopes(std::set<std::string>(spec.scopes.begin(), spec.scopes.end()))) {
    errors.push_back(Invalid(at, value, "conflicting scopes"));
  }
  return errors;
}

// validateScopedResourceSelectorRequirement.
FieldErrors ValidateScopeSelector(const ResourceQuotaSpec& spec, const Path& path) {
  if (!spec.scopeSelector) return {};
  Path at = path.Child("scopeSelector").Child("matchExpressions");
  FieldErrors errors;
  std::set<std::string> scopes;
  for (const ScopedResourceSelectorRequirement& req : spec.scopeSelector->matchExpressions) {
    if (!IsStandardResourceQuotaScope(req.scopeName)) {
      errors.push_back(Invalid(at.Child("scopeName"), req.scopeName, "unsupported scope"));
    }
    for (const auto& [name, quantity] : spec.hard) {
      if (IsStandardQuotaResourceName(name) &&
          !IsResourceQuotaScopeValidForResource(req.scopeName, name)) {
        errors.push_back(Invalid(at, Raw(GoScopeSelector(*spec.scopeSelector)),
                                 "unsupported scope applied to resource"));
      }
    }
    if (Contains({"BestEffort", "NotBestEffort", "Terminating", "NotTerminating",
                  "CrossNamespacePodAffinity"},
                 req.scopeName) &&
        req.operator_ != "Exists") {
      errors.push_back(Invalid(at.Child("operator"), req.operator_,
                               "must be 'Exists' when scope is any of "
                               "ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, "
                               "ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or "
                               "ResourceQuotaScopeCrossNamespacePodAffinity"));
    }
    if (req.operator_ == "In" || req.operator_ == "NotIn") {
      if (req.values.empty()) {
        errors.push_back(Required(at.Child("values"),
                                  "must be at least one value when `operator` is 'In' or 'NotIn' "
                                  "for scope selector"));
      }
    } else if (req.operator_ == "Exists" || req.operator_ == "DoesNotExist") {
      if (!req.values.empty()) {
        errors.push_back(Invalid(at.Child("values"), req.values,
                                 "must be no value when `operator` is 'Exist' or 'DoesNotExist' "
                                 "for scope selector"));
      }
    } else {
      errors.push_back(
          Invalid(at.Child("operator"), req.operator_, "not a valid selector operator"));
    }
    scopes.insert(req.scopeName);
  }
  if (ConflictingScopes(scopes)) {
    errors.push_back(
        Invalid(at, Raw(GoSlice("core.ResourceQuotaScope", spec.scopes)), "conflicting scopes"));
  }
  return errors;
}

// The resource lists of ValidateResourceQuotaSpec and ValidateResourceQuotaStatus.
FieldErrors ValidateQuotaResourceList(const Map<Quantity>& list, const Path& path) {
  FieldErrors errors;
  for (const auto& [name, quantity] : list) {
    Append(errors, ValidateResourceQuotaResourceName(name, path.Key(name)));
    Append(errors, ValidateResourceQuantityValue(name, quantity, path.Key(name)));
  }
  return errors;
}

// ---- Secret ---------------------------------------------------------------------------------

// The type-specific keys of ValidateSecret, on the merged data.
FieldErrors ValidateSecretType(const Secret& secret, const Map<std::string>& data) {
  Path path("data");
  const std::string& type = secret.type;
  FieldErrors errors;
  if (type == "kubernetes.io/service-account-token") {
    const std::string key = "kubernetes.io/service-account.name";
    auto it = secret.metadata.annotations.find(key);
    if (it == secret.metadata.annotations.end() || it->second.empty()) {
      errors.push_back(Required(Path("metadata").Child("annotations").Key(key)));
    }
  } else if (type == "kubernetes.io/dockercfg" || type == "kubernetes.io/dockerconfigjson") {
    std::string key = type == "kubernetes.io/dockercfg" ? ".dockercfg" : ".dockerconfigjson";
    auto it = data.find(key);
    if (it == data.end()) {
      errors.push_back(Required(path.Key(key)));
    } else if (std::optional<std::string> error = GoJsonChecker().Check(it->second)) {
      errors.push_back(Invalid(path.Key(key), "<secret contents redacted>", *error));
    }
  } else if (type == "kubernetes.io/basic-auth") {
    if (!data.contains("username") && !data.contains("password")) {
      errors.push_back(Required(path.Key("username")));
      errors.push_back(Required(path.Key("password")));
    }
  } else if (type == "kubernetes.io/ssh-auth") {
    auto it = data.find("ssh-privatekey");
    if (it == data.end() || it->second.empty()) {
      errors.push_back(Required(path.Key("ssh-privatekey")));
    }
  } else if (type == "kubernetes.io/tls") {
    if (!data.contains("tls.crt")) errors.push_back(Required(path.Key("tls.crt")));
    if (!data.contains("tls.key")) errors.push_back(Required(path.Key("tls.key")));
  }
  return errors;
}

// ---- Event ----------------------------------------------------------------------------------

// legacyValidateEvent: what core/v1 Events must satisfy.
FieldErrors LegacyValidateEvent(const Event& event) {
  FieldErrors errors;
  const std::string& ns = event.metadata.namespace_;
  const std::string& involved_ns = event.involvedObject.namespace_;
  Path involved = Path("involvedObject").Child("namespace");
  const std::string mismatch = "does not match event.namespace";
  if (event.eventTime.IsZero()) {
    bool ok = involved_ns.empty() ? (ns.empty() || ns == "default") : ns == involved_ns;
    if (!ok) errors.push_back(Invalid(involved, involved_ns, mismatch));
  } else {
    if (involved_ns.empty() && ns != "default" && ns != "kube-system") {
      errors.push_back(Invalid(involved, involved_ns, mismatch));
    }
    auto required_and_short = [&](const std::string& value, const char* field, size_t limit) {
      if (value.empty()) errors.push_back(Required(Path(field)));
      if (value.size() > limit) {
        errors.push_back(
            Invalid(Path(field), "", "can have at most " + std::to_string(limit) + " characters"));
      }
    };
    if (event.reportingComponent.empty()) errors.push_back(Required(Path("reportingController")));
    Append(errors, ValidateQualifiedName(event.reportingComponent, Path("reportingController")));
    required_and_short(event.reportingInstance, "reportingInstance", 128);
    required_and_short(event.action, "action", 128);
    required_and_short(event.reason, "reason", 128);
    if (event.message.size() > 1024) {
      errors.push_back(Invalid(Path("message"), "", "can have at most 1024 characters"));
    }
  }
  Append(errors, InvalidPerProblem(validation::IsDNS1123Subdomain(ns), Path("namespace"), ns));
  return errors;
}

// ---- ReplicationController ------------------------------------------------------------------

// ValidatePodTemplateSpecForRC.
FieldErrors ValidatePodTemplateSpecForRC(const std::optional<PodTemplateSpec>& template_spec,
                                         const Map<std::string>& selector, const Path& path) {
  if (!template_spec) return {Required(path)};
  FieldErrors errors;
  if (!selector.empty() &&
      !labels::Selector::FromSet(selector).Matches(template_spec->metadata.labels)) {
    errors.push_back(Invalid(path.Child("metadata").Child("labels"),
                             Raw(GoStringMap(template_spec->metadata.labels)),
                             "`selector` does not match template `labels`"));
  }
  Append(errors, ValidatePodTemplateSpec(*template_spec, path));
  const PodSpec& spec = template_spec->spec;
  if (spec.restartPolicy != "Always") {
    errors.push_back(
        NotSupported(path.Child("spec").Child("restartPolicy"), spec.restartPolicy, {"Always"}));
  }
  if (spec.activeDeadlineSeconds) {
    errors.push_back(Forbidden(path.Child("spec").Child("activeDeadlineSeconds"),
                               "activeDeadlineSeconds in ReplicationController is not Supported"));
  }
  return errors;
}

}  // namespace

// ---- Kinds ----------------------------------------------------------------------------------

// ValidateNamespace: cluster-scoped DNS label names, qualified or standard spec finalizers (the
// path has no index upstream).
validation::FieldErrors Validate(const Namespace& object) {
  FieldErrors errors = ValidateCoreObjectMeta(object.metadata, false, validation::NameIsDNSLabel);
  Path path = Path("spec").Child("finalizers");
  for (const std::string& finalizer : object.spec.finalizers) {
    Append(errors, ValidateQualifiedName(finalizer, path));
    Append(errors, ValidateKubeFinalizerName(finalizer, path));
  }
  return errors;
}

// ValidateNode. The taints path starts at metadata, as upstream's does. A podCIDR given alone
// counts as podCIDRs (the v1 to internal conversion).
validation::FieldErrors Validate(const Node& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, false, validation::NameIsDNSSubdomain);
  Append(errors, ValidateNodeTaints(object.spec.taints, Path("metadata").Child("taints")));
  Append(errors, ValidateNodeResources(object.status));
  std::vector<std::string> cidrs = object.spec.podCIDRs;
  if (cidrs.empty() && !object.spec.podCIDR.empty()) cidrs.push_back(object.spec.podCIDR);
  if (!cidrs.empty()) Append(errors, ValidatePodCIDRs(cidrs));
  return errors;
}

// ValidateService (create), without the checks that need the cluster's IP allocation.
validation::FieldErrors Validate(const Service& object) {
  const ServiceSpec& spec = object.spec;
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNS1035Label);
  const Map<std::string>& annotations = object.metadata.annotations;
  const std::string hints_key = "service.kubernetes.io/topology-aware-hints";
  const std::string mode_key = "service.kubernetes.io/topology-mode";
  if (annotations.contains(hints_key) && annotations.contains(mode_key) &&
      annotations.at(hints_key) != annotations.at(mode_key)) {
    errors.push_back(Invalid(Path("metadata").Child("annotations").Key(mode_key),
                             annotations.at(mode_key),
                             "must match annotations[" + hints_key + "] when both are specified"));
  }
  Path path("spec");
  if (spec.ports.empty() && !IsHeadlessService(spec) && spec.type != "ExternalName") {
    errors.push_back(Required(path.Child("ports")));
  }
  Append(errors, ValidateServiceTypeFields(spec));
  std::set<std::string> port_names;
  for (size_t i = 0; i < spec.ports.size(); ++i) {
    Append(errors, ValidateServicePort(spec.ports[i], spec.ports.size() > 1, port_names,
                                       path.Child("ports").Index(i)));
  }
  Append(errors, validation::ValidateLabels(spec.selector, path.Child("selector")));
  Append(errors, ValidateServiceSessionAffinity(spec));
  Append(errors, ValidateServiceClusterIPsRelatedFields(spec));
  for (size_t i = 0; i < spec.externalIPs.size(); ++i) {
    Path at = path.Child("externalIPs").Index(i);
    FieldErrors ip_errors = ValidateIP(spec.externalIPs[i], at);
    Append(errors, ip_errors.empty() ? ValidateNonSpecialIP(spec.externalIPs[i], at)
                                     : std::move(ip_errors));
  }
  if (spec.type.empty()) {
    errors.push_back(Required(path.Child("type")));
  } else if (!Contains({"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"}, spec.type)) {
    errors.push_back(NotSupported(path.Child("type"), spec.type,
                                  {"ClusterIP", "ExternalName", "LoadBalancer", "NodePort"}));
  }
  Append(errors, ValidateServicePortUniqueness(spec));
  Append(errors, ValidateServiceSourceRanges(object));
  Append(errors, ValidateServiceTrafficFields(spec));
  return errors;
}

// ValidateEndpoints.
validation::FieldErrors Validate(const Endpoints& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  Append(errors, ValidateEndpointSubsets(object.subsets));
  return errors;
}

// ValidateConfigMap: keys, no key in both data and binaryData, total size.
validation::FieldErrors Validate(const ConfigMap& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  int64_t total = 0;
  for (const auto& [key, value] : object.data) {
    Path at = Path("data").Key(key);
    Append(errors, InvalidPerProblem(validation::IsConfigMapKey(key), at, key));
    if (object.binaryData.contains(key)) {
      errors.push_back(Invalid(at, key, "duplicate of key present in binaryData"));
    }
    total += static_cast<int64_t>(value.size());
  }
  for (const auto& [key, value] : object.binaryData) {
    Append(errors,
           InvalidPerProblem(validation::IsConfigMapKey(key), Path("binaryData").Key(key), key));
    total += static_cast<int64_t>(value.data.size());
  }
  if (total > kMaxSecretSize) errors.push_back(validation::TooLong(Path(""), kMaxSecretSize));
  return errors;
}

// ValidateSecret, on data with stringData merged in as the API server stores it.
validation::FieldErrors Validate(const Secret& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  Map<std::string> data;
  for (const auto& [key, value] : object.data) data[key] = value.data;
  for (const auto& [key, value] : object.stringData) data[key] = value;
  int64_t total = 0;
  for (const auto& [key, value] : data) {
    Append(errors, InvalidPerProblem(validation::IsConfigMapKey(key), Path("data").Key(key), key));
    total += static_cast<int64_t>(value.size());
  }
  if (total > kMaxSecretSize) errors.push_back(validation::TooLong(Path("data"), kMaxSecretSize));
  Append(errors, ValidateSecretType(object, data));
  return errors;
}

// ValidateServiceAccount checks the metadata only.
validation::FieldErrors Validate(const ServiceAccount& object) {
  return ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
}

// ValidateEventCreate for core/v1: legacyValidateEvent; the metadata rules (path segment names)
// run after it, as the generic create path does once the strategy's validation passed.
validation::FieldErrors Validate(const Event& object) {
  FieldErrors errors = LegacyValidateEvent(object);
  if (!errors.empty()) return errors;
  return ValidateCoreObjectMeta(object.metadata, true, validation::NameIsPathSegment);
}

// ValidateReplicationController.
validation::FieldErrors Validate(const ReplicationController& object) {
  const ReplicationControllerSpec& spec = object.spec;
  Path path("spec");
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  Append(errors,
         validation::ValidateNonnegative(spec.minReadySeconds, path.Child("minReadySeconds")));
  if (spec.selector.empty()) errors.push_back(Required(path.Child("selector")));
  Append(errors,
         validation::ValidateNonnegative(spec.replicas.value_or(0), path.Child("replicas")));
  Append(errors,
         ValidatePodTemplateSpecForRC(spec.template_, spec.selector, path.Child("template")));
  return errors;
}

// ValidatePersistentVolume, and the volume plugin check the strategy adds.
validation::FieldErrors Validate(const PersistentVolume& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, false, validation::NameIsDNSSubdomain);
  Append(errors, ValidatePersistentVolumeSpec(object.spec, object.metadata.name));
  Append(errors, ValidateMountOptionAnnotation(object));
  return errors;
}

// ValidatePersistentVolumeClaimSpec (create options; the VolumeAttributesClass gate off).
validation::FieldErrors ValidatePersistentVolumeClaimSpec(const PersistentVolumeClaimSpec& spec,
                                                          const validation::Path& path) {
  FieldErrors errors;
  if (spec.accessModes.empty()) {
    errors.push_back(Required(path.Child("accessModes"), "at least 1 access mode is required"));
  }
  if (spec.selector) {
    Append(errors, validation::ValidateLabelSelector(*spec.selector, path.Child("selector")));
  }
  Append(errors, ValidateAccessModes(spec.accessModes, path.Child("accessModes")));
  Path storage = path.Child("resources").Key("storage");
  auto requested = spec.resources.requests.find("storage");
  if (requested == spec.resources.requests.end()) {
    errors.push_back(Required(storage));
  } else if (FieldErrors positive = ValidatePositiveQuantityValue(requested->second, storage);
             !positive.empty()) {
    Append(errors, std::move(positive));
  } else {
    Append(errors, ValidateResourceQuantityValue("storage", requested->second, storage));
  }
  if (spec.storageClassName && !spec.storageClassName->empty()) {
    Append(errors, InvalidPerProblem(validation::NameIsDNSSubdomain(*spec.storageClassName, false),
                                     path.Child("storageClassName"), *spec.storageClassName));
  }
  if (spec.volumeMode && *spec.volumeMode != "Block" && *spec.volumeMode != "Filesystem") {
    errors.push_back(
        NotSupported(path.Child("volumeMode"), *spec.volumeMode, {"Block", "Filesystem"}));
  }
  if (const auto& source = spec.dataSource) {
    Append(errors, ValidateDataSourceFields(source->apiGroup, source->kind, source->name,
                                            path.Child("dataSource")));
  }
  if (const auto& ref = spec.dataSourceRef) {
    Path at = path.Child("dataSourceRef");
    Append(errors, ValidateDataSourceFields(ref->apiGroup, ref->kind, ref->name, at));
    if (ref->namespace_ && !ref->namespace_->empty()) {
      Append(errors, InvalidPerProblem(validation::NameIsDNSLabel(*ref->namespace_, false),
                                       at.Child("namespace"), *ref->namespace_));
    }
  }
  const auto& ref = spec.dataSourceRef;
  if (ref && ref->namespace_ && !ref->namespace_->empty()) {
    if (spec.dataSource) {
      errors.push_back(Invalid(path, Raw(GoFieldPath("dataSource")),
                               "may not be specified when dataSourceRef.namespace is specified"));
    }
  } else if (spec.dataSource && ref &&
             (spec.dataSource->apiGroup != ref->apiGroup || spec.dataSource->kind != ref->kind ||
              spec.dataSource->name != ref->name)) {
    errors.push_back(Invalid(path, Raw(GoFieldPath("dataSource")), "must match dataSourceRef"));
  }
  return errors;
}

// ValidatePersistentVolumeClaim.
validation::FieldErrors Validate(const PersistentVolumeClaim& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  Append(errors, ValidatePersistentVolumeClaimSpec(object.spec, Path("spec")));
  return errors;
}

// ValidateLimitRange: item types (unique), resource names, and the ordering of min, default
// request, default, max and the limit/request ratio.
validation::FieldErrors Validate(const LimitRange& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  std::set<std::string> types;
  for (size_t i = 0; i < object.spec.limits.size(); ++i) {
    const LimitRangeItem& item = object.spec.limits[i];
    Path at = Path("spec").Child("limits").Index(i);
    Append(errors, ValidateLimitRangeTypeName(item.type, at.Child("type")));
    if (!types.insert(item.type).second) errors.push_back(Duplicate(at.Child("type"), item.type));
    Append(errors, ValidateLimitRangeItem(item, at));
  }
  return errors;
}

// ValidateResourceQuota: hard resources, scopes and the scope selector, and the status lists.
validation::FieldErrors Validate(const ResourceQuota& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  Path spec("spec");
  Append(errors, ValidateQuotaResourceList(object.spec.hard, spec.Child("hard")));
  Append(errors, ValidateResourceQuotaScopes(object.spec, spec));
  Append(errors, ValidateScopeSelector(object.spec, spec));
  Path status("status");
  Append(errors, ValidateQuotaResourceList(object.status.hard, status.Child("hard")));
  Append(errors, ValidateQuotaResourceList(object.status.used, status.Child("used")));
  return errors;
}

}  // namespace kref::api::core
