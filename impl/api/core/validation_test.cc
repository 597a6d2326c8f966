// Tests for Namespace, Node, ConfigMap, Secret, ServiceAccount, Event, ReplicationController,
// LimitRange and ResourceQuota: defaults, create preparation, and one test per validation rule
// with upstream's exact message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::core {
namespace {

using ::kref::testing::Errors;
using ::kref::testing::kConfigKeyMsg;
using ::kref::testing::kDNS1123LabelMsg;
using ::kref::testing::kDNS1123SubdomainMsg;
using ::kref::testing::kLabelValueMsg;
using ::kref::testing::kQualifiedNameMsg;
using ::kref::testing::Meta;
using ::kref::testing::Q;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// ---- Namespace ------------------------------------------------------------------------------

Namespace ValidNamespace() {
  Namespace ns;
  ns.metadata = Meta("team-a", "");
  PrepareForCreate(ns);
  SetDefaults(ns);
  return ns;
}

TEST(CoreDefaultsTest, NamespacePrepareAddsKubernetesFinalizerAndPhase) {
  Namespace ns;
  ns.metadata = Meta("team-a", "");
  ns.spec.finalizers = {"example.com/cleanup"};
  ns.status.phase = "Terminating";
  PrepareForCreate(ns);
  EXPECT_THAT(ns.spec.finalizers, ElementsAre("example.com/cleanup", "kubernetes"));
  EXPECT_EQ(ns.status.phase, "Active");
  PrepareForCreate(ns);
  EXPECT_EQ(ns.spec.finalizers.size(), 2u);
}

TEST(CoreDefaultsTest, NamespaceGetsNameLabelAndActivePhase) {
  Namespace ns;
  ns.metadata = Meta("team-a", "");
  SetDefaults(ns);
  EXPECT_EQ(ns.metadata.labels.at("kubernetes.io/metadata.name"), "team-a");
  EXPECT_EQ(ns.status.phase, "Active");
}

TEST(CoreValidationTest, NamespaceValid) { EXPECT_THAT(Errors(ValidNamespace()), IsEmpty()); }

TEST(CoreValidationTest, NamespaceNameMustBeDNSLabel) {
  Namespace ns = ValidNamespace();
  ns.metadata.name = "Team_A";
  ns.metadata.labels.clear();
  EXPECT_THAT(Errors(ns), ElementsAre("metadata.name: Invalid value: \"Team_A\": " +
                                      std::string(kDNS1123LabelMsg)));
}

TEST(CoreValidationTest, NamespaceIsClusterScoped) {
  Namespace ns = ValidNamespace();
  ns.metadata.namespace_ = "default";
  EXPECT_THAT(Errors(ns), ElementsAre("metadata.namespace: Forbidden: not allowed on this type"));
}

TEST(CoreValidationTest, NamespaceSpecFinalizerMustBeStandardOrQualified) {
  Namespace ns = ValidNamespace();
  ns.spec.finalizers.push_back("cleanup");
  EXPECT_THAT(Errors(ns),
              ElementsAre("spec.finalizers: Invalid value: \"cleanup\": name is neither a standard "
                          "finalizer name nor is it fully qualified"));
}

TEST(CoreValidationTest, NamespaceSpecFinalizerMustBeQualifiedName) {
  Namespace ns = ValidNamespace();
  ns.spec.finalizers.push_back("example.com/bad name");
  EXPECT_THAT(Errors(ns), ElementsAre("spec.finalizers: Invalid value: \"example.com/bad name\": " +
                                      std::string(kQualifiedNameMsg)));
}

TEST(CoreValidationTest, MetadataFinalizerMustBeStandardOrQualified) {
  Namespace ns = ValidNamespace();
  ns.metadata.finalizers = {"custom"};
  EXPECT_THAT(Errors(ns),
              ElementsAre("metadata.finalizers[0]: Invalid value: \"custom\": name is neither a "
                          "standard finalizer name nor is it fully qualified"));
}

// ---- Node -----------------------------------------------------------------------------------

Node ValidNode() {
  Node node;
  node.metadata = Meta("worker-1", "");
  node.status.capacity = {{"cpu", Q("4")}, {"pods", Q("110")}};
  PrepareForCreate(node);
  SetDefaults(node);
  return node;
}

TEST(CoreDefaultsTest, NodeAllocatableDefaultsToCapacity) {
  Node node = ValidNode();
  EXPECT_EQ(node.status.allocatable, node.status.capacity);
  node.status.allocatable = {{"cpu", Q("3")}};
  SetDefaults(node);
  EXPECT_EQ(node.status.allocatable.size(), 1u);
}

TEST(CoreDefaultsTest, ResourceListsRoundUpToMilli) {
  Node node;
  node.status.capacity = {{"cpu", Q("1500u")}, {"memory", Q("1Gi")}};
  SetDefaults(node);
  EXPECT_EQ(node.status.capacity.at("cpu").ToString(), "2m");
  EXPECT_EQ(node.status.capacity.at("memory").ToString(), "1Gi");
}

TEST(CoreDefaultsTest, NodePrepareDropsConfigSource) {
  Node node;
  node.spec.configSource = NodeConfigSource{};
  node.status.config = NodeConfigStatus{};
  node.status.phase = "Running";
  PrepareForCreate(node);
  EXPECT_FALSE(node.spec.configSource);
  EXPECT_FALSE(node.status.config);
  EXPECT_EQ(node.status.phase, "Running");
}

TEST(CoreDefaultsTest, NodePrepareSyncsPodCIDRs) {
  Node node;
  node.spec.podCIDR = "10.244.1.0/24";
  PrepareForCreate(node);
  EXPECT_THAT(node.spec.podCIDRs, ElementsAre("10.244.1.0/24"));
  node.spec.podCIDRs = {"fd00::/64", "10.244.2.0/24"};
  PrepareForCreate(node);
  EXPECT_EQ(node.spec.podCIDR, "fd00::/64");
}

TEST(CoreValidationTest, NodeValid) { EXPECT_THAT(Errors(ValidNode()), IsEmpty()); }

TEST(CoreValidationTest, NodeIsClusterScoped) {
  Node node = ValidNode();
  node.metadata.namespace_ = "default";
  EXPECT_THAT(Errors(node), ElementsAre("metadata.namespace: Forbidden: not allowed on this type"));
}

TEST(CoreValidationTest, NodeTaintKeyMustBeQualified) {
  Node node = ValidNode();
  node.spec.taints = {{.key = "bad key", .effect = "NoSchedule"}};
  EXPECT_THAT(Errors(node), ElementsAre("metadata.taints[0].key: Invalid value: \"bad key\": " +
                                        std::string(kQualifiedNameMsg)));
}

TEST(CoreValidationTest, NodeTaintValueMustBeLabelValue) {
  Node node = ValidNode();
  node.spec.taints = {{.key = "dedicated", .value = "-gpu", .effect = "NoSchedule"}};
  EXPECT_THAT(Errors(node), ElementsAre("metadata.taints[0].value: Invalid value: \"-gpu\": " +
                                        std::string(kLabelValueMsg)));
}

TEST(CoreValidationTest, NodeTaintEffectRequired) {
  Node node = ValidNode();
  node.spec.taints = {{.key = "dedicated"}};
  EXPECT_THAT(Errors(node), ElementsAre("metadata.taints[0].effect: Required value"));
}

TEST(CoreValidationTest, NodeTaintEffectSupported) {
  Node node = ValidNode();
  node.spec.taints = {{.key = "dedicated", .effect = "NoAdmit"}};
  EXPECT_THAT(Errors(node),
              ElementsAre("metadata.taints[0].effect: Unsupported value: \"NoAdmit\": "
                          "supported values: \"NoSchedule\", \"PreferNoSchedule\", "
                          "\"NoExecute\""));
}

TEST(CoreValidationTest, NodeTaintsUniqueByKeyAndEffect) {
  Node node = ValidNode();
  node.spec.taints = {{.key = "dedicated", .value = "a", .effect = "NoSchedule"},
                      {.key = "dedicated", .value = "b", .effect = "NoExecute"},
                      {.key = "dedicated", .value = "c", .effect = "NoSchedule"}};
  EXPECT_THAT(Errors(node),
              ElementsAre("metadata.taints[2]: Duplicate value: core.Taint{Key:\"dedicated\", "
                          "Value:\"c\", Effect:\"NoSchedule\", TimeAdded:(*v1.Time)(nil)}: taints "
                          "must be unique by key and effect pair"));
}

TEST(CoreValidationTest, NodePodCIDRMustBeCIDR) {
  Node node = ValidNode();
  node.spec.podCIDR = "10.244.1.0";
  EXPECT_THAT(Errors(node),
              ElementsAre("spec.podCIDRs[0]: Invalid value: \"10.244.1.0\": must be a "
                          "valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
}

TEST(CoreValidationTest, NodePodCIDRsOnePerFamily) {
  Node node = ValidNode();
  node.spec.podCIDRs = {"10.244.1.0/24", "10.245.1.0/24"};
  EXPECT_THAT(Errors(node),
              ElementsAre("spec.podCIDRs: Invalid value: []string{\"10.244.1.0/24\", "
                          "\"10.245.1.0/24\"}: may specify no more than one CIDR for each IP "
                          "family"));
}

TEST(CoreValidationTest, NodePodCIDRsNoDuplicates) {
  Node node = ValidNode();
  node.spec.podCIDRs = {"fd00::/64", "fd00::/64"};
  EXPECT_THAT(Errors(node),
              ElementsAre("spec.podCIDRs: Invalid value: []string{\"fd00::/64\", \"fd00::/64\"}: "
                          "may specify no more than one CIDR for each IP family",
                          "spec.podCIDRs[1]: Duplicate value: \"fd00::/64\""));
}

TEST(CoreValidationTest, NodePodCIDRsDualStackValid) {
  Node node = ValidNode();
  node.spec.podCIDRs = {"10.244.1.0/24", "fd00::/64"};
  EXPECT_THAT(Errors(node), IsEmpty());
}

TEST(CoreValidationTest, NodePodCIDRsInvalidAmongSeveral) {
  Node node = ValidNode();
  node.spec.podCIDRs = {"10.244.1.0/24", "fd00::"};
  EXPECT_THAT(Errors(node),
              ElementsAre("spec.podCIDRs[1]: Invalid value: \"fd00::\": must be a valid CIDR "
                          "value, (e.g. 10.9.8.0/24 or 2001:db8::/64)",
                          "spec.podCIDRs: Internal error: invalid PodCIDRs. failed to check with "
                          "dual stack with error:invalid CIDR[1]: <nil> (invalid CIDR address: "
                          "fd00::)",
                          "spec.podCIDRs: Invalid value: []string{\"10.244.1.0/24\", \"fd00::\"}: "
                          "may specify no more than one CIDR for each IP family"));
}

TEST(CoreValidationTest, NodeCapacityNotNegative) {
  Node node = ValidNode();
  node.status.capacity["memory"] = Q("-1Gi");
  EXPECT_THAT(Errors(node), ElementsAre("status.capacity.memory: Invalid value: \"-1Gi\": must be "
                                        "greater than or equal to 0"));
}

TEST(CoreValidationTest, NodeAllocatablePodsMustBeInteger) {
  Node node = ValidNode();
  node.status.allocatable["pods"] = Q("1500m");
  EXPECT_THAT(Errors(node),
              ElementsAre("status.allocatable.pods: Invalid value: 1500m: must be an integer"));
}

// ---- ConfigMap ------------------------------------------------------------------------------

ConfigMap ValidConfigMap() {
  ConfigMap cm;
  cm.metadata = Meta("app-config");
  cm.data = {{"LOG_LEVEL", "info"}};
  cm.binaryData = {{"logo.png", Bytes{"\x89PNG"}}};
  return cm;
}

TEST(CoreValidationTest, ConfigMapValid) { EXPECT_THAT(Errors(ValidConfigMap()), IsEmpty()); }

TEST(CoreValidationTest, ConfigMapKeysAreConfigKeys) {
  ConfigMap cm = ValidConfigMap();
  cm.data["log level"] = "info";
  cm.binaryData["a/b"] = Bytes{"x"};
  EXPECT_THAT(
      Errors(cm),
      ElementsAre("data[log level]: Invalid value: \"log level\": " + std::string(kConfigKeyMsg),
                  "binaryData[a/b]: Invalid value: \"a/b\": " + std::string(kConfigKeyMsg)));
}

TEST(CoreValidationTest, ConfigMapKeyNotInBothBags) {
  ConfigMap cm = ValidConfigMap();
  cm.data["logo.png"] = "text";
  EXPECT_THAT(Errors(cm), ElementsAre("data[logo.png]: Invalid value: \"logo.png\": duplicate of "
                                      "key present in binaryData"));
}

TEST(CoreValidationTest, ConfigMapTotalSize) {
  ConfigMap cm = ValidConfigMap();
  cm.data["big"] = std::string(1024 * 1024, 'x');
  EXPECT_THAT(Errors(cm), ElementsAre(": Too long: must have at most 1048576 bytes"));
}

// ---- Secret ---------------------------------------------------------------------------------

Secret ValidSecret(std::string type = "") {
  Secret secret;
  secret.metadata = Meta("credentials");
  secret.type = std::move(type);
  PrepareForCreate(secret);
  SetDefaults(secret);
  return secret;
}

TEST(CoreDefaultsTest, SecretTypeOpaque) { EXPECT_EQ(ValidSecret().type, "Opaque"); }

TEST(CoreDefaultsTest, SecretDefaultsMergeStringData) {
  Secret secret;
  secret.data = {{"user", Bytes{"old"}}, {"token", Bytes{"t"}}};
  secret.stringData = {{"user", "new"}, {"host", "db"}};
  SetDefaults(secret);
  EXPECT_TRUE(secret.stringData.empty());
  EXPECT_EQ(secret.data.at("user").data, "new");
  EXPECT_EQ(secret.data.at("host").data, "db");
  EXPECT_EQ(secret.data.at("token").data, "t");
}

TEST(CoreValidationTest, SecretValid) { EXPECT_THAT(Errors(ValidSecret()), IsEmpty()); }

TEST(CoreValidationTest, SecretKeysAreConfigKeys) {
  Secret secret = ValidSecret();
  secret.data["bad key"] = Bytes{"x"};
  secret.stringData["other/key"] = "y";
  EXPECT_THAT(
      Errors(secret),
      ElementsAre("data[bad key]: Invalid value: \"bad key\": " + std::string(kConfigKeyMsg),
                  "data[other/key]: Invalid value: \"other/key\": " + std::string(kConfigKeyMsg)));
}

TEST(CoreValidationTest, SecretTotalSize) {
  Secret secret = ValidSecret();
  secret.data["a"] = Bytes{std::string(600 * 1024, 'x')};
  secret.data["b"] = Bytes{std::string(600 * 1024, 'x')};
  EXPECT_THAT(Errors(secret), ElementsAre("data: Too long: must have at most 1048576 bytes"));
}

TEST(CoreValidationTest, SecretServiceAccountTokenNeedsAnnotation) {
  Secret secret = ValidSecret("kubernetes.io/service-account-token");
  EXPECT_THAT(Errors(secret),
              ElementsAre("metadata.annotations[kubernetes.io/service-account.name]: Required "
                          "value"));
}

TEST(CoreValidationTest, SecretDockercfgKeyRequired) {
  Secret secret = ValidSecret("kubernetes.io/dockercfg");
  EXPECT_THAT(Errors(secret), ElementsAre("data[.dockercfg]: Required value"));
}

TEST(CoreValidationTest, SecretDockerConfigJsonMustBeJsonObject) {
  Secret secret = ValidSecret("kubernetes.io/dockerconfigjson");
  secret.data[".dockerconfigjson"] = Bytes{R"({"auths": {"registry": 1})"};
  EXPECT_THAT(Errors(secret), ElementsAre("data[.dockerconfigjson]: Invalid value: \"<secret "
                                          "contents redacted>\": unexpected end of JSON input"));
  secret.data[".dockerconfigjson"] = Bytes{R"({"auths" {}})"};
  EXPECT_THAT(Errors(secret), ElementsAre("data[.dockerconfigjson]: Invalid value: \"<secret "
                                          "contents redacted>\": invalid character '{' after "
                                          "object key"));
  secret.data[".dockerconfigjson"] = Bytes{R"(["auths"])"};
  EXPECT_THAT(Errors(secret), ElementsAre("data[.dockerconfigjson]: Invalid value: \"<secret "
                                          "contents redacted>\": json: cannot unmarshal array "
                                          "into Go value of type map[string]interface {}"));
  secret.data[".dockerconfigjson"] = Bytes{R"({"auths": {}})"};
  EXPECT_THAT(Errors(secret), IsEmpty());
}

TEST(CoreValidationTest, SecretDockerConfigJsonSyntaxMessages) {
  Secret secret = ValidSecret("kubernetes.io/dockercfg");
  auto message = [&](std::string json) {
    secret.data[".dockercfg"] = Bytes{std::move(json)};
    std::vector<std::string> errors = Errors(secret);
    return errors.empty() ? std::string() : errors[0].substr(errors[0].rfind("\": ") + 3);
  };
  EXPECT_EQ(message("{'a': 1}"),
            "invalid character '\\'' looking for beginning of object key string");
  EXPECT_EQ(message("{\"a\": tru}"), "invalid character '}' in literal true (expecting 'e')");
  EXPECT_EQ(message("{\"a\": 1.}"), "invalid character '}' after decimal point in numeric literal");
  EXPECT_EQ(message("{\"a\": [1 2]}"), "invalid character '2' after array element");
  EXPECT_EQ(message("{\"a\": 1 \"b\"}"), "invalid character '\"' after object key:value pair");
  EXPECT_EQ(message("{} x"), "invalid character 'x' after top-level value");
  EXPECT_EQ(message("{\"a\": \"\\q\"}"), "invalid character 'q' in string escape code");
  EXPECT_EQ(message(""), "unexpected end of JSON input");
  EXPECT_EQ(message("nul"), "invalid character ' ' in literal null (expecting 'l')");
  EXPECT_EQ(message("null"), "");
  EXPECT_EQ(message("\"x\""),
            "json: cannot unmarshal string into Go value of type "
            "map[string]interface {}");
}

TEST(CoreValidationTest, SecretBasicAuthNeedsUsernameOrPassword) {
  Secret secret = ValidSecret("kubernetes.io/basic-auth");
  EXPECT_THAT(Errors(secret),
              ElementsAre("data[username]: Required value", "data[password]: Required value"));
  secret.stringData["password"] = "";
  EXPECT_THAT(Errors(secret), IsEmpty());
}

TEST(CoreValidationTest, SecretSSHAuthNeedsPrivateKey) {
  Secret secret = ValidSecret("kubernetes.io/ssh-auth");
  secret.data["ssh-privatekey"] = Bytes{""};
  EXPECT_THAT(Errors(secret), ElementsAre("data[ssh-privatekey]: Required value"));
}

TEST(CoreValidationTest, SecretTLSNeedsCertAndKey) {
  Secret secret = ValidSecret("kubernetes.io/tls");
  secret.data["tls.crt"] = Bytes{"cert"};
  EXPECT_THAT(Errors(secret), ElementsAre("data[tls.key]: Required value"));
}

// ---- ServiceAccount -------------------------------------------------------------------------

TEST(CoreDefaultsTest, ServiceAccountPrepareKeepsSecretNamesOnly) {
  ServiceAccount sa;
  sa.secrets = {{.kind = "Secret", .namespace_ = "ci", .name = "token", .uid = "u1"}};
  PrepareForCreate(sa);
  EXPECT_EQ(sa.secrets[0], ObjectReference{.name = "token"});
}

TEST(CoreValidationTest, ServiceAccountNameMustBeDNSSubdomain) {
  ServiceAccount sa;
  sa.metadata = Meta("Build_Robot");
  EXPECT_THAT(Errors(sa), ElementsAre("metadata.name: Invalid value: \"Build_Robot\": " +
                                      std::string(kDNS1123SubdomainMsg)));
}

TEST(CoreValidationTest, ServiceAccountNamespaceRequired) {
  ServiceAccount sa;
  sa.metadata = Meta("build-robot", "");
  EXPECT_THAT(Errors(sa), ElementsAre("metadata.namespace: Required value"));
}

// ---- Event ----------------------------------------------------------------------------------

Event ValidEvent() {
  Event event;
  event.metadata = Meta("web-0.17a2b3c4d5e6f7a8");
  event.involvedObject = {.kind = "Pod", .namespace_ = "default", .name = "web-0"};
  event.reason = "Started";
  event.type = "Normal";
  return event;
}

Event ValidNewEvent() {
  Event event = ValidEvent();
  event.eventTime = *MicroTime::Parse("2024-11-05T10:15:30.123456Z");
  event.reportingComponent = "kubelet";
  event.reportingInstance = "worker-1";
  event.action = "Started";
  return event;
}

TEST(CoreValidationTest, EventValid) {
  EXPECT_THAT(Errors(ValidEvent()), IsEmpty());
  EXPECT_THAT(Errors(ValidNewEvent()), IsEmpty());
}

TEST(CoreValidationTest, EventInvolvedObjectNamespaceMatches) {
  Event event = ValidEvent();
  event.involvedObject.namespace_ = "other";
  EXPECT_THAT(Errors(event), ElementsAre("involvedObject.namespace: Invalid value: \"other\": does "
                                         "not match event.namespace"));
}

TEST(CoreValidationTest, EventWithoutInvolvedNamespaceOnlyInDefault) {
  Event event = ValidEvent();
  event.metadata.namespace_ = "shop";
  event.involvedObject.namespace_ = "";
  EXPECT_THAT(Errors(event), ElementsAre("involvedObject.namespace: Invalid value: \"\": does not "
                                         "match event.namespace"));
}

TEST(CoreValidationTest, NewEventNeedsReportingFields) {
  Event event = ValidNewEvent();
  event.reportingComponent = "";
  event.reportingInstance = "";
  event.action = "";
  event.reason = std::string(129, 'r');
  EXPECT_THAT(
      Errors(event),
      ElementsAre("reportingController: Required value",
                  "reportingController: Invalid value: \"\": name part must be non-empty",
                  "reportingController: Invalid value: \"\": " + std::string(kQualifiedNameMsg),
                  "reportingInstance: Required value", "action: Required value",
                  "reason: Invalid value: \"\": can have at most 128 characters"));
}

TEST(CoreValidationTest, NewEventMessageLength) {
  Event event = ValidNewEvent();
  event.message = std::string(1025, 'm');
  EXPECT_THAT(Errors(event),
              ElementsAre("message: Invalid value: \"\": can have at most 1024 characters"));
}

TEST(CoreValidationTest, EventNamespaceMustBeDNSSubdomain) {
  Event event = ValidEvent();
  event.metadata.namespace_ = "Shop";
  event.involvedObject.namespace_ = "Shop";
  EXPECT_THAT(Errors(event), ElementsAre("namespace: Invalid value: \"Shop\": " +
                                         std::string(kDNS1123SubdomainMsg)));
}

TEST(CoreValidationTest, EventMetadataCheckedAfterEventRules) {
  Event event = ValidEvent();
  event.metadata.name = "";
  EXPECT_THAT(Errors(event),
              ElementsAre("metadata.name: Required value: name or generateName is required"));
}

// ---- ReplicationController ------------------------------------------------------------------

ReplicationController ValidRC() {
  ReplicationController rc;
  rc.metadata = Meta("nginx");
  PodTemplateSpec tmpl;
  tmpl.metadata.labels = {{"app", "nginx"}};
  tmpl.spec.containers = {{.name = "nginx", .image = "nginx:1.27.2"}};
  rc.spec.template_ = tmpl;
  PrepareForCreate(rc);
  SetDefaults(rc);
  return rc;
}

TEST(CoreDefaultsTest, ReplicationControllerDefaults) {
  ReplicationController rc = ValidRC();
  EXPECT_EQ(rc.spec.replicas, 1);
  EXPECT_EQ(rc.spec.selector, (Map<std::string>{{"app", "nginx"}}));
  EXPECT_EQ(rc.metadata.labels, (Map<std::string>{{"app", "nginx"}}));
  EXPECT_EQ(rc.spec.template_->spec.restartPolicy, "Always");
  EXPECT_EQ(rc.metadata.generation, 1);
}

TEST(CoreDefaultsTest, ReplicationControllerKeepsGivenSelectorAndLabels) {
  ReplicationController rc;
  rc.metadata.labels = {{"team", "web"}};
  rc.spec.replicas = 0;
  rc.spec.selector = {{"app", "a"}};
  rc.spec.template_ = PodTemplateSpec{};
  rc.spec.template_->metadata.labels = {{"app", "a"}, {"v", "1"}};
  rc.status.replicas = 3;
  PrepareForCreate(rc);
  SetDefaults(rc);
  EXPECT_EQ(rc.spec.replicas, 0);
  EXPECT_EQ(rc.spec.selector, (Map<std::string>{{"app", "a"}}));
  EXPECT_EQ(rc.metadata.labels, (Map<std::string>{{"team", "web"}}));
  EXPECT_EQ(rc.status.replicas, 0);
}

TEST(CoreValidationTest, ReplicationControllerValid) { EXPECT_THAT(Errors(ValidRC()), IsEmpty()); }

TEST(CoreValidationTest, ReplicationControllerReplicasNotNegative) {
  ReplicationController rc = ValidRC();
  rc.spec.replicas = -1;
  EXPECT_THAT(Errors(rc), ElementsAre("spec.replicas: Invalid value: -1: must be greater than or "
                                      "equal to 0"));
}

TEST(CoreValidationTest, ReplicationControllerMinReadySecondsNotNegative) {
  ReplicationController rc = ValidRC();
  rc.spec.minReadySeconds = -5;
  EXPECT_THAT(Errors(rc), ElementsAre("spec.minReadySeconds: Invalid value: -5: must be greater "
                                      "than or equal to 0"));
}

TEST(CoreValidationTest, ReplicationControllerSelectorRequired) {
  ReplicationController rc = ValidRC();
  rc.spec.selector.clear();
  EXPECT_THAT(Errors(rc), ElementsAre("spec.selector: Required value"));
}

TEST(CoreValidationTest, ReplicationControllerSelectorMatchesTemplate) {
  ReplicationController rc = ValidRC();
  rc.spec.selector = {{"app", "other"}};
  EXPECT_THAT(Errors(rc), ElementsAre("spec.template.metadata.labels: Invalid value: "
                                      "map[string]string{\"app\":\"nginx\"}: `selector` does not "
                                      "match template `labels`"));
}

TEST(CoreValidationTest, ReplicationControllerTemplateRequired) {
  ReplicationController rc = ValidRC();
  rc.spec.template_.reset();
  EXPECT_THAT(Errors(rc), ElementsAre("spec.template: Required value"));
}

TEST(CoreValidationTest, ReplicationControllerRestartPolicyAlways) {
  ReplicationController rc = ValidRC();
  rc.spec.template_->spec.restartPolicy = "OnFailure";
  EXPECT_THAT(Errors(rc), ElementsAre("spec.template.spec.restartPolicy: Unsupported value: "
                                      "\"OnFailure\": supported values: \"Always\""));
}

TEST(CoreValidationTest, ReplicationControllerNoActiveDeadline) {
  ReplicationController rc = ValidRC();
  rc.spec.template_->spec.activeDeadlineSeconds = 60;
  EXPECT_THAT(Errors(rc), ElementsAre("spec.template.spec.activeDeadlineSeconds: Forbidden: "
                                      "activeDeadlineSeconds in ReplicationController is not "
                                      "Supported"));
}

TEST(CoreValidationTest, ReplicationControllerTemplateValidated) {
  ReplicationController rc = ValidRC();
  rc.spec.template_->spec.containers[0].image = "";
  EXPECT_THAT(Errors(rc), ElementsAre("spec.template.spec.containers[0].image: Required value"));
}

// ---- LimitRange -----------------------------------------------------------------------------

LimitRange ValidLimitRange() {
  LimitRange lr;
  lr.metadata = Meta("limits");
  lr.spec.limits = {{.type = "Container",
                     .max = {{"cpu", Q("2")}},
                     .min = {{"cpu", Q("100m")}},
                     .default_ = {{"cpu", Q("500m")}}}};
  PrepareForCreate(lr);
  SetDefaults(lr);
  return lr;
}

TEST(CoreDefaultsTest, LimitRangeContainerDefaults) {
  LimitRange lr;
  lr.spec.limits = {{.type = "Container",
                     .max = {{"cpu", Q("2")}, {"memory", Q("1Gi")}},
                     .min = {{"cpu", Q("100m")}, {"ephemeral-storage", Q("1Gi")}},
                     .default_ = {{"cpu", Q("500m")}}},
                    {.type = "Pod", .max = {{"cpu", Q("4")}}}};
  SetDefaults(lr);
  const LimitRangeItem& item = lr.spec.limits[0];
  EXPECT_EQ(item.default_.at("cpu").ToString(), "500m");
  EXPECT_EQ(item.default_.at("memory").ToString(), "1Gi");
  EXPECT_EQ(item.defaultRequest.at("cpu").ToString(), "500m");
  EXPECT_EQ(item.defaultRequest.at("memory").ToString(), "1Gi");
  EXPECT_EQ(item.defaultRequest.at("ephemeral-storage").ToString(), "1Gi");
  EXPECT_TRUE(lr.spec.limits[1].default_.empty());
}

TEST(CoreDefaultsTest, LimitRangePrepareNamesFromUID) {
  LimitRange lr;
  lr.metadata.uid = "6f1d2c3b-4a5e-4f60-8192-a3b4c5d6e7f8";
  PrepareForCreate(lr);
  EXPECT_EQ(lr.metadata.name, lr.metadata.uid);
}

TEST(CoreValidationTest, LimitRangeValid) { EXPECT_THAT(Errors(ValidLimitRange()), IsEmpty()); }

TEST(CoreValidationTest, LimitRangeTypeStandardOrQualified) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits.push_back({.type = "Namespace"});
  EXPECT_THAT(Errors(lr), ElementsAre("spec.limits[1].type: Invalid value: \"Namespace\": must be "
                                      "a standard limit type or fully qualified"));
}

TEST(CoreValidationTest, LimitRangeTypesUnique) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits.push_back({.type = "Container"});
  EXPECT_THAT(Errors(lr), ElementsAre("spec.limits[1].type: Duplicate value: \"Container\""));
}

TEST(CoreValidationTest, LimitRangeContainerResourceNames) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits[0].max["storage"] = Q("1Gi");
  EXPECT_THAT(Errors(lr), ElementsAre("spec.limits[0].max[storage]: Invalid value: \"storage\": "
                                      "must be a standard resource for containers"));
}

