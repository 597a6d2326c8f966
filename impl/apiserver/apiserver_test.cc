#include "impl/apiserver/apiserver.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <condition_variable>
#include <mutex>

#include "impl/apiserver/apiserver_test_fixture.h"

namespace kref::apiserver {
namespace {

TEST_F(ApiServerTest, VersionReportsKubernetes132) {
  HttpResponse r = Call("GET", "/version/");  // python's client adds the slash
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(Str(Json(r)["minor"]), "32");
  EXPECT_TRUE(Str(Json(r)["gitVersion"]).starts_with("v1.32."));
}

TEST_F(ApiServerTest, BootstrapCreatesTheDefaultNamespacesOnce) {
  ASSERT_TRUE(server_->Bootstrap().ok());  // again: nothing changes
  HttpResponse r = Call("GET", "/api/v1/namespaces");
  ASSERT_EQ(r.status, 200);
  std::vector<std::string> names;
  json::object list = Json(r);
  for (const auto& item : list["items"].as_array()) {
    names.push_back(Str(item.at("metadata").at("name")));
    EXPECT_EQ(Str(item.at("status").at("phase")), "Active");
  }
  EXPECT_EQ(names, (std::vector<std::string>{"default", "kube-node-lease", "kube-public",
                                             "kube-system"}));
}

TEST_F(ApiServerTest, CreateGetUpdateDelete) {
  HttpResponse created = Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap);
  ASSERT_EQ(created.status, 201) << created.body;
  json::object object = Json(created);
  std::string uid = Str(object["metadata"].at("uid"));
  std::string rv = Str(object["metadata"].at("resourceVersion"));
  EXPECT_EQ(uid.size(), 36u);
  EXPECT_EQ(uid[14], '4');  // a version 4 UUID
  EXPECT_EQ(Str(object["metadata"].at("namespace")), "default");
  EXPECT_EQ(Str(object["metadata"].at("creationTimestamp")), "2023-11-14T22:13:20Z");

  HttpResponse got = Call("GET", "/api/v1/namespaces/default/configmaps/cm");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(Str(Json(got)["metadata"].at("resourceVersion")), rv);

  // An update with the current resourceVersion wins; one with the old one conflicts.
  json::object changed = Json(got);
  changed["data"].as_object()["a"] = "2";
  HttpResponse updated = Call("PUT", "/api/v1/namespaces/default/configmaps/cm", json::serialize(changed));
  ASSERT_EQ(updated.status, 200) << updated.body;
  EXPECT_EQ(Str(Json(updated)["metadata"].at("uid")), uid);
  EXPECT_NE(Str(Json(updated)["metadata"].at("resourceVersion")), rv);
  HttpResponse stale = Call("PUT", "/api/v1/namespaces/default/configmaps/cm", json::serialize(changed));
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(Str(Json(stale)["reason"]), "Conflict");
  EXPECT_EQ(Str(Json(stale)["message"]),
            "Operation cannot be fulfilled on configmaps \"cm\": the object has been modified; "
            "please apply your changes to the latest version and try again");

  HttpResponse deleted = Call("DELETE", "/api/v1/namespaces/default/configmaps/cm");
  EXPECT_EQ(deleted.status, 200);
  HttpResponse gone = Call("GET", "/api/v1/namespaces/default/configmaps/cm");
  EXPECT_EQ(gone.status, 404);
  json::object status = Json(gone);
  EXPECT_EQ(Str(status["kind"]), "Status");
  EXPECT_EQ(Str(status["reason"]), "NotFound");
  EXPECT_EQ(Str(status["message"]), "configmaps \"cm\" not found");
  EXPECT_EQ(Str(status["details"].at("kind")), "configmaps");
  EXPECT_EQ(status["code"].as_int64(), 404);
}

TEST_F(ApiServerTest, UpdateBumpsGenerationOnSpecChangesAndKeepsStatus) {
  HttpResponse created = Call("POST", "/apis/apps/v1/namespaces/default/deployments",
                              R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},)"
                              R"("spec":{"replicas":1,"selector":{"matchLabels":{"a":"b"}},)"
                              R"("template":{"metadata":{"labels":{"a":"b"}},)"
                              R"("spec":{"containers":[{"name":"c","image":"i"}]}}},)"
                              R"("status":{"replicas":7}})");
  ASSERT_EQ(created.status, 201) << created.body;
  json::object d = Json(created);
  EXPECT_EQ(d["metadata"].at("generation").as_int64(), 1);
  EXPECT_FALSE(d.contains("status") && d["status"].as_object().contains("replicas"));  // cleared

  // A label change leaves the generation; a status sent with PUT is ignored.
  d["metadata"].as_object()["labels"] = json::object{{"x", "y"}};
  d["status"] = json::object{{"replicas", 9}};
  HttpResponse relabeled = Call("PUT", "/apis/apps/v1/namespaces/default/deployments/d", json::serialize(d));
  ASSERT_EQ(relabeled.status, 200) << relabeled.body;
  d = Json(relabeled);
  EXPECT_EQ(d["metadata"].at("generation").as_int64(), 1);
  EXPECT_FALSE(d.contains("status") && d["status"].as_object().contains("replicas"));

  d["spec"].as_object()["replicas"] = 3;
  HttpResponse scaled = Call("PUT", "/apis/apps/v1/namespaces/default/deployments/d", json::serialize(d));
  ASSERT_EQ(scaled.status, 200) << scaled.body;
  EXPECT_EQ(Json(scaled)["metadata"].at("generation").as_int64(), 2);
  EXPECT_EQ(Json(scaled)["spec"].at("replicas").as_int64(), 3);
}

