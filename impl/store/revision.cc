#include "impl/store/revision.h"

namespace kref::store {
namespace {

void PutBigEndian(uint64_t value, char* out) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(value & 0xff);
    value >>= 8;
  }
}

uint64_t GetBigEndian(const char* in) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | static_cast<unsigned char>(in[i]);
  return value;
}

}  // namespace

std::string EncodeBigEndian(int64_t value) {
  std::string out(8, '\0');
  PutBigEndian(static_cast<uint64_t>(value), out.data());
  return out;
}

std::optional<int64_t> DecodeBigEndian(std::string_view bytes) {
  if (bytes.size() < 8) return std::nullopt;
  return static_cast<int64_t>(GetBigEndian(bytes.data()));
}

std::string EncodeRevisionKey(Revision rev, bool tombstone) {
  std::string key(kRevisionKeySize + (tombstone ? 1 : 0), '\0');
  PutBigEndian(static_cast<uint64_t>(rev.main), key.data());
  key[8] = '_';
  PutBigEndian(static_cast<uint64_t>(rev.sub), key.data() + 9);
  if (tombstone) key[kRevisionKeySize] = kTombstoneMark;
  return key;
}

std::optional<RevisionKey> DecodeRevisionKey(std::string_view bytes) {
  if (bytes.size() != kRevisionKeySize && bytes.size() != kRevisionKeySize + 1) return std::nullopt;
  if (bytes[8] != '_') return std::nullopt;
  bool tombstone = bytes.size() == kRevisionKeySize + 1;
  if (tombstone && bytes[kRevisionKeySize] != kTombstoneMark) return std::nullopt;
  return RevisionKey{{static_cast<int64_t>(GetBigEndian(bytes.data())),
                      static_cast<int64_t>(GetBigEndian(bytes.data() + 9))},
                     tombstone};
}

}  // namespace kref::store
