// discovery.k8s.io/v1 EndpointSlice create validation, as pkg/apis/discovery/validation.
#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "impl/api/discovery/ops.h"
#include "impl/api/validation/common.h"

namespace kref::api::discovery {
namespace {

using validation::FieldErrors;
using validation::Path;

constexpr int64_t kMaxTopologyLabels = 16;
constexpr int64_t kMaxAddresses = 100;
constexpr int64_t kMaxPorts = 20000;
constexpr int64_t kMaxEndpoints = 1000;
constexpr int64_t kMaxZoneHints = 8;

using IP = std::array<uint8_t, 16>;

// netutils.ParseIPSloppy: an IPv4 dotted quad (leading zeros allowed) in its IPv4-mapped form,
// or an IPv6 address; nullopt when neither.
std::optional<IP> ParseIPSloppy(std::string_view text) {
  IP ip{};
  if (text.find(':') != std::string_view::npos) {
    std::string copy(text);
    if (inet_pton(AF_INET6, copy.c_str(), ip.data()) != 1) return std::nullopt;
    return ip;
  }
  ip[10] = ip[11] = 0xff;
  size_t pos = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (pos >= text.size() || text[pos] != '.') return std::nullopt;
      ++pos;
    }
    size_t start = pos;
    int value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      value = value * 10 + (text[pos++] - '0');
      if (value > 0xff) return std::nullopt;
    }
    if (pos == start) return std::nullopt;
    ip[12 + part] = static_cast<uint8_t>(value);
  }
  if (pos != text.size()) return std::nullopt;
  return ip;
}

// net.IP.To4() != nil: the address is IPv4 (stored IPv4-mapped).
bool IsIPv4(const IP& ip) {
  for (int i = 0; i < 10; ++i) {
    if (ip[i] != 0) return false;
  }
  return ip[10] == 0xff && ip[11] == 0xff;
}

// validation.IsValidIPv4Address / IsValidIPv6Address.
FieldErrors ValidateIPFamily(std::string_view address, bool want_ipv4, const Path& path) {
  std::optional<IP> ip = ParseIPSloppy(address);
  if (ip && IsIPv4(*ip) == want_ipv4) return {};
  return {validation::Invalid(
      path, address, want_ipv4 ? "must be a valid IPv4 address" : "must be a valid IPv6 address")};
}

