#include "impl/cmd/kref/validate.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "impl/api/manifest.h"
#include "impl/api/registry.h"
#include "impl/api/validation/common.h"

namespace kref::cli {
namespace {

namespace fs = std::filesystem;
namespace meta = api::meta;

struct Source {
  std::string name;  // as shown in problems
  std::string text;
};

bool IsManifestFile(const fs::path& path) {
  std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml" || extension == ".json";
}

// Collects the sources named by `paths`; unreadable paths become problems.
std::vector<Source> ReadSources(const std::vector<std::string>& paths, std::istream& stdin_stream,
                                std::vector<Problem>& problems) {
  std::vector<Source> sources;
  auto read_file = [&](const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      problems.push_back({path.string(), 0, 0, "cannot open: " + std::string(strerror(errno))});
      return;
    }
    std::ostringstream text;
    text << in.rdbuf();
    sources.push_back({path.string(), text.str()});
  };
  for (const std::string& path : paths) {
    if (path == "-") {
      std::ostringstream text;
      text << stdin_stream.rdbuf();
      sources.push_back({"<stdin>", text.str()});
      continue;
    }
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      problems.push_back({path, 0, 0, "the path \"" + path + "\" does not exist"});
    } else if (fs::is_directory(status)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (it->is_regular_file() && IsManifestFile(it->path())) files.push_back(it->path());
      }
      if (ec) problems.push_back({path, 0, 0, "cannot read directory: " + ec.message()});
      std::sort(files.begin(), files.end());
      for (const fs::path& file : files) read_file(file);
    } else {
      read_file(path);
    }
  }
  return sources;
}

class Checker {
 public:
  Checker(const ValidateOptions& options, ValidateReport& report)
      : options_(options), report_(report) {}

  void CheckSource(const Source& source) {
    ++report_.files;
    Result<std::vector<api::ManifestDocument>> documents = api::ParseManifests(source.text);
    if (!documents) {
      report_.problems.push_back(
          {source.name, LineIn(documents.error().message()), 0, documents.error().message()});
      return;
    }
    for (const api::ManifestDocument& document : *documents) CheckDocument(source, document);
  }

 private:
  // A YAML or JSON syntax error names its line; report it at that line.
  static size_t LineIn(const std::string& message) {
    size_t at = message.find("line ");
    return at == std::string::npos ? 1 : std::strtoul(message.c_str() + at + 5, nullptr, 10);
  }

  // `line` 0 means the line of `path`.
  void Add(const Source& source, const api::ManifestDocument& document, std::string_view path,
           std::string message, bool warning = false, size_t line = 0) {
    report_.problems.push_back({source.name, line ? line : document.line_of(path),
                                document.number, std::move(message), warning});
  }

  void CheckDocument(const Source& source, const api::ManifestDocument& document) {
    const boost::json::object* object = document.value.if_object();
    const boost::json::value* kind = object ? object->if_contains("kind") : nullptr;
    const boost::json::value* items = object ? object->if_contains("items") : nullptr;
    if (kind && kind->is_string() && kind->get_string() == "List" && items && items->is_array()) {
      for (size_t i = 0; i < items->get_array().size(); ++i) {
        CheckObject(source, document, items->get_array()[i], "items[" + std::to_string(i) + "]");
      }
      return;
    }
    for (const api::DuplicateField& field : document.duplicate_fields) {
      FieldProblem(source, document, field.path, "duplicate field \"" + field.path + "\"",
                   field.line);
    }
    CheckObject(source, document, document.value, "");
  }

  // Unknown and duplicate fields: errors, warnings or nothing, per --validate.
  void FieldProblem(const Source& source, const api::ManifestDocument& document,
                    const std::string& path, const std::string& what, size_t line = 0) {
    if (options_.field_validation == FieldValidation::kIgnore) return;
    bool warning = options_.field_validation == FieldValidation::kWarn;
    Add(source, document, path, (warning ? "" : "strict decoding error: ") + what, warning, line);
  }

  void CheckObject(const Source& source, const api::ManifestDocument& document,
                   const boost::json::value& value, const std::string& prefix) {
    auto at = [&](std::string_view path) {
      if (prefix.empty()) return std::string(path);
      return path.empty() ? prefix : prefix + "." + std::string(path);
    };
    ++report_.objects;
    api::DecodeReport decode_report;
    Result<std::unique_ptr<api::Object>> decoded =
        api::Registry::Default().Decode(value, &decode_report);
    if (!decoded) {
      std::string field;
      if (decoded.error().details() && !decoded.error().details()->causes.empty()) {
        field = decoded.error().details()->causes[0].field;
      }
      std::string message = decoded.error().message();
      if (decoded.error().IsInvalidArgument() && !field.empty()) {
        const boost::json::object& object = value.as_object();
        std::string kind(object.at("kind").as_string());
        std::string api_version(object.at("apiVersion").as_string());
        std::string version = api_version.substr(api_version.rfind('/') + 1);
        message = kind + " in version \"" + version + "\" cannot be handled as a " + kind + ": " +
                  message;
      }
      Add(source, document, at(field), message);
      return;
    }
    api::Object& object = **decoded;
    for (const std::string& field : decode_report.unknown_fields) {
      FieldProblem(source, document, at(field), "unknown field \"" + field + "\"");
    }
    meta::ObjectMeta& metadata = object.metadata();
    if (object.info().namespaced) {
      if (metadata.namespace_.empty()) {
        metadata.namespace_ = options_.namespace_name;
      } else if (options_.namespace_explicit && metadata.namespace_ != options_.namespace_name) {
        Add(source, document, at("metadata.namespace"),
            "the namespace from the provided object \"" + metadata.namespace_ +
                "\" does not match the namespace \"" + options_.namespace_name +
                "\". You must pass '--namespace=" + metadata.namespace_ +
                "' to perform this operation.");
        return;
      }
    }
    // What the API server fills in before it validates a new object.
    if (metadata.uid.empty()) metadata.uid = std::string(api::validation::kPlaceholderUid);
    if (metadata.name.empty() && !metadata.generateName.empty()) {
      metadata.name = metadata.generateName + "b2c4d";
    }
    object.PrepareForCreate();
    object.Default();
    api::validation::FieldErrors errors = object.Validate();
    std::string subject = object.info().QualifiedKind() + " " +
                          api::validation::GoQuote(object.metadata().name) + " is invalid: ";
    for (const api::validation::FieldError& error : errors) {
      Add(source, document, at(error.field), subject + error.ToString());
    }
  }

  const ValidateOptions& options_;
  ValidateReport& report_;
};

}  // namespace

std::string Problem::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  out += ": ";
  if (document > 0) out += "document " + std::to_string(document) + ": ";
  if (warning) out += "warning: ";
  return out + message;
}

bool ValidateReport::ok() const {
  return std::all_of(problems.begin(), problems.end(), [](const Problem& p) { return p.warning; });
}

ValidateReport ValidateManifests(const ValidateOptions& options, std::istream& stdin_stream) {
  ValidateReport report;
  std::vector<Source> sources = ReadSources(options.paths, stdin_stream, report.problems);
  Checker checker(options, report);
  for (const Source& source : sources) checker.CheckSource(source);
  return report;
}

}  // namespace kref::cli
