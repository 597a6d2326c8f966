// EndpointSlice create validation and defaulting, rule by rule with upstream's messages
// (impl/api/testdata_test.cc checks the realistic manifests).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/discovery/ops.h"
#include "impl/api/validation/common.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::discovery {
namespace {

using ::kref::testing::Errors;
using ::kref::testing::Strings;

Endpoint MakeEndpoint(std::vector<std::string> addresses) {
  Endpoint endpoint;
  endpoint.addresses = std::move(addresses);
  endpoint.conditions.ready = true;
  return endpoint;
}

EndpointPort MakePort(std::string name, int32_t number) {
  EndpointPort port;
  port.name = std::move(name);
  port.protocol = "TCP";
  port.port = number;
  return port;
}

EndpointSlice ValidSlice() {
  EndpointSlice slice;
  slice.metadata.name = "web-x7k2p";
  slice.metadata.namespace_ = "shop";
  slice.addressType = "IPv4";
  slice.endpoints = {MakeEndpoint({"10.244.1.17"})};
  slice.ports = {MakePort("http", 8080)};
  return slice;
}

TEST(DiscoveryValidationTest, ValidSliceHasNoErrors) { EXPECT_EQ(Errors(ValidSlice()), Strings{}); }

TEST(DiscoveryValidationTest, NamespaceRequired) {
  EndpointSlice slice = ValidSlice();
  slice.metadata.namespace_.clear();
  EXPECT_EQ(Errors(slice), Strings{"metadata.namespace: Required value"});
}

TEST(DiscoveryValidationTest, NameMustBeDNSSubdomain) {
  EndpointSlice slice = ValidSlice();
  slice.metadata.name = "Web";
  Strings errors = Errors(slice);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].starts_with(
      "metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain"));
}

TEST(DiscoveryValidationTest, AddressTypeRequired) {
  EndpointSlice slice = ValidSlice();
  slice.addressType = "";
  EXPECT_EQ(Errors(slice), Strings{"addressType: Required value"});
}

TEST(DiscoveryValidationTest, AddressTypeIsEnum) {
  EndpointSlice slice = ValidSlice();
  slice.addressType = "IP";
  EXPECT_EQ(Errors(slice), Strings{"addressType: Unsupported value: \"IP\": supported values: "
                                   "\"FQDN\", \"IPv4\", \"IPv6\""});
}

TEST(DiscoveryValidationTest, AtMost1000Endpoints) {
  EndpointSlice slice = ValidSlice();
  slice.endpoints.assign(1001, MakeEndpoint({"10.0.0.1"}));
  EXPECT_EQ(Errors(slice), Strings{"endpoints: Too many: 1001: must have at most 1000 items"});
  slice.endpoints.resize(1000);
  EXPECT_EQ(Errors(slice), Strings{});
}

TEST(DiscoveryValidationTest, EndpointNeedsAnAddress) {
  EndpointSlice slice = ValidSlice();
  slice.endpoints[0].addresses.clear();
  EXPECT_EQ(Errors(slice),
            Strings{"endpoints[0].addresses: Required value: must contain at least 1 address"});
}

TEST(DiscoveryValidationTest, AtMost100AddressesPerEndpoint) {
  EndpointSlice slice = ValidSlice();
  slice.endpoints[0].addresses.assign(101, "10.0.0.1");
  EXPECT_EQ(Errors(slice),
            Strings{"endpoints[0].addresses: Too many: 101: must have at most 100 items"});
}

TEST(DiscoveryValidationTest, IPv4AddressesMustBeIPv4) {
  EndpointSlice slice = ValidSlice();
  slice.endpoints[0].addresses = {"2001:db8::1", "web.example.com"};
  EXPECT_EQ(Errors(slice),
            (Strings{"endpoints[0].addresses[0]: Invalid value: \"2001:db8::1\": must be a valid "
                     "IPv4 address",
                     "endpoints[0].addresses[1]: Invalid value: \"web.example.com\": must be a "
                     "valid IPv4 address",
                     "endpoints[0].addresses[1]: Invalid value: \"web.example.com\": must be a "
                     "valid IP address"}));
}

TEST(DiscoveryValidationTest, IPv4AddressesAcceptLeadingZeros) {
  EndpointSlice slice = ValidSlice();
  slice.endpoints[0].addresses = {"010.001.002.003"};
  EXPECT_EQ(Errors(slice), Strings{});
}

TEST(DiscoveryValidationTest, IPv6AddressesMustBeIPv6) {
  EndpointSlice slice = ValidSlice();
  slice.addressType = "IPv6";
  slice.endpoints[0].addresses = {"10.0.0.1", "2001:db8::1", "::ffff:10.0.0.1"};
  EXPECT_EQ(Errors(slice),
            (Strings{"endpoints[0].addresses[0]: Invalid value: \"10.0.0.1\": must be a valid "
                     "IPv6 address",
                     "endpoints[0].addresses[2]: Invalid value: \"::ffff:10.0.0.1\": must be a "
                     "valid IPv6 address"}));
}

