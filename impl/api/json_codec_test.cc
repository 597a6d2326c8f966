#include "impl/api/internal/json_codec.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "impl/api/meta/types.h"

namespace kref::api {
namespace {

TEST(JsonCodecTest, ObjectMetaRoundTrip) {
  meta::ObjectMeta m;
  m.name = "web";
  m.namespace_ = "default";
  m.labels = {{"app", "web"}, {"tier", "<front>"}};
  m.generation = 3;
  m.creationTimestamp = *Time::Parse("2024-05-01T12:00:00Z");
  m.ownerReferences.push_back({.apiVersion = "apps/v1",
                               .kind = "ReplicaSet",
                               .name = "web-1",
                               .uid = "u1",
                               .controller = true});
  std::string json = ToJson(m);
  EXPECT_EQ(json,
            R"({"name":"web","namespace":"default","generation":3,)"
            R"("creationTimestamp":"2024-05-01T12:00:00Z",)"
            R"("labels":{"app":"web","tier":"\u003cfront\u003e"},)"
            R"("ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-1",)"
            R"("uid":"u1","controller":true}]})");
  DecodeReport report;
  auto back = FromJson<meta::ObjectMeta>(json, &report);
  ASSERT_TRUE(back.has_value()) << back.error();
  EXPECT_EQ(*back, m);
  EXPECT_TRUE(report.unknown_fields.empty());
}

TEST(JsonCodecTest, ZeroTimeIsNull) {
  meta::ObjectMeta m;
  EXPECT_EQ(ToJson(m), R"({"creationTimestamp":null})");
}

TEST(JsonCodecTest, UnknownFieldsAreReported) {
  DecodeReport report;
  auto m = FromJson<meta::ObjectMeta>(
      R"({"name":"x","nmae":"y","ownerReferences":[{"uid":"1","bogus":2}]})", &report);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->name, "x");
  EXPECT_EQ(report.unknown_fields, (std::vector<std::string>{"nmae", "ownerReferences[0].bogus"}));
}

TEST(JsonCodecTest, TypeErrorNamesPathAndLocation) {
  auto m = FromJson<meta::ObjectMeta>("{\n  \"name\": \"x\",\n  \"generation\": \"3\"\n}");
  ASSERT_FALSE(m.has_value());
  EXPECT_EQ(m.error().message(),
            "json: cannot unmarshal string into field generation of type int64 (line 3, column "
            "17)");
  ASSERT_NE(m.error().details(), nullptr);
  EXPECT_EQ(m.error().details()->causes[0].field, "generation");
}

TEST(JsonCodecTest, SyntaxErrorHasLocation) {
  auto m = FromJson<meta::ObjectMeta>("{\n \"name\": \"x\",,\n}");
  ASSERT_FALSE(m.has_value());
  EXPECT_NE(m.error().message().find("line 2"), std::string::npos) << m.error();
}

}  // namespace
}  // namespace kref::api
