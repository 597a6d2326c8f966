#include "impl/common/base64.h"

#include <gtest/gtest.h>

#include <vector>

namespace kref {
namespace {

TEST(Base64Test, StandardRoundTripsWithPadding) {
  for (std::string data : std::vector<std::string>{"", "f", "fo", "foo", "foob", "fooba", "foobar", std::string("\xff\xfe\x00", 3)}) {
    std::string encoded;
    Base64Encode(data, encoded);
    EXPECT_EQ(encoded.size() % 4, 0u);
    EXPECT_EQ(Base64Decode(encoded).value(), data);
  }
  std::string out;
  Base64Encode("foobar", out);
  EXPECT_EQ(out, "Zm9vYmFy");
  EXPECT_EQ(Base64Decode("Zg==").value(), "f");
  EXPECT_EQ(Base64Decode("Zg=").error().message(), "illegal base64 data at input byte 0");
}

TEST(Base64Test, UrlAlphabetWithoutPadding) {
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("\xfb\xff"), "-_8");
  for (std::string data : std::vector<std::string>{"", "f", "fo", "foo", "\xfb\xff\xfe", "{\"rv\":5}"}) {
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(data)).value(), data);
  }
  EXPECT_FALSE(Base64UrlDecode("Zg==").has_value());  // no padding in this form
  EXPECT_FALSE(Base64UrlDecode("+/").has_value());    // the standard alphabet is not accepted
  EXPECT_FALSE(Base64UrlDecode("Z").has_value());     // one character cannot be a byte
  EXPECT_FALSE(Base64UrlDecode("Z!").has_value());
}

}  // namespace
}  // namespace kref
