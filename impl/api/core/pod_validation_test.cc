#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/api/manifest.h"
#include "impl/api/registry.h"
#include "impl/api/validation/common.h"

namespace kref::api::core {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using validation::FieldErrors;
using validation::Path;

constexpr char kLabelErr[] =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used "
    "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
constexpr char kSubdomainErr[] =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
    "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
constexpr char kNamePartErr[] =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
    "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
    "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
constexpr char kLabelValueErr[] =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  "
    "or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

Quantity Q(std::string_view text) { return Quantity::Parse(text).value(); }

std::vector<std::string> Messages(const FieldErrors& errors) {
  std::vector<std::string> out;
  for (const validation::FieldError& error : errors) out.push_back(error.ToString());
  return out;
}

Container MakeContainer(std::string name, std::string image = "nginx:1.27") {
  Container container;
  container.name = std::move(name);
  container.image = std::move(image);
  return container;
}

Pod BasePod() {
  Pod pod;
  pod.metadata.name = "web";
  pod.metadata.namespace_ = "default";
  pod.metadata.uid = std::string(validation::kPlaceholderUid);
  pod.spec.containers.push_back(MakeContainer("app"));
  return pod;
}

// The errors for the base pod changed by `edit`, then prepared and defaulted as on create.
std::vector<std::string> PodErrors(const std::function<void(Pod&)>& edit) {
  Pod pod = BasePod();
  edit(pod);
  PrepareForCreate(pod);
  SetDefaults(pod);
  return Messages(Validate(pod));
}

// As PodErrors, with `edit` applied after defaulting (for fields defaulting would fill).
std::vector<std::string> DefaultedPodErrors(const std::function<void(Pod&)>& edit) {
  Pod pod = BasePod();
  PrepareForCreate(pod);
  SetDefaults(pod);
  edit(pod);
  return Messages(Validate(pod));
}

// The errors for a Deployment-style template at spec.template.
std::vector<std::string> TemplateErrors(const std::function<void(PodTemplateSpec&)>& edit) {
  PodTemplateSpec spec;
  spec.metadata.labels["app"] = "web";
  spec.spec.containers.push_back(MakeContainer("app"));
  edit(spec);
  SetDefaults(spec);
  return Messages(ValidatePodTemplateSpec(spec, Path("spec").Child("template")));
}

Volume EmptyDirVolume(std::string name) {
  Volume volume;
  volume.name = std::move(name);
  volume.emptyDir.emplace();
  return volume;
}

Probe ExecProbe() {
  Probe probe;
  probe.exec.emplace();
  probe.exec->command = {"true"};
  return probe;
}

// ---- Metadata and containers -------------------------------------------------------------------

TEST(PodValidationTest, MinimalPodIsValid) {
  EXPECT_THAT(PodErrors([](Pod&) {}), IsEmpty());
}

TEST(PodValidationTest, NameRequired) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.metadata.name.clear(); }),
              ElementsAre("metadata.name: Required value: name or generateName is required"));
}

TEST(PodValidationTest, ContainersRequired) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers.clear(); }),
              ElementsAre("spec.containers: Required value"));
}

TEST(PodValidationTest, ContainerNameRequired) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].name.clear(); }),
              ElementsAre("spec.containers[0].name: Required value"));
}

TEST(PodValidationTest, ContainerNameIsDNSLabel) {
  EXPECT_THAT(
      PodErrors([](Pod& p) { p.spec.containers[0].name = "App"; }),
      ElementsAre(std::string("spec.containers[0].name: Invalid value: \"App\": ") + kLabelErr));
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].name = "app.v1"; }),
              ElementsAre("spec.containers[0].name: Invalid value: \"app.v1\": must not contain "
                          "dots"));
}

TEST(PodValidationTest, ContainerNamesUnique) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers.push_back(MakeContainer("app")); }),
              ElementsAre("spec.containers[1].name: Duplicate value: \"app\""));
}

TEST(PodValidationTest, InitContainerNameMustDifferFromContainers) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.initContainers.push_back(MakeContainer("app")); }),
              ElementsAre("spec.initContainers[0].name: Duplicate value: \"app\""));
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

// ---- Ports -------------------------------------------------------------------------------------

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

TEST(PodValidationTest, HostPortsConflictAcrossContainers) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.containers.push_back(MakeContainer("sidecar"));
                for (Container& c : p.spec.containers) {
                  ContainerPort& port = c.ports.emplace_back();
                  port.containerPort = 8080;
                  port.hostPort = 8080;
                }
              }),
              ElementsAre("spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\""));
}

TEST(PodValidationTest, HostNetworkHostPortMustMatchContainerPort) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.hostNetwork = true;
                ContainerPort& port = p.spec.containers[0].ports.emplace_back();
                port.containerPort = 8080;
                port.hostPort = 9090;
              }),
              ElementsAre("spec.containers[0].ports[0].hostPort: Invalid value: 9090: must match "
                          "`containerPort` when `hostNetwork` is true"));
}

// ---- Environment
// ---------------------------------------------------------------------------------

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

// ---- Resources
// -----------------------------------------------------------------------------------

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

// ---- Volume mounts and devices -----------------------------------------------------------------

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

// ---- Probes and lifecycle
// ------------------------------------------------------------------------

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

