// Tests for the core/v1 kinds other than the pod kinds: defaults, create preparation, and one
// test per validation rule with upstream's exact message; every realistic manifest in
// impl/api/testdata/core (but the pod kinds') is valid after PrepareForCreate and defaults.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/api/manifest.h"
#include "impl/api/registry.h"

namespace kref::api::core {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

template <class T>
std::vector<std::string> Errors(const T& object) {
  std::vector<std::string> out;
  for (const validation::FieldError& error : Validate(object)) out.push_back(error.ToString());
  return out;
}

std::vector<std::string> Strings(const validation::FieldErrors& errors) {
  std::vector<std::string> out;
  for (const validation::FieldError& error : errors) out.push_back(error.ToString());
  return out;
}

Quantity Q(std::string_view text) { return *Quantity::Parse(text); }

meta::ObjectMeta Meta(std::string name, std::string ns = "default") {
  meta::ObjectMeta m;
  m.name = std::move(name);
  m.namespace_ = std::move(ns);
  return m;
}

const char kDNS1123SubdomainMsg[] =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
    "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const char kDNS1123LabelMsg[] =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex "
    "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const char kQualifiedNameMsg[] =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
    "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
    "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const char kLabelValueMsg[] =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
    "'my_value',  or '12345', regex used for validation is "
    "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const char kConfigKeyMsg[] =
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. "
    "'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

std::string Err(std::string field, std::string body) { return field + ": " + body; }

// ---- Manifests ------------------------------------------------------------------------------

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

TEST(CoreValidationTest, TestdataManifestsAreValid) {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator("impl/api/testdata/core")) {
    std::string file = entry.path().filename().string();
    if (entry.path().extension() != ".yaml") continue;
    if (file == "pod.yaml" || file == "podtemplate.yaml" || file == "binding.yaml") continue;
    Result<std::vector<ManifestDocument>> docs = ParseManifests(ReadFile(entry.path()));
    ASSERT_TRUE(docs.has_value()) << file;
    for (const ManifestDocument& doc : *docs) {
      Result<std::unique_ptr<Object>> object = Registry::Default().Decode(doc.value);
      ASSERT_TRUE(object.has_value()) << file << ": " << object.error().message();
      Object& o = **object;
      if (o.info().namespaced && o.metadata().namespace_.empty()) {
        o.metadata().namespace_ = "default";
      }
      o.metadata().uid = "00000000-0000-0000-0000-000000000000";
      o.PrepareForCreate();
      o.Default();
      EXPECT_THAT(Strings(o.Validate()), IsEmpty()) << file << " " << o.metadata().name;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 15);
}

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
  EXPECT_THAT(Errors(ns), ElementsAre(Err("metadata.name", "Invalid value: \"Team_A\": " +
                                                               std::string(kDNS1123LabelMsg))));
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

// ---- Service --------------------------------------------------------------------------------

Service ValidService(std::string type = "ClusterIP") {
  Service svc;
  svc.metadata = Meta("web");
  svc.spec.type = std::move(type);
  svc.spec.selector = {{"app", "web"}};
  svc.spec.ports = {{.name = "http", .port = 80, .targetPort = IntOrString::FromString("http")}};
  PrepareForCreate(svc);
  SetDefaults(svc);
  return svc;
}

TEST(CoreDefaultsTest, ServiceDefaults) {
  Service svc;
  svc.spec.ports = {{.port = 80}};
  SetDefaults(svc);
  EXPECT_EQ(svc.spec.type, "ClusterIP");
  EXPECT_EQ(svc.spec.sessionAffinity, "None");
  EXPECT_EQ(svc.spec.ports[0].protocol, "TCP");
  EXPECT_EQ(svc.spec.ports[0].targetPort, IntOrString::FromInt(80));
  EXPECT_EQ(svc.spec.internalTrafficPolicy, "Cluster");
  EXPECT_EQ(svc.spec.externalTrafficPolicy, "");
  EXPECT_FALSE(svc.spec.allocateLoadBalancerNodePorts);
}

TEST(CoreDefaultsTest, ServiceLoadBalancerDefaults) {
  Service svc;
  svc.spec.type = "LoadBalancer";
  svc.spec.sessionAffinity = "ClientIP";
  svc.status.loadBalancer.ingress = {{.ip = "203.0.113.7"}};
  SetDefaults(svc);
  EXPECT_EQ(svc.spec.externalTrafficPolicy, "Cluster");
  EXPECT_EQ(svc.spec.allocateLoadBalancerNodePorts, true);
  EXPECT_EQ(svc.spec.sessionAffinityConfig->clientIP->timeoutSeconds, 10800);
  EXPECT_EQ(svc.status.loadBalancer.ingress[0].ipMode, "VIP");
}

TEST(CoreDefaultsTest, ServiceExternalNameHasNoInternalTrafficPolicy) {
  Service svc;
  svc.spec.type = "ExternalName";
  SetDefaults(svc);
  EXPECT_FALSE(svc.spec.internalTrafficPolicy);
}

TEST(CoreDefaultsTest, ServicePrepareClearsStatusAndFillsClusterIPs) {
  Service svc;
  svc.spec.clusterIP = "10.96.0.10";
  svc.status.loadBalancer.ingress = {{.ip = "203.0.113.7"}};
  PrepareForCreate(svc);
  EXPECT_THAT(svc.spec.clusterIPs, ElementsAre("10.96.0.10"));
  EXPECT_TRUE(svc.status.loadBalancer.ingress.empty());
}

TEST(CoreValidationTest, ServiceValid) {
  EXPECT_THAT(Errors(ValidService()), IsEmpty());
  EXPECT_THAT(Errors(ValidService("NodePort")), IsEmpty());
  EXPECT_THAT(Errors(ValidService("LoadBalancer")), IsEmpty());
}

TEST(CoreValidationTest, ServiceNameMustBeDNS1035Label) {
  Service svc = ValidService();
  svc.metadata.name = "1web";
  EXPECT_THAT(Errors(svc),
              ElementsAre("metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist "
                          "of lower case alphanumeric characters or '-', start with an alphabetic "
                          "character, and end with an alphanumeric character (e.g. 'my-name',  or "
                          "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"));
}

TEST(CoreValidationTest, ServicePortsRequired) {
  Service svc = ValidService();
  svc.spec.ports.clear();
  EXPECT_THAT(Errors(svc), ElementsAre("spec.ports: Required value"));
}

TEST(CoreValidationTest, ServicePortNameRequiredWithSeveralPorts) {
  Service svc = ValidService();
  svc.spec.ports.push_back(
      {.protocol = "TCP", .port = 443, .targetPort = IntOrString::FromInt(8443)});
  EXPECT_THAT(Errors(svc), ElementsAre("spec.ports[1].name: Required value"));
}

TEST(CoreValidationTest, ServicePortNamesUnique) {
  Service svc = ValidService();
  svc.spec.ports.push_back(
      {.name = "http", .protocol = "TCP", .port = 443, .targetPort = IntOrString::FromInt(8443)});
  EXPECT_THAT(Errors(svc), ElementsAre("spec.ports[1].name: Duplicate value: \"http\""));
}

TEST(CoreValidationTest, ServicePortNameMustBeDNSLabel) {
  Service svc = ValidService();
  svc.spec.ports[0].name = "HTTP";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.ports[0].name: Invalid value: \"HTTP\": " +
                                       std::string(kDNS1123LabelMsg)));
}

