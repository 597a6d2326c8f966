#include "impl/store/backend.h"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include <spdlog/spdlog.h>

#include "impl/common/check.h"

namespace kref::store {
namespace {

MDB_val Val(std::string_view s) { return {s.size(), const_cast<char*>(s.data())}; }
std::string_view View(const MDB_val& v) { return {static_cast<const char*>(v.mv_data), v.mv_size}; }

[[noreturn]] void Fatal(const char* what, int rc) {
  spdlog::critical("store backend: {} failed: {}", what, mdb_strerror(rc));
  std::abort();
}

void CheckRc(const char* what, int rc) {
  if (rc != MDB_SUCCESS) Fatal(what, rc);
}

}  // namespace

ReadTxn::ReadTxn(ReadTxn&& other) noexcept : backend_(other.backend_), txn_(other.txn_) {
  other.txn_ = nullptr;
}

ReadTxn::~ReadTxn() {
  if (txn_ != nullptr) mdb_txn_abort(txn_);
}

std::optional<std::string_view> ReadTxn::Get(Table table, std::string_view key) const {
  MDB_val k = Val(key), v;
  int rc = mdb_get(txn_, backend_->Dbi(table), &k, &v);
  if (rc == MDB_NOTFOUND) return std::nullopt;
  CheckRc("mdb_get", rc);
  return View(v);
}

void ReadTxn::Scan(Table table, std::string_view from,
                   const std::function<bool(std::string_view, std::string_view)>& visit) const {
  MDB_cursor* cursor = nullptr;
  CheckRc("mdb_cursor_open", mdb_cursor_open(txn_, backend_->Dbi(table), &cursor));
  MDB_val k = Val(from), v;
  int rc = mdb_cursor_get(cursor, &k, &v, from.empty() ? MDB_FIRST : MDB_SET_RANGE);
  while (rc == MDB_SUCCESS) {
    if (!visit(View(k), View(v))) break;
    rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT);
  }
  if (rc != MDB_SUCCESS && rc != MDB_NOTFOUND) Fatal("mdb_cursor_get", rc);
  mdb_cursor_close(cursor);
}

void WriteTxn::Put(Table table, std::string_view key, std::string_view value) {
  MDB_val k = Val(key), v = Val(value);
  CheckRc("mdb_put", mdb_put(txn_, backend_->Dbi(table), &k, &v, 0));
}

bool WriteTxn::Delete(Table table, std::string_view key) {
  MDB_val k = Val(key);
  int rc = mdb_del(txn_, backend_->Dbi(table), &k, nullptr);
  if (rc == MDB_NOTFOUND) return false;
  CheckRc("mdb_del", rc);
  return true;
}

void WriteTxn::Commit() {
  MDB_txn* txn = txn_;
  txn_ = nullptr;
  CheckRc("mdb_txn_commit", mdb_txn_commit(txn));
}

Result<std::unique_ptr<Backend>> Backend::Open(const Options& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.dir, ec);
  if (ec) return InternalError("cannot create data dir " + options.dir + ": " + ec.message());
  std::unique_ptr<Backend> backend(new Backend());
  backend->dir_ = options.dir;
  int rc = mdb_env_create(&backend->env_);
  if (rc != MDB_SUCCESS) return InternalError(std::string("mdb_env_create: ") + mdb_strerror(rc));
  mdb_env_set_maxdbs(backend->env_, 4);
  mdb_env_set_maxreaders(backend->env_, 4096);
  mdb_env_set_mapsize(backend->env_, options.max_size_bytes);
  unsigned flags = MDB_NOTLS | MDB_NORDAHEAD;
  if (!options.sync) flags |= MDB_NOSYNC;
  rc = mdb_env_open(backend->env_, options.dir.c_str(), flags, 0600);
  if (rc != MDB_SUCCESS) {
    return InternalError("cannot open store in " + options.dir + ": " + mdb_strerror(rc));
  }
  // Reads are random (MDB_NORDAHEAD), but the start-up scan that rebuilds the key index reads
  // everything: read the file through once, sequentially at disk speed, rather than fault it
  // in page by page (1M keys from a cold cache: 7.8 s before, see docs/perf.md). Skipped when
  // the file would not fit in half the memory. (posix_fadvise WILLNEED reads only a few
  // hundred KB ahead.)
  mdb_filehandle_t fd;
  struct stat st{};
  if (mdb_env_get_fd(backend->env_, &fd) == MDB_SUCCESS && fstat(fd, &st) == 0 &&
      static_cast<double>(st.st_size) < 0.5 * sysconf(_SC_PHYS_PAGES) * sysconf(_SC_PAGESIZE)) {
    std::vector<char> chunk(size_t{4} << 20);
    for (off_t at = 0; at < st.st_size;) {
      ssize_t n = pread(fd, chunk.data(), chunk.size(), at);
      if (n <= 0) break;
      at += n;
    }
  }
  MDB_txn* txn = nullptr;
  rc = mdb_txn_begin(backend->env_, nullptr, 0, &txn);
  if (rc != MDB_SUCCESS) return InternalError(std::string("mdb_txn_begin: ") + mdb_strerror(rc));
  for (auto [name, dbi] : {std::pair{"key", &backend->key_dbi_}, std::pair{"meta", &backend->meta_dbi_},
                           std::pair{"lease", &backend->lease_dbi_}}) {
    rc = mdb_dbi_open(txn, name, MDB_CREATE, dbi);
    if (rc != MDB_SUCCESS) {
      mdb_txn_abort(txn);
      return InternalError(std::string("mdb_dbi_open: ") + mdb_strerror(rc));
    }
  }
  rc = mdb_txn_commit(txn);
  if (rc != MDB_SUCCESS) return InternalError(std::string("mdb_txn_commit: ") + mdb_strerror(rc));
  return backend;
}

Backend::~Backend() {
  if (env_ != nullptr) mdb_env_close(env_);
}

MDB_dbi Backend::Dbi(Table table) const {
  switch (table) {
    case Table::kKey: return key_dbi_;
    case Table::kMeta: return meta_dbi_;
    case Table::kLease: return lease_dbi_;
  }
  KREF_CHECK(false);
  return 0;
}

ReadTxn Backend::BeginRead() const {
  MDB_txn* txn = nullptr;
  CheckRc("mdb_txn_begin(read)", mdb_txn_begin(env_, nullptr, MDB_RDONLY, &txn));
  return ReadTxn(this, txn);
}

WriteTxn Backend::BeginWrite() {
  MDB_txn* txn = nullptr;
  CheckRc("mdb_txn_begin(write)", mdb_txn_begin(env_, nullptr, 0, &txn));
  return WriteTxn(this, txn);
}

uint64_t Backend::SizeBytes() const {
  struct stat st {};
  std::string path = dir_ + "/data.mdb";
  if (stat(path.c_str(), &st) != 0) return 0;
  return static_cast<uint64_t>(st.st_size);
}

uint64_t Backend::SizeInUseBytes() const {
  MDB_envinfo info;
  MDB_stat stat;
  mdb_env_info(env_, &info);
  mdb_env_stat(env_, &stat);
  return static_cast<uint64_t>(info.me_last_pgno + 1) * stat.ms_psize;
}

Status Backend::CopyTo(int fd) const {
  int rc = mdb_env_copyfd2(env_, fd, MDB_CP_COMPACT);
  if (rc != MDB_SUCCESS) return InternalError(std::string("mdb_env_copyfd2: ") + mdb_strerror(rc));
  return Status();
}

}  // namespace kref::store
