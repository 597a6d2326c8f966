// A watch that outlives its connection (client-go's RetryWatcher): it watches a collection from
// a resourceVersion and, when the stream ends (the server's timeout) or breaks (the server went
// away), watches again from the version of the last event it delivered, after a backoff (100 ms
// doubling to 10 s) if it broke. Nothing is missed and nothing is delivered twice; bookmarks
// move the version without reaching the caller.
//
//   Status s = RetryWatch(client, "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb", rv,
//                         [&](const boost::json::value& event) { ...; return true; }, stop);
//   if (s.code() == StatusCode::kOutOfRange) { /* 410: the version is gone, list again */ }
//
// Returns OK when `on_event` returns false or `stop` is requested; OutOfRange when the version
// is too old (an ERROR event or answer with 410 Expired); the server's Status for any other
// refusal (400, 403, 404, ...). Connection failures are retried until `stop`.
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <stop_token>
#include <string>

#include "impl/client/rest_client.h"
#include "impl/common/status.h"

namespace kref::client {

// `path`: the collection with any selectors ("/api/v1/pods?labelSelector=..."), without watch
// or resourceVersion. `resource_version` must not be empty or "0": a retry watch resumes exactly.
Status RetryWatch(RestClient& client, const std::string& path, std::string resource_version,
                  const std::function<bool(const boost::json::value& event)>& on_event, std::stop_token stop);

}  // namespace kref::client