TEST(CoreValidationTest, ServicePortInRange) {
  Service svc = ValidService();
  svc.spec.ports[0].port = 70000;
  EXPECT_THAT(Errors(svc),
              ElementsAre("spec.ports[0].port: Invalid value: 70000: must be between 1 "
                          "and 65535, inclusive"));
}

TEST(CoreValidationTest, ServicePortProtocolSupported) {
  Service svc = ValidService();
  svc.spec.ports[0].protocol = "HTTP";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.ports[0].protocol: Unsupported value: \"HTTP\": "
                                       "supported values: \"SCTP\", \"TCP\", \"UDP\""));
}

TEST(CoreValidationTest, ServiceTargetPortNumberInRange) {
  Service svc = ValidService();
  svc.spec.ports[0].targetPort = IntOrString::FromInt(0);
  EXPECT_THAT(Errors(svc), ElementsAre("spec.ports[0].targetPort: Invalid value: 0: must be "
                                       "between 1 and 65535, inclusive"));
}

TEST(CoreValidationTest, ServiceTargetPortNameIsIANAName) {
  Service svc = ValidService();
  svc.spec.ports[0].targetPort = IntOrString::FromString("http_alt");
  EXPECT_THAT(Errors(svc), ElementsAre("spec.ports[0].targetPort: Invalid value: \"http_alt\": "
                                       "must contain only alpha-numeric characters (a-z, 0-9), "
                                       "and hyphens (-)"));
}

