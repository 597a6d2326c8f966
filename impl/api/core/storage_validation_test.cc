// Tests for PersistentVolumes and PersistentVolumeClaims: defaults, create preparation, and one
// test per validation rule with upstream's exact message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::core {
namespace {

using ::kref::testing::Errors;
using ::kref::testing::ErrorStrings;
using ::kref::testing::kDNS1123LabelMsg;
using ::kref::testing::kDNS1123SubdomainMsg;
using ::kref::testing::Meta;
using ::kref::testing::Q;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// ---- PersistentVolume -----------------------------------------------------------------------

PersistentVolume ValidPV() {
  PersistentVolume pv;
  pv.metadata = Meta("pv-1", "");
  pv.spec.capacity = {{"storage", Q("10Gi")}};
  pv.spec.accessModes = {"ReadWriteOnce"};
  pv.spec.hostPath = HostPathVolumeSource{.path = "/mnt/data"};
  PrepareForCreate(pv);
  SetDefaults(pv);
  return pv;
}

TEST(CoreDefaultsTest, PersistentVolumeDefaults) {
  PersistentVolume pv = ValidPV();
  EXPECT_EQ(pv.spec.persistentVolumeReclaimPolicy, "Retain");
  EXPECT_EQ(pv.spec.volumeMode, "Filesystem");
  EXPECT_EQ(pv.spec.hostPath->type, "");
  EXPECT_EQ(pv.status.phase, "Pending");
}

TEST(CoreDefaultsTest, PersistentVolumeSourceDefaults) {
  PersistentVolume pv;
  pv.spec.rbd = RBDPersistentVolumeSource{};
  pv.spec.iscsi = ISCSIPersistentVolumeSource{};
  pv.spec.azureDisk = AzureDiskVolumeSource{};
  pv.spec.scaleIO = ScaleIOPersistentVolumeSource{};
  SetDefaults(pv);
  EXPECT_EQ(pv.spec.rbd->pool, "rbd");
  EXPECT_EQ(pv.spec.rbd->user, "admin");
  EXPECT_EQ(pv.spec.rbd->keyring, "/etc/ceph/keyring");
  EXPECT_EQ(pv.spec.iscsi->iscsiInterface, "default");
  EXPECT_EQ(pv.spec.azureDisk->cachingMode, "ReadWrite");
  EXPECT_EQ(pv.spec.azureDisk->fsType, "ext4");
  EXPECT_EQ(pv.spec.azureDisk->readOnly, false);
  EXPECT_EQ(pv.spec.azureDisk->kind, "Shared");
  EXPECT_EQ(pv.spec.scaleIO->storageMode, "ThinProvisioned");
  EXPECT_EQ(pv.spec.scaleIO->fsType, "xfs");
}

TEST(CoreDefaultsTest, PersistentVolumePrepareResetsStatus) {
  PersistentVolume pv;
  pv.metadata.creationTimestamp = *Time::Parse("2024-11-05T10:00:00Z");
  pv.status.phase = "Bound";
  pv.status.message = "bound";
  PrepareForCreate(pv);
  EXPECT_EQ(pv.status.phase, "Pending");
  EXPECT_EQ(pv.status.message, "");
  EXPECT_EQ(pv.status.lastPhaseTransitionTime, pv.metadata.creationTimestamp);
}

TEST(CoreValidationTest, PersistentVolumeValid) { EXPECT_THAT(Errors(ValidPV()), IsEmpty()); }

TEST(CoreValidationTest, PersistentVolumeCapacityRequired) {
  PersistentVolume pv = ValidPV();
  pv.spec.capacity.clear();
  EXPECT_THAT(Errors(pv), ElementsAre("spec.capacity: Required value",
                                      "spec.capacity: Unsupported value: core.ResourceList(nil): "
                                      "supported values: \"storage\""));
}

TEST(CoreValidationTest, PersistentVolumeCapacityOnlyStorage) {
  PersistentVolume pv = ValidPV();
  pv.spec.capacity["cpu"] = Q("2");
  EXPECT_THAT(
      Errors(pv),
      ElementsAre("spec.capacity: Unsupported value: core.ResourceList{\"cpu\":resource.Quantity{"
                  "i:resource.int64Amount{value:2, scale:0}, d:resource.infDecAmount{Dec:(*inf."
                  "Dec)(nil)}, s:\"2\", Format:\"DecimalSI\"}, \"storage\":resource.Quantity{i:"
                  "resource.int64Amount{value:10737418240, scale:0}, d:resource.infDecAmount{Dec:"
                  "(*inf.Dec)(nil)}, s:\"10Gi\", Format:\"BinarySI\"}}: supported values: "
                  "\"storage\""));
}

TEST(CoreValidationTest, PersistentVolumeCapacityRendersQuantityForms) {
  PersistentVolume pv = ValidPV();
  pv.spec.capacity = {{"a", Q("1e3")}, {"b", Q("500m")}, {"c", Q("8Gi")}};
  EXPECT_THAT(
      Errors(pv),
      ElementsAre("spec.capacity: Unsupported value: core.ResourceList{\"a\":resource.Quantity{"
                  "i:resource.int64Amount{value:1, scale:3}, d:resource.infDecAmount{Dec:(*inf."
                  "Dec)(nil)}, s:\"1e3\", Format:\"DecimalExponent\"}, \"b\":resource.Quantity{"
                  "i:resource.int64Amount{value:500, scale:-3}, d:resource.infDecAmount{Dec:(*inf."
                  "Dec)(nil)}, s:\"500m\", Format:\"DecimalSI\"}, \"c\":resource.Quantity{i:"
                  "resource.int64Amount{value:8589934592, scale:0}, d:resource.infDecAmount{Dec:"
                  "(*inf.Dec)(nil)}, s:\"\", Format:\"BinarySI\"}}: supported values: "
                  "\"storage\""));
}

TEST(CoreValidationTest, PersistentVolumeCapacityPositive) {
  PersistentVolume pv = ValidPV();
  pv.spec.capacity["storage"] = Q("0");
  EXPECT_THAT(Errors(pv), ElementsAre("spec.capacity[storage]: Invalid value: \"0\": must be "
                                      "greater than zero"));
}

TEST(CoreValidationTest, PersistentVolumeAccessModesRequired) {
  PersistentVolume pv = ValidPV();
  pv.spec.accessModes.clear();
  EXPECT_THAT(Errors(pv), ElementsAre("spec.accessModes: Required value"));
}

TEST(CoreValidationTest, PersistentVolumeAccessModesSupported) {
  PersistentVolume pv = ValidPV();
  pv.spec.accessModes = {"ReadWriteAll"};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.accessModes: Unsupported value: \"ReadWriteAll\": "
                                      "supported values: \"ReadOnlyMany\", \"ReadWriteMany\", "
                                      "\"ReadWriteOnce\", \"ReadWriteOncePod\""));
}

