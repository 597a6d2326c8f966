#include "impl/api/manifest.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <boost/json/parser.hpp>
#include <boost/json/stream_parser.hpp>
#include <charconv>
#include <cmath>
#include <memory>
#include <sstream>

#include "impl/api/internal/json_codec.h"
#include "impl/api/internal/json_path.h"
#include "impl/api/internal/utf8.h"

namespace kref::api {
namespace {

using internal::kMaxJsonDepth;

// Upper bound on nodes produced from one YAML document, so alias expansion ("billion laughs")
// cannot blow up memory.
constexpr size_t kMaxConvertedNodes = 1 << 21;

Status YamlError(size_t line, std::string_view message) {
  return InvalidArgumentError("yaml: line " + std::to_string(line) + ": " + std::string(message));
}

bool OneOf(std::string_view s, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options) {
    if (s == o) return true;
  }
  return false;
}

std::string RemoveUnderscores(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '_') out.push_back(c);
  }
  return out;
}

// strconv.ParseInt/ParseUint with base 0: optional sign, then 0x/0X hex, 0b/0B binary,
// 0o/0O or a leading 0 octal, else decimal.
std::optional<boost::json::value> ParseGoInteger(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
    base = 2;
    s.remove_prefix(2);
  } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) {
    base = 8;
    s.remove_prefix(2);
  } else if (s.size() > 1 && s[0] == '0') {
    base = 8;
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  uint64_t magnitude = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), magnitude, base);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  if (!negative) {
    if (magnitude <= static_cast<uint64_t>(INT64_MAX))
      return boost::json::value(int64_t(magnitude));
    return boost::json::value(magnitude);
  }
  if (magnitude > uint64_t(INT64_MAX) + 1) return std::nullopt;
  return boost::json::value(magnitude == uint64_t(INT64_MAX) + 1 ? INT64_MIN : -int64_t(magnitude));
}

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool IsYamlFloat(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
  } else {
    if (digits() == 0) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      digits();
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

// A float as Go's json.Marshal would write it, read back by a JSON parser: integral values
// below 1e21 come back as integers.
boost::json::value FloatValue(double d) {
  if (std::floor(d) == d && std::fabs(d) < 1e21) {
    if (d >= -9.2233720368547758e18 && d < 9.2233720368547758e18) return int64_t(d);
    if (d >= 0 && d < 1.8446744073709552e19) return uint64_t(d);
  }
  return d;
}

enum class ScalarError { kNone, kNaN, kInf };

// The go-yaml v2 resolution of a plain scalar.
boost::json::value ResolvePlain(std::string_view s, ScalarError& error) {
  error = ScalarError::kNone;
  if (OneOf(s, {"", "~", "null", "Null", "NULL"})) return nullptr;
  if (OneOf(s, {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"})) {
    return true;
  }
  if (OneOf(s, {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"})) {
    return false;
  }
  if (OneOf(s, {".nan", ".NaN", ".NAN"})) {
    error = ScalarError::kNaN;
    return nullptr;
  }
  if (OneOf(s, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"})) {
    error = ScalarError::kInf;
    return nullptr;
  }
  char first = s[0];
  bool numeric_hint =
      (first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.';
  if (numeric_hint) {
    std::string plain = RemoveUnderscores(s);
    if (auto integer = ParseGoInteger(plain)) return *integer;
    if (IsYamlFloat(plain)) {
      double d = 0;
      auto [ptr, ec] =
          std::from_chars(plain.data() + (plain[0] == '+' ? 1 : 0), plain.data() + plain.size(), d);
      if (ptr == plain.data() + plain.size()) {
        if (ec == std::errc::result_out_of_range || std::isinf(d)) {
          error = ScalarError::kInf;
          return nullptr;
        }
        return FloatValue(d);
      }
    }
  }
  return boost::json::string(s);
}

size_t LineOfNode(const YAML::Node& node) { return static_cast<size_t>(node.Mark().line) + 1; }

class Converter {
 public:
  explicit Converter(std::vector<DuplicateField>& duplicates) : duplicates_(duplicates) {}

  Result<boost::json::value> Convert(const YAML::Node& node, const std::string& path,
                                     unsigned depth) {
    if (depth > kMaxJsonDepth) return YamlError(LineOfNode(node), "exceeded max depth");
    if (++nodes_ > kMaxConvertedNodes) {
      return YamlError(LineOfNode(node), "document is too large after alias expansion");
    }
    switch (node.Type()) {
      case YAML::NodeType::Undefined:
      case YAML::NodeType::Null:
        return boost::json::value(nullptr);
      case YAML::NodeType::Scalar:
        return ConvertScalar(node);
      case YAML::NodeType::Sequence: {
        boost::json::array array;
        size_t index = 0;
        for (const YAML::Node& item : node) {
          KREF_ASSIGN_OR_RETURN(
              boost::json::value v,
              Convert(item, path + "[" + std::to_string(index++) + "]", depth + 1));
          array.push_back(std::move(v));
        }
        return boost::json::value(std::move(array));
      }
      case YAML::NodeType::Map: {
        boost::json::object object;
        KREF_RETURN_IF_ERROR(MergeInto(object, node, path, depth));
        return boost::json::value(std::move(object));
      }
    }
    return boost::json::value(nullptr);
  }

 private:
  Status MergeInto(boost::json::object& object, const YAML::Node& node, const std::string& path,
                   unsigned depth) {
    std::vector<std::pair<std::string, const YAML::Node*>> merges;
    std::vector<YAML::Node> merge_sources;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const YAML::Node key_node = it->first;  // a copy: it-> yields a temporary proxy
      if (key_node.Type() == YAML::NodeType::Scalar && key_node.Tag() == "?" &&
          key_node.Scalar() == "<<") {
        merge_sources.push_back(it->second);
        continue;
      }
      KREF_ASSIGN_OR_RETURN(std::string key, KeyString(key_node));
      std::string child_path = path.empty() ? key : path + "." + key;
      KREF_ASSIGN_OR_RETURN(boost::json::value value, Convert(it->second, child_path, depth + 1));
      if (object.contains(key)) duplicates_.push_back({child_path, LineOfNode(key_node)});
      object[key] = std::move(value);
    }
    // Merged keys never override keys given in the mapping itself.
    for (const YAML::Node& source : merge_sources) {
      std::vector<YAML::Node> maps;
      if (source.IsMap()) {
        maps.push_back(source);
      } else if (source.IsSequence()) {
        for (const YAML::Node& item : source) maps.push_back(item);
      }
      for (const YAML::Node& map : maps) {
        if (!map.IsMap()) {
          return YamlError(LineOfNode(source),
                           "map merge requires map or sequence of maps as the value");
        }
        boost::json::object merged;
        KREF_RETURN_IF_ERROR(MergeInto(merged, map, path, depth + 1));
        for (auto& member : merged) {
          if (!object.contains(member.key())) object[member.key()] = member.value();
        }
      }
    }
    return Status::Ok();
  }

  Result<std::string> KeyString(const YAML::Node& key) {
    if (key.Type() == YAML::NodeType::Null) return std::string("null");
    if (key.Type() != YAML::NodeType::Scalar) {
      return YamlError(LineOfNode(key), "unsupported map key type (only scalar keys)");
    }
    KREF_ASSIGN_OR_RETURN(boost::json::value v, ConvertScalar(key));
    if (v.is_string()) return std::string(v.as_string());
    if (v.is_null()) return std::string("null");
    if (v.is_bool()) return std::string(v.as_bool() ? "true" : "false");
    std::string text;
    if (v.is_int64()) return std::to_string(v.as_int64());
    if (v.is_uint64()) return std::to_string(v.as_uint64());
    internal::WriteJsonDouble(v.as_double(), text);
    return text;
  }

  Result<boost::json::value> ConvertScalar(const YAML::Node& node) {
    const std::string& tag = node.Tag();
    const std::string& text = node.Scalar();
    if (tag == "!" || tag == "tag:yaml.org,2002:str" || tag == "tag:yaml.org,2002:binary") {
      return boost::json::value(boost::json::string(text));
    }
    ScalarError error;
    boost::json::value v = ResolvePlain(text, error);
    if (error == ScalarError::kNaN)
      return YamlError(LineOfNode(node), "json: unsupported value: NaN");
    if (error == ScalarError::kInf)
      return YamlError(LineOfNode(node), "json: unsupported value: +Inf");
    return v;
  }

  std::vector<DuplicateField>& duplicates_;
  size_t nodes_ = 0;
};

// The line of the YAML node at `path`, or of the closest ancestor that exists. A mapping
// entry's line is its key's line. (YAML::Node's operator= writes through to the referenced
// node, so walking uses reset(), which rebinds.)
size_t LineOfYamlPath(const YAML::Node& root, std::string_view path) {
  YAML::Node node;
  node.reset(root);
  size_t line = LineOfNode(root);
  for (const internal::PathStep& step : internal::ParsePath(path)) {
    YAML::Node next;
    bool found = false;
    if (node.IsMap()) {
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == step.name) {
          next.reset(it->second);
          line = LineOfNode(it->first);
          found = true;
          break;
        }
      }
    } else if (node.IsSequence() && step.bracketed) {
      size_t index = 0;
      auto [ptr, ec] = std::from_chars(step.name.data(), step.name.data() + step.name.size(), index);
      if (ec == std::errc() && ptr == step.name.data() + step.name.size() && index < node.size()) {
        size_t i = 0;
        for (auto it = node.begin(); it != node.end(); ++it, ++i) {
          if (i == index) {
            next.reset(*it);
            line = LineOfNode(*it);
            found = true;
            break;
          }
        }
      }
    }
    if (!found) return line;
    node.reset(next);
  }
  return line;
}

// yaml-cpp 0.7's LoadAll never returns when a document's first token cannot start a node, such
// as a ',' at document level: the parser reports an empty document without consuming anything,
// forever. A first pass over the events, building nothing, sees that as two documents starting
// at the same place. go-yaml rejects such a stream with "did not find expected node content",
// and so do we. Syntax errors are left for LoadAll to report.
class ProgressCheck final : public YAML::EventHandler {
 public:
  // The line of a document that starts where the previous one did, or 0.
  size_t stuck_line() const { return stuck_line_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (documents_ > 0 && mark.pos == last_start_) stuck_line_ = static_cast<size_t>(mark.line) + 1;
    last_start_ = mark.pos;
    ++documents_;
  }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}

 private:
  int documents_ = 0;
  int last_start_ = -1;
  size_t stuck_line_ = 0;
};

Status CheckYamlMakesProgress(const std::string& text) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  ProgressCheck check;
  try {
    while (parser.HandleNextDocument(check)) {
      if (check.stuck_line() != 0) {
        return YamlError(check.stuck_line(), "did not find expected node content");
      }
    }
  } catch (const YAML::Exception&) {
    // LoadAll reports it, with the same message.
  }
  return Status();
}

Result<std::vector<ManifestDocument>> ParseYaml(std::string_view text) {
  std::string source(text);
  KREF_RETURN_IF_ERROR(CheckYamlMakesProgress(source));
  std::vector<YAML::Node> nodes;
  try {
    nodes = YAML::LoadAll(source);
  } catch (const YAML::Exception& e) {
    return YamlError(static_cast<size_t>(e.mark.line) + 1, e.msg);
  }
  std::vector<ManifestDocument> documents;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const YAML::Node& node = nodes[i];
    if (node.IsNull() || !node.IsDefined()) continue;
    ManifestDocument document;
    document.number = i + 1;
    document.line = LineOfNode(node);
    try {
      Converter converter(document.duplicate_fields);
      KREF_ASSIGN_OR_RETURN(document.value, converter.Convert(node, "", 0));
    } catch (const YAML::Exception& e) {
      return YamlError(static_cast<size_t>(e.mark.line) + 1, e.msg);
    }
    // A document that resolves to null (an empty scalar, perhaps tagged) is no object either.
    if (document.value.is_null()) continue;
    document.line_of = [node](std::string_view path) { return LineOfYamlPath(node, path); };
    documents.push_back(std::move(document));
  }
  return documents;
}

Result<std::vector<ManifestDocument>> ParseJsonStream(std::string_view text) {
  std::vector<ManifestDocument> documents;
  auto source = std::make_shared<const std::string>(text);
  size_t offset = 0;
  auto skip_space = [&] {
    while (offset < text.size() && (text[offset] == ' ' || text[offset] == '\t' ||
                                    text[offset] == '\n' || text[offset] == '\r'))
      ++offset;
  };
  skip_space();
  while (offset < text.size()) {
    boost::json::parse_options options;
    options.max_depth = kMaxJsonDepth;
    boost::json::stream_parser parser({}, options);
    boost::system::error_code ec;
    size_t consumed = parser.write_some(text.data() + offset, text.size() - offset, ec);
    if (!ec && !parser.done()) parser.finish(ec);
    if (ec) {
      internal::LineColumn at = internal::LineColumnOf(text, offset + consumed);
      return InvalidArgumentError("json: " + ec.message() + " at line " + std::to_string(at.line) +
                                  ", column " + std::to_string(at.column));
    }
    ManifestDocument document;
    document.number = documents.size() + 1;
    document.line = internal::LineColumnOf(text, offset).line;
    document.value = parser.release();
    document.line_of = [source, start = offset, length = consumed](std::string_view path) {
      std::string_view all(*source);
      std::optional<size_t> at = internal::LocateJsonPath(all.substr(start, length), path);
      return internal::LineColumnOf(all, start + at.value_or(0)).line;
    };
    documents.push_back(std::move(document));
    offset += consumed;
    skip_space();
  }
  return documents;
}

// ---- Emitting YAML ----

bool NeedsQuotes(std::string_view s) {
  if (s.empty()) return true;
  ScalarError error;
  boost::json::value resolved = ResolvePlain(s, error);
  if (error != ScalarError::kNone || !resolved.is_string()) return true;
  // Characters and shapes a plain scalar cannot carry.
  if (s.front() == ' ' || s.back() == ' ') return true;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(s.front()) != std::string_view::npos) {
    return true;
  }
  if (s == "<<") return true;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) return true;
    if (s[i] == '#' && i > 0 && s[i - 1] == ' ') return true;
    if (s[i] == ':' && (i + 1 == s.size() || s[i + 1] == ' ')) return true;
  }
  return false;
}