TEST(CoreValidationTest, ServiceAppProtocolQualified) {
  Service svc = ValidService();
  svc.spec.ports[0].appProtocol = "bad protocol";
  EXPECT_THAT(Errors(svc),
              ElementsAre("spec.ports[0].appProtocol: Invalid value: \"bad protocol\": " +
                          std::string(kQualifiedNameMsg)));
}

TEST(CoreValidationTest, ServicePortProtocolPairsUnique) {
  Service svc = ValidService();
  svc.spec.ports.push_back(
      {.name = "alt", .protocol = "TCP", .port = 80, .targetPort = IntOrString::FromInt(81)});
  EXPECT_THAT(Errors(svc),
              ElementsAre("spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", "
                          "Protocol:\"TCP\", AppProtocol:(*string)(nil), Port:80, "
                          "TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, "
                          "NodePort:0}"));
}

TEST(CoreValidationTest, ServiceNodePortForbiddenForClusterIP) {
  Service svc = ValidService();
  svc.spec.ports[0].nodePort = 30080;
  EXPECT_THAT(Errors(svc), ElementsAre("spec.ports[0].nodePort: Forbidden: may not be used when "
                                       "`type` is 'ClusterIP'"));
}

TEST(CoreValidationTest, ServiceNodePortsUnique) {
  Service svc = ValidService("NodePort");
  svc.spec.ports[0].nodePort = 30080;
  svc.spec.ports.push_back({.name = "alt",
                            .protocol = "TCP",
                            .port = 81,
                            .targetPort = IntOrString::FromInt(81),
                            .nodePort = 30080});
  EXPECT_THAT(Errors(svc), ElementsAre("spec.ports[1].nodePort: Duplicate value: 30080"));
}

TEST(CoreValidationTest, ServiceTypeSupported) {
  Service svc = ValidService();
  svc.spec.type = "Internal";
  svc.spec.internalTrafficPolicy.reset();
  EXPECT_THAT(Errors(svc), ElementsAre("spec.type: Unsupported value: \"Internal\": supported "
                                       "values: \"ClusterIP\", \"ExternalName\", "
                                       "\"LoadBalancer\", \"NodePort\""));
}

TEST(CoreValidationTest, ServiceSelectorLabels) {
  Service svc = ValidService();
  svc.spec.selector["app"] = "-web";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.selector: Invalid value: \"-web\": " +
                                       std::string(kLabelValueMsg)));
}

TEST(CoreValidationTest, ServiceSessionAffinitySupported) {
  Service svc = ValidService();
  svc.spec.sessionAffinity = "Cookie";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.sessionAffinity: Unsupported value: \"Cookie\": "
                                       "supported values: \"ClientIP\", \"None\""));
}

TEST(CoreValidationTest, ServiceClientIPTimeoutInRange) {
  Service svc = ValidService();
  svc.spec.sessionAffinity = "ClientIP";
  svc.spec.sessionAffinityConfig =
      SessionAffinityConfig{.clientIP = ClientIPConfig{.timeoutSeconds = 86401}};
  EXPECT_THAT(Errors(svc), ElementsAre("spec.sessionAffinityConfig.clientIP.timeoutSeconds: "
                                       "Invalid value: 86401: must be greater than 0 and less than "
                                       "86400"));
}

