// Label selectors: the string grammar, LabelSelector objects, printing and matching, with cases
// from upstream's selector tests.
#include "impl/api/labels.h"

#include <gtest/gtest.h>

namespace kref::api::labels {
namespace {

std::string Reparse(std::string_view text) {
  Result<Selector> s = Selector::Parse(text);
  if (!s) return "error: " + s.error().message();
  return s->ToString();
}

TEST(LabelSelectorTest, ParsesAndPrintsCanonically) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", ""},
      {"x=a,y=b,z=c", "x=a,y=b,z=c"},
      {"z=c,x=a", "x=a,z=c"},
      {"x!=a,y=b", "x!=a,y=b"},
      {"x=,z= ", "x=,z="},
      {"x= ,z= ", "x=,z="},
      {"!x", "!x"},
      {"x>1", "x>1"},
      {"x<7", "x<7"},
      {"x==a", "x==a"},
      {"  x  in  ( b , a )  ", "x in (a,b)"},
      {"x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()"},
      {"x notin (a)", "x notin (a)"},
      {"x in (in,notin)", "x in (in,notin)"},
      {"example.com/key=v", "example.com/key=v"},
  };
  for (const auto& [input, want] : cases) EXPECT_EQ(Reparse(input), want) << input;
}

TEST(LabelSelectorTest, ErrorsMatchUpstream) {
  EXPECT_EQ(Reparse("x=a y=b"), "error: found 'y', expected: ',' or 'end of string'");
  EXPECT_EQ(Reparse("x=a,"), "error: found '', expected: identifier after ','");
  EXPECT_EQ(Reparse(",x"), "error: found ',', expected: !, identifier, or 'end of string'");
  EXPECT_EQ(Reparse("!x=a"), "error: found '=', expected: ',' or 'end of string'");
  EXPECT_EQ(Reparse("x in a"), "error: unable to parse requirement: found 'a' expected: '('");
  EXPECT_EQ(Reparse("x in (a"),
            "error: unable to parse requirement: found '', expected: ',' or ')'");
  EXPECT_EQ(
      Reparse("x (a)"),
      "error: unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt");
  EXPECT_EQ(Reparse("x>"),
            "error: unable to parse requirement: values[0]: Invalid value: \"\": for 'Gt', 'Lt' "
            "operators, the value must be an integer");
  EXPECT_EQ(Reparse("x=a b"), "error: found 'b', expected: ',' or 'end of string'");
  EXPECT_EQ(Reparse("x=!"), "error: unable to parse requirement: found '!', expected: identifier");
  EXPECT_EQ(Reparse("-x=a"),
            "error: unable to parse requirement: <nil>: Invalid value: \"-x\": name part must "
            "consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
            "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
            "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
  EXPECT_EQ(Reparse("x=-a"),
            "error: unable to parse requirement: values[0][x]: Invalid value: \"-a\": a valid "
            "label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', "
            "and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
            "'my_value',  or '12345', regex used for validation is "
            "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  EXPECT_EQ(Reparse("x=a!!b"), "error: found '!', expected: ',' or 'end of string'")
      << "'!!' lexes as two '!' tokens";
  EXPECT_EQ(Reparse("x=a,!=b"), "error: found '!=', expected: identifier after ','");
}

TEST(LabelSelectorTest, Matching) {
  Set labels = {{"app", "web"}, {"tier", "front"}, {"gen", "5"}};
  auto matches = [&](std::string_view text) { return Selector::Parse(text)->Matches(labels); };
  EXPECT_TRUE(matches(""));
  EXPECT_TRUE(matches("app=web"));
  EXPECT_TRUE(matches("app==web,tier"));
  EXPECT_FALSE(matches("app=db"));
  EXPECT_TRUE(matches("app!=db"));
  EXPECT_TRUE(matches("missing!=x"));
  EXPECT_TRUE(matches("!missing"));
  EXPECT_FALSE(matches("!app"));
  EXPECT_TRUE(matches("app in (db,web)"));
  EXPECT_FALSE(matches("app notin (db,web)"));
  EXPECT_TRUE(matches("missing notin (db)"));
  EXPECT_FALSE(matches("missing in (db)"));
  EXPECT_TRUE(matches("gen>4"));
  EXPECT_FALSE(matches("gen>5"));
  EXPECT_TRUE(matches("gen<6"));
  EXPECT_FALSE(matches("app>1")) << "a non-integer label value never matches gt";
  EXPECT_FALSE(Selector::Nothing().Matches({}));
  EXPECT_TRUE(Selector::Everything().Matches({}));
}

TEST(LabelSelectorTest, FromLabelSelector) {
  meta::LabelSelector object;
  object.matchLabels = {{"app", "web"}};
  object.matchExpressions.push_back(
      {.key = "tier", .operator_ = "In", .values = {"front", "edge"}});
  object.matchExpressions.push_back({.key = "legacy", .operator_ = "DoesNotExist"});
  Result<Selector> s = Selector::FromLabelSelector(object);
  ASSERT_TRUE(s.has_value()) << s.error();
  EXPECT_EQ(s->ToString(), "app=web,!legacy,tier in (edge,front)");
  EXPECT_TRUE(s->Matches({{"app", "web"}, {"tier", "edge"}}));
  EXPECT_FALSE(s->Matches({{"app", "web"}, {"tier", "edge"}, {"legacy", "1"}}));
  EXPECT_EQ(s->RequiresExactMatch("app"), "web");
  EXPECT_EQ(s->RequiresExactMatch("tier"), std::nullopt);

  EXPECT_TRUE(Selector::FromLabelSelector(std::optional<meta::LabelSelector>())->MatchesNothing());
  EXPECT_TRUE(Selector::FromLabelSelector(meta::LabelSelector())->Empty());

  meta::LabelSelector bad;
  bad.matchExpressions.push_back({.key = "a", .operator_ = "Matches"});
  EXPECT_EQ(Selector::FromLabelSelector(bad).error().message(),
            "\"Matches\" is not a valid label selector operator");
  meta::LabelSelector empty_in;
  empty_in.matchExpressions.push_back({.key = "a", .operator_ = "In"});
  EXPECT_EQ(Selector::FromLabelSelector(empty_in).error().message(),
            "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be "
            "empty");
}

TEST(LabelSelectorTest, FromSet) {
  Selector s = Selector::FromSet({{"b", "2"}, {"a", "1"}});
  EXPECT_EQ(s.ToString(), "a=1,b=2");
  EXPECT_TRUE(s.Matches({{"a", "1"}, {"b", "2"}, {"c", "3"}}));
  EXPECT_FALSE(s.Matches({{"a", "1"}}));
}

}  // namespace
}  // namespace kref::api::labels
