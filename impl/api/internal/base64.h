// Standard base64 (RFC 4648 alphabet, '=' padding), as Go's encoding/json uses for []byte.
#pragma once

#include <string>
#include <string_view>

#include "impl/common/result.h"

namespace kref::api::internal {

void Base64Encode(std::string_view data, std::string& out);
// Ignores '\r' and '\n' as Go does; InvalidArgument "illegal base64 data at input byte N".
Result<std::string> Base64Decode(std::string_view text);

}  // namespace kref::api::internal
