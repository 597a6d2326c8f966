#include "impl/apiserver/patch.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "impl/api/apps/types.h"
#include "impl/api/core/types.h"
#include "impl/api/policy/types.h"

namespace kref::apiserver {
namespace {

namespace json = boost::json;

std::string Merge(std::string_view target, std::string_view patch) {
  return json::serialize(MergePatch(json::parse(target), json::parse(patch)));
}

// RFC 7386, appendix A.
TEST(MergePatchTest, Rfc7386Examples) {
  EXPECT_EQ(Merge(R"({"a":"b"})", R"({"a":"c"})"), R"({"a":"c"})");
  EXPECT_EQ(Merge(R"({"a":"b"})", R"({"b":"c"})"), R"({"a":"b","b":"c"})");
  EXPECT_EQ(Merge(R"({"a":"b"})", R"({"a":null})"), R"({})");
  EXPECT_EQ(Merge(R"({"a":"b","b":"c"})", R"({"a":null})"), R"({"b":"c"})");
  EXPECT_EQ(Merge(R"({"a":["b"]})", R"({"a":"c"})"), R"({"a":"c"})");
  EXPECT_EQ(Merge(R"({"a":"c"})", R"({"a":["b"]})"), R"({"a":["b"]})");
  EXPECT_EQ(Merge(R"({"a":{"b":"c"}})", R"({"a":{"b":"d","c":null}})"), R"({"a":{"b":"d"}})");
  EXPECT_EQ(Merge(R"({"a":[{"b":"c"}]})", R"({"a":[1]})"), R"({"a":[1]})");
  EXPECT_EQ(Merge(R"(["a","b"])", R"(["c","d"])"), R"(["c","d"])");
  EXPECT_EQ(Merge(R"({"a":"b"})", R"(["c"])"), R"(["c"])");
  EXPECT_EQ(Merge(R"({"a":"foo"})", R"(null)"), R"(null)");
  EXPECT_EQ(Merge(R"({"a":"foo"})", R"("bar")"), R"("bar")");
  EXPECT_EQ(Merge(R"({"e":null})", R"({"a":1})"), R"({"e":null,"a":1})");
  EXPECT_EQ(Merge(R"([1,2])", R"({"a":"b","c":null})"), R"({"a":"b"})");
  EXPECT_EQ(Merge(R"({})", R"({"a":{"bb":{"ccc":null}}})"), R"({"a":{"bb":{}}})");
}

Result<std::string> Apply(std::string_view target, std::string_view patch) {
  KREF_ASSIGN_OR_RETURN(json::value out, JsonPatch(json::parse(target), json::parse(patch)));
  return json::serialize(out);
}

// RFC 6902, appendix A.
TEST(JsonPatchTest, Rfc6902Examples) {
  EXPECT_EQ(Apply(R"({"foo":"bar"})", R"([{"op":"add","path":"/baz","value":"qux"}])").value(),
            R"({"foo":"bar","baz":"qux"})");
  EXPECT_EQ(Apply(R"({"foo":["bar","baz"]})", R"([{"op":"add","path":"/foo/1","value":"qux"}])").value(),
            R"({"foo":["bar","qux","baz"]})");
  EXPECT_EQ(Apply(R"({"baz":"qux","foo":"bar"})", R"([{"op":"remove","path":"/baz"}])").value(),
            R"({"foo":"bar"})");
  EXPECT_EQ(Apply(R"({"foo":["bar","qux","baz"]})", R"([{"op":"remove","path":"/foo/1"}])").value(),
            R"({"foo":["bar","baz"]})");
  EXPECT_EQ(Apply(R"({"baz":"qux","foo":"bar"})", R"([{"op":"replace","path":"/baz","value":"boo"}])").value(),
            R"({"foo":"bar","baz":"boo"})");
  EXPECT_EQ(Apply(R"({"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}})",
                  R"([{"op":"move","from":"/foo/waldo","path":"/qux/thud"}])").value(),
            R"({"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}})");
  EXPECT_EQ(Apply(R"({"foo":["all","grass","cows","eat"]})",
                  R"([{"op":"move","from":"/foo/1","path":"/foo/3"}])").value(),
            R"({"foo":["all","cows","eat","grass"]})");
  EXPECT_TRUE(Apply(R"({"baz":"qux","foo":["a",2,"c"]})",
                    R"([{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}])")
                  .has_value());
  EXPECT_EQ(Apply(R"({"foo":["bar"]})", R"([{"op":"add","path":"/foo/-","value":["abc","def"]}])").value(),
            R"({"foo":["bar",["abc","def"]]})");
  EXPECT_EQ(Apply(R"({"/":9,"~1":10})", R"([{"op":"test","path":"/~01","value":10},{"op":"copy","from":"/~1","path":"/x"}])").value(),
            R"({"/":9,"~1":10,"x":9})");
}

