// Request and document formats beyond JSON: Kubernetes protobuf bodies (what kubectl's
// generators send) through create, update and delete, with their errors; and the OpenAPI v3
// documents kubectl explain and apply read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "impl/apiserver/apiserver_test_fixture.h"

namespace kref::apiserver {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

constexpr char kProtobuf[] = "application/vnd.kubernetes.protobuf";

TEST_F(ApiServerTest, ProtobufBodiesCreateAndUpdate) {
  // The body `kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80` sent.
  HttpResponse created = Call("POST", "/apis/apps/v1/namespaces/default/deployments",
                              ReadFile("impl/api/testdata/protobuf/deployment.pb"), kProtobuf);
  ASSERT_EQ(created.status, 201) << created.body;
  json::object deployment = Json(created);
  EXPECT_EQ(deployment["spec"].at("replicas"), 3);
  EXPECT_EQ(Str(deployment["spec"].at("template").at("spec").at("containers").at(0).at("image")), "nginx:1.27");
  EXPECT_EQ(deployment["spec"].at("template").at("spec").at("containers").at(0).at("ports").at(0).at("containerPort"), 80);
  EXPECT_EQ(Str(deployment["spec"].at("strategy").at("type")), "RollingUpdate");  // defaulted

  // An update in protobuf (the same body, with the resourceVersion it must match) is a PUT.
  HttpResponse configmap = Call("POST", "/api/v1/namespaces/default/configmaps",
                                ReadFile("impl/api/testdata/protobuf/configmap.pb"), kProtobuf);
  ASSERT_EQ(configmap.status, 201) << configmap.body;
  EXPECT_EQ(Str(Json(configmap)["data"].at("color")), "blue");
  HttpResponse replaced = Call("PUT", "/api/v1/namespaces/default/configmaps/settings",
                               ReadFile("impl/api/testdata/protobuf/configmap.pb"), kProtobuf);
  EXPECT_EQ(replaced.status, 200) << replaced.body;
}

TEST_F(ApiServerTest, BadProtobufBodiesAre400AndWriteNothing) {
  std::string body = ReadFile("impl/api/testdata/protobuf/configmap.pb");
  HttpResponse truncated = Call("POST", "/api/v1/namespaces/default/configmaps", body.substr(0, body.size() - 3), kProtobuf);
  EXPECT_EQ(truncated.status, 400);
  EXPECT_EQ(Str(Json(truncated)["reason"]), "BadRequest");
  HttpResponse json_as_protobuf = Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap, kProtobuf);
  EXPECT_EQ(json_as_protobuf.status, 400);
  EXPECT_EQ(Str(Json(json_as_protobuf)["message"]),
            "unable to decode the protobuf body: the body does not start with \"k8s\\x00\"");
  // A registered body sent to the wrong resource, and an unknown kind.
  HttpResponse wrong = Call("POST", "/api/v1/namespaces/default/secrets", body, kProtobuf);
  EXPECT_EQ(wrong.status, 400);
  std::string unknown = body;
  unknown.replace(unknown.find("ConfigMap"), 9, "ConfigMup");
  HttpResponse unregistered = Call("POST", "/api/v1/namespaces/default/configmaps", unknown, kProtobuf);
  EXPECT_EQ(unregistered.status, 400);
  EXPECT_EQ(Str(Json(unregistered)["message"]), "no kind \"ConfigMup\" is registered for version \"v1\"");
  EXPECT_EQ(Json(Call("GET", "/api/v1/namespaces/default/configmaps"))["items"].as_array().size(), 0u);
}

TEST_F(ApiServerTest, ProtobufDeleteOptions) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 201);
  // DeleteOptions {preconditions=2 {resourceVersion=2 "1"}} in its envelope: a stale precondition.
  std::string preconditions = std::string("\x12\x03\x12\x01") + "1";
  std::string raw = "\x12" + std::string(1, static_cast<char>(preconditions.size())) + preconditions;
  std::string type_meta = std::string("\x0a\x0emeta.k8s.io/v1") + "\x12\x0d" + "DeleteOptions";
  std::string body = std::string("k8s\0", 4) + "\x0a" + std::string(1, static_cast<char>(type_meta.size())) +
                     type_meta + "\x12" + std::string(1, static_cast<char>(raw.size())) + raw;
  HttpResponse stale = Call("DELETE", "/api/v1/namespaces/default/configmaps/cm", body, kProtobuf);
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(Call("DELETE", "/api/v1/namespaces/default/configmaps/cm", "k8s", kProtobuf).status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/configmaps/cm").status, 200);
}

