// Quantity::Parse never crashes; a parsed quantity prints canonically, its canonical text
// parses back to the same value, and printing that is a fixed point. (The first reprint may
// change the text, as upstream's does: "62.5Ki" prints as "64000", a binary-SI value with no
// whole suffix, which parses as decimal SI and prints as "64k".)
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "impl/api/quantity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kref::Result<kref::api::Quantity> q = kref::api::Quantity::Parse(text);
  if (!q) {
    FUZZ_CHECK(!q.error().message().empty());
    return 0;
  }
  std::string canonical = q->ToString();
  kref::Result<kref::api::Quantity> again = kref::api::Quantity::Parse(canonical);
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(*again == *q);
  kref::Result<kref::api::Quantity> third = kref::api::Quantity::Parse(again->ToString());
  FUZZ_CHECK(third.has_value());
  FUZZ_CHECK(third->ToString() == again->ToString());
  return 0;
}
