// The string format checks of k8s.io/apimachinery/pkg/util/validation, as of v1.32. Each
// returns the list of problems (empty when valid), worded exactly as upstream.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kref::api::validation {

using Problems = std::vector<std::string>;

// [prefix/]name, prefix a DNS-1123 subdomain, name <= 63 of [A-Za-z0-9-_.] starting and ending
// alphanumeric: label keys, annotation keys, finalizers.
Problems IsQualifiedName(std::string_view value);
// Empty, or <= 63 of [A-Za-z0-9-_.] starting and ending alphanumeric.
Problems IsValidLabelValue(std::string_view value);
// [a-z0-9]([-a-z0-9]*[a-z0-9])?, <= 63.
Problems IsDNS1123Label(std::string_view value);
// Dot-separated DNS-1123 labels, <= 253.
Problems IsDNS1123Subdomain(std::string_view value);
// [a-z]([-a-z0-9]*[a-z0-9])?, <= 63.
Problems IsDNS1035Label(std::string_view value);
// [A-Za-z_][A-Za-z0-9_]*.
Problems IsCIdentifier(std::string_view value);
// [-._a-zA-Z][-._a-zA-Z0-9]*, not "." or "..", not starting with "..".
Problems IsEnvVarName(std::string_view value);
// [-._a-zA-Z0-9]+, <= 253, not "." or "..", not starting with "..".
Problems IsConfigMapKey(std::string_view value);
// 1..65535.
Problems IsValidPortNum(int64_t port);
// An IANA service name: <= 15 of [-a-z0-9], a letter, no "--", no hyphen at either end.
Problems IsValidPortName(std::string_view value);
Problems IsInRange(int64_t value, int64_t min, int64_t max);
// [-A-Za-z0-9]+.
Problems IsHTTPHeaderName(std::string_view value);
// [0-9]+%.
Problems IsValidPercent(std::string_view value);
// IPv4 dotted quad or IPv6 text form.
bool IsIPv4(std::string_view value);
bool IsIPv6(std::string_view value);
Problems IsValidIP(std::string_view value);
// "<ip>/<prefix length>".
Problems IsValidCIDR(std::string_view value);

// Helpers for composing messages, as upstream.
std::string MaxLenError(int64_t length);
std::string RegexError(std::string_view message, std::string_view regex,
                       std::initializer_list<std::string_view> examples);
std::string InclusiveRangeError(int64_t lo, int64_t hi);
std::string JoinProblems(const Problems& problems, std::string_view separator = "; ");

}  // namespace kref::api::validation
