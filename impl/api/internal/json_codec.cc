#include "impl/api/internal/json_codec.h"

#include <boost/json/parser.hpp>
#include <boost/json/serialize.hpp>
#include <charconv>
#include <cmath>

#include "impl/common/base64.h"
#include "impl/api/internal/json_path.h"
#include "impl/api/internal/utf8.h"

namespace kref::api::internal {
namespace {

// 0: copy as is; 1: escape; 2: start of a multi-byte UTF-8 sequence (or an invalid byte).
constexpr std::array<uint8_t, 256> kEscapeClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = 1;
  table['"'] = table['\\'] = table['<'] = table['>'] = table['&'] = 1;
  for (int c = 0x80; c < 0x100; ++c) table[c] = 2;
  return table;
}();

constexpr char kHex[] = "0123456789abcdef";

std::string_view JsonKindName(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::string:
      return "string";
    case boost::json::kind::bool_:
      return "bool";
    case boost::json::kind::array:
      return "array";
    case boost::json::kind::object:
      return "object";
    case boost::json::kind::null:
      return "null";
    default:
      return "number";
  }
}

std::string NumberText(const boost::json::value& v) {
  std::string out;
  if (v.is_int64()) WriteJsonInt(v.get_int64(), out);
  if (v.is_uint64()) out = std::to_string(v.get_uint64());
  if (v.is_double()) WriteJsonDouble(v.get_double(), out);
  return out;
}

}  // namespace

void WriteJsonString(std::string_view s, std::string& out) {
  out.push_back('"');
  size_t run_start = 0;
  size_t i = 0;
  while (i < s.size()) {
    uint8_t cls = kEscapeClass[static_cast<unsigned char>(s[i])];
    if (cls == 0) {
      ++i;
      continue;
    }
    if (cls == 2) {
      uint32_t rune;
      size_t length = DecodeUtf8(s, i, rune);
      bool line_separator = length == 3 && static_cast<unsigned char>(s[i]) == 0xE2 &&
                            static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                            (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xA8;
      if (length != 0 && !line_separator) {
        i += length;
        continue;
      }
      out.append(s.data() + run_start, i - run_start);
      if (line_separator) {
        out.append(static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
        i += 3;
      } else {
        out.append("\\ufffd");
        ++i;
      }
      run_start = i;
      continue;
    }
    out.append(s.data() + run_start, i - run_start);
    char c = s[i];
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\b':
        out.append("\\b");
        break;
      case '\f':
        out.append("\\f");
        break;
      default: {
        unsigned char u = static_cast<unsigned char>(c);
        char escaped[6] = {'\\', 'u', '0', '0', kHex[u >> 4], kHex[u & 0xF]};
        out.append(escaped, 6);
      }
    }
    ++i;
    run_start = i;
  }
  out.append(s.data() + run_start, s.size() - run_start);
  out.push_back('"');
}

void WriteJsonInt(int64_t v, std::string& out) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), v);
  out.append(buffer, end);
}

void WriteJsonDouble(double v, std::string& out) {
  if (!std::isfinite(v)) {
    out.append("null");
    return;
  }
  // Go's encoding/json: plain notation for 1e-6 <= |v| < 1e21, exponent notation otherwise,
  // shortest digits that round-trip, and "e-07" shortened to "e-7".
  char buffer[64];
  double magnitude = std::fabs(v);
  auto format = (magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21))
                    ? std::chars_format::scientific
                    : std::chars_format::fixed;
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), v, format);
  size_t n = static_cast<size_t>(end - buffer);
  if (n >= 4 && buffer[n - 4] == 'e' && buffer[n - 3] == '-' && buffer[n - 2] == '0') {
    buffer[n - 2] = buffer[n - 1];
    --n;
  }
  out.append(buffer, n);
}

std::string DecodeContext::Path() const {
  std::string out;
  for (const Segment& segment : path_) {
    switch (segment.kind) {
      case Segment::kField:
        if (!out.empty()) out.push_back('.');
        out.append(segment.name);
        break;
      case Segment::kIndex:
        out.push_back('[');
        out.append(std::to_string(segment.index));
        out.push_back(']');
        break;
      case Segment::kKey:
        out.push_back('[');
        out.append(segment.name);
        out.push_back(']');
        break;
    }
  }
  return out;
}

Status DecodeContext::ErrorAtPath(std::string message) const {
  std::string path = Path();
  return InvalidArgumentError(std::move(message))
      .WithDetails(
          {.reason = "BadRequest", .causes = {{"FieldValueInvalid", "", std::move(path)}}});
}

Status DecodeContext::TypeError(const boost::json::value& got, std::string_view want) const {
  std::string message = "json: cannot unmarshal ";
  message += JsonKindName(got);
  if (got.is_number()) message += " " + NumberText(got);
  std::string path = Path();
  message += path.empty() ? " into value" : " into field " + path;
  message += " of type ";
  message += want;
  return ErrorAtPath(std::move(message));
}

Status DecodeContext::ValueError(std::string_view message) const {
  std::string path = Path();
  return ErrorAtPath(path.empty() ? std::string(message) : path + ": " + std::string(message));
}

void DecodeContext::UnknownField(std::string_view name) {
  if (report_ == nullptr) return;
  std::string path = Path();
  if (!path.empty()) path.push_back('.');
  path.append(name);
  report_->unknown_fields.push_back(std::move(path));
}

Status DecodeJsonString(const boost::json::value& v, std::string& out, DecodeContext& ctx) {
  if (const boost::json::string* s = v.if_string()) {
    out.assign(s->data(), s->size());
    return Status::Ok();
  }
  if (v.is_null()) {
    out.clear();
    return Status::Ok();
  }
  return ctx.TypeError(v, "string");
}

