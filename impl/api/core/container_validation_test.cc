// Tests for container rules: ports, environment, resources, volume mounts and devices, probes,
// lifecycle hooks and security contexts, each with upstream's exact message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::core {
namespace {

using ::kref::testing::DefaultedPodErrors;
using ::kref::testing::EmptyDirVolume;
using ::kref::testing::ExecProbe;
using ::kref::testing::kDNS1123LabelMsg;
using ::kref::testing::PodErrors;
using ::kref::testing::Q;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// ---- Containers -----------------------------------------------------------------------------

TEST(PodValidationTest, ContainerNameRequired) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].name.clear(); }),
              ElementsAre("spec.containers[0].name: Required value"));
}

TEST(PodValidationTest, ContainerNameIsDNSLabel) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].name = "App"; }),
              ElementsAre(std::string("spec.containers[0].name: Invalid value: \"App\": ") +
                          kDNS1123LabelMsg));
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].name = "app.v1"; }),
              ElementsAre("spec.containers[0].name: Invalid value: \"app.v1\": must not contain "
                          "dots"));
}

TEST(PodValidationTest, ImageRequired) {
  EXPECT_THAT(DefaultedPodErrors([](Pod& p) { p.spec.containers[0].image.clear(); }),
              ElementsAre("spec.containers[0].image: Required value"));
}

TEST(PodValidationTest, PodImageWithoutSurroundingWhitespace) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].image = " nginx"; }),
              ElementsAre("spec.containers[0].image: Invalid value: \" nginx\": must not have "
                          "leading or trailing whitespace"));
}

TEST(PodValidationTest, ImagePullPolicyEnum) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].imagePullPolicy = "Sometimes"; }),
              ElementsAre("spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": "
                          "supported values: \"Always\", \"IfNotPresent\", \"Never\""));
}

TEST(PodValidationTest, TerminationMessagePolicyEnum) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].terminationMessagePolicy = "Log"; }),
              ElementsAre("spec.containers[0].terminationMessagePolicy: Unsupported value: "
                          "\"Log\": supported values: \"File\", \"FallbackToLogsOnError\""));
  EXPECT_THAT(
      DefaultedPodErrors([](Pod& p) { p.spec.containers[0].terminationMessagePolicy = ""; }),
      ElementsAre("spec.containers[0].terminationMessagePolicy: Required value"));
}

// ---- Ports ----------------------------------------------------------------------------------

TEST(PodValidationTest, ContainerPortRequiredAndInRange) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].ports.emplace_back(); }),
              ElementsAre("spec.containers[0].ports[0].containerPort: Required value"));
  EXPECT_THAT(
      PodErrors([](Pod& p) { p.spec.containers[0].ports.emplace_back().containerPort = 70000; }),
      ElementsAre("spec.containers[0].ports[0].containerPort: Invalid value: 70000: must "
                  "be between 1 and 65535, inclusive"));
}

TEST(PodValidationTest, HostPortInRange) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                ContainerPort& port = p.spec.containers[0].ports.emplace_back();
                port.containerPort = 80;
                port.hostPort = -1;
              }),
              ElementsAre("spec.containers[0].ports[0].hostPort: Invalid value: -1: must be "
                          "between 1 and 65535, inclusive"));
}

TEST(PodValidationTest, PortProtocolEnum) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                ContainerPort& port = p.spec.containers[0].ports.emplace_back();
                port.containerPort = 80;
                port.protocol = "HTTP";
              }),
              ElementsAre("spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": "
                          "supported values: \"SCTP\", \"TCP\", \"UDP\""));
}

TEST(PodValidationTest, PortNamesAreIanaNamesAndUnique) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                ContainerPort& port = p.spec.containers[0].ports.emplace_back();
                port.containerPort = 80;
                port.name = "web_http";
              }),
              ElementsAre("spec.containers[0].ports[0].name: Invalid value: \"web_http\": must "
                          "contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                for (int32_t number : {80, 81}) {
                  ContainerPort& port = p.spec.containers[0].ports.emplace_back();
                  port.containerPort = number;
                  port.name = "http";
                }
              }),
              ElementsAre("spec.containers[0].ports[1].name: Duplicate value: \"http\""));
}

// ---- Environment ----------------------------------------------------------------------------

TEST(PodValidationTest, EnvNamesArePrintableAsciiWithoutEquals) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].env.emplace_back().name = "A=B"; }),
              ElementsAre("spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid "
                          "environment variable name must consist only of printable ASCII "
                          "characters other than '='"));
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].env.emplace_back().name = "1st var"; }),
              IsEmpty());
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].env.emplace_back(); }),
              ElementsAre("spec.containers[0].env[0].name: Required value"));
}

