#include "impl/api/quantity.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>

namespace kref::api {
namespace {

using Int128 = __int128;

constexpr int64_t kNanosPerUnit = 1'000'000'000;
constexpr Int128 kMaxNanos = Int128(std::numeric_limits<int64_t>::max()) * kNanosPerUnit;
// Decimal digits that always fit an Int128 (its max is about 1.7e38).
constexpr int kSafeDigits = 37;

constexpr std::string_view kFormatWrong =
    "quantities must match the regular expression "
    "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
constexpr std::string_view kNumeric = "unable to parse numeric part of quantity";
constexpr std::string_view kSuffixError = "unable to parse quantity's suffix";

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

struct Scanned {
  bool positive = true;
  std::string_view num;    // integer digits, leading zeros stripped ("" means 0)
  std::string_view denom;  // fraction digits
  std::string_view suffix;
};

// The upstream scanner: sign, digits, optional '.' and digits, then a suffix made of the
// letters eEinumkKMGTP optionally followed by a signed integer.
bool Scan(std::string_view s, Scanned& out) {
  size_t pos = 0;
  const size_t end = s.size();
  if (pos < end && (s[pos] == '-' || s[pos] == '+')) {
    out.positive = s[pos] == '+';
    ++pos;
  }
  while (pos < end && s[pos] == '0') ++pos;
  if (pos >= end) return true;  // only a sign and zeros: zero
  size_t start = pos;
  while (pos < end && IsDigit(s[pos])) ++pos;
  out.num = s.substr(start, pos - start);
  if (pos < end && s[pos] == '.') {
    ++pos;
    start = pos;
    while (pos < end && IsDigit(s[pos])) ++pos;
    out.denom = s.substr(start, pos - start);
  }
  const size_t suffix_start = pos;
  constexpr std::string_view kSuffixLetters = "eEinumkKMGTP";
  while (pos < end && kSuffixLetters.find(s[pos]) != std::string_view::npos) ++pos;
  if (pos < end && (s[pos] == '-' || s[pos] == '+')) ++pos;
  while (pos < end && IsDigit(s[pos])) ++pos;
  if (pos < end) return false;
  out.suffix = s.substr(suffix_start);
  return true;
}

struct Suffix {
  int base = 10;
  int64_t exponent = 0;
  Quantity::Format format = Quantity::Format::kDecimalSI;
};

bool InterpretSuffix(std::string_view s, Suffix& out) {
  static constexpr std::array<std::pair<std::string_view, int>, 10> kDecimal = {{{"n", -9},
                                                                                 {"u", -6},
                                                                                 {"m", -3},
                                                                                 {"", 0},
                                                                                 {"k", 3},
                                                                                 {"M", 6},
                                                                                 {"G", 9},
                                                                                 {"T", 12},
                                                                                 {"P", 15},
                                                                                 {"E", 18}}};
  static constexpr std::array<std::pair<std::string_view, int>, 6> kBinary = {
      {{"Ki", 10}, {"Mi", 20}, {"Gi", 30}, {"Ti", 40}, {"Pi", 50}, {"Ei", 60}}};
  for (const auto& [name, exponent] : kDecimal) {
    if (s == name) {
      out = {10, exponent, Quantity::Format::kDecimalSI};
      return true;
    }
  }
  for (const auto& [name, exponent] : kBinary) {
    if (s == name) {
      out = {2, exponent, Quantity::Format::kBinarySI};
      return true;
    }
  }
  if (s.size() > 1 && (s[0] == 'e' || s[0] == 'E')) {
    std::string_view digits = s.substr(1);
    if (digits[0] == '+') digits.remove_prefix(1);  // strconv.ParseInt accepts a leading '+'
    int64_t exponent = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), exponent);
    if (ec != std::errc() || ptr != digits.data() + digits.size() || digits.empty()) return false;
    out = {10, exponent, Quantity::Format::kDecimalExponent};
    return true;
  }
  return false;
}

// digits *= factor, on a decimal digit string (most significant first).
void MultiplyDigits(std::string& digits, uint32_t factor) {
  uint64_t carry = 0;
  for (size_t i = digits.size(); i-- > 0;) {
    uint64_t product = uint64_t(digits[i] - '0') * factor + carry;
    digits[i] = char('0' + product % 10);
    carry = product / 10;
  }
  while (carry > 0) {
    digits.insert(digits.begin(), char('0' + carry % 10));
    carry /= 10;
  }
}

