#include "impl/common/result.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace kref {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgumentError("odd: " + std::to_string(x));
  return x / 2;
}

Result<int> Quarter(int x) {
  KREF_ASSIGN_OR_RETURN(int half, Half(x));
  KREF_ASSIGN_OR_RETURN(auto quarter, Half(half));
  return quarter;
}

Status CheckEven(int x) {
  KREF_RETURN_IF_ERROR(Half(x));
  return Status::Ok();
}

Result<std::string> Describe(int x) {
  KREF_RETURN_IF_ERROR(CheckEven(x));
  return std::string("even");
}

TEST(ResultTest, ValueAndError) {
  Result<int> ok = Half(4);
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(*ok, 2);
  EXPECT_TRUE(ok.status().ok());

  Result<int> bad = Half(3);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "odd: 3");
}

TEST(ResultTest, AssignOrReturnPropagates) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).error().message(), "odd: 3");
  EXPECT_EQ(Quarter(5).error().message(), "odd: 5");
}

TEST(ResultTest, ReturnIfErrorWorksForStatusAndResult) {
  EXPECT_TRUE(CheckEven(2).ok());
  EXPECT_EQ(CheckEven(1).message(), "odd: 1");
  EXPECT_EQ(*Describe(2), "even");
  EXPECT_EQ(Describe(1).error().message(), "odd: 1");
}

TEST(ResultTest, MonadicOperationsStayAvailable) {
  auto doubled = Half(4).map([](int v) { return v * 2; });
  EXPECT_EQ(*doubled, 4);
  Result<int> chained = Half(8).and_then(Half);
  EXPECT_EQ(*chained, 2);
}

TEST(ResultTest, MoveOnlyValues) {
  auto make = []() -> Result<std::unique_ptr<int>> { return std::make_unique<int>(7); };
  auto use = [&]() -> Result<int> {
    KREF_ASSIGN_OR_RETURN(auto p, make());
    return *p;
  };
  EXPECT_EQ(*use(), 7);
}

TEST(ResultDeathTest, OkStatusIsNotAnError) {
  EXPECT_DEATH({ Result<int> r{Status::Ok()}; (void)r; }, "check failed");
}

}  // namespace
}  // namespace kref
