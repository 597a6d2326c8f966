// core/v1 volumes: Volume and every volume source, projections, and the claim spec and template
// an ephemeral volume carries. Conventions: impl/api/reflect.h.
#pragma once

#include "impl/api/core/references.h"
#include "impl/api/meta/types.h"
#include "impl/api/quantity.h"
#include "impl/api/reflect.h"

// clang-format off
namespace kref::api::core {

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

}  // namespace kref::api::core
// clang-format on
