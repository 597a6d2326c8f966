// Quantity: a fixed-point number with a unit suffix, as resource.Quantity upstream.
//
// Grammar (upstream): <signedNumber><suffix>, suffix one of
//   binary SI   Ki Mi Gi Ti Pi Ei               (powers of 1024)
//   decimal SI  n u m "" k M G T P E            (powers of 1000)
//   exponent    e<signedInt> | E<signedInt>     (powers of 10)
// A parsed quantity remembers which of the three forms it was written in and is printed in that
// form, canonically: no fractional digits, the largest suffix that loses no precision ("1.5" is
// "1500m", "1.5Gi" is "1536Mi"). A binary-SI value below 1024 in magnitude or with a fraction
// prints as decimal SI.
//
// Precision is one nano: parsing rounds any finer value up, away from zero ("0.1n" is "1n").
// Magnitude is capped at 2^63-1 when parsing, for all three forms as upstream documents (upstream
// 1.32 leaves very large exponent-form values uncapped; kref caps them too). Arithmetic is exact
// over a 128-bit nano count, so sums beyond 2^63-1 (cluster-wide totals) stay exact.
//
// Thread safety: a value type; const methods may be called concurrently.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "impl/common/result.h"

namespace kref::api {

class Quantity {
 public:
  enum class Format { kDecimalSI, kBinarySI, kDecimalExponent };

  // Zero, decimal SI.
  Quantity() = default;

  // Parses the upstream grammar; surrounding whitespace is trimmed as upstream's JSON decoding
  // does. Errors are InvalidArgument with upstream's messages ("quantities must match the regular
  // expression ...", "unable to parse numeric part of quantity", "unable to parse quantity's
  // suffix").
  static Result<Quantity> Parse(std::string_view text);

  // value × 10^scale (scale >= -9) in the given format.
  static Quantity FromScaled(int64_t value, int scale, Format format = Format::kDecimalSI);
  static Quantity FromInt(int64_t value, Format format = Format::kDecimalSI) {
    return FromScaled(value, 0, format);
  }
  static Quantity FromMilli(int64_t milli, Format format = Format::kDecimalSI) {
    return FromScaled(milli, -3, format);
  }

  // The canonical text, e.g. "100m", "128Mi", "1e3", "0".
  std::string ToString() const;
  Format format() const { return format_; }
  void set_format(Format format) { format_ = format; }

  bool IsZero() const { return nanos_ == 0; }
  int Sign() const { return nanos_ == 0 ? 0 : (nanos_ < 0 ? -1 : 1); }

  // ceil(|q| / 10^scale) with q's sign, saturating at the int64 range. Value() is scale 0,
  // MilliValue() scale -3.
  int64_t ScaledValue(int scale) const;
  int64_t Value() const { return ScaledValue(0); }
  int64_t MilliValue() const { return ScaledValue(-3); }

  // Arithmetic. Adding to or subtracting from a zero quantity takes the other's format.
  void Add(const Quantity& other);
  void Sub(const Quantity& other);
  void Neg() { nanos_ = -nanos_; }
  // Multiplies by an integer. Returns false (and leaves the value unchanged) on overflow.
  bool Mul(int64_t factor);

  // Value comparison; the format does not take part.
  std::strong_ordering operator<=>(const Quantity& other) const { return nanos_ <=> other.nanos_; }
  bool operator==(const Quantity& other) const { return nanos_ == other.nanos_; }

 private:
  __int128 nanos_ = 0;
  Format format_ = Format::kDecimalSI;
};

}  // namespace kref::api
