// batch::ParseCronSchedule never crashes and is deterministic: parsing the same text twice
// gives the same answer, and a rejected schedule always carries an InvalidArgument message.
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "impl/api/batch/cron_schedule.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view spec(reinterpret_cast<const char*>(data), size);
  kref::Status first = kref::api::batch::ParseCronSchedule(spec);
  kref::Status again = kref::api::batch::ParseCronSchedule(spec);
  FUZZ_CHECK(first.ok() == again.ok());
  if (first.ok()) return 0;
  FUZZ_CHECK(first.IsInvalidArgument());
  FUZZ_CHECK(!first.message().empty());
  FUZZ_CHECK(again.message() == first.message());
  return 0;
}