TEST(PodValidationTest, RestartPolicyOnlyForInitContainers) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers[0].restartPolicy = "Always"; }),
              ElementsAre("spec.containers[0].restartPolicy: Forbidden: may not be set for "
                          "non-init containers"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Container init = MakeContainer("init");
                init.restartPolicy = "OnFailure";
                p.spec.initContainers.push_back(init);
              }),
              ElementsAre("spec.initContainers[0].restartPolicy: Unsupported value: \"OnFailure\": "
                          "supported values: \"Always\""));
}

TEST(PodValidationTest, InitContainersProbesOnlyForSidecars) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Container init = MakeContainer("init");
                init.livenessProbe = ExecProbe();
                p.spec.initContainers.push_back(init);
              }),
              ElementsAre("spec.initContainers[0].livenessProbe: Forbidden: may not be set for "
                          "init containers without restartPolicy=Always"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                Container sidecar = MakeContainer("sidecar");
                sidecar.restartPolicy = "Always";
                sidecar.readinessProbe = ExecProbe();
                p.spec.initContainers.push_back(sidecar);
              }),
              IsEmpty());
}

TEST(PodValidationTest, InitContainersHaveNoResizePolicy) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                Container init = MakeContainer("init");
                ContainerResizePolicy& policy = init.resizePolicy.emplace_back();
                policy.resourceName = "cpu";
                policy.restartPolicy = "NotRequired";
                p.spec.initContainers.push_back(init);
              }),
              ElementsAre("spec.initContainers[0].resizePolicy: Invalid value: "
                          "[]core.ContainerResizePolicy{core.ContainerResizePolicy{ResourceName:"
                          "\"cpu\", RestartPolicy:\"NotRequired\"}}: must not be set for init "
                          "containers"));
}

// ---- Security contexts
// ---------------------------------------------------------------------------

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

TEST(PodValidationTest, Sysctls) {
  EXPECT_THAT(
      PodErrors([](Pod& p) {
        p.spec.hostNetwork = true;
        Sysctl& sysctl = p.spec.securityContext.emplace().sysctls.emplace_back();
        sysctl.name = "net.core.somaxconn";
        sysctl.value = "1024";
      }),
      ElementsAre("spec.securityContext.sysctls[0].name: Invalid value: "
                  "\"net.core.somaxconn\": may not be specified when 'hostNetwork' is true"));
  EXPECT_THAT(
      PodErrors([](Pod& p) {
        p.spec.securityContext.emplace().sysctls.emplace_back().name = "Kernel.msgmax";
      }),
      ElementsAre("spec.securityContext.sysctls[0].name: Invalid value: \"Kernel.msgmax\": "
                  "must have at most 253 characters and match regex "
                  "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$"));
}

TEST(PodValidationTest, ShareProcessNamespaceExcludesHostPID) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.hostPID = true;
                p.spec.shareProcessNamespace = true;
              }),
              ElementsAre("spec.securityContext.shareProcessNamespace: Invalid value: true: "
                          "ShareProcessNamespace and HostPID cannot both be enabled"));
}

// ---- Pod spec fields
// -----------------------------------------------------------------------------

TEST(PodValidationTest, RestartPolicyEnum) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.restartPolicy = "Sometimes"; }),
              ElementsAre("spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: "
                          "\"Always\", \"OnFailure\", \"Never\""));
}

TEST(PodValidationTest, DNSPolicyEnum) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.dnsPolicy = "Cluster"; }),
              ElementsAre("spec.dnsPolicy: Unsupported value: \"Cluster\": supported values: "
                          "\"ClusterFirstWithHostNet\", \"ClusterFirst\", \"Default\", \"None\""));
}

TEST(PodValidationTest, DNSPolicyNoneNeedsNameservers) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.dnsPolicy = "None"; }),
              ElementsAre("spec.dnsConfig: Required value: must provide `dnsConfig` when "
                          "`dnsPolicy` is None"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.dnsPolicy = "None";
                p.spec.dnsConfig.emplace().searches = {"svc.cluster.local"};
              }),
              ElementsAre("spec.dnsConfig.nameservers: Required value: must provide at least one "
                          "DNS nameserver when `dnsPolicy` is None"));
}

TEST(PodValidationTest, DNSConfigLimits) {
  EXPECT_THAT(
      PodErrors([](Pod& p) {
        p.spec.dnsConfig.emplace().nameservers = {"1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4"};
      }),
      ElementsAre("spec.dnsConfig.nameservers: Invalid value: []string{\"1.1.1.1\", "
                  "\"1.0.0.1\", \"8.8.8.8\", \"8.8.4.4\"}: must not have more than 3 "
                  "nameservers"));
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.dnsConfig.emplace().nameservers = {"dns.local"}; }),
              ElementsAre("spec.dnsConfig.nameservers[0]: Invalid value: \"dns.local\": must be a "
                          "valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
  std::vector<std::string> searches;
  std::string rendered;
  for (int i = 0; i < 33; ++i) {
    searches.push_back("s" + std::to_string(i) + ".example.com");
    rendered += (i ? ", \"" : "\"") + searches.back() + "\"";
  }
  EXPECT_THAT(PodErrors([&](Pod& p) { p.spec.dnsConfig.emplace().searches = searches; }),
              ElementsAre("spec.dnsConfig.searches: Invalid value: []string{" + rendered +
                          "}: must not have more than 32 search paths"));
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.dnsConfig.emplace().options.emplace_back(); }),
              ElementsAre("spec.dnsConfig.options[0]: Required value: must not be empty"));
}