TEST(JsonPatchTest, FailuresSayWhy) {
  // Operations that do not apply (the server answers 422).
  auto missing = Apply(R"({"foo":"bar"})", R"([{"op":"replace","path":"/nope","value":1}])");
  EXPECT_TRUE(missing.error().IsFailedPrecondition());
  EXPECT_EQ(missing.error().message(), "replace operation does not apply: doc is missing path: \"/nope\"");
  EXPECT_TRUE(Apply(R"({"baz":"qux"})", R"([{"op":"test","path":"/baz","value":"bar"}])").error().IsFailedPrecondition());
  EXPECT_TRUE(Apply(R"({"a":[1]})", R"([{"op":"add","path":"/a/5","value":1}])").error().IsFailedPrecondition());
  EXPECT_TRUE(Apply(R"({"a":{}})", R"([{"op":"move","from":"/a","path":"/a/b"}])").error().IsFailedPrecondition());
  EXPECT_TRUE(Apply(R"({"a":[1]})", R"([{"op":"remove","path":"/a/01"}])").error().IsFailedPrecondition());
  // Malformed patches (the server answers 400).
  EXPECT_TRUE(Apply(R"({})", R"({"op":"add"})").error().IsInvalidArgument());
  EXPECT_TRUE(Apply(R"({})", R"([{"op":"add","path":"/a"}])").error().IsInvalidArgument());
  EXPECT_TRUE(Apply(R"({})", R"([{"op":"frob","path":"/a"}])").error().IsInvalidArgument());
  EXPECT_TRUE(Apply(R"({})", R"([{"op":"remove","path":"a"}])").error().IsInvalidArgument());
  EXPECT_TRUE(Apply(R"({})", R"([{"op":"remove","path":"/~2"}])").error().IsInvalidArgument());
  // Nothing is applied when a later operation fails: the caller keeps its object.
  EXPECT_FALSE(Apply(R"({"a":1})", R"([{"op":"remove","path":"/a"},{"op":"remove","path":"/a"}])").has_value());
}

// A strategic merge patch of a Pod (`schema` null: of free-form JSON).
Result<std::string> Strategic(std::string_view target, std::string_view patch,
                              const api::TypeSchema* schema = &api::SchemaOf<api::core::Pod>()) {
  KREF_ASSIGN_OR_RETURN(json::value out, StrategicMergePatch(json::parse(target), json::parse(patch), schema));
  return json::serialize(out);
}

