// The column sets of server-side printing, kind by kind, as upstream's printers
// (pkg/printers/internalversion/printers.go): the columns (priority 1: what `-o wide` adds) and
// how each row's cells are read from an object's JSON. table.h assembles the Table.
#pragma once

#include <boost/json.hpp>
#include <chrono>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/registry.h"

namespace kref::apiserver {

struct Column {
  std::string_view name, type, format, description;
  int priority = 0;
};

using Cells = boost::json::array;
using Now = std::chrono::system_clock::time_point;
using RowFunction = std::function<Cells(const boost::json::value& object, const std::string& age, Now now)>;

struct Printer {
  std::vector<Column> columns;
  RowFunction row;
};

// The value at a dotted path ("status.phase") of an object's JSON, or null.
const boost::json::value* JsonAt(const boost::json::value& object, std::string_view path);

// The printer of `kind`. Kinds upstream has no printer for (Role, ClusterRole, LimitRange, ...)
// get its default: Name and "Created At".
const Printer& PrinterFor(const api::KindInfo& kind);

}  // namespace kref::apiserver