TEST(CoreValidationTest, LimitRangeMinNotAboveMax) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits[0].min["cpu"] = Q("3");
  lr.spec.limits[0].default_["cpu"] = Q("3");
  lr.spec.limits[0].defaultRequest["cpu"] = Q("3");
  EXPECT_THAT(Errors(lr),
              ElementsAre("spec.limits[0].min[cpu]: Invalid value: 3: min value 3 is greater than "
                          "max value 2",
                          "spec.limits[0].defaultRequest[cpu]: Invalid value: 3: default request "
                          "value 3 is greater than max value 2",
                          "spec.limits[0].default[cpu]: Invalid value: 2: default value 3 is "
                          "greater than max value 2"));
}

TEST(CoreValidationTest, LimitRangeDefaultRequestNotAboveDefault) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits[0].defaultRequest["cpu"] = Q("1");
  EXPECT_THAT(Errors(lr), ElementsAre("spec.limits[0].defaultRequest[cpu]: Invalid value: 1: "
                                      "default request value 1 is greater than default limit "
                                      "value 500m"));
}

TEST(CoreValidationTest, LimitRangeMinNotAboveDefaults) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits[0].defaultRequest["cpu"] = Q("50m");
  lr.spec.limits[0].default_["cpu"] = Q("80m");
  EXPECT_THAT(Errors(lr),
              ElementsAre("spec.limits[0].defaultRequest[cpu]: Invalid value: 50m: min value 100m "
                          "is greater than default request value 50m",
                          "spec.limits[0].default[cpu]: Invalid value: 100m: min value 100m is "
                          "greater than default value 80m"));
}