TEST(CoreValidationTest, PersistentVolumeReadWriteOncePodAlone) {
  PersistentVolume pv = ValidPV();
  pv.spec.accessModes = {"ReadWriteOnce", "ReadWriteOncePod"};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.accessModes: Forbidden: may not use ReadWriteOncePod "
                                      "with other access modes"));
}

TEST(CoreValidationTest, PersistentVolumeReclaimPolicySupported) {
  PersistentVolume pv = ValidPV();
  pv.spec.persistentVolumeReclaimPolicy = "Keep";
  EXPECT_THAT(Errors(pv), ElementsAre("spec.persistentVolumeReclaimPolicy: Unsupported value: "
                                      "\"Keep\": supported values: \"Delete\", \"Recycle\", "
                                      "\"Retain\""));
}

TEST(CoreValidationTest, PersistentVolumeModeSupported) {
  PersistentVolume pv = ValidPV();
  pv.spec.volumeMode = "Raw";
  EXPECT_THAT(Errors(pv), ElementsAre("spec.volumeMode: Unsupported value: \"Raw\": supported "
                                      "values: \"Block\", \"Filesystem\""));
}

TEST(CoreValidationTest, PersistentVolumeSourceRequired) {
  PersistentVolume pv = ValidPV();
  pv.spec.hostPath.reset();
  EXPECT_THAT(Errors(pv), ElementsAre("spec: Required value: must specify a volume type"));
}

