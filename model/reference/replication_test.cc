#include "model/reference/replication.h"

#include <gtest/gtest.h>

#include "model/replication/replication.h"

namespace kref::model {
namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kNow = 1'000'000 * kSecond;

// A scheduled, running, ready pod created an hour ago, ready for 50 minutes.
RankedPod Pod(std::string name) {
  RankedPod p;
  p.uid = "uid-" + name;
  p.name = std::move(name);
  p.node = "n1";
  p.phase = RankedPod::Phase::kRunning;
  p.ready = true;
  p.ready_since_ns = kNow - 3000 * kSecond;
  p.created_ns = kNow - 3600 * kSecond;
  p.related_on_same_node = 1;
  return p;
}

std::vector<std::string> Order(std::vector<RankedPod> pods) {
  std::vector<std::string> names;
  for (const RankedPod& p : RankPodsForDeletion(std::move(pods), kNow)) names.push_back(p.name);
  return names;
}

// Each rule decides between two pods otherwise equal; the one listed second goes first.
TEST(ReplicationReferenceTest, Rule1UnscheduledFirst) {
  RankedPod b = Pod("b");
  b.node = "";
  EXPECT_EQ(Order({Pod("a"), b}), (std::vector<std::string>{"b", "a"}));
}
TEST(ReplicationReferenceTest, Rule2PendingThenUnknownThenRunning) {
  RankedPod pending = Pod("pending"), unknown = Pod("unknown");
  pending.phase = RankedPod::Phase::kPending;
  unknown.phase = RankedPod::Phase::kUnknown;
  EXPECT_EQ(Order({Pod("running"), unknown, pending}),
            (std::vector<std::string>{"pending", "unknown", "running"}));
}
TEST(ReplicationReferenceTest, Rule3NotReadyFirst) {
  RankedPod b = Pod("b");
  b.ready = false;
  EXPECT_EQ(Order({Pod("a"), b}), (std::vector<std::string>{"b", "a"}));
}
TEST(ReplicationReferenceTest, Rule4LowerDeletionCostFirst) {
  RankedPod a = Pod("a"), b = Pod("b");
  a.deletion_cost = 10;
  b.deletion_cost = -5;
  EXPECT_EQ(Order({a, b}), (std::vector<std::string>{"b", "a"}));
}
TEST(ReplicationReferenceTest, Rule5DoubledUpFirst) {
  RankedPod b = Pod("b");
  b.related_on_same_node = 3;
  EXPECT_EQ(Order({Pod("a"), b}), (std::vector<std::string>{"b", "a"}));
}
TEST(ReplicationReferenceTest, Rule6ReadyForLessTimeFirstByLogBuckets) {
  RankedPod b = Pod("b");
  b.ready_since_ns = kNow - 10 * kSecond;  // ready 10 s against 50 min: another bucket
  EXPECT_EQ(Order({Pod("a"), b}), (std::vector<std::string>{"b", "a"}));
  // 3000 s and 2900 s fall in the same bucket (2^41 ns = 2199 s <= both < 2^42): the UID decides.
  RankedPod c = Pod("c"), d = Pod("d");
  c.ready_since_ns = kNow - 2900 * kSecond;
  d.uid = "uid-0";
  EXPECT_EQ(LogarithmicAgeBucket(c.ready_since_ns, kNow), LogarithmicAgeBucket(d.ready_since_ns, kNow));
  EXPECT_EQ(Order({c, d}), (std::vector<std::string>{"d", "c"}));
}
TEST(ReplicationReferenceTest, Rule7MoreRestartsFirst) {
  RankedPod b = Pod("b");
  b.max_restarts = 4;
  EXPECT_EQ(Order({Pod("a"), b}), (std::vector<std::string>{"b", "a"}));
}
TEST(ReplicationReferenceTest, Rule8NewerFirstAndZeroTimeNewest) {
  RankedPod b = Pod("b"), z = Pod("z");
  b.created_ns = kNow - 5 * kSecond;
  z.created_ns = 0;
  EXPECT_EQ(Order({Pod("a"), b, z}), (std::vector<std::string>{"z", "b", "a"}));
}

TEST(ReplicationReferenceTest, EarlierRulesWin) {
  // A ready pod with a high restart count still goes after a not-ready one.
  RankedPod restarts = Pod("restarts"), not_ready = Pod("not-ready");
  restarts.max_restarts = 100;
  not_ready.ready = false;
  EXPECT_EQ(Order({restarts, not_ready}), (std::vector<std::string>{"not-ready", "restarts"}));
}

TEST(ReplicationReferenceTest, DecideCreatesOrDeletesAtMostABurst) {
  EXPECT_EQ(DecideReplicas(3, {Pod("a")}, kNow).create, 2);
  EXPECT_EQ(DecideReplicas(2000, {}, kNow).create, kBurstReplicas);
  RankedPod young = Pod("young");
  young.created_ns = kNow - kSecond;
  ReplicaDecision down = DecideReplicas(1, {Pod("a"), young, Pod("b")}, kNow);
  EXPECT_EQ(down.create, 0);
  ASSERT_EQ(down.delete_names.size(), 2u);
  EXPECT_EQ(down.delete_names[0], "young");
  EXPECT_TRUE(DecideReplicas(1, {Pod("a")}, kNow).delete_names.empty());
}

}  // namespace
}  // namespace kref::model
