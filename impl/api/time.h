// Time and MicroTime: instants as metav1.Time and metav1.MicroTime put them on the wire.
//
// Time has one-second precision and prints as RFC 3339 in UTC ("2024-05-01T12:00:00Z");
// MicroTime has microsecond precision and always prints six fraction digits
// ("2024-05-01T12:00:00.000000Z"). Parsing accepts any RFC 3339 offset and fraction, and
// truncates to the type's precision. The zero value is Go's zero time (0001-01-01T00:00:00Z),
// which JSON encodes as null, as upstream.
//
// Thread safety: value types.
#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "impl/common/result.h"

namespace kref::api {

namespace internal {
// Seconds from the Unix epoch to 0001-01-01T00:00:00Z.
inline constexpr int64_t kZeroTimeUnixSeconds = -62135596800;

// Parses RFC 3339 into microseconds since the Unix epoch. Years 0000-9999.
Result<int64_t> ParseRfc3339Micros(std::string_view text);
// Formats as RFC 3339 UTC with `fraction_digits` (0 or 6) digits after the second.
std::string FormatRfc3339(int64_t unix_micros, int fraction_digits);
}  // namespace internal

class Time {
 public:
  Time() = default;
  static Time FromUnixSeconds(int64_t seconds) { return Time(seconds); }
  static Time FromTimePoint(std::chrono::system_clock::time_point t);
  // InvalidArgument on anything but RFC 3339.
  static Result<Time> Parse(std::string_view text);

  bool IsZero() const { return seconds_ == internal::kZeroTimeUnixSeconds; }
  int64_t unix_seconds() const { return seconds_; }
  std::chrono::system_clock::time_point ToTimePoint() const;
  // RFC 3339, e.g. "2024-05-01T12:00:00Z".
  std::string ToString() const { return internal::FormatRfc3339(seconds_ * 1'000'000, 0); }

  auto operator<=>(const Time&) const = default;

 private:
  explicit Time(int64_t seconds) : seconds_(seconds) {}
  int64_t seconds_ = internal::kZeroTimeUnixSeconds;
};

class MicroTime {
 public:
  MicroTime() = default;
  static MicroTime FromUnixMicros(int64_t micros) { return MicroTime(micros); }
  static MicroTime FromTimePoint(std::chrono::system_clock::time_point t);
  static Result<MicroTime> Parse(std::string_view text);

  bool IsZero() const { return micros_ == internal::kZeroTimeUnixSeconds * 1'000'000; }
  int64_t unix_micros() const { return micros_; }
  std::chrono::system_clock::time_point ToTimePoint() const;
  // RFC 3339 with microseconds, e.g. "2024-05-01T12:00:00.000000Z".
  std::string ToString() const { return internal::FormatRfc3339(micros_, 6); }

  auto operator<=>(const MicroTime&) const = default;

 private:
  explicit MicroTime(int64_t micros) : micros_(micros) {}
  int64_t micros_ = internal::kZeroTimeUnixSeconds * 1'000'000;
};

}  // namespace kref::api