TEST(CoreValidationTest, PersistentVolumeOneSource) {
  PersistentVolume pv = ValidPV();
  pv.spec.nfs = NFSVolumeSource{.server = "nfs.example.com", .path = "/exports"};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.nfs: Forbidden: may not specify more than 1 volume "
                                      "type"));
}

TEST(CoreValidationTest, PersistentVolumeHostPathRules) {
  PersistentVolume pv = ValidPV();
  pv.spec.hostPath = HostPathVolumeSource{.path = "/mnt/../etc", .type = "Dir"};
  EXPECT_THAT(Errors(pv),
              ElementsAre("spec.hostPath.path: Invalid value: \"/mnt/../etc\": must not contain "
                          "'..'",
                          "spec.hostPath.type: Unsupported value: \"Dir\": supported values: \"\", "
                          "\"BlockDevice\", \"CharDevice\", \"Directory\", "
                          "\"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\""));
  pv.spec.hostPath = HostPathVolumeSource{};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.hostPath.path: Required value"));
}

TEST(CoreValidationTest, PersistentVolumeNoRecycleOfRoot) {
  PersistentVolume pv = ValidPV();
  pv.spec.hostPath->path = "/";
  pv.spec.persistentVolumeReclaimPolicy = "Recycle";
  EXPECT_THAT(Errors(pv), ElementsAre("spec.persistentVolumeReclaimPolicy: Forbidden: may not be "
                                      "'recycle' for a hostPath mount of '/'"));
}

TEST(CoreValidationTest, PersistentVolumeNFSPathAbsolute) {
  PersistentVolume pv = ValidPV();
  pv.spec.hostPath.reset();
  pv.spec.nfs = NFSVolumeSource{.server = "nfs.example.com", .path = "exports"};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.nfs.path: Invalid value: \"exports\": must be an "
                                      "absolute path"));
}

TEST(CoreValidationTest, PersistentVolumeLocalNeedsNodeAffinity) {
  PersistentVolume pv = ValidPV();
  pv.spec.hostPath.reset();
  pv.spec.local = LocalVolumeSource{.path = "/mnt/disks/ssd1"};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.nodeAffinity: Required value: Local volume requires "
                                      "node affinity"));
}

TEST(CoreValidationTest, PersistentVolumeCSIDriverAndHandle) {
  PersistentVolume pv = ValidPV();
  pv.spec.hostPath.reset();
  pv.spec.csi = CSIPersistentVolumeSource{};
  pv.spec.csi->nodePublishSecretRef = SecretReference{.name = "creds"};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.csi.driver: Required value",
                                      "spec.csi.driver: Invalid value: \"\": " +
                                          std::string(kDNS1123SubdomainMsg),
                                      "spec.csi.volumeHandle: Required value",
                                      "spec.csi.nodePublishSecretRef.namespace: Required value"));
}

TEST(CoreValidationTest, PersistentVolumeNodeAffinityRules) {
  PersistentVolume pv = ValidPV();
  pv.spec.nodeAffinity = VolumeNodeAffinity{};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.nodeAffinity.required: Required value: must specify "
                                      "required node constraints"));
  pv.spec.nodeAffinity->required = NodeSelector{};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.nodeAffinity.required.nodeSelectorTerms: Required "
                                      "value: must have at least one node selector term"));
  pv.spec.nodeAffinity->required->nodeSelectorTerms = {
      {.matchExpressions = {{.key = "zone", .operator_ = "Near", .values = {"a"}}},
       .matchFields = {{.key = "metadata.uid", .operator_ = "In", .values = {"x"}}}}};
  EXPECT_THAT(Errors(pv),
              ElementsAre("spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0]."
                          "operator: Invalid value: \"Near\": not a valid selector operator",
                          "spec.nodeAffinity.required.nodeSelectorTerms[0].matchFields[0].key: "
                          "Invalid value: \"metadata.uid\": not a valid field selector key"));
}