TEST_F(ApiServerTest, CreateRejectsDuplicatesMissingNamespacesAndInvalidObjects) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 201);
  HttpResponse again = Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap);
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(Str(Json(again)["reason"]), "AlreadyExists");
  EXPECT_EQ(Str(Json(again)["message"]), "configmaps \"cm\" already exists");

  HttpResponse no_ns = Call("POST", "/api/v1/namespaces/nowhere/configmaps", kConfigMap);
  EXPECT_EQ(no_ns.status, 404);
  EXPECT_EQ(Str(Json(no_ns)["message"]), "namespaces \"nowhere\" not found");

  HttpResponse invalid = Call("POST", "/apis/apps/v1/namespaces/default/deployments",
                              R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},)"
                              R"("spec":{"replicas":-1,"selector":{"matchLabels":{"a":"b"}},)"
                              R"("template":{"metadata":{"labels":{"a":"b"}},)"
                              R"("spec":{"containers":[{"name":"c","image":"i"}]}}}})");
  EXPECT_EQ(invalid.status, 422);
  json::object status = Json(invalid);
  EXPECT_EQ(Str(status["reason"]), "Invalid");
  EXPECT_EQ(Str(status["message"]),
            "Deployment.apps \"d\" is invalid: spec.replicas: Invalid value: -1: must be greater "
            "than or equal to 0");
  EXPECT_EQ(Str(status["details"].at("causes").at(0).at("field")), "spec.replicas");

  HttpResponse mismatch = Call("POST", "/api/v1/namespaces/kube-system/configmaps", kConfigMap);
  EXPECT_EQ(mismatch.status, 201);  // the body names no namespace: the URL's is taken
  std::string other = R"({"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"x","namespace":"default"}})";
  EXPECT_EQ(Call("POST", "/api/v1/namespaces/kube-system/configmaps", other).status, 400);
}

TEST_F(ApiServerTest, BadBodiesGetClearErrors) {
  EXPECT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", "{not json").status, 400);
  EXPECT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap, "text/plain").status, 415);
  HttpResponse wrong_kind = Call("POST", "/api/v1/namespaces/default/configmaps",
                                 R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"}})");
  EXPECT_EQ(wrong_kind.status, 400);
  HttpResponse strict = Call("POST", "/api/v1/namespaces/default/configmaps?fieldValidation=Strict",
                             R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"s"},"dta":{}})");
  EXPECT_EQ(strict.status, 400);
  EXPECT_EQ(Str(Json(strict)["message"]), "strict decoding error: unknown field \"dta\"");
  HttpResponse warn = Call("POST", "/api/v1/namespaces/default/configmaps",
                           R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"s"},"dta":{}})");
  EXPECT_EQ(warn.status, 201);
  ASSERT_EQ(warn.headers.size(), 2u);
  EXPECT_EQ(warn.headers[1].first, "Warning");
  EXPECT_EQ(warn.headers[1].second, "299 - \"unknown field \\\"dta\\\"\"");

  HttpRequest big;
  big.method = "POST";
  big.path = "/api/v1/namespaces/default/configmaps";
  big.body_too_large = true;
  HttpResponse too_large = server_->Handle(big);
  EXPECT_EQ(too_large.status, 413);
  EXPECT_EQ(Str(Json(too_large)["message"]), "Request entity too large: limit is 3145728");
}

TEST_F(ApiServerTest, YamlBodiesAreAccepted) {
  HttpResponse r = Call("POST", "/api/v1/namespaces/default/configmaps",
                        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  color: blue\n",
                        "application/yaml");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Str(Json(r)["metadata"].at("name")), "cfg");
  // YAML 1.1, as upstream reads it: `name: y` is a boolean.
  HttpResponse boolean = Call("POST", "/api/v1/namespaces/default/configmaps",
                              "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n",
                              "application/yaml");
  EXPECT_EQ(boolean.status, 400);
  EXPECT_EQ(Str(Json(boolean)["message"]),
            "json: cannot unmarshal bool into field metadata.name of type string");
  EXPECT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", "a: [", "application/yaml").status, 400);
  EXPECT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", "a: 1\n---\nb: 2\n",
                 "application/yaml").status, 400);
}

TEST_F(ApiServerTest, DryRunWritesNothing) {
  HttpResponse r = Call("POST", "/api/v1/namespaces/default/configmaps?dryRun=All", kConfigMap);
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/configmaps/cm").status, 404);
  EXPECT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps?dryRun=Some", kConfigMap).status, 400);
}

TEST_F(ApiServerTest, GenerateNameMakesAName) {
  HttpResponse r = Call("POST", "/api/v1/namespaces/default/configmaps",
                        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"generateName":"job-"}})");
  ASSERT_EQ(r.status, 201) << r.body;
  std::string name = Str(Json(r)["metadata"].at("name"));
  EXPECT_EQ(name.size(), 9u);
  EXPECT_TRUE(name.starts_with("job-"));
}

TEST_F(ApiServerTest, ListFiltersByLabelAndNamespace) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 201);
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/kube-system/configmaps", kConfigMap).status, 201);
  auto count = [&](std::string target) {
    HttpResponse r = Call("GET", target);
    EXPECT_EQ(r.status, 200) << r.body;
    return Json(r)["items"].as_array().size();
  };
  EXPECT_EQ(count("/api/v1/configmaps"), 2u);
  EXPECT_EQ(count("/api/v1/namespaces/default/configmaps"), 1u);
  EXPECT_EQ(count("/api/v1/configmaps?labelSelector=app%3Dweb"), 2u);
  EXPECT_EQ(count("/api/v1/configmaps?labelSelector=app%21%3Dweb"), 0u);
  HttpResponse list = Call("GET", "/api/v1/configmaps");
  EXPECT_EQ(Str(Json(list)["kind"]), "ConfigMapList");
  EXPECT_FALSE(Str(Json(list)["metadata"].at("resourceVersion")).empty());
  EXPECT_EQ(Call("GET", "/api/v1/configmaps?labelSelector=a%20in").status, 400);
}

TEST_F(ApiServerTest, ListPagesShareOneSnapshot) {
  for (int i = 0; i < 5; ++i) {
    std::string body = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm)" +
                       std::to_string(i) + R"("}})";
    ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", body).status, 201);
  }
  std::vector<std::string> names;
  std::string next, rv;
  int pages = 0;
  do {
    HttpResponse page = Call("GET", "/api/v1/namespaces/default/configmaps?limit=2" +
                                        (next.empty() ? "" : "&continue=" + next));
    ASSERT_EQ(page.status, 200) << page.body;
    json::object list = Json(page);
    json::object& meta = list["metadata"].as_object();
    if (rv.empty()) rv = Str(meta["resourceVersion"]);
    EXPECT_EQ(Str(meta["resourceVersion"]), rv);  // every page at the first page's version
    for (const auto& item : list["items"].as_array()) names.push_back(Str(item.at("metadata").at("name")));
    next = meta.contains("continue") ? Str(meta["continue"]) : "";
    if (!next.empty()) {
      EXPECT_EQ(meta["remainingItemCount"].as_int64(), 5 - static_cast<int64_t>(names.size()));
    }
    if (pages++ == 0) {  // written after the first page: not in this list
      ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps",
                     R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"late"}})").status, 201);
    }
  } while (!next.empty());
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(names, (std::vector<std::string>{"cm0", "cm1", "cm2", "cm3", "cm4"}));
  EXPECT_EQ(Call("GET", "/api/v1/configmaps?limit=2&continue=bm90IGpzb24").status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/configmaps?limit=-1").status, 400);
}

