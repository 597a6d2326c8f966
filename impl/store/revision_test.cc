#include "impl/store/revision.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <limits>

namespace kref::store {
namespace {

TEST(RevisionTest, KeyLayoutIsEtcds) {
  std::string key = EncodeRevisionKey({0x0102, 3});
  ASSERT_EQ(key.size(), 17u);
  EXPECT_EQ(key, std::string("\0\0\0\0\0\0\x01\x02_\0\0\0\0\0\0\0\x03", 17));
  EXPECT_EQ(EncodeRevisionKey({5, 0}, true).back(), 't');
}

TEST(RevisionTest, RejectsForeignKeys) {
  EXPECT_FALSE(DecodeRevisionKey("short"));
  std::string bad = EncodeRevisionKey({1, 1});
  bad[8] = '-';
  EXPECT_FALSE(DecodeRevisionKey(bad));
  EXPECT_FALSE(DecodeRevisionKey(EncodeRevisionKey({1, 1}) + "x"));
}

RC_GTEST_PROP(RevisionProp, RoundTripsAndOrdersAsBytes, (bool tomb)) {
  auto revision = [] {
    auto n = rc::gen::inRange<int64_t>(0, std::numeric_limits<int64_t>::max());
    return Revision{*n, *n};
  };
  Revision a = revision(), b = revision();
  auto decoded = DecodeRevisionKey(EncodeRevisionKey(a, tomb));
  RC_ASSERT(decoded.has_value());
  RC_ASSERT(decoded->rev == a);
  RC_ASSERT(decoded->tombstone == tomb);
  RC_ASSERT((a < b) == (EncodeRevisionKey(a) < EncodeRevisionKey(b)));
}

}  // namespace
}  // namespace kref::store
