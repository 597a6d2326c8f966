// Backend: the store's durable tables, in one LMDB environment (a copy-on-write B+tree, the
// ancestor of etcd's bbolt).
//
// Tables (LMDB named databases):
//   key    revision key (see revision.h) -> serialized mvccpb.KeyValue, etcd's "key" bucket
//   meta   small named values: current and compacted revisions
//   lease  lease id (8 bytes big-endian) -> serialized lease record
//
// One write transaction at a time, any number of concurrent read transactions, each a
// consistent snapshot. A write transaction's Commit() returns only once the data is on disk
// (fdatasync), unless the backend was opened with `sync = false` (tests and benchmarks of
// the in-memory path only).
//
// Disk errors on write are fatal (the process aborts with a log line), as in etcd: a store that
// cannot persist must not keep answering. Read errors other than "not found" are fatal too.
//
// Thread safety: Backend is thread-safe. A ReadTxn or WriteTxn is used by one thread at a time
// (it may move between threads).
#pragma once

#include <lmdb.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "impl/common/result.h"

namespace kref::store {

enum class Table { kKey, kMeta, kLease };

class Backend;

class ReadTxn {
 public:
  ReadTxn(ReadTxn&& other) noexcept;
  ReadTxn& operator=(ReadTxn&&) = delete;
  ~ReadTxn();

  // The value stored at `key`, valid until the transaction ends.
  std::optional<std::string_view> Get(Table table, std::string_view key) const;
  // Calls `visit(key, value)` in key order for keys >= `from`; stops when visit returns false.
  void Scan(Table table, std::string_view from,
            const std::function<bool(std::string_view key, std::string_view value)>& visit) const;

 protected:
  friend class Backend;
  ReadTxn(const Backend* backend, MDB_txn* txn) : backend_(backend), txn_(txn) {}
  const Backend* backend_;
  MDB_txn* txn_;
};

class WriteTxn : public ReadTxn {
 public:
  WriteTxn(WriteTxn&&) noexcept = default;
  // Destruction without Commit() discards every change.

  void Put(Table table, std::string_view key, std::string_view value);
  // Returns whether the key existed.
  bool Delete(Table table, std::string_view key);
  // Makes every change durable. The transaction is over afterwards.
  void Commit();

 private:
  friend class Backend;
  using ReadTxn::ReadTxn;
};

class Backend {
 public:
  struct Options {
    std::string dir;  // created if missing; holds data.mdb and lock.mdb
    // The most the database file may grow to (LMDB's map size); writes beyond it are refused
    // by the store's quota check long before.
    uint64_t max_size_bytes = uint64_t{64} << 30;
    bool sync = true;
  };

  static Result<std::unique_ptr<Backend>> Open(const Options& options);
  ~Backend();
  Backend(const Backend&) = delete;
  Backend& operator=(const Backend&) = delete;

  ReadTxn BeginRead() const;
  // Blocks while another write transaction is open.
  WriteTxn BeginWrite();

  // Size of the database file, and the part of it holding live pages.
  uint64_t SizeBytes() const;
  uint64_t SizeInUseBytes() const;
  // Writes a consistent copy of the database (compacted: free pages dropped) to `fd`.
  // Runs beside readers and writers; the copy is the state at the time it starts.
  Status CopyTo(int fd) const;
  const std::string& dir() const { return dir_; }

 private:
  friend class ReadTxn;
  friend class WriteTxn;
  Backend() = default;
  MDB_dbi Dbi(Table table) const;

  std::string dir_;
  MDB_env* env_ = nullptr;
  MDB_dbi key_dbi_ = 0, meta_dbi_ = 0, lease_dbi_ = 0;
};

}  // namespace kref::store
