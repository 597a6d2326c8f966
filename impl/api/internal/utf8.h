// UTF-8 decoding shared by the JSON writer, the YAML reader and Go-style quoting.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kref::api::internal {

// Decodes the code point starting at s[i] (REQUIRES: i < s.size()). Returns its length in
// bytes and sets `rune`, or returns 0 when the bytes there are not well-formed UTF-8: a stray
// continuation byte, a truncated sequence, an overlong form, a surrogate or a code point past
// U+10FFFF.
size_t DecodeUtf8(std::string_view s, size_t i, uint32_t& rune);

}  // namespace kref::api::internal
