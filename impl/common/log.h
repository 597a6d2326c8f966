// Logging setup. Components log through spdlog's default logger (spdlog::info(...)); this sets
// it up once per process: stderr, a timestamped single-line format, and the level.
#pragma once

#include <string_view>

#include "impl/common/status.h"

namespace kref {

// `level` is one of trace, debug, info, warn, error, critical, off.
// Returns InvalidArgument for any other level name and leaves logging unchanged.
Status InitLogging(std::string_view level);

}  // namespace kref
