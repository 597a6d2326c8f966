#include "impl/common/status.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kref {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.ToString(), "OK");
  EXPECT_EQ(s.details(), nullptr);
}

TEST(StatusTest, OkCodeDropsMessageAndDetails) {
  Status s(StatusCode::kOk, "ignored");
  EXPECT_EQ(s.message(), "");
  EXPECT_EQ(s.WithDetails({.reason = "X"}).details(), nullptr);
  EXPECT_TRUE(s.Annotate("prefix").ok());
}

TEST(StatusTest, FactoriesSetTheirCode) {
  struct Case {
    Status status;
    StatusCode code;
    std::string_view name;
  };
  const Case cases[] = {
      {CancelledError("m"), StatusCode::kCancelled, "CANCELLED"},
      {UnknownError("m"), StatusCode::kUnknown, "UNKNOWN"},
      {InvalidArgumentError("m"), StatusCode::kInvalidArgument, "INVALID_ARGUMENT"},
      {DeadlineExceededError("m"), StatusCode::kDeadlineExceeded, "DEADLINE_EXCEEDED"},
      {NotFoundError("m"), StatusCode::kNotFound, "NOT_FOUND"},
      {AlreadyExistsError("m"), StatusCode::kAlreadyExists, "ALREADY_EXISTS"},
      {PermissionDeniedError("m"), StatusCode::kPermissionDenied, "PERMISSION_DENIED"},
      {ResourceExhaustedError("m"), StatusCode::kResourceExhausted, "RESOURCE_EXHAUSTED"},
      {FailedPreconditionError("m"), StatusCode::kFailedPrecondition, "FAILED_PRECONDITION"},
      {AbortedError("m"), StatusCode::kAborted, "ABORTED"},
      {OutOfRangeError("m"), StatusCode::kOutOfRange, "OUT_OF_RANGE"},
      {UnimplementedError("m"), StatusCode::kUnimplemented, "UNIMPLEMENTED"},
      {InternalError("m"), StatusCode::kInternal, "INTERNAL"},
      {UnavailableError("m"), StatusCode::kUnavailable, "UNAVAILABLE"},
      {DataLossError("m"), StatusCode::kDataLoss, "DATA_LOSS"},
      {UnauthenticatedError("m"), StatusCode::kUnauthenticated, "UNAUTHENTICATED"},
  };
  for (const auto& c : cases) {
    EXPECT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.code(), c.code);
    EXPECT_EQ(StatusCodeName(c.code), c.name);
    EXPECT_EQ(c.status.ToString(), std::string(c.name) + ": m");
  }
  EXPECT_EQ(StatusCodeName(static_cast<StatusCode>(99)), "UNKNOWN_CODE");
}

TEST(StatusTest, Predicates) {
  EXPECT_TRUE(NotFoundError("").IsNotFound());
  EXPECT_TRUE(AlreadyExistsError("").IsAlreadyExists());
  EXPECT_TRUE(InvalidArgumentError("").IsInvalidArgument());
  EXPECT_TRUE(FailedPreconditionError("").IsFailedPrecondition());
  EXPECT_TRUE(AbortedError("").IsAborted());
  EXPECT_TRUE(OutOfRangeError("").IsOutOfRange());
  EXPECT_TRUE(UnavailableError("").IsUnavailable());
  EXPECT_TRUE(InternalError("").IsInternal());
  EXPECT_FALSE(InternalError("").IsNotFound());
}

TEST(StatusTest, DetailsAreCopiedAndCompared) {
  Status base = InvalidArgumentError("bad");
  Status detailed = base.WithDetails(
      {.reason = "Invalid", .name = "web", .kind = "Deployment",
       .causes = {{"FieldValueRequired", "Required value", "spec.replicas"}}});
  ASSERT_NE(detailed.details(), nullptr);
  EXPECT_EQ(detailed.details()->causes.size(), 1u);
  EXPECT_EQ(base.details(), nullptr);
  EXPECT_NE(base, detailed);
  Status copy = detailed;
  EXPECT_EQ(copy, detailed);
  EXPECT_EQ(detailed.Annotate("ctx").message(), "ctx: bad");
  EXPECT_NE(detailed.Annotate("ctx").details(), nullptr);
}

TEST(StatusTest, Streams) {
  std::ostringstream os;
  os << NotFoundError("pods \"x\" not found");
  EXPECT_EQ(os.str(), "NOT_FOUND: pods \"x\" not found");
}

}  // namespace
}  // namespace kref
