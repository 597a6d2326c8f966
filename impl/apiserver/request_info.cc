#include "impl/apiserver/request_info.h"

#include <vector>

namespace kref::apiserver {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}


}  // namespace

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      int hi = HexValue(text[i + 1]), lo = HexValue(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::optional<bool> QueryBool(const Query& query, std::string_view name) {
  auto it = query.find(name);
  if (it == query.end() || it->second.empty()) return std::nullopt;
  const std::string& v = it->second;
  return v == "1" || v == "t" || v == "T" || v == "TRUE" || v == "true" || v == "True";
}

Query ParseQuery(std::string_view query) {
  Query out;
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    auto key = PercentDecode(pair.substr(0, eq), true);
    auto value = PercentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
    if (!key || !value) continue;  // as Go's url.ParseQuery, a bad pair is skipped
    out.emplace(std::move(*key), std::move(*value));
  }
  return out;
}

Result<RequestInfo> ParseRequestInfo(std::string_view method, std::string_view path,
                                     const Query& query) {
  RequestInfo info;
  std::vector<std::string> parts;
  std::string_view rest = path;
  while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    auto segment = PercentDecode(rest.substr(0, slash), false);
    if (!segment || segment->empty()) return InvalidArgumentError("bad path: " + std::string(path));
    parts.push_back(std::move(*segment));
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  }
  size_t pos;
  if (parts.size() >= 3 && parts[0] == "api") {
    info.version = parts[1];
    pos = 2;
  } else if (parts.size() >= 4 && parts[0] == "apis") {
    info.group = parts[1];
    info.version = parts[2];
    pos = 3;
  } else {
    return info;  // discovery, /version, /healthz, ...: not a resource request
  }
  info.is_resource_request = true;

  if (method == "POST") {
    info.verb = "create";
  } else if (method == "GET" || method == "HEAD") {
    info.verb = "get";
  } else if (method == "PUT") {
    info.verb = "update";
  } else if (method == "PATCH") {
    info.verb = "patch";
  } else if (method == "DELETE") {
    info.verb = "delete";
  } else {
    info.verb = "";
  }
  // The deprecated /watch/ prefix: GET /api/v1/watch/namespaces/default/pods.
  if (parts[pos] == "watch") {
    info.verb = "watch";
    ++pos;
    if (pos == parts.size()) return InvalidArgumentError("bad path: " + std::string(path));
  }
  std::vector<std::string> rest_parts(parts.begin() + static_cast<ptrdiff_t>(pos), parts.end());
  if (rest_parts[0] == "namespaces" && rest_parts.size() > 1) {
    info.namespace_ = rest_parts[1];
    // /namespaces/<ns>/<resource>...; but /namespaces/<ns>/status and /finalize are the
    // namespace's own subresources.
    if (rest_parts.size() > 2 && rest_parts[2] != "status" && rest_parts[2] != "finalize") {
      rest_parts.erase(rest_parts.begin(), rest_parts.begin() + 2);
    }
  }
  if (rest_parts.size() > 3) return InvalidArgumentError("bad path: " + std::string(path));
  info.resource = rest_parts[0];
  if (rest_parts.size() >= 2) info.name = rest_parts[1];
  if (rest_parts.size() >= 3) info.subresource = rest_parts[2];
  if (info.resource == "namespaces") info.namespace_.clear();

  if (info.name.empty() && info.verb == "get") {
    info.verb = QueryBool(query, "watch").value_or(false) ? "watch" : "list";
  }
  if (info.name.empty() && info.verb == "delete") info.verb = "deletecollection";
  return info;
}

std::vector<std::vector<std::string_view>> MediaRanges(std::string_view accept) {
  auto trim = [](std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    return text;
  };
  std::vector<std::vector<std::string_view>> ranges;
  while (!accept.empty()) {
    size_t comma = accept.find(',');
    std::string_view range = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    std::vector<std::string_view> parts;
    while (!range.empty()) {
      size_t semi = range.find(';');
      parts.push_back(trim(range.substr(0, semi)));
      range = semi == std::string_view::npos ? std::string_view() : range.substr(semi + 1);
    }
    ranges.push_back(std::move(parts));
  }
  return ranges;
}

}  // namespace kref::apiserver
