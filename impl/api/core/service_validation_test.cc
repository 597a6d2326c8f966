// Tests for Services and Endpoints: defaults, create preparation, and one test per validation
// rule with upstream's exact message.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::core {
namespace {

using ::kref::testing::Errors;
using ::kref::testing::kDNS1123LabelMsg;
using ::kref::testing::kDNS1123SubdomainMsg;
using ::kref::testing::kLabelValueMsg;
using ::kref::testing::kQualifiedNameMsg;
using ::kref::testing::Meta;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

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

}  // namespace
}  // namespace kref::api::core
