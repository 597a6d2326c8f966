#include "impl/api/fields.h"

#include <gtest/gtest.h>

namespace kref::api::fields {
namespace {

TEST(FieldSelectorTest, ParsesPrintsAndMatches) {
  Result<Selector> s = Selector::Parse("status.phase!=Running,metadata.name=web");
  ASSERT_TRUE(s.has_value()) << s.error();
  EXPECT_EQ(s->ToString(), "metadata.name=web,status.phase!=Running");
  EXPECT_TRUE(s->Matches({{"metadata.name", "web"}, {"status.phase", "Pending"}}));
  EXPECT_FALSE(s->Matches({{"metadata.name", "web"}, {"status.phase", "Running"}}));
  EXPECT_FALSE(s->Matches({{"metadata.name", "db"}}));
  EXPECT_EQ(s->RequiresExactMatch("metadata.name"), "web");
  EXPECT_EQ(s->RequiresExactMatch("status.phase"), std::nullopt);
}

TEST(FieldSelectorTest, DoubleEqualsAndEmpty) {
  EXPECT_TRUE(Selector::Parse("")->Empty());
  EXPECT_TRUE(Selector::Parse(",,")->Empty());
  Result<Selector> s = Selector::Parse("spec.nodeName==");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->ToString(), "spec.nodeName=");
  EXPECT_TRUE(s->Matches({}));
  EXPECT_FALSE(s->Matches({{"spec.nodeName", "n1"}}));
}

TEST(FieldSelectorTest, Escaping) {
  Result<Selector> s = Selector::Parse(R"(metadata.name=a\,b\=c\\d)");
  ASSERT_TRUE(s.has_value()) << s.error();
  ASSERT_EQ(s->terms().size(), 1u);
  EXPECT_EQ(s->terms()[0].value, R"(a,b=c\d)");
  EXPECT_EQ(s->ToString(), R"(metadata.name=a\,b\=c\\d)");
  EXPECT_EQ(EscapeValue("x=y"), "x\\=y");
}

TEST(FieldSelectorTest, Errors) {
  EXPECT_EQ(Selector::Parse("a").error().message(), "invalid selector: 'a'; can't understand 'a'");
  EXPECT_EQ(Selector::Parse("a=b,c").error().message(),
            "invalid selector: 'a=b,c'; can't understand 'c'");
  EXPECT_EQ(Selector::Parse(R"(a=\x)").error().message(),
            "invalid field selector: invalid escape sequence: \\x");
  EXPECT_EQ(Selector::Parse("a=b=c").error().message(),
            "invalid field selector: unescaped character in value: 61");
  EXPECT_EQ(Selector::Parse("a=b\\").error().message(),
            "invalid field selector: invalid escape sequence: \\");
}

}  // namespace
}  // namespace kref::api::fields