TEST_F(ApiServerTest, ExpiredContinueTokenIs410WithAFreshToken) {
  for (int i = 0; i < 3; ++i) {
    std::string body = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm)" +
                       std::to_string(i) + R"("}})";
    ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", body).status, 201);
  }
  std::string next = Str(Json(Call("GET", "/api/v1/namespaces/default/configmaps?limit=1"))["metadata"].at("continue"));
  ASSERT_EQ(Call("DELETE", "/api/v1/namespaces/default/configmaps/cm2").status, 200);
  store::pb::CompactionRequest compact;
  compact.set_revision(store_->CurrentRevision());
  ASSERT_TRUE(store_->Compact(compact).has_value());
  HttpResponse expired = Call("GET", "/api/v1/namespaces/default/configmaps?limit=1&continue=" + next);
  ASSERT_EQ(expired.status, 410);
  json::object status = Json(expired);
  EXPECT_EQ(Str(status["reason"]), "Expired");
  EXPECT_TRUE(Str(status["message"]).starts_with("The provided continue parameter is too old"));
  std::string restart = Str(status["metadata"].at("continue"));
  HttpResponse rest = Call("GET", "/api/v1/namespaces/default/configmaps?limit=5&continue=" + restart);
  ASSERT_EQ(rest.status, 200) << rest.body;
  json::object list = Json(rest);
  ASSERT_EQ(list["items"].as_array().size(), 1u);  // cm1; cm2 is gone in the latest version
  EXPECT_EQ(Str(list["items"].at(0).at("metadata").at("name")), "cm1");
  // An exact read at a compacted version is 410 too.
  EXPECT_EQ(Call("GET", "/api/v1/configmaps?limit=1&resourceVersion=1").status, 410);
}

TEST_F(ApiServerTest, DeleteCollectionDeletesWhatTheSelectorsSelect) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 201);
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps",
                 R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"keep"}})").status, 201);
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/kube-system/configmaps", kConfigMap).status, 201);
  HttpResponse dry = Call("DELETE", "/api/v1/namespaces/default/configmaps?labelSelector=app%3Dweb&dryRun=All");
  ASSERT_EQ(dry.status, 200);
  EXPECT_EQ(Json(dry)["items"].as_array().size(), 1u);
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/configmaps/cm").status, 200);
  HttpResponse r = Call("DELETE", "/api/v1/namespaces/default/configmaps?labelSelector=app%3Dweb");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Str(Json(r)["kind"]), "ConfigMapList");
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/configmaps/cm").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/configmaps/keep").status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/kube-system/configmaps/cm").status, 200);
}

TEST_F(ApiServerTest, DiscoveryListsGroupsResourcesAndSubresources) {
  json::object api = Json(Call("GET", "/api"));
  EXPECT_EQ(Str(api["kind"]), "APIVersions");
  EXPECT_EQ(Str(api["versions"].at(0)), "v1");

  json::object groups = Json(Call("GET", "/apis"));
  bool apps = false;
  for (const auto& g : groups["groups"].as_array()) {
    if (Str(g.at("name")) == "apps") {
      apps = true;
      EXPECT_EQ(Str(g.at("preferredVersion").at("groupVersion")), "apps/v1");
    }
  }
  EXPECT_TRUE(apps);

  json::object v1 = Json(Call("GET", "/apis/apps/v1"));
  EXPECT_EQ(Str(v1["groupVersion"]), "apps/v1");
  bool scale = false;
  for (const auto& r : v1["resources"].as_array()) {
    if (Str(r.at("name")) == "deployments") {
      EXPECT_EQ(Str(r.at("kind")), "Deployment");
      EXPECT_EQ(Str(r.at("shortNames").at(0)), "deploy");
    }
    if (Str(r.at("name")) == "deployments/scale") {
      scale = true;
      EXPECT_EQ(Str(r.at("group")), "autoscaling");
      EXPECT_EQ(Str(r.at("kind")), "Scale");
    }
  }
  EXPECT_TRUE(scale);
  EXPECT_EQ(Call("GET", "/apis/nope/v1").status, 404);
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/nopes").status, 404);
}

