#include "impl/api/manifest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace kref::api {
namespace {

std::string OneDocJson(std::string_view yaml) {
  Result<std::vector<ManifestDocument>> docs = ParseManifests(yaml);
  if (!docs) return "error: " + docs.error().message();
  if (docs->size() != 1) return "docs: " + std::to_string(docs->size());
  return boost::json::serialize((*docs)[0].value);
}

TEST(ManifestTest, Yaml11ScalarResolution) {
  EXPECT_EQ(OneDocJson("a: 1\nb: -2\nc: 0x1F\nd: 010\ne: 0b101\nf: 1_000\ng: +3"),
            R"({"a":1,"b":-2,"c":31,"d":8,"e":5,"f":1000,"g":3})");
  EXPECT_EQ(OneDocJson("a: 1.5\nb: 1.0\nc: 1e3\nd: .5\ne: -0.25"),
            R"({"a":1.5E0,"b":1,"c":1000,"d":5E-1,"e":-2.5E-1})");
  EXPECT_EQ(OneDocJson("a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: n\ng: true\nh: False"),
            R"({"a":true,"b":false,"c":true,"d":false,"e":true,"f":false,"g":true,"h":false})");
  EXPECT_EQ(OneDocJson("a: ~\nb: null\nc:\nd: NULL"), R"({"a":null,"b":null,"c":null,"d":null})");
  EXPECT_EQ(OneDocJson("a: \"1\"\nb: 'yes'\nc: !!str 12\nd: 1.2.3\ne: 0x\nf: web-1\ng: 2024-05-01"),
            R"({"a":"1","b":"yes","c":"12","d":"1.2.3","e":"0x","f":"web-1","g":"2024-05-01"})");
  EXPECT_EQ(OneDocJson("a: 18446744073709551615\nb: -9223372036854775808"),
            R"({"a":18446744073709551615,"b":-9223372036854775808})");
  EXPECT_EQ(OneDocJson("on: 1\n5: x"), R"({"true":1,"5":"x"})") << "keys resolve too, as upstream";
}

TEST(ManifestTest, RejectsWhatJsonCannotCarry) {
  EXPECT_EQ(OneDocJson("a: .nan"), "error: yaml: line 1: json: unsupported value: NaN");
  EXPECT_EQ(OneDocJson("a:\n  b: -.inf"), "error: yaml: line 2: json: unsupported value: +Inf");
  EXPECT_EQ(OneDocJson("? [a, b]\n: c"),
            "error: yaml: line 1: unsupported map key type (only scalar keys)");
}

// Found by fuzzing: invalid UTF-8 inside a scalar used to be kept as raw bytes and did not
// survive a round trip. go-yaml rejects such streams, and so do we.
TEST(ManifestTest, RejectsInvalidUtf8InYaml) {
  auto result = ParseManifests("kind: Pod\nmetadata:\n  name: \"a\xb8\"\n");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message(), "yaml: line 3: invalid UTF-8");
  EXPECT_FALSE(ParseManifests("a: \xed\xa0\x80\n").has_value());      // a surrogate
  EXPECT_FALSE(ParseManifests("a: \xc0\xaf\n").has_value());           // overlong
  EXPECT_FALSE(ParseManifests("a: \xe2\x82\n").has_value());           // truncated
  EXPECT_TRUE(ParseManifests("a: \"h\xc3\xa9 \xf0\x9f\x98\x80\"\n").has_value());
}

// Found by fuzzing: NUL bytes made yaml-cpp decode the stream as UTF-32, so a document did not
// survive a round trip. go-yaml allows only printable characters.
TEST(ManifestTest, RejectsControlCharactersInYaml) {
  auto result = ParseManifests(std::string("a: b\nc: \x02\x00\x00\x00" "d\n", 14));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message(), "yaml: line 2: control characters are not allowed");
  EXPECT_FALSE(ParseManifests("a: \x7f\n").has_value());
  EXPECT_TRUE(ParseManifests("a:\tb\r\nc: \"\xc2\x85\"\n").has_value());  // tab, CR, NEL
}

// Found by fuzzing: a document that is a tagged empty scalar became a null document, which
// printed as "~" and then vanished on reparse. Null documents are skipped however they are spelled.
TEST(ManifestTest, SkipsDocumentsThatResolveToNull) {
  auto result = ParseManifests("a: 1\n---\n!an\n---\n~\n---\nb: 2\n");
  ASSERT_TRUE(result.has_value()) << result.error();
  ASSERT_EQ(result->size(), 2u);
  EXPECT_EQ((*result)[1].number, 4u);
}

// Found by fuzzing: yaml-cpp 0.7 never returns from a document that starts with ','.
TEST(ManifestTest, RejectsADocumentStartingWithAFlowEntry) {
  for (const char* text : {",", "  ,a", "# c\n,", "a: 1\n---\n,", "--- ,", "--- !t ,", "&a ,",
                           "%YAML 1.1\n---\n\n  ,", "a: 1\n...\n,"}) {
    auto result = ParseManifests(text);
    ASSERT_FALSE(result.has_value()) << text;
    EXPECT_THAT(result.error().message(), ::testing::EndsWith("did not find expected node content"))
        << text;
  }
  EXPECT_EQ(ParseManifests("a: 1\n---\n,").error().message(),
            "yaml: line 3: did not find expected node content");
  // Commas elsewhere are yaml-cpp's to judge.
  EXPECT_TRUE(ParseManifests("a: [1, 2]\nb: x, y\n---\nc: |\n  ,\n").has_value());
}

