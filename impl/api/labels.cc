#include "impl/api/labels.h"

#include <algorithm>
#include <charconv>

#include "impl/api/validation/field_error.h"
#include "impl/api/validation/names.h"

namespace kref::api::labels {
namespace {

using validation::FieldError;
using validation::FieldErrors;

// Upstream's selector errors carry an empty field path, which Go prints as "<nil>".
const validation::Path kNilPath("<nil>");

bool ParseInt64(std::string_view s, int64_t& out) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
}

std::string Aggregate(const FieldErrors& errors) {
  if (errors.size() == 1) return errors[0].ToString();
  std::string out = "[";
  for (size_t i = 0; i < errors.size(); ++i) {
    if (i > 0) out += ", ";
    out += errors[i].ToString();
  }
  return out + "]";
}

std::optional<FieldError> ValidateKey(const std::string& key, const validation::Path& path) {
  validation::Problems problems = validation::IsQualifiedName(key);
  if (problems.empty()) return std::nullopt;
  return validation::Invalid(path, key, validation::JoinProblems(problems));
}

// ---- The lexer and parser of the string grammar, token for token as upstream. ----

enum class Token {
  kError,
  kEnd,
  kClosedPar,
  kComma,
  kDoesNotExist,
  kDoubleEquals,
  kEquals,
  kGreaterThan,
  kIdentifier,
  kIn,
  kLessThan,
  kNotEquals,
  kNotIn,
  kOpenPar,
};

struct Item {
  Token token;
  std::string literal;
};

std::optional<Token> KeywordToken(std::string_view s) {
  static const std::pair<std::string_view, Token> kTokens[] = {
      {")", Token::kClosedPar},     {",", Token::kComma},    {"!", Token::kDoesNotExist},
      {"==", Token::kDoubleEquals}, {"=", Token::kEquals},   {">", Token::kGreaterThan},
      {"in", Token::kIn},           {"<", Token::kLessThan}, {"!=", Token::kNotEquals},
      {"notin", Token::kNotIn},     {"(", Token::kOpenPar}};
  for (const auto& [text, token] : kTokens) {
    if (text == s) return token;
  }
  return std::nullopt;
}

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsSpecial(char c) {
  return c == '=' || c == '!' || c == '(' || c == ')' || c == ',' || c == '>' || c == '<';
}

std::vector<Item> Lex(std::string_view s) {
  std::vector<Item> items;
  size_t pos = 0;
  while (true) {
    while (pos < s.size() && IsWhitespace(s[pos])) ++pos;
    if (pos >= s.size() || s[pos] == '\0') {
      items.push_back({Token::kEnd, ""});
      return items;
    }
    if (IsSpecial(s[pos])) {
      std::string buffer;
      std::optional<Item> last;
      while (pos < s.size() && IsSpecial(s[pos])) {
        buffer.push_back(s[pos]);
        if (std::optional<Token> token = KeywordToken(buffer)) {
          last = Item{*token, buffer};
          ++pos;
        } else if (last) {
          break;
        } else {
          ++pos;
        }
      }
      if (!last) {
        items.push_back({Token::kError, "error expected: keyword found '" + buffer + "'"});
      } else {
        items.push_back(*last);
      }
      continue;
    }
    size_t start = pos;
    while (pos < s.size() && s[pos] != '\0' && !IsSpecial(s[pos]) && !IsWhitespace(s[pos])) ++pos;
    std::string literal(s.substr(start, pos - start));
    std::optional<Token> token = KeywordToken(literal);
    items.push_back({token.value_or(Token::kIdentifier), literal});
  }
}

class Parser {
 public:
  explicit Parser(std::vector<Item> items) : items_(std::move(items)) {}