TEST(StrategicMergePatchTest, MergesListsOnTheirMergeKeys) {
  std::string pod = R"({"spec":{"containers":[{"name":"a","image":"x","env":[{"name":"E","value":"1"}]},{"name":"b","image":"y"}],"tolerations":[{"key":"k"}]}})";
  // Containers merge by name; env by name; a list without a strategy is replaced.
  EXPECT_EQ(Strategic(pod, R"({"spec":{"containers":[{"name":"a","image":"z","env":[{"name":"F","value":"2"}]}],"tolerations":[{"key":"j"}]}})").value(),
            R"({"spec":{"containers":[{"name":"a","image":"z","env":[{"name":"E","value":"1"},{"name":"F","value":"2"}]},{"name":"b","image":"y"}],"tolerations":[{"key":"j"}]}})");
  // $patch: delete removes an element; a new element is appended.
  EXPECT_EQ(Strategic(pod, R"({"spec":{"containers":[{"name":"b","$patch":"delete"},{"name":"c","image":"w"}]}})").value(),
            R"({"spec":{"containers":[{"name":"a","image":"x","env":[{"name":"E","value":"1"}]},{"name":"c","image":"w"}],"tolerations":[{"key":"k"}]}})");
  // Ports merge on containerPort in containers, on port in a Service.
  EXPECT_EQ(Strategic(R"({"spec":{"ports":[{"port":80,"name":"http"}]}})", R"({"spec":{"ports":[{"port":443,"name":"https"}]}})",
                      &api::SchemaOf<api::core::Service>()).value(),
            R"({"spec":{"ports":[{"port":80,"name":"http"},{"port":443,"name":"https"}]}})");
  EXPECT_EQ(Strategic(R"({"spec":{"containers":[{"name":"a","ports":[{"containerPort":80}]}]}})",
                      R"({"spec":{"containers":[{"name":"a","ports":[{"containerPort":81}]}]}})").value(),
            R"({"spec":{"containers":[{"name":"a","ports":[{"containerPort":80},{"containerPort":81}]}]}})");
  // The same field name merges only where its type says so: a Node's addresses by type, a
  // Pod's podIPs by ip, an EndpointSubset's addresses not at all.
  EXPECT_EQ(Strategic(R"({"status":{"podIPs":[{"ip":"a"}]}})", R"({"status":{"podIPs":[{"ip":"b"}]}})").value(),
            R"({"status":{"podIPs":[{"ip":"a"},{"ip":"b"}]}})");
  EXPECT_EQ(Strategic(R"({"subsets":[{"addresses":[{"ip":"a"}]}]})", R"({"subsets":[{"addresses":[{"ip":"b"}]}]})",
                      &api::SchemaOf<api::core::Endpoints>()).value(),
            R"({"subsets":[{"addresses":[{"ip":"b"}]}]})");
  // Free-form JSON (no type) merges objects and replaces lists.
  EXPECT_EQ(Strategic(R"({"spec":{"containers":[{"name":"a"}]}})", R"({"spec":{"containers":[{"name":"b"}]}})", nullptr).value(),
            R"({"spec":{"containers":[{"name":"b"}]}})");
  // Finalizers merge as a set; $deleteFromPrimitiveList removes from one.
  EXPECT_EQ(Strategic(R"({"metadata":{"finalizers":["a","b"]}})", R"({"metadata":{"finalizers":["b","c"]}})").value(),
            R"({"metadata":{"finalizers":["a","b","c"]}})");
  EXPECT_EQ(Strategic(R"({"metadata":{"finalizers":["a","b"]}})", R"({"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}})").value(),
            R"({"metadata":{"finalizers":["b"]}})");
}

TEST(StrategicMergePatchTest, MapsDirectivesAndErrors) {
  EXPECT_EQ(Strategic(R"({"a":{"x":1,"y":2},"b":1})", R"({"a":{"y":null,"z":3},"b":null})", nullptr).value(),
            R"({"a":{"x":1,"z":3}})");
  EXPECT_EQ(Strategic(R"({"a":{"x":1,"y":2}})", R"({"a":{"$patch":"replace","z":3}})").value(), R"({"a":{"z":3}})");
  EXPECT_EQ(Strategic(R"({"a":{"x":1},"b":2})", R"({"a":{"$patch":"delete"}})").value(), R"({"b":2})");
  EXPECT_EQ(Strategic(R"({"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}}})",
                      R"({"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"}}})",
                      &api::SchemaOf<api::apps::Deployment>()).value(),
            R"({"spec":{"strategy":{"type":"Recreate"}}})");
  // A field tagged replace (a PodDisruptionBudget's selector) is replaced, not merged.
  EXPECT_EQ(Strategic(R"({"spec":{"selector":{"matchLabels":{"a":"1"}}}})", R"({"spec":{"selector":{"matchLabels":{"b":"2"}}}})",
                      &api::SchemaOf<api::policy::PodDisruptionBudget>()).value(),
            R"({"spec":{"selector":{"matchLabels":{"b":"2"}}}})");
  // kubectl apply sends element orders; they are hints, not content.
  EXPECT_EQ(Strategic(R"({"spec":{"containers":[{"name":"a"}]}})",
                      R"({"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"a","image":"i"}]}})").value(),
            R"({"spec":{"containers":[{"name":"a","image":"i"}]}})");
  EXPECT_TRUE(Strategic(R"({})", R"([1])").error().IsInvalidArgument());
  EXPECT_TRUE(Strategic(R"({})", R"({"spec":{"containers":[{"image":"no name"}]}})").error().IsInvalidArgument());
  EXPECT_TRUE(Strategic(R"({})", R"({"a":{"$patch":"explode"}})").error().IsInvalidArgument());
}

}  // namespace
}  // namespace kref::apiserver