void EmitValue(YAML::Emitter& out, const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      out << YAML::Null;
      break;
    case boost::json::kind::bool_:
      out << (v.get_bool() ? "true" : "false");
      break;
    case boost::json::kind::int64:
      out << std::to_string(v.get_int64());
      break;
    case boost::json::kind::uint64:
      out << std::to_string(v.get_uint64());
      break;
    case boost::json::kind::double_: {
      std::string text;
      internal::WriteJsonDouble(v.get_double(), text);
      out << text;
      break;
    }
    case boost::json::kind::string: {
      std::string_view s = v.get_string();
      if (NeedsQuotes(s)) out << YAML::DoubleQuoted;
      out << std::string(s);
      break;
    }
    case boost::json::kind::array: {
      const boost::json::array& array = v.get_array();
      if (array.empty()) {
        out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
        break;
      }
      out << YAML::Block << YAML::BeginSeq;
      for (const boost::json::value& item : array) EmitValue(out, item);
      out << YAML::EndSeq;
      break;
    }
    case boost::json::kind::object: {
      const boost::json::object& object = v.get_object();
      if (object.empty()) {
        out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
        break;
      }
      out << YAML::Block << YAML::BeginMap;
      for (const auto& member : object) {
        out << YAML::Key;
        std::string_view key = member.key();
        if (NeedsQuotes(key)) out << YAML::DoubleQuoted;
        out << std::string(key);
        out << YAML::Value;
        EmitValue(out, member.value());
      }
      out << YAML::EndMap;
      break;
    }
  }
}

