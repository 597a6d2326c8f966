// Revision: the position of one change in the store's history, and its on-disk key.
//
// `main` is the store revision of the write transaction, `sub` the change's index inside it
// (etcd's revision{main, sub}). On disk every change is keyed by its revision in etcd's bbolt
// layout, so that revision order is byte order and HashKV hashes the same bytes etcd does:
//   8 bytes big-endian main, '_', 8 bytes big-endian sub [, 't' for a tombstone].
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kref::store {

struct Revision {
  int64_t main = 0;
  int64_t sub = 0;
  auto operator<=>(const Revision&) const = default;
};

inline constexpr size_t kRevisionKeySize = 17;
inline constexpr char kTombstoneMark = 't';

// The 17-byte key, plus the tombstone mark when `tombstone`.
std::string EncodeRevisionKey(Revision rev, bool tombstone = false);

// 8-byte big-endian encoding of an integer (lease ids, lease records).
std::string EncodeBigEndian(int64_t value);
// The integer at the start of `bytes`; nullopt if fewer than 8 bytes.
std::optional<int64_t> DecodeBigEndian(std::string_view bytes);

struct RevisionKey {
  Revision rev;
  bool tombstone = false;
};
// Parses a key EncodeRevisionKey made; nullopt for anything else.
std::optional<RevisionKey> DecodeRevisionKey(std::string_view bytes);

}  // namespace kref::store
