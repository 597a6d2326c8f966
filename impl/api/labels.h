// Label selectors (k8s.io/apimachinery/pkg/labels): the string grammar used by `-l` and
// `labelSelector=`, LabelSelector objects, printing and matching, with upstream's semantics and
// error messages.
//
//   <selector>    ::= <requirement> | <requirement> "," <selector>
//   <requirement> ::= [!] KEY [ ("in" | "notin") "(" VALUE {"," VALUE} ")"
//                             | ("=" | "==" | "!=" | ">" | "<") VALUE ]
//
// Thread safety: value types.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/meta/types.h"
#include "impl/common/result.h"

namespace kref::api::labels {

using Set = std::map<std::string, std::string>;

enum class Operator {
  kEquals,        // =
  kDoubleEquals,  // ==
  kNotEquals,     // !=
  kIn,            // in
  kNotIn,         // notin
  kExists,        // key
  kDoesNotExist,  // !key
  kGreaterThan,   // >
  kLessThan,      // <
};

struct Requirement {
  std::string key;
  Operator op = Operator::kExists;
  std::vector<std::string> values;

  // Validates as upstream's NewRequirement (key format, value count and format per operator).
  // Errors are InvalidArgument with upstream's aggregated field-error text.
  static Result<Requirement> Make(std::string key, Operator op, std::vector<std::string> values);

  bool Matches(const Set& labels) const;
  // "key", "!key", "key=v", "key in (a,b)" (values sorted).
  std::string ToString() const;
  bool operator==(const Requirement&) const = default;
};

class Selector {
 public:
  // Matches everything (the empty selector).
  Selector() = default;
  static Selector Everything() { return Selector(); }
  // Matches nothing (a nil LabelSelector).
  static Selector Nothing();

  // Parses the string grammar. Requirements are kept sorted by key.
  static Result<Selector> Parse(std::string_view text);
  // metav1.LabelSelectorAsSelector: null -> Nothing, empty -> Everything.
  static Result<Selector> FromLabelSelector(const std::optional<meta::LabelSelector>& selector);
  static Result<Selector> FromLabelSelector(const meta::LabelSelector& selector);
  // key=value for every entry (no validation), e.g. a ReplicationController's selector.
  static Selector FromSet(const Set& set);

  bool Matches(const Set& labels) const;
  bool Empty() const { return !nothing_ && requirements_.empty(); }
  bool MatchesNothing() const { return nothing_; }
  // The value `key` must have when the selector pins it with = / == / a one-value in.
  std::optional<std::string> RequiresExactMatch(std::string_view key) const;
  const std::vector<Requirement>& requirements() const { return requirements_; }
  // Requirements joined by ",", in key order; "" for Everything and Nothing.
  std::string ToString() const;

 private:
  std::vector<Requirement> requirements_;
  bool nothing_ = false;
};

}  // namespace kref::api::labels