TEST(PodValidationTest, NodeSelectorIsLabels) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.nodeSelector["disk"] = "ssd fast"; }),
              ElementsAre(std::string("spec.nodeSelector: Invalid value: \"ssd fast\": ") +
                          kLabelValueErr));
}

TEST(PodValidationTest, NamesOfReferencedObjects) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.serviceAccountName = "Web"; }),
              ElementsAre(std::string("spec.serviceAccountName: Invalid value: \"Web\": ") +
                          kSubdomainErr));
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.priorityClassName = "High"; }),
              ElementsAre(std::string("spec.priorityClassName: Invalid value: \"High\": ") +
                          kSubdomainErr));
}

TEST(PodValidationTest, HostnameAndSubdomainAreLabels) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.hostname = "web.1"; }),
              ElementsAre("spec.hostname: Invalid value: \"web.1\": must not contain dots"));
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.subdomain = "Web"; }),
              ElementsAre(std::string("spec.subdomain: Invalid value: \"Web\": ") + kLabelErr));
}

TEST(PodValidationTest, ActiveDeadlineSecondsRange) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.activeDeadlineSeconds = 0; }),
              ElementsAre("spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and "
                          "2147483647, inclusive"));
}

TEST(PodValidationTest, TerminationGracePeriodRequired) {
  EXPECT_THAT(DefaultedPodErrors([](Pod& p) { p.spec.terminationGracePeriodSeconds.reset(); }),
              ElementsAre("spec.terminationGracePeriodSeconds: Required value"));
}

TEST(PodValidationTest, Tolerations) {
  auto toleration = [](std::string key, std::string op, std::string value, std::string effect,
                       std::optional<int64_t> seconds = std::nullopt) {
    return [=](Pod& p) {
      Toleration& t = p.spec.tolerations.emplace_back();
      t.key = key;
      t.operator_ = op;
      t.value = value;
      t.effect = effect;
      t.tolerationSeconds = seconds;
    };
  };
  EXPECT_THAT(PodErrors(toleration("k", "In", "", "")),
              ElementsAre("spec.tolerations[0].operator: Unsupported value: \"In\": supported "
                          "values: \"Equal\", \"Exists\""));
  EXPECT_THAT(PodErrors(toleration("k", "Equal", "v", "NoRun")),
              ElementsAre("spec.tolerations[0].effect: Unsupported value: \"NoRun\": supported "
                          "values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""));
  EXPECT_THAT(PodErrors(toleration("k", "Equal", "v", "NoSchedule", 10)),
              ElementsAre("spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must "
                          "be 'NoExecute' when `tolerationSeconds` is set"));
  EXPECT_THAT(PodErrors(toleration("k", "Exists", "v", "")),
              ElementsAre("spec.tolerations[0].operator: Invalid value: \"v\": value must be empty "
                          "when `operator` is 'Exists'"));
  EXPECT_THAT(PodErrors(toleration("", "Equal", "", "")),
              ElementsAre("spec.tolerations[0].operator: Invalid value: \"Equal\": operator must "
                          "be Exists when `key` is empty, which means \"match all values and all "
                          "keys\""));
  EXPECT_THAT(
      PodErrors(toleration("-k", "Exists", "", "")),
      ElementsAre(std::string("spec.tolerations[0].key: Invalid value: \"-k\": ") + kNamePartErr));
}

TEST(PodValidationTest, NodeAffinity) {
  auto required = [](std::vector<NodeSelectorTerm> terms) {
    return [terms](Pod& p) {
      p.spec.affinity.emplace()
          .nodeAffinity.emplace()
          .requiredDuringSchedulingIgnoredDuringExecution.emplace()
          .nodeSelectorTerms = terms;
    };
  };
  auto term = [](std::string op, std::vector<std::string> values) {
    NodeSelectorTerm t;
    NodeSelectorRequirement& r = t.matchExpressions.emplace_back();
    r.key = "zone";
    r.operator_ = op;
    r.values = values;
    return t;
  };
  const std::string at =
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms";
  EXPECT_THAT(PodErrors(required({})),
              ElementsAre(at + ": Required value: must have at least one node selector term"));
  EXPECT_THAT(PodErrors(required({term("Equals", {"a"})})),
              ElementsAre(at + "[0].matchExpressions[0].operator: Invalid value: \"Equals\": not "
                               "a valid selector operator"));
  EXPECT_THAT(PodErrors(required({term("In", {})})),
              ElementsAre(at + "[0].matchExpressions[0].values: Required value: must be specified "
                               "when `operator` is 'In' or 'NotIn'"));
  EXPECT_THAT(PodErrors(required({term("Exists", {"a"})})),
              ElementsAre(at + "[0].matchExpressions[0].values: Forbidden: may not be specified "
                               "when `operator` is 'Exists' or 'DoesNotExist'"));
  EXPECT_THAT(PodErrors(required({term("Gt", {"1", "2"})})),
              ElementsAre(at + "[0].matchExpressions[0].values: Required value: must be specified "
                               "single value when `operator` is 'Lt' or 'Gt'"));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                PreferredSchedulingTerm& preferred =
                    p.spec.affinity.emplace()
                        .nodeAffinity.emplace()
                        .preferredDuringSchedulingIgnoredDuringExecution.emplace_back();
                preferred.weight = 0;
                preferred.preference = term("In", {"a"});
              }),
              ElementsAre("spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuring"
                          "Execution[0].weight: Invalid value: 0: must be in the range 1-100"));
}