TEST(CoreValidationTest, LimitRangeRatioAtLeastOne) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits[0].maxLimitRequestRatio = {{"cpu", Q("500m")}};
  EXPECT_THAT(Errors(lr), ElementsAre("spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: "
                                      "500m: ratio 500m is less than 1"));
}

TEST(CoreValidationTest, LimitRangeRatioWithinMaxOverMin) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits[0].maxLimitRequestRatio = {{"cpu", Q("30")}};
  EXPECT_THAT(Errors(lr), ElementsAre("spec.limits[0].maxLimitRequestRatio[cpu]: Invalid value: "
                                      "30: ratio 30 is greater than max/min = 20.000000"));
}

TEST(CoreValidationTest, LimitRangePodMayNotSetDefaults) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits.push_back(
      {.type = "Pod", .default_ = {{"cpu", Q("1")}}, .defaultRequest = {{"cpu", Q("1")}}});
  EXPECT_THAT(Errors(lr),
              ElementsAre("spec.limits[1].default: Forbidden: may not be specified when `type` is "
                          "'Pod'",
                          "spec.limits[1].defaultRequest: Forbidden: may not be specified when "
                          "`type` is 'Pod'"));
}

TEST(CoreValidationTest, LimitRangeClaimNeedsStorageBound) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits.push_back({.type = "PersistentVolumeClaim"});
  EXPECT_THAT(Errors(lr), ElementsAre("spec.limits[1].limits: Required value: either minimum or "
                                      "maximum storage value is required, but neither was "
                                      "provided"));
}

