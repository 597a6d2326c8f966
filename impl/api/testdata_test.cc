// Golden tests over the realistic manifests in impl/api/testdata: every registered kind has one;
// each document decodes with no unknown or duplicate fields; its encoding matches the checked-in
// golden JSON (<file>.golden.json, one object per line) and is stable under decode/encode; and
// it is valid after PrepareForCreate and defaulting, as the API server would judge it.
//
// To regenerate the golden files after an intended codec change:
//   KREF_UPDATE_GOLDEN=1 build/default/impl/api/api_tests --gtest_filter='TestdataTest.*'
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "impl/api/manifest.h"
#include "impl/api/registry.h"
#include "impl/api/validation/common.h"

namespace kref::api {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<fs::path> Manifests() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator("impl/api/testdata")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Decoded {
  fs::path file;
  size_t document;
  std::unique_ptr<Object> object;
};

std::vector<Decoded> DecodeAll() {
  std::vector<Decoded> all;
  for (const fs::path& file : Manifests()) {
    Result<std::vector<ManifestDocument>> documents = ParseManifests(ReadFile(file));
    EXPECT_TRUE(documents.has_value()) << file << ": " << documents.error();
    if (!documents) continue;
    for (const ManifestDocument& document : *documents) {
      EXPECT_TRUE(document.duplicate_fields.empty()) << file;
      DecodeReport report;
      Result<std::unique_ptr<Object>> object = Registry::Default().Decode(document.value, &report);
      EXPECT_TRUE(object.has_value()) << file << " document " << document.number << ": "
                                      << object.error();
      if (!object) continue;
      for (const std::string& field : report.unknown_fields) {
        ADD_FAILURE() << file << " document " << document.number << ": unknown field " << field;
      }
      all.push_back({file, document.number, std::move(*object)});
    }
  }
  return all;
}

TEST(TestdataTest, EveryKindHasAManifest) {
  std::set<std::string> seen;
  for (const Decoded& d : DecodeAll()) seen.insert(d.object->info().ApiVersion() + " " + std::string(d.object->info().kind));
  for (const KindInfo& info : Registry::Default().kinds()) {
    EXPECT_TRUE(seen.count(info.ApiVersion() + " " + std::string(info.kind)))
        << "no manifest under impl/api/testdata for " << info.ApiVersion() << " " << info.kind;
  }
}

TEST(TestdataTest, EncodingMatchesGoldenAndIsStable) {
  std::map<fs::path, std::string> encoded;
  for (const Decoded& d : DecodeAll()) {
    std::string json = d.object->ToJson();
    Result<std::unique_ptr<Object>> again = Registry::Default().Decode(boost::json::parse(json));
    ASSERT_TRUE(again.has_value()) << d.file << ": " << again.error();
    EXPECT_EQ((*again)->ToJson(), json) << d.file << " document " << d.document;
    encoded[d.file] += json + "\n";
  }
  bool update = std::getenv("KREF_UPDATE_GOLDEN") != nullptr;
  for (const auto& [file, json] : encoded) {
    fs::path golden = file;
    golden += ".golden.json";
    if (update) {
      std::ofstream(golden) << json;
      continue;
    }
    ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; see the comment at the top";
    EXPECT_EQ(json, ReadFile(golden)) << file << " no longer encodes as " << golden;
  }
}

TEST(TestdataTest, EveryManifestIsValidOnCreate) {
  for (const Decoded& d : DecodeAll()) {
    Object& object = *d.object;
    if (object.info().namespaced && object.metadata().namespace_.empty()) {
      object.metadata().namespace_ = "default";
    }
    if (object.metadata().uid.empty()) {
      object.metadata().uid = std::string(validation::kPlaceholderUid);
    }
    object.PrepareForCreate();
    object.Default();
    for (const validation::FieldError& error : object.Validate()) {
      ADD_FAILURE() << d.file << " document " << d.document << ": " << error.ToString();
    }
  }
}

}  // namespace
}  // namespace kref::api