TEST(PodValidationTest, PodAffinityTerms) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                PodAffinityTerm& term =
                    p.spec.affinity.emplace()
                        .podAffinity.emplace()
                        .requiredDuringSchedulingIgnoredDuringExecution.emplace_back();
                term.labelSelector.emplace().matchLabels["app"] = "db";
              }),
              ElementsAre("spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                          "[0].topologyKey: Required value: can not be empty",
                          "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                          "[0].topologyKey: Invalid value: \"\": name part must be non-empty",
                          std::string("spec.affinity.podAffinity.requiredDuringSchedulingIgnored"
                                      "DuringExecution[0].topologyKey: Invalid value: \"\": ") +
                              kNamePartErr));
  EXPECT_THAT(PodErrors([](Pod& p) {
                WeightedPodAffinityTerm& weighted =
                    p.spec.affinity.emplace()
                        .podAntiAffinity.emplace()
                        .preferredDuringSchedulingIgnoredDuringExecution.emplace_back();
                weighted.weight = 101;
                weighted.podAffinityTerm.topologyKey = "kubernetes.io/hostname";
              }),
              ElementsAre("spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuring"
                          "Execution[0].weight: Invalid value: 101: must be in the range 1-100"));
}

TEST(PodValidationTest, PodAffinityMatchLabelKeys) {
  // A pod's matchLabelKeys become selector requirements on create; a key also in matchLabels
  // then appears twice (reported at the term's index, as upstream).
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.metadata.labels["app"] = "web";
                PodAffinityTerm& term =
                    p.spec.affinity.emplace()
                        .podAffinity.emplace()
                        .requiredDuringSchedulingIgnoredDuringExecution.emplace_back();
                term.topologyKey = "kubernetes.io/hostname";
                term.labelSelector.emplace().matchLabels["app"] = "web";
                term.matchLabelKeys = {"app"};
              }),
              ElementsAre("spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                          "[0][0]: Invalid value: \"app\": exists in both matchLabelKeys and "
                          "labelSelector"));
  EXPECT_THAT(TemplateErrors([](PodTemplateSpec& t) {
                PodAffinityTerm& term =
                    t.spec.affinity.emplace()
                        .podAffinity.emplace()
                        .requiredDuringSchedulingIgnoredDuringExecution.emplace_back();
                term.topologyKey = "kubernetes.io/hostname";
                term.matchLabelKeys = {"app"};
              }),
              ElementsAre("spec.template.spec.affinity.podAffinity.requiredDuringScheduling"
                          "IgnoredDuringExecution[0].matchLabelKeys: Forbidden: must not be "
                          "specified when labelSelector is not set"));
}

TEST(PodValidationTest, TopologySpreadConstraints) {
  auto constraint = [](int32_t skew, std::string key, std::string when) {
    TopologySpreadConstraint c;
    c.maxSkew = skew;
    c.topologyKey = std::move(key);
    c.whenUnsatisfiable = std::move(when);
    return c;
  };
  EXPECT_THAT(PodErrors([&](Pod& p) {
                p.spec.topologySpreadConstraints.push_back(constraint(0, "zone", "DoNotSchedule"));
              }),
              ElementsAre("spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be "
                          "greater than zero"));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                p.spec.topologySpreadConstraints.push_back(constraint(1, "", "DoNotSchedule"));
              }),
              ElementsAre("spec.topologySpreadConstraints[0].topologyKey: Required value: can not "
                          "be empty"));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                p.spec.topologySpreadConstraints.push_back(constraint(1, "zone", "Maybe"));
              }),
              ElementsAre("spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "
                          "\"Maybe\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\""));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                p.spec.topologySpreadConstraints.push_back(constraint(1, "zone", "DoNotSchedule"));
                p.spec.topologySpreadConstraints.push_back(constraint(2, "zone", "DoNotSchedule"));
              }),
              ElementsAre("spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: "
                          "Duplicate value: \"{zone, DoNotSchedule}\""));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                TopologySpreadConstraint c = constraint(1, "zone", "ScheduleAnyway");
                c.minDomains = 2;
                p.spec.topologySpreadConstraints.push_back(c);
              }),
              ElementsAre("spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can "
                          "only use minDomains if whenUnsatisfiable=DoNotSchedule, not "
                          "ScheduleAnyway"));
}

TEST(PodValidationTest, HostAliasesNeedIPs) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.hostAliases.emplace_back().ip = "not-an-ip"; }),
              ElementsAre("spec.hostAliases[0].ip: Invalid value: \"not-an-ip\": must be a valid "
                          "IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
}

