// Arbitrary bytes as a JSON object of any registered kind: decoding never crashes; a decoded
// object re-encodes to JSON that decodes to an object that encodes identically; defaulting
// and validation of it never crash.
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/parse.hpp>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "impl/api/registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  boost::json::parse_options options;
  options.max_depth = 256;
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(text, ec, {}, options);
  if (ec) return 0;
  const kref::api::Registry& registry = kref::api::Registry::Default();
  kref::api::DecodeReport report;
  kref::Result<std::unique_ptr<kref::api::Object>> object = registry.Decode(value, &report);
  if (!object) {
    FUZZ_CHECK(!object.error().message().empty());
    return 0;
  }
  std::string json = (*object)->ToJson();
  kref::Result<std::unique_ptr<kref::api::Object>> again =
      registry.Decode(boost::json::parse(json));
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK((*again)->ToJson() == json);
  (*object)->PrepareForCreate();
  (*object)->Default();
  (void)(*object)->Validate();
  return 0;
}
