// Base64 (RFC 4648): the standard alphabet with '=' padding, as Go's encoding/json uses for
// []byte; and the URL alphabet without padding (Go's RawURLEncoding), as in continue tokens.
#pragma once

#include <string>
#include <string_view>

#include "impl/common/result.h"

namespace kref {

void Base64Encode(std::string_view data, std::string& out);
// Ignores '\r' and '\n' as Go does; InvalidArgument "illegal base64 data at input byte N".
Result<std::string> Base64Decode(std::string_view text);

// '-' and '_' for '+' and '/', no padding.
std::string Base64UrlEncode(std::string_view data);
// InvalidArgument "illegal base64 data at input byte N" (also for '=', '+', '/').
Result<std::string> Base64UrlDecode(std::string_view text);

}  // namespace kref