TEST(CoreValidationTest, PersistentVolumeStorageClassName) {
  PersistentVolume pv = ValidPV();
  pv.spec.storageClassName = "Fast_SSD";
  EXPECT_THAT(Errors(pv), ElementsAre("spec.storageClassName: Invalid value: \"Fast_SSD\": " +
                                      std::string(kDNS1123SubdomainMsg)));
}

PersistentVolume SourcelessPV() {
  PersistentVolume pv = ValidPV();
  pv.spec.hostPath.reset();
  return pv;
}

TEST(CoreValidationTest, PersistentVolumeISCSIRules) {
  PersistentVolume pv = SourcelessPV();
  pv.spec.iscsi = ISCSIPersistentVolumeSource{.targetPortal = "10.0.0.5:3260",
                                              .iqn = "iqn.2024.example:disk",
                                              .lun = 300,
                                              .chapAuthSession = true,
                                              .initiatorName = "eui.123"};
  SetDefaults(pv);
  EXPECT_THAT(
      Errors(pv),
      ElementsAre("spec.iscsi.iqn: Invalid value: \"iqn.2024.example:disk\": must be valid "
                  "format",
                  "spec.iscsi.lun: Invalid value: 300: must be between 0 and 255, inclusive",
                  "spec.iscsi.secretRef: Required value",
                  "spec.iscsi.initiatorname: Invalid value: \"eui.123\": must be valid "
                  "format"));
  pv.spec.iscsi->iqn = "iqn.2024-01.com.example:storage.disk1";
  pv.spec.iscsi->lun = 1;
  pv.spec.iscsi->secretRef = SecretReference{.name = "chap"};
  pv.spec.iscsi->initiatorName = "iqn.2024-01.com.example:node1";
  EXPECT_THAT(Errors(pv), IsEmpty());
}

TEST(CoreValidationTest, PersistentVolumeFCRules) {
  PersistentVolume pv = SourcelessPV();
  pv.spec.fc = FCVolumeSource{};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.fc.targetWWNs: Required value: must specify either "
                                      "targetWWNs or wwids, but not both"));
  pv.spec.fc->targetWWNs = {"500a0982891b8dc5"};
  pv.spec.fc->wwids = {"3600508b400105e210000900000490000"};
  EXPECT_THAT(Errors(pv),
              ElementsAre("spec.fc.targetWWNs: Invalid value: []string{\"500a0982891b8dc5\"}: "
                          "targetWWNs and wwids can not be specified simultaneously",
                          "spec.fc.lun: Required value: lun is required if targetWWNs is "
                          "specified"));
}

TEST(CoreValidationTest, PersistentVolumeFlexOptionsNotReserved) {
  PersistentVolume pv = SourcelessPV();
  pv.spec.flexVolume = FlexPersistentVolumeSource{
      .options = {{"kubernetes.io/secret", "x"}, {"example.com/opt", "y"}}};
  EXPECT_THAT(Errors(pv),
              ElementsAre("spec.flexVolume.driver: Required value",
                          "spec.flexVolume.options[kubernetes.io/secret]: Invalid value: "
                          "\"kubernetes.io/secret\": kubernetes.io and k8s.io namespaces are "
                          "reserved"));
}

TEST(CoreValidationTest, PersistentVolumeCephRBDGlusterRules) {
  PersistentVolume pv = SourcelessPV();
  pv.spec.rbd = RBDPersistentVolumeSource{};
  EXPECT_THAT(Errors(pv),
              ElementsAre("spec.rbd.monitors: Required value", "spec.rbd.image: Required value"));
  pv.spec.rbd.reset();
  pv.spec.cephfs = CephFSPersistentVolumeSource{};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.cephfs.monitors: Required value"));
  pv.spec.cephfs.reset();
  pv.spec.glusterfs = GlusterfsPersistentVolumeSource{
      .endpoints = "gluster", .path = "vol", .endpointsNamespace = ""};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.glusterfs.endpointsNamespace: Invalid value: \"\": if "
                                      "the endpointnamespace is set, it must be a valid namespace "
                                      "name"));
}

