// fields::Selector::Parse never crashes; printing and parsing again gives the same terms.
#include <algorithm>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "impl/api/fields.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kref::Result<kref::api::fields::Selector> selector = kref::api::fields::Selector::Parse(text);
  if (!selector) return 0;
  std::string printed = selector->ToString();
  kref::Result<kref::api::fields::Selector> again = kref::api::fields::Selector::Parse(printed);
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->ToString() == printed);
  return 0;
}