TEST_F(ApiServerTest, AggregatedDiscoveryWhenAskedFor) {
  // What kubectl v1.32 sends (constant acceptDiscoveryFormats).
  constexpr char kAccept[] =
      "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
      "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
  HttpRequest request;
  request.method = "GET";
  request.path = "/apis";
  request.headers.emplace_back("accept", kAccept);
  HttpResponse apis = server_->Handle(request);
  ASSERT_EQ(apis.status, 200);
  EXPECT_EQ(apis.headers[0].second, "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
  json::object list = Json(apis);
  EXPECT_EQ(Str(list["kind"]), "APIGroupDiscoveryList");
  EXPECT_EQ(Str(list["apiVersion"]), "apidiscovery.k8s.io/v2");
  const json::object* apps = nullptr;
  for (const json::value& item : list["items"].as_array()) {
    if (item.at("metadata").at("name") == "apps") apps = &item.as_object();
  }
  ASSERT_NE(apps, nullptr);
  const json::object& v1 = apps->at("versions").at(0).as_object();
  EXPECT_EQ(v1.at("version"), "v1");
  EXPECT_EQ(v1.at("freshness"), "Current");
  const json::object* deployments = nullptr;
  for (const json::value& r : v1.at("resources").as_array()) {
    if (r.at("resource") == "deployments") deployments = &r.as_object();
  }
  ASSERT_NE(deployments, nullptr);
  EXPECT_EQ(deployments->at("scope"), "Namespaced");
  EXPECT_EQ(deployments->at("responseKind"), json::parse(R"({"group":"apps","version":"v1","kind":"Deployment"})"));
  EXPECT_EQ(deployments->at("shortNames"), json::parse(R"(["deploy"])"));
  EXPECT_EQ(deployments->at("subresources").at(0),
            json::parse(R"({"subresource":"scale","responseKind":{"group":"autoscaling","version":"v1","kind":"Scale"},
                            "verbs":["get","patch","update"]})"));
  // /api holds the core group only, as an item without a name.
  request.path = "/api";
  json::object core = Json(server_->Handle(request));
  ASSERT_EQ(core["items"].as_array().size(), 1u);
  EXPECT_FALSE(core["items"].at(0).at("metadata").as_object().contains("name"));
  // Without the media type: the legacy documents.
  EXPECT_EQ(Str(Json(Call("GET", "/api"))["kind"]), "APIVersions");
}

TEST_F(ApiServerTest, PatchAppliesMergeAndJsonPatches) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 201);
  const std::string url = "/api/v1/namespaces/default/configmaps/cm";
  HttpResponse merged = Call("PATCH", url, R"({"data":{"a":null,"b":"2"},"metadata":{"labels":{"tier":"x"}}})",
                             "application/merge-patch+json");
  ASSERT_EQ(merged.status, 200) << merged.body;
  json::object cm = Json(merged);
  EXPECT_EQ(json::serialize(cm["data"]), R"({"b":"2"})");
  EXPECT_EQ(json::serialize(cm["metadata"].at("labels")), R"({"app":"web","tier":"x"})");

  HttpResponse patched = Call("PATCH", url, R"([{"op":"test","path":"/data/b","value":"2"},)"
                                           R"({"op":"add","path":"/data/c","value":"3"}])",
                              "application/json-patch+json");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(json::serialize(Json(patched)["data"]), R"({"b":"2","c":"3"})");
  EXPECT_EQ(Str(Json(Call("GET", url))["data"].at("c")), "3");

  HttpResponse failed = Call("PATCH", url, R"([{"op":"test","path":"/data/b","value":"9"}])",
                             "application/json-patch+json");
  EXPECT_EQ(failed.status, 422);
  EXPECT_EQ(Str(Json(failed)["message"]), "testing value /data/b failed: test failed");
  EXPECT_EQ(Call("PATCH", url, R"([{"op":"jump"}])", "application/json-patch+json").status, 400);
  EXPECT_EQ(Call("PATCH", url, "{", "application/merge-patch+json").status, 400);
  HttpResponse apply = Call("PATCH", url, "{}", "application/apply-patch+yaml");
  EXPECT_EQ(apply.status, 415);
  EXPECT_EQ(Str(Json(apply)["message"]),
            "the body of the request was in an unknown format - accepted media types include: "
            "application/json-patch+json, application/merge-patch+json, "
            "application/strategic-merge-patch+json");

  // A resourceVersion in the patch is a precondition; a patch cannot rename.
  HttpResponse stale = Call("PATCH", url, R"({"metadata":{"resourceVersion":"1"}})",
                            "application/merge-patch+json");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(Str(Json(stale)["reason"]), "Conflict");
  EXPECT_EQ(Call("PATCH", url, R"({"metadata":{"name":"other"}})", "application/merge-patch+json").status, 400);
  EXPECT_EQ(Call("PATCH", "/api/v1/namespaces/default/configmaps/none", "{}",
                 "application/merge-patch+json").status, 404);
}

TEST_F(ApiServerTest, PatchValidatesAndBumpsGeneration) {
  HttpResponse created = Call("POST", "/apis/apps/v1/namespaces/default/deployments",
                              R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},)"
                              R"("spec":{"replicas":1,"selector":{"matchLabels":{"a":"b"}},)"
                              R"("template":{"metadata":{"labels":{"a":"b"}},)"
                              R"("spec":{"containers":[{"name":"c","image":"i"}]}}}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string url = "/apis/apps/v1/namespaces/default/deployments/d";
  HttpResponse scaled = Call("PATCH", url, R"({"spec":{"replicas":5}})", "application/merge-patch+json");
  ASSERT_EQ(scaled.status, 200) << scaled.body;
  EXPECT_EQ(Json(scaled)["metadata"].at("generation").as_int64(), 2);
  HttpResponse invalid = Call("PATCH", url, R"({"spec":{"replicas":-5}})", "application/merge-patch+json");
  EXPECT_EQ(invalid.status, 422);
  HttpResponse dry = Call("PATCH", url + "?dryRun=All", R"({"spec":{"replicas":7}})",
                          "application/merge-patch+json");
  EXPECT_EQ(Json(dry)["spec"].at("replicas").as_int64(), 7);
  EXPECT_EQ(Json(Call("GET", url))["spec"].at("replicas").as_int64(), 5);
}

constexpr char kDeployment[] =
    R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},)"
    R"("spec":{"replicas":2,"selector":{"matchLabels":{"a":"b"}},)"
    R"("template":{"metadata":{"labels":{"a":"b"}},)"
    R"("spec":{"containers":[{"name":"c","image":"i"}]}}}})";

TEST_F(ApiServerTest, StatusSubresourceChangesOnlyTheStatus) {
  ASSERT_EQ(Call("POST", "/apis/apps/v1/namespaces/default/deployments", kDeployment).status, 201);
  const std::string url = "/apis/apps/v1/namespaces/default/deployments/d";
  json::object d = Json(Call("GET", url + "/status"));
  d["status"] = json::object{{"replicas", 2}, {"readyReplicas", 1}};
  d["spec"].as_object()["replicas"] = 9;  // ignored through /status
  HttpResponse updated = Call("PUT", url + "/status", json::serialize(d));
  ASSERT_EQ(updated.status, 200) << updated.body;
  json::object after = Json(Call("GET", url));
  EXPECT_EQ(after["status"].at("readyReplicas").as_int64(), 1);
  EXPECT_EQ(after["spec"].at("replicas").as_int64(), 2);
  EXPECT_EQ(after["metadata"].at("generation").as_int64(), 1);
  HttpResponse patched = Call("PATCH", url + "/status", R"({"status":{"availableReplicas":1}})",
                              "application/merge-patch+json");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Json(patched)["status"].at("availableReplicas").as_int64(), 1);
  EXPECT_EQ(Json(patched)["status"].at("readyReplicas").as_int64(), 1);
  // The stale version conflicts; kinds without /status have none.
  EXPECT_EQ(Call("PUT", url + "/status", json::serialize(d)).status, 409);
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 201);
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/configmaps/cm/status").status, 404);
  EXPECT_EQ(Call("DELETE", url + "/status").status, 405);
}

