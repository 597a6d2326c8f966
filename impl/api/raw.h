// Bytes and RawJson: two opaque payload types of the API.
//
// Bytes is a Go []byte: arbitrary binary data, base64 (standard alphabet, padded) on the wire,
// as in Secret.data and ConfigMap.binaryData. Empty bytes are omitted like an empty string.
//
// RawJson is a runtime.RawExtension or an embedded free-form JSON value (ControllerRevision.data,
// ManagedFieldsEntry.fieldsV1, WatchEvent.object, Table cells): the compact JSON text, carried
// through verbatim. Empty text means absent (and encodes as null where it must be emitted).
#pragma once

#include <string>

namespace kref::api {

struct Bytes {
  std::string data;
  bool operator==(const Bytes&) const = default;
};

struct RawJson {
  std::string json;
  bool operator==(const RawJson&) const = default;
};

}  // namespace kref::api
