// core/v1 (k8s.io/api/core/v1): Pod, PodTemplate, Binding and every type they reach: containers,
// probes, volumes and all volume sources, scheduling constraints, security contexts, pod status.
// Field names, order and omitempty as upstream; see impl/api/reflect.h for the conventions.
#pragma once

#include "impl/api/int_or_string.h"
#include "impl/api/meta/types.h"
#include "impl/api/quantity.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

// clang-format off
namespace kref::api::core {

// ---- References and selectors ----------------------------------------------------------------

struct LocalObjectReference {
  KREF_API_STRUCT(LocalObjectReference,
      (std::string, name));
};

struct ObjectReference {
  KREF_API_STRUCT(ObjectReference,
      (std::string, kind),
      (std::string, namespace_),
      (std::string, name),
      (std::string, uid),
      (std::string, apiVersion),
      (std::string, resourceVersion),
      (std::string, fieldPath));
};

struct TypedLocalObjectReference {
  KREF_API_STRUCT(TypedLocalObjectReference,
      (std::optional<std::string>, apiGroup),
      (std::string, kind),
      (std::string, name));
  static constexpr std::string_view kAlwaysEmit[] = {"apiGroup", "kind", "name"};
};

struct TypedObjectReference {
  KREF_API_STRUCT(TypedObjectReference,
      (std::optional<std::string>, apiGroup),
      (std::string, kind),
      (std::string, name),
      (std::optional<std::string>, namespace_));
  static constexpr std::string_view kAlwaysEmit[] = {"apiGroup", "kind", "name"};
};

struct KeyToPath {
  KREF_API_STRUCT(KeyToPath,
      (std::string, key),
      (std::string, path),
      (std::optional<int32_t>, mode));
  static constexpr std::string_view kAlwaysEmit[] = {"key", "path"};
};

struct ObjectFieldSelector {
  KREF_API_STRUCT(ObjectFieldSelector,
      (std::string, apiVersion),
      (std::string, fieldPath));
  static constexpr std::string_view kAlwaysEmit[] = {"fieldPath"};
};

struct ResourceFieldSelector {
  KREF_API_STRUCT(ResourceFieldSelector,
      (std::string, containerName),
      (std::string, resource),
      (Quantity, divisor));
  static constexpr std::string_view kAlwaysEmit[] = {"resource"};
};

// ---- Volume sources --------------------------------------------------------------------------

struct HostPathVolumeSource {
  KREF_API_STRUCT(HostPathVolumeSource,
      (std::string, path),
      (std::optional<std::string>, type));
  static constexpr std::string_view kAlwaysEmit[] = {"path"};
};

struct EmptyDirVolumeSource {
  KREF_API_STRUCT(EmptyDirVolumeSource,
      (std::string, medium),
      (std::optional<Quantity>, sizeLimit));
};

struct GCEPersistentDiskVolumeSource {
  KREF_API_STRUCT(GCEPersistentDiskVolumeSource,
      (std::string, pdName),
      (std::string, fsType),
      (int32_t, partition),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"pdName"};
};

struct AWSElasticBlockStoreVolumeSource {
  KREF_API_STRUCT(AWSElasticBlockStoreVolumeSource,
      (std::string, volumeID),
      (std::string, fsType),
      (int32_t, partition),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"volumeID"};
};

struct GitRepoVolumeSource {
  KREF_API_STRUCT(GitRepoVolumeSource,
      (std::string, repository),
      (std::string, revision),
      (std::string, directory));
  static constexpr std::string_view kAlwaysEmit[] = {"repository"};
};

struct SecretVolumeSource {
  KREF_API_STRUCT(SecretVolumeSource,
      (std::string, secretName),
      (std::vector<KeyToPath>, items),
      (std::optional<int32_t>, defaultMode),
      (std::optional<bool>, optional));
};

struct NFSVolumeSource {
  KREF_API_STRUCT(NFSVolumeSource,
      (std::string, server),
      (std::string, path),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"server", "path"};
};

struct ISCSIVolumeSource {
  KREF_API_STRUCT(ISCSIVolumeSource,
      (std::string, targetPortal),
      (std::string, iqn),
      (int32_t, lun),
      (std::string, iscsiInterface),
      (std::string, fsType),
      (bool, readOnly),
      (std::vector<std::string>, portals),
      (bool, chapAuthDiscovery),
      (bool, chapAuthSession),
      (std::optional<LocalObjectReference>, secretRef),
      (std::optional<std::string>, initiatorName));
  static constexpr std::string_view kAlwaysEmit[] = {"targetPortal", "iqn", "lun"};
};

struct GlusterfsVolumeSource {
  KREF_API_STRUCT(GlusterfsVolumeSource,
      (std::string, endpoints),
      (std::string, path),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"endpoints", "path"};
};

struct PersistentVolumeClaimVolumeSource {
  KREF_API_STRUCT(PersistentVolumeClaimVolumeSource,
      (std::string, claimName),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"claimName"};
};

struct RBDVolumeSource {
  KREF_API_STRUCT(RBDVolumeSource,
      (std::vector<std::string>, monitors),
      (std::string, image),
      (std::string, fsType),
      (std::string, pool),
      (std::string, user),
      (std::string, keyring),
      (std::optional<LocalObjectReference>, secretRef),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"monitors", "image"};
};

struct FlexVolumeSource {
  KREF_API_STRUCT(FlexVolumeSource,
      (std::string, driver),
      (std::string, fsType),
      (std::optional<LocalObjectReference>, secretRef),
      (bool, readOnly),
      (Map<std::string>, options));
  static constexpr std::string_view kAlwaysEmit[] = {"driver"};
};

struct CinderVolumeSource {
  KREF_API_STRUCT(CinderVolumeSource,
      (std::string, volumeID),
      (std::string, fsType),
      (bool, readOnly),
      (std::optional<LocalObjectReference>, secretRef));
  static constexpr std::string_view kAlwaysEmit[] = {"volumeID"};
};

struct CephFSVolumeSource {
  KREF_API_STRUCT(CephFSVolumeSource,
      (std::vector<std::string>, monitors),
      (std::string, path),
      (std::string, user),
      (std::string, secretFile),
      (std::optional<LocalObjectReference>, secretRef),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"monitors"};
};

struct FlockerVolumeSource {
  KREF_API_STRUCT(FlockerVolumeSource,
      (std::string, datasetName),
      (std::string, datasetUUID));
};

struct DownwardAPIVolumeFile {
  KREF_API_STRUCT(DownwardAPIVolumeFile,
      (std::string, path),
      (std::optional<ObjectFieldSelector>, fieldRef),
      (std::optional<ResourceFieldSelector>, resourceFieldRef),
      (std::optional<int32_t>, mode));
  static constexpr std::string_view kAlwaysEmit[] = {"path"};
};

struct DownwardAPIVolumeSource {
  KREF_API_STRUCT(DownwardAPIVolumeSource,
      (std::vector<DownwardAPIVolumeFile>, items),
      (std::optional<int32_t>, defaultMode));
};

struct FCVolumeSource {
  KREF_API_STRUCT(FCVolumeSource,
      (std::vector<std::string>, targetWWNs),
      (std::optional<int32_t>, lun),
      (std::string, fsType),
      (bool, readOnly),
      (std::vector<std::string>, wwids));
};

struct AzureFileVolumeSource {
  KREF_API_STRUCT(AzureFileVolumeSource,
      (std::string, secretName),
      (std::string, shareName),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"secretName", "shareName"};
};

// LocalObjectReference is inlined here (name).
struct ConfigMapVolumeSource {
  KREF_API_STRUCT(ConfigMapVolumeSource,
      (std::string, name),
      (std::vector<KeyToPath>, items),
      (std::optional<int32_t>, defaultMode),
      (std::optional<bool>, optional));
};

struct VsphereVirtualDiskVolumeSource {
  KREF_API_STRUCT(VsphereVirtualDiskVolumeSource,
      (std::string, volumePath),
      (std::string, fsType),
      (std::string, storagePolicyName),
      (std::string, storagePolicyID));
  static constexpr std::string_view kAlwaysEmit[] = {"volumePath"};
};

struct QuobyteVolumeSource {
  KREF_API_STRUCT(QuobyteVolumeSource,
      (std::string, registry),
      (std::string, volume),
      (bool, readOnly),
      (std::string, user),
      (std::string, group),
      (std::string, tenant));
  static constexpr std::string_view kAlwaysEmit[] = {"registry", "volume"};
};

struct AzureDiskVolumeSource {
  KREF_API_STRUCT(AzureDiskVolumeSource,
      (std::string, diskName),
      (std::string, diskURI),
      (std::optional<std::string>, cachingMode),
      (std::optional<std::string>, fsType),
      (std::optional<bool>, readOnly),
      (std::optional<std::string>, kind));
  static constexpr std::string_view kAlwaysEmit[] = {"diskName", "diskURI"};
};

struct PhotonPersistentDiskVolumeSource {
  KREF_API_STRUCT(PhotonPersistentDiskVolumeSource,
      (std::string, pdID),
      (std::string, fsType));
  static constexpr std::string_view kAlwaysEmit[] = {"pdID"};
};

// LocalObjectReference is inlined here (name).
struct SecretProjection {
  KREF_API_STRUCT(SecretProjection,
      (std::string, name),
      (std::vector<KeyToPath>, items),
      (std::optional<bool>, optional));
};

struct DownwardAPIProjection {
  KREF_API_STRUCT(DownwardAPIProjection,
      (std::vector<DownwardAPIVolumeFile>, items));
};

// LocalObjectReference is inlined here (name).
struct ConfigMapProjection {
  KREF_API_STRUCT(ConfigMapProjection,
      (std::string, name),
      (std::vector<KeyToPath>, items),
      (std::optional<bool>, optional));
};

struct ServiceAccountTokenProjection {
  KREF_API_STRUCT(ServiceAccountTokenProjection,
      (std::string, audience),
      (std::optional<int64_t>, expirationSeconds),
      (std::string, path));
  static constexpr std::string_view kAlwaysEmit[] = {"path"};
};

struct ClusterTrustBundleProjection {
  KREF_API_STRUCT(ClusterTrustBundleProjection,
      (std::optional<std::string>, name),
      (std::optional<std::string>, signerName),
      (std::optional<meta::LabelSelector>, labelSelector),
      (std::optional<bool>, optional),
      (std::string, path));
  static constexpr std::string_view kAlwaysEmit[] = {"path"};
};

struct VolumeProjection {
  KREF_API_STRUCT(VolumeProjection,
      (std::optional<SecretProjection>, secret),
      (std::optional<DownwardAPIProjection>, downwardAPI),
      (std::optional<ConfigMapProjection>, configMap),
      (std::optional<ServiceAccountTokenProjection>, serviceAccountToken),
      (std::optional<ClusterTrustBundleProjection>, clusterTrustBundle));
};

struct ProjectedVolumeSource {
  KREF_API_STRUCT(ProjectedVolumeSource,
      (std::vector<VolumeProjection>, sources),
      (std::optional<int32_t>, defaultMode));
  static constexpr std::string_view kAlwaysEmit[] = {"sources"};
};

struct PortworxVolumeSource {
  KREF_API_STRUCT(PortworxVolumeSource,
      (std::string, volumeID),
      (std::string, fsType),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"volumeID"};
};

struct ScaleIOVolumeSource {
  KREF_API_STRUCT(ScaleIOVolumeSource,
      (std::string, gateway),
      (std::string, system),
      (std::optional<LocalObjectReference>, secretRef),
      (bool, sslEnabled),
      (std::string, protectionDomain),
      (std::string, storagePool),
      (std::string, storageMode),
      (std::string, volumeName),
      (std::string, fsType),
      (bool, readOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"gateway", "system", "secretRef"};
};

struct StorageOSVolumeSource {
  KREF_API_STRUCT(StorageOSVolumeSource,
      (std::string, volumeName),
      (std::string, volumeNamespace),
      (std::string, fsType),
      (bool, readOnly),
      (std::optional<LocalObjectReference>, secretRef));
};

struct CSIVolumeSource {
  KREF_API_STRUCT(CSIVolumeSource,
      (std::string, driver),
      (std::optional<bool>, readOnly),
      (std::optional<std::string>, fsType),
      (Map<std::string>, volumeAttributes),
      (std::optional<LocalObjectReference>, nodePublishSecretRef));
  static constexpr std::string_view kAlwaysEmit[] = {"driver"};
};

struct VolumeResourceRequirements {
  KREF_API_STRUCT(VolumeResourceRequirements,
      (Map<Quantity>, limits),
      (Map<Quantity>, requests));
};

struct PersistentVolumeClaimSpec {
  KREF_API_STRUCT(PersistentVolumeClaimSpec,
      (std::vector<std::string>, accessModes),
      (std::optional<meta::LabelSelector>, selector),
      (VolumeResourceRequirements, resources),
      (std::string, volumeName),
      (std::optional<std::string>, storageClassName),
      (std::optional<std::string>, volumeMode),
      (std::optional<TypedLocalObjectReference>, dataSource),
      (std::optional<TypedObjectReference>, dataSourceRef),
      (std::optional<std::string>, volumeAttributesClassName));
};

// ObjectMeta is embedded as "metadata" (not inlined).
struct PersistentVolumeClaimTemplate {
  KREF_API_STRUCT(PersistentVolumeClaimTemplate,
      (meta::ObjectMeta, metadata),
      (PersistentVolumeClaimSpec, spec));
  static constexpr std::string_view kAlwaysEmit[] = {"spec"};
};

struct EphemeralVolumeSource {
  KREF_API_STRUCT(EphemeralVolumeSource,
      (std::optional<PersistentVolumeClaimTemplate>, volumeClaimTemplate));
};

struct ImageVolumeSource {
  KREF_API_STRUCT(ImageVolumeSource,
      (std::string, reference),
      (std::string, pullPolicy));
};

// VolumeSource is inlined here: every volume source is a direct optional field.
struct Volume {
  KREF_API_STRUCT(Volume,
      (std::string, name),
      (std::optional<HostPathVolumeSource>, hostPath),
      (std::optional<EmptyDirVolumeSource>, emptyDir),
      (std::optional<GCEPersistentDiskVolumeSource>, gcePersistentDisk),
      (std::optional<AWSElasticBlockStoreVolumeSource>, awsElasticBlockStore),
      (std::optional<GitRepoVolumeSource>, gitRepo),
      (std::optional<SecretVolumeSource>, secret),
      (std::optional<NFSVolumeSource>, nfs),
      (std::optional<ISCSIVolumeSource>, iscsi),
      (std::optional<GlusterfsVolumeSource>, glusterfs),
      (std::optional<PersistentVolumeClaimVolumeSource>, persistentVolumeClaim),
      (std::optional<RBDVolumeSource>, rbd),
      (std::optional<FlexVolumeSource>, flexVolume),
      (std::optional<CinderVolumeSource>, cinder),
      (std::optional<CephFSVolumeSource>, cephfs),
      (std::optional<FlockerVolumeSource>, flocker),
      (std::optional<DownwardAPIVolumeSource>, downwardAPI),
      (std::optional<FCVolumeSource>, fc),
      (std::optional<AzureFileVolumeSource>, azureFile),
      (std::optional<ConfigMapVolumeSource>, configMap),
      (std::optional<VsphereVirtualDiskVolumeSource>, vsphereVolume),
      (std::optional<QuobyteVolumeSource>, quobyte),
      (std::optional<AzureDiskVolumeSource>, azureDisk),
      (std::optional<PhotonPersistentDiskVolumeSource>, photonPersistentDisk),
      (std::optional<ProjectedVolumeSource>, projected),
      (std::optional<PortworxVolumeSource>, portworxVolume),
      (std::optional<ScaleIOVolumeSource>, scaleIO),
      (std::optional<StorageOSVolumeSource>, storageos),
      (std::optional<CSIVolumeSource>, csi),
      (std::optional<EphemeralVolumeSource>, ephemeral),
      (std::optional<ImageVolumeSource>, image));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

// ---- Containers ------------------------------------------------------------------------------

struct ContainerPort {
  KREF_API_STRUCT(ContainerPort,
      (std::string, name),
      (int32_t, hostPort),
      (int32_t, containerPort),
      (std::string, protocol),
      (std::string, hostIP));
  static constexpr std::string_view kAlwaysEmit[] = {"containerPort"};
};

// LocalObjectReference is inlined here (name).
struct ConfigMapKeySelector {
  KREF_API_STRUCT(ConfigMapKeySelector,
      (std::string, name),
      (std::string, key),
      (std::optional<bool>, optional));
  static constexpr std::string_view kAlwaysEmit[] = {"key"};
};

// LocalObjectReference is inlined here (name).
struct SecretKeySelector {
  KREF_API_STRUCT(SecretKeySelector,
      (std::string, name),
      (std::string, key),
      (std::optional<bool>, optional));
  static constexpr std::string_view kAlwaysEmit[] = {"key"};
};

struct EnvVarSource {
  KREF_API_STRUCT(EnvVarSource,
      (std::optional<ObjectFieldSelector>, fieldRef),
      (std::optional<ResourceFieldSelector>, resourceFieldRef),
      (std::optional<ConfigMapKeySelector>, configMapKeyRef),
      (std::optional<SecretKeySelector>, secretKeyRef));
};

struct EnvVar {
  KREF_API_STRUCT(EnvVar,
      (std::string, name),
      (std::string, value),
      (std::optional<EnvVarSource>, valueFrom));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

// LocalObjectReference is inlined here (name).
struct ConfigMapEnvSource {
  KREF_API_STRUCT(ConfigMapEnvSource,
      (std::string, name),
      (std::optional<bool>, optional));
};

// LocalObjectReference is inlined here (name).
struct SecretEnvSource {
  KREF_API_STRUCT(SecretEnvSource,
      (std::string, name),
      (std::optional<bool>, optional));
};

struct EnvFromSource {
  KREF_API_STRUCT(EnvFromSource,
      (std::string, prefix),
      (std::optional<ConfigMapEnvSource>, configMapRef),
      (std::optional<SecretEnvSource>, secretRef));
};

struct ResourceClaim {
  KREF_API_STRUCT(ResourceClaim,
      (std::string, name),
      (std::string, request));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct ResourceRequirements {
  KREF_API_STRUCT(ResourceRequirements,
      (Map<Quantity>, limits),
      (Map<Quantity>, requests),
      (std::vector<ResourceClaim>, claims));
};

struct ContainerResizePolicy {
  KREF_API_STRUCT(ContainerResizePolicy,
      (std::string, resourceName),
      (std::string, restartPolicy));
  static constexpr std::string_view kAlwaysEmit[] = {"resourceName", "restartPolicy"};
};

struct VolumeMount {
  KREF_API_STRUCT(VolumeMount,
      (std::string, name),
      (bool, readOnly),
      (std::optional<std::string>, recursiveReadOnly),
      (std::string, mountPath),
      (std::string, subPath),
      (std::optional<std::string>, mountPropagation),
      (std::string, subPathExpr));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "mountPath"};
};

struct VolumeDevice {
  KREF_API_STRUCT(VolumeDevice,
      (std::string, name),
      (std::string, devicePath));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "devicePath"};
};

struct ExecAction {
  KREF_API_STRUCT(ExecAction,
      (std::vector<std::string>, command));
};

struct HTTPHeader {
  KREF_API_STRUCT(HTTPHeader,
      (std::string, name),
      (std::string, value));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "value"};
};

struct HTTPGetAction {
  KREF_API_STRUCT(HTTPGetAction,
      (std::string, path),
      (IntOrString, port),
      (std::string, host),
      (std::string, scheme),
      (std::vector<HTTPHeader>, httpHeaders));
  static constexpr std::string_view kAlwaysEmit[] = {"port"};
};

struct TCPSocketAction {
  KREF_API_STRUCT(TCPSocketAction,
      (IntOrString, port),
      (std::string, host));
  static constexpr std::string_view kAlwaysEmit[] = {"port"};
};

// service has no omitempty upstream: an absent service is written as null.
struct GRPCAction {
  KREF_API_STRUCT(GRPCAction,
      (int32_t, port),
      (std::optional<std::string>, service));
  static constexpr std::string_view kAlwaysEmit[] = {"port", "service"};
};

// ProbeHandler is inlined here: exec, httpGet, tcpSocket and grpc are direct fields.
struct Probe {
  KREF_API_STRUCT(Probe,
      (std::optional<ExecAction>, exec),
      (std::optional<HTTPGetAction>, httpGet),
      (std::optional<TCPSocketAction>, tcpSocket),
      (std::optional<GRPCAction>, grpc),
      (int32_t, initialDelaySeconds),
      (int32_t, timeoutSeconds),
      (int32_t, periodSeconds),
      (int32_t, successThreshold),
      (int32_t, failureThreshold),
      (std::optional<int64_t>, terminationGracePeriodSeconds));
};

struct SleepAction {
  KREF_API_STRUCT(SleepAction,
      (int64_t, seconds));
  static constexpr std::string_view kAlwaysEmit[] = {"seconds"};
};

struct LifecycleHandler {
  KREF_API_STRUCT(LifecycleHandler,
      (std::optional<ExecAction>, exec),
      (std::optional<HTTPGetAction>, httpGet),
      (std::optional<TCPSocketAction>, tcpSocket),
      (std::optional<SleepAction>, sleep));
};

struct Lifecycle {
  KREF_API_STRUCT(Lifecycle,
      (std::optional<LifecycleHandler>, postStart),
      (std::optional<LifecycleHandler>, preStop));
};

struct Capabilities {
  KREF_API_STRUCT(Capabilities,
      (std::vector<std::string>, add),
      (std::vector<std::string>, drop));
};

struct SELinuxOptions {
  KREF_API_STRUCT(SELinuxOptions,
      (std::string, user),
      (std::string, role),
      (std::string, type),
      (std::string, level));
};

struct WindowsSecurityContextOptions {
  KREF_API_STRUCT(WindowsSecurityContextOptions,
      (std::optional<std::string>, gmsaCredentialSpecName),
      (std::optional<std::string>, gmsaCredentialSpec),
      (std::optional<std::string>, runAsUserName),
      (std::optional<bool>, hostProcess));
};

struct SeccompProfile {
  KREF_API_STRUCT(SeccompProfile,
      (std::string, type),
      (std::optional<std::string>, localhostProfile));
  static constexpr std::string_view kAlwaysEmit[] = {"type"};
};

struct AppArmorProfile {
  KREF_API_STRUCT(AppArmorProfile,
      (std::string, type),
      (std::optional<std::string>, localhostProfile));
  static constexpr std::string_view kAlwaysEmit[] = {"type"};
};

struct SecurityContext {
  KREF_API_STRUCT(SecurityContext,
      (std::optional<Capabilities>, capabilities),
      (std::optional<bool>, privileged),
      (std::optional<SELinuxOptions>, seLinuxOptions),
      (std::optional<WindowsSecurityContextOptions>, windowsOptions),
      (std::optional<int64_t>, runAsUser),
      (std::optional<int64_t>, runAsGroup),
      (std::optional<bool>, runAsNonRoot),
      (std::optional<bool>, readOnlyRootFilesystem),
      (std::optional<bool>, allowPrivilegeEscalation),
      (std::optional<std::string>, procMount),
      (std::optional<SeccompProfile>, seccompProfile),
      (std::optional<AppArmorProfile>, appArmorProfile));
};

struct Container {
  KREF_API_STRUCT(Container,
      (std::string, name),
      (std::string, image),
      (std::vector<std::string>, command),
      (std::vector<std::string>, args),
      (std::string, workingDir),
      (std::vector<ContainerPort>, ports),
      (std::vector<EnvFromSource>, envFrom),
      (std::vector<EnvVar>, env),
      (ResourceRequirements, resources),
      (std::vector<ContainerResizePolicy>, resizePolicy),
      (std::optional<std::string>, restartPolicy),
      (std::vector<VolumeMount>, volumeMounts),
      (std::vector<VolumeDevice>, volumeDevices),
      (std::optional<Probe>, livenessProbe),
      (std::optional<Probe>, readinessProbe),
      (std::optional<Probe>, startupProbe),
      (std::optional<Lifecycle>, lifecycle),
      (std::string, terminationMessagePath),
      (std::string, terminationMessagePolicy),
      (std::string, imagePullPolicy),
      (std::optional<SecurityContext>, securityContext),
      (bool, stdin),
      (bool, stdinOnce),
      (bool, tty));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

// EphemeralContainerCommon is inlined here: the fields of Container, then targetContainerName.
struct EphemeralContainer {
  KREF_API_STRUCT(EphemeralContainer,
      (std::string, name),
      (std::string, image),
      (std::vector<std::string>, command),
      (std::vector<std::string>, args),
      (std::string, workingDir),
      (std::vector<ContainerPort>, ports),
      (std::vector<EnvFromSource>, envFrom),
      (std::vector<EnvVar>, env),
      (ResourceRequirements, resources),
      (std::vector<ContainerResizePolicy>, resizePolicy),
      (std::optional<std::string>, restartPolicy),
      (std::vector<VolumeMount>, volumeMounts),
      (std::vector<VolumeDevice>, volumeDevices),
      (std::optional<Probe>, livenessProbe),
      (std::optional<Probe>, readinessProbe),
      (std::optional<Probe>, startupProbe),
      (std::optional<Lifecycle>, lifecycle),
      (std::string, terminationMessagePath),
      (std::string, terminationMessagePolicy),
      (std::string, imagePullPolicy),
      (std::optional<SecurityContext>, securityContext),
      (bool, stdin),
      (bool, stdinOnce),
      (bool, tty),
      (std::string, targetContainerName));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

// ---- Scheduling ------------------------------------------------------------------------------

struct NodeSelectorRequirement {
  KREF_API_STRUCT(NodeSelectorRequirement,
      (std::string, key),
      (std::string, operator_),
      (std::vector<std::string>, values));
  static constexpr std::string_view kAlwaysEmit[] = {"key", "operator"};
};

struct NodeSelectorTerm {
  KREF_API_STRUCT(NodeSelectorTerm,
      (std::vector<NodeSelectorRequirement>, matchExpressions),
      (std::vector<NodeSelectorRequirement>, matchFields));
};

struct NodeSelector {
  KREF_API_STRUCT(NodeSelector,
      (std::vector<NodeSelectorTerm>, nodeSelectorTerms));
  static constexpr std::string_view kAlwaysEmit[] = {"nodeSelectorTerms"};
};

struct PreferredSchedulingTerm {
  KREF_API_STRUCT(PreferredSchedulingTerm,
      (int32_t, weight),
      (NodeSelectorTerm, preference));
  static constexpr std::string_view kAlwaysEmit[] = {"weight", "preference"};
};

struct NodeAffinity {
  KREF_API_STRUCT(NodeAffinity,
      (std::optional<NodeSelector>, requiredDuringSchedulingIgnoredDuringExecution),
      (std::vector<PreferredSchedulingTerm>, preferredDuringSchedulingIgnoredDuringExecution));
};

struct PodAffinityTerm {
  KREF_API_STRUCT(PodAffinityTerm,
      (std::optional<meta::LabelSelector>, labelSelector),
      (std::vector<std::string>, namespaces),
      (std::string, topologyKey),
      (std::optional<meta::LabelSelector>, namespaceSelector),
      (std::vector<std::string>, matchLabelKeys),
      (std::vector<std::string>, mismatchLabelKeys));
  static constexpr std::string_view kAlwaysEmit[] = {"topologyKey"};
};

struct WeightedPodAffinityTerm {
  KREF_API_STRUCT(WeightedPodAffinityTerm,
      (int32_t, weight),
      (PodAffinityTerm, podAffinityTerm));
  static constexpr std::string_view kAlwaysEmit[] = {"weight", "podAffinityTerm"};
};

struct PodAffinity {
  KREF_API_STRUCT(PodAffinity,
      (std::vector<PodAffinityTerm>, requiredDuringSchedulingIgnoredDuringExecution),
      (std::vector<WeightedPodAffinityTerm>, preferredDuringSchedulingIgnoredDuringExecution));
};

struct PodAntiAffinity {
  KREF_API_STRUCT(PodAntiAffinity,
      (std::vector<PodAffinityTerm>, requiredDuringSchedulingIgnoredDuringExecution),
      (std::vector<WeightedPodAffinityTerm>, preferredDuringSchedulingIgnoredDuringExecution));
};

struct Affinity {
  KREF_API_STRUCT(Affinity,
      (std::optional<NodeAffinity>, nodeAffinity),
      (std::optional<PodAffinity>, podAffinity),
      (std::optional<PodAntiAffinity>, podAntiAffinity));
};

struct Toleration {
  KREF_API_STRUCT(Toleration,
      (std::string, key),
      (std::string, operator_),
      (std::string, value),
      (std::string, effect),
      (std::optional<int64_t>, tolerationSeconds));
};

struct TopologySpreadConstraint {
  KREF_API_STRUCT(TopologySpreadConstraint,
      (int32_t, maxSkew),
      (std::string, topologyKey),
      (std::string, whenUnsatisfiable),
      (std::optional<meta::LabelSelector>, labelSelector),
      (std::optional<int32_t>, minDomains),
      (std::optional<std::string>, nodeAffinityPolicy),
      (std::optional<std::string>, nodeTaintsPolicy),
      (std::vector<std::string>, matchLabelKeys));
  static constexpr std::string_view kAlwaysEmit[] = {"maxSkew", "topologyKey",
                                                     "whenUnsatisfiable"};
};

// ---- Pod spec --------------------------------------------------------------------------------

struct HostAlias {
  KREF_API_STRUCT(HostAlias,
      (std::string, ip),
      (std::vector<std::string>, hostnames));
  static constexpr std::string_view kAlwaysEmit[] = {"ip"};
};

struct Sysctl {
  KREF_API_STRUCT(Sysctl,
      (std::string, name),
      (std::string, value));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "value"};
};

struct PodSecurityContext {
  KREF_API_STRUCT(PodSecurityContext,
      (std::optional<SELinuxOptions>, seLinuxOptions),
      (std::optional<WindowsSecurityContextOptions>, windowsOptions),
      (std::optional<int64_t>, runAsUser),
      (std::optional<int64_t>, runAsGroup),
      (std::optional<bool>, runAsNonRoot),
      (std::vector<int64_t>, supplementalGroups),
      (std::optional<std::string>, supplementalGroupsPolicy),
      (std::optional<int64_t>, fsGroup),
      (std::vector<Sysctl>, sysctls),
      (std::optional<std::string>, fsGroupChangePolicy),
      (std::optional<SeccompProfile>, seccompProfile),
      (std::optional<AppArmorProfile>, appArmorProfile),
      (std::optional<std::string>, seLinuxChangePolicy));
};

struct PodDNSConfigOption {
  KREF_API_STRUCT(PodDNSConfigOption,
      (std::string, name),
      (std::optional<std::string>, value));
};

struct PodDNSConfig {
  KREF_API_STRUCT(PodDNSConfig,
      (std::vector<std::string>, nameservers),
      (std::vector<std::string>, searches),
      (std::vector<PodDNSConfigOption>, options));
};

struct PodReadinessGate {
  KREF_API_STRUCT(PodReadinessGate,
      (std::string, conditionType));
  static constexpr std::string_view kAlwaysEmit[] = {"conditionType"};
};

struct PodOS {
  KREF_API_STRUCT(PodOS,
      (std::string, name));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct PodSchedulingGate {
  KREF_API_STRUCT(PodSchedulingGate,
      (std::string, name));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct PodResourceClaim {
  KREF_API_STRUCT(PodResourceClaim,
      (std::string, name),
      (std::optional<std::string>, resourceClaimName),
      (std::optional<std::string>, resourceClaimTemplateName));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct PodSpec {
  KREF_API_STRUCT(PodSpec,
      (std::vector<Volume>, volumes),
      (std::vector<Container>, initContainers),
      (std::vector<Container>, containers),
      (std::vector<EphemeralContainer>, ephemeralContainers),
      (std::string, restartPolicy),
      (std::optional<int64_t>, terminationGracePeriodSeconds),
      (std::optional<int64_t>, activeDeadlineSeconds),
      (std::string, dnsPolicy),
      (Map<std::string>, nodeSelector),
      (std::string, serviceAccountName),
      (std::string, serviceAccount),
      (std::optional<bool>, automountServiceAccountToken),
      (std::string, nodeName),
      (bool, hostNetwork),
      (bool, hostPID),
      (bool, hostIPC),
      (std::optional<bool>, shareProcessNamespace),
      (std::optional<PodSecurityContext>, securityContext),
      (std::vector<LocalObjectReference>, imagePullSecrets),
      (std::string, hostname),
      (std::string, subdomain),
      (std::optional<Affinity>, affinity),
      (std::string, schedulerName),
      (std::vector<Toleration>, tolerations),
      (std::vector<HostAlias>, hostAliases),
      (std::string, priorityClassName),
      (std::optional<int32_t>, priority),
      (std::optional<PodDNSConfig>, dnsConfig),
      (std::vector<PodReadinessGate>, readinessGates),
      (std::optional<std::string>, runtimeClassName),
      (std::optional<bool>, enableServiceLinks),
      (std::optional<std::string>, preemptionPolicy),
      (Map<Quantity>, overhead),
      (std::vector<TopologySpreadConstraint>, topologySpreadConstraints),
      (std::optional<bool>, setHostnameAsFQDN),
      (std::optional<PodOS>, os),
      (std::optional<bool>, hostUsers),
      (std::vector<PodSchedulingGate>, schedulingGates),
      (std::vector<PodResourceClaim>, resourceClaims),
      (std::optional<ResourceRequirements>, resources));
  static constexpr std::string_view kAlwaysEmit[] = {"containers"};
};

// ---- Pod status ------------------------------------------------------------------------------

struct PodCondition {
  KREF_API_STRUCT(PodCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastProbeTime),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct ContainerStateWaiting {
  KREF_API_STRUCT(ContainerStateWaiting,
      (std::string, reason),
      (std::string, message));
};

struct ContainerStateRunning {
  KREF_API_STRUCT(ContainerStateRunning,
      (Time, startedAt));
};

struct ContainerStateTerminated {
  KREF_API_STRUCT(ContainerStateTerminated,
      (int32_t, exitCode),
      (int32_t, signal),
      (std::string, reason),
      (std::string, message),
      (Time, startedAt),
      (Time, finishedAt),
      (std::string, containerID));
  static constexpr std::string_view kAlwaysEmit[] = {"exitCode"};
};

struct ContainerState {
  KREF_API_STRUCT(ContainerState,
      (std::optional<ContainerStateWaiting>, waiting),
      (std::optional<ContainerStateRunning>, running),
      (std::optional<ContainerStateTerminated>, terminated));
};

struct VolumeMountStatus {
  KREF_API_STRUCT(VolumeMountStatus,
      (std::string, name),
      (std::string, mountPath),
      (bool, readOnly),
      (std::optional<std::string>, recursiveReadOnly));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "mountPath"};
};

struct LinuxContainerUser {
  KREF_API_STRUCT(LinuxContainerUser,
      (int64_t, uid),
      (int64_t, gid),
      (std::vector<int64_t>, supplementalGroups));
  static constexpr std::string_view kAlwaysEmit[] = {"uid", "gid"};
};

// The member `linux` would collide with GNU mode's predefined macro; kref builds with
// CMAKE_CXX_EXTENSIONS OFF (-std=c++20), where it is not defined.
struct ContainerUser {
  KREF_API_STRUCT(ContainerUser,
      (std::optional<LinuxContainerUser>, linux));
};

struct ResourceHealth {
  KREF_API_STRUCT(ResourceHealth,
      (std::string, resourceID),
      (std::string, health));
  static constexpr std::string_view kAlwaysEmit[] = {"resourceID"};
};

struct ResourceStatus {
  KREF_API_STRUCT(ResourceStatus,
      (std::string, name),
      (std::vector<ResourceHealth>, resources));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct ContainerStatus {
  KREF_API_STRUCT(ContainerStatus,
      (std::string, name),
      (ContainerState, state),
      (ContainerState, lastState),
      (bool, ready),
      (int32_t, restartCount),
      (std::string, image),
      (std::string, imageID),
      (std::string, containerID),
      (std::optional<bool>, started),
      (Map<Quantity>, allocatedResources),
      (std::optional<ResourceRequirements>, resources),
      (std::vector<VolumeMountStatus>, volumeMounts),
      (std::optional<ContainerUser>, user),
      (std::vector<ResourceStatus>, allocatedResourcesStatus));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "ready", "restartCount", "image",
                                                     "imageID"};
};

struct HostIP {
  KREF_API_STRUCT(HostIP,
      (std::string, ip));
  static constexpr std::string_view kAlwaysEmit[] = {"ip"};
};

struct PodIP {
  KREF_API_STRUCT(PodIP,
      (std::string, ip));
  static constexpr std::string_view kAlwaysEmit[] = {"ip"};
};

struct PodResourceClaimStatus {
  KREF_API_STRUCT(PodResourceClaimStatus,
      (std::string, name),
      (std::optional<std::string>, resourceClaimName));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct PodStatus {
  KREF_API_STRUCT(PodStatus,
      (std::string, phase),
      (std::vector<PodCondition>, conditions),
      (std::string, message),
      (std::string, reason),
      (std::string, nominatedNodeName),
      (std::string, hostIP),
      (std::vector<HostIP>, hostIPs),
      (std::string, podIP),
      (std::vector<PodIP>, podIPs),
      (std::optional<Time>, startTime),
      (std::vector<ContainerStatus>, initContainerStatuses),
      (std::vector<ContainerStatus>, containerStatuses),
      (std::string, qosClass),
      (std::vector<ContainerStatus>, ephemeralContainerStatuses),
      (std::string, resize),
      (std::vector<PodResourceClaimStatus>, resourceClaimStatuses));
};

// ---- Kinds -----------------------------------------------------------------------------------

struct Pod {
  KREF_API_STRUCT(Pod,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (PodSpec, spec),
      (PodStatus, status));
};

using PodList = meta::List<Pod>;

struct PodTemplateSpec {
  KREF_API_STRUCT(PodTemplateSpec,
      (meta::ObjectMeta, metadata),
      (PodSpec, spec));
};

struct PodTemplate {
  KREF_API_STRUCT(PodTemplate,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (PodTemplateSpec, template_));
};

using PodTemplateList = meta::List<PodTemplate>;

// Binding ties a pod to a node (POST pods/binding); deprecated as a top-level kind upstream.
struct Binding {
  KREF_API_STRUCT(Binding,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (ObjectReference, target));
  static constexpr std::string_view kAlwaysEmit[] = {"target"};
};

}  // namespace kref::api::core
// clang-format on

KREF_API_SEPARATE_CODEC(kref::api::core::PodSpec);
KREF_API_SEPARATE_CODEC(kref::api::core::PodTemplateSpec);
