// discovery.k8s.io/v1 EndpointSlice: the registry strategy on create and the scheme defaults.
#include "impl/api/discovery/ops.h"

namespace kref::api::discovery {

// endpointSliceStrategy.PrepareForCreate for a v1 request: generation 1; dropTopologyOnV1
// clears each endpoint's deprecatedTopology. hints.forNodes belongs to the alpha
// PreferSameTrafficDistribution feature, off by default, whose field is dropped.
void PrepareForCreate(EndpointSlice& object) {
  object.metadata.generation = 1;
  for (Endpoint& endpoint : object.endpoints) {
    endpoint.deprecatedTopology.clear();
    if (endpoint.hints) endpoint.hints->forNodes.clear();
  }
}

// SetDefaults_EndpointPort: name "" and protocol TCP when unset.
void SetDefaults(EndpointSlice& object) {
  for (EndpointPort& port : object.ports) {
    if (!port.name) port.name = "";
    if (!port.protocol) port.protocol = "TCP";
  }
}

}  // namespace kref::api::discovery
