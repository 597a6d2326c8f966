// Field selectors (k8s.io/apimachinery/pkg/fields): `fieldSelector=metadata.name=web,
// status.phase!=Running`, with upstream's parsing, escaping (\, \= \\ in values), printing and
// matching over a set of field values.
//
// Thread safety: value types.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "impl/common/result.h"

namespace kref::api::fields {

using Set = std::map<std::string, std::string>;

struct Term {
  std::string field;
  std::string value;
  bool equals = true;  // false for !=
  bool operator==(const Term&) const = default;
};

class Selector {
 public:
  // Matches everything.
  Selector() = default;

  // Errors (InvalidArgument) as upstream: "invalid selector: '<s>'; can't understand '<term>'",
  // "invalid field selector: invalid escape sequence: \x", "invalid field selector: unescaped
  // character in value: 44".
  static Result<Selector> Parse(std::string_view text);
  static Selector OneTermEqual(std::string field, std::string value);

  // A field missing from `fields` has the empty value, as upstream.
  bool Matches(const Set& fields) const;
  bool Empty() const { return terms_.empty(); }
  // The value `field` must equal, when the selector pins it.
  std::optional<std::string> RequiresExactMatch(std::string_view field) const;
  const std::vector<Term>& terms() const { return terms_; }
  // Terms sorted and joined by ",", values escaped: "metadata.name=web,spec.nodeName!=".
  std::string ToString() const;

 private:
  std::vector<Term> terms_;
};

// Escapes \, "," and "=" in a field selector value.
std::string EscapeValue(std::string_view value);
Result<std::string> UnescapeValue(std::string_view value);

}  // namespace kref::api::fields