TEST(PodValidationTest, ReadinessGatesAreQualifiedNames) {
  EXPECT_THAT(
      PodErrors([](Pod& p) { p.spec.readinessGates.emplace_back().conditionType = "-ready"; }),
      ElementsAre(std::string("spec.readinessGates[0].conditionType: Invalid value: "
                              "\"-ready\": ") +
                  kNamePartErr));
}

TEST(PodValidationTest, SchedulingGates) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.schedulingGates.emplace_back().name = "example.com/gate";
                p.spec.schedulingGates.emplace_back().name = "example.com/gate";
              }),
              ElementsAre("spec.schedulingGates[1]: Duplicate value: \"example.com/gate\""));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.schedulingGates.emplace_back().name = "example.com/gate";
                p.spec.nodeName = "worker-1";
              }),
              ElementsAre("spec.nodeName: Forbidden: cannot be set until all schedulingGates have "
                          "been cleared"));
}

TEST(PodValidationTest, EphemeralContainersNotOnCreate) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                EphemeralContainer& debug = p.spec.ephemeralContainers.emplace_back();
                debug.name = "debug";
                debug.image = "busybox:1.36";
              }),
              ElementsAre("spec.ephemeralContainers: Forbidden: cannot be set on create"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                EphemeralContainer& debug = p.spec.ephemeralContainers.emplace_back();
                debug.name = "debug";
                debug.image = "busybox:1.36";
                debug.targetContainerName = "db";
                debug.ports.emplace_back().containerPort = 80;
              }),
              ElementsAre("spec.ephemeralContainers[0].targetContainerName: Not found: \"db\"",
                          "spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an "
                          "Ephemeral Container",
                          "spec.ephemeralContainers: Forbidden: cannot be set on create"));
}

TEST(PodValidationTest, OSName) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.os.emplace().name = "plan9"; }),
              ElementsAre("spec.os: Unsupported value: \"plan9\": supported values: \"linux\", "
                          "\"windows\""));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.spec.os.emplace().name = "linux";
                p.spec.containers[0].securityContext.emplace().windowsOptions.emplace();
              }),
              ElementsAre("spec.containers[0].securityContext.windowsOptions: Forbidden: windows "
                          "options cannot be set for a linux pod"));
}

// ---- Volumes
// -------------------------------------------------------------------------------------

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

// ---- Annotations
// ---------------------------------------------------------------------------------

TEST(PodValidationTest, PodSpecificAnnotations) {
  EXPECT_THAT(
      PodErrors([](Pod& p) { p.metadata.annotations["kubernetes.io/config.mirror"] = "x"; }),
      ElementsAre("metadata.annotations[kubernetes.io/config.mirror]: Invalid value: "
                  "\"x\": must set spec.nodeName if mirror pod annotation is set"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.metadata.annotations["controller.kubernetes.io/pod-deletion-cost"] = "+5";
              }),
              ElementsAre("metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: "
                          "Invalid value: \"+5\": must be a 32bit integer"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"] = "strict";
              }),
              ElementsAre("metadata.annotations.seccomp.security.alpha.kubernetes.io/pod: Invalid "
                          "value: \"strict\": must be a valid seccomp profile"));
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.metadata.annotations["container.apparmor.security.beta.kubernetes.io/db"] =
                    "runtime/default";
              }),
              ElementsAre("metadata.annotations[container.apparmor.security.beta.kubernetes.io/"
                          "db]: Invalid value: \"db\": container not found"));
}

TEST(PodValidationTest, SeccompAnnotationMustMatchField) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.metadata.annotations["seccomp.security.alpha.kubernetes.io/pod"] = "unconfined";
                p.spec.securityContext.emplace().seccompProfile.emplace().type = "RuntimeDefault";
              }),
              ElementsAre("spec.securityContext.seccompProfile.type: Forbidden: seccomp type in "
                          "annotation and field must match"));
}

// ---- Templates and bindings
// ----------------------------------------------------------------------

TEST(PodValidationTest, TemplateErrorsAreUnderTheGivenPath) {
  EXPECT_THAT(TemplateErrors([](PodTemplateSpec& t) { t.spec.containers[0].image.clear(); }),
              ElementsAre("spec.template.spec.containers[0].image: Required value"));
  EXPECT_THAT(
      TemplateErrors([](PodTemplateSpec& t) { t.metadata.labels["-app"] = "web"; }),
      ElementsAre(std::string("spec.template.labels: Invalid value: \"-app\": ") + kNamePartErr));
  EXPECT_THAT(TemplateErrors([](PodTemplateSpec& t) {
                t.spec.ephemeralContainers.emplace_back().name = "debug";
                t.spec.ephemeralContainers[0].image = "busybox:1.36";
              }),
              ElementsAre("spec.template.spec.ephemeralContainers: Forbidden: ephemeral "
                          "containers not allowed in pod template"));
}

TEST(PodValidationTest, TemplateHostNetworkPortsMayBeLeftUnset) {
  auto ports = [](int32_t host_port) {
    return [host_port](PodTemplateSpec& t) {
      t.spec.hostNetwork = true;
      ContainerPort& port = t.spec.containers[0].ports.emplace_back();
      port.containerPort = 8080;
      port.hostPort = host_port;
    };
  };
  EXPECT_THAT(TemplateErrors(ports(0)), IsEmpty());
  EXPECT_THAT(TemplateErrors(ports(9090)),
              ElementsAre("spec.template.spec.containers[0].ports[0].hostPort: Invalid value: "
                          "9090: must match `containerPort` when `hostNetwork` is true"));
}

