// Tests for the CronJob schedule parser and time zone lookup: the grammar robfig/cron's
// ParseStandard accepts (ranges, steps, lists, names, descriptors, TZ= prefixes) and each of its
// error messages, word for word.
#include "impl/api/batch/cron_schedule.h"

#include <gtest/gtest.h>

#include <string>

namespace kref::api::batch {
namespace {

// "" when `spec` parses, else the error message.
std::string ParseError(std::string_view spec) {
  Status status = ParseCronSchedule(spec);
  if (status.ok()) return "";
  EXPECT_TRUE(status.IsInvalidArgument()) << spec;
  return status.message();
}

std::string LoadError(const std::string& name) {
  Status status = LoadTimeZone(name);
  if (status.ok()) return "";
  EXPECT_TRUE(status.IsInvalidArgument()) << name;
  return status.message();
}

// ---- Accepted schedules ----

TEST(CronScheduleTest, PlainFieldsWithinBounds) {
  for (const char* spec : {"* * * * *", "0 0 1 1 0", "59 23 31 12 6", "30 2 * * 1-5", "0 0 ? * ?",
                           "  0\t0 *  * *  "}) {
    EXPECT_EQ(ParseError(spec), "") << spec;
  }
}

TEST(CronScheduleTest, Ranges) {
  EXPECT_EQ(ParseError("0-59 0-23 1-31 1-12 0-6"), "");
  EXPECT_EQ(ParseError("5-5 * * * *"), "");
  EXPECT_EQ(ParseError("5-2 * * * *"), "beginning of range (5) beyond end of range (2): 5-2");
  EXPECT_EQ(ParseError("1-2-3 * * * *"), "too many hyphens: 1-2-3");
  EXPECT_EQ(ParseError("0-60 * * * *"), "end of range (60) above maximum (59): 0-60");
  EXPECT_EQ(ParseError("0 0 0-3 * *"), "beginning of range (0) below minimum (1): 0-3");
}

TEST(CronScheduleTest, Steps) {
  EXPECT_EQ(ParseError("*/15 0-6/2 1,15 */3 *"), "");
  EXPECT_EQ(ParseError("5/10 * * * *"), "");
  EXPECT_EQ(ParseError("*/0 * * * *"), "step of range should be a positive number: */0");
  EXPECT_EQ(ParseError("*/5/2 * * * *"), "too many slashes: */5/2");
  EXPECT_EQ(ParseError("*/-5 * * * *"), "negative number (-5) not allowed: -5");
  EXPECT_EQ(ParseError("*/x * * * *"),
            "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax");
  EXPECT_EQ(ParseError("60/5 * * * *"), "beginning of range (60) beyond end of range (59): 60/5");
}

TEST(CronScheduleTest, Lists) {
  EXPECT_EQ(ParseError("0,15,30,45 * * * *"), "");
  EXPECT_EQ(ParseError("0,,30, * * * *"), "");
  EXPECT_EQ(ParseError("1-5,10-20/2,59 * * * *"), "");
  EXPECT_EQ(ParseError("0,61 * * * *"), "end of range (61) above maximum (59): 61");
}

TEST(CronScheduleTest, MonthAndWeekdayNames) {
  EXPECT_EQ(ParseError("0 0 * Jan-MAR mon-FRI"), "");
  EXPECT_EQ(ParseError("0 0 * jan,jun,dec sun,sat"), "");
  EXPECT_EQ(ParseError("0 0 * sep-dec/2 *"), "");
  EXPECT_EQ(ParseError("0 0 * * sunday"),
            "failed to parse int from sunday: strconv.Atoi: parsing \"sunday\": invalid syntax");
  EXPECT_EQ(ParseError("0 0 * mon *"),
            "failed to parse int from mon: strconv.Atoi: parsing \"mon\": invalid syntax");
  EXPECT_EQ(ParseError("jan * * * *"),
            "failed to parse int from jan: strconv.Atoi: parsing \"jan\": invalid syntax");
}

TEST(CronScheduleTest, Descriptors) {
  for (const char* spec : {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight",
                           "@hourly", "@every 1h30m", "@every 90s", "@every 1.5h", "@every 0",
                           "@every 250ms", "@every 10\u00b5s", "@every +5m"}) {
    EXPECT_EQ(ParseError(spec), "") << spec;
  }
  EXPECT_EQ(ParseError("@reboot"), "unrecognized descriptor: @reboot");
  EXPECT_EQ(ParseError("@daily "), "unrecognized descriptor: @daily ");
  EXPECT_EQ(ParseError("@every 5x"),
            "failed to parse duration @every 5x: time: unknown unit \"x\" in duration \"5x\"");
  EXPECT_EQ(ParseError("@every 5"),
            "failed to parse duration @every 5: time: missing unit in duration \"5\"");
  EXPECT_EQ(ParseError("@every h"),
            "failed to parse duration @every h: time: invalid duration \"h\"");
  EXPECT_EQ(ParseError("@every "), "failed to parse duration @every : time: invalid duration \"\"");
}

TEST(CronScheduleTest, TimeZonePrefix) {
  EXPECT_EQ(ParseError("TZ=UTC 0 * * * *"), "");
  EXPECT_EQ(ParseError("CRON_TZ=Europe/Berlin @daily"), "");
  EXPECT_EQ(ParseError("CRON_TZ=Nowhere/City 0 * * * *"),
            "provided bad location Nowhere/City: unknown time zone Nowhere/City");
  EXPECT_EQ(ParseError("TZ=../etc/passwd 0 * * * *"),
            "provided bad location ../etc/passwd: time: invalid location name");
  EXPECT_EQ(ParseError("TZ=UTC"), "expected exactly 5 fields, found 0: []");
}

// ---- Errors ----

TEST(CronScheduleTest, EmptySpec) { EXPECT_EQ(ParseError(""), "empty spec string"); }

TEST(CronScheduleTest, FieldCount) {
  EXPECT_EQ(ParseError("* * * *"), "expected exactly 5 fields, found 4: [* * * *]");
  EXPECT_EQ(ParseError("0 0 1 1 * 2030"), "expected exactly 5 fields, found 6: [0 0 1 1 * 2030]");
  EXPECT_EQ(ParseError(" \t "), "expected exactly 5 fields, found 0: []");
}

TEST(CronScheduleTest, BoundsOfEachField) {
  EXPECT_EQ(ParseError("61 * * * *"), "end of range (61) above maximum (59): 61");
  EXPECT_EQ(ParseError("0 24 * * *"), "end of range (24) above maximum (23): 24");
  EXPECT_EQ(ParseError("0 0 0 * *"), "beginning of range (0) below minimum (1): 0");
  EXPECT_EQ(ParseError("0 0 32 * *"), "end of range (32) above maximum (31): 32");
  EXPECT_EQ(ParseError("0 0 * 0 *"), "beginning of range (0) below minimum (1): 0");
  EXPECT_EQ(ParseError("0 0 * 13 *"), "end of range (13) above maximum (12): 13");
  EXPECT_EQ(ParseError("0 0 * * 7"), "end of range (7) above maximum (6): 7");
}

TEST(CronScheduleTest, Numbers) {
  EXPECT_EQ(ParseError("a * * * *"),
            "failed to parse int from a: strconv.Atoi: parsing \"a\": invalid syntax");
  EXPECT_EQ(ParseError("-5 * * * *"),
            "failed to parse int from : strconv.Atoi: parsing \"\": invalid syntax");
  EXPECT_EQ(ParseError("99999999999999999999 * * * *"),
            "failed to parse int from 99999999999999999999: strconv.Atoi: parsing "
            "\"99999999999999999999\": value out of range");
  EXPECT_EQ(ParseError("+5 * * * *"), "");
}

TEST(CronScheduleTest, FirstProblemLeftToRight) {
  EXPECT_EQ(ParseError("61 99 * * 9"), "end of range (61) above maximum (59): 61");
  EXPECT_EQ(ParseError("0 99 * * 9"), "end of range (99) above maximum (23): 99");
}

// ---- LoadTimeZone ----

TEST(CronScheduleTest, LoadTimeZone) {
  for (const char* name : {"", "UTC", "Local", "Europe/Berlin", "America/New_York"}) {
    EXPECT_EQ(LoadError(name), "") << name;
  }
  EXPECT_EQ(LoadError("Mars/Olympus_Mons"), "unknown time zone Mars/Olympus_Mons");
  EXPECT_EQ(LoadError("../etc/passwd"), "time: invalid location name");
  EXPECT_EQ(LoadError("/etc/passwd"), "time: invalid location name");
  EXPECT_EQ(LoadError("\\zone"), "time: invalid location name");
  EXPECT_EQ(LoadError("zone.tab"), "malformed time zone information");
}

}  // namespace
}  // namespace kref::api::batch
