// Quantity::Parse never crashes; a parsed quantity prints canonically, and its canonical text
// parses back to the same value and the same text.
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
  FUZZ_CHECK(again->ToString() == canonical);
  return 0;
}
