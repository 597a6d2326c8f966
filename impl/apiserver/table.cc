#include "impl/apiserver/table.h"

#include "impl/apiserver/printers.h"

#include <boost/json.hpp>
#include <functional>
#include <map>

#include "impl/api/json.h"
#include "impl/api/labels.h"
#include "impl/api/time.h"

namespace kref::apiserver {

namespace json = boost::json;

namespace {

// The value at a dotted path ("metadata.creationTimestamp"), or null.
const json::value* At(const json::value& object, std::string_view path) {
  const json::value* at = &object;
  while (!path.empty()) {
    size_t dot = path.find('.');
    const json::object* o = at->if_object();
    if (o == nullptr) return nullptr;
    at = o->if_contains(path.substr(0, dot));
    if (at == nullptr) return nullptr;
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return at;
}

}  // namespace

std::string LabelMapText(const json::value* map) {
  api::labels::Set labels;
  if (map != nullptr && map->is_object()) {
    for (const auto& [k, v] : map->as_object()) labels[k] = v.is_string() ? std::string(v.as_string()) : "";
  }
  std::string text;
  for (const auto& [k, v] : labels) text += (text.empty() ? "" : ",") + k + "=" + v;
  return text;
}

std::string LabelSelectorText(const json::value* selector) {
  if (selector == nullptr) return "";
  auto decoded = api::FromJsonValue<api::meta::LabelSelector>(*selector);
  if (!decoded.has_value()) return "";
  auto parsed = api::labels::Selector::FromLabelSelector(*decoded);
  return parsed.has_value() ? parsed->ToString() : "";
}

std::optional<std::string> TableVersionAccepted(std::string_view accept) {
  // Media ranges separated by ',', parameters by ';', in any order.
  while (!accept.empty()) {
    size_t comma = accept.find(',');
    std::string_view range = accept.substr(0, comma);
    accept = comma == std::string_view::npos ? std::string_view() : accept.substr(comma + 1);
    bool table = false, meta = false;
    std::string version;
    while (!range.empty()) {
      size_t semi = range.find(';');
      std::string_view param = range.substr(0, semi);
      range = semi == std::string_view::npos ? std::string_view() : range.substr(semi + 1);
      while (!param.empty() && param.front() == ' ') param.remove_prefix(1);
      while (!param.empty() && param.back() == ' ') param.remove_suffix(1);
      if (param == "as=Table") table = true;
      if (param == "g=meta.k8s.io") meta = true;
      if (param == "v=v1" || param == "v=v1beta1") version = std::string(param.substr(2));
    }
    if (table && meta && !version.empty()) return "meta.k8s.io/" + version;
  }
  return std::nullopt;
}

std::string TableJson(const api::KindInfo& kind, const std::vector<json::value>& objects,
                      std::string_view resource_version, std::string_view continue_token,
                      const TableOptions& options) {
  const Printer& printer = PrinterFor(kind);
  json::object metadata;
  if (!resource_version.empty()) metadata["resourceVersion"] = resource_version;
  if (!continue_token.empty()) metadata["continue"] = continue_token;
  json::array columns;
  if (options.column_definitions) {
    for (const Column& c : printer.columns) {
      columns.push_back(json::object{{"name", c.name}, {"type", c.type}, {"format", c.format},
                                     {"description", c.description}, {"priority", c.priority}});
    }
  }
  json::array rows;
  for (const json::value& object : objects) {
    std::string age = "<unknown>";
    const json::value* timestamp = At(object, "metadata.creationTimestamp");
    auto created = api::Time::Parse(timestamp != nullptr && timestamp->is_string() ? std::string_view(timestamp->as_string())
                                                                                   : std::string_view());
    if (created.has_value() && !created->IsZero()) {
      age = HumanDuration(std::chrono::duration_cast<std::chrono::seconds>(options.now - created->ToTimePoint()));
    }
    json::object row{{"cells", printer.row(object, age, options.now)}};
    if (options.include_object == "Object") {
      row["object"] = object;
    } else if (options.include_object != "None") {
      json::object partial{{"kind", "PartialObjectMetadata"}, {"apiVersion", "meta.k8s.io/v1"}};
      if (const json::value* meta = At(object, "metadata")) partial["metadata"] = *meta;
      row["object"] = std::move(partial);
    }
    rows.push_back(std::move(row));
  }
  return json::serialize(json::object{{"kind", "Table"},
                                      {"apiVersion", options.api_version},
                                      {"metadata", std::move(metadata)},
                                      {"columnDefinitions", std::move(columns)},
                                      {"rows", std::move(rows)}});
}

std::string HumanDuration(std::chrono::seconds d) {
  int64_t seconds = d.count();
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return std::to_string(seconds) + "s";
  int64_t minutes = seconds / 60;
  if (minutes < 10) {
    int64_t s = seconds % 60;
    return s == 0 ? std::to_string(minutes) + "m" : std::to_string(minutes) + "m" + std::to_string(s) + "s";
  }
  if (minutes < 60 * 3) return std::to_string(minutes) + "m";
  int64_t hours = minutes / 60;
  if (hours < 8) {
    int64_t m = minutes % 60;
    return m == 0 ? std::to_string(hours) + "h" : std::to_string(hours) + "h" + std::to_string(m) + "m";
  }
  if (hours < 48) return std::to_string(hours) + "h";
  if (hours < 24 * 8) {
    int64_t h = hours % 24;
    return h == 0 ? std::to_string(hours / 24) + "d"
                  : std::to_string(hours / 24) + "d" + std::to_string(h) + "h";
  }
  if (hours < 24 * 365 * 2) return std::to_string(hours / 24) + "d";
  if (hours < 24 * 365 * 8) {
    int64_t days = (hours / 24) % 365;
    return days == 0 ? std::to_string(hours / 24 / 365) + "y"
                     : std::to_string(hours / 24 / 365) + "y" + std::to_string(days) + "d";
  }
  return std::to_string(hours / 24 / 365) + "y";
}

}  // namespace kref::apiserver