TEST(CoreValidationTest, PersistentVolumeRetiredSourcesCountAsOne) {
  PersistentVolume pv = SourcelessPV();
  pv.spec.gcePersistentDisk = GCEPersistentDiskVolumeSource{.pdName = "disk"};
  pv.spec.awsElasticBlockStore = AWSElasticBlockStoreVolumeSource{.volumeID = "vol"};
  EXPECT_THAT(Errors(pv), ElementsAre("spec.awsElasticBlockStore: Forbidden: may not specify more "
                                      "than 1 volume type"));
}

TEST(CoreValidationTest, PersistentVolumeMountOptionsAnnotation) {
  PersistentVolume pv = ValidPV();
  pv.metadata.annotations["volume.beta.kubernetes.io/mount-options"] = "ro,soft";
  EXPECT_THAT(Errors(pv), ElementsAre("metadata.annotations.volume.beta.kubernetes.io/"
                                      "mount-options: Forbidden: may not specify mount options "
                                      "for this volume type"));
  pv.spec.hostPath.reset();
  pv.spec.nfs = NFSVolumeSource{.server = "nfs.example.com", .path = "/exports"};
  EXPECT_THAT(Errors(pv), IsEmpty());
}

// ---- PersistentVolumeClaim ------------------------------------------------------------------

PersistentVolumeClaim ValidPVC() {
  PersistentVolumeClaim pvc;
  pvc.metadata = Meta("data");
  pvc.spec.accessModes = {"ReadWriteOnce"};
  pvc.spec.resources.requests = {{"storage", Q("1Gi")}};
  PrepareForCreate(pvc);
  SetDefaults(pvc);
  return pvc;
}

TEST(CoreDefaultsTest, PersistentVolumeClaimDefaults) {
  PersistentVolumeClaim pvc = ValidPVC();
  EXPECT_EQ(pvc.spec.volumeMode, "Filesystem");
  EXPECT_EQ(pvc.status.phase, "Pending");
}

TEST(CoreDefaultsTest, PersistentVolumeClaimPrepareNormalizesDataSources) {
  PersistentVolumeClaim pvc;
  pvc.spec.dataSource = TypedLocalObjectReference{.kind = "PersistentVolumeClaim", .name = "src"};
  pvc.status.phase = "Bound";
  PrepareForCreate(pvc);
  ASSERT_TRUE(pvc.spec.dataSourceRef);
  EXPECT_EQ(pvc.spec.dataSourceRef->name, "src");
  EXPECT_EQ(pvc.status.phase, "");
  PersistentVolumeClaim other;
  other.spec.dataSourceRef = TypedObjectReference{
      .apiGroup = "snapshot.storage.k8s.io", .kind = "VolumeSnapshot", .name = "snap"};
  PrepareForCreate(other);
  ASSERT_TRUE(other.spec.dataSource);
  EXPECT_EQ(other.spec.dataSource->apiGroup, "snapshot.storage.k8s.io");
}

TEST(CoreValidationTest, PersistentVolumeClaimValid) { EXPECT_THAT(Errors(ValidPVC()), IsEmpty()); }

TEST(CoreValidationTest, PersistentVolumeClaimAccessModesRequired) {
  PersistentVolumeClaim pvc = ValidPVC();
  pvc.spec.accessModes.clear();
  EXPECT_THAT(Errors(pvc), ElementsAre("spec.accessModes: Required value: at least 1 access mode "
                                       "is required"));
}

TEST(CoreValidationTest, PersistentVolumeClaimStorageRequired) {
  PersistentVolumeClaim pvc = ValidPVC();
  pvc.spec.resources.requests.clear();
  EXPECT_THAT(Errors(pvc), ElementsAre("spec.resources[storage]: Required value"));
}

TEST(CoreValidationTest, PersistentVolumeClaimStoragePositive) {
  PersistentVolumeClaim pvc = ValidPVC();
  pvc.spec.resources.requests["storage"] = Q("0");
  EXPECT_THAT(Errors(pvc), ElementsAre("spec.resources[storage]: Invalid value: \"0\": must be "
                                       "greater than zero"));
}

