// KeyIndex: the in-memory index from each key to the revisions of its changes (etcd's
// treeIndex of keyIndexes). Values live on disk, keyed by revision; the index says which
// revision of a key a read at a given store revision sees.
//
// A key's history is a list of generations. A generation starts with the put that creates the
// key and ends with the revision that deletes it (its tombstone); the last generation is the
// current one and is empty while the key is deleted.
//
// Thread safety: none; the owner serializes access (Mvcc holds a reader/writer lock).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "impl/store/revision.h"

namespace kref::store {

// A key range as etcd requests express it: `end` nullopt is the single key `begin`, an empty
// `end` is every key >= begin, otherwise [begin, end).
struct KeyRange {
  std::string begin;
  std::optional<std::string> end;

  // The etcd wire convention: range_end "" is the single key, "\0" every key >= key.
  static KeyRange FromRequest(std::string_view key, std::string_view range_end);
  bool Contains(std::string_view key) const;
};

class KeyIndex {
 public:
  // Records a put of `key` at `rev`. REQUIRES: rev is greater than every revision recorded.
  void Put(std::string_view key, Revision rev);
  // Records the deletion of `key` at `rev`. Returns false (and records nothing) when the key
  // is not live.
  bool Tombstone(std::string_view key, Revision rev);

  // The revision of the change a read at store revision `at_rev` sees for `key`, or nullopt
  // when the key did not exist then.
  std::optional<Revision> Get(std::string_view key, int64_t at_rev) const;

  // Calls `visit(key, revision)` in key order for each key in `range` live at `at_rev`; stops
  // early when visit returns false.
  void Visit(const KeyRange& range, int64_t at_rev,
             const std::function<bool(const std::string& key, Revision rev)>& visit) const;
  // The number of keys in `range` live at `at_rev`.
  int64_t Count(const KeyRange& range, int64_t at_rev) const;

  // Forgets history before `at_rev` as etcd's compaction does: for each key, keeps the latest
  // revision <= at_rev unless it is a tombstone, drops generations that ended at or before
  // at_rev, and drops keys left with no history. Returns the revisions <= at_rev that are still
  // needed (ascending); every other revision <= at_rev can be deleted from disk.
  std::vector<Revision> Compact(int64_t at_rev);
  // What Compact(at_rev) would return, without changing anything.
  std::vector<Revision> Keep(int64_t at_rev) const;

  // Keys with any history (live or deleted-but-uncompacted).
  size_t size() const { return keys_.size(); }

 private:
  using Generation = std::vector<Revision>;
  struct History {
    std::vector<Generation> generations;  // never empty; the last is the current one
  };

  static std::optional<Revision> Find(const History& history, int64_t at_rev);
  // Keeps what a compaction at `at_rev` keeps of `history`, appending the kept revisions <=
  // at_rev to `keep`. Returns whether the history is now empty.
  static bool CompactHistory(History& history, int64_t at_rev, std::vector<Revision>& keep);

  std::map<std::string, History, std::less<>> keys_;
};

}  // namespace kref::store