Status DecodeJsonBool(const boost::json::value& v, bool& out, DecodeContext& ctx) {
  if (const bool* b = v.if_bool()) {
    out = *b;
    return Status::Ok();
  }
  if (v.is_null()) {
    out = false;
    return Status::Ok();
  }
  return ctx.TypeError(v, "bool");
}

Status DecodeJsonInt(const boost::json::value& v, int64_t min, int64_t max, std::string_view type,
                     int64_t& out, DecodeContext& ctx) {
  if (const int64_t* i = v.if_int64(); i != nullptr && *i >= min && *i <= max) {
    out = *i;
    return Status::Ok();
  }
  if (const uint64_t* u = v.if_uint64(); u != nullptr && *u <= static_cast<uint64_t>(max)) {
    out = static_cast<int64_t>(*u);
    return Status::Ok();
  }
  if (v.is_null()) {
    out = 0;
    return Status::Ok();
  }
  return ctx.TypeError(v, type);
}

Status DecodeJsonDouble(const boost::json::value& v, double& out, DecodeContext& ctx) {
  if (v.is_number()) {
    out = v.to_number<double>();
    return Status::Ok();
  }
  if (v.is_null()) {
    out = 0;
    return Status::Ok();
  }
  return ctx.TypeError(v, "float64");
}

Status DecodeJsonQuantity(const boost::json::value& v, Quantity& out, DecodeContext& ctx) {
  std::string text;
  if (const boost::json::string* s = v.if_string()) {
    text.assign(s->data(), s->size());
  } else if (v.is_number()) {
    text = NumberText(v);
  } else if (v.is_null()) {
    out = Quantity();
    return Status::Ok();
  } else {
    return ctx.TypeError(v, "Quantity");
  }
  Result<Quantity> parsed = Quantity::Parse(text);
  if (!parsed) return ctx.ValueError(parsed.error().message());
  out = *parsed;
  return Status::Ok();
}

Status DecodeJsonTime(const boost::json::value& v, Time& out, DecodeContext& ctx) {
  if (v.is_null()) {
    out = Time();
    return Status::Ok();
  }
  const boost::json::string* s = v.if_string();
  if (s == nullptr) return ctx.TypeError(v, "Time");
  Result<Time> parsed = Time::Parse(std::string_view(s->data(), s->size()));
  if (!parsed) return ctx.ValueError(parsed.error().message());
  out = *parsed;
  return Status::Ok();
}

Status DecodeJsonMicroTime(const boost::json::value& v, MicroTime& out, DecodeContext& ctx) {
  if (v.is_null()) {
    out = MicroTime();
    return Status::Ok();
  }
  const boost::json::string* s = v.if_string();
  if (s == nullptr) return ctx.TypeError(v, "MicroTime");
  Result<MicroTime> parsed = MicroTime::Parse(std::string_view(s->data(), s->size()));
  if (!parsed) return ctx.ValueError(parsed.error().message());
  out = *parsed;
  return Status::Ok();
}

Status DecodeJsonIntOrString(const boost::json::value& v, IntOrString& out, DecodeContext& ctx) {
  if (const boost::json::string* s = v.if_string()) {
    out = IntOrString::FromString(std::string(s->data(), s->size()));
    return Status::Ok();
  }
  if (v.is_null()) {
    out = IntOrString();
    return Status::Ok();
  }
  int64_t value = 0;
  KREF_RETURN_IF_ERROR(DecodeJsonInt(v, std::numeric_limits<int32_t>::min(),
                                     std::numeric_limits<int32_t>::max(), "int32", value, ctx));
  out = IntOrString::FromInt(static_cast<int32_t>(value));
  return Status::Ok();
}

Status DecodeJsonBytes(const boost::json::value& v, Bytes& out, DecodeContext& ctx) {
  if (v.is_null()) {
    out.data.clear();
    return Status::Ok();
  }
  const boost::json::string* s = v.if_string();
  if (s == nullptr) return ctx.TypeError(v, "[]byte");
  Result<std::string> decoded = Base64Decode(std::string_view(s->data(), s->size()));
  if (!decoded) return ctx.ValueError(decoded.error().message());
  out.data = std::move(*decoded);
  return Status::Ok();
}

void DecodeJsonRaw(const boost::json::value& v, RawJson& out) {
  out.json = v.is_null() ? std::string() : boost::json::serialize(v);
}

void WriteJsonBytes(const Bytes& v, std::string& out) {
  out.push_back('"');
  Base64Encode(v.data, out);
  out.push_back('"');
}

Result<boost::json::value> ParseJsonText(std::string_view text,
                                         boost::json::monotonic_resource& arena) {
  boost::json::parse_options options;
  options.max_depth = kMaxJsonDepth;
  boost::json::parser parser(boost::json::storage_ptr(&arena), options);
  boost::system::error_code ec;
  size_t consumed = parser.write(text.data(), text.size(), ec);
  if (ec) {
    LineColumn at = LineColumnOf(text, consumed);
    return InvalidArgumentError("json: " + ec.message() + " at line " + std::to_string(at.line) +
                                ", column " + std::to_string(at.column));
  }
  return parser.release();
}

Status AddJsonLocation(Status error, std::string_view text) {
  if (error.details() == nullptr || error.details()->causes.empty()) return error;
  std::optional<size_t> offset = LocateJsonPath(text, error.details()->causes[0].field);
  if (!offset) return error;
  LineColumn at = LineColumnOf(text, *offset);
  Status located(error.code(), error.message() + " (line " + std::to_string(at.line) + ", column " +
                                   std::to_string(at.column) + ")");
  return located.WithDetails(*error.details());
}

}  // namespace kref::api::internal
