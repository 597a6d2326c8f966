#include "impl/client/retry_watch.h"

#include <boost/json.hpp>

#include "impl/common/clock.h"

namespace kref::client {

namespace json = boost::json;

namespace {

constexpr std::chrono::milliseconds kFirstBackoff{100};
constexpr std::chrono::milliseconds kMaxBackoff{10000};

std::string VersionOf(const json::value& object) {
  const json::value* meta = object.is_object() ? object.as_object().if_contains("metadata") : nullptr;
  const json::value* version = meta != nullptr && meta->is_object() ? meta->as_object().if_contains("resourceVersion") : nullptr;
  return version != nullptr && version->is_string() ? std::string(version->as_string()) : std::string();
}

}  // namespace

Status RetryWatch(RestClient& client, const std::string& path, std::string resource_version,
                  const std::function<bool(const json::value& event)>& on_event, std::stop_token stop) {
  if (resource_version.empty() || resource_version == "0") {
    return InvalidArgumentError("a retry watch needs a resourceVersion to resume from");
  }
  std::chrono::milliseconds backoff = kFirstBackoff;
  std::string separator = path.find('?') == std::string::npos ? "?" : "&";
  while (!stop.stop_requested()) {
    Status refused;
    bool caller_done = false;
    bool delivered = false;
    Status streamed = client.Watch(
        path + separator + "watch=true&allowWatchBookmarks=true&resourceVersion=" + resource_version,
        [&](json::value event) {
          const json::value* type = event.is_object() ? event.as_object().if_contains("type") : nullptr;
          const json::value* object = event.is_object() ? event.as_object().if_contains("object") : nullptr;
          if (type == nullptr || !type->is_string() || object == nullptr) {
            refused = InternalError("a watch event of " + path + " is malformed");
            return false;
          }
          if (*type == "ERROR") {
            const json::value* code = object->is_object() ? object->as_object().if_contains("code") : nullptr;
            const json::value* message = object->is_object() ? object->as_object().if_contains("message") : nullptr;
            std::string text = message != nullptr && message->is_string() ? std::string(message->as_string()) : "";
            refused = code != nullptr && code->is_int64() && code->as_int64() == 410
                          ? OutOfRangeError(text)
                          : UnavailableError("watch of " + path + " failed: " + text);
            return false;
          }
          std::string version = VersionOf(*object);
          if (!version.empty()) resource_version = version;
          delivered = true;
          if (*type == "BOOKMARK") return true;
          if (!on_event(event)) {
            caller_done = true;
            return false;
          }
          return true;
        },
        stop);
    if (caller_done || stop.stop_requested()) return Status();
    if (refused.code() == StatusCode::kOutOfRange) return refused;
    if (!refused.ok() && refused.code() != StatusCode::kUnavailable) return refused;
    if (!streamed.ok()) {
      if (streamed.code() == StatusCode::kOutOfRange) return streamed;
      if (streamed.code() != StatusCode::kUnavailable) return streamed;  // 400, 403, 404, ...
    }
    if (streamed.ok() && refused.ok()) {
      backoff = kFirstBackoff;  // ended by the server's timeout: resume at once
      continue;
    }
    if (delivered) backoff = kFirstBackoff;
    if (!SleepUnlessStopped(backoff, stop)) return Status();
    backoff = std::min(backoff * 2, kMaxBackoff);
  }
  return Status();
}

}  // namespace kref::client
