// The error Go's json.Unmarshal gives for a document unmarshalled into a
// map[string]interface{}, as the Secret validation of docker config data reports it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kref::api::core::internal {

// nullopt when `data` is a JSON object or null; otherwise encoding/json's message: a syntax error
// from the scanner ("unexpected end of JSON input", "invalid character '}' after object key", ...)
// or, for well-formed JSON of another type, "json: cannot unmarshal array into Go value of type
// map[string]interface {}".
std::optional<std::string> GoJsonUnmarshalMapError(std::string_view data);

}  // namespace kref::api::core::internal
