// Tests for Pods, PodTemplates and Bindings: pod-level rules, the container lists, pod
// annotations, templates, and the pod defaults and create preparation. Containers, volumes and
// scheduling constraints have their own test files.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/api/validation/common.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::core {
namespace {

using ::kref::testing::BasePod;
using ::kref::testing::DefaultedPodErrors;
using ::kref::testing::ErrorStrings;
using ::kref::testing::ExecProbe;
using ::kref::testing::kDNS1123LabelMsg;
using ::kref::testing::kDNS1123SubdomainMsg;
using ::kref::testing::kQualifiedNameMsg;
using ::kref::testing::MakeContainer;
using ::kref::testing::PodErrors;
using ::kref::testing::Q;
using ::kref::testing::TemplateErrors;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// ---- Metadata -------------------------------------------------------------------------------

TEST(PodValidationTest, MinimalPodIsValid) {
  EXPECT_THAT(PodErrors([](Pod&) {}), IsEmpty());
}

TEST(PodValidationTest, NameRequired) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.metadata.name.clear(); }),
              ElementsAre("metadata.name: Required value: name or generateName is required"));
}

// ---- Container lists ------------------------------------------------------------------------

TEST(PodValidationTest, ContainersRequired) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers.clear(); }),
              ElementsAre("spec.containers: Required value"));
}

TEST(PodValidationTest, ContainerNamesUnique) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.containers.push_back(MakeContainer("app")); }),
              ElementsAre("spec.containers[1].name: Duplicate value: \"app\""));
}

TEST(PodValidationTest, InitContainerNameMustDifferFromContainers) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.initContainers.push_back(MakeContainer("app")); }),
              ElementsAre("spec.initContainers[0].name: Duplicate value: \"app\""));
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

// ---- Pod spec fields ------------------------------------------------------------------------

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

TEST(PodValidationTest, NamesOfReferencedObjects) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.serviceAccountName = "Web"; }),
              ElementsAre(std::string("spec.serviceAccountName: Invalid value: \"Web\": ") +
                          kDNS1123SubdomainMsg));
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.priorityClassName = "High"; }),
              ElementsAre(std::string("spec.priorityClassName: Invalid value: \"High\": ") +
                          kDNS1123SubdomainMsg));
}

TEST(PodValidationTest, HostnameAndSubdomainAreLabels) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.hostname = "web.1"; }),
              ElementsAre("spec.hostname: Invalid value: \"web.1\": must not contain dots"));
  EXPECT_THAT(
      PodErrors([](Pod& p) { p.spec.subdomain = "Web"; }),
      ElementsAre(std::string("spec.subdomain: Invalid value: \"Web\": ") + kDNS1123LabelMsg));
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
                  kQualifiedNameMsg));
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

// ---- Annotations ----------------------------------------------------------------------------

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

// ---- Templates and bindings -----------------------------------------------------------------

TEST(PodValidationTest, TemplateErrorsAreUnderTheGivenPath) {
  EXPECT_THAT(TemplateErrors([](PodTemplateSpec& t) { t.spec.containers[0].image.clear(); }),
              ElementsAre("spec.template.spec.containers[0].image: Required value"));
  EXPECT_THAT(TemplateErrors([](PodTemplateSpec& t) { t.metadata.labels["-app"] = "web"; }),
              ElementsAre(std::string("spec.template.labels: Invalid value: \"-app\": ") +
                          kQualifiedNameMsg));
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
  EXPECT_THAT(ErrorStrings(Validate(object)),
              ElementsAre("template.spec.containers[0].image: Required value"));
}

TEST(PodValidationTest, BindingTarget) {
  Binding binding;
  binding.metadata.name = "web";
  binding.metadata.namespace_ = "default";
  EXPECT_THAT(ErrorStrings(Validate(binding)), ElementsAre("target.name: Required value"));
  binding.target.name = "worker-1";
  binding.target.kind = "Pod";
  EXPECT_THAT(ErrorStrings(Validate(binding)),
              ElementsAre("target.kind: Unsupported value: \"Pod\": supported values: \"Node\", "
                          "\"<empty>\""));
  binding.target.kind = "Node";
  EXPECT_THAT(ErrorStrings(Validate(binding)), IsEmpty());
}

// ---- Defaults -------------------------------------------------------------------------------

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