TEST(CoreValidationTest, LimitRangeHugePagesDefaultEqualsRequest) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits[0].default_["hugepages-2Mi"] = Q("4Mi");
  lr.spec.limits[0].defaultRequest["hugepages-2Mi"] = Q("2Mi");
  EXPECT_THAT(Errors(lr), ElementsAre("spec.limits[0].defaultRequest[hugepages-2Mi]: Invalid "
                                      "value: 2Mi: default value 4Mi must equal to defaultRequest "
                                      "value 2Mi in hugepages-2Mi"));
}

TEST(CoreValidationTest, LimitRangeExtendedResourceNames) {
  LimitRange lr = ValidLimitRange();
  lr.spec.limits[0].max["example.com/gpu"] = Q("2");
  lr.spec.limits[0].max["requests.example.com/gpu"] = Q("2");
  EXPECT_THAT(Errors(lr),
              ElementsAre("spec.limits[0].max[requests.example.com/gpu]: Invalid value: "
                          "\"requests.example.com/gpu\": doesn't follow extended "
                          "resource name standard"));
}

// ---- ResourceQuota --------------------------------------------------------------------------

ResourceQuota ValidQuota() {
  ResourceQuota quota;
  quota.metadata = Meta("compute");
  quota.spec.hard = {{"pods", Q("10")}, {"requests.cpu", Q("4")}};
  PrepareForCreate(quota);
  SetDefaults(quota);
  return quota;
}