TEST(PodValidationTest, EnvValueFromNeedsExactlyOneSource) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                EnvVar& env = p.spec.containers[0].env.emplace_back();
                env.name = "X";
                env.valueFrom.emplace();
              }),
              ElementsAre("spec.containers[0].env[0].valueFrom: Invalid value: \"\": must specify "
                          "one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or "
                          "`secretKeyRef`"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                EnvVar& env = p.spec.containers[0].env.emplace_back();
                env.name = "X";
                env.valueFrom.emplace();
                env.valueFrom->configMapKeyRef.emplace();
                env.valueFrom->configMapKeyRef->name = "cm";
                env.valueFrom->configMapKeyRef->key = "k";
                env.valueFrom->secretKeyRef.emplace();
                env.valueFrom->secretKeyRef->name = "s";
                env.valueFrom->secretKeyRef->key = "k";
              }),
              ElementsAre("spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not have "
                          "more than one field specified at a time"));
}

TEST(PodValidationTest, EnvValueAndValueFromExclusive) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                EnvVar& env = p.spec.containers[0].env.emplace_back();
                env.name = "X";
                env.value = "v";
                env.valueFrom.emplace();
                env.valueFrom->fieldRef.emplace();
                env.valueFrom->fieldRef->fieldPath = "metadata.name";
              }),
              ElementsAre("spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not be "
                          "specified when `value` is not empty"));
}

TEST(PodValidationTest, EnvFieldRefPaths) {
  auto field_ref = [](std::string path) {
    return [path](Pod& p) {
      EnvVar& env = p.spec.containers[0].env.emplace_back();
      env.name = "X";
      env.valueFrom.emplace();
      env.valueFrom->fieldRef.emplace();
      env.valueFrom->fieldRef->fieldPath = path;
    };
  };
  EXPECT_THAT(PodErrors(field_ref("metadata.labels['app']")), IsEmpty());
  EXPECT_THAT(PodErrors(field_ref("spec.restartPolicy")),
              ElementsAre("spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported "
                          "value: \"spec.restartPolicy\": supported values: \"metadata.name\", "
                          "\"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", "
                          "\"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", "
                          "\"status.podIP\", \"status.podIPs\""));
  EXPECT_THAT(PodErrors(field_ref("spec.foo")),
              ElementsAre("spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid "
                          "value: \"spec.foo\": error converting fieldPath: field label not "
                          "supported: spec.foo"));
}

TEST(PodValidationTest, EnvResourceFieldRefDivisor) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                EnvVar& env = p.spec.containers[0].env.emplace_back();
                env.name = "CPU";
                env.valueFrom.emplace();
                env.valueFrom->resourceFieldRef.emplace();
                env.valueFrom->resourceFieldRef->resource = "limits.cpu";
                env.valueFrom->resourceFieldRef->divisor = Q("1Mi");
              }),
              ElementsAre("spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor: Invalid "
                          "value: \"limits.cpu\": only divisor's values 1m and 1 are supported "
                          "with the cpu resource"));
}

TEST(PodValidationTest, EnvKeySelectorKeyRequired) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                EnvVar& env = p.spec.containers[0].env.emplace_back();
                env.name = "PASSWORD";
                env.valueFrom.emplace();
                env.valueFrom->secretKeyRef.emplace();
                env.valueFrom->secretKeyRef->name = "db";
              }),
              ElementsAre("spec.containers[0].env[0].valueFrom.secretKeyRef.key: Required value"));
}

TEST(PodValidationTest, EnvFromNeedsOneSourceAndValidPrefix) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].envFrom.emplace_back().prefix = "P_"; }),
              ElementsAre("spec.containers[0].envFrom: Invalid value: \"\": must specify one of: "
                          "`configMapRef` or `secretRef`"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                EnvFromSource& source = p.spec.containers[0].envFrom.emplace_back();
                source.prefix = "A=";
                source.configMapRef.emplace().name = "cm";
              }),
              ElementsAre("spec.containers[0].envFrom[0].prefix: Invalid value: \"A=\": a valid "
                          "environment variable name must consist only of printable ASCII "
                          "characters other than '='"));
}

// ---- Resources ------------------------------------------------------------------------------

TEST(PodValidationTest, ResourceQuantitiesNonNegative) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].resources.requests["cpu"] = Q("-1"); }),
              ElementsAre("spec.containers[0].resources.requests[cpu]: Invalid value: \"-1\": "
                          "must be greater than or equal to 0"));
}

TEST(PodValidationTest, RequestsAtMostLimits) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.containers[0].resources.requests["cpu"] = Q("2");
                p.spec.containers[0].resources.limits["cpu"] = Q("1");
              }),
              ElementsAre("spec.containers[0].resources.requests: Invalid value: \"2\": must be "
                          "less than or equal to cpu limit of 1"));
}

