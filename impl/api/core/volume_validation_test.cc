// Tests for pod volumes: names, exactly one source, and each source's rules, with upstream's
// exact messages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::core {
namespace {

using ::kref::testing::DefaultedPodErrors;
using ::kref::testing::EmptyDirVolume;
using ::kref::testing::PodErrors;
using ::kref::testing::Q;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(PodValidationTest, VolumeNames) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.volumes.push_back(EmptyDirVolume("")); }),
              ElementsAre("spec.volumes[0].name: Required value"));
  EXPECT_THAT(
      PodErrors([](Pod& p) { p.spec.volumes.push_back(EmptyDirVolume("data.x")); }),
      ElementsAre("spec.volumes[0].name: Invalid value: \"data.x\": must not contain dots"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.volumes.push_back(EmptyDirVolume("data"));
                p.spec.volumes.push_back(EmptyDirVolume("data"));
              }),
              ElementsAre("spec.volumes[1].name: Duplicate value: \"data\""));
}

TEST(PodValidationTest, VolumeHasExactlyOneSource) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume volume = EmptyDirVolume("data");
                volume.hostPath.emplace().path = "/data";
                p.spec.volumes.push_back(volume);
              }),
              ElementsAre("spec.volumes[0].hostPath: Forbidden: may not specify more than 1 "
                          "volume type"));
  EXPECT_THAT(DefaultedPodErrors([](Pod& p) {
                Volume volume;
                volume.name = "data";
                p.spec.volumes.push_back(volume);
              }),
              ElementsAre("spec.volumes[0]: Required value: must specify a volume type"));
}

TEST(PodValidationTest, HostPathVolume) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume& volume = p.spec.volumes.emplace_back();
                volume.name = "host";
                volume.hostPath.emplace();
              }),
              ElementsAre("spec.volumes[0].hostPath.path: Required value"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume& volume = p.spec.volumes.emplace_back();
                volume.name = "host";
                volume.hostPath.emplace().path = "/var/log";
                volume.hostPath->type = "Dir";
              }),
              ElementsAre("spec.volumes[0].hostPath.type: Unsupported value: \"Dir\": supported "
                          "values: \"\", \"BlockDevice\", \"CharDevice\", \"Directory\", "
                          "\"DirectoryOrCreate\", \"File\", \"FileOrCreate\", \"Socket\""));
}

TEST(PodValidationTest, SecretAndConfigMapVolumes) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume& volume = p.spec.volumes.emplace_back();
                volume.name = "creds";
                volume.secret.emplace();
              }),
              ElementsAre("spec.volumes[0].secret.secretName: Required value"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume& volume = p.spec.volumes.emplace_back();
                volume.name = "config";
                volume.configMap.emplace().name = "cm";
                KeyToPath& item = volume.configMap->items.emplace_back();
                item.key = "k";
                item.path = "/etc/x";
              }),
              ElementsAre("spec.volumes[0].configMap.items[0].path: Invalid value: \"/etc/x\": "
                          "must be a relative path"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume& volume = p.spec.volumes.emplace_back();
                volume.name = "config";
                volume.configMap.emplace().name = "cm";
                volume.configMap->defaultMode = 01000;
              }),
              ElementsAre("spec.volumes[0].configMap.defaultMode: Invalid value: 512: must be a "
                          "number between 0 and 0777 (octal), both inclusive"));
}

TEST(PodValidationTest, ClaimAndEmptyDirVolumes) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume& volume = p.spec.volumes.emplace_back();
                volume.name = "data";
                volume.persistentVolumeClaim.emplace();
              }),
              ElementsAre("spec.volumes[0].persistentVolumeClaim.claimName: Required value"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume volume = EmptyDirVolume("scratch");
                volume.emptyDir->sizeLimit = Q("-1Gi");
                p.spec.volumes.push_back(volume);
              }),
              ElementsAre("spec.volumes[0].emptyDir.sizeLimit: Forbidden: SizeLimit field must be "
                          "a valid resource quantity"));
}

