#include "impl/apiserver/patch.h"

#include <boost/json.hpp>
#include <charconv>
#include <string>
#include <vector>

namespace kref::apiserver {

namespace json = boost::json;

json::value MergePatch(json::value target, const json::value& patch) {
  const json::object* changes = patch.if_object();
  if (changes == nullptr) return patch;
  if (!target.is_object()) target = json::object();
  json::object& object = target.as_object();
  for (const auto& [key, value] : *changes) {
    if (value.is_null()) {
      object.erase(key);
    } else if (json::value* existing = object.if_contains(key)) {
      *existing = MergePatch(std::move(*existing), value);
    } else {
      object[key] = MergePatch(json::value(), value);
    }
  }
  return target;
}

namespace {

// An RFC 6901 pointer split into its unescaped tokens.
Result<std::vector<std::string>> ParsePointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  if (pointer.front() != '/') {
    return InvalidArgumentError("JSON pointer \"" + std::string(pointer) + "\" must start with /");
  }
  pointer.remove_prefix(1);
  while (true) {
    size_t slash = pointer.find('/');
    std::string_view raw = pointer.substr(0, slash);
    std::string token;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '~') {
        token.push_back(raw[i]);
      } else if (i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token.push_back(raw[i + 1] == '0' ? '~' : '/');
        ++i;
      } else {
        return InvalidArgumentError("JSON pointer \"/" + std::string(pointer) +
                                    "\" has a bad escape");
      }
    }
    tokens.push_back(std::move(token));
    if (slash == std::string_view::npos) break;
    pointer.remove_prefix(slash + 1);
  }
  return tokens;
}

// An array index token: decimal digits, no leading zero (RFC 6901).
std::optional<size_t> ArrayIndex(const std::string& token) {
  if (token.empty() || (token.size() > 1 && token[0] == '0')) return std::nullopt;
  size_t index = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
  if (ec != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return index;
}

Status Missing(std::string_view op, std::string_view path) {
  return FailedPreconditionError(std::string(op) + " operation does not apply: doc is missing path: \"" +
                                 std::string(path) + "\"");
}

// The value at tokens[0..n), or null when it does not exist.
json::value* Find(json::value& doc, const std::vector<std::string>& tokens, size_t n) {
  json::value* at = &doc;
  for (size_t i = 0; i < n; ++i) {
    if (json::object* object = at->if_object()) {
      at = object->if_contains(tokens[i]);
    } else if (json::array* array = at->if_array()) {
      auto index = ArrayIndex(tokens[i]);
      at = index && *index < array->size() ? &(*array)[*index] : nullptr;
    } else {
      at = nullptr;
    }
    if (at == nullptr) return nullptr;
  }
  return at;
}

Status Add(json::value& doc, const std::string& path, json::value value) {
  KREF_ASSIGN_OR_RETURN(std::vector<std::string> tokens, ParsePointer(path));
  if (tokens.empty()) {
    doc = std::move(value);
    return Status();
  }
  json::value* parent = Find(doc, tokens, tokens.size() - 1);
  if (parent == nullptr) return Missing("add", path);
  const std::string& last = tokens.back();
  if (json::object* object = parent->if_object()) {
    (*object)[last] = std::move(value);
    return Status();
  }
  if (json::array* array = parent->if_array()) {
    if (last == "-") {
      array->push_back(std::move(value));
      return Status();
    }
    auto index = ArrayIndex(last);
    if (!index || *index > array->size()) {
      return FailedPreconditionError("add operation does not apply: index out of range at \"" + path + "\"");
    }
    array->insert(array->begin() + static_cast<ptrdiff_t>(*index), std::move(value));
    return Status();
  }
  return Missing("add", path);
}

Result<json::value> Remove(json::value& doc, const std::string& path, std::string_view op) {
  KREF_ASSIGN_OR_RETURN(std::vector<std::string> tokens, ParsePointer(path));
  if (tokens.empty()) return FailedPreconditionError(std::string(op) + " operation cannot remove the whole document");
  json::value* parent = Find(doc, tokens, tokens.size() - 1);
  if (parent == nullptr) return Missing(op, path);
  const std::string& last = tokens.back();
  if (json::object* object = parent->if_object()) {
    auto it = object->find(last);
    if (it == object->end()) return Missing(op, path);
    json::value removed = std::move(it->value());
    object->erase(it);
    return removed;
  }
  if (json::array* array = parent->if_array()) {
    auto index = ArrayIndex(last);
    if (!index || *index >= array->size()) return Missing(op, path);
    json::value removed = std::move((*array)[*index]);
    array->erase(array->begin() + static_cast<ptrdiff_t>(*index));
    return removed;
  }
  return Missing(op, path);
}

Result<json::value> Get(json::value& doc, const std::string& path, std::string_view op) {
  KREF_ASSIGN_OR_RETURN(std::vector<std::string> tokens, ParsePointer(path));
  json::value* at = Find(doc, tokens, tokens.size());
  if (at == nullptr) return Missing(op, path);
  return *at;
}

// A string member of an operation, or InvalidArgument naming it.
Result<std::string> Member(const json::object& op, std::string_view name) {
  const json::value* value = op.if_contains(name);
  if (value == nullptr || !value->is_string()) {
    return InvalidArgumentError("operation " + json::serialize(op) + " lacks a string \"" +
                                std::string(name) + "\"");
  }
  return std::string(value->as_string());
}

}  // namespace

