// Field paths as the codec and validation print them ("spec.containers[0].env[1].name",
// "metadata.labels[app]"), and finding the text position of the value a path names.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kref::api::internal {

inline constexpr unsigned kMaxJsonDepth = 256;

// One step of a path. "[3]" may be an array index or a map key; the container decides.
struct PathStep {
  std::string name;
  bool bracketed = false;
};
std::vector<PathStep> ParsePath(std::string_view path);

struct LineColumn {
  size_t line = 1;    // 1-based
  size_t column = 1;  // 1-based, in bytes
};
LineColumn LineColumnOf(std::string_view text, size_t offset);

// The byte offset in JSON `text` of the value at `path`, or nullopt when it is not there.
// `text` must be one well-formed JSON value.
std::optional<size_t> LocateJsonPath(std::string_view text, std::string_view path);

}  // namespace kref::api::internal
