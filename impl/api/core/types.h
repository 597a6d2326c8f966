// core/v1 kinds other than the pod kinds (Namespace, Node, Service, Endpoints, ConfigMap, Secret,
// ServiceAccount, Event, ReplicationController, PV, PVC, LimitRange, ResourceQuota), reusing the
// types of impl/api/core/pod.h. Field names, order and omitempty as upstream; see reflect.h.
#pragma once

#include "impl/api/core/pod.h"
#include "impl/api/int_or_string.h"
#include "impl/api/meta/types.h"
#include "impl/api/quantity.h"
#include "impl/api/raw.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

// clang-format off
namespace kref::api::core {

// ---- Namespace ------------------------------------------------------------------------------

struct NamespaceSpec {
  KREF_API_STRUCT(NamespaceSpec,
      (std::vector<std::string>, finalizers));
};

struct NamespaceCondition {
  KREF_API_STRUCT(NamespaceCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct NamespaceStatus {
  KREF_API_STRUCT(NamespaceStatus,
      (std::string, phase),
      (std::vector<NamespaceCondition>, conditions));
};

struct Namespace {
  KREF_API_STRUCT(Namespace,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (NamespaceSpec, spec),
      (NamespaceStatus, status));
};

// ---- Node -----------------------------------------------------------------------------------

struct Taint {
  KREF_API_STRUCT(Taint,
      (std::string, key),
      (std::string, value),
      (std::string, effect),
      (std::optional<Time>, timeAdded));
  static constexpr std::string_view kAlwaysEmit[] = {"key", "effect"};
};

struct ConfigMapNodeConfigSource {
  KREF_API_STRUCT(ConfigMapNodeConfigSource,
      (std::string, namespace_),
      (std::string, name),
      (std::string, uid),
      (std::string, resourceVersion),
      (std::string, kubeletConfigKey));
  static constexpr std::string_view kAlwaysEmit[] = {"namespace", "name", "kubeletConfigKey"};
};

struct NodeConfigSource {
  KREF_API_STRUCT(NodeConfigSource,
      (std::optional<ConfigMapNodeConfigSource>, configMap));
};

struct NodeSpec {
  KREF_API_STRUCT(NodeSpec,
      (std::string, podCIDR),
      (std::vector<std::string>, podCIDRs),
      (std::string, providerID),
      (bool, unschedulable),
      (std::vector<Taint>, taints),
      (std::optional<NodeConfigSource>, configSource),
      (std::string, externalID));
};

struct NodeCondition {
  KREF_API_STRUCT(NodeCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastHeartbeatTime),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct NodeAddress {
  KREF_API_STRUCT(NodeAddress,
      (std::string, type),
      (std::string, address));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "address"};
};

// The wire name really is capitalized ("Port"): an old unquoted tag fell back to the Go name.
struct DaemonEndpoint {
  KREF_API_STRUCT(DaemonEndpoint,
      (int32_t, Port));
  static constexpr std::string_view kAlwaysEmit[] = {"Port"};
};

struct NodeDaemonEndpoints {
  KREF_API_STRUCT(NodeDaemonEndpoints,
      (DaemonEndpoint, kubeletEndpoint));
};

struct NodeSwapStatus {
  KREF_API_STRUCT(NodeSwapStatus,
      (std::optional<int64_t>, capacity));
};

struct NodeSystemInfo {
  KREF_API_STRUCT(NodeSystemInfo,
      (std::string, machineID),
      (std::string, systemUUID),
      (std::string, bootID),
      (std::string, kernelVersion),
      (std::string, osImage),
      (std::string, containerRuntimeVersion),
      (std::string, kubeletVersion),
      (std::string, kubeProxyVersion),
      (std::string, operatingSystem),
      (std::string, architecture),
      (std::optional<NodeSwapStatus>, swap));
  static constexpr std::string_view kAlwaysEmit[] = {
      "machineID", "systemUUID", "bootID", "kernelVersion", "osImage", "containerRuntimeVersion",
      "kubeletVersion", "kubeProxyVersion", "operatingSystem", "architecture"};
};

struct ContainerImage {
  KREF_API_STRUCT(ContainerImage,
      (std::vector<std::string>, names),
      (int64_t, sizeBytes));
  static constexpr std::string_view kAlwaysEmit[] = {"names"};
};

struct AttachedVolume {
  KREF_API_STRUCT(AttachedVolume,
      (std::string, name),
      (std::string, devicePath));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "devicePath"};
};

struct NodeConfigStatus {
  KREF_API_STRUCT(NodeConfigStatus,
      (std::optional<NodeConfigSource>, assigned),
      (std::optional<NodeConfigSource>, active),
      (std::optional<NodeConfigSource>, lastKnownGood),
      (std::string, error));
};

struct NodeRuntimeHandlerFeatures {
  KREF_API_STRUCT(NodeRuntimeHandlerFeatures,
      (std::optional<bool>, recursiveReadOnlyMounts),
      (std::optional<bool>, userNamespaces));
};

struct NodeRuntimeHandler {
  KREF_API_STRUCT(NodeRuntimeHandler,
      (std::string, name),
      (std::optional<NodeRuntimeHandlerFeatures>, features));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct NodeFeatures {
  KREF_API_STRUCT(NodeFeatures,
      (std::optional<bool>, supplementalGroupsPolicy));
};

struct NodeStatus {
  KREF_API_STRUCT(NodeStatus,
      (Map<Quantity>, capacity),
      (Map<Quantity>, allocatable),
      (std::string, phase),
      (std::vector<NodeCondition>, conditions),
      (std::vector<NodeAddress>, addresses),
      (NodeDaemonEndpoints, daemonEndpoints),
      (NodeSystemInfo, nodeInfo),
      (std::vector<ContainerImage>, images),
      (std::vector<std::string>, volumesInUse),
      (std::vector<AttachedVolume>, volumesAttached),
      (std::optional<NodeConfigStatus>, config),
      (std::vector<NodeRuntimeHandler>, runtimeHandlers),
      (std::optional<NodeFeatures>, features));
};

struct Node {
  KREF_API_STRUCT(Node,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (NodeSpec, spec),
      (NodeStatus, status));
};

// ---- Service --------------------------------------------------------------------------------

struct ClientIPConfig {
  KREF_API_STRUCT(ClientIPConfig,
      (std::optional<int32_t>, timeoutSeconds));
};

struct SessionAffinityConfig {
  KREF_API_STRUCT(SessionAffinityConfig,
      (std::optional<ClientIPConfig>, clientIP));
};

struct ServicePort {
  KREF_API_STRUCT(ServicePort,
      (std::string, name),
      (std::string, protocol),
      (std::optional<std::string>, appProtocol),
      (int32_t, port),
      (IntOrString, targetPort),
      (int32_t, nodePort));
  static constexpr std::string_view kAlwaysEmit[] = {"port"};
};

struct ServiceSpec {
  KREF_API_STRUCT(ServiceSpec,
      (std::vector<ServicePort>, ports),
      (Map<std::string>, selector),
      (std::string, clusterIP),
      (std::vector<std::string>, clusterIPs),
      (std::string, type),
      (std::vector<std::string>, externalIPs),
      (std::string, sessionAffinity),
      (std::string, loadBalancerIP),
      (std::vector<std::string>, loadBalancerSourceRanges),
      (std::string, externalName),
      (std::string, externalTrafficPolicy),
      (int32_t, healthCheckNodePort),
      (bool, publishNotReadyAddresses),
      (std::optional<SessionAffinityConfig>, sessionAffinityConfig),
      (std::vector<std::string>, ipFamilies),
      (std::optional<std::string>, ipFamilyPolicy),
      (std::optional<bool>, allocateLoadBalancerNodePorts),
      (std::optional<std::string>, loadBalancerClass),
      (std::optional<std::string>, internalTrafficPolicy),
      (std::optional<std::string>, trafficDistribution));
};

struct PortStatus {
  KREF_API_STRUCT(PortStatus,
      (int32_t, port),
      (std::string, protocol),
      (std::optional<std::string>, error));
  static constexpr std::string_view kAlwaysEmit[] = {"port", "protocol"};
};

struct LoadBalancerIngress {
  KREF_API_STRUCT(LoadBalancerIngress,
      (std::string, ip),
      (std::string, hostname),
      (std::optional<std::string>, ipMode),
      (std::vector<PortStatus>, ports));
};

struct LoadBalancerStatus {
  KREF_API_STRUCT(LoadBalancerStatus,
      (std::vector<LoadBalancerIngress>, ingress));
};

struct ServiceStatus {
  KREF_API_STRUCT(ServiceStatus,
      (LoadBalancerStatus, loadBalancer),
      (std::vector<meta::Condition>, conditions));
};

struct Service {
  KREF_API_STRUCT(Service,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (ServiceSpec, spec),
      (ServiceStatus, status));
};

// ---- ServiceAccount -------------------------------------------------------------------------

struct ServiceAccount {
  KREF_API_STRUCT(ServiceAccount,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (std::vector<ObjectReference>, secrets),
      (std::vector<LocalObjectReference>, imagePullSecrets),
      (std::optional<bool>, automountServiceAccountToken));
};

// ---- Endpoints ------------------------------------------------------------------------------

struct EndpointAddress {
  KREF_API_STRUCT(EndpointAddress,
      (std::string, ip),
      (std::string, hostname),
      (std::optional<std::string>, nodeName),
      (std::optional<ObjectReference>, targetRef));
  static constexpr std::string_view kAlwaysEmit[] = {"ip"};
};

struct EndpointPort {
  KREF_API_STRUCT(EndpointPort,
      (std::string, name),
      (int32_t, port),
      (std::string, protocol),
      (std::optional<std::string>, appProtocol));
  static constexpr std::string_view kAlwaysEmit[] = {"port"};
};

struct EndpointSubset {
  KREF_API_STRUCT(EndpointSubset,
      (std::vector<EndpointAddress>, addresses),
      (std::vector<EndpointAddress>, notReadyAddresses),
      (std::vector<EndpointPort>, ports));
};

struct Endpoints {
  KREF_API_STRUCT(Endpoints,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (std::vector<EndpointSubset>, subsets));
};

// ---- ConfigMap, Secret ----------------------------------------------------------------------

struct ConfigMap {
  KREF_API_STRUCT(ConfigMap,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (std::optional<bool>, immutable),
      (Map<std::string>, data),
      (Map<Bytes>, binaryData));
};

struct Secret {
  KREF_API_STRUCT(Secret,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (std::optional<bool>, immutable),
      (Map<Bytes>, data),
      (Map<std::string>, stringData),
      (std::string, type));
};

// ---- Event ----------------------------------------------------------------------------------

struct EventSource {
  KREF_API_STRUCT(EventSource,
      (std::string, component),
      (std::string, host));
};

struct EventSeries {
  KREF_API_STRUCT(EventSeries,
      (int32_t, count),
      (MicroTime, lastObservedTime));
};

// Upstream's Go field ReportingController carries the JSON name "reportingComponent".
struct Event {
  KREF_API_STRUCT(Event,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (ObjectReference, involvedObject),
      (std::string, reason),
      (std::string, message),
      (EventSource, source),
      (Time, firstTimestamp),
      (Time, lastTimestamp),
      (int32_t, count),
      (std::string, type),
      (MicroTime, eventTime),
      (std::optional<EventSeries>, series),
      (std::string, action),
      (std::optional<ObjectReference>, related),
      (std::string, reportingComponent),
      (std::string, reportingInstance));
  static constexpr std::string_view kAlwaysEmit[] = {"metadata", "involvedObject",
                                                     "reportingComponent", "reportingInstance"};
};

// ---- ReplicationController ------------------------------------------------------------------

struct ReplicationControllerSpec {
  KREF_API_STRUCT(ReplicationControllerSpec,
      (std::optional<int32_t>, replicas),
      (int32_t, minReadySeconds),
      (Map<std::string>, selector),
      (std::optional<PodTemplateSpec>, template_));
};

struct ReplicationControllerCondition {
  KREF_API_STRUCT(ReplicationControllerCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct ReplicationControllerStatus {
  KREF_API_STRUCT(ReplicationControllerStatus,
      (int32_t, replicas),
      (int32_t, fullyLabeledReplicas),
      (int32_t, readyReplicas),
      (int32_t, availableReplicas),
      (int64_t, observedGeneration),
      (std::vector<ReplicationControllerCondition>, conditions));
  static constexpr std::string_view kAlwaysEmit[] = {"replicas"};
};

struct ReplicationController {
  KREF_API_STRUCT(ReplicationController,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (ReplicationControllerSpec, spec),
      (ReplicationControllerStatus, status));
};

// ---- PersistentVolume -----------------------------------------------------------------------
// The persistent-volume flavours of the volume sources (those a Pod's Volume does not use).

struct SecretReference {
  KREF_API_STRUCT(SecretReference,
      (std::string, name),
      (std::string, namespace_));
};

struct LocalVolumeSource {
  KREF_API_STRUCT(LocalVolumeSource,
      (std::string, path),
      (std::optional<std::string>, fsType));
  static constexpr std::string_view kAlwaysEmit[] = {"path"};
};

struct GlusterfsPersistentVolumeSource {
  KREF_API_STRUCT(GlusterfsPersistentVolumeSource,
      (std::string, endpoints),
      (std::string, path),
      (bool, readOnly),
      (std::optional<std::string>, endpointsNamespace));
  static constexpr std::string_view kAlwaysEmit[] = {"endpoints", "path"};
};

struct RBDPersistentVolumeSource {
  KREF_API_STRUCT(RBDPersistentVolumeSource,
      (std::vector<std::string>, monitors),
      (std::string, image),
      (std::string, fsType),
      (std::string, pool),
      (std::string, user),
      (std::string, keyring),
      (std::optional<SecretReference>, secretRef),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"monitors", "image"};
};

struct ISCSIPersistentVolumeSource {
  KREF_API_STRUCT(ISCSIPersistentVolumeSource,
      (std::string, targetPortal),
      (std::string, iqn),
      (int32_t, lun),
      (std::string, iscsiInterface),
      (std::string, fsType),
      (bool, readOnly),
      (std::vector<std::string>, portals),
      (bool, chapAuthDiscovery),
      (bool, chapAuthSession),
      (std::optional<SecretReference>, secretRef),
      (std::optional<std::string>, initiatorName));
  static constexpr std::string_view kAlwaysEmit[] = {"targetPortal", "iqn", "lun"};
};

struct CinderPersistentVolumeSource {
  KREF_API_STRUCT(CinderPersistentVolumeSource,
      (std::string, volumeID),
      (std::string, fsType),
      (bool, readOnly),
      (std::optional<SecretReference>, secretRef));
  static constexpr std::string_view kAlwaysEmit[] = {"volumeID"};
};

struct CephFSPersistentVolumeSource {
  KREF_API_STRUCT(CephFSPersistentVolumeSource,
      (std::vector<std::string>, monitors),
      (std::string, path),
      (std::string, user),
      (std::string, secretFile),
      (std::optional<SecretReference>, secretRef),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"monitors"};
};

struct FlexPersistentVolumeSource {
  KREF_API_STRUCT(FlexPersistentVolumeSource,
      (std::string, driver),
      (std::string, fsType),
      (std::optional<SecretReference>, secretRef),
      (bool, readOnly),
      (Map<std::string>, options));
  static constexpr std::string_view kAlwaysEmit[] = {"driver"};
};

// secretNamespace is a pointer without omitempty upstream: absent, it is written as null.
struct AzureFilePersistentVolumeSource {
  KREF_API_STRUCT(AzureFilePersistentVolumeSource,
      (std::string, secretName),
      (std::string, shareName),
      (bool, readOnly),
      (std::optional<std::string>, secretNamespace));
  static constexpr std::string_view kAlwaysEmit[] = {"secretName", "shareName",
                                                     "secretNamespace"};
};

struct ScaleIOPersistentVolumeSource {
  KREF_API_STRUCT(ScaleIOPersistentVolumeSource,
      (std::string, gateway),
      (std::string, system),
      (std::optional<SecretReference>, secretRef),
      (bool, sslEnabled),
      (std::string, protectionDomain),
      (std::string, storagePool),
      (std::string, storageMode),
      (std::string, volumeName),
      (std::string, fsType),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"gateway", "system", "secretRef"};
};

struct StorageOSPersistentVolumeSource {
  KREF_API_STRUCT(StorageOSPersistentVolumeSource,
      (std::string, volumeName),
      (std::string, volumeNamespace),
      (std::string, fsType),
      (bool, readOnly),
      (std::optional<ObjectReference>, secretRef));
};

struct CSIPersistentVolumeSource {
  KREF_API_STRUCT(CSIPersistentVolumeSource,
      (std::string, driver),
      (std::string, volumeHandle),
      (bool, readOnly),
      (std::string, fsType),
      (Map<std::string>, volumeAttributes),
      (std::optional<SecretReference>, controllerPublishSecretRef),
      (std::optional<SecretReference>, nodeStageSecretRef),
      (std::optional<SecretReference>, nodePublishSecretRef),
      (std::optional<SecretReference>, controllerExpandSecretRef),
      (std::optional<SecretReference>, nodeExpandSecretRef));
  static constexpr std::string_view kAlwaysEmit[] = {"driver", "volumeHandle"};
};

struct VolumeNodeAffinity {
  KREF_API_STRUCT(VolumeNodeAffinity,
      (std::optional<NodeSelector>, required));
};

// PersistentVolumeSource (gcePersistentDisk .. csi) is inlined upstream: flattened here.
struct PersistentVolumeSpec {
  KREF_API_STRUCT(PersistentVolumeSpec,
      (Map<Quantity>, capacity),
      (std::optional<GCEPersistentDiskVolumeSource>, gcePersistentDisk),
      (std::optional<AWSElasticBlockStoreVolumeSource>, awsElasticBlockStore),
      (std::optional<HostPathVolumeSource>, hostPath),
      (std::optional<GlusterfsPersistentVolumeSource>, glusterfs),
      (std::optional<NFSVolumeSource>, nfs),
      (std::optional<RBDPersistentVolumeSource>, rbd),
      (std::optional<ISCSIPersistentVolumeSource>, iscsi),
      (std::optional<CinderPersistentVolumeSource>, cinder),
      (std::optional<CephFSPersistentVolumeSource>, cephfs),
      (std::optional<FCVolumeSource>, fc),
      (std::optional<FlockerVolumeSource>, flocker),
      (std::optional<FlexPersistentVolumeSource>, flexVolume),
      (std::optional<AzureFilePersistentVolumeSource>, azureFile),
      (std::optional<VsphereVirtualDiskVolumeSource>, vsphereVolume),
      (std::optional<QuobyteVolumeSource>, quobyte),
      (std::optional<AzureDiskVolumeSource>, azureDisk),
      (std::optional<PhotonPersistentDiskVolumeSource>, photonPersistentDisk),
      (std::optional<PortworxVolumeSource>, portworxVolume),
      (std::optional<ScaleIOPersistentVolumeSource>, scaleIO),
      (std::optional<LocalVolumeSource>, local),
      (std::optional<StorageOSPersistentVolumeSource>, storageos),
      (std::optional<CSIPersistentVolumeSource>, csi),
      (std::vector<std::string>, accessModes),
      (std::optional<ObjectReference>, claimRef),
      (std::string, persistentVolumeReclaimPolicy),
      (std::string, storageClassName),
      (std::vector<std::string>, mountOptions),
      (std::optional<std::string>, volumeMode),
      (std::optional<VolumeNodeAffinity>, nodeAffinity),
      (std::optional<std::string>, volumeAttributesClassName));
};

struct PersistentVolumeStatus {
  KREF_API_STRUCT(PersistentVolumeStatus,
      (std::string, phase),
      (std::string, message),
      (std::string, reason),
      (std::optional<Time>, lastPhaseTransitionTime));
};

struct PersistentVolume {
  KREF_API_STRUCT(PersistentVolume,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (PersistentVolumeSpec, spec),
      (PersistentVolumeStatus, status));
};

// ---- PersistentVolumeClaim ------------------------------------------------------------------

struct ModifyVolumeStatus {
  KREF_API_STRUCT(ModifyVolumeStatus,
      (std::string, targetVolumeAttributesClassName),
      (std::string, status));
  static constexpr std::string_view kAlwaysEmit[] = {"status"};
};

struct PersistentVolumeClaimCondition {
  KREF_API_STRUCT(PersistentVolumeClaimCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastProbeTime),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct PersistentVolumeClaimStatus {
  KREF_API_STRUCT(PersistentVolumeClaimStatus,
      (std::string, phase),
      (std::vector<std::string>, accessModes),
      (Map<Quantity>, capacity),
      (std::vector<PersistentVolumeClaimCondition>, conditions),
      (Map<Quantity>, allocatedResources),
      (Map<std::string>, allocatedResourceStatuses),
      (std::optional<std::string>, currentVolumeAttributesClassName),
      (std::optional<ModifyVolumeStatus>, modifyVolumeStatus));
};

struct PersistentVolumeClaim {
  KREF_API_STRUCT(PersistentVolumeClaim,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (PersistentVolumeClaimSpec, spec),
      (PersistentVolumeClaimStatus, status));
};

// ---- LimitRange -----------------------------------------------------------------------------

struct LimitRangeItem {
  KREF_API_STRUCT(LimitRangeItem,
      (std::string, type),
      (Map<Quantity>, max),
      (Map<Quantity>, min),
      (Map<Quantity>, default_),
      (Map<Quantity>, defaultRequest),
      (Map<Quantity>, maxLimitRequestRatio));
  static constexpr std::string_view kAlwaysEmit[] = {"type"};
};

struct LimitRangeSpec {
  KREF_API_STRUCT(LimitRangeSpec,
      (std::vector<LimitRangeItem>, limits));
  static constexpr std::string_view kAlwaysEmit[] = {"limits"};
};

struct LimitRange {
  KREF_API_STRUCT(LimitRange,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (LimitRangeSpec, spec));
};

// ---- ResourceQuota --------------------------------------------------------------------------

struct ScopedResourceSelectorRequirement {
  KREF_API_STRUCT(ScopedResourceSelectorRequirement,
      (std::string, scopeName),
      (std::string, operator_),
      (std::vector<std::string>, values));
  static constexpr std::string_view kAlwaysEmit[] = {"scopeName", "operator"};
};

struct ScopeSelector {
  KREF_API_STRUCT(ScopeSelector,
      (std::vector<ScopedResourceSelectorRequirement>, matchExpressions));
};

struct ResourceQuotaSpec {
  KREF_API_STRUCT(ResourceQuotaSpec,
      (Map<Quantity>, hard),
      (std::vector<std::string>, scopes),
      (std::optional<ScopeSelector>, scopeSelector));
};

struct ResourceQuotaStatus {
  KREF_API_STRUCT(ResourceQuotaStatus,
      (Map<Quantity>, hard),
      (Map<Quantity>, used));
};

struct ResourceQuota {
  KREF_API_STRUCT(ResourceQuota,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (ResourceQuotaSpec, spec),
      (ResourceQuotaStatus, status));
};

// ---- Lists ----------------------------------------------------------------------------------

using NamespaceList = meta::List<Namespace>;
using NodeList = meta::List<Node>;
using ServiceList = meta::List<Service>;
using EndpointsList = meta::List<Endpoints>;
using ConfigMapList = meta::List<ConfigMap>;
using SecretList = meta::List<Secret>;
using ServiceAccountList = meta::List<ServiceAccount>;
using EventList = meta::List<Event>;
using ReplicationControllerList = meta::List<ReplicationController>;
using PersistentVolumeList = meta::List<PersistentVolume>;
using PersistentVolumeClaimList = meta::List<PersistentVolumeClaim>;
using LimitRangeList = meta::List<LimitRange>;
using ResourceQuotaList = meta::List<ResourceQuota>;

}  // namespace kref::api::core
// clang-format on
