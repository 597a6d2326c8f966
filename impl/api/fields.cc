#include "impl/api/fields.h"

#include <algorithm>

namespace kref::api::fields {
namespace {

std::vector<std::string_view> SplitTerms(std::string_view s) {
  std::vector<std::string_view> terms;
  if (s.empty()) return terms;
  size_t start = 0;
  bool in_slash = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (in_slash) {
      in_slash = false;
    } else if (s[i] == '\\') {
      in_slash = true;
    } else if (s[i] == ',') {
      terms.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  terms.push_back(s.substr(start));
  return terms;
}

}  // namespace

std::string EscapeValue(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == ',' || c == '=') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

Result<std::string> UnescapeValue(std::string_view value) {
  std::string out;
  bool in_slash = false;
  for (char c : value) {
    if (in_slash) {
      if (c != '\\' && c != ',' && c != '=') {
        return InvalidArgumentError(
            std::string("invalid field selector: invalid escape sequence: \\") + c);
      }
      out.push_back(c);
      in_slash = false;
    } else if (c == '\\') {
      in_slash = true;
    } else if (c == ',' || c == '=') {
      return InvalidArgumentError("invalid field selector: unescaped character in value: " +
                                  std::to_string(static_cast<int>(c)));
    } else {
      out.push_back(c);
    }
  }
  if (in_slash) return InvalidArgumentError("invalid field selector: invalid escape sequence: \\");
  return out;
}

Result<Selector> Selector::Parse(std::string_view text) {
  std::vector<std::string_view> parts = SplitTerms(text);
  std::sort(parts.begin(), parts.end());
  Selector selector;
  for (std::string_view part : parts) {
    if (part.empty()) continue;
    size_t at = std::string_view::npos;
    size_t op_length = 0;
    bool equals = true;
    for (size_t i = 0; i < part.size(); ++i) {
      if (part.substr(i, 2) == "!=") {
        at = i, op_length = 2, equals = false;
      } else if (part.substr(i, 2) == "==") {
        at = i, op_length = 2;
      } else if (part[i] == '=') {
        at = i, op_length = 1;
      } else {
        continue;
      }
      break;
    }
    if (at == std::string_view::npos) {
      return InvalidArgumentError("invalid selector: '" + std::string(text) +
                                  "'; can't understand '" + std::string(part) + "'");
    }
    KREF_ASSIGN_OR_RETURN(std::string value, UnescapeValue(part.substr(at + op_length)));
    selector.terms_.push_back({std::string(part.substr(0, at)), std::move(value), equals});
  }
  return selector;
}

Selector Selector::OneTermEqual(std::string field, std::string value) {
  Selector selector;
  selector.terms_.push_back({std::move(field), std::move(value), true});
  return selector;
}

bool Selector::Matches(const Set& fields) const {
  for (const Term& term : terms_) {
    auto it = fields.find(term.field);
    std::string_view actual =
        it == fields.end() ? std::string_view() : std::string_view(it->second);
    if ((actual == term.value) != term.equals) return false;
  }
  return true;
}

std::optional<std::string> Selector::RequiresExactMatch(std::string_view field) const {
  for (const Term& term : terms_) {
    if (term.field == field && term.equals) return term.value;
  }
  return std::nullopt;
}

std::string Selector::ToString() const {
  std::vector<std::string> parts;
  for (const Term& term : terms_) {
    parts.push_back(term.field + (term.equals ? "=" : "!=") + EscapeValue(term.value));
  }
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += ",";
    out += parts[i];
  }
  return out;
}

}  // namespace kref::api::fields