TEST(CoreValidationTest, ServiceClientIPConfigRequired) {
  Service svc = ValidService();
  svc.spec.sessionAffinity = "ClientIP";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.sessionAffinityConfig: Required value: when session "
                                       "affinity type is ClientIP"));
}

TEST(CoreValidationTest, ServiceAffinityConfigForbiddenWithNone) {
  Service svc = ValidService();
  svc.spec.sessionAffinityConfig =
      SessionAffinityConfig{.clientIP = ClientIPConfig{.timeoutSeconds = 60}};
  EXPECT_THAT(Errors(svc), ElementsAre("spec.sessionAffinityConfig: Forbidden: must not be set "
                                       "when session affinity is None"));
}

TEST(CoreValidationTest, ServiceExternalNameRequired) {
  Service svc = ValidService("ExternalName");
  EXPECT_THAT(Errors(svc), ElementsAre("spec.externalName: Required value"));
}

TEST(CoreValidationTest, ServiceExternalNameMustBeDNSName) {
  Service svc = ValidService("ExternalName");
  svc.spec.externalName = "DB.Example.com.";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.externalName: Invalid value: \"DB.Example.com\": " +
                                       std::string(kDNS1123SubdomainMsg)));
}

TEST(CoreValidationTest, ServiceExternalNameForbidsClusterIPsAndFamilies) {
  Service svc = ValidService("ExternalName");
  svc.spec.externalName = "db.example.com.";
  svc.spec.clusterIP = "10.96.0.10";
  svc.spec.clusterIPs = {"10.96.0.10"};
  svc.spec.ipFamilies = {"IPv4"};
  svc.spec.ipFamilyPolicy = "SingleStack";
  EXPECT_THAT(
      Errors(svc),
      ElementsAre("spec.clusterIPs: Forbidden: may not be set for ExternalName services",
                  "spec.ipFamilies: Forbidden: may not be set for ExternalName services",
                  "spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services"));
}

TEST(CoreValidationTest, ServiceHeadlessNotForNodePort) {
  Service svc = ValidService("NodePort");
  svc.spec.clusterIP = "None";
  svc.spec.clusterIPs = {"None"};
  EXPECT_THAT(Errors(svc), ElementsAre("spec.clusterIPs[0]: Invalid value: \"None\": may not be "
                                       "set to 'None' for NodePort services"));
}

TEST(CoreValidationTest, ServiceHeadlessNeedsNoPorts) {
  Service svc = ValidService();
  svc.spec.clusterIP = "None";
  svc.spec.clusterIPs = {"None"};
  svc.spec.ports.clear();
  EXPECT_THAT(Errors(svc), IsEmpty());
}

TEST(CoreValidationTest, ServiceClusterIPMustBeIP) {
  Service svc = ValidService();
  svc.spec.clusterIP = "10.96.0";
  svc.spec.clusterIPs = {"10.96.0"};
  EXPECT_THAT(Errors(svc), ElementsAre("spec.clusterIPs[0]: Invalid value: \"10.96.0\": must be a "
                                       "valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
}

TEST(CoreValidationTest, ServiceClusterIPsFirstMatchesClusterIP) {
  Service svc = ValidService();
  svc.spec.clusterIP = "10.96.0.10";
  svc.spec.clusterIPs = {"10.96.0.11"};
  EXPECT_THAT(Errors(svc), ElementsAre("spec.clusterIPs: Invalid value: []string{\"10.96.0.11\"}: "
                                       "first value must match `clusterIP`"));
}

TEST(CoreValidationTest, ServiceClusterIPsOnePerFamily) {
  Service svc = ValidService();
  svc.spec.clusterIP = "10.96.0.10";
  svc.spec.clusterIPs = {"10.96.0.10", "10.96.0.11"};
  EXPECT_THAT(Errors(svc), ElementsAre("spec.clusterIPs: Invalid value: []string{\"10.96.0.10\", "
                                       "\"10.96.0.11\"}: may specify no more than one IP for each "
                                       "IP family"));
}

TEST(CoreValidationTest, ServiceIPFamiliesSupportedAndUnique) {
  Service svc = ValidService();
  svc.spec.ipFamilies = {"IPv5", "IPv4", "IPv4"};
  EXPECT_THAT(Errors(svc),
              ElementsAre("spec.ipFamilies[0]: Unsupported value: \"IPv5\": supported values: "
                          "\"IPv4\", \"IPv6\"",
                          "spec.ipFamilies[2]: Duplicate value: \"IPv4\""));
}

TEST(CoreValidationTest, ServiceIPFamilyPolicySupported) {
  Service svc = ValidService();
  svc.spec.ipFamilyPolicy = "DualStack";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.ipFamilyPolicy: Unsupported value: \"DualStack\": "
                                       "supported values: \"PreferDualStack\", "
                                       "\"RequireDualStack\", \"SingleStack\""));
}