  Result<std::vector<Requirement>> Parse() {
    std::vector<Requirement> requirements;
    while (true) {
      auto [token, literal] = Lookahead(true);
      switch (token) {
        case Token::kIdentifier:
        case Token::kDoesNotExist: {
          Result<Requirement> r = ParseRequirement();
          if (!r) {
            return InvalidArgumentError("unable to parse requirement: " + r.error().message());
          }
          requirements.push_back(std::move(*r));
          auto [next, next_literal] = Consume(true);
          if (next == Token::kEnd) return requirements;
          if (next == Token::kComma) {
            auto [after, after_literal] = Lookahead(true);
            if (after != Token::kIdentifier && after != Token::kDoesNotExist) {
              return InvalidArgumentError("found '" + after_literal +
                                          "', expected: identifier after ','");
            }
            break;
          }
          return InvalidArgumentError("found '" + next_literal +
                                      "', expected: ',' or 'end of string'");
        }
        case Token::kEnd:
          return requirements;
        default:
          return InvalidArgumentError("found '" + literal +
                                      "', expected: !, identifier, or 'end of string'");
      }
    }
  }

 private:
  // In value context the keywords "in" and "notin" are plain identifiers.
  Item Lookahead(bool values) const {
    Item item = items_[position_];
    if (values && (item.token == Token::kIn || item.token == Token::kNotIn)) {
      item.token = Token::kIdentifier;
    }
    return item;
  }
  Item Consume(bool values) {
    Item item = Lookahead(values);
    ++position_;
    return item;
  }

  Result<Requirement> ParseRequirement() {
    std::optional<Operator> op;
    Item item = Consume(true);
    if (item.token == Token::kDoesNotExist) {
      op = Operator::kDoesNotExist;
      item = Consume(true);
    }
    if (item.token != Token::kIdentifier) {
      return InvalidArgumentError("found '" + item.literal + "', expected: identifier");
    }
    std::string key = item.literal;
    if (auto error = ValidateKey(key, kNilPath)) return InvalidArgumentError(error->ToString());
    Token next = Lookahead(true).token;
    if (next == Token::kEnd || next == Token::kComma) {
      if (!op) op = Operator::kExists;
    }
    if (op == Operator::kExists || op == Operator::kDoesNotExist) {
      return Requirement::Make(key, *op, {});
    }
    auto [op_token, op_literal] = Consume(false);
    switch (op_token) {
      case Token::kIn:
        op = Operator::kIn;
        break;
      case Token::kEquals:
        op = Operator::kEquals;
        break;
      case Token::kDoubleEquals:
        op = Operator::kDoubleEquals;
        break;
      case Token::kGreaterThan:
        op = Operator::kGreaterThan;
        break;
      case Token::kLessThan:
        op = Operator::kLessThan;
        break;
      case Token::kNotIn:
        op = Operator::kNotIn;
        break;
      case Token::kNotEquals:
        op = Operator::kNotEquals;
        break;
      default:
        return InvalidArgumentError("found '" + op_literal +
                                    "', expected: in, notin, =, ==, !=, gt, lt");
    }
    std::vector<std::string> values;
    if (op == Operator::kIn || op == Operator::kNotIn) {
      KREF_ASSIGN_OR_RETURN(values, ParseValues());
    } else {
      KREF_ASSIGN_OR_RETURN(values, ParseExactValue());
    }
    return Requirement::Make(key, *op, std::move(values));
  }

  Result<std::vector<std::string>> ParseValues() {
    auto [token, literal] = Consume(true);
    if (token != Token::kOpenPar)
      return InvalidArgumentError("found '" + literal + "' expected: '('");
    auto [next, next_literal] = Lookahead(true);
    switch (next) {
      case Token::kIdentifier:
      case Token::kComma: {
        KREF_ASSIGN_OR_RETURN(auto values, ParseIdentifiers());
        if (Consume(true).token != Token::kClosedPar) {
          return InvalidArgumentError("found '" + next_literal + "', expected: ')'");
        }
        return values;
      }
      case Token::kClosedPar:
        Consume(true);
        return std::vector<std::string>{""};
      default:
        return InvalidArgumentError("found '" + next_literal +
                                    "', expected: ',', ')' or identifier");
    }
  }

