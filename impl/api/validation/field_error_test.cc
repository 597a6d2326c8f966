// Tests for field paths, bad-value rendering, each error type's message and reason, and the
// aggregation of field errors into the 422 Invalid status, against upstream's field.Error and
// NewInvalid output.
#include "impl/api/validation/field_error.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kref::api::validation {
namespace {

// ---- GoQuote ----

TEST(FieldErrorTest, GoQuotePlainAndEscapedAscii) {
  EXPECT_EQ(GoQuote(""), "\"\"");
  EXPECT_EQ(GoQuote("web-1"), "\"web-1\"");
  EXPECT_EQ(GoQuote("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(GoQuote("C:\\dir"), "\"C:\\\\dir\"");
  EXPECT_EQ(GoQuote("a\nb\tc\rd"), "\"a\\nb\\tc\\rd\"");
  EXPECT_EQ(GoQuote("\a\b\f\v"), "\"\\a\\b\\f\\v\"");
  EXPECT_EQ(GoQuote(std::string("\x01\x1f\x7f", 3)), "\"\\x01\\x1f\\x7f\"");
  EXPECT_EQ(GoQuote(std::string("a\0b", 3)), "\"a\\x00b\"");
}

TEST(FieldErrorTest, GoQuoteUnicode) {
  EXPECT_EQ(GoQuote("caf\u00e9 \u65e5\u672c"), "\"caf\u00e9 \u65e5\u672c\"");
  EXPECT_EQ(GoQuote("\U0001F600"), "\"\U0001F600\"");
  EXPECT_EQ(GoQuote("\u00a0"), "\"\\u00a0\"");
  EXPECT_EQ(GoQuote("a\u2028b"), "\"a\\u2028b\"");
  EXPECT_EQ(GoQuote("\u0085"), "\"\\u0085\"");
  EXPECT_EQ(GoQuote("\xf4\x8f\xbf\xbf"), "\"\\U0010ffff\"");
}

TEST(FieldErrorTest, GoQuoteInvalidUtf8ByteByByte) {
  EXPECT_EQ(GoQuote("\xff"), "\"\\xff\"");
  EXPECT_EQ(GoQuote("a\xc3"), "\"a\\xc3\"");
  EXPECT_EQ(GoQuote("\xc0\xaf"), "\"\\xc0\\xaf\"");
  EXPECT_EQ(GoQuote("\xed\xa0\x80"), "\"\\xed\\xa0\\x80\"");
}

// ---- Path ----

TEST(FieldErrorTest, PathRendering) {
  Path spec("spec");
  EXPECT_EQ(spec.str(), "spec");
  EXPECT_EQ(spec.Child("containers").Index(0).Child("env").Index(2).str(),
            "spec.containers[0].env[2]");
  EXPECT_EQ(Path("metadata").Child("labels").Key("app").str(), "metadata.labels[app]");
  EXPECT_EQ(Path().Child("data").str(), "data");
}

// ---- BadValue ----

TEST(FieldErrorTest, BadValueRendersLikeGo) {
  EXPECT_EQ(BadValue("web").text(), "\"web\"");
  EXPECT_EQ(BadValue(std::string("a\"b")).text(), "\"a\\\"b\"");
  EXPECT_EQ(BadValue(std::string_view("")).text(), "\"\"");
  EXPECT_EQ(BadValue(int32_t{-1}).text(), "-1");
  EXPECT_EQ(BadValue(int64_t{4294967296}).text(), "4294967296");
  EXPECT_EQ(BadValue(true).text(), "true");
  EXPECT_EQ(BadValue(false).text(), "false");
  EXPECT_EQ(BadValue(std::vector<std::string>{"a", "b\"c"}).text(), "[]string{\"a\", \"b\\\"c\"}");
  EXPECT_EQ(BadValue(std::vector<std::string>{}).text(), "[]string{}");
  EXPECT_EQ(BadValue::Null().text(), "null");
  EXPECT_EQ(BadValue::Raw("1Gi").text(), "1Gi");
}

// ---- Error types ----

TEST(FieldErrorTest, EachTypeMessageAndReason) {
  Path path = Path("spec").Child("replicas");
  struct Case {
    FieldError error;
    std::string message;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {Required(path), "spec.replicas: Required value", "FieldValueRequired"},
      {Required(path, "must be set"), "spec.replicas: Required value: must be set",
       "FieldValueRequired"},
      {Invalid(path, int64_t{-1}, "must be greater than or equal to 0"),
       "spec.replicas: Invalid value: -1: must be greater than or equal to 0", "FieldValueInvalid"},
      {Invalid(path, "x", ""), "spec.replicas: Invalid value: \"x\"", "FieldValueInvalid"},
      {InvalidOmitValue(path, "specifying both is not supported"),
       "spec.replicas: Invalid value: specifying both is not supported", "FieldValueInvalid"},
      {NotSupported(path, "Sometimes", {"Always", "Never"}),
       "spec.replicas: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\"",
       "FieldValueNotSupported"},
      {Duplicate(path, "web"), "spec.replicas: Duplicate value: \"web\"", "FieldValueDuplicate"},
      {NotFound(path, "data"), "spec.replicas: Not found: \"data\"", "FieldValueNotFound"},
      {Forbidden(path, "may not be set"), "spec.replicas: Forbidden: may not be set",
       "FieldValueForbidden"},
      {TooLong(path, 63), "spec.replicas: Too long: must have at most 63 bytes",
       "FieldValueTooLong"},
      {TooMany(path, 21, 20), "spec.replicas: Too many: 21: must have at most 20 items",
       "FieldValueTooMany"},
      {InternalError(path, "boom"), "spec.replicas: Internal error: boom", "InternalError"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.error.ToString(), c.message);
    EXPECT_EQ(c.error.Reason(), c.reason) << c.message;
  }
}

TEST(FieldErrorTest, TypeInvalidPrintsItsValue) {
  FieldError error{ErrorType::kTypeInvalid, "spec.replicas", "\"three\"", "expected an integer"};
  EXPECT_EQ(error.ToString(), "spec.replicas: Invalid value: \"three\": expected an integer");
  EXPECT_EQ(error.Reason(), "FieldValueTypeInvalid");
}

TEST(FieldErrorTest, InvalidOmitValueDiffersFromAnEmptyStringValue) {
  Path path("spec");
  EXPECT_EQ(InvalidOmitValue(path, "must specify one").Body(), "Invalid value: must specify one");
  EXPECT_EQ(Invalid(path, "", "must specify one").Body(), "Invalid value: \"\": must specify one");
  EXPECT_FALSE(InvalidOmitValue(path, "d") == Invalid(path, BadValue::Raw(""), "d"));
}

// ---- NotSupported detail ----

TEST(FieldErrorTest, NotSupportedListsValuesQuotedInGivenOrder) {
  Path path("type");
  EXPECT_EQ(NotSupported(path, "x", {"b", "a", "c"}).detail,
            "supported values: \"b\", \"a\", \"c\"");
  EXPECT_EQ(NotSupported(path, "x", std::vector<std::string>{"only"}).detail,
            "supported values: \"only\"");
  EXPECT_EQ(NotSupported(path, "x", {"with \"quote\""}).detail,
            "supported values: \"with \\\"quote\\\"\"");
  EXPECT_EQ(NotSupported(path, "x", std::vector<std::string>{}).ToString(),
            "type: Unsupported value: \"x\"");
  EXPECT_EQ(NotSupported(path, true, {"nil", "false"}).ToString(),
            "type: Unsupported value: true: supported values: \"nil\", \"false\"");
}

// ---- InvalidError ----

TEST(FieldErrorTest, InvalidErrorWithOneError) {
  Status status = InvalidError(
      "apps", "Deployment", "web",
      {Invalid(Path("spec").Child("replicas"), int64_t{-1}, "must be greater than or equal to 0")});
  EXPECT_TRUE(status.IsInvalidArgument());
  EXPECT_EQ(status.message(),
            "Deployment.apps \"web\" is invalid: spec.replicas: Invalid value: -1: must be greater "
            "than or equal to 0");
  ASSERT_NE(status.details(), nullptr);
  const StatusDetails& details = *status.details();
  EXPECT_EQ(details.reason, "Invalid");
  EXPECT_EQ(details.group, "apps");
  EXPECT_EQ(details.kind, "Deployment");
  EXPECT_EQ(details.name, "web");
  EXPECT_EQ(details.causes,
            (std::vector<StatusCause>{{"FieldValueInvalid",
                                       "Invalid value: -1: must be greater than or equal to 0",
                                       "spec.replicas"}}));
}

TEST(FieldErrorTest, InvalidErrorCoreGroupHasNoSuffix) {
  Status status = InvalidError("", "Pod", "a\"b", {Required(Path("spec").Child("containers"))});
  EXPECT_EQ(status.message(), "Pod \"a\\\"b\" is invalid: spec.containers: Required value");
  EXPECT_EQ(status.details()->group, "");
}

TEST(FieldErrorTest, InvalidErrorWithSeveralErrorsListsEachMessageOnce) {
  Path name = Path("metadata").Child("name");
  FieldErrors errors = {Required(name), Forbidden(Path("spec"), "may not be set"), Required(name),
                        InvalidOmitValue(Path("spec").Child("rules"), "bad")};
  Status status = InvalidError("batch", "Job", "pi", errors);
  EXPECT_EQ(status.message(),
            "Job.batch \"pi\" is invalid: [metadata.name: Required value, spec: Forbidden: may "
            "not be set, spec.rules: Invalid value: bad]");
  const std::vector<StatusCause>& causes = status.details()->causes;
  ASSERT_EQ(causes.size(), 4u);
  EXPECT_EQ(causes[0], (StatusCause{"FieldValueRequired", "Required value", "metadata.name"}));
  EXPECT_EQ(causes[1], (StatusCause{"FieldValueForbidden", "Forbidden: may not be set", "spec"}));
  EXPECT_EQ(causes[2], causes[0]);
  EXPECT_EQ(causes[3], (StatusCause{"FieldValueInvalid", "Invalid value: bad", "spec.rules"}));
}

TEST(FieldErrorTest, InvalidErrorWithRepeatsOfOneErrorIsASingleMessage) {
  FieldErrors errors = {Required(Path("spec")), Required(Path("spec"))};
  Status status = InvalidError("", "Service", "web", errors);
  EXPECT_EQ(status.message(), "Service \"web\" is invalid: spec: Required value");
  EXPECT_EQ(status.details()->causes.size(), 2u);
}

}  // namespace
}  // namespace kref::api::validation
