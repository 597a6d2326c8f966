#include "impl/store/auto_compactor.h"

#include <gtest/gtest.h>

namespace kref::store {
namespace {

using namespace std::chrono_literals;
using Mode = AutoCompactionPolicy::Mode;

AutoCompactionPolicy MustParse(const std::string& mode, const std::string& retention) {
  auto policy = AutoCompactionPolicy::Parse(mode, retention);
  EXPECT_TRUE(policy.has_value()) << policy.error();
  EXPECT_TRUE(policy.has_value() && policy->has_value()) << retention;
  return policy.has_value() && policy->has_value() ? **policy : AutoCompactionPolicy();
}

TEST(AutoCompactionPolicyTest, ParsesEtcdsRetentionForms) {
  auto off = AutoCompactionPolicy::Parse("periodic", "0");
  ASSERT_TRUE(off.has_value());
  EXPECT_FALSE(off->has_value());
  EXPECT_EQ(MustParse("periodic", "1").period, 1h);
  EXPECT_EQ(MustParse("periodic", "30m").period, 30min);
  EXPECT_EQ(MustParse("periodic", "1h30m").period, 90min);
  EXPECT_EQ(MustParse("periodic", "1.5h").period, 90min);
  EXPECT_EQ(MustParse("periodic", "500ms").period, 500ms);
  AutoCompactionPolicy revisions = MustParse("revision", "1000");
  EXPECT_EQ(revisions.mode, Mode::kRevision);
  EXPECT_EQ(revisions.revisions, 1000);
  for (auto [mode, retention] : std::vector<std::pair<std::string, std::string>>{
           {"periodic", "abc"}, {"periodic", "-1"}, {"periodic", "1x"}, {"periodic", ""},
           {"periodic", "1.2.3h"}, {"revision", "1h"}, {"revision", ""}, {"sometimes", "1"}}) {
    auto bad = AutoCompactionPolicy::Parse(mode, retention);
    ASSERT_FALSE(bad.has_value()) << mode << " " << retention;
    EXPECT_EQ(bad.error().code(), StatusCode::kInvalidArgument);
  }
}

// Ticks every tick_interval from start; the store's revision grows by 10 per tick.
struct TickRun {
  explicit TickRun(AutoCompactionPolicy policy) : compactor(policy, start) {}
  std::chrono::steady_clock::time_point start{};
  AutoCompactor compactor;
  int ticks = 0;
  std::chrono::steady_clock::time_point Now() const { return start + ticks * compactor.tick_interval(); }
  static int64_t RevisionAt(int tick) { return 1 + 10 * tick; }
  // Ticks until Tick asks for a compaction; returns {tick, revision}.
  std::pair<int, int64_t> UntilCompaction(bool succeed = true) {
    for (int guard = 0; guard < 100000; ++guard, ++ticks) {
      if (auto rev = compactor.Tick(Now(), RevisionAt(ticks))) {
        if (succeed) compactor.Compacted(Now(), *rev);
        return {ticks++, *rev};
      }
    }
    return {-1, -1};
  }
};

TEST(AutoCompactorTest, PeriodicKeepsThePeriodThenCompactsEveryPeriod) {
  TickRun run(MustParse("periodic", "1h"));
  EXPECT_EQ(run.compactor.tick_interval(), 6min);
  // Nothing in the first hour; then the revision of an hour ago.
  EXPECT_EQ(run.UntilCompaction(), std::make_pair(10, TickRun::RevisionAt(0)));
  // Then every hour, to the oldest of the 11 samples kept.
  EXPECT_EQ(run.UntilCompaction(), std::make_pair(20, TickRun::RevisionAt(9)));
  EXPECT_EQ(run.UntilCompaction(), std::make_pair(30, TickRun::RevisionAt(19)));
}

TEST(AutoCompactorTest, PeriodicLongerThanAnHourCompactsHourly) {
  TickRun run(MustParse("periodic", "24h"));
  EXPECT_EQ(run.compactor.tick_interval(), 6min);
  EXPECT_EQ(run.UntilCompaction(), std::make_pair(240, TickRun::RevisionAt(0)));
  EXPECT_EQ(run.UntilCompaction().first, 250);
}

TEST(AutoCompactorTest, PeriodicRetriesAFailedCompactionAtTheNextTick) {
  TickRun run(MustParse("periodic", "10m"));
  EXPECT_EQ(run.compactor.tick_interval(), 1min);
  EXPECT_EQ(run.UntilCompaction(/*succeed=*/false), std::make_pair(10, TickRun::RevisionAt(0)));
  EXPECT_EQ(run.UntilCompaction(), std::make_pair(11, TickRun::RevisionAt(0)));
}

TEST(AutoCompactorTest, RevisionModeKeepsTheLastNRevisions) {
  AutoCompactor compactor(MustParse("revision", "100"), {});
  EXPECT_EQ(compactor.tick_interval(), 5min);
  EXPECT_EQ(compactor.Tick({}, 50), std::nullopt);
  EXPECT_EQ(compactor.Tick({}, 150), 50);
  compactor.Compacted({}, 50);
  EXPECT_EQ(compactor.Tick({}, 150), std::nullopt);  // nothing new since
  EXPECT_EQ(compactor.Tick({}, 160), 60);
}

}  // namespace
}  // namespace kref::store
