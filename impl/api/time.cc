#include "impl/api/time.h"

#include <cstdio>

namespace kref::api {
namespace internal {
namespace {

using namespace std::chrono;

bool ReadDigits(std::string_view text, size_t& pos, size_t count, int& out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = text[pos + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  pos += count;
  out = value;
  return true;
}

bool Expect(std::string_view text, size_t& pos, char c) {
  if (pos >= text.size() || text[pos] != c) return false;
  ++pos;
  return true;
}

Status BadTime(std::string_view text) {
  return InvalidArgumentError("parsing time \"" + std::string(text) +
                              "\" as \"2006-01-02T15:04:05Z07:00\": cannot parse");
}

}  // namespace

Result<int64_t> ParseRfc3339Micros(std::string_view text) {
  size_t pos = 0;
  int year, month, day, hour, minute, second;
  if (!ReadDigits(text, pos, 4, year) || !Expect(text, pos, '-') ||
      !ReadDigits(text, pos, 2, month) || !Expect(text, pos, '-') ||
      !ReadDigits(text, pos, 2, day) || !Expect(text, pos, 'T') ||
      !ReadDigits(text, pos, 2, hour) || !Expect(text, pos, ':') ||
      !ReadDigits(text, pos, 2, minute) || !Expect(text, pos, ':') ||
      !ReadDigits(text, pos, 2, second)) {
    return BadTime(text);
  }
  int64_t micros_fraction = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    size_t start = pos;
    int64_t scale = 100000;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      micros_fraction += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return BadTime(text);
  }
  int offset_seconds = 0;
  if (pos < text.size() && text[pos] == 'Z') {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int sign = text[pos] == '+' ? 1 : -1;
    ++pos;
    int offset_hours, offset_minutes;
    if (!ReadDigits(text, pos, 2, offset_hours) || !Expect(text, pos, ':') ||
        !ReadDigits(text, pos, 2, offset_minutes) || offset_hours > 23 || offset_minutes > 59) {
      return BadTime(text);
    }
    offset_seconds = sign * (offset_hours * 3600 + offset_minutes * 60);
  } else {
    return BadTime(text);
  }
  if (pos != text.size()) return BadTime(text);
  year_month_day date{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (!date.ok() || hour > 23 || minute > 59 || second > 59) {
    return InvalidArgumentError("parsing time \"" + std::string(text) + "\": out of range");
  }
  int64_t days = sys_days(date).time_since_epoch().count();
  int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset_seconds;
  return seconds * 1'000'000 + micros_fraction;
}

std::string FormatRfc3339(int64_t unix_micros, int fraction_digits) {
  int64_t seconds = unix_micros / 1'000'000;
  int64_t micros = unix_micros % 1'000'000;
  if (micros < 0) {
    micros += 1'000'000;
    --seconds;
  }
  int64_t days = seconds / 86400;
  int64_t in_day = seconds % 86400;
  if (in_day < 0) {
    in_day += 86400;
    --days;
  }
  year_month_day date{sys_days(std::chrono::days(days))};
  char buffer[64];
  int n = std::snprintf(buffer, sizeof(buffer), "%04d-%02u-%02uT%02d:%02d:%02d",
                        static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                        static_cast<unsigned>(date.day()), static_cast<int>(in_day / 3600),
                        static_cast<int>(in_day / 60 % 60), static_cast<int>(in_day % 60));
  std::string out(buffer, n);
  if (fraction_digits == 6) {
    std::snprintf(buffer, sizeof(buffer), ".%06d", static_cast<int>(micros));
    out += buffer;
  }
  out += 'Z';
  return out;
}

}  // namespace internal

namespace {
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

Time Time::FromTimePoint(std::chrono::system_clock::time_point t) {
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch());
  return Time(FloorDiv(micros.count(), 1'000'000));
}

Result<Time> Time::Parse(std::string_view text) {
  KREF_ASSIGN_OR_RETURN(int64_t micros, internal::ParseRfc3339Micros(text));
  return Time(FloorDiv(micros, 1'000'000));
}

std::chrono::system_clock::time_point Time::ToTimePoint() const {
  return std::chrono::system_clock::time_point(std::chrono::seconds(seconds_));
}

MicroTime MicroTime::FromTimePoint(std::chrono::system_clock::time_point t) {
  return MicroTime(
      std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count());
}

Result<MicroTime> MicroTime::Parse(std::string_view text) {
  KREF_ASSIGN_OR_RETURN(int64_t micros, internal::ParseRfc3339Micros(text));
  return MicroTime(micros);
}

std::chrono::system_clock::time_point MicroTime::ToTimePoint() const {
  return std::chrono::system_clock::time_point(std::chrono::microseconds(micros_));
}

}  // namespace kref::api
