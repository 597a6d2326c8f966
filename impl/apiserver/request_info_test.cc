#include "impl/apiserver/request_info.h"

#include <gtest/gtest.h>

namespace kref::apiserver {
namespace {

RequestInfo Parse(std::string_view method, std::string_view path, std::string_view query = "") {
  auto info = ParseRequestInfo(method, path, ParseQuery(query));
  EXPECT_TRUE(info.has_value()) << path;
  return info.value_or(RequestInfo{});
}

TEST(RequestInfoTest, ReadsNamespacedResourcePaths) {
  RequestInfo get = Parse("GET", "/api/v1/namespaces/default/pods/web");
  EXPECT_TRUE(get.is_resource_request);
  EXPECT_EQ(get.group, "");
  EXPECT_EQ(get.version, "v1");
  EXPECT_EQ(get.namespace_, "default");
  EXPECT_EQ(get.resource, "pods");
  EXPECT_EQ(get.name, "web");
  EXPECT_EQ(get.verb, "get");

  RequestInfo status = Parse("PUT", "/apis/apps/v1/namespaces/ns/deployments/d/status");
  EXPECT_EQ(status.group, "apps");
  EXPECT_EQ(status.subresource, "status");
  EXPECT_EQ(status.verb, "update");
}

TEST(RequestInfoTest, VerbFollowsMethodNameAndWatch) {
  EXPECT_EQ(Parse("GET", "/api/v1/namespaces/default/pods").verb, "list");
  EXPECT_EQ(Parse("GET", "/api/v1/pods", "watch=true").verb, "watch");
  EXPECT_EQ(Parse("GET", "/api/v1/pods", "watch=True").verb, "watch");  // python's client
  EXPECT_EQ(Parse("GET", "/api/v1/pods", "watch=false").verb, "list");
  EXPECT_EQ(Parse("GET", "/api/v1/watch/namespaces/default/pods").verb, "watch");
  EXPECT_EQ(Parse("POST", "/api/v1/namespaces/default/pods").verb, "create");
  EXPECT_EQ(Parse("DELETE", "/api/v1/namespaces/default/pods").verb, "deletecollection");
  EXPECT_EQ(Parse("DELETE", "/api/v1/namespaces/default/pods/x").verb, "delete");
  EXPECT_EQ(Parse("PATCH", "/api/v1/nodes/n1").verb, "patch");
}

TEST(RequestInfoTest, NamespacesAreClusterScoped) {
  RequestInfo ns = Parse("GET", "/api/v1/namespaces/default");
  EXPECT_EQ(ns.resource, "namespaces");
  EXPECT_EQ(ns.name, "default");
  EXPECT_EQ(ns.namespace_, "");
  RequestInfo finalize = Parse("PUT", "/api/v1/namespaces/gone/finalize");
  EXPECT_EQ(finalize.resource, "namespaces");
  EXPECT_EQ(finalize.name, "gone");
  EXPECT_EQ(finalize.subresource, "finalize");
  EXPECT_EQ(Parse("GET", "/api/v1/namespaces").verb, "list");
}

TEST(RequestInfoTest, DiscoveryPathsAreNotResourceRequests) {
  for (std::string_view path : {"/api", "/api/v1", "/apis", "/apis/apps", "/apis/apps/v1",
                                "/version", "/healthz", "/openapi/v2"}) {
    EXPECT_FALSE(Parse("GET", path).is_resource_request) << path;
  }
}

TEST(RequestInfoTest, RejectsPathsItCannotRead) {
  EXPECT_FALSE(ParseRequestInfo("GET", "/api/v1/namespaces/a/pods/b/c/d", {}).has_value());
  EXPECT_FALSE(ParseRequestInfo("GET", "/api/v1//pods", {}).has_value());
  EXPECT_FALSE(ParseRequestInfo("GET", "/api/v1/pods/%zz", {}).has_value());
}

TEST(RequestInfoTest, QueryIsPercentDecoded) {
  Query q = ParseQuery("labelSelector=app%3Dweb%2Ctier+in+(a)&limit=500&x&bad=%g1&limit=1");
  EXPECT_EQ(q["labelSelector"], "app=web,tier in (a)");
  EXPECT_EQ(q["limit"], "500");  // the first of a repeated key
  EXPECT_EQ(q.count("x"), 1u);
  EXPECT_EQ(q.count("bad"), 0u);  // a bad escape drops the pair
}

}  // namespace
}  // namespace kref::apiserver