TEST_F(ApiServerTest, ScaleSubresourceReadsAndSetsReplicas) {
  ASSERT_EQ(Call("POST", "/apis/apps/v1/namespaces/default/deployments", kDeployment).status, 201);
  const std::string url = "/apis/apps/v1/namespaces/default/deployments/d";
  HttpResponse scale = Call("GET", url + "/scale");
  ASSERT_EQ(scale.status, 200) << scale.body;
  json::object s = Json(scale);
  EXPECT_EQ(Str(s["kind"]), "Scale");
  EXPECT_EQ(Str(s["apiVersion"]), "autoscaling/v1");
  EXPECT_EQ(s["spec"].at("replicas").as_int64(), 2);
  EXPECT_EQ(Str(s["status"].at("selector")), "a=b");
  // kubectl scale: a merge patch of the Scale.
  HttpResponse patched = Call("PATCH", url + "/scale", R"({"spec":{"replicas":5}})",
                              "application/merge-patch+json");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(Json(patched)["spec"].at("replicas").as_int64(), 5);
  json::object d = Json(Call("GET", url));
  EXPECT_EQ(d["spec"].at("replicas").as_int64(), 5);
  EXPECT_EQ(d["metadata"].at("generation").as_int64(), 2);
  EXPECT_EQ(Str(d["spec"].at("template").at("spec").at("containers").at(0).at("image")), "i");
  // PUT with the Scale's resourceVersion is conditional.
  s = Json(Call("GET", url + "/scale"));
  s["spec"].as_object()["replicas"] = 1;
  ASSERT_EQ(Call("PUT", url + "/scale", json::serialize(s)).status, 200);
  EXPECT_EQ(Call("PUT", url + "/scale", json::serialize(s)).status, 409);
  HttpResponse negative = Call("PATCH", url + "/scale", R"({"spec":{"replicas":-1}})",
                               "application/merge-patch+json");
  EXPECT_EQ(negative.status, 422);
}

TEST_F(ApiServerTest, UpdateWithoutResourceVersionIsUnconditional) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 201);
  HttpResponse r = Call("PUT", "/api/v1/namespaces/default/configmaps/cm",
                        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm"},"data":{"z":"1"}})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json::serialize(Json(r)["data"]), R"({"z":"1"})");
}

TEST_F(ApiServerTest, AnUpdateThatChangesNothingWritesNothing) {
  HttpResponse created = Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap);
  ASSERT_EQ(created.status, 201);
  std::string rv = Str(Json(created)["metadata"].at("resourceVersion"));
  int64_t revision = store_->CurrentRevision();
  // The same object again, a patch that sets what is there, and a strategic patch of a label.
  HttpResponse same = Call("PUT", "/api/v1/namespaces/default/configmaps/cm", created.body);
  ASSERT_EQ(same.status, 200) << same.body;
  EXPECT_EQ(Str(Json(same)["metadata"].at("resourceVersion")), rv);
  HttpResponse patched = Call("PATCH", "/api/v1/namespaces/default/configmaps/cm", R"({"data":{"a":"1"}})",
                              "application/merge-patch+json");
  EXPECT_EQ(Str(Json(patched)["metadata"].at("resourceVersion")), rv);
  HttpResponse labelled = Call("PATCH", "/api/v1/namespaces/default/configmaps/cm",
                               R"({"metadata":{"labels":{"app":"web"}}})", "application/strategic-merge-patch+json");
  EXPECT_EQ(Str(Json(labelled)["metadata"].at("resourceVersion")), rv);
  EXPECT_EQ(store_->CurrentRevision(), revision);  // nothing was written
  // A real change is written.
  HttpResponse changed = Call("PATCH", "/api/v1/namespaces/default/configmaps/cm", R"({"data":{"a":"2"}})",
                              "application/merge-patch+json");
  EXPECT_NE(Str(Json(changed)["metadata"].at("resourceVersion")), rv);
  EXPECT_GT(store_->CurrentRevision(), revision);
}

TEST_F(ApiServerTest, BootstrapCreatesTheKubernetesService) {
  json::object service = Json(Call("GET", "/api/v1/namespaces/default/services/kubernetes"));
  EXPECT_EQ(Str(service["spec"].at("clusterIP")), "10.96.0.1");
  EXPECT_EQ(service["spec"].at("ports").at(0).at("port").as_int64(), 443);
  json::object endpoints = Json(Call("GET", "/api/v1/namespaces/default/endpoints/kubernetes"));
  EXPECT_EQ(Str(endpoints["subsets"].at(0).at("addresses").at(0).at("ip")), "127.0.0.1");
  EXPECT_EQ(endpoints["subsets"].at(0).at("ports").at(0).at("port").as_int64(), 6443);
  json::object slice = Json(Call("GET", "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/kubernetes"));
  EXPECT_EQ(Str(slice["addressType"]), "IPv4");
  EXPECT_EQ(Str(slice["metadata"].at("labels").at("kubernetes.io/service-name")), "kubernetes");
  EXPECT_EQ(Str(slice["endpoints"].at(0).at("addresses").at(0)), "127.0.0.1");
  EXPECT_EQ(slice["ports"].at(0).at("port").as_int64(), 6443);
  // A restart on another address and port moves them; the Service stays.
  std::string uid = Str(endpoints["metadata"].at("uid"));
  ASSERT_TRUE(server_->Bootstrap("10.1.2.3", 7443).ok());
  endpoints = Json(Call("GET", "/api/v1/namespaces/default/endpoints/kubernetes"));
  EXPECT_EQ(Str(endpoints["subsets"].at(0).at("addresses").at(0).at("ip")), "10.1.2.3");
  EXPECT_EQ(Str(endpoints["metadata"].at("uid")), uid);
  slice = Json(Call("GET", "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/kubernetes"));
  EXPECT_EQ(slice["ports"].at(0).at("port").as_int64(), 7443);
  EXPECT_EQ(Str(Json(Call("GET", "/api/v1/namespaces/default/services/kubernetes"))["spec"].at("clusterIP")), "10.96.0.1");
}

std::string ServiceJson(std::string name, std::string extra_spec = "") {
  return R"({"apiVersion":"v1","kind":"Service","metadata":{"name":")" + name +
         R"("},"spec":{"selector":{"app":"web"},"ports":[{"port":80}])" + extra_spec + "}}";
}

