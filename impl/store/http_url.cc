#include "impl/store/http_url.h"

#include <boost/url/parse.hpp>

namespace kref::store {

Result<HttpUrl> ParseHttpUrl(const std::string& url, std::string_view what) {
  std::string named = std::string(what) + " " + url;
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed.has_value()) {
    return InvalidArgumentError(named + " is not a URL: " + parsed.error().message());
  }
  if (parsed->scheme() != "http") {
    return InvalidArgumentError(named + " must use http (TLS is not supported yet)");
  }
  if (parsed->host().empty() || !parsed->has_port() || parsed->port().empty()) {
    return InvalidArgumentError(named + " needs a host and a port");
  }
  return HttpUrl{parsed->host(), parsed->port(), std::string(parsed->encoded_host_and_port())};
}

}  // namespace kref::store