TEST(PodValidationTest, ResourceNamesStandardOrQualified) {
  EXPECT_THAT(
      DefaultedPodErrors([](Pod& p) { p.spec.containers[0].resources.limits["gpu"] = Q("1"); }),
      ElementsAre("spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must "
                  "be a standard resource type or fully qualified",
                  "spec.containers[0].resources.limits[gpu]: Invalid value: \"gpu\": must "
                  "be a standard resource for containers"));
}

TEST(PodValidationTest, ExtendedResourcesCannotOvercommit) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.containers[0].resources.limits["example.com/gpu"] = Q("1");
                p.spec.containers[0].resources.requests["example.com/gpu"] = Q("2");
              }),
              ElementsAre("spec.containers[0].resources.requests: Invalid value: \"2\": must be "
                          "equal to example.com/gpu limit of 1"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.containers[0].resources.requests["example.com/gpu"] = Q("1");
              }),
              ElementsAre("spec.containers[0].resources.limits: Required value: Limit must be set "
                          "for non overcommitable resources"));
}

TEST(PodValidationTest, HugePagesNeedCpuOrMemory) {
  EXPECT_THAT(
      PodErrors([](Pod& p) { p.spec.containers[0].resources.limits["hugepages-2Mi"] = Q("4Mi"); }),
      ElementsAre("spec.containers[0].resources: Forbidden: HugePages require cpu or "
                  "memory"));
}

// ---- Volume mounts and devices --------------------------------------------------------------

TEST(PodValidationTest, VolumeMountMustNameAVolume) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                VolumeMount& mount = p.spec.containers[0].volumeMounts.emplace_back();
                mount.name = "data";
                mount.mountPath = "/data";
              }),
              ElementsAre("spec.containers[0].volumeMounts[0].name: Not found: \"data\""));
}

TEST(PodValidationTest, VolumeMountPathRequiredAndUnique) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.volumes.push_back(EmptyDirVolume("data"));
                p.spec.containers[0].volumeMounts.emplace_back().name = "data";
              }),
              ElementsAre("spec.containers[0].volumeMounts[0].mountPath: Required value"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.volumes.push_back(EmptyDirVolume("data"));
                p.spec.volumes.push_back(EmptyDirVolume("cache"));
                for (const char* name : {"data", "cache"}) {
                  VolumeMount& mount = p.spec.containers[0].volumeMounts.emplace_back();
                  mount.name = name;
                  mount.mountPath = "/data";
                }
              }),
              ElementsAre("spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/data\": "
                          "must be unique"));
}

TEST(PodValidationTest, VolumeMountSubPathAndPropagation) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.volumes.push_back(EmptyDirVolume("data"));
                VolumeMount& mount = p.spec.containers[0].volumeMounts.emplace_back();
                mount.name = "data";
                mount.mountPath = "/data";
                mount.subPath = "../etc";
              }),
              ElementsAre("spec.containers[0].volumeMounts.subPath: Invalid value: \"../etc\": "
                          "must not contain '..'"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.volumes.push_back(EmptyDirVolume("data"));
                VolumeMount& mount = p.spec.containers[0].volumeMounts.emplace_back();
                mount.name = "data";
                mount.mountPath = "/data";
                mount.mountPropagation = "Bidirectional";
              }),
              ElementsAre("spec.containers[0].volumeMounts.mountPropagation: Forbidden: "
                          "Bidirectional mount propagation is available only to privileged "
                          "containers"));
}

TEST(PodValidationTest, VolumeDevicesNeedClaims) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.volumes.push_back(EmptyDirVolume("data"));
                VolumeDevice& device = p.spec.containers[0].volumeDevices.emplace_back();
                device.name = "data";
                device.devicePath = "/dev/xvda";
              }),
              ElementsAre("spec.containers[0].volumeDevices[0].name: Invalid value: \"data\": can "
                          "only use volume source type of PersistentVolumeClaim or Ephemeral for "
                          "block mode"));
}

// ---- Probes and lifecycle -------------------------------------------------------------------

TEST(PodValidationTest, ProbeNeedsExactlyOneHandler) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].livenessProbe.emplace(); }),
              ElementsAre("spec.containers[0].livenessProbe: Required value: must specify a "
                          "handler type"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Probe probe = ExecProbe();
                probe.tcpSocket.emplace().port = IntOrString::FromInt(80);
                p.spec.containers[0].readinessProbe = probe;
              }),
              ElementsAre("spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify "
                          "more than 1 handler type"));
}

