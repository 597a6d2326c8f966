// `kref validate`: checks manifests as the API server would on create (decode with strict
// field checking, default, validate), without a server.
//
// Each problem is one line, `<file>:<line>: document <n>: <message>`, where the message is
// upstream's ("Deployment.apps \"web\" is invalid: spec.template.spec.containers[0].image:
// Required value") and the line is that of the offending field when it can be found.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace kref::cli {

enum class FieldValidation { kStrict, kWarn, kIgnore };

struct ValidateOptions {
  // Files, directories (searched recursively for .yaml, .yml and .json) or "-" for stdin.
  std::vector<std::string> paths;
  // What unknown and duplicate fields are: errors, warnings or nothing (kubectl's --validate).
  FieldValidation field_validation = FieldValidation::kStrict;
  // The namespace namespaced objects without one get.
  std::string namespace_name = "default";
  // True when the user named the namespace: objects in another namespace are then an error, as
  // kubectl does.
  bool namespace_explicit = false;
};

struct Problem {
  std::string file;
  size_t line = 0;      // 0 when the problem is with the file itself
  size_t document = 0;  // 1-based; 0 when the problem is with the file itself
  std::string message;
  bool warning = false;

  // "<file>:<line>: document <n>: <message>", "warning: " before the message for warnings.
  std::string ToString() const;
};

struct ValidateReport {
  std::vector<Problem> problems;  // in file, then document, then field order
  size_t files = 0;
  size_t objects = 0;

  bool ok() const;  // no problem other than warnings
};

// `stdin_stream` is read when a path is "-".
ValidateReport ValidateManifests(const ValidateOptions& options, std::istream& stdin_stream);

}  // namespace kref::cli