// ValidateEndpointIP (core validation): no unspecified, loopback or link-local addresses.
FieldErrors ValidateEndpointIP(std::string_view address, const Path& path) {
  std::optional<IP> parsed = ParseIPSloppy(address);
  if (!parsed) return {validation::Invalid(path, address, "must be a valid IP address")};
  const IP& ip = *parsed;
  bool unspecified;
  bool loopback;
  bool link_local;
  bool link_local_multicast;
  if (IsIPv4(ip)) {
    unspecified = ip[12] == 0 && ip[13] == 0 && ip[14] == 0 && ip[15] == 0;
    loopback = ip[12] == 127;
    link_local = ip[12] == 169 && ip[13] == 254;
    link_local_multicast = ip[12] == 224 && ip[13] == 0 && ip[14] == 0;
  } else {
    IP zero{};
    IP one{};
    one[15] = 1;
    unspecified = ip == zero;
    loopback = ip == one;
    link_local = ip[0] == 0xfe && (ip[1] & 0xc0) == 0x80;
    link_local_multicast = ip[0] == 0xff && (ip[1] & 0x0f) == 0x02;
  }
  FieldErrors errors;
  if (unspecified) {
    errors.push_back(validation::Invalid(path, address,
                                         "may not be unspecified (" + std::string(address) + ")"));
  }
  if (loopback) {
    errors.push_back(validation::Invalid(
        path, address, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  }
  if (link_local) {
    errors.push_back(validation::Invalid(
        path, address, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  }
  if (link_local_multicast) {
    errors.push_back(validation::Invalid(
        path, address, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  }
  return errors;
}

// validation.IsFullyQualifiedDomainName: a subdomain of at least two labels; one trailing dot
// is allowed.
FieldErrors IsFullyQualifiedDomainName(std::string_view name, const Path& path) {
  if (name.empty()) return {validation::Required(path)};
  if (name.back() == '.') name.remove_suffix(1);
  validation::Problems problems = validation::IsDNS1123Subdomain(name);
  if (!problems.empty()) {
    return {validation::Invalid(path, name, validation::JoinProblems(problems, ","))};
  }
  if (name.find('.') == std::string_view::npos) {
    return {validation::Invalid(path, name,
                                "should be a domain with at least two segments separated by dots")};
  }
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    std::string_view label = name.substr(start, dot == std::string_view::npos ? dot : dot - start);
    problems = validation::IsDNS1123Label(label);
    if (!problems.empty()) {
      return {validation::Invalid(path, label, validation::JoinProblems(problems, ","))};
    }
    if (dot == std::string_view::npos) return {};
    start = dot + 1;
  }
}

// The per-address switch of validateEndpoints: addresses are checked against the slice's
// address type; unknown types are not checked.
FieldErrors ValidateAddress(std::string_view address, std::string_view type, const Path& path) {
  FieldErrors errors;
  if (type == "IPv4" || type == "IPv6") {
    validation::Append(errors, ValidateIPFamily(address, type == "IPv4", path));
    validation::Append(errors, ValidateEndpointIP(address, path));
  } else if (type == "FQDN") {
    validation::Append(errors, IsFullyQualifiedDomainName(address, path));
  }
  return errors;
}

// ValidateDNS1123Label (core validation).
FieldErrors ValidateDNS1123Label(std::string_view value, const Path& path) {
  return validation::InvalidPerProblem(validation::IsDNS1123Label(value), path, value);
}

// validateHints.
FieldErrors ValidateHints(const EndpointHints& hints, const Path& path) {
  Path zones = path.Child("forZones");
  if (static_cast<int64_t>(hints.forZones.size()) > kMaxZoneHints) {
    return {validation::TooMany(zones, static_cast<int64_t>(hints.forZones.size()), kMaxZoneHints)};
  }
  FieldErrors errors;
  std::set<std::string> seen;
  for (size_t i = 0; i < hints.forZones.size(); ++i) {
    const std::string& name = hints.forZones[i].name;
    Path at = zones.Index(i).Child("name");
    if (!seen.insert(name).second) errors.push_back(validation::Duplicate(at, name));
    validation::Append(
        errors, validation::InvalidPerProblem(validation::IsValidLabelValue(name), at, name));
  }
  return errors;
}

// The deprecatedTopology checks of validateEndpoints: a bounded label map without the zone key,
// which belongs in `zone`.
FieldErrors ValidateDeprecatedTopology(const Map<std::string>& topology, const Path& path) {
  FieldErrors errors;
  if (static_cast<int64_t>(topology.size()) > kMaxTopologyLabels) {
    errors.push_back(
        validation::TooMany(path, static_cast<int64_t>(topology.size()), kMaxTopologyLabels));
  }
  validation::Append(errors, validation::ValidateLabels(topology, path));
  constexpr std::string_view kZoneLabel = "topology.kubernetes.io/zone";
  if (topology.contains(std::string(kZoneLabel))) {
    errors.push_back(validation::InternalError(path.Key(kZoneLabel),
                                               "reserved key was not removed in conversion"));
  }
  return errors;
}

// validateEndpoints, for one endpoint.
FieldErrors ValidateEndpoint(const Endpoint& endpoint, std::string_view type, const Path& path) {
  FieldErrors errors;
  Path addresses = path.Child("addresses");
  int64_t count = static_cast<int64_t>(endpoint.addresses.size());
  if (count == 0) {
    errors.push_back(validation::Required(addresses, "must contain at least 1 address"));
  } else if (count > kMaxAddresses) {
    errors.push_back(validation::TooMany(addresses, count, kMaxAddresses));
  }
  for (size_t i = 0; i < endpoint.addresses.size(); ++i) {
    validation::Append(errors, ValidateAddress(endpoint.addresses[i], type, addresses.Index(i)));
  }
  if (endpoint.nodeName) {
    validation::Append(errors, validation::InvalidPerProblem(
                                   validation::NameIsDNSSubdomain(*endpoint.nodeName, false),
                                   path.Child("nodeName"), *endpoint.nodeName));
  }
  validation::Append(errors, ValidateDeprecatedTopology(endpoint.deprecatedTopology,
                                                        path.Child("deprecatedTopology")));
  if (endpoint.hostname) {
    validation::Append(errors, ValidateDNS1123Label(*endpoint.hostname, path.Child("hostname")));
  }
  if (endpoint.hints)
    validation::Append(errors, ValidateHints(*endpoint.hints, path.Child("hints")));
  return errors;
}

// validateEndpoints.
FieldErrors ValidateEndpoints(const std::vector<Endpoint>& endpoints, std::string_view type,
                              const Path& path) {
  int64_t count = static_cast<int64_t>(endpoints.size());
  if (count > kMaxEndpoints) return {validation::TooMany(path, count, kMaxEndpoints)};
  FieldErrors errors;
  for (size_t i = 0; i < endpoints.size(); ++i) {
    validation::Append(errors, ValidateEndpoint(endpoints[i], type, path.Index(i)));
  }
  return errors;
}

// validatePorts.
FieldErrors ValidatePorts(const std::vector<EndpointPort>& ports, const Path& path) {
  int64_t count = static_cast<int64_t>(ports.size());
  if (count > kMaxPorts) return {validation::TooMany(path, count, kMaxPorts)};
  FieldErrors errors;
  std::set<std::string> names;
  for (size_t i = 0; i < ports.size(); ++i) {
    const EndpointPort& port = ports[i];
    Path at = path.Index(i);
    std::string name = port.name.value_or("");
    if (!name.empty()) validation::Append(errors, ValidateDNS1123Label(name, at.Child("name")));
    if (!names.insert(name).second) errors.push_back(validation::Duplicate(at.Child("name"), name));
    if (!port.protocol) {
      errors.push_back(validation::Required(at.Child("protocol")));
    } else if (*port.protocol != "TCP" && *port.protocol != "UDP" && *port.protocol != "SCTP") {
      errors.push_back(
          validation::NotSupported(at.Child("protocol"), *port.protocol, {"SCTP", "TCP", "UDP"}));
    }
    if (port.appProtocol) {
      validation::Append(
          errors, validation::InvalidPerProblem(validation::IsQualifiedName(*port.appProtocol),
                                                at.Child("appProtocol"), *port.appProtocol));
    }
  }
  return errors;
}

// validateAddressType: one of the supported types (listed sorted, as upstream's set does).
FieldErrors ValidateAddressType(const std::string& type) {
  Path path("addressType");
  if (type.empty()) return {validation::Required(path)};
  if (type == "IPv4" || type == "IPv6" || type == "FQDN") return {};
  return {validation::NotSupported(path, type, {"FQDN", "IPv4", "IPv6"})};
}

}  // namespace

// ValidateEndpointSliceCreate.
FieldErrors Validate(const EndpointSlice& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  validation::Append(errors, ValidateAddressType(object.addressType));
  validation::Append(errors,
                     ValidateEndpoints(object.endpoints, object.addressType, Path("endpoints")));
  validation::Append(errors, ValidatePorts(object.ports, Path("ports")));
  return errors;
}

}  // namespace kref::api::discovery
