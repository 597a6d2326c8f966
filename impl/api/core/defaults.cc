// Create-time preparation and scheme defaults for the core/v1 kinds other than the pod kinds,
// as pkg/registry/core/<resource>/strategy.go (PrepareForCreate) and pkg/apis/core/v1/defaults.go
// with its generated recursion (zz_generated.defaults.go) do them.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <string>

#include "impl/api/core/ops.h"

namespace kref::api::core {
namespace {

// Upstream rounds every quantity of a ResourceList up to milli precision
// (SetDefaults_ResourceList).
void SetDefaultsResourceList(Map<Quantity>& list) {
  for (auto& [name, quantity] : list) {
    int64_t milli = quantity.MilliValue();
    if (milli == std::numeric_limits<int64_t>::max() ||
        milli == std::numeric_limits<int64_t>::min()) {
      continue;  // beyond the milli range: no fraction below a milli to round
    }
    Quantity rounded = Quantity::FromMilli(milli, quantity.format());
    if (!(rounded == quantity)) quantity = rounded;
  }
}

// SetDefaults_HostPathVolumeSource: an absent type becomes "" (HostPathUnset).
void SetDefaultsHostPath(HostPathVolumeSource& source) {
  if (!source.type) source.type = "";
}

// The declarative defaults of the persistent volume sources (+default tags upstream).
void SetDefaultsRBD(RBDPersistentVolumeSource& source) {
  if (source.pool.empty()) source.pool = "rbd";
  if (source.user.empty()) source.user = "admin";
  if (source.keyring.empty()) source.keyring = "/etc/ceph/keyring";
}

void SetDefaultsISCSI(ISCSIPersistentVolumeSource& source) {
  if (source.iscsiInterface.empty()) source.iscsiInterface = "default";
}

void SetDefaultsAzureDisk(AzureDiskVolumeSource& source) {
  if (!source.cachingMode) source.cachingMode = "ReadWrite";
  if (!source.fsType) source.fsType = "ext4";
  if (!source.readOnly) source.readOnly = false;
  if (!source.kind) source.kind = "Shared";
}

void SetDefaultsScaleIO(ScaleIOPersistentVolumeSource& source) {
  if (source.storageMode.empty()) source.storageMode = "ThinProvisioned";
  if (source.fsType.empty()) source.fsType = "xfs";
}

// SetDefaults_PersistentVolumeClaimSpec plus the resource lists it holds.
void SetDefaultsClaimSpec(PersistentVolumeClaimSpec& spec) {
  if (!spec.volumeMode) spec.volumeMode = "Filesystem";
  SetDefaultsResourceList(spec.resources.limits);
  SetDefaultsResourceList(spec.resources.requests);
}

// SetDefaults_LimitRangeItem: a Container item's default limit comes from max, its default
// request from the default limit, then from min.
void SetDefaultsLimitRangeItem(LimitRangeItem& item) {
  if (item.type != "Container") return;
  for (const auto& [name, quantity] : item.max) item.default_.try_emplace(name, quantity);
  for (const auto& [name, quantity] : item.default_) {
    item.defaultRequest.try_emplace(name, quantity);
  }
  for (const auto& [name, quantity] : item.min) item.defaultRequest.try_emplace(name, quantity);
}

// NormalizeDataSources (pkg/api/persistentvolumeclaim): dataSource and dataSourceRef mirror each
// other when only one is given (dataSourceRef only when it names no other namespace).
void NormalizeDataSources(PersistentVolumeClaimSpec& spec) {
  if (spec.dataSource && !spec.dataSourceRef) {
    spec.dataSourceRef = TypedObjectReference{.apiGroup = spec.dataSource->apiGroup,
                                              .kind = spec.dataSource->kind,
                                              .name = spec.dataSource->name};
  } else if (spec.dataSourceRef && !spec.dataSource &&
             spec.dataSourceRef->namespace_.value_or("").empty()) {
    spec.dataSource = TypedLocalObjectReference{.apiGroup = spec.dataSourceRef->apiGroup,
                                                .kind = spec.dataSourceRef->kind,
                                                .name = spec.dataSourceRef->name};
  }
}

// True for the types reachable from outside the cluster (service.ExternallyAccessible).
bool ExternallyAccessible(const ServiceSpec& spec) {
  return spec.type == "LoadBalancer" || spec.type == "NodePort" ||
         (spec.type == "ClusterIP" && !spec.externalIPs.empty());
}

}  // namespace

// ---- Namespace ------------------------------------------------------------------------------

// namespaceStrategy.PrepareForCreate: phase Active, and the "kubernetes" finalizer.
void PrepareForCreate(Namespace& object) {
  object.status = NamespaceStatus{.phase = "Active"};
  std::vector<std::string>& finalizers = object.spec.finalizers;
  if (std::find(finalizers.begin(), finalizers.end(), "kubernetes") == finalizers.end()) {
    finalizers.push_back("kubernetes");
  }
}

// SetDefaults_Namespace (the kubernetes.io/metadata.name label) and SetDefaults_NamespaceStatus.
void SetDefaults(Namespace& object) {
  if (!object.metadata.name.empty()) {
    object.metadata.labels["kubernetes.io/metadata.name"] = object.metadata.name;
  }
  if (object.status.phase.empty()) object.status.phase = "Active";
}

// ---- Node -----------------------------------------------------------------------------------

// nodeStrategy.PrepareForCreate: every field may be set on create except the retired dynamic
// kubelet configuration (dropDisabledFields). As the API server stores it, podCIDR and
// podCIDRs agree (the v1/internal conversions fill one from the other).
void PrepareForCreate(Node& object) {
  object.spec.configSource.reset();
  object.status.config.reset();
  NodeSpec& spec = object.spec;
  if (spec.podCIDRs.empty() && !spec.podCIDR.empty()) spec.podCIDRs = {spec.podCIDR};
  if (!spec.podCIDRs.empty()) spec.podCIDR = spec.podCIDRs[0];
}

// SetDefaults_NodeStatus: allocatable defaults to capacity.
void SetDefaults(Node& object) {
  NodeStatus& status = object.status;
  if (status.allocatable.empty() && !status.capacity.empty()) {
    status.allocatable = status.capacity;
  }
  SetDefaultsResourceList(status.capacity);
  SetDefaultsResourceList(status.allocatable);
}

// ---- Service --------------------------------------------------------------------------------

// svcStrategy.PrepareForCreate: status cleared; NormalizeClusterIPs fills clusterIPs from a
// clusterIP given alone.
void PrepareForCreate(Service& object) {
  object.status = ServiceStatus{};
  ServiceSpec& spec = object.spec;
  if (!spec.clusterIP.empty() && spec.clusterIPs.empty()) spec.clusterIPs = {spec.clusterIP};
}

// SetDefaults_Service and the generated port protocol default.
void SetDefaults(Service& object) {
  ServiceSpec& spec = object.spec;
  if (spec.sessionAffinity.empty()) spec.sessionAffinity = "None";
  if (spec.sessionAffinity == "None") spec.sessionAffinityConfig.reset();
  if (spec.sessionAffinity == "ClientIP") {
    std::optional<SessionAffinityConfig>& config = spec.sessionAffinityConfig;
    if (!config || !config->clientIP || !config->clientIP->timeoutSeconds) {
      config = SessionAffinityConfig{.clientIP = ClientIPConfig{.timeoutSeconds = 10800}};
    }
  }
  if (spec.type.empty()) spec.type = "ClusterIP";
  for (ServicePort& port : spec.ports) {
    if (port.protocol.empty()) port.protocol = "TCP";
    if (port.targetPort == IntOrString::FromInt(0) ||
        port.targetPort == IntOrString::FromString("")) {
      port.targetPort = IntOrString::FromInt(port.port);
    }
  }
  if (ExternallyAccessible(spec) && spec.externalTrafficPolicy.empty()) {
    spec.externalTrafficPolicy = "Cluster";
  }
  if (!spec.internalTrafficPolicy &&
      (spec.type == "NodePort" || spec.type == "LoadBalancer" || spec.type == "ClusterIP")) {
    spec.internalTrafficPolicy = "Cluster";
  }
  if (spec.type == "LoadBalancer") {
    if (!spec.allocateLoadBalancerNodePorts) spec.allocateLoadBalancerNodePorts = true;
    for (LoadBalancerIngress& ingress : object.status.loadBalancer.ingress) {
      if (!ingress.ip.empty() && !ingress.ipMode) ingress.ipMode = "VIP";
    }
  }
}

// ---- Endpoints ------------------------------------------------------------------------------

// endpointsStrategy.PrepareForCreate changes nothing.
void PrepareForCreate(Endpoints&) {}

// SetDefaults_Endpoints: port protocol TCP.
void SetDefaults(Endpoints& object) {
  for (EndpointSubset& subset : object.subsets) {
    for (EndpointPort& port : subset.ports) {
      if (port.protocol.empty()) port.protocol = "TCP";
    }
  }
}

// ---- ConfigMap, Secret ----------------------------------------------------------------------

// configMapStrategy.PrepareForCreate changes nothing.
void PrepareForCreate(ConfigMap&) {}

// SetDefaults_ConfigMap makes data non-nil, which an empty Map already is.
void SetDefaults(ConfigMap&) {}

// secretStrategy.PrepareForCreate changes nothing.
void PrepareForCreate(Secret&) {}

// SetDefaults_Secret: type Opaque. And stringData merged into data, a stringData key winning over
// the same data key: upstream's v1-to-internal conversion does it on every write, create or
// update, and kref's defaulting is the step every write goes through.
void SetDefaults(Secret& object) {
  if (object.type.empty()) object.type = "Opaque";
  for (auto& [key, value] : object.stringData) object.data[key] = Bytes{value};
  object.stringData.clear();
}

// ---- ServiceAccount -------------------------------------------------------------------------

// strategy.PrepareForCreate (cleanSecretReferences): a listed secret keeps only its name.
void PrepareForCreate(ServiceAccount& object) {
  for (ObjectReference& secret : object.secrets) secret = ObjectReference{.name = secret.name};
}

// ServiceAccount has no defaults.
void SetDefaults(ServiceAccount&) {}

// ---- Event ----------------------------------------------------------------------------------

// eventStrategy.PrepareForCreate changes nothing.
void PrepareForCreate(Event&) {}

// Event has no defaults.
void SetDefaults(Event&) {}

// ---- ReplicationController ------------------------------------------------------------------

// rcStrategy.PrepareForCreate: status cleared, generation 1.
void PrepareForCreate(ReplicationController& object) {
  object.status = ReplicationControllerStatus{};
  object.metadata.generation = 1;
}

// SetDefaults_ReplicationController (selector and labels from the template's labels), the
// declarative replicas default of 1, and the pod template defaults.
void SetDefaults(ReplicationController& object) {
  ReplicationControllerSpec& spec = object.spec;
  if (spec.template_ && !spec.template_->metadata.labels.empty()) {
    const Map<std::string>& labels = spec.template_->metadata.labels;
    if (spec.selector.empty()) spec.selector = labels;
    if (object.metadata.labels.empty()) object.metadata.labels = labels;
  }
  if (!spec.replicas) spec.replicas = 1;
  if (spec.template_) SetDefaults(*spec.template_);
}

// ---- PersistentVolume -----------------------------------------------------------------------

// persistentvolumeStrategy.PrepareForCreate: status reset to phase Pending, with the phase
// transition time (taken from creationTimestamp when set, which upstream sets in the same
// request).
void PrepareForCreate(PersistentVolume& object) {
  Time now = object.metadata.creationTimestamp.IsZero()
                 ? Time::FromTimePoint(std::chrono::system_clock::now())
                 : object.metadata.creationTimestamp;
  object.status = PersistentVolumeStatus{.phase = "Pending", .lastPhaseTransitionTime = now};
}

// SetDefaults_PersistentVolume and the volume source defaults.
void SetDefaults(PersistentVolume& object) {
  PersistentVolumeSpec& spec = object.spec;
  if (object.status.phase.empty()) object.status.phase = "Pending";
  if (spec.persistentVolumeReclaimPolicy.empty()) spec.persistentVolumeReclaimPolicy = "Retain";
  if (!spec.volumeMode) spec.volumeMode = "Filesystem";
  SetDefaultsResourceList(spec.capacity);
  if (spec.hostPath) SetDefaultsHostPath(*spec.hostPath);
  if (spec.rbd) SetDefaultsRBD(*spec.rbd);
  if (spec.iscsi) SetDefaultsISCSI(*spec.iscsi);
  if (spec.azureDisk) SetDefaultsAzureDisk(*spec.azureDisk);
  if (spec.scaleIO) SetDefaultsScaleIO(*spec.scaleIO);
}

// ---- PersistentVolumeClaim ------------------------------------------------------------------

// persistentvolumeclaimStrategy.PrepareForCreate: status cleared, data sources normalized.
void PrepareForCreate(PersistentVolumeClaim& object) {
  object.status = PersistentVolumeClaimStatus{};
  NormalizeDataSources(object.spec);
}

// SetDefaults_PersistentVolumeClaim (phase Pending) and the claim spec defaults.
void SetDefaults(PersistentVolumeClaim& object) {
  if (object.status.phase.empty()) object.status.phase = "Pending";
  SetDefaultsClaimSpec(object.spec);
  SetDefaultsResourceList(object.status.capacity);
  SetDefaultsResourceList(object.status.allocatedResources);
}

// ---- LimitRange -----------------------------------------------------------------------------

// limitrangeStrategy.PrepareForCreate names a nameless LimitRange with a UUID; kref uses the
// object's UID, which the API server has assigned by then.
void PrepareForCreate(LimitRange& object) {
  if (object.metadata.name.empty()) object.metadata.name = object.metadata.uid;
}

// SetDefaults_LimitRangeItem and the resource lists of every item.
void SetDefaults(LimitRange& object) {
  for (LimitRangeItem& item : object.spec.limits) {
    SetDefaultsLimitRangeItem(item);
    SetDefaultsResourceList(item.max);
    SetDefaultsResourceList(item.min);
    SetDefaultsResourceList(item.default_);
    SetDefaultsResourceList(item.defaultRequest);
    SetDefaultsResourceList(item.maxLimitRequestRatio);
  }
}

// ---- ResourceQuota --------------------------------------------------------------------------

// resourcequotaStrategy.PrepareForCreate: status cleared.
void PrepareForCreate(ResourceQuota& object) { object.status = ResourceQuotaStatus{}; }

// The resource lists of spec and status.
void SetDefaults(ResourceQuota& object) {
  SetDefaultsResourceList(object.spec.hard);
  SetDefaultsResourceList(object.status.hard);
  SetDefaultsResourceList(object.status.used);
}

}  // namespace kref::api::core
