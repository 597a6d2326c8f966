// Quantity parsing and canonical formatting, with cases from upstream's quantity tests.
#include "impl/api/quantity.h"

#include <gtest/gtest.h>

namespace kref::api {
namespace {

std::string Canonical(std::string_view text) {
  Result<Quantity> q = Quantity::Parse(text);
  if (!q) return "error: " + q.error().message();
  return q->ToString();
}

TEST(QuantityTest, CanonicalForms) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"0", "0"},
      {"0n", "0"},
      {"0Ki", "0"},
      {"-0", "0"},
      {"5Ki", "5Ki"},
      {"5Mi", "5Mi"},
      {"5Gi", "5Gi"},
      {"5Ti", "5Ti"},
      {"5Pi", "5Pi"},
      {"5Ei", "5Ei"},
      {"5", "5"},
      {"5k", "5k"},
      {"5M", "5M"},
      {"5G", "5G"},
      {"5T", "5T"},
      {"5P", "5P"},
      {"5E", "5E"},
      {"5m", "5m"},
      {"5u", "5u"},
      {"5n", "5n"},
      {"5e3", "5e3"},
      {"5E3", "5e3"},
      {"5e-3", "5e-3"},
      {"12e6", "12e6"},
      {"1e7", "10e6"},
      {"1000", "1k"},
      {"1024", "1024"},
      {"1024Ki", "1Mi"},
      {"1.5Gi", "1536Mi"},
      {"0.5Gi", "512Mi"},
      {"1.5", "1500m"},
      {"0.1", "100m"},
      {"1.1Ki", "1126400m"},
      {"100m", "100m"},
      {"0.001", "1m"},
      {"0.0001", "100u"},
      {"0.1m", "100u"},
      {"1n", "1n"},
      {"0.1n", "1n"},
      {"1.5n", "2n"},
      {"-0.1n", "-1n"},
      {"-1", "-1"},
      {"-0.5", "-500m"},
      {"-1Ki", "-1Ki"},
      {"+5", "5"},
      {" 1 ", "1"},
      {".5", "500m"},
      {"5.", "5"},
      {".", "0"},
      {"-", "0"},
      {"0.5Ki", "512"},
      {"1023Ki", "1023Ki"},
      {"1536Ki", "1536Ki"},
      {"2048Ki", "2Mi"},
      {"1.0", "1"},
      {"100Mi", "100Mi"},
      {"9223372036854775807", "9223372036854775807"},
      {"9223372036854775808", "9223372036854775807"},
      {"1E30", "9223372036854775807"},
      {"8Ei", "9223372036854775807"},
      {"0.000000000000000000000000000000001", "1n"},
      {"1e-100", "1e-9"},
      {"123456789012345678901234567890e-27", "123456789013e-9"},
  };
  for (const auto& [input, want] : cases) {
    EXPECT_EQ(Canonical(input), want) << "input " << input;
  }
}

TEST(QuantityTest, ParseErrorsUseUpstreamMessages) {
  const std::string format_wrong =
      "error: quantities must match the regular expression "
      "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
  const std::string suffix = "error: unable to parse quantity's suffix";
  EXPECT_EQ(Canonical(""), format_wrong);
  EXPECT_EQ(Canonical("   "), format_wrong);
  EXPECT_EQ(Canonical("1.5.5"), format_wrong);
  EXPECT_EQ(Canonical("10 m"), format_wrong);
  EXPECT_EQ(Canonical("1Q"), format_wrong);
  EXPECT_EQ(Canonical("1Ki2"), suffix);
  EXPECT_EQ(Canonical("1ki"), suffix);
  EXPECT_EQ(Canonical("1e"), suffix);
  EXPECT_EQ(Canonical("1ee3"), suffix);
  EXPECT_EQ(Canonical("1e99999999999999999999"), suffix);
}

TEST(QuantityTest, ValuesRoundUpAwayFromZero) {
  EXPECT_EQ(Quantity::Parse("100m")->MilliValue(), 100);
  EXPECT_EQ(Quantity::Parse("1")->MilliValue(), 1000);
  EXPECT_EQ(Quantity::Parse("1500m")->Value(), 2);
  EXPECT_EQ(Quantity::Parse("-1500m")->Value(), -2);
  EXPECT_EQ(Quantity::Parse("1Gi")->Value(), 1073741824);
  EXPECT_EQ(Quantity::Parse("1n")->ScaledValue(-9), 1);
  EXPECT_EQ(Quantity::Parse("1")->ScaledValue(-12), 1000000000000);
  EXPECT_EQ(Quantity::Parse("1")->ScaledValue(3), 1);
  EXPECT_EQ(Quantity::Parse("9223372036854775807")->MilliValue(), INT64_MAX);
}

TEST(QuantityTest, ArithmeticIsExact) {
  Quantity q = *Quantity::Parse("1Gi");
  q.Add(*Quantity::Parse("512Mi"));
  EXPECT_EQ(q.ToString(), "1536Mi");
  q.Sub(*Quantity::Parse("1536Mi"));
  EXPECT_TRUE(q.IsZero());

  Quantity zero;
  zero.Add(*Quantity::Parse("1Ki"));
  EXPECT_EQ(zero.format(), Quantity::Format::kBinarySI) << "adding to zero takes the format";

  Quantity sum;
  for (int i = 0; i < 3; ++i) sum.Add(*Quantity::Parse("100m"));
  EXPECT_EQ(sum.ToString(), "300m");

  Quantity big = *Quantity::Parse("9223372036854775807");
  big.Add(big);
  EXPECT_EQ(big.ToString(), "18446744073709551614") << "sums beyond int64 stay exact";

  Quantity m = *Quantity::Parse("250m");
  EXPECT_TRUE(m.Mul(4));
  EXPECT_EQ(m.ToString(), "1");
  m.Neg();
  EXPECT_EQ(m.ToString(), "-1");
  EXPECT_EQ(m.Sign(), -1);
}

TEST(QuantityTest, ComparisonIgnoresFormat) {
  EXPECT_EQ(*Quantity::Parse("1Ki"), *Quantity::Parse("1024"));
  EXPECT_LT(*Quantity::Parse("999m"), *Quantity::Parse("1"));
  EXPECT_GT(*Quantity::Parse("1k"), *Quantity::Parse("1000m"));
  EXPECT_EQ(*Quantity::Parse("1e3"), *Quantity::Parse("1k"));
}

TEST(QuantityTest, Constructors) {
  EXPECT_EQ(Quantity::FromInt(5).ToString(), "5");
  EXPECT_EQ(Quantity::FromMilli(1500).ToString(), "1500m");
  EXPECT_EQ(Quantity::FromInt(3 << 20, Quantity::Format::kBinarySI).ToString(), "3Mi");
  EXPECT_EQ(Quantity::FromScaled(7, 6).ToString(), "7M");
  EXPECT_EQ(Quantity::FromScaled(7, 6, Quantity::Format::kDecimalExponent).ToString(), "7e6");
}

}  // namespace
}  // namespace kref::api