TEST(PodValidationTest, PodTemplateKind) {
  PodTemplate object;
  object.metadata.name = "worker";
  object.metadata.namespace_ = "default";
  object.template_.spec.containers.push_back(MakeContainer("worker", ""));
  PrepareForCreate(object);
  SetDefaults(object);
  EXPECT_THAT(Messages(Validate(object)),
              ElementsAre("template.spec.containers[0].image: Required value"));
}

TEST(PodValidationTest, BindingTarget) {
  Binding binding;
  binding.metadata.name = "web";
  binding.metadata.namespace_ = "default";
  EXPECT_THAT(Messages(Validate(binding)), ElementsAre("target.name: Required value"));
  binding.target.name = "worker-1";
  binding.target.kind = "Pod";
  EXPECT_THAT(Messages(Validate(binding)),
              ElementsAre("target.kind: Unsupported value: \"Pod\": supported values: \"Node\", "
                          "\"<empty>\""));
  binding.target.kind = "Node";
  EXPECT_THAT(Messages(Validate(binding)), IsEmpty());
}

// ---- Realistic manifests
// -------------------------------------------------------------------------

std::vector<std::string> ManifestErrors(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  auto documents = ParseManifests(text.str());
  EXPECT_TRUE(documents.has_value()) << path;
  std::vector<std::string> messages;
  if (!documents) return messages;
  for (const ManifestDocument& document : *documents) {
    auto object = Registry::Default().Decode(document.value);
    EXPECT_TRUE(object.has_value()) << path;
    if (!object) continue;
    api::Object& o = **object;
    if (o.metadata().namespace_.empty()) o.metadata().namespace_ = "default";
    o.metadata().uid = std::string(validation::kPlaceholderUid);
    o.PrepareForCreate();
    o.Default();
    for (const std::string& message : Messages(o.Validate())) messages.push_back(message);
  }
  return messages;
}

TEST(PodValidationTest, TestdataPodIsValid) {
  EXPECT_THAT(ManifestErrors("impl/api/testdata/core/pod.yaml"), IsEmpty());
}

TEST(PodValidationTest, TestdataPodTemplateIsValid) {
  EXPECT_THAT(ManifestErrors("impl/api/testdata/core/podtemplate.yaml"), IsEmpty());
}

TEST(PodValidationTest, TestdataBindingIsValid) {
  EXPECT_THAT(ManifestErrors("impl/api/testdata/core/binding.yaml"), IsEmpty());
}

// ---- Defaults
// ------------------------------------------------------------------------------------

TEST(PodDefaultsTest, PodSpecDefaults) {
  Pod pod = BasePod();
  SetDefaults(pod);
  EXPECT_EQ(pod.spec.dnsPolicy, "ClusterFirst");
  EXPECT_EQ(pod.spec.restartPolicy, "Always");
  EXPECT_EQ(pod.spec.terminationGracePeriodSeconds, 30);
  EXPECT_EQ(pod.spec.securityContext, PodSecurityContext{});
  EXPECT_EQ(pod.spec.schedulerName, "default-scheduler");
  EXPECT_EQ(pod.spec.enableServiceLinks, true);
}

TEST(PodDefaultsTest, ContainerDefaults) {
  Pod pod = BasePod();
  SetDefaults(pod);
  const Container& c = pod.spec.containers[0];
  EXPECT_EQ(c.terminationMessagePath, "/dev/termination-log");
  EXPECT_EQ(c.terminationMessagePolicy, "File");
  EXPECT_EQ(c.imagePullPolicy, "IfNotPresent");
}

TEST(PodDefaultsTest, ImagePullPolicyFollowsTheTag) {
  auto policy = [](std::string image) {
    Pod pod = BasePod();
    pod.spec.containers[0].image = image;
    SetDefaults(pod);
    return pod.spec.containers[0].imagePullPolicy;
  };
  EXPECT_EQ(policy("nginx"), "Always");
  EXPECT_EQ(policy("nginx:latest"), "Always");
  EXPECT_EQ(policy("nginx:1.27"), "IfNotPresent");
  EXPECT_EQ(policy("registry.local:5000/team/app"), "Always");
  EXPECT_EQ(policy("registry.local:5000/team/app:v2"), "IfNotPresent");
  EXPECT_EQ(policy("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"),
            "IfNotPresent");
  EXPECT_EQ(policy("nginx:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef01234567"
                   "89abcdef"),
            "Always");
  EXPECT_EQ(policy("Nginx"), "IfNotPresent");  // not a valid reference
  Pod pod = BasePod();
  pod.spec.containers[0].imagePullPolicy = "Never";
  SetDefaults(pod);
  EXPECT_EQ(pod.spec.containers[0].imagePullPolicy, "Never");
}

