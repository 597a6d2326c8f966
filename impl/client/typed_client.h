// Typed calls for one resource (client-go's typed clientsets): objects go out and come back as
// kref's API structs instead of JSON.
//
//   TypedClient<api::core::Pod> pods(rest, "", "v1", "pods");
//   KREF_ASSIGN_OR_RETURN(api::core::Pod pod, pods.Get("default", "web-0"));
//   pod.metadata.labels["seen"] = "yes";
//   KREF_ASSIGN_OR_RETURN(pod, pods.Update(pod));  // Aborted (409 Conflict) when stale
//
// T must be a registered kind (its JSON codec and its List's are instantiated in impl/api).
// Errors are the server's Status, as RestClient returns them.
//
// Thread safety: as RestClient.
#pragma once

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/json.h"
#include "impl/api/meta/types.h"
#include "impl/client/rest_client.h"
#include "impl/common/result.h"

namespace kref::client {

// "/api/v1/namespaces/ns/pods/name/status", "/apis/apps/v1/deployments": the path of a
// collection (no name) or an object; namespace empty for all namespaces or cluster scope.
std::string ResourcePath(std::string_view group, std::string_view version, std::string_view resource,
                         std::string_view namespace_ = "", std::string_view name = "",
                         std::string_view subresource = "");

template <class T>
class TypedClient {
 public:
  TypedClient(RestClient& client, std::string group, std::string version, std::string resource)
      : client_(client), group_(std::move(group)), version_(std::move(version)), resource_(std::move(resource)) {}

  Result<T> Get(std::string_view namespace_, std::string_view name) {
    return Decode(client_.Get(Path(namespace_, name)));
  }
  // `query` without '?': "labelSelector=app%3Dweb".
  Result<std::vector<T>> List(std::string_view namespace_, std::string_view query = "") {
    std::string path = Path(namespace_, "");
    if (!query.empty()) path += "?" + std::string(query);
    KREF_ASSIGN_OR_RETURN(boost::json::value list, client_.Get(path));
    KREF_ASSIGN_OR_RETURN(api::meta::List<T> typed, api::FromJsonValue<api::meta::List<T>>(list));
    return std::move(typed.items);
  }
  Result<T> Create(const T& object) {
    return Decode(client_.Post(Path(object.metadata.namespace_, ""), Encode(object)));
  }
  // Conflicts (Aborted) when object.metadata.resourceVersion is stale.
  Result<T> Update(const T& object) {
    return Decode(client_.Put(Path(object.metadata.namespace_, object.metadata.name), Encode(object)));
  }
  Result<T> UpdateStatus(const T& object) {
    return Decode(client_.Put(Path(object.metadata.namespace_, object.metadata.name, "status"), Encode(object)));
  }
  Result<T> Patch(std::string_view namespace_, std::string_view name, const boost::json::value& patch,
                  std::string_view patch_type = "application/merge-patch+json") {
    return Decode(client_.Patch(Path(namespace_, name), patch, patch_type));
  }
  Status Delete(std::string_view namespace_, std::string_view name) {
    auto deleted = client_.Delete(Path(namespace_, name));
    return deleted.has_value() ? Status() : deleted.error();
  }

 private:
  std::string Path(std::string_view namespace_, std::string_view name, std::string_view subresource = "") const {
    return ResourcePath(group_, version_, resource_, namespace_, name, subresource);
  }
  static boost::json::value Encode(const T& object) { return boost::json::parse(api::ToJson(object)); }
  static Result<T> Decode(Result<boost::json::value> value) {
    if (!value.has_value()) return value.error();
    return api::FromJsonValue<T>(*value);
  }

  RestClient& client_;
  std::string group_, version_, resource_;
};

}  // namespace kref::client