TEST(CoreDefaultsTest, ResourceQuotaPrepareClearsStatus) {
  ResourceQuota quota;
  quota.status.used = {{"pods", Q("3")}};
  PrepareForCreate(quota);
  EXPECT_TRUE(quota.status.used.empty());
}

TEST(CoreValidationTest, ResourceQuotaValid) { EXPECT_THAT(Errors(ValidQuota()), IsEmpty()); }

TEST(CoreValidationTest, ResourceQuotaHardNotNegative) {
  ResourceQuota quota = ValidQuota();
  quota.spec.hard["requests.cpu"] = Q("-1");
  EXPECT_THAT(Errors(quota), ElementsAre("spec.hard[requests.cpu]: Invalid value: \"-1\": must be "
                                         "greater than or equal to 0"));
}

TEST(CoreValidationTest, ResourceQuotaCountsAreIntegers) {
  ResourceQuota quota = ValidQuota();
  quota.spec.hard["count/deployments.apps"] = Q("1.5");
  EXPECT_THAT(Errors(quota), ElementsAre("spec.hard[count/deployments.apps]: Invalid value: 1500m: "
                                         "must be an integer"));
}

TEST(CoreValidationTest, ResourceQuotaResourceNames) {
  ResourceQuota quota = ValidQuota();
  quota.spec.hard["gpus"] = Q("1");
  EXPECT_THAT(Errors(quota),
              ElementsAre("spec.hard[gpus]: Invalid value: \"gpus\": must be a standard resource "
                          "type or fully qualified",
                          "spec.hard[gpus]: Invalid value: \"gpus\": must be a standard resource "
                          "for quota"));
}

