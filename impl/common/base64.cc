#include "impl/common/base64.h"

#include <array>

namespace kref {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<int8_t, 256> kDecode = [] {
  std::array<int8_t, 256> table{};
  table.fill(-1);
  for (int i = 0; i < 64; ++i) table[static_cast<unsigned char>(kAlphabet[i])] = int8_t(i);
  return table;
}();

Status Illegal(size_t at) {
  return InvalidArgumentError("illegal base64 data at input byte " + std::to_string(at));
}

}  // namespace

void Base64Encode(std::string_view data, std::string& out) {
  size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    uint32_t n = (uint32_t(uint8_t(data[i])) << 16) | (uint32_t(uint8_t(data[i + 1])) << 8) |
                 uint8_t(data[i + 2]);
    out.push_back(kAlphabet[n >> 18]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(kAlphabet[(n >> 6) & 63]);
    out.push_back(kAlphabet[n & 63]);
  }
  size_t rest = data.size() - i;
  if (rest == 0) return;
  uint32_t n = uint32_t(uint8_t(data[i])) << 16;
  if (rest == 2) n |= uint32_t(uint8_t(data[i + 1])) << 8;
  out.push_back(kAlphabet[n >> 18]);
  out.push_back(kAlphabet[(n >> 12) & 63]);
  out.push_back(rest == 2 ? kAlphabet[(n >> 6) & 63] : '=');
  out.push_back('=');
}

Result<std::string> Base64Decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  uint32_t quad[4];
  size_t filled = 0;
  size_t padding = 0;
  size_t quad_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r' || c == '\n') continue;
    if (filled == 0) quad_start = i;
    if (c == '=') {
      if (filled < 2) return Illegal(i);
      ++padding;
      quad[filled++] = 0;
    } else {
      int8_t v = kDecode[static_cast<unsigned char>(c)];
      if (v < 0 || padding > 0) return Illegal(i);
      quad[filled++] = uint32_t(v);
    }
    if (filled == 4) {
      uint32_t n = (quad[0] << 18) | (quad[1] << 12) | (quad[2] << 6) | quad[3];
      out.push_back(char(n >> 16));
      if (padding < 2) out.push_back(char((n >> 8) & 0xFF));
      if (padding < 1) out.push_back(char(n & 0xFF));
      filled = 0;
      if (padding > 0) {
        // Only line breaks may follow the padding.
        for (size_t k = i + 1; k < text.size(); ++k) {
          if (text[k] != '\r' && text[k] != '\n') return Illegal(k);
        }
        return out;
      }
    }
  }
  if (filled != 0) return Illegal(quad_start);
  return out;
}

std::string Base64UrlEncode(std::string_view data) {
  std::string out;
  Base64Encode(data, out);
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

Result<std::string> Base64UrlDecode(std::string_view text) {
  std::string standard(text);
  for (size_t i = 0; i < standard.size(); ++i) {
    char& c = standard[i];
    if (c == '+' || c == '/' || c == '=' || c == '\r' || c == '\n') return Illegal(i);
    if (c == '-') c = '+';
    if (c == '_') c = '/';
  }
  if (standard.size() % 4 == 1) return Illegal(standard.size() - 1);
  standard.append((4 - standard.size() % 4) % 4, '=');
  return Base64Decode(standard);
}

}  // namespace kref