TEST(ManifestTest, MergeKeysAndAliases) {
  EXPECT_EQ(OneDocJson("base: &b {p: 1, q: 2}\nc:\n  <<: *b\n  q: 3"),
            R"({"base":{"p":1,"q":2},"c":{"q":3,"p":1}})");
  EXPECT_EQ(OneDocJson("a: &a {p: 1}\nb: &b {q: 2}\nc:\n  <<: [*a, *b]"),
            R"({"a":{"p":1},"b":{"q":2},"c":{"p":1,"q":2}})");
  EXPECT_EQ(OneDocJson("a: &x hello\nb: *x"), R"({"a":"hello","b":"hello"})");
}

TEST(ManifestTest, AliasBombIsBounded) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  std::string result = OneDocJson(bomb);
  EXPECT_NE(result.find("too large after alias expansion"), std::string::npos) << result.substr(0, 200);
}

TEST(ManifestTest, MultiDocumentStreamsKeepNumbersAndLines) {
  Result<std::vector<ManifestDocument>> docs =
      ParseManifests("# leading comment\na: 1\n---\n---\n# only a comment\n---\nb:\n  c: 2\n...\n");
  ASSERT_TRUE(docs.has_value()) << docs.error();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[0].number, 1u);
  EXPECT_EQ((*docs)[0].line, 2u);
  EXPECT_EQ((*docs)[1].number, 4u);
  EXPECT_EQ((*docs)[1].line, 7u);
  EXPECT_EQ((*docs)[1].line_of("b.c"), 8u);
  EXPECT_EQ((*docs)[1].line_of("b.missing"), 7u) << "falls back to the closest ancestor";
}

TEST(ManifestTest, LineOfUnderstandsCodecPaths) {
  Result<std::vector<ManifestDocument>> docs = ParseManifests(
      "kind: Pod\nmetadata:\n  labels:\n    app: web\nspec:\n  containers:\n  - name: a\n"
      "  - name: b\n    image: ''\n");
  ASSERT_TRUE(docs.has_value());
  const ManifestDocument& doc = (*docs)[0];
  EXPECT_EQ(doc.line_of("spec.containers[1].image"), 9u);
  EXPECT_EQ(doc.line_of("spec.containers[1]"), 8u);
  EXPECT_EQ(doc.line_of("metadata.labels[app]"), 4u);
  EXPECT_EQ(doc.line_of(""), 1u);
}

TEST(ManifestTest, DuplicateKeysAreReported) {
  Result<std::vector<ManifestDocument>> docs =
      ParseManifests("metadata:\n  name: a\n  name: b\n");
  ASSERT_TRUE(docs.has_value());
  EXPECT_EQ((*docs)[0].duplicate_fields, (std::vector<DuplicateField>{{"metadata.name", 3}}));
  EXPECT_EQ(boost::json::serialize((*docs)[0].value), R"({"metadata":{"name":"b"}})");
}

TEST(ManifestTest, YamlErrorsNameTheLine) {
  Result<std::vector<ManifestDocument>> docs = ParseManifests("a: 1\nb: [1, 2\nc: 3\n");
  ASSERT_FALSE(docs.has_value());
  EXPECT_EQ(docs.error().message().rfind("yaml: line ", 0), 0u) << docs.error();
  docs = ParseManifests("a:\n  b: 1\n c: 2\n");
  ASSERT_FALSE(docs.has_value());
  EXPECT_EQ(docs.error().message().rfind("yaml: line 3", 0), 0u) << docs.error();
}

TEST(ManifestTest, JsonStreams) {
  Result<std::vector<ManifestDocument>> docs =
      ParseManifests("{\"kind\": \"A\"}\n{\n  \"kind\": \"B\",\n  \"x\": [1, {\"y\": 2}]\n}\n");
  ASSERT_TRUE(docs.has_value()) << docs.error();
  ASSERT_EQ(docs->size(), 2u);
  EXPECT_EQ((*docs)[1].line, 2u);
  EXPECT_EQ((*docs)[1].line_of("x[1].y"), 4u);
  docs = ParseManifests("{\"a\": 1}\n{\"b\": }");
  ASSERT_FALSE(docs.has_value());
  EXPECT_NE(docs.error().message().find("line 2"), std::string::npos) << docs.error();
}

TEST(ManifestTest, JsonToYamlRoundTrips) {
  boost::json::value v = boost::json::parse(
      R"({"s":"plain","t":"true","n":"123","e":"","z":null,"b":false,"i":-7,"f":2.5,)"
      R"("nl":"a\nb","colon":"a: b","hash":"a #b","dash":"- x","list":[1,"2",[]],"obj":{},)"
      R"("deep":{"k":[{"a":1},{"b":"yes"}]},"8":"octal?","010":"010","unicode":"é✓","tilde":"~"})");
  std::string yaml = JsonToYaml(v);
  Result<std::vector<ManifestDocument>> docs = ParseManifests(yaml);
  ASSERT_TRUE(docs.has_value()) << docs.error() << "\n" << yaml;
  ASSERT_EQ(docs->size(), 1u);
  EXPECT_EQ((*docs)[0].value, v) << yaml;
}

}  // namespace
}  // namespace kref::api