// Where `text` stops being a YAML character stream as go-yaml reads one: well-formed UTF-8 of
// printable characters (#x9 | #xA | #xD | [#x20-#x7E] | #x85 | [#xA0-#xD7FF] | [#xE000-#xFFFD]
// | [#x10000-#x10FFFF]). Returns npos when all of it is, else the offset and the reason in
// `problem`.
size_t FirstNonYamlChar(std::string_view text, std::string_view& problem) {
  for (size_t i = 0; i < text.size();) {
    uint32_t code = 0;
    size_t length = internal::DecodeUtf8(text, i, code);
    if (length == 0) {
      problem = "invalid UTF-8";
      return i;
    }
    bool printable = code == 0x09 || code == 0x0A || code == 0x0D ||
                     (code >= 0x20 && code <= 0x7E) || code == 0x85 ||
                     (code >= 0xA0 && code <= 0xD7FF) || (code >= 0xE000 && code <= 0xFFFD) ||
                     code >= 0x10000;
    if (!printable) {
      problem = "control characters are not allowed";
      return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace

Result<std::vector<ManifestDocument>> ParseManifests(std::string_view text) {
  size_t first = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") first = 3;  // UTF-8 byte order mark
  while (first < text.size() &&
         (text[first] == ' ' || text[first] == '\t' || text[first] == '\n' || text[first] == '\r'))
    ++first;
  if (first < text.size() && text[first] == '{') return ParseJsonStream(text);
  // YAML streams must be printable UTF-8, as go-yaml requires (which also keeps yaml-cpp from
  // guessing UTF-16 or UTF-32 from NUL bytes); JSON's parser checks for itself.
  std::string_view problem;
  if (size_t bad = FirstNonYamlChar(text, problem); bad != std::string_view::npos) {
    size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + bad, '\n'));
    return YamlError(line, problem);
  }
  return ParseYaml(text);
}

std::string JsonToYaml(const boost::json::value& value) {
  YAML::Emitter out;
  out.SetIndent(2);
  EmitValue(out, value);
  std::string text = out.c_str();
  if (!text.empty() && text.back() != '\n') text.push_back('\n');
  return text;
}

}  // namespace kref::api