Int128 DigitsToInt(std::string_view digits) {
  Int128 value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// ceil(digits × 10^shift) in nanos, capped at kMaxNanos. `digits` has no leading zeros.
Int128 ScaleToNanos(std::string_view digits, Int128 shift) {
  if (digits.empty()) return 0;
  const Int128 length = static_cast<Int128>(digits.size());
  if (shift >= 0) {
    if (length + shift > kSafeDigits) return kMaxNanos;
    Int128 value = DigitsToInt(digits);
    for (Int128 i = 0; i < shift; ++i) value *= 10;
    return std::min(value, kMaxNanos);
  }
  const Int128 dropped = -shift;
  if (dropped >= length) return 1;  // a nonzero value below one nano rounds up to one nano
  const size_t kept = static_cast<size_t>(length - dropped);
  if (kept > static_cast<size_t>(kSafeDigits)) return kMaxNanos;
  Int128 value = DigitsToInt(digits.substr(0, kept));
  std::string_view rest = digits.substr(kept);
  if (rest.find_first_not_of('0') != std::string_view::npos) ++value;
  return std::min(value, kMaxNanos);
}

std::string Int128ToString(Int128 value) {
  if (value == 0) return "0";
  bool negative = value < 0;
  unsigned __int128 magnitude = negative ? static_cast<unsigned __int128>(-(value + 1)) + 1 : value;
  char buffer[48];
  char* p = buffer + sizeof(buffer);
  while (magnitude > 0) {
    *--p = char('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  }
  if (negative) *--p = '-';
  return std::string(p, buffer + sizeof(buffer));
}

Int128 Pow10(int exponent) {
  Int128 value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

int64_t Saturate(Int128 value) {
  if (value > std::numeric_limits<int64_t>::max()) return std::numeric_limits<int64_t>::max();
  if (value < std::numeric_limits<int64_t>::min()) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(value);
}

}  // namespace

Result<Quantity> Quantity::Parse(std::string_view text) {
  constexpr std::string_view kSpace = " \t\n\r\v\f";
  size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return InvalidArgumentError(std::string(kFormatWrong));
  text = text.substr(first, text.find_last_not_of(kSpace) - first + 1);

  Scanned scanned;
  if (!Scan(text, scanned)) return InvalidArgumentError(std::string(kFormatWrong));
  Suffix suffix;
  if (!InterpretSuffix(scanned.suffix, suffix)) {
    return InvalidArgumentError(std::string(kSuffixError));
  }

  std::string digits;
  digits.reserve(scanned.num.size() + scanned.denom.size());
  digits.append(scanned.num).append(scanned.denom);
  size_t nonzero = digits.find_first_not_of('0');
  if (nonzero == std::string::npos) {
    Quantity zero;
    zero.format_ = suffix.format;
    return zero;
  }
  digits.erase(0, nonzero);
  if (digits.size() > (size_t{1} << 20)) return InvalidArgumentError(std::string(kNumeric));

  Int128 shift = Int128(9) - static_cast<Int128>(scanned.denom.size());
  if (suffix.base == 10) {
    shift += suffix.exponent;
  } else {
    for (int64_t i = 0; i < suffix.exponent / 10; ++i) MultiplyDigits(digits, 1024);
  }

  Quantity q;
  q.nanos_ = ScaleToNanos(digits, shift);
  q.format_ = suffix.format;
  if (q.format_ == Format::kBinarySI && q.nanos_ < kNanosPerUnit) q.format_ = Format::kDecimalSI;
  if (!scanned.positive) q.nanos_ = -q.nanos_;
  return q;
}

Quantity Quantity::FromScaled(int64_t value, int scale, Format format) {
  KREF_CHECK(scale >= -9 && scale <= 18);
  Quantity q;
  q.nanos_ = Int128(value) * Pow10(scale + 9);
  q.format_ = format;
  return q;
}

std::string Quantity::ToString() const {
  if (nanos_ == 0) return "0";
  Format format = format_;
  if (format == Format::kBinarySI) {
    Int128 magnitude = nanos_ < 0 ? -nanos_ : nanos_;
    if (magnitude < Int128(1024) * kNanosPerUnit || nanos_ % kNanosPerUnit != 0) {
      format = Format::kDecimalSI;
    } else {
      static constexpr std::array<std::string_view, 7> kBinary = {"",   "Ki", "Mi", "Gi",
                                                                  "Ti", "Pi", "Ei"};
      Int128 value = nanos_ / kNanosPerUnit;
      size_t power = 0;
      while (power + 1 < kBinary.size() && value % 1024 == 0) {
        value /= 1024;
        ++power;
      }
      return Int128ToString(value) + std::string(kBinary[power]);
    }
  }
  Int128 mantissa = nanos_;
  int exponent = -9;
  while (mantissa % 10 == 0) {
    mantissa /= 10;
    ++exponent;
  }
  while (((exponent % 3) + 3) % 3 != 0) {
    mantissa *= 10;
    --exponent;
  }
  if (format == Format::kDecimalExponent) {
    std::string out = Int128ToString(mantissa);
    if (exponent != 0) out += "e" + std::to_string(exponent);
    return out;
  }
  while (exponent > 18) {
    mantissa *= 1000;
    exponent -= 3;
  }
  static constexpr std::array<std::string_view, 10> kDecimal = {"n", "u", "m", "",  "k",
                                                                "M", "G", "T", "P", "E"};
  return Int128ToString(mantissa) + std::string(kDecimal[(exponent + 9) / 3]);
}

int64_t Quantity::ScaledValue(int scale) const {
  if (scale < -9) return Saturate(nanos_ * Pow10(std::min(-9 - scale, 20)));
  int divisor_power = scale + 9;
  if (divisor_power > 38) return nanos_ == 0 ? 0 : Sign();
  Int128 divisor = Pow10(divisor_power);
  Int128 magnitude = nanos_ < 0 ? -nanos_ : nanos_;
  Int128 result = magnitude / divisor + (magnitude % divisor != 0 ? 1 : 0);
  return Saturate(nanos_ < 0 ? -result : result);
}

void Quantity::Add(const Quantity& other) {
  if (nanos_ == 0) format_ = other.format_;
  nanos_ += other.nanos_;
}

void Quantity::Sub(const Quantity& other) {
  if (nanos_ == 0) format_ = other.format_;
  nanos_ -= other.nanos_;
}

bool Quantity::Mul(int64_t factor) {
  Int128 result;
  if (__builtin_mul_overflow(nanos_, Int128(factor), &result)) return false;
  nanos_ = result;
  return true;
}

}  // namespace kref::api
