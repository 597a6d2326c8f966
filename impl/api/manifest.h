// Manifests: the YAML or JSON streams users write (what `kubectl apply -f` reads).
//
// A stream starting with '{' is a sequence of JSON values; anything else is YAML, possibly
// multi-document ("---"). YAML is converted to JSON as upstream kubectl does (sigs.k8s.io/yaml
// on go-yaml v2): YAML 1.1 plain scalars resolve to null (~, null), booleans (true, yes, on, y
// and their negations, in three casings), integers (decimal, 0x hex, 0 octal, 0b binary, with
// '_'), floats, or strings; an integral float becomes an integer; merge keys (<<) are
// honoured; NaN and infinities are rejected since JSON cannot carry them. Empty documents are
// skipped.
//
// Thread safety: value types.
#pragma once

#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "impl/common/result.h"

namespace kref::api {

// A key given more than once in one mapping: its path ("metadata.labels.app") and the line of
// the repeat. The last value wins, as upstream's YAML decoding does.
struct DuplicateField {
  std::string path;
  size_t line = 0;
  bool operator==(const DuplicateField&) const = default;
};

struct ManifestDocument {
  // 1-based position of the document in the stream, counting empty documents too.
  size_t number = 0;
  // 1-based line where the document starts.
  size_t line = 1;
  boost::json::value value;
  std::vector<DuplicateField> duplicate_fields;
  // The 1-based line of the value at a field path as the codec and validation print it
  // ("spec.template.spec.containers[0].image", "metadata.labels[app]"), or of the closest
  // ancestor that exists. Never null.
  std::function<size_t(std::string_view path)> line_of;
};

// Parses a stream. Errors are InvalidArgument naming the line:
//   "yaml: line 3: illegal map value"  /  "json: syntax error at line 2, column 5".
Result<std::vector<ManifestDocument>> ParseManifests(std::string_view text);

// Block-style YAML for a JSON value; strings that would read back as something else (true,
// 123, null, "") are double-quoted, so ParseManifests(JsonToYaml(v)) gives back v.
std::string JsonToYaml(const boost::json::value& value);

}  // namespace kref::api