TEST(CoreValidationTest, ResourceQuotaStatusLists) {
  ResourceQuota quota = ValidQuota();
  quota.status.hard = {{"pods", Q("10")}};
  quota.status.used = {{"services", Q("-1")}};
  EXPECT_THAT(Errors(quota), ElementsAre("status.used[services]: Invalid value: \"-1\": must be "
                                         "greater than or equal to 0"));
}

TEST(CoreValidationTest, ResourceQuotaScopeSupported) {
  ResourceQuota quota = ValidQuota();
  quota.spec.scopes = {"Expensive"};
  EXPECT_THAT(Errors(quota), ElementsAre("spec.scopes: Invalid value: "
                                         "[]core.ResourceQuotaScope{\"Expensive\"}: unsupported "
                                         "scope"));
}

TEST(CoreValidationTest, ResourceQuotaScopeAppliesToResources) {
  ResourceQuota quota = ValidQuota();
  quota.spec.scopes = {"BestEffort"};
  EXPECT_THAT(Errors(quota), ElementsAre("spec.scopes: Invalid value: "
                                         "[]core.ResourceQuotaScope{\"BestEffort\"}: unsupported "
                                         "scope applied to resource"));
}

TEST(CoreValidationTest, ResourceQuotaScopesNotConflicting) {
  ResourceQuota quota = ValidQuota();
  quota.spec.scopes = {"Terminating", "NotTerminating"};
  EXPECT_THAT(Errors(quota), ElementsAre("spec.scopes: Invalid value: "
                                         "[]core.ResourceQuotaScope{\"Terminating\", "
                                         "\"NotTerminating\"}: conflicting scopes"));
}