TEST(PodValidationTest, ProjectedVolumes) {
  auto projected = [](Pod& p) -> ProjectedVolumeSource& {
    Volume& volume = p.spec.volumes.emplace_back();
    volume.name = "bundle";
    return volume.projected.emplace();
  };
  EXPECT_THAT(PodErrors([&](Pod& p) {
                projected(p).sources.emplace_back().serviceAccountToken.emplace().path = "token";
              }),
              ElementsAre("spec.volumes[0].projected.sources[0].serviceAccountToken: Forbidden: "
                          "must not be specified when serviceAccountName is not set"));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                p.spec.serviceAccountName = "web";
                ServiceAccountTokenProjection& token =
                    projected(p).sources.emplace_back().serviceAccountToken.emplace();
                token.path = "token";
                token.expirationSeconds = 60;
              }),
              ElementsAre("spec.volumes[0].projected.sources[0].serviceAccountToken."
                          "expirationSeconds: Invalid value: 60: may not specify a duration less "
                          "than 10 minutes"));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                ProjectedVolumeSource& source = projected(p);
                for (const char* name : {"a", "b"}) {
                  SecretProjection& secret = source.sources.emplace_back().secret.emplace();
                  secret.name = name;
                  KeyToPath& item = secret.items.emplace_back();
                  item.key = "k";
                  item.path = "token";
                }
              }),
              ElementsAre("spec.volumes[0].projected: Invalid value: \"b\": conflicting duplicate "
                          "paths"));
}

TEST(PodValidationTest, DownwardAPIVolumeItems) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume& volume = p.spec.volumes.emplace_back();
                volume.name = "podinfo";
                volume.downwardAPI.emplace().items.emplace_back().path = "labels";
              }),
              ElementsAre("spec.volumes[0].downwardAPI: Required value: one of fieldRef and "
                          "resourceFieldRef is required"));
}

TEST(PodValidationTest, EphemeralVolumes) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume& volume = p.spec.volumes.emplace_back();
                volume.name = "scratch";
                volume.ephemeral.emplace();
              }),
              ElementsAre("spec.volumes[0].ephemeral.volumeClaimTemplate: Required value"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume& volume = p.spec.volumes.emplace_back();
                volume.name = "scratch";
                PersistentVolumeClaimTemplate& claim =
                    volume.ephemeral.emplace().volumeClaimTemplate.emplace();
                claim.metadata.name = "fixed";
                claim.spec.accessModes = {"ReadWriteOnce"};
                claim.spec.resources.requests["storage"] = Q("1Gi");
              }),
              ElementsAre("spec.volumes[0].ephemeral.volumeClaimTemplate.metadata.name: "
                          "Forbidden: cannot be set"));
}

TEST(PodValidationTest, InTreePluginVolumes) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume& volume = p.spec.volumes.emplace_back();
                volume.name = "disk";
                volume.gcePersistentDisk.emplace();
              }),
              ElementsAre("spec.volumes[0].persistentDisk.pdName: Required value"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Volume& volume = p.spec.volumes.emplace_back();
                volume.name = "share";
                volume.nfs.emplace().server = "nfs.local";
                volume.nfs->path = "exports";
              }),
              ElementsAre("spec.volumes[0].nfs.path: Invalid value: \"exports\": must be an "
                          "absolute path"));
}

TEST(PodValidationTest, IscsiVolumeNames) {
  auto iscsi_errors = [](std::string iqn, std::optional<std::string> initiator) {
    return PodErrors([&](Pod& p) {
      Volume& volume = p.spec.volumes.emplace_back();
      volume.name = "disk";
      volume.iscsi.emplace();
      volume.iscsi->targetPortal = "10.0.0.5:3260";
      volume.iscsi->iqn = iqn;
      volume.iscsi->initiatorName = initiator;
    });
  };
  EXPECT_THAT(iscsi_errors("iqn.2015-02.example.com:storage.disk1", std::nullopt), IsEmpty());
  EXPECT_THAT(iscsi_errors("eui.0123456789ABCDEF", "iqn.2015-02.example.com:node1"), IsEmpty());
  EXPECT_THAT(iscsi_errors("iqn.2024.example:disk", std::nullopt),
              ElementsAre("spec.volumes[0].iscsi.iqn: Invalid value: \"iqn.2024.example:disk\": "
                          "must be valid format"));
  EXPECT_THAT(iscsi_errors("disk1", "naa.123"),
              ElementsAre("spec.volumes[0].iscsi.iqn: Invalid value: \"disk1\": must be valid "
                          "format starting with iqn, eui, or naa",
                          "spec.volumes[0].iscsi.initiatorname: Invalid value: \"naa.123\": must "
                          "be valid format"));
}

}  // namespace
}  // namespace kref::api::core
