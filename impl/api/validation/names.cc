#include "impl/api/validation/names.h"

#include <arpa/inet.h>

#include <charconv>

namespace kref::api::validation {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsLower(c) || IsUpper(c) || IsDigit(c); }

// ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]
bool MatchesQualifiedNamePart(std::string_view s) {
  if (s.empty() || !IsAlnum(s.front()) || !IsAlnum(s.back())) return false;
  for (char c : s) {
    if (!IsAlnum(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool MatchesDNS1123Label(std::string_view s) {
  if (s.empty()) return false;
  auto edge = [](char c) { return IsLower(c) || IsDigit(c); };
  if (!edge(s.front()) || !edge(s.back())) return false;
  for (char c : s) {
    if (!edge(c) && c != '-') return false;
  }
  return true;
}

bool MatchesDNS1123Subdomain(std::string_view s) {
  size_t start = 0;
  while (true) {
    size_t dot = s.find('.', start);
    std::string_view part = s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
    if (!MatchesDNS1123Label(part)) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

constexpr std::string_view kQualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
constexpr std::string_view kQualifiedNameErrMsg =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    "alphanumeric character";
constexpr std::string_view kDNS1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
constexpr std::string_view kDNS1123SubdomainFmt =
    "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

Problems ChDirPrefix(std::string_view value) {
  if (value == ".") return {"must not be '.'"};
  if (value == "..") return {"must not be '..'"};
  if (value.substr(0, 2) == "..") return {"must not start with '..'"};
  return {};
}

}  // namespace

std::string MaxLenError(int64_t length) {
  return "must be no more than " + std::to_string(length) + " characters";
}

std::string RegexError(std::string_view message, std::string_view regex,
                       std::initializer_list<std::string_view> examples) {
  std::string out(message);
  if (examples.size() == 0)
    return out + " (regex used for validation is '" + std::string(regex) + "')";
  out += " (e.g. ";
  bool first = true;
  for (std::string_view example : examples) {
    if (!first) out += " or ";
    first = false;
    out += "'" + std::string(example) + "', ";
  }
  out += "regex used for validation is '" + std::string(regex) + "')";
  return out;
}

std::string InclusiveRangeError(int64_t lo, int64_t hi) {
  return "must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", inclusive";
}

std::string JoinProblems(const Problems& problems, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < problems.size(); ++i) {
    if (i > 0) out += separator;
    out += problems[i];
  }
  return out;
}

Problems IsQualifiedName(std::string_view value) {
  Problems problems;
  std::string_view name = value;
  size_t slash = value.find('/');
  if (slash != std::string_view::npos) {
    if (value.find('/', slash + 1) != std::string_view::npos) {
      return {
          "a qualified name " +
          RegexError(kQualifiedNameErrMsg, kQualifiedNameFmt, {"MyName", "my.name", "123-abc"}) +
          " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"};
    }
    std::string_view prefix = value.substr(0, slash);
    name = value.substr(slash + 1);
    if (prefix.empty()) {
      problems.push_back("prefix part must be non-empty");
    } else {
      for (const std::string& p : IsDNS1123Subdomain(prefix))
        problems.push_back("prefix part " + p);
    }
  }
  if (name.empty()) {
    problems.push_back("name part must be non-empty");
  } else if (name.size() > 63) {
    problems.push_back("name part " + MaxLenError(63));
  }
  if (!MatchesQualifiedNamePart(name)) {
    problems.push_back("name part " + RegexError(kQualifiedNameErrMsg, kQualifiedNameFmt,
                                                 {"MyName", "my.name", "123-abc"}));
  }
  return problems;
}

Problems IsValidLabelValue(std::string_view value) {
  Problems problems;
  if (value.size() > 63) problems.push_back(MaxLenError(63));
  if (!value.empty() && !MatchesQualifiedNamePart(value)) {
    problems.push_back(RegexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
        "'.', and must start and end with an alphanumeric character",
        "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?", {"MyValue", "my_value", "12345"}));
  }
  return problems;
}

Problems IsDNS1123Label(std::string_view value) {
  Problems problems;
  if (value.size() > 63) problems.push_back(MaxLenError(63));
  if (!MatchesDNS1123Label(value)) {
    if (MatchesDNS1123Subdomain(value)) {
      problems.push_back("must not contain dots");
    } else {
      problems.push_back(RegexError(
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
          "and must start and end with an alphanumeric character",
          kDNS1123LabelFmt, {"my-name", "123-abc"}));
    }
  }
  return problems;
}

Problems IsDNS1123Subdomain(std::string_view value) {
  Problems problems;
  if (value.size() > 253) problems.push_back(MaxLenError(253));
  if (!MatchesDNS1123Subdomain(value)) {
    problems.push_back(RegexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
        "'.', and must start and end with an alphanumeric character",
        kDNS1123SubdomainFmt, {"example.com"}));
  }
  return problems;
}

Problems IsDNS1035Label(std::string_view value) {
  Problems problems;
  if (value.size() > 63) problems.push_back(MaxLenError(63));
  bool ok =
      !value.empty() && IsLower(value.front()) && (IsLower(value.back()) || IsDigit(value.back()));
  for (char c : value) ok = ok && (IsLower(c) || IsDigit(c) || c == '-');
  if (!ok) {
    problems.push_back(RegexError(
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
        "alphabetic character, and end with an alphanumeric character",
        "[a-z]([-a-z0-9]*[a-z0-9])?", {"my-name", "abc-123"}));
  }
  return problems;
}

Problems IsCIdentifier(std::string_view value) {
  bool ok = !value.empty() && !IsDigit(value.front());
  for (char c : value) ok = ok && (IsAlnum(c) || c == '_');
  if (ok) return {};
  return {RegexError(
      "a valid C identifier must start with alphabetic character or '_', followed by a string of "
      "alphanumeric characters or '_'",
      "[A-Za-z_][A-Za-z0-9_]*", {"my_name", "MY_NAME", "MyName"})};
}

Problems IsEnvVarName(std::string_view value) {
  Problems problems;
  bool ok = !value.empty() && !IsDigit(value.front());
  for (char c : value) ok = ok && (IsAlnum(c) || c == '-' || c == '.' || c == '_');
  if (!ok) {
    problems.push_back(RegexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', "
        "'-', or '.', and must not start with a digit",
        "[-._a-zA-Z][-._a-zA-Z0-9]*", {"my.env-name", "MY_ENV.NAME", "MyEnvName1"}));
  }
  for (std::string& p : ChDirPrefix(value)) problems.push_back(std::move(p));
  return problems;
}

Problems IsConfigMapKey(std::string_view value) {
  Problems problems;
  if (value.size() > 253) problems.push_back(MaxLenError(253));
  bool ok = !value.empty();
  for (char c : value) ok = ok && (IsAlnum(c) || c == '-' || c == '.' || c == '_');
  if (!ok) {
    problems.push_back(
        RegexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                   "[-._a-zA-Z0-9]+", {"key.name", "KEY_NAME", "key-name"}));
  }
  for (std::string& p : ChDirPrefix(value)) problems.push_back(std::move(p));
  return problems;
}