TEST(DiscoveryValidationTest, SpecialIPsRejected) {
  EndpointSlice slice = ValidSlice();
  slice.endpoints[0].addresses = {"0.0.0.0", "127.0.0.1", "169.254.169.254", "224.0.0.251"};
  EXPECT_EQ(Errors(slice),
            (Strings{"endpoints[0].addresses[0]: Invalid value: \"0.0.0.0\": may not be "
                     "unspecified (0.0.0.0)",
                     "endpoints[0].addresses[1]: Invalid value: \"127.0.0.1\": may not be in the "
                     "loopback range (127.0.0.0/8, ::1/128)",
                     "endpoints[0].addresses[2]: Invalid value: \"169.254.169.254\": may not be "
                     "in the link-local range (169.254.0.0/16, fe80::/10)",
                     "endpoints[0].addresses[3]: Invalid value: \"224.0.0.251\": may not be in "
                     "the link-local multicast range (224.0.0.0/24, ff02::/10)"}));
  slice.addressType = "IPv6";
  slice.endpoints[0].addresses = {"::", "::1", "fe80::1", "ff02::fb"};
  EXPECT_EQ(Errors(slice),
            (Strings{"endpoints[0].addresses[0]: Invalid value: \"::\": may not be unspecified "
                     "(::)",
                     "endpoints[0].addresses[1]: Invalid value: \"::1\": may not be in the "
                     "loopback range (127.0.0.0/8, ::1/128)",
                     "endpoints[0].addresses[2]: Invalid value: \"fe80::1\": may not be in the "
                     "link-local range (169.254.0.0/16, fe80::/10)",
                     "endpoints[0].addresses[3]: Invalid value: \"ff02::fb\": may not be in the "
                     "link-local multicast range (224.0.0.0/24, ff02::/10)"}));
}

TEST(DiscoveryValidationTest, FQDNAddresses) {
  EndpointSlice slice = ValidSlice();
  slice.addressType = "FQDN";
  slice.endpoints[0].addresses = {"web.example.com.", "localhost", "Web.example.com",
                                  std::string(64, 'a') + ".example.com"};
  EXPECT_EQ(
      Errors(slice),
      (Strings{
          "endpoints[0].addresses[1]: Invalid value: \"localhost\": should be a domain with at "
          "least two segments separated by dots",
          "endpoints[0].addresses[2]: Invalid value: \"Web.example.com\": a lowercase RFC 1123 "
          "subdomain must consist of lower case alphanumeric characters, '-' or '.', and must "
          "start and end with an alphanumeric character (e.g. 'example.com', regex used for "
          "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
          "endpoints[0].addresses[3]: Invalid value: \"" + std::string(64, 'a') +
              "\": must be no more than 63 characters"}));
}

TEST(DiscoveryValidationTest, NodeNameMustBeDNSSubdomain) {
  EndpointSlice slice = ValidSlice();
  slice.endpoints[0].nodeName = "Worker_1";
  Strings errors = Errors(slice);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].starts_with(
      "endpoints[0].nodeName: Invalid value: \"Worker_1\": a lowercase RFC 1123 subdomain"))
      << errors[0];
}

TEST(DiscoveryValidationTest, HostnameMustBeDNSLabel) {
  EndpointSlice slice = ValidSlice();
  slice.endpoints[0].hostname = "web.0";
  EXPECT_EQ(Errors(slice),
            Strings{"endpoints[0].hostname: Invalid value: \"web.0\": must not contain dots"});
  slice.endpoints[0].hostname = "web_0";
  EXPECT_EQ(Errors(slice),
            Strings{"endpoints[0].hostname: Invalid value: \"web_0\": a lowercase RFC 1123 label "
                    "must consist of lower case alphanumeric characters or '-', and must start "
                    "and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex "
                    "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"});
}

TEST(DiscoveryValidationTest, DeprecatedTopologyMayNotCarryZone) {
  EndpointSlice slice = ValidSlice();
  slice.endpoints[0].deprecatedTopology["topology.kubernetes.io/zone"] = "us-east-1a";
  EXPECT_EQ(Errors(slice),
            Strings{"endpoints[0].deprecatedTopology[topology.kubernetes.io/zone]: Internal "
                    "error: reserved key was not removed in conversion"});
}

TEST(DiscoveryValidationTest, AtMost8ZoneHints) {
  EndpointSlice slice = ValidSlice();
  EndpointHints hints;
  for (int i = 0; i < 9; ++i) hints.forZones.push_back({"zone-" + std::to_string(i)});
  slice.endpoints[0].hints = hints;
  EXPECT_EQ(Errors(slice),
            Strings{"endpoints[0].hints.forZones: Too many: 9: must have at most 8 items"});
}

