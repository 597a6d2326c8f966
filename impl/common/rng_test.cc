#include "impl/common/rng.h"

#include <gtest/gtest.h>
#include <stdlib.h>

namespace kref {
namespace {

TEST(RngTest, SameSeedSameSequence) {
  Rng a(42), b(42), c(43);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    uint64_t x = a.Next();
    EXPECT_EQ(x, b.Next());
    differs |= x != c.Next();
  }
  EXPECT_TRUE(differs);
  EXPECT_EQ(a.seed(), 42u);
}

TEST(RngTest, UniformStaysInBounds) {
  Rng rng(7);
  bool saw_lo = false, saw_hi = false;
  for (int i = 0; i < 2000; ++i) {
    int64_t v = rng.Uniform(-3, 3);
    ASSERT_GE(v, -3);
    ASSERT_LE(v, 3);
    saw_lo |= v == -3;
    saw_hi |= v == 3;
    double r = rng.UniformReal();
    ASSERT_GE(r, 0.0);
    ASSERT_LT(r, 1.0);
  }
  EXPECT_TRUE(saw_lo && saw_hi);
  EXPECT_FALSE(rng.Bernoulli(0.0));
  EXPECT_TRUE(rng.Bernoulli(1.0));
}

TEST(RngTest, SeedFromEnv) {
  setenv("KREF_TEST_SEED", "12345", 1);
  EXPECT_EQ(SeedFromEnv("KREF_TEST_SEED"), 12345u);
  unsetenv("KREF_TEST_SEED");
  EXPECT_NE(SeedFromEnv("KREF_TEST_SEED"), SeedFromEnv("KREF_TEST_SEED"));
}

}  // namespace
}  // namespace kref