TEST(CoreValidationTest, ResourceQuotaScopeSelectorOperators) {
  ResourceQuota quota = ValidQuota();
  quota.spec.scopeSelector = ScopeSelector{
      .matchExpressions = {{.scopeName = "PriorityClass", .operator_ = "In"},
                           {.scopeName = "PriorityClass", .operator_ = "Exists", .values = {"x"}},
                           {.scopeName = "PriorityClass", .operator_ = "Equals"},
                           {.scopeName = "NotBestEffort", .operator_ = "DoesNotExist"}}};
  EXPECT_THAT(
      Errors(quota),
      ElementsAre(
          "spec.scopeSelector.matchExpressions.values: Required value: must be at least "
          "one value when `operator` is 'In' or 'NotIn' for scope selector",
          "spec.scopeSelector.matchExpressions.values: Invalid value: []string{\"x\"}: "
          "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope "
          "selector",
          "spec.scopeSelector.matchExpressions.operator: Invalid value: \"Equals\": not a "
          "valid selector operator",
          "spec.scopeSelector.matchExpressions.operator: Invalid value: \"DoesNotExist\": "
          "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, "
          "ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, "
          "ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity"));
}

TEST(CoreValidationTest, ResourceQuotaScopeSelectorScopeSupported) {
  ResourceQuota quota = ValidQuota();
  quota.spec.scopeSelector =
      ScopeSelector{.matchExpressions = {{.scopeName = "Cheap", .operator_ = "Exists"}}};
  EXPECT_THAT(Errors(quota), ElementsAre("spec.scopeSelector.matchExpressions.scopeName: Invalid "
                                         "value: \"Cheap\": unsupported scope"));
}

TEST(CoreValidationTest, ResourceQuotaScopeSelectorAppliesToResources) {
  ResourceQuota quota = ValidQuota();
  quota.spec.hard = {{"requests.cpu", Q("4")}};
  quota.spec.scopeSelector =
      ScopeSelector{.matchExpressions = {{.scopeName = "BestEffort", .operator_ = "Exists"}}};
  EXPECT_THAT(Errors(quota),
              ElementsAre("spec.scopeSelector.matchExpressions: Invalid value: "
                          "core.ScopeSelector{MatchExpressions:[]core."
                          "ScopedResourceSelectorRequirement{core."
                          "ScopedResourceSelectorRequirement{ScopeName:\"BestEffort\", "
                          "Operator:\"Exists\", Values:[]string(nil)}}}: unsupported scope "
                          "applied to resource"));
}

}  // namespace
}  // namespace kref::api::core