TEST_F(ApiServerTest, ServicesGetClusterIpsAndNodePortsOnce) {
  const std::string url = "/api/v1/namespaces/default/services";
  HttpResponse a = Call("POST", url, ServiceJson("a"));
  ASSERT_EQ(a.status, 201) << a.body;
  std::string ip = Str(Json(a)["spec"].at("clusterIP"));
  int o1 = 0, o2 = 0, o3 = 0, o4 = 0;
  ASSERT_EQ(std::sscanf(ip.c_str(), "%d.%d.%d.%d", &o1, &o2, &o3, &o4), 4) << ip;
  EXPECT_TRUE(o1 == 10 && o2 >= 96 && o2 <= 111) << ip << " is outside 10.96.0.0/12";
  EXPECT_NE(ip, "10.96.0.1");  // the kubernetes Service has it
  EXPECT_EQ(Str(Json(a)["spec"].at("clusterIPs").at(0)), ip);
  EXPECT_EQ(Str(Json(a)["spec"].at("ipFamilyPolicy")), "SingleStack");

  // The same address again is refused, with upstream's message.
  HttpResponse taken = Call("POST", url, ServiceJson("b", R"(,"clusterIP":")" + ip + "\""));
  EXPECT_EQ(taken.status, 422);
  EXPECT_EQ(Str(Json(taken)["message"]),
            "Service \"b\" is invalid: spec.clusterIPs: Invalid value: []string{\"" + ip +
                "\"}: failed to allocate IP " + ip + ": provided IP is already allocated");
  HttpResponse outside = Call("POST", url, ServiceJson("b", R"(,"clusterIP":"192.168.0.10")"));
  EXPECT_EQ(outside.status, 422);
  EXPECT_NE(Str(Json(outside)["message"]).find("is not in the valid range. The range of valid IPs is 10.96.0.0/12"),
            std::string::npos);

  // Node ports: allocated, or checked when named.
  HttpResponse np = Call("POST", url, ServiceJson("np", R"(,"type":"NodePort")"));
  ASSERT_EQ(np.status, 201) << np.body;
  int64_t port = Json(np)["spec"].at("ports").at(0).at("nodePort").as_int64();
  EXPECT_GE(port, 30000);
  EXPECT_LE(port, 32767);
  std::string same_port = R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"np2"},"spec":{"type":"NodePort","ports":[{"port":80,"nodePort":)" +
                          std::to_string(port) + "}]}}";
  HttpResponse port_taken = Call("POST", url, same_port);
  EXPECT_EQ(port_taken.status, 422);
  EXPECT_EQ(Str(Json(port_taken)["message"]),
            "Service \"np2\" is invalid: spec.ports[0].nodePort: Invalid value: " +
                std::to_string(port) + ": provided port is already allocated");

  // An update keeps the address; changing it is refused; deleting frees both.
  json::object updated = Json(Call("GET", url + "/np"));
  updated["metadata"].as_object()["labels"] = json::object{{"x", "y"}};
  ASSERT_EQ(Call("PUT", url + "/np", json::serialize(updated)).status, 200);
  updated = Json(Call("GET", url + "/np"));
  updated["spec"].as_object()["clusterIP"] = "10.96.0.99";
  updated["spec"].as_object()["clusterIPs"] = json::array{"10.96.0.99"};
  HttpResponse changed = Call("PUT", url + "/np", json::serialize(updated));
  EXPECT_EQ(changed.status, 422);
  EXPECT_NE(Str(Json(changed)["message"]).find("may not change once set"), std::string::npos);
  ASSERT_EQ(Call("DELETE", url + "/np").status, 200);
  EXPECT_EQ(Call("POST", url, same_port).status, 201);
  ASSERT_EQ(Call("DELETE", url + "/a").status, 200);
  EXPECT_EQ(Call("POST", url, ServiceJson("b", R"(,"clusterIP":")" + ip + "\"")).status, 201);

  // Headless and ExternalName Services take no address.
  HttpResponse headless = Call("POST", url, ServiceJson("h", R"(,"clusterIP":"None")"));
  ASSERT_EQ(headless.status, 201) << headless.body;
  EXPECT_EQ(Str(Json(headless)["spec"].at("clusterIPs").at(0)), "None");
}

TEST_F(ApiServerTest, FinalizersHoldADeletedObjectUntilRemoved) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps",
                 R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"f","finalizers":["example.com/hold"]}})").status, 201);
  const std::string url = "/api/v1/namespaces/default/configmaps/f";
  HttpResponse deleting = Call("DELETE", url);
  ASSERT_EQ(deleting.status, 200) << deleting.body;
  json::object held = Json(Call("GET", url));
  EXPECT_TRUE(held["metadata"].as_object().contains("deletionTimestamp"));
  EXPECT_EQ(held["metadata"].at("deletionGracePeriodSeconds").as_int64(), 0);
  // Removing the last finalizer deletes it.
  HttpResponse released = Call("PATCH", url, R"({"metadata":{"finalizers":null}})", "application/merge-patch+json");
  EXPECT_EQ(released.status, 200) << released.body;
  EXPECT_EQ(Call("GET", url).status, 404);
}

TEST_F(ApiServerTest, AnObjectBeingDeletedTakesNoNewFinalizers) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps",
                 R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"held","finalizers":["kref.io/hold"]}})").status,
            201);
  ASSERT_EQ(Call("DELETE", "/api/v1/namespaces/default/configmaps/held").status, 200);
  HttpResponse added = Call("PATCH", "/api/v1/namespaces/default/configmaps/held",
                            R"({"metadata":{"finalizers":["kref.io/hold","kref.io/more"]}})", "application/merge-patch+json");
  EXPECT_EQ(added.status, 422);
  EXPECT_EQ(Str(Json(added)["message"]),
            "ConfigMap \"held\" is invalid: metadata.finalizers: Forbidden: no new finalizers can be added if the object "
            "is being deleted, found new finalizers []string{\"kref.io/more\"}");
  // Removing the last one lets the deletion finish.
  EXPECT_EQ(Call("PATCH", "/api/v1/namespaces/default/configmaps/held", R"({"metadata":{"finalizers":null}})",
                 "application/merge-patch+json").status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/configmaps/held").status, 404);
}

