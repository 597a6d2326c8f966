// A CronJob's schedule, checked as the API server's validateScheduleFormat does it: with
// github.com/robfig/cron/v3's ParseStandard, whose error text becomes the field error's detail.
// Also Go's time.LoadLocation, which both the schedule's TZ= prefix and spec.timeZone use.
//
// The grammar ParseCronSchedule accepts:
//   [TZ=<zone> | CRON_TZ=<zone>] <descriptor>
//   [TZ=<zone> | CRON_TZ=<zone>] <minute> <hour> <day-of-month> <month> <day-of-week>
// - Fields are separated by runs of ASCII whitespace; there must be exactly five.
// - Each field is a comma-separated list of ranges (empty list elements are skipped). A range is
//   "*" or "?" (the field's whole range), "a" or "a-b", optionally followed by a step "/s";
//   "a/s" runs from a to the field's maximum.
// - Bounds: minute 0-59, hour 0-23, day of month 1-31, month 1-12, day of week 0-6. A range's
//   ends (not its step) may name a month, jan..dec, or a day of the week, sun..sat, in any case.
// - Descriptors: @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, and
//   "@every <duration>" with a Go duration ("1h30m", "90s", "1.5h"; units ns, us, µs, ms, s, m,
//   h; "0" alone needs no unit).
//
// Error messages, as robfig/cron words them (<spec> is the schedule, <range> one list element,
// <x> the number or name that failed):
//   empty spec string
//   expected exactly 5 fields, found <n>: [<field> <field> ...]
//   provided bad location <zone>: <LoadTimeZone's message>
//   unrecognized descriptor: <spec>
//   failed to parse duration <spec>: time: invalid duration "<d>"
//   failed to parse duration <spec>: time: missing unit in duration "<d>"
//   failed to parse duration <spec>: time: unknown unit "<u>" in duration "<d>"
//   too many hyphens: <range>
//   too many slashes: <range>
//   failed to parse int from <x>: strconv.Atoi: parsing "<x>": invalid syntax
//   failed to parse int from <x>: strconv.Atoi: parsing "<x>": value out of range
//   negative number (-<n>) not allowed: <x>
//   beginning of range (<n>) below minimum (<min>): <range>
//   end of range (<n>) above maximum (<max>): <range>
//   beginning of range (<n>) beyond end of range (<end>): <range>
//   step of range should be a positive number: <range>
// The first problem found is reported; fields are checked left to right.
//
// Thread safety: both functions may be called concurrently.
#pragma once

#include <string>
#include <string_view>

#include "impl/common/status.h"

namespace kref::api::batch {

// OK when `spec` is a schedule ParseStandard accepts; otherwise InvalidArgument with
// robfig/cron's message (listed above).
Status ParseCronSchedule(std::string_view spec);

// time.LoadLocation against /usr/share/zoneinfo: OK for "", "UTC", "Local" and every name whose
// file there is a TZif file; otherwise InvalidArgument with Go's message:
//   "time: invalid location name" (a name containing ".." or starting with '/' or '\')
//   "unknown time zone <name>" (no such readable file)
//   "malformed time zone information" (a file that is not TZif)
Status LoadTimeZone(const std::string& name);

}  // namespace kref::api::batch
