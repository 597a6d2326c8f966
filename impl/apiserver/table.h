// Server-side printing: the meta.k8s.io Table that `kubectl get` asks for
// (Accept: application/json;as=Table;v=v1;g=meta.k8s.io), with the columns of upstream's
// printers (printers.h) for every kind kref serves that upstream prints; other kinds get
// upstream's default (Name, Created At). Columns with priority 1 are the ones `-o wide` adds.
#pragma once

#include <boost/json/value.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/registry.h"

namespace kref::apiserver {

// The Table version `accept` asks for ("meta.k8s.io/v1" or "meta.k8s.io/v1beta1"), if any.
std::optional<std::string> TableVersionAccepted(std::string_view accept);

struct TableOptions {
  std::string api_version = "meta.k8s.io/v1";
  // What each row carries: "Metadata" (a PartialObjectMetadata, the default), "Object" or
  // "None" (the includeObject parameter).
  std::string include_object = "Metadata";
  std::chrono::system_clock::time_point now;  // ages are computed against it
  bool column_definitions = true;             // false: rows only (later watch events)
};

// A Table of `objects` (each the object's JSON) of `kind`; `resource_version` and
// `continue_token` go into its metadata when not empty.
std::string TableJson(const api::KindInfo& kind, const std::vector<boost::json::value>& objects,
                      std::string_view resource_version, std::string_view continue_token,
                      const TableOptions& options);

// "a=b,c=d" for a label map (keys sorted), as upstream's labels.FormatLabels; "" when empty.
std::string LabelMapText(const boost::json::value* map);
// A metav1.LabelSelector (matchLabels, matchExpressions) as selector text, as
// api::labels::Selector prints it; "" when it selects everything or cannot be read.
std::string LabelSelectorText(const boost::json::value* selector);

// A duration as upstream prints ages (k8s.io/apimachinery/pkg/util/duration.HumanDuration):
// "45s", "3m12s", "17m", "5h3m", "12h", "3d4h", "21d", "2y31d", "9y".
std::string HumanDuration(std::chrono::seconds d);

}  // namespace kref::apiserver