TEST_F(ApiServerTest, DeletePreconditionsAndPropagation) {
  HttpResponse created = Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap);
  const std::string url = "/api/v1/namespaces/default/configmaps/cm";
  HttpResponse wrong_uid = Call("DELETE", url, R"({"preconditions":{"uid":"nope"}})");
  EXPECT_EQ(wrong_uid.status, 409);
  EXPECT_EQ(Str(Json(wrong_uid)["message"]),
            "Operation cannot be fulfilled on configmaps \"cm\": Precondition failed: UID in "
            "precondition: nope, UID in object meta: " + Str(Json(created)["metadata"].at("uid")));
  EXPECT_EQ(Call("DELETE", url, R"({"preconditions":{"resourceVersion":"1"}})").status, 409);
  EXPECT_EQ(Call("DELETE", url + "?propagationPolicy=Sideways").status, 422);
  // Orphan adds the orphan finalizer (the garbage collector removes it).
  ASSERT_EQ(Call("DELETE", url + "?propagationPolicy=Orphan").status, 200);
  json::object orphaned = Json(Call("GET", url));
  EXPECT_EQ(Str(orphaned["metadata"].at("finalizers").at(0)), "orphan");
  EXPECT_EQ(Call("DELETE", url, "{not json").status, 400);
}

TEST_F(ApiServerTest, BoundPodsAreDeletedGracefully) {
  std::string pod = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},)"
                    R"("spec":{"nodeName":"n1","terminationGracePeriodSeconds":20,"containers":[{"name":"c","image":"i"}]}})";
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/pods", pod).status, 201);
  const std::string url = "/api/v1/namespaces/default/pods/p";
  ASSERT_EQ(Call("DELETE", url).status, 200);
  json::object terminating = Json(Call("GET", url));
  EXPECT_EQ(terminating["metadata"].at("deletionGracePeriodSeconds").as_int64(), 20);
  EXPECT_EQ(Str(terminating["metadata"].at("deletionTimestamp")), "2023-11-14T22:13:40Z");  // now + 20 s
  // The kubelet's final delete, with no grace left.
  ASSERT_EQ(Call("DELETE", url, R"({"gracePeriodSeconds":0})").status, 200);
  EXPECT_EQ(Call("GET", url).status, 404);
  // A pod not bound to a node goes at once.
  std::string unbound = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"u"},"spec":{"containers":[{"name":"c","image":"i"}]}})";
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/pods", unbound).status, 201);
  ASSERT_EQ(Call("DELETE", "/api/v1/namespaces/default/pods/u").status, 200);
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/pods/u").status, 404);
}

TEST_F(ApiServerTest, NamespaceDeletionTerminatesThenFinalizes) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces", R"({"apiVersion":"v1","kind":"Namespace","metadata":{"name":"team"}})").status, 201);
  ASSERT_EQ(Call("DELETE", "/api/v1/namespaces/team").status, 200);
  json::object ns = Json(Call("GET", "/api/v1/namespaces/team"));
  EXPECT_EQ(Str(ns["status"].at("phase")), "Terminating");
  HttpResponse refused = Call("POST", "/api/v1/namespaces/team/configmaps", kConfigMap);
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(Str(Json(refused)["message"]),
            "configmaps \"cm\" is forbidden: unable to create new content in namespace team "
            "because it is being terminated");
  EXPECT_EQ(Str(Json(refused)["details"].at("causes").at(0).at("reason")), "NamespaceTerminating");
  // The namespace controller's last step: an empty spec.finalizers through /finalize.
  ns["spec"].as_object()["finalizers"] = json::array();
  HttpResponse finalized = Call("PUT", "/api/v1/namespaces/team/finalize", json::serialize(ns));
  EXPECT_EQ(finalized.status, 200) << finalized.body;
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/team").status, 404);
  EXPECT_EQ(Call("PATCH", "/api/v1/namespaces/default/finalize", "{}", "application/merge-patch+json").status, 405);
}

TEST_F(ApiServerTest, MetricsCountRequestsWatchesAndStorageCalls) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 201);
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps", kConfigMap).status, 409);
  ASSERT_EQ(Call("GET", "/api/v1/namespaces/default/configmaps/cm").status, 200);
  HttpResponse watch = Call("GET", "/api/v1/configmaps?watch=1");
  auto metrics = [&] { return Call("GET", "/metrics").body; };
  auto has = [](const std::string& text, const std::string& line) {
    return text.find(line) != std::string::npos;
  };
  std::string text = metrics();
  EXPECT_TRUE(has(text, "apiserver_request_total{code=\"201\",group=\"\",resource=\"configmaps\",scope=\"namespace\",subresource=\"\",verb=\"POST\",version=\"v1\"} 1\n")) << text;
  EXPECT_TRUE(has(text, "apiserver_request_total{code=\"409\",group=\"\",resource=\"configmaps\",scope=\"namespace\",subresource=\"\",verb=\"POST\",version=\"v1\"} 1\n"));
  EXPECT_TRUE(has(text, "apiserver_request_duration_seconds_count{group=\"\",resource=\"configmaps\",scope=\"resource\",subresource=\"\",verb=\"GET\",version=\"v1\"} 1\n"));
  EXPECT_TRUE(has(text, "apiserver_request_duration_seconds_bucket{group=\"\",resource=\"configmaps\",scope=\"namespace\",subresource=\"\",verb=\"POST\",version=\"v1\",le=\"+Inf\"} 2\n"));
  EXPECT_TRUE(has(text, "apiserver_longrunning_requests{group=\"\",resource=\"configmaps\",scope=\"cluster\",subresource=\"\",verb=\"WATCH\",version=\"v1\"} 1\n"));
  EXPECT_TRUE(has(text, "etcd_request_duration_seconds_count{operation=\"create\",type=\"configmaps\"} 2\n"));
  watch.stream->Cancel();
  EXPECT_TRUE(has(metrics(), "apiserver_longrunning_requests{group=\"\",resource=\"configmaps\",scope=\"cluster\",subresource=\"\",verb=\"WATCH\",version=\"v1\"} 0\n"));
}

constexpr char kPendingPod[] =
    R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","labels":{"app":"web"}},)"
    R"("spec":{"containers":[{"name":"c","image":"i"}]}})";