TEST(CoreValidationTest, ServiceClusterIPMatchesFamily) {
  Service svc = ValidService();
  svc.spec.clusterIP = "fd00::10";
  svc.spec.clusterIPs = {"fd00::10"};
  svc.spec.ipFamilies = {"IPv4"};
  EXPECT_THAT(Errors(svc), ElementsAre("spec.clusterIPs[0]: Invalid value: \"fd00::10\": expected "
                                       "an IPv4 value as indicated by `ipFamilies[0]`"));
}

TEST(CoreValidationTest, ServiceExternalIPNotLoopback) {
  Service svc = ValidService();
  svc.spec.externalIPs = {"127.0.0.1"};
  svc.spec.externalTrafficPolicy = "Cluster";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.externalIPs[0]: Invalid value: \"127.0.0.1\": may not "
                                       "be in the loopback range (127.0.0.0/8, ::1/128)"));
}

TEST(CoreValidationTest, ServiceExternalIPNotLinkLocalMulticast) {
  Service svc = ValidService();
  svc.spec.externalIPs = {"ff02::1", "224.0.0.5", "::ffff:127.0.0.2"};
  svc.spec.externalTrafficPolicy = "Cluster";
  EXPECT_THAT(Errors(svc),
              ElementsAre("spec.externalIPs[0]: Invalid value: \"ff02::1\": may not be in the "
                          "link-local multicast range (224.0.0.0/24, ff02::/10)",
                          "spec.externalIPs[1]: Invalid value: \"224.0.0.5\": may not be in the "
                          "link-local multicast range (224.0.0.0/24, ff02::/10)",
                          "spec.externalIPs[2]: Invalid value: \"::ffff:127.0.0.2\": may not be "
                          "in the loopback range (127.0.0.0/8, ::1/128)"));
}

TEST(CoreValidationTest, ServiceExternalIPMustBeIP) {
  Service svc = ValidService();
  svc.spec.externalIPs = {"example.com"};
  svc.spec.externalTrafficPolicy = "Cluster";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.externalIPs[0]: Invalid value: \"example.com\": must "
                                       "be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
}

TEST(CoreValidationTest, ServiceExternalTrafficPolicyOnlyWhenExternallyAccessible) {
  Service svc = ValidService();
  svc.spec.externalTrafficPolicy = "Local";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.externalTrafficPolicy: Invalid value: \"Local\": may "
                                       "only be set for externally-accessible services"));
}

TEST(CoreValidationTest, ServiceExternalTrafficPolicySupported) {
  Service svc = ValidService("NodePort");
  svc.spec.externalTrafficPolicy = "Global";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.externalTrafficPolicy: Unsupported value: \"Global\": "
                                       "supported values: \"Cluster\", \"Local\""));
}

TEST(CoreValidationTest, ServiceHealthCheckNodePortOnlyForLocalLoadBalancer) {
  Service svc = ValidService("NodePort");
  svc.spec.healthCheckNodePort = 32000;
  EXPECT_THAT(Errors(svc),
              ElementsAre("spec.healthCheckNodePort: Invalid value: 32000: may only be "
                          "set when `type` is 'LoadBalancer' and "
                          "`externalTrafficPolicy` is 'Local'"));
}

