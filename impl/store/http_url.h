// URLs of etcd's flags and clients (--listen-client-urls, --endpoints): http://host:port only.
#pragma once

#include <string>
#include <string_view>

#include "impl/common/result.h"

namespace kref::store {

struct HttpUrl {
  std::string host;           // as written; an IPv6 literal keeps its brackets
  std::string port;
  std::string host_and_port;  // "host:port", ready for gRPC
};

// Splits "http://host:port[/]". InvalidArgument otherwise, naming the URL as `what` ("listen
// URL", "etcd endpoint"): "<what> <url> is not a URL: ...", "... must use http (TLS is not
// supported yet)", "... needs a host and a port".
Result<HttpUrl> ParseHttpUrl(const std::string& url, std::string_view what);

}  // namespace kref::store
