#include "impl/common/log.h"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

namespace kref {
namespace {

TEST(LogTest, SetsTheLevel) {
  ASSERT_TRUE(InitLogging("warn").ok());
  EXPECT_EQ(spdlog::get_level(), spdlog::level::warn);
  ASSERT_TRUE(InitLogging("debug").ok()) << "initializing twice is allowed";
  EXPECT_EQ(spdlog::get_level(), spdlog::level::debug);
  ASSERT_TRUE(InitLogging("off").ok());
  EXPECT_EQ(spdlog::get_level(), spdlog::level::off);
}

TEST(LogTest, RejectsUnknownLevels) {
  ASSERT_TRUE(InitLogging("info").ok());
  Status status = InitLogging("loud");
  EXPECT_TRUE(status.IsInvalidArgument());
  EXPECT_EQ(status.message(),
            "unknown log level \"loud\" (want trace, debug, info, warn, error, critical or off)");
  EXPECT_EQ(spdlog::get_level(), spdlog::level::info) << "a bad level changes nothing";
}

}  // namespace
}  // namespace kref