TEST_F(ApiServerTest, BindingAssignsAPendingPodOnce) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/pods", kPendingPod).status, 201);
  std::string binding = R"({"apiVersion":"v1","kind":"Binding","metadata":{"name":"p","annotations":{"a":"b"}},"target":{"kind":"Node","name":"n1"}})";
  HttpResponse bound = Call("POST", "/api/v1/namespaces/default/pods/p/binding", binding);
  ASSERT_EQ(bound.status, 201) << bound.body;
  EXPECT_EQ(Str(Json(bound)["status"]), "Success");
  json::object pod = Json(Call("GET", "/api/v1/namespaces/default/pods/p"));
  EXPECT_EQ(Str(pod["spec"].at("nodeName")), "n1");
  EXPECT_EQ(Str(pod["metadata"].at("annotations").at("a")), "b");
  EXPECT_EQ(Str(pod["status"].at("conditions").at(0).at("type")), "PodScheduled");
  EXPECT_EQ(Str(pod["status"].at("conditions").at(0).at("status")), "True");
  HttpResponse again = Call("POST", "/api/v1/namespaces/default/bindings", binding);  // the other path
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(Str(Json(again)["message"]),
            "Operation cannot be fulfilled on pods/binding \"p\": pod p is already assigned to node \"n1\"");
  EXPECT_EQ(Call("POST", "/api/v1/namespaces/default/pods/p/binding",
                 R"({"apiVersion":"v1","kind":"Binding","metadata":{"name":"p"},"target":{}})").status, 422);
  EXPECT_EQ(Call("POST", "/api/v1/namespaces/default/pods/none/binding", binding).status, 400);  // names differ
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/pods/p/binding").status, 405);
}

TEST_F(ApiServerTest, EvictionRespectsTheDisruptionBudget) {
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/pods", kPendingPod).status, 201);
  std::string pdb = R"({"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"budget"},)"
                    R"("spec":{"minAvailable":1,"selector":{"matchLabels":{"app":"web"}}}})";
  ASSERT_EQ(Call("POST", "/apis/policy/v1/namespaces/default/poddisruptionbudgets", pdb).status, 201);
  std::string eviction = R"({"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"p"}})";
  const std::string url = "/api/v1/namespaces/default/pods/p/eviction";
  HttpResponse refused = Call("POST", url, eviction);
  EXPECT_EQ(refused.status, 429);
  EXPECT_EQ(Str(Json(refused)["message"]), "Cannot evict pod as it would violate the pod's disruption budget.");
  EXPECT_EQ(Str(Json(refused)["details"].at("causes").at(0).at("reason")), "DisruptionBudget");
  // The disruption controller would set this; here the test does.
  json::object budget = Json(Call("GET", "/apis/policy/v1/namespaces/default/poddisruptionbudgets/budget"));
  budget["status"] = json::object{{"disruptionsAllowed", 1}, {"currentHealthy", 2}, {"desiredHealthy", 1}, {"expectedPods", 2}};
  ASSERT_EQ(Call("PUT", "/apis/policy/v1/namespaces/default/poddisruptionbudgets/budget/status", json::serialize(budget)).status, 200);
  HttpResponse evicted = Call("POST", url, eviction);
  ASSERT_EQ(evicted.status, 201) << evicted.body;
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/pods/p").status, 404);  // unbound: deleted at once
  json::object spent = Json(Call("GET", "/apis/policy/v1/namespaces/default/poddisruptionbudgets/budget"));
  EXPECT_EQ(spent["status"].at("disruptionsAllowed").as_int64(), 0);
  EXPECT_TRUE(spent["status"].at("disruptedPods").as_object().contains("p"));
  EXPECT_EQ(Call("POST", url, eviction).status, 404);
}

TEST_F(ApiServerTest, FieldSelectorsOnEachKindsFields) {
  auto pod = [](std::string name, std::string node) {
    return R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":")" + name +
           R"("},"spec":{"nodeName":")" + node + R"(","containers":[{"name":"c","image":"i"}]}})";
  };
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/pods", pod("a", "n1")).status, 201);
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/pods", pod("b", "n2")).status, 201);
  auto names = [&](std::string query) {
    HttpResponse r = Call("GET", "/api/v1/pods?" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    json::object list = Json(r);
    for (const auto& item : list["items"].as_array()) out.push_back(Str(item.at("metadata").at("name")));
    return out;
  };
  EXPECT_EQ(names("fieldSelector=spec.nodeName%3Dn2"), std::vector<std::string>{"b"});
  EXPECT_EQ(names("fieldSelector=spec.nodeName!%3Dn2,metadata.namespace%3Ddefault"), std::vector<std::string>{"a"});
  EXPECT_EQ(names("fieldSelector=spec.hostNetwork%3Dfalse").size(), 2u);  // absent booleans are false
  EXPECT_TRUE(names("fieldSelector=status.phase%3DRunning").empty());
  HttpResponse unsupported = Call("GET", "/api/v1/configmaps?fieldSelector=spec.nodeName%3Dn1");
  EXPECT_EQ(unsupported.status, 400);
  EXPECT_EQ(Str(Json(unsupported)["message"]), "field label not supported: spec.nodeName");
  // kubectl describe's event query.
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/events",
                 R"({"apiVersion":"v1","kind":"Event","metadata":{"name":"e"},"involvedObject":{"kind":"Pod","name":"a","namespace":"default"},"reason":"Scheduled","type":"Normal","source":{"component":"kref-scheduler"}})").status, 201);
  HttpResponse events = Call("GET", "/api/v1/namespaces/default/events?fieldSelector=involvedObject.name%3Da,involvedObject.kind%3DPod,source%3Dkref-scheduler");
  ASSERT_EQ(events.status, 200) << events.body;
  EXPECT_EQ(Json(events)["items"].as_array().size(), 1u);
}

TEST_F(ApiServerTest, ScopeMustMatchThePath) {
  EXPECT_EQ(Call("GET", "/api/v1/configmaps/cm").status, 404);           // namespaced, no namespace
  EXPECT_EQ(Call("GET", "/api/v1/namespaces/default/nodes/n").status, 404);  // cluster-scoped in one
  HttpResponse r = Call("PUT", "/api/v1/namespaces/default/configmaps");  // update a collection
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps/cm", kConfigMap).status, 405);
  EXPECT_EQ(Str(Json(r)["reason"]), "MethodNotAllowed");
}

}  // namespace
}  // namespace kref::apiserver