TEST(PodDefaultsTest, PortsProbesAndHandlers) {
  Pod pod = BasePod();
  Container& c = pod.spec.containers[0];
  c.ports.emplace_back().containerPort = 80;
  c.livenessProbe.emplace().httpGet.emplace().port = IntOrString::FromInt(80);
  c.lifecycle.emplace().preStop.emplace().httpGet.emplace().port = IntOrString::FromInt(80);
  SetDefaults(pod);
  EXPECT_EQ(c.ports[0].protocol, "TCP");
  EXPECT_EQ(c.ports[0].hostPort, 0);
  const Probe& probe = *c.livenessProbe;
  EXPECT_EQ(probe.timeoutSeconds, 1);
  EXPECT_EQ(probe.periodSeconds, 10);
  EXPECT_EQ(probe.successThreshold, 1);
  EXPECT_EQ(probe.failureThreshold, 3);
  EXPECT_EQ(probe.httpGet->path, "/");
  EXPECT_EQ(probe.httpGet->scheme, "HTTP");
  EXPECT_EQ(c.lifecycle->preStop->httpGet->path, "/");
  EXPECT_EQ(c.lifecycle->preStop->httpGet->scheme, "HTTP");
}

TEST(PodDefaultsTest, RequestsDefaultToLimitsInPodsOnly) {
  auto with_limits = [](PodSpec& spec) {
    spec.initContainers.push_back(MakeContainer("init"));
    for (Container* c : {&spec.containers[0], &spec.initContainers[0]}) {
      c->resources.limits["cpu"] = Q("1");
      c->resources.limits["memory"] = Q("1Gi");
      c->resources.requests["cpu"] = Q("500m");
    }
  };
  Pod pod = BasePod();
  with_limits(pod.spec);
  SetDefaults(pod);
  for (const Container* c : {&pod.spec.containers[0], &pod.spec.initContainers[0]}) {
    EXPECT_EQ(c->resources.requests.at("cpu").ToString(), "500m");
    EXPECT_EQ(c->resources.requests.at("memory").ToString(), "1Gi");
  }
  PodTemplate object;
  object.template_.spec.containers.push_back(MakeContainer("app"));
  with_limits(object.template_.spec);
  SetDefaults(object);
  EXPECT_FALSE(object.template_.spec.containers[0].resources.requests.contains("memory"));
  EXPECT_FALSE(object.template_.spec.enableServiceLinks.has_value());
}

TEST(PodDefaultsTest, ResourceQuantitiesRoundUpToMilli) {
  Pod pod = BasePod();
  pod.spec.containers[0].resources.requests["cpu"] = Q("0.0001");
  SetDefaults(pod);
  EXPECT_EQ(pod.spec.containers[0].resources.requests.at("cpu").ToString(), "1m");
}

TEST(PodDefaultsTest, HostNetworkPortsInPodsOnly) {
  auto with_port = [](PodSpec& spec) {
    spec.hostNetwork = true;
    spec.containers[0].ports.emplace_back().containerPort = 8080;
  };
  Pod pod = BasePod();
  with_port(pod.spec);
  SetDefaults(pod);
  EXPECT_EQ(pod.spec.containers[0].ports[0].hostPort, 8080);
  PodTemplateSpec spec;
  spec.spec.containers.push_back(MakeContainer("app"));
  with_port(spec.spec);
  SetDefaults(spec);
  EXPECT_EQ(spec.spec.containers[0].ports[0].hostPort, 0);
}

TEST(PodDefaultsTest, FieldRefApiVersion) {
  Pod pod = BasePod();
  EnvVar& env = pod.spec.containers[0].env.emplace_back();
  env.name = "NODE";
  env.valueFrom.emplace().fieldRef.emplace().fieldPath = "spec.nodeName";
  Volume& volume = pod.spec.volumes.emplace_back();
  volume.name = "podinfo";
  volume.downwardAPI.emplace().items.emplace_back().fieldRef.emplace().fieldPath = "metadata.name";
  SetDefaults(pod);
  EXPECT_EQ(env.valueFrom->fieldRef->apiVersion, "v1");
  EXPECT_EQ(volume.downwardAPI->items[0].fieldRef->apiVersion, "v1");
  EXPECT_EQ(volume.downwardAPI->defaultMode, 420);
}

TEST(PodDefaultsTest, VolumeDefaults) {
  Pod pod = BasePod();
  auto add = [&](std::string name) -> Volume& {
    Volume& volume = pod.spec.volumes.emplace_back();
    volume.name = std::move(name);
    return volume;
  };
  add("none");
  add("secret").secret.emplace().secretName = "s";
  add("config").configMap.emplace().name = "c";
  add("projected").projected.emplace().sources.emplace_back().serviceAccountToken.emplace().path =
      "token";
  add("host").hostPath.emplace().path = "/data";
  add("iscsi").iscsi.emplace();
  add("rbd").rbd.emplace();
  add("azure").azureDisk.emplace();
  add("scaleio").scaleIO.emplace();
  add("claim").ephemeral.emplace().volumeClaimTemplate.emplace();
  SetDefaults(pod);
  const std::vector<Volume>& v = pod.spec.volumes;
  EXPECT_TRUE(v[0].emptyDir.has_value());
  EXPECT_EQ(v[1].secret->defaultMode, 420);
  EXPECT_EQ(v[2].configMap->defaultMode, 420);
  EXPECT_EQ(v[3].projected->defaultMode, 420);
  EXPECT_EQ(v[3].projected->sources[0].serviceAccountToken->expirationSeconds, 3600);
  EXPECT_EQ(v[4].hostPath->type, "");
  EXPECT_EQ(v[5].iscsi->iscsiInterface, "default");
  EXPECT_EQ(v[6].rbd->pool, "rbd");
  EXPECT_EQ(v[6].rbd->user, "admin");
  EXPECT_EQ(v[6].rbd->keyring, "/etc/ceph/keyring");
  EXPECT_EQ(v[7].azureDisk->cachingMode, "ReadWrite");
  EXPECT_EQ(v[7].azureDisk->fsType, "ext4");
  EXPECT_EQ(v[7].azureDisk->readOnly, false);
  EXPECT_EQ(v[7].azureDisk->kind, "Shared");
  EXPECT_EQ(v[8].scaleIO->storageMode, "ThinProvisioned");
  EXPECT_EQ(v[8].scaleIO->fsType, "xfs");
  EXPECT_EQ(v[9].ephemeral->volumeClaimTemplate->spec.volumeMode, "Filesystem");
}