TEST(PodValidationTest, ProbeHandlersAreValidated) {
  EXPECT_THAT(
      PodErrors([](Pod& p) { p.spec.containers[0].livenessProbe.emplace().exec.emplace(); }),
      ElementsAre("spec.containers[0].livenessProbe.exec.command: Required value"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.containers[0].livenessProbe.emplace().httpGet.emplace().port =
                    IntOrString::FromInt(0);
              }),
              ElementsAre("spec.containers[0].livenessProbe.httpGet.port: Invalid value: 0: must "
                          "be between 1 and 65535, inclusive"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                HTTPGetAction& get = p.spec.containers[0].livenessProbe.emplace().httpGet.emplace();
                get.port = IntOrString::FromString("http");
                get.scheme = "FTP";
              }),
              ElementsAre("spec.containers[0].livenessProbe.httpGet.scheme: Unsupported value: "
                          "\"FTP\": supported values: \"HTTP\", \"HTTPS\""));
}

TEST(PodValidationTest, ProbeNumbersNonNegative) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Probe probe = ExecProbe();
                probe.periodSeconds = -1;
                p.spec.containers[0].readinessProbe = probe;
              }),
              ElementsAre("spec.containers[0].readinessProbe.periodSeconds: Invalid value: -1: "
                          "must be greater than or equal to 0"));
}

TEST(PodValidationTest, LivenessAndStartupSuccessThresholdIsOne) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Probe probe = ExecProbe();
                probe.successThreshold = 2;
                p.spec.containers[0].livenessProbe = probe;
              }),
              ElementsAre("spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: "
                          "must be 1"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Probe probe = ExecProbe();
                probe.successThreshold = 3;
                p.spec.containers[0].startupProbe = probe;
              }),
              ElementsAre("spec.containers[0].startupProbe.successThreshold: Invalid value: 3: "
                          "must be 1"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Probe probe = ExecProbe();
                probe.successThreshold = 3;
                p.spec.containers[0].readinessProbe = probe;
              }),
              IsEmpty());
}

TEST(PodValidationTest, ProbeTerminationGracePeriod) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Probe probe = ExecProbe();
                probe.terminationGracePeriodSeconds = 10;
                p.spec.containers[0].readinessProbe = probe;
              }),
              ElementsAre("spec.containers[0].readinessProbe.terminationGracePeriodSeconds: "
                          "Invalid value: 10: must not be set for readinessProbes"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Probe probe = ExecProbe();
                probe.terminationGracePeriodSeconds = 0;
                p.spec.containers[0].livenessProbe = probe;
              }),
              ElementsAre("spec.containers[0].livenessProbe.terminationGracePeriodSeconds: "
                          "Invalid value: 0: must be greater than 0"));
}

TEST(PodValidationTest, LifecycleHandlers) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].lifecycle.emplace().preStop.emplace(); }),
              ElementsAre("spec.containers[0].lifecycle.preStop: Required value: must specify a "
                          "handler type"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.containers[0].lifecycle.emplace().preStop.emplace().sleep.emplace().seconds =
                    60;
              }),
              ElementsAre("spec.containers[0].lifecycle.preStop.sleep: Invalid value: 60: must be "
                          "greater than 0 and less than terminationGracePeriodSeconds (30). Enable "
                          "AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep."));
}

// ---- Security contexts ----------------------------------------------------------------------

TEST(PodValidationTest, SecurityContextIds) {
  EXPECT_THAT(
      PodErrors([](Pod& p) { p.spec.containers[0].securityContext.emplace().runAsUser = -1; }),
      ElementsAre("spec.containers[0].securityContext.runAsUser: Invalid value: -1: must "
                  "be between 0 and 2147483647, inclusive"));
  EXPECT_THAT(
      PodErrors([](Pod& p) { p.spec.securityContext.emplace().fsGroup = int64_t{1} << 32; }),
      ElementsAre("spec.securityContext.fsGroup: Invalid value: 4294967296: must be "
                  "between 0 and 2147483647, inclusive"));
}

TEST(PodValidationTest, SecurityContextPrivilegeEscalation) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                SecurityContext& sc = p.spec.containers[0].securityContext.emplace();
                sc.allowPrivilegeEscalation = false;
                sc.privileged = true;
              }),
              ElementsAre("spec.containers[0].securityContext: Invalid value: "
                          "core.SecurityContext{...}: cannot set `allowPrivilegeEscalation` to "
                          "false and `privileged` to true"));
}

TEST(PodValidationTest, SeccompAndAppArmorProfiles) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.securityContext.emplace().seccompProfile.emplace().type = "Localhost";
              }),
              ElementsAre("spec.securityContext.seccompProfile.localhostProfile: Required value: "
                          "must be set when seccomp type is Localhost"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.containers[0].securityContext.emplace().appArmorProfile.emplace().type =
                    "Strict";
              }),
              ElementsAre("spec.containers[0].securityContext.appArmorProfile.type: Unsupported "
                          "value: \"Strict\": supported values: \"Localhost\", \"RuntimeDefault\", "
                          "\"Unconfined\""));
}

}  // namespace
}  // namespace kref::api::core