Result<json::value> JsonPatch(json::value target, const json::value& patch) {
  const json::array* ops = patch.if_array();
  if (ops == nullptr) return InvalidArgumentError("a JSON patch must be an array of operations");
  for (const json::value& entry : *ops) {
    const json::object* op = entry.if_object();
    if (op == nullptr) return InvalidArgumentError("a JSON patch operation must be an object");
    KREF_ASSIGN_OR_RETURN(std::string kind, Member(*op, "op"));
    KREF_ASSIGN_OR_RETURN(std::string path, Member(*op, "path"));
    KREF_RETURN_IF_ERROR(ParsePointer(path).status());
    const json::value* value = op->if_contains("value");
    bool needs_value = kind == "add" || kind == "replace" || kind == "test";
    if (needs_value && value == nullptr) {
      return InvalidArgumentError(kind + " operation " + json::serialize(*op) + " lacks \"value\"");
    }
    if (kind == "add") {
      KREF_RETURN_IF_ERROR(Add(target, path, *value));
    } else if (kind == "remove") {
      KREF_RETURN_IF_ERROR(Remove(target, path, "remove").status());
    } else if (kind == "replace") {
      KREF_RETURN_IF_ERROR(Remove(target, path, "replace").status());
      KREF_RETURN_IF_ERROR(Add(target, path, *value));
    } else if (kind == "move" || kind == "copy") {
      KREF_ASSIGN_OR_RETURN(std::string from, Member(*op, "from"));
      KREF_RETURN_IF_ERROR(ParsePointer(from).status());
      if (kind == "move" && path.size() > from.size() && path.starts_with(from) &&
          path[from.size()] == '/') {
        return FailedPreconditionError("move operation cannot move \"" + from +
                                       "\" into its own child \"" + path + "\"");
      }
      json::value moved;
      if (kind == "move") {
        KREF_ASSIGN_OR_RETURN(moved, Remove(target, from, "move"));
      } else {
        KREF_ASSIGN_OR_RETURN(moved, Get(target, from, "copy"));
      }
      KREF_RETURN_IF_ERROR(Add(target, path, std::move(moved)));
    } else if (kind == "test") {
      KREF_ASSIGN_OR_RETURN(json::value current, Get(target, path, "test"));
      if (current != *value) {
        return FailedPreconditionError("testing value " + path + " failed: test failed");
      }
    } else {
      return InvalidArgumentError("Unexpected kind: " + kind);
    }
  }
  return target;
}

}  // namespace kref::apiserver