TEST(PodDefaultsTest, EphemeralContainersLikeContainers) {
  Pod pod = BasePod();
  EphemeralContainer& debug = pod.spec.ephemeralContainers.emplace_back();
  debug.name = "debug";
  debug.image = "busybox";
  SetDefaults(pod);
  EXPECT_EQ(debug.imagePullPolicy, "Always");
  EXPECT_EQ(debug.terminationMessagePolicy, "File");
  EXPECT_EQ(debug.terminationMessagePath, "/dev/termination-log");
}

TEST(PodDefaultsTest, PrepareForCreateResetsStatusWithQoSClass) {
  auto qos = [](const std::function<void(Container&)>& edit) {
    Pod pod = BasePod();
    pod.status.phase = "Running";
    pod.status.podIP = "10.0.0.1";
    edit(pod.spec.containers[0]);
    PrepareForCreate(pod);
    EXPECT_EQ(pod.status.phase, "Pending");
    EXPECT_EQ(pod.status.podIP, "");
    return pod.status.qosClass;
  };
  EXPECT_EQ(qos([](Container&) {}), "BestEffort");
  EXPECT_EQ(qos([](Container& c) { c.resources.requests["cpu"] = Q("100m"); }), "Burstable");
  // Requests default to limits, so limits alone make a Guaranteed pod.
  EXPECT_EQ(qos([](Container& c) {
              c.resources.limits["cpu"] = Q("1");
              c.resources.limits["memory"] = Q("1Gi");
            }),
            "Guaranteed");
  EXPECT_EQ(qos([](Container& c) {
              c.resources.limits["cpu"] = Q("1");
              c.resources.limits["memory"] = Q("1Gi");
              c.resources.requests["cpu"] = Q("500m");
            }),
            "Burstable");
}

TEST(PodDefaultsTest, PrepareForCreateSchedulingGatedCondition) {
  Pod pod = BasePod();
  pod.spec.schedulingGates.emplace_back().name = "example.com/quota";
  PrepareForCreate(pod);
  ASSERT_EQ(pod.status.conditions.size(), 1u);
  const PodCondition& condition = pod.status.conditions[0];
  EXPECT_EQ(condition.type, "PodScheduled");
  EXPECT_EQ(condition.status, "False");
  EXPECT_EQ(condition.reason, "SchedulingGated");
  EXPECT_EQ(condition.message, "Scheduling is blocked due to non-empty scheduling gates");
  EXPECT_FALSE(condition.lastTransitionTime.IsZero());
}

TEST(PodDefaultsTest, PrepareForCreateAppliesMatchLabelKeys) {
  Pod pod = BasePod();
  pod.metadata.labels["pod-template-hash"] = "abc123";
  PodAffinityTerm& term = pod.spec.affinity.emplace()
                              .podAntiAffinity.emplace()
                              .requiredDuringSchedulingIgnoredDuringExecution.emplace_back();
  term.topologyKey = "kubernetes.io/hostname";
  term.labelSelector.emplace();
  term.matchLabelKeys = {"pod-template-hash", "absent"};
  term.mismatchLabelKeys = {"pod-template-hash"};
  PrepareForCreate(pod);
  const auto& expressions = term.labelSelector->matchExpressions;
  ASSERT_EQ(expressions.size(), 2u);
  EXPECT_EQ(expressions[0].key, "pod-template-hash");
  EXPECT_EQ(expressions[0].operator_, "In");
  EXPECT_EQ(expressions[0].values, std::vector<std::string>{"abc123"});
  EXPECT_EQ(expressions[1].operator_, "NotIn");
}

TEST(PodDefaultsTest, PrepareForCreateCopiesAppArmorAnnotationToField) {
  Pod pod = BasePod();
  pod.metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"] =
      "localhost/custom";
  PrepareForCreate(pod);
  ASSERT_TRUE(pod.spec.containers[0].securityContext.has_value());
  const auto& profile = pod.spec.containers[0].securityContext->appArmorProfile;
  ASSERT_TRUE(profile.has_value());
  EXPECT_EQ(profile->type, "Localhost");
  EXPECT_EQ(profile->localhostProfile, "custom");
}

TEST(PodDefaultsTest, PrepareForCreatePodTemplateGeneration) {
  PodTemplate object;
  PrepareForCreate(object);
  EXPECT_EQ(object.metadata.generation, 1);
}

}  // namespace
}  // namespace kref::api::core