TEST(CoreValidationTest, PersistentVolumeClaimModeSupported) {
  PersistentVolumeClaim pvc = ValidPVC();
  pvc.spec.volumeMode = "Raw";
  EXPECT_THAT(Errors(pvc), ElementsAre("spec.volumeMode: Unsupported value: \"Raw\": supported "
                                       "values: \"Block\", \"Filesystem\""));
}

TEST(CoreValidationTest, PersistentVolumeClaimSelector) {
  PersistentVolumeClaim pvc = ValidPVC();
  pvc.spec.selector = meta::LabelSelector{};
  pvc.spec.selector->matchExpressions = {{.key = "tier", .operator_ = "In"}};
  EXPECT_THAT(Errors(pvc), ElementsAre("spec.selector.matchExpressions[0].values: Required value: "
                                       "must be specified when `operator` is 'In' or 'NotIn'"));
}

TEST(CoreValidationTest, PersistentVolumeClaimDataSourceKind) {
  PersistentVolumeClaim pvc = ValidPVC();
  pvc.spec.dataSource = TypedLocalObjectReference{.kind = "VolumeSnapshot", .name = "snap"};
  pvc.spec.dataSourceRef.reset();
  EXPECT_THAT(Errors(pvc),
              ElementsAre("spec.dataSource: Invalid value: \"VolumeSnapshot\": must be "
                          "'PersistentVolumeClaim' when referencing the default "
                          "apiGroup"));
}

TEST(CoreValidationTest, PersistentVolumeClaimDataSourceMatchesRef) {
  PersistentVolumeClaim pvc = ValidPVC();
  pvc.spec.dataSource = TypedLocalObjectReference{.kind = "PersistentVolumeClaim", .name = "a"};
  pvc.spec.dataSourceRef = TypedObjectReference{.kind = "PersistentVolumeClaim", .name = "b"};
  EXPECT_THAT(Errors(pvc), ElementsAre("spec: Invalid value: field.Path{name:\"dataSource\", "
                                       "index:\"\", parent:(*field.Path)(0xc000000000)}: must "
                                       "match dataSourceRef"));
}

TEST(CoreValidationTest, PersistentVolumeClaimDataSourceRefNamespace) {
  PersistentVolumeClaim pvc = ValidPVC();
  pvc.spec.dataSource = TypedLocalObjectReference{.kind = "PersistentVolumeClaim", .name = "a"};
  pvc.spec.dataSourceRef = TypedObjectReference{
      .apiGroup = "Snapshot_Group", .kind = "VolumeSnapshot", .name = "b", .namespace_ = "Other"};
  EXPECT_THAT(Errors(pvc),
              ElementsAre("spec.dataSourceRef.apiGroup: Invalid value: \"Snapshot_Group\": " +
                              std::string(kDNS1123SubdomainMsg),
                          "spec.dataSourceRef.namespace: Invalid value: \"Other\": " +
                              std::string(kDNS1123LabelMsg),
                          "spec: Invalid value: field.Path{name:\"dataSource\", index:\"\", "
                          "parent:(*field.Path)(0xc000000000)}: may not be specified when "
                          "dataSourceRef.namespace is specified"));
}

TEST(CoreValidationTest, PersistentVolumeClaimStorageClassName) {
  PersistentVolumeClaim pvc = ValidPVC();
  pvc.spec.storageClassName = "Fast_SSD";
  EXPECT_THAT(Errors(pvc), ElementsAre("spec.storageClassName: Invalid value: \"Fast_SSD\": " +
                                       std::string(kDNS1123SubdomainMsg)));
}

TEST(CoreValidationTest, ClaimSpecValidatedAtGivenPath) {
  PersistentVolumeClaimSpec spec;
  spec.accessModes = {"ReadWriteOnce"};
  EXPECT_THAT(ErrorStrings(ValidatePersistentVolumeClaimSpec(
                  spec, validation::Path("spec").Child("volumeClaimTemplate").Child("spec"))),
              ElementsAre("spec.volumeClaimTemplate.spec.resources[storage]: Required value"));
}

}  // namespace
}  // namespace kref::api::core