  Result<std::vector<std::string>> ParseIdentifiers() {
    std::vector<std::string> values;
    auto insert = [&](std::string v) {
      if (std::find(values.begin(), values.end(), v) == values.end())
        values.push_back(std::move(v));
    };
    while (true) {
      auto [token, literal] = Consume(true);
      if (token == Token::kIdentifier) {
        insert(literal);
        auto [next, next_literal] = Lookahead(true);
        if (next == Token::kComma) continue;
        if (next == Token::kClosedPar) return values;
        return InvalidArgumentError("found '" + next_literal + "', expected: ',' or ')'");
      }
      if (token == Token::kComma) {
        if (values.empty()) insert("");
        Token next = Lookahead(true).token;
        if (next == Token::kClosedPar) {
          insert("");
          return values;
        }
        if (next == Token::kComma) insert("");
        continue;
      }
      return InvalidArgumentError("found '" + literal + "', expected: ',', or identifier");
    }
  }

  Result<std::vector<std::string>> ParseExactValue() {
    Token next = Lookahead(true).token;
    if (next == Token::kEnd || next == Token::kComma) return std::vector<std::string>{""};
    auto [token, literal] = Consume(true);
    if (token == Token::kIdentifier) return std::vector<std::string>{literal};
    return InvalidArgumentError("found '" + literal + "', expected: identifier");
  }

  std::vector<Item> items_;
  size_t position_ = 0;
};

void SortByKey(std::vector<Requirement>& requirements) {
  std::stable_sort(requirements.begin(), requirements.end(),
                   [](const Requirement& a, const Requirement& b) { return a.key < b.key; });
}

}  // namespace

