#include "impl/apiserver/patch.h"

#include <boost/json.hpp>
#include <charconv>
#include <string>
#include <vector>

#include "impl/api/patch_strategy.h"

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

// ---- Strategic merge patch ----

using api::PatchStrategy;
using api::TypeSchema;

Result<json::value> MergeStrategic(json::value target, const json::value& patch, const TypeSchema* schema,
                                   const std::string& path);

std::string Child(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

// The type of `key` in a value of type `schema` (a struct's field, a map's values); null when
// unknown (free-form JSON merges as a plain merge patch).
const TypeSchema* ChildSchema(const TypeSchema* schema, std::string_view key) {
  if (schema == nullptr) return nullptr;
  if (schema->kind == TypeSchema::Kind::kMap) return schema->element;
  if (schema->kind != TypeSchema::Kind::kStruct) return nullptr;
  const TypeSchema::Field* field = schema->FindField(key);
  return field != nullptr ? field->type : nullptr;
}

// Merges list `patch` into `target`, a list of `list_schema` whose field has `strategy`.
Result<json::value> MergeList(json::value target, const json::array& patch, const TypeSchema* list_schema,
                              const PatchStrategy& strategy, const std::string& path) {
  if (!strategy.merge) {  // replaced whole, without directives
    json::array out;
    for (const json::value& element : patch) {
      if (const json::object* o = element.if_object(); o && o->contains("$patch")) continue;
      out.push_back(element);
    }
    return json::value(std::move(out));
  }
  const TypeSchema* element_schema = list_schema != nullptr ? list_schema->element : nullptr;
  std::optional<std::string> key(std::string(strategy.merge_key));
  json::array merged = target.is_array() ? std::move(target.as_array()) : json::array();
  if (key->empty()) {  // a set of primitives
    for (const json::value& element : patch) {
      if (std::find(merged.begin(), merged.end(), element) == merged.end()) merged.push_back(element);
    }
    return json::value(std::move(merged));
  }
  for (const json::value& element : patch) {
    const json::object* change = element.if_object();
    if (change == nullptr) return InvalidArgumentError("list " + path + " holds a non-object");
    // A whole-list directive: [{"$patch": "replace"}, ...] replaces the list with the rest.
    if (const json::value* directive = change->if_contains("$patch");
        directive && !change->contains(*key) && *directive == "replace") {
      json::array replaced;
      for (const json::value& e : patch) {
        if (const json::object* o = e.if_object(); o && o->contains("$patch")) continue;
        replaced.push_back(e);
      }
      return json::value(std::move(replaced));
    }
    const json::value* id = change->if_contains(*key);
    if (id == nullptr) return InvalidArgumentError("list " + path + " element lacks its merge key "" + *key + """);
    auto existing = std::find_if(merged.begin(), merged.end(), [&](const json::value& e) {
      const json::object* o = e.if_object();
      return o != nullptr && o->contains(*key) && o->at(*key) == *id;
    });
    const json::value* directive = change->if_contains("$patch");
    if (directive != nullptr && *directive == "delete") {
      if (existing != merged.end()) merged.erase(existing);
      continue;
    }
    if (existing == merged.end()) {
      KREF_ASSIGN_OR_RETURN(json::value added, MergeStrategic(json::object(), element, element_schema, path));
      merged.push_back(std::move(added));
    } else {
      KREF_ASSIGN_OR_RETURN(*existing, MergeStrategic(std::move(*existing), element, element_schema, path));
    }
  }
  return json::value(std::move(merged));
}

Result<json::value> MergeStrategic(json::value target, const json::value& patch, const TypeSchema* schema,
                                   const std::string& path) {
  const json::object* changes = patch.if_object();
  if (changes == nullptr) return patch;
  if (const json::value* directive = changes->if_contains("$patch")) {
    if (*directive == "delete") return json::value();  // the caller drops null
    if (*directive == "replace") {
      json::object replaced;
      for (const auto& [k, v] : *changes) {
        if (k != "$patch") replaced[k] = v;
      }
      return json::value(std::move(replaced));
    }
    if (*directive != "merge") return InvalidArgumentError("unknown patch directive " + json::serialize(*directive));
  }
  if (!target.is_object()) target = json::object();
  json::object& object = target.as_object();
  for (const auto& [key, value] : *changes) {
    if (key == "$patch" || key == "$retainKeys" || key.starts_with("$setElementOrder/")) continue;
    if (key.starts_with("$deleteFromPrimitiveList/")) {
      std::string field(key.substr(std::string_view("$deleteFromPrimitiveList/").size()));
      if (json::value* list = object.if_contains(field); list && list->is_array() && value.is_array()) {
        json::array& items = list->as_array();
        for (const json::value& gone : value.as_array()) {
          items.erase(std::remove(items.begin(), items.end(), gone), items.end());
        }
      }
      continue;
    }
    if (value.is_null()) {
      object.erase(key);
      continue;
    }
    std::string child = Child(path, key);
    PatchStrategy strategy = schema != nullptr && schema->kind == TypeSchema::Kind::kStruct
                                 ? api::PatchStrategyOf(*schema, key)
                                 : PatchStrategy();
    json::value current = object.contains(key) ? std::move(object[key]) : json::value();
    json::value merged;
    if (value.is_array()) {
      KREF_ASSIGN_OR_RETURN(merged, MergeList(std::move(current), value.as_array(), ChildSchema(schema, key),
                                              strategy, child));
    } else if (strategy.replace) {
      merged = value;
    } else {
      KREF_ASSIGN_OR_RETURN(merged, MergeStrategic(std::move(current), value, ChildSchema(schema, key), child));
    }
    if (merged.is_null()) {
      object.erase(key);
    } else {
      object[key] = std::move(merged);
    }
  }
  // $retainKeys: keys of this map that are not listed are cleared.
  if (const json::value* retain = changes->if_contains("$retainKeys"); retain && retain->is_array()) {
    for (auto it = object.begin(); it != object.end();) {
      bool keep = std::any_of(retain->as_array().begin(), retain->as_array().end(),
                              [&](const json::value& k) { return k.is_string() && k.as_string() == it->key(); });
      it = keep ? std::next(it) : object.erase(it);
    }
  }
  return target;
}

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

Result<json::value> StrategicMergePatch(json::value target, const json::value& patch, const api::TypeSchema* schema) {
  if (!patch.is_object()) return InvalidArgumentError("a strategic merge patch must be a JSON object");
  return MergeStrategic(std::move(target), patch, schema, "");
}

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