Problems IsValidPortNum(int64_t port) {
  if (port >= 1 && port <= 65535) return {};
  return {InclusiveRangeError(1, 65535)};
}

Problems IsInRange(int64_t value, int64_t min, int64_t max) {
  if (value >= min && value <= max) return {};
  return {InclusiveRangeError(min, max)};
}

Problems IsValidPortName(std::string_view value) {
  Problems problems;
  if (value.size() > 15) problems.push_back(MaxLenError(15));
  bool charset = !value.empty();
  bool letter = false;
  for (char c : value) {
    charset = charset && (IsLower(c) || IsDigit(c) || c == '-');
    letter = letter || IsLower(c);
  }
  if (!charset) {
    problems.push_back("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  }
  if (!letter) problems.push_back("must contain at least one letter (a-z)");
  if (value.find("--") != std::string_view::npos) {
    problems.push_back("must not contain consecutive hyphens");
  }
  if (!value.empty() && (value.front() == '-' || value.back() == '-')) {
    problems.push_back("must not begin or end with a hyphen");
  }
  return problems;
}

Problems IsHTTPHeaderName(std::string_view value) {
  bool ok = !value.empty();
  for (char c : value) ok = ok && (IsAlnum(c) || c == '-');
  if (ok) return {};
  return {RegexError("a valid HTTP header must consist of alphanumeric characters or '-'",
                     "[-A-Za-z0-9]+", {"X-Header-Name"})};
}

Problems IsValidPercent(std::string_view value) {
  bool ok = value.size() >= 2 && value.back() == '%';
  for (size_t i = 0; ok && i + 1 < value.size(); ++i) ok = IsDigit(value[i]);
  if (ok) return {};
  return {RegexError("a valid percent string must be a numeric string followed by an ending '%'",
                     "[0-9]+%", {"1%", "93%"})};
}

bool IsIPv4(std::string_view value) {
  // Dotted quad without leading zeros, as Go's netip parser accepts.
  int parts = 0;
  size_t i = 0;
  while (true) {
    size_t start = i;
    int octet = 0;
    while (i < value.size() && IsDigit(value[i]) && i - start < 3)
      octet = octet * 10 + (value[i++] - '0');
    size_t length = i - start;
    if (length == 0 || octet > 255 || (length > 1 && value[start] == '0')) return false;
    ++parts;
    if (i == value.size()) return parts == 4;
    if (value[i] != '.' || parts == 4) return false;
    ++i;
  }
}

bool IsIPv6(std::string_view value) {
  if (value.find(':') == std::string_view::npos || value.size() > 45) return false;
  std::string text(value);
  unsigned char buffer[16];
  return inet_pton(AF_INET6, text.c_str(), buffer) == 1;
}

Problems IsValidIP(std::string_view value) {
  if (IsIPv4(value) || IsIPv6(value)) return {};
  return {"must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"};
}

Problems IsValidCIDR(std::string_view value) {
  size_t slash = value.find('/');
  if (slash != std::string_view::npos) {
    std::string_view ip = value.substr(0, slash);
    std::string_view bits = value.substr(slash + 1);
    int prefix = -1;
    auto [ptr, ec] = std::from_chars(bits.data(), bits.data() + bits.size(), prefix);
    bool number = ec == std::errc() && ptr == bits.data() + bits.size() && !bits.empty();
    if (number && IsIPv4(ip) && prefix >= 0 && prefix <= 32) return {};
    if (number && IsIPv6(ip) && prefix >= 0 && prefix <= 128) return {};
  }
  return {"must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"};
}

}  // namespace kref::api::validation
