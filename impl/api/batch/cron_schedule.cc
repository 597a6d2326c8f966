// The CronJob schedule parser (robfig/cron's ParseStandard, as a check) and Go's
// time.LoadLocation against the system zoneinfo database.
#include "impl/api/batch/cron_schedule.h"

#include <cctype>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "impl/api/validation/common.h"
#include "impl/api/validation/field_error.h"
#include "impl/common/result.h"

namespace kref::api::batch {
namespace {

struct CronBounds {
  int64_t min;
  int64_t max;
  std::vector<std::pair<std::string_view, int64_t>> names;
};

// strings.Fields: splits on runs of ASCII whitespace.
std::vector<std::string> SplitFields(std::string_view text) {
  std::vector<std::string> fields;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) fields.emplace_back(text.substr(start, i - start));
  }
  return fields;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

// mustParseInt: strconv.Atoi, then non-negative.
Result<int64_t> MustParseInt(std::string_view expr) {
  std::string_view digits = expr;
  bool negative = false;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  uint64_t magnitude = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
  std::string prefix = "failed to parse int from " + std::string(expr) +
                       ": strconv.Atoi: parsing " + validation::GoQuote(expr) + ": ";
  if (digits.empty() || end != digits.data() + digits.size() ||
      (error != std::errc() && error != std::errc::result_out_of_range)) {
    return InvalidArgumentError(prefix + "invalid syntax");
  }
  if (error == std::errc::result_out_of_range ||
      magnitude > (negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1)) {
    return InvalidArgumentError(prefix + "value out of range");
  }
  if (negative && magnitude > 0) {
    return InvalidArgumentError("negative number (-" + std::to_string(magnitude) +
                                ") not allowed: " + std::string(expr));
  }
  return static_cast<int64_t>(magnitude);
}

// parseIntOrName.
Result<int64_t> ParseIntOrName(std::string_view expr, const CronBounds& bounds) {
  std::string lower = validation::ToLower(expr);
  for (const auto& [name, value] : bounds.names) {
    if (lower == name) return value;
  }
  return MustParseInt(expr);
}

// getRange: one "a", "a-b", "*", "a/s", "a-b/s" or "*/s" element.
Status CheckCronRange(std::string_view expr, const CronBounds& bounds) {
  std::vector<std::string_view> range_and_step = Split(expr, '/');
  std::vector<std::string_view> low_and_high = Split(range_and_step[0], '-');
  bool single = low_and_high.size() == 1;
  int64_t start = 0;
  int64_t end = 0;
  if (low_and_high[0] == "*" || low_and_high[0] == "?") {
    start = bounds.min;
    end = bounds.max;
  } else {
    KREF_ASSIGN_OR_RETURN(start, ParseIntOrName(low_and_high[0], bounds));
    if (low_and_high.size() == 1) {
      end = start;
    } else if (low_and_high.size() == 2) {
      KREF_ASSIGN_OR_RETURN(end, ParseIntOrName(low_and_high[1], bounds));
    } else {
      return InvalidArgumentError("too many hyphens: " + std::string(expr));
    }
  }
  int64_t step = 1;
  if (range_and_step.size() == 2) {
    KREF_ASSIGN_OR_RETURN(step, MustParseInt(range_and_step[1]));
    if (single) end = bounds.max;
  } else if (range_and_step.size() > 2) {
    return InvalidArgumentError("too many slashes: " + std::string(expr));
  }
  auto problem = [&](const std::string& what) {
    return InvalidArgumentError(what + ": " + std::string(expr));
  };
  if (start < bounds.min) {
    return problem("beginning of range (" + std::to_string(start) + ") below minimum (" +
                   std::to_string(bounds.min) + ")");
  }
  if (end > bounds.max) {
    return problem("end of range (" + std::to_string(end) + ") above maximum (" +
                   std::to_string(bounds.max) + ")");
  }
  if (start > end) {
    return problem("beginning of range (" + std::to_string(start) + ") beyond end of range (" +
                   std::to_string(end) + ")");
  }
  if (step == 0) return problem("step of range should be a positive number");
  return Status();
}

// getField: a comma-separated list of ranges (empty elements are skipped, as FieldsFunc does).
Status CheckCronField(std::string_view field, const CronBounds& bounds) {
  for (std::string_view expr : Split(field, ',')) {
    if (expr.empty()) continue;
    KREF_RETURN_IF_ERROR(CheckCronRange(expr, bounds));
  }
  return Status();
}

// time.ParseDuration's grammar: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+, or "0".
Status CheckGoDuration(std::string_view text) {
  std::string quoted = validation::GoQuote(text);
  std::string_view s = text;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s == "0") return Status();
  if (s.empty()) return InvalidArgumentError("time: invalid duration " + quoted);
  static const std::set<std::string_view> kUnits = {"ns", "us", "\u00b5s", "\u03bcs",
                                                    "ms", "s",  "m",       "h"};
  while (!s.empty()) {
    size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    bool digits = i > 0;
    if (i < s.size() && s[i] == '.') {
      ++i;
      size_t fraction = i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      digits = digits || i > fraction;
    }
    if (!digits) return InvalidArgumentError("time: invalid duration " + quoted);
    size_t unit_start = i;
    while (i < s.size() && s[i] != '.' && !std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    std::string_view unit = s.substr(unit_start, i - unit_start);
    if (unit.empty()) return InvalidArgumentError("time: missing unit in duration " + quoted);
    if (!kUnits.count(unit)) {
      return InvalidArgumentError("time: unknown unit " + validation::GoQuote(unit) +
                                  " in duration " + quoted);
    }
    s.remove_prefix(i);
  }
  return Status();
}

// parseDescriptor.
Status CheckCronDescriptor(std::string_view descriptor) {
  for (std::string_view known :
       {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}) {
    if (descriptor == known) return Status();
  }
  constexpr std::string_view kEvery = "@every ";
  if (descriptor.substr(0, kEvery.size()) == kEvery) {
    Status duration = CheckGoDuration(descriptor.substr(kEvery.size()));
    if (duration.ok()) return Status();
    return InvalidArgumentError("failed to parse duration " + std::string(descriptor) + ": " +
                                std::string(duration.message()));
  }
  return InvalidArgumentError("unrecognized descriptor: " + std::string(descriptor));
}

}  // namespace

