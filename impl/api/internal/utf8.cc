#include "impl/api/internal/utf8.h"

namespace kref::api::internal {

size_t DecodeUtf8(std::string_view s, size_t i, uint32_t& rune) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    rune = b;
    return 1;
  }
  size_t length = 0;
  if (b >= 0xC2 && b <= 0xDF) {
    length = 2;
    rune = b & 0x1F;
  } else if (b >= 0xE0 && b <= 0xEF) {
    length = 3;
    rune = b & 0x0F;
  } else if (b >= 0xF0 && b <= 0xF4) {
    length = 4;
    rune = b & 0x07;
  } else {
    return 0;
  }
  for (size_t k = 1; k < length; ++k) {
    if (i + k >= s.size() || (static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    rune = (rune << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  if ((length == 3 && (rune < 0x800 || (rune >= 0xD800 && rune <= 0xDFFF))) ||
      (length == 4 && (rune < 0x10000 || rune > 0x10FFFF))) {
    return 0;
  }
  return length;
}

}  // namespace kref::api::internal