TEST(DiscoveryValidationTest, ZoneHintsUniqueLabelValues) {
  EndpointSlice slice = ValidSlice();
  EndpointHints hints;
  hints.forZones = {{"us-east-1a"}, {"us-east-1a"}, {"bad zone"}};
  slice.endpoints[0].hints = hints;
  EXPECT_EQ(Errors(slice),
            (Strings{"endpoints[0].hints.forZones[1].name: Duplicate value: \"us-east-1a\"",
                     "endpoints[0].hints.forZones[2].name: Invalid value: \"bad zone\": a valid "
                     "label must be an empty string or consist of alphanumeric characters, '-', "
                     "'_' or '.', and must start and end with an alphanumeric character (e.g. "
                     "'MyValue',  or 'my_value',  or '12345', regex used for validation is "
                     "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"}));
}

TEST(DiscoveryValidationTest, AtMost20000Ports) {
  EndpointSlice slice = ValidSlice();
  slice.ports.clear();
  for (int i = 0; i < 20001; ++i) slice.ports.push_back(MakePort("p" + std::to_string(i), 80));
  EXPECT_EQ(Errors(slice), Strings{"ports: Too many: 20001: must have at most 20000 items"});
}

TEST(DiscoveryValidationTest, PortNameMustBeDNSLabel) {
  EndpointSlice slice = ValidSlice();
  slice.ports[0].name = "HTTP";
  Strings errors = Errors(slice);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].starts_with(
      "ports[0].name: Invalid value: \"HTTP\": a lowercase RFC 1123 label must consist of"))
      << errors[0];
}

TEST(DiscoveryValidationTest, PortNamesUnique) {
  EndpointSlice slice = ValidSlice();
  slice.ports = {MakePort("http", 80), MakePort("http", 8080), MakePort("", 81), MakePort("", 82)};
  EXPECT_EQ(Errors(slice), (Strings{"ports[1].name: Duplicate value: \"http\"",
                                    "ports[3].name: Duplicate value: \"\""}));
}

TEST(DiscoveryValidationTest, PortProtocolRequired) {
  EndpointSlice slice = ValidSlice();
  slice.ports[0].protocol.reset();
  EXPECT_EQ(Errors(slice), Strings{"ports[0].protocol: Required value"});
}

TEST(DiscoveryValidationTest, PortProtocolIsEnum) {
  EndpointSlice slice = ValidSlice();
  slice.ports[0].protocol = "HTTP";
  EXPECT_EQ(Errors(slice), Strings{"ports[0].protocol: Unsupported value: \"HTTP\": supported "
                                   "values: \"SCTP\", \"TCP\", \"UDP\""});
}

TEST(DiscoveryValidationTest, AppProtocolIsQualifiedName) {
  EndpointSlice slice = ValidSlice();
  slice.ports[0].appProtocol = "kubernetes.io/h2c";
  EXPECT_EQ(Errors(slice), Strings{});
  slice.ports[0].appProtocol = "http 2";
  EXPECT_EQ(Errors(slice),
            Strings{"ports[0].appProtocol: Invalid value: \"http 2\": name part must consist of "
                    "alphanumeric characters, '-', '_' or '.', and must start and end with an "
                    "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
                    "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"});
}

TEST(DiscoveryDefaultsTest, PortNameAndProtocolDefaulted) {
  EndpointSlice slice = ValidSlice();
  slice.ports = {EndpointPort{}, MakePort("dns", 53)};
  slice.ports[1].protocol = "UDP";
  SetDefaults(slice);
  EXPECT_EQ(slice.ports[0].name, "");
  EXPECT_EQ(slice.ports[0].protocol, "TCP");
  EXPECT_FALSE(slice.ports[0].port.has_value());
  EXPECT_EQ(slice.ports[1].name, "dns");
  EXPECT_EQ(slice.ports[1].protocol, "UDP");
}

TEST(DiscoveryDefaultsTest, PrepareForCreateDropsTopologyAndNodeHints) {
  EndpointSlice slice = ValidSlice();
  slice.metadata.generation = 5;
  slice.endpoints[0].deprecatedTopology["kubernetes.io/hostname"] = "worker-1";
  EndpointHints hints;
  hints.forZones = {{"us-east-1a"}};
  hints.forNodes = {{"worker-1"}};
  slice.endpoints[0].hints = hints;
  PrepareForCreate(slice);
  EXPECT_EQ(slice.metadata.generation, 1);
  EXPECT_TRUE(slice.endpoints[0].deprecatedTopology.empty());
  ASSERT_TRUE(slice.endpoints[0].hints.has_value());
  EXPECT_EQ(slice.endpoints[0].hints->forZones.size(), 1u);
  EXPECT_TRUE(slice.endpoints[0].hints->forNodes.empty());
}

}  // namespace
}  // namespace kref::api::discovery
