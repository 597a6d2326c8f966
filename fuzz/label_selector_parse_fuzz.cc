// labels::Selector::Parse never crashes; a parsed selector prints to text that parses to the
// same selector and prints the same again.
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "impl/api/labels.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kref::Result<kref::api::labels::Selector> selector = kref::api::labels::Selector::Parse(text);
  if (!selector) return 0;
  std::string printed = selector->ToString();
  kref::Result<kref::api::labels::Selector> again = kref::api::labels::Selector::Parse(printed);
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->requirements() == selector->requirements());
  FUZZ_CHECK(again->ToString() == printed);
  kref::api::labels::Set labels = {{"app", "web"}, {"x", "1"}};
  FUZZ_CHECK(again->Matches(labels) == selector->Matches(labels));
  return 0;
}
