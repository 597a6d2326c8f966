// Arbitrary bytes as a manifest stream: parsing never crashes; every document that decodes
// as a registered kind survives an encode/decode round trip, and the YAML emitter's output of
// a document parses back to the same JSON value.
#include <boost/json/parse.hpp>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "impl/api/manifest.h"
#include "impl/api/registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kref::Result<std::vector<kref::api::ManifestDocument>> documents =
      kref::api::ParseManifests(text);
  if (!documents) {
    FUZZ_CHECK(!documents.error().message().empty());
    return 0;
  }
  for (const kref::api::ManifestDocument& document : *documents) {
    (void)document.line_of("metadata.name");
    kref::Result<std::vector<kref::api::ManifestDocument>> reparsed =
        kref::api::ParseManifests(kref::api::JsonToYaml(document.value));
    FUZZ_CHECK(reparsed.has_value());
    FUZZ_CHECK(reparsed->size() == 1);
    FUZZ_CHECK((*reparsed)[0].value == document.value);
    kref::Result<std::unique_ptr<kref::api::Object>> object =
        kref::api::Registry::Default().Decode(document.value);
    if (!object) continue;
    std::string json = (*object)->ToJson();
    kref::Result<std::unique_ptr<kref::api::Object>> again =
        kref::api::Registry::Default().Decode(boost::json::parse(json));
    FUZZ_CHECK(again.has_value());
    // Compared as JSON values: invalid UTF-8 is written as the escape \ufffd the first time
    // and as the raw replacement character after a round trip, as Go's encoder does.
    FUZZ_CHECK(boost::json::parse((*again)->ToJson()) == boost::json::parse(json));
  }
  return 0;
}
