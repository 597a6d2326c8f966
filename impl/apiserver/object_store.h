// API objects in the key-value store, laid out as upstream's apiserver lays them out in etcd:
// /registry/<resource>/<namespace>/<name> (cluster-scoped: /registry/<resource>/<name>). The
// value is the object's JSON without its resourceVersion; an object's resourceVersion is the
// mod_revision of its key, and a list's is the store revision it was read at.
//
// Errors are generic (NotFound, AlreadyExists, Aborted for a revision mismatch) or the store's;
// the API server turns them into upstream's messages, which need the resource's name.
//
// Thread safety: thread-safe (the Kv is).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/registry.h"
#include "impl/common/result.h"
#include "impl/store/kv.h"

namespace kref::apiserver {

// "/registry/pods/default/web", "/registry/namespaces/default".
std::string ObjectKey(std::string_view resource, std::string_view namespace_,
                      std::string_view name);
// The prefix of every key of `resource` (in `namespace_`, if not empty), ending in '/'.
std::string ObjectPrefix(std::string_view resource, std::string_view namespace_);

struct StoredObject {
  std::string json;
  int64_t revision = 0;  // the key's mod_revision
};

struct StoredList {
  std::vector<StoredObject> items;  // in key order
  int64_t revision = 0;             // the revision read at
  std::string next_key;             // where the next page starts; empty when this is the last
  int64_t remaining = 0;            // objects after this page
};

struct ListOptions {
  int64_t limit = 0;      // at most this many objects (0: all)
  std::string start_key;  // the first key to read (empty: the prefix)
  int64_t revision = 0;   // the revision to read at (0: the latest)
};

// A stored object as the API shows it: decoded as `kind`, with its resourceVersion set to
// `revision`. InternalServerError when the stored bytes are not an object of the kind.
Result<std::unique_ptr<api::Object>> Load(const api::KindInfo& kind, std::string_view stored_json, int64_t revision);
Result<std::unique_ptr<api::Object>> Load(const api::KindInfo& kind, const StoredObject& stored);

class ObjectStore {
 public:
  // Told of each store call: its operation ("get", "list", "create", "update", "delete"), the
  // resource it was for (the key's second segment) and how long it took.
  using Observer = std::function<void(const std::string& operation, const std::string& type,
                                      std::chrono::duration<double> took)>;

  explicit ObjectStore(store::Kv& kv, Observer observer = nullptr)
      : kv_(kv), observer_(std::move(observer)) {}

  // NotFound when there is no such key.
  Result<StoredObject> Get(const std::string& key);
  // The store's current revision (a read of one key that does not exist).
  Result<int64_t> CurrentRevision();
  // The objects under `prefix`. OutOfRange when options.revision was compacted away.
  Result<StoredList> List(const std::string& prefix, const ListOptions& options = {});
  // The keys under `prefix` (the values are not read).
  Result<std::vector<std::string>> ListKeys(const std::string& prefix);

  // Writes may also claim keys (which must not exist; they are written with an empty value)
  // and release keys (deleted), all in the same transaction: the Service allocator's ranges.
  // A claimed key that exists fails the write with Aborted.

  // Writes `json` at `key` if no object is there; AlreadyExists otherwise. Returns the new
  // revision.
  Result<int64_t> Create(const std::string& key, const std::string& json,
                         const std::vector<std::string>& claim = {});
  // Replaces the object at `key` if its revision is still `expected_revision`: NotFound when it
  // is gone, Aborted when it changed. Returns the new revision.
  Result<int64_t> Update(const std::string& key, const std::string& json,
                         int64_t expected_revision, const std::vector<std::string>& claim = {},
                         const std::vector<std::string>& release = {});
  // Deletes the object at `key` if its revision is still `expected_revision` (as Update).
  // Returns the revision of the deletion.
  Result<int64_t> Delete(const std::string& key, int64_t expected_revision,
                         const std::vector<std::string>& release = {});

 private:
  // Runs a write guarded by `key`'s mod_revision == expected; on failure, says why.
  Result<int64_t> GuardedWrite(const std::string& key, int64_t expected_revision,
                               store::pb::RequestOp op, const std::vector<std::string>& claim,
                               const std::vector<std::string>& release);

  // Reports `operation` on `key` to the observer when the returned guard goes.
  struct Timer {
    const Observer* observer;
    std::string operation, key;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    ~Timer();
  };
  Timer Time(std::string operation, const std::string& key) const {
    return Timer{&observer_, std::move(operation), key};
  }

  store::Kv& kv_;
  Observer observer_;
};

}  // namespace kref::apiserver
