#include "impl/store/backend.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "impl/testing/temp_dir.h"

namespace kref::store {
namespace {

TEST(BackendTest, CommittedWritesSurviveReopenAndAbortedOnesDoNot) {
  testing::TempDir dir;
  {
    auto backend = Backend::Open({.dir = dir.path()});
    ASSERT_TRUE(backend.has_value()) << backend.error();
    WriteTxn txn = (*backend)->BeginWrite();
    txn.Put(Table::kKey, "k1", "v1");
    txn.Put(Table::kMeta, "m", "x");
    txn.Commit();
    WriteTxn aborted = (*backend)->BeginWrite();
    aborted.Put(Table::kKey, "k2", "v2");
  }
  auto backend = Backend::Open({.dir = dir.path()});
  ASSERT_TRUE(backend.has_value());
  ReadTxn txn = (*backend)->BeginRead();
  EXPECT_EQ(txn.Get(Table::kKey, "k1"), "v1");
  EXPECT_EQ(txn.Get(Table::kMeta, "m"), "x");
  EXPECT_FALSE(txn.Get(Table::kKey, "k2"));
  EXPECT_FALSE(txn.Get(Table::kLease, "k1"));  // tables are separate
}

TEST(BackendTest, ReadersSeeASnapshot) {
  testing::TempDir dir;
  auto backend = Backend::Open({.dir = dir.path(), .sync = false});
  ASSERT_TRUE(backend.has_value());
  {
    WriteTxn txn = (*backend)->BeginWrite();
    txn.Put(Table::kKey, "a", "1");
    txn.Commit();
  }
  ReadTxn before = (*backend)->BeginRead();
  {
    WriteTxn txn = (*backend)->BeginWrite();
    txn.Put(Table::kKey, "a", "2");
    txn.Put(Table::kKey, "b", "3");
    EXPECT_TRUE(txn.Delete(Table::kKey, "b"));
    EXPECT_FALSE(txn.Delete(Table::kKey, "b"));
    txn.Put(Table::kKey, "c", "4");
    txn.Commit();
  }
  EXPECT_EQ(before.Get(Table::kKey, "a"), "1");
  std::vector<std::string> keys;
  (*backend)->BeginRead().Scan(Table::kKey, "b", [&](std::string_view k, std::string_view) {
    keys.emplace_back(k);
    return true;
  });
  EXPECT_EQ(keys, std::vector<std::string>{"c"});
  EXPECT_GT((*backend)->SizeBytes(), 0u);
  EXPECT_GT((*backend)->SizeInUseBytes(), 0u);
}

TEST(BackendTest, CopyIsAUsableDatabase) {
  testing::TempDir dir, copy_dir;
  auto backend = Backend::Open({.dir = dir.path(), .sync = false});
  ASSERT_TRUE(backend.has_value());
  {
    WriteTxn txn = (*backend)->BeginWrite();
    txn.Put(Table::kKey, "a", "1");
    txn.Commit();
  }
  std::string path = copy_dir.path() + "/data.mdb";
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(fd, 0);
  ASSERT_TRUE((*backend)->CopyTo(fd).ok());
  close(fd);
  auto copy = Backend::Open({.dir = copy_dir.path()});
  ASSERT_TRUE(copy.has_value());
  EXPECT_EQ((*copy)->BeginRead().Get(Table::kKey, "a"), "1");
}

TEST(BackendTest, OpenFailsCleanlyOnAnUnusableDir) {
  auto backend = Backend::Open({.dir = "/proc/kref-cannot-create"});
  EXPECT_FALSE(backend.has_value());
}

}  // namespace
}  // namespace kref::store
