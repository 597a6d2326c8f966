#include "impl/common/log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <string>

namespace kref {

Status InitLogging(std::string_view level) {
  auto parsed = spdlog::level::from_str(std::string(level));
  if (parsed == spdlog::level::off && level != "off") {
    return InvalidArgumentError("unknown log level \"" + std::string(level) +
                                "\" (want trace, debug, info, warn, error, critical or off)");
  }
  auto logger = spdlog::get("kref");
  if (!logger) logger = spdlog::stderr_logger_mt("kref");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%fZ %^%l%$ %v", spdlog::pattern_time_type::utc);
  spdlog::set_level(parsed);
  return Status::Ok();
}

}  // namespace kref
