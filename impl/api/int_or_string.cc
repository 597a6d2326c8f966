#include "impl/api/int_or_string.h"

#include <charconv>

namespace kref::api {

Result<int64_t> ScaledValueFromIntOrPercent(const IntOrString& value, int64_t total,
                                            bool round_up) {
  if (!value.is_string()) return int64_t{value.int_value()};
  std::string_view s = value.string_value();
  if (s.size() < 2 || s.back() != '%') {
    return InvalidArgumentError(
        "invalid value for IntOrString: invalid type: string is not a percentage");
  }
  s.remove_suffix(1);
  int64_t percent = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), percent);
  if (ec != std::errc() || ptr != s.data() + s.size()) {
    return InvalidArgumentError("invalid value \"" + value.string_value() +
                                "\": strconv.Atoi: parsing \"" + std::string(s) +
                                "\": invalid syntax");
  }
  int64_t scaled = percent * total;
  if (round_up) return scaled / 100 + (scaled % 100 > 0 ? 1 : 0);
  return scaled / 100;
}

}  // namespace kref::api