Result<Requirement> Requirement::Make(std::string key, Operator op,
                                      std::vector<std::string> values) {
  FieldErrors errors;
  if (auto error = ValidateKey(key, validation::Path("key"))) errors.push_back(*error);
  validation::Path values_path("values");
  switch (op) {
    case Operator::kIn:
    case Operator::kNotIn:
      if (values.empty()) {
        errors.push_back(validation::Invalid(
            values_path, values, "for 'in', 'notin' operators, values set can't be empty"));
      }
      break;
    case Operator::kEquals:
    case Operator::kDoubleEquals:
    case Operator::kNotEquals:
      if (values.size() != 1) {
        errors.push_back(validation::Invalid(
            values_path, values, "exact-match compatibility requires one single value"));
      }
      break;
    case Operator::kExists:
    case Operator::kDoesNotExist:
      if (!values.empty()) {
        errors.push_back(validation::Invalid(
            values_path, values, "values set must be empty for exists and does not exist"));
      }
      break;
    case Operator::kGreaterThan:
    case Operator::kLessThan:
      if (values.size() != 1) {
        errors.push_back(validation::Invalid(
            values_path, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      }
      for (size_t i = 0; i < values.size(); ++i) {
        int64_t ignored;
        if (!ParseInt64(values[i], ignored)) {
          errors.push_back(
              validation::Invalid(values_path.Index(i), values[i],
                                  "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      }
      break;
  }
  for (size_t i = 0; i < values.size(); ++i) {
    validation::Problems problems = validation::IsValidLabelValue(values[i]);
    if (!problems.empty()) {
      errors.push_back(validation::Invalid(values_path.Index(i).Key(key), values[i],
                                           validation::JoinProblems(problems)));
    }
  }
  if (!errors.empty()) return InvalidArgumentError(Aggregate(errors));
  return Requirement{std::move(key), op, std::move(values)};
}

bool Requirement::Matches(const Set& labels) const {
  auto it = labels.find(key);
  bool has = it != labels.end();
  auto has_value = [&](const std::string& v) {
    return std::find(values.begin(), values.end(), v) != values.end();
  };
  switch (op) {
    case Operator::kIn:
    case Operator::kEquals:
    case Operator::kDoubleEquals:
      return has && has_value(it->second);
    case Operator::kNotIn:
    case Operator::kNotEquals:
      return !has || !has_value(it->second);
    case Operator::kExists:
      return has;
    case Operator::kDoesNotExist:
      return !has;
    case Operator::kGreaterThan:
    case Operator::kLessThan: {
      int64_t label_value, bound;
      if (!has || values.size() != 1 || !ParseInt64(it->second, label_value) ||
          !ParseInt64(values[0], bound)) {
        return false;
      }
      return op == Operator::kGreaterThan ? label_value > bound : label_value < bound;
    }
  }
  return false;
}

std::string Requirement::ToString() const {
  std::string out;
  if (op == Operator::kDoesNotExist) out += "!";
  out += key;
  switch (op) {
    case Operator::kEquals:
      out += "=";
      break;
    case Operator::kDoubleEquals:
      out += "==";
      break;
    case Operator::kNotEquals:
      out += "!=";
      break;
    case Operator::kIn:
      out += " in ";
      break;
    case Operator::kNotIn:
      out += " notin ";
      break;
    case Operator::kGreaterThan:
      out += ">";
      break;
    case Operator::kLessThan:
      out += "<";
      break;
    case Operator::kExists:
    case Operator::kDoesNotExist:
      return out;
  }
  bool set = op == Operator::kIn || op == Operator::kNotIn;
  if (set) out += "(";
  std::vector<std::string> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i) {
    if (i > 0) out += ",";
    out += sorted[i];
  }
  if (set) out += ")";
  return out;
}

Selector Selector::Nothing() {
  Selector s;
  s.nothing_ = true;
  return s;
}

Result<Selector> Selector::Parse(std::string_view text) {
  Parser parser(Lex(text));
  KREF_ASSIGN_OR_RETURN(std::vector<Requirement> requirements, parser.Parse());
  for (Requirement& r : requirements) std::sort(r.values.begin(), r.values.end());
  SortByKey(requirements);
  Selector s;
  s.requirements_ = std::move(requirements);
  return s;
}

Result<Selector> Selector::FromLabelSelector(const std::optional<meta::LabelSelector>& selector) {
  if (!selector) return Nothing();
  return FromLabelSelector(*selector);
}

Result<Selector> Selector::FromLabelSelector(const meta::LabelSelector& selector) {
  Selector s;
  for (const auto& [key, value] : selector.matchLabels) {
    KREF_ASSIGN_OR_RETURN(Requirement r, Requirement::Make(key, Operator::kEquals, {value}));
    s.requirements_.push_back(std::move(r));
  }
  for (const meta::LabelSelectorRequirement& expression : selector.matchExpressions) {
    Operator op;
    if (expression.operator_ == "In") {
      op = Operator::kIn;
    } else if (expression.operator_ == "NotIn") {
      op = Operator::kNotIn;
    } else if (expression.operator_ == "Exists") {
      op = Operator::kExists;
    } else if (expression.operator_ == "DoesNotExist") {
      op = Operator::kDoesNotExist;
    } else {
      return InvalidArgumentError(validation::GoQuote(expression.operator_) +
                                  " is not a valid label selector operator");
    }
    KREF_ASSIGN_OR_RETURN(Requirement r, Requirement::Make(expression.key, op, expression.values));
    s.requirements_.push_back(std::move(r));
  }
  SortByKey(s.requirements_);
  return s;
}

Selector Selector::FromSet(const Set& set) {
  Selector s;
  for (const auto& [key, value] : set) s.requirements_.push_back({key, Operator::kEquals, {value}});
  return s;
}

bool Selector::Matches(const Set& labels) const {
  if (nothing_) return false;
  for (const Requirement& r : requirements_) {
    if (!r.Matches(labels)) return false;
  }
  return true;
}

std::optional<std::string> Selector::RequiresExactMatch(std::string_view key) const {
  for (const Requirement& r : requirements_) {
    if (r.key != key) continue;
    bool exact =
        r.op == Operator::kEquals || r.op == Operator::kDoubleEquals || r.op == Operator::kIn;
    if (exact && r.values.size() == 1) return r.values[0];
    return std::nullopt;
  }
  return std::nullopt;
}

std::string Selector::ToString() const {
  std::string out;
  for (size_t i = 0; i < requirements_.size(); ++i) {
    if (i > 0) out += ",";
    out += requirements_[i].ToString();
  }
  return out;
}

}  // namespace kref::api::labels