TEST_F(ApiServerTest, OpenApiV3DocumentsCarrySchemas) {
  json::object index = Json(Call("GET", "/openapi/v3"));
  std::string apps_url = Str(index["paths"].at("apis/apps/v1").at("serverRelativeURL"));
  ASSERT_TRUE(apps_url.starts_with("/openapi/v3/apis/apps/v1?hash="));
  json::object apps = Json(Call("GET", "/openapi/v3/apis/apps/v1"));
  const json::object& schemas = apps["components"].at("schemas").as_object();
  const json::object& deployment = schemas.at("io.k8s.api.apps.v1.Deployment").as_object();
  EXPECT_EQ(deployment.at("x-kubernetes-group-version-kind"),
            json::parse(R"([{"group":"apps","kind":"Deployment","version":"v1"}])"));
  EXPECT_EQ(deployment.at("properties").at("spec"),
            json::parse(R"({"$ref":"#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec"})"));
  // Types of other groups keep their own package; value types their upstream names.
  const json::object& spec = schemas.at("io.k8s.api.core.v1.PodSpec").as_object();
  EXPECT_EQ(spec.at("properties").at("containers").at("items"),
            json::parse(R"({"$ref":"#/components/schemas/io.k8s.api.core.v1.Container"})"));
  EXPECT_EQ(schemas.at("io.k8s.api.core.v1.Container").at("properties").at("resources").at("$ref"),
            "#/components/schemas/io.k8s.api.core.v1.ResourceRequirements");
  EXPECT_EQ(schemas.at("io.k8s.api.core.v1.ResourceRequirements").at("properties").at("limits"),
            json::parse(R"({"type":"object","additionalProperties":
                            {"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity"}})"));
  // Patch strategies, as kubectl apply reads them.
  EXPECT_EQ(spec.at("properties").at("containers").at("x-kubernetes-patch-merge-key"), "name");
  EXPECT_EQ(spec.at("properties").at("volumes").at("x-kubernetes-patch-strategy"), "merge,retainKeys");
  EXPECT_FALSE(spec.at("properties").at("tolerations").as_object().contains("x-kubernetes-patch-strategy"));
  EXPECT_EQ(schemas.at("io.k8s.api.apps.v1.DeploymentSpec").at("properties").at("strategy"),
            json::parse(R"({"allOf":[{"$ref":"#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy"}],
                           "x-kubernetes-patch-strategy":"retainKeys"})"));
  EXPECT_TRUE(schemas.contains("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"));
  EXPECT_TRUE(schemas.contains("io.k8s.apimachinery.pkg.util.intstr.IntOrString"));
  // Every $ref resolves.
  std::function<void(const json::value&)> check = [&](const json::value& v) {
    if (const json::object* o = v.if_object()) {
      if (const json::value* ref = o->if_contains("$ref")) {
        std::string name = Str(*ref).substr(std::string("#/components/schemas/").size());
        EXPECT_TRUE(schemas.contains(name)) << name;
      }
      for (const auto& [key, child] : *o) check(child);
    } else if (const json::array* a = v.if_array()) {
      for (const json::value& child : *a) check(child);
    }
  };
  check(apps);
  // Scale lives in autoscaling/v1, the HorizontalPodAutoscaler in autoscaling/v2.
  json::object autoscaling = Json(Call("GET", "/openapi/v3/apis/autoscaling/v2"));
  EXPECT_TRUE(autoscaling["components"].at("schemas").as_object().contains(
      "io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec"));
}

TEST_F(ApiServerTest, OpenApiV2IsOneSwaggerDocument) {
  json::object v2 = Json(Call("GET", "/openapi/v2"));
  EXPECT_EQ(Str(v2["swagger"]), "2.0");
  const json::object& definitions = v2["definitions"].as_object();
  EXPECT_EQ(definitions.at("io.k8s.api.apps.v1.Deployment").at("properties").at("spec"),
            json::parse(R"({"$ref":"#/definitions/io.k8s.api.apps.v1.DeploymentSpec"})"));
  EXPECT_TRUE(definitions.contains("io.k8s.api.core.v1.Pod"));
  const json::value& post = v2["paths"].at("/api/v1/namespaces/{namespace}/pods").at("post");
  EXPECT_EQ(post.at("parameters").at(2).at("name"), "fieldValidation");
  EXPECT_EQ(post.at("parameters").at(2).at("type"), "string");
  // kubectl asks for the protobuf form only: 406, and it reads v3 instead.
  HttpRequest protobuf;
  protobuf.method = "GET";
  protobuf.path = "/openapi/v2";
  protobuf.headers.emplace_back("accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf");
  HttpResponse refused = server_->Handle(protobuf);
  EXPECT_EQ(refused.status, 406);
  EXPECT_EQ(Str(Json(refused)["reason"]), "NotAcceptable");
}

}  // namespace
}  // namespace kref::apiserver
