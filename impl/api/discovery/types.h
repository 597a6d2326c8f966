// discovery.k8s.io/v1: EndpointSlice, a shard of the network endpoints behind a Service, with
// per-endpoint readiness, topology and hints. Field names, order and omitempty as upstream;
// see impl/api/reflect.h for the conventions.
#pragma once

#include "impl/api/core/pod.h"
#include "impl/api/meta/types.h"
#include "impl/api/reflect.h"

// clang-format off
namespace kref::api::discovery {

struct EndpointConditions {
  KREF_API_STRUCT(EndpointConditions,
      (std::optional<bool>, ready),
      (std::optional<bool>, serving),
      (std::optional<bool>, terminating));
};

struct ForZone {
  KREF_API_STRUCT(ForZone,
      (std::string, name));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct ForNode {
  KREF_API_STRUCT(ForNode,
      (std::string, name));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct EndpointHints {
  KREF_API_STRUCT(EndpointHints,
      (std::vector<ForZone>, forZones),
      (std::vector<ForNode>, forNodes));
};

struct Endpoint {
  KREF_API_STRUCT(Endpoint,
      (std::vector<std::string>, addresses),
      (EndpointConditions, conditions),
      (std::optional<std::string>, hostname),
      (std::optional<core::ObjectReference>, targetRef),
      (Map<std::string>, deprecatedTopology),
      (std::optional<std::string>, nodeName),
      (std::optional<std::string>, zone),
      (std::optional<EndpointHints>, hints));
  static constexpr std::string_view kAlwaysEmit[] = {"addresses"};
};

struct EndpointPort {
  KREF_API_STRUCT(EndpointPort,
      (std::optional<std::string>, name),
      (std::optional<std::string>, protocol),
      (std::optional<int32_t>, port),
      (std::optional<std::string>, appProtocol));
};

struct EndpointSlice {
  KREF_API_STRUCT(EndpointSlice,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (std::string, addressType),
      (std::vector<Endpoint>, endpoints),
      (std::vector<EndpointPort>, ports));
  static constexpr std::string_view kAlwaysEmit[] = {"addressType", "endpoints", "ports"};
};

using EndpointSliceList = meta::List<EndpointSlice>;

}  // namespace kref::api::discovery
// clang-format on