TEST(CoreValidationTest, ServiceHealthCheckNodePortRequiredForLocalLoadBalancer) {
  Service svc = ValidService("LoadBalancer");
  svc.spec.externalTrafficPolicy = "Local";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.healthCheckNodePort: Required value"));
}

TEST(CoreValidationTest, ServiceInternalTrafficPolicySupported) {
  Service svc = ValidService();
  svc.spec.internalTrafficPolicy = "Node";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.internalTrafficPolicy: Unsupported value: \"Node\": "
                                       "supported values: \"Cluster\", \"Local\""));
}

TEST(CoreValidationTest, ServiceInternalTrafficPolicyRequired) {
  Service svc = ValidService();
  svc.spec.internalTrafficPolicy.reset();
  EXPECT_THAT(Errors(svc), ElementsAre("spec.internalTrafficPolicy: Required value"));
}

TEST(CoreValidationTest, ServiceSourceRangesOnlyForLoadBalancer) {
  Service svc = ValidService();
  svc.spec.loadBalancerSourceRanges = {"10.0.0.0/8", " 192.168.0.0 "};
  EXPECT_THAT(Errors(svc),
              ElementsAre("spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` "
                          "is 'LoadBalancer'",
                          "spec.LoadBalancerSourceRanges[1]: Invalid value: \"192.168.0.0\": must "
                          "be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
}

TEST(CoreValidationTest, ServiceSourceRangesAnnotation) {
  Service svc = ValidService("LoadBalancer");
  svc.metadata.annotations["service.beta.kubernetes.io/load-balancer-source-ranges"] =
      "10.0.0.0/8, 10.1.0.0";
  EXPECT_THAT(Errors(svc),
              ElementsAre("metadata.annotations[service.beta.kubernetes.io/"
                          "load-balancer-source-ranges]: Invalid value: \"10.1.0.0\": must be a "
                          "valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
}

TEST(CoreValidationTest, ServiceAllocateNodePortsOnlyForLoadBalancer) {
  Service svc = ValidService();
  svc.spec.allocateLoadBalancerNodePorts = false;
  EXPECT_THAT(Errors(svc), ElementsAre("spec.allocateLoadBalancerNodePorts: Forbidden: may only be "
                                       "used when `type` is 'LoadBalancer'"));
}

TEST(CoreValidationTest, ServiceAllocateNodePortsRequiredForLoadBalancer) {
  Service svc = ValidService("LoadBalancer");
  svc.spec.allocateLoadBalancerNodePorts.reset();
  EXPECT_THAT(Errors(svc), ElementsAre("allocateLoadBalancerNodePorts: Required value"));
}

TEST(CoreValidationTest, ServiceLoadBalancerClassOnlyForLoadBalancer) {
  Service svc = ValidService();
  svc.spec.loadBalancerClass = "example.com/lb";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.loadBalancerClass: Forbidden: may only be used when "
                                       "`type` is 'LoadBalancer'"));
}

TEST(CoreValidationTest, ServiceTrafficDistributionSupported) {
  Service svc = ValidService();
  svc.spec.trafficDistribution = "PreferLocal";
  EXPECT_THAT(Errors(svc), ElementsAre("spec.trafficDistribution: Unsupported value: "
                                       "\"PreferLocal\": supported values: \"PreferClose\""));
}

TEST(CoreValidationTest, ServiceTopologyAnnotationsAgree) {
  Service svc = ValidService();
  svc.metadata.annotations = {{"service.kubernetes.io/topology-aware-hints", "Auto"},
                              {"service.kubernetes.io/topology-mode", "Disabled"}};
  EXPECT_THAT(Errors(svc),
              ElementsAre("metadata.annotations[service.kubernetes.io/topology-mode]: Invalid "
                          "value: \"Disabled\": must match "
                          "annotations[service.kubernetes.io/topology-aware-hints] when both are "
                          "specified"));
}

// ---- Endpoints ------------------------------------------------------------------------------

Endpoints ValidEndpoints() {
  Endpoints ep;
  ep.metadata = Meta("web");
  ep.subsets = {{.addresses = {{.ip = "10.244.1.15"}}, .ports = {{.port = 8080}}}};
  PrepareForCreate(ep);
  SetDefaults(ep);
  return ep;
}

TEST(CoreDefaultsTest, EndpointsPortProtocolTCP) {
  EXPECT_EQ(ValidEndpoints().subsets[0].ports[0].protocol, "TCP");
}

TEST(CoreValidationTest, EndpointsValid) { EXPECT_THAT(Errors(ValidEndpoints()), IsEmpty()); }

TEST(CoreValidationTest, EndpointsSubsetNeedsAddresses) {
  Endpoints ep = ValidEndpoints();
  ep.subsets[0].addresses.clear();
  EXPECT_THAT(Errors(ep), ElementsAre("subsets[0]: Required value: must specify `addresses` or "
                                      "`notReadyAddresses`"));
}

TEST(CoreValidationTest, EndpointsAddressMustBeIP) {
  Endpoints ep = ValidEndpoints();
  ep.subsets[0].addresses[0].ip = "web-0";
  EXPECT_THAT(Errors(ep),
              ElementsAre("subsets[0].addresses[0].ip: Invalid value: \"web-0\": must be a valid "
                          "IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
                          "subsets[0].addresses[0].ip: Invalid value: \"web-0\": must be a valid "
                          "IP address"));
}

TEST(CoreValidationTest, EndpointsAddressNotSpecial) {
  Endpoints ep = ValidEndpoints();
  ep.subsets[0].notReadyAddresses = {{.ip = "169.254.169.254"}, {.ip = "::"}};
  EXPECT_THAT(Errors(ep),
              ElementsAre("subsets[0].notReadyAddresses[0].ip: Invalid value: \"169.254.169.254\": "
                          "may not be in the link-local range (169.254.0.0/16, fe80::/10)",
                          "subsets[0].notReadyAddresses[1].ip: Invalid value: \"::\": may not be "
                          "unspecified (::)"));
}

TEST(CoreValidationTest, EndpointsHostnameAndNodeName) {
  Endpoints ep = ValidEndpoints();
  ep.subsets[0].addresses[0].hostname = "web.0";
  ep.subsets[0].addresses[0].nodeName = "Worker_1";
  EXPECT_THAT(Errors(ep),
              ElementsAre("subsets[0].addresses[0].hostname: Invalid value: \"web.0\": must not "
                          "contain dots",
                          "subsets[0].addresses[0].nodeName: Invalid value: \"Worker_1\": " +
                              std::string(kDNS1123SubdomainMsg)));
}

TEST(CoreValidationTest, EndpointsPortRules) {
  Endpoints ep = ValidEndpoints();
  ep.subsets[0].ports.push_back({.name = "metrics", .port = 0, .protocol = "HTTP"});
  EXPECT_THAT(Errors(ep),
              ElementsAre("subsets[0].ports[0].name: Required value",
                          "subsets[0].ports[1].port: Invalid value: 0: must be between 1 and "
                          "65535, inclusive",
                          "subsets[0].ports[1].protocol: Unsupported value: \"HTTP\": supported "
                          "values: \"SCTP\", \"TCP\", \"UDP\""));
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

TEST(CoreDefaultsTest, SecretPrepareMergesStringData) {
  Secret secret;
  secret.data = {{"user", Bytes{"old"}}, {"token", Bytes{"t"}}};
  secret.stringData = {{"user", "new"}, {"host", "db"}};
  PrepareForCreate(secret);
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
  EXPECT_THAT(Strings(ValidatePersistentVolumeClaimSpec(
                  spec, validation::Path("spec").Child("volumeClaimTemplate").Child("spec"))),
              ElementsAre("spec.volumeClaimTemplate.spec.resources[storage]: Required value"));
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
