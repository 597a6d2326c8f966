#include "impl/apiserver/table.h"

#include "impl/apiserver/printers.h"
#include "impl/apiserver/request_info.h"

#include <boost/json.hpp>
#include <functional>
#include <map>

#include "impl/api/json.h"
#include "impl/api/labels.h"
#include "impl/api/time.h"

namespace kref::apiserver {

namespace json = boost::json;


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
  for (const std::vector<std::string_view>& range : MediaRanges(accept)) {
    auto has = [&](std::string_view p) { return std::find(range.begin(), range.end(), p) != range.end(); };
    if (!has("as=Table") || !has("g=meta.k8s.io")) continue;
    if (has("v=v1")) return "meta.k8s.io/v1";
    if (has("v=v1beta1")) return "meta.k8s.io/v1beta1";
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
    const json::value* timestamp = JsonAt(object, "metadata.creationTimestamp");
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
      if (const json::value* meta = JsonAt(object, "metadata")) partial["metadata"] = *meta;
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
