#include "impl/store/key_index.h"

#include <gtest/gtest.h>

namespace kref::store {
namespace {

Revision R(int64_t main, int64_t sub = 0) { return {main, sub}; }

std::vector<std::string> Keys(const KeyIndex& index, const KeyRange& range, int64_t at) {
  std::vector<std::string> keys;
  index.Visit(range, at, [&](const std::string& key, Revision) {
    keys.push_back(key);
    return true;
  });
  return keys;
}

TEST(KeyRangeTest, FollowsEtcdConventions) {
  EXPECT_TRUE(KeyRange::FromRequest("a", "").Contains("a"));
  EXPECT_FALSE(KeyRange::FromRequest("a", "").Contains("ab"));
  KeyRange from_key = KeyRange::FromRequest("b", std::string_view("\0", 1));
  EXPECT_TRUE(from_key.Contains("zzz"));
  EXPECT_FALSE(from_key.Contains("a"));
  KeyRange prefix = KeyRange::FromRequest("a", "b");
  EXPECT_TRUE(prefix.Contains("a\xff"));
  EXPECT_FALSE(prefix.Contains("b"));
}

TEST(KeyIndexTest, GetSeesTheLatestRevisionAtOrBefore) {
  KeyIndex index;
  index.Put("a", R(2));
  index.Put("a", R(3));
  EXPECT_FALSE(index.Get("a", 1));
  EXPECT_EQ(index.Get("a", 2), R(2));
  EXPECT_EQ(index.Get("a", 10), R(3));
  EXPECT_FALSE(index.Get("b", 10));
}

TEST(KeyIndexTest, TombstoneEndsAGeneration) {
  KeyIndex index;
  index.Put("a", R(2));
  EXPECT_TRUE(index.Tombstone("a", R(4)));
  EXPECT_FALSE(index.Tombstone("a", R(5)));  // not live
  EXPECT_FALSE(index.Tombstone("nope", R(5)));
  index.Put("a", R(6, 1));
  EXPECT_EQ(index.Get("a", 3), R(2));
  EXPECT_FALSE(index.Get("a", 4));
  EXPECT_FALSE(index.Get("a", 5));
  EXPECT_EQ(index.Get("a", 6), R(6, 1));
}

TEST(KeyIndexTest, VisitAndCountRespectRangesAndRevisions) {
  KeyIndex index;
  index.Put("a", R(2));
  index.Put("b", R(3));
  index.Put("c", R(4));
  index.Tombstone("b", R(5));
  EXPECT_EQ(Keys(index, KeyRange::FromRequest("a", std::string_view("\0", 1)), 4),
            (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(Keys(index, KeyRange::FromRequest("a", std::string_view("\0", 1)), 5),
            (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(index.Count(KeyRange::FromRequest("a", "c"), 4), 2);
  EXPECT_EQ(index.Count(KeyRange::FromRequest("c", "a"), 4), 0);  // inverted: empty
}

TEST(KeyIndexTest, CompactKeepsTheLatestLiveRevisionAndDropsDeadKeys) {
  KeyIndex index;
  index.Put("a", R(2));
  index.Put("a", R(3));
  index.Put("b", R(4));
  index.Tombstone("b", R(5));
  index.Put("c", R(6));
  index.Tombstone("c", R(7));
  // At 6: a keeps 3, b is dead (tombstone 5 <= 6), c keeps 6 (its tombstone comes later).
  EXPECT_EQ(index.Keep(6), (std::vector<Revision>{R(3), R(6)}));
  EXPECT_EQ(index.Compact(6), (std::vector<Revision>{R(3), R(6)}));
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(index.Get("a", 6), R(3));
  EXPECT_EQ(index.Get("c", 6), R(6));
  EXPECT_FALSE(index.Get("c", 7));
  EXPECT_EQ(index.Compact(7), (std::vector<Revision>{R(3)}));
  EXPECT_EQ(index.size(), 1u);
}

}  // namespace
}  // namespace kref::store