Status LoadTimeZone(const std::string& name) {
  if (name.empty() || name == "UTC" || name == "Local") return Status();
  if (name.find("..") != std::string::npos || name[0] == '/' || name[0] == '\\') {
    return InvalidArgumentError("time: invalid location name");
  }
  std::ifstream file("/usr/share/zoneinfo/" + name, std::ios::binary);
  char magic[4] = {};
  if (!file || !file.read(magic, sizeof(magic))) {
    return InvalidArgumentError("unknown time zone " + name);
  }
  if (std::string_view(magic, sizeof(magic)) != "TZif") {
    return InvalidArgumentError("malformed time zone information");
  }
  return Status();
}

Status ParseCronSchedule(std::string_view spec) {
  static const CronBounds kMinutes = {0, 59, {}};
  static const CronBounds kHours = {0, 23, {}};
  static const CronBounds kDom = {1, 31, {}};
  static const CronBounds kMonths = {1,
                                     12,
                                     {{"jan", 1},
                                      {"feb", 2},
                                      {"mar", 3},
                                      {"apr", 4},
                                      {"may", 5},
                                      {"jun", 6},
                                      {"jul", 7},
                                      {"aug", 8},
                                      {"sep", 9},
                                      {"oct", 10},
                                      {"nov", 11},
                                      {"dec", 12}}};
  static const CronBounds kDow = {
      0, 6, {{"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4}, {"fri", 5}, {"sat", 6}}};
  if (spec.empty()) return InvalidArgumentError("empty spec string");
  if (spec.substr(0, 3) == "TZ=" || spec.substr(0, 8) == "CRON_TZ=") {
    size_t eq = spec.find('=');
    size_t space = spec.find(' ');
    std::string location(spec.substr(
        eq + 1, space == std::string_view::npos ? std::string_view::npos : space - eq - 1));
    if (Status loaded = LoadTimeZone(location); !loaded.ok()) {
      return InvalidArgumentError("provided bad location " + location + ": " +
                                  std::string(loaded.message()));
    }
    spec = space == std::string_view::npos ? std::string_view() : spec.substr(space);
    while (!spec.empty() && std::isspace(static_cast<unsigned char>(spec.front()))) {
      spec.remove_prefix(1);
    }
  }
  if (!spec.empty() && spec[0] == '@') return CheckCronDescriptor(spec);
  std::vector<std::string> fields = SplitFields(spec);
  if (fields.size() != 5) {
    std::string listed;
    for (const std::string& field : fields) listed += (listed.empty() ? "" : " ") + field;
    return InvalidArgumentError("expected exactly 5 fields, found " +
                                std::to_string(fields.size()) + ": [" + listed + "]");
  }
  const CronBounds* bounds[] = {&kMinutes, &kHours, &kDom, &kMonths, &kDow};
  for (size_t i = 0; i < fields.size(); ++i) {
    KREF_RETURN_IF_ERROR(CheckCronField(fields[i], *bounds[i]));
  }
  return Status();
}

}  // namespace kref::api::batch
