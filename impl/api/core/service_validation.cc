// Service and Endpoints create validation, as pkg/apis/core/validation (ValidateService,
// ValidateEndpointsCreate and their helpers, v1.32).
#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "impl/api/core/internal/validation_helpers.h"
#include "impl/api/core/ops.h"

namespace kref::api::core {
namespace {

using internal::Contains;
using internal::IsIPv6Address;
using internal::TrimSpace;
using internal::ValidateCoreObjectMeta;
using internal::ValidateDNS1123Label;
using internal::ValidateDNS1123Subdomain;
using internal::ValidateNonSpecialIP;
using internal::ValidatePortNumOrName;
using internal::ValidateQualifiedName;
using internal::ValidateSubdomainName;
using validation::Append;
using validation::BadValue;
using validation::Duplicate;
using validation::FieldErrors;
using validation::Forbidden;
using validation::GoQuote;
using validation::Invalid;
using validation::InvalidPerProblem;
using validation::NotSupported;
using validation::Path;
using validation::Required;

// The (protocol, port) key upstream reports duplicate service ports with.
std::string GoServicePortKey(const ServicePort& port) {
  return "core.ServicePort{Name:\"\", Protocol:" + GoQuote(port.protocol) +
         ", AppProtocol:(*string)(nil), Port:" + std::to_string(port.port) +
         ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}";
}

// validation.IsValidIP in its field form.
FieldErrors ValidateIP(const std::string& value, const Path& path) {
  return InvalidPerProblem(validation::IsValidIP(value), path, value);
}

// ---- Service --------------------------------------------------------------------------------

bool IsHeadlessService(const ServiceSpec& spec) {
  return spec.clusterIPs.size() == 1 && spec.clusterIPs[0] == "None";
}

// apiservice.ExternallyAccessible.
bool ServiceExternallyAccessible(const ServiceSpec& spec) {
  return spec.type == "LoadBalancer" || spec.type == "NodePort" ||
         (spec.type == "ClusterIP" && !spec.externalIPs.empty());
}

// The port number and protocol rules validateServicePort and validateEndpointPort share.
FieldErrors ValidatePortAndProtocol(int32_t port, const std::string& protocol, const Path& path) {
  FieldErrors errors =
      InvalidPerProblem(validation::IsValidPortNum(port), path.Child("port"), port);
  if (protocol.empty()) {
    errors.push_back(Required(path.Child("protocol")));
  } else if (!Contains({"TCP", "UDP", "SCTP"}, protocol)) {
    errors.push_back(NotSupported(path.Child("protocol"), protocol, {"SCTP", "TCP", "UDP"}));
  }
  return errors;
}

// validateServicePort.
FieldErrors ValidateServicePort(const ServicePort& port, bool require_name,
                                std::set<std::string>& names, const Path& path) {
  FieldErrors errors;
  if (require_name && port.name.empty()) {
    errors.push_back(Required(path.Child("name")));
  } else if (!port.name.empty()) {
    Append(errors, ValidateDNS1123Label(port.name, path.Child("name")));
    if (!names.insert(port.name).second) {
      errors.push_back(Duplicate(path.Child("name"), port.name));
    }
  }
  Append(errors, ValidatePortAndProtocol(port.port, port.protocol, path));
  Append(errors, ValidatePortNumOrName(port.targetPort, path.Child("targetPort")));
  if (port.appProtocol) {
    Append(errors, ValidateQualifiedName(*port.appProtocol, path.Child("appProtocol")));
  }
  return errors;
}

// validateClientIPAffinityConfig and validateAffinityTimeout.
FieldErrors ValidateClientIPAffinityConfig(const std::optional<SessionAffinityConfig>& config,
                                           const Path& path) {
  const std::string when = "when session affinity type is ClientIP";
  if (!config) return {Required(path, when)};
  if (!config->clientIP) return {Required(path.Child("clientIP"), when)};
  Path timeout_path = path.Child("clientIP").Child("timeoutSeconds");
  const std::optional<int32_t>& timeout = config->clientIP->timeoutSeconds;
  if (!timeout) return {Required(timeout_path, when)};
  if (*timeout <= 0 || *timeout > 86400) {
    return {Invalid(timeout_path, *timeout, "must be greater than 0 and less than 86400")};
  }
  return {};
}

// ValidateServiceClusterIPsRelatedFields: clusterIP/clusterIPs agreement, families, policy.
FieldErrors ValidateServiceClusterIPsRelatedFields(const ServiceSpec& spec) {
  if (spec.type == "ExternalName") return {};
  FieldErrors errors;
  Path cluster_ips = Path("spec").Child("clusterIPs");
  Path families = Path("spec").Child("ipFamilies");
  if (!spec.clusterIP.empty()) {
    if (spec.clusterIPs.empty()) {
      errors.push_back(Required(cluster_ips));
    } else if (spec.clusterIPs[0] != spec.clusterIP) {
      errors.push_back(Invalid(cluster_ips, spec.clusterIPs, "first value must match `clusterIP`"));
    }
  } else if (!spec.clusterIPs.empty()) {
    errors.push_back(
        Invalid(cluster_ips, spec.clusterIPs, "must be empty when `clusterIP` is not specified"));
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < spec.ipFamilies.size(); ++i) {
    const std::string& family = spec.ipFamilies[i];
    if (family != "IPv4" && family != "IPv6") {
      errors.push_back(NotSupported(families.Index(i), family, {"IPv4", "IPv6"}));
    }
    if (!seen.insert(family).second) errors.push_back(Duplicate(families.Index(i), family));
  }
  if (spec.ipFamilyPolicy &&
      !Contains({"SingleStack", "PreferDualStack", "RequireDualStack"}, *spec.ipFamilyPolicy)) {
    errors.push_back(NotSupported(Path("spec").Child("ipFamilyPolicy"), *spec.ipFamilyPolicy,
                                  {"PreferDualStack", "RequireDualStack", "SingleStack"}));
  }
  bool invalid_ips = false;
  for (size_t i = 0; i < spec.clusterIPs.size(); ++i) {
    if (i == 0 && spec.clusterIPs[0] == "None") {
      if (spec.clusterIPs.size() > 1) {
        invalid_ips = true;
        errors.push_back(
            Invalid(cluster_ips, spec.clusterIPs, "'None' must be the first and only value"));
      }
      continue;
    }
    FieldErrors ip_errors = ValidateIP(spec.clusterIPs[i], cluster_ips.Index(i));
    invalid_ips = invalid_ips || !ip_errors.empty();
    Append(errors, std::move(ip_errors));
  }
  if (spec.clusterIPs.size() > 2) {
    errors.push_back(Invalid(cluster_ips, spec.clusterIPs, "may only hold up to 2 values"));
  }
  if (invalid_ips) return errors;
  auto is_v6 = [](const std::string& ip) { return IsIPv6Address(ip); };
  if (spec.clusterIPs.size() > 1) {
    bool v4 = std::any_of(spec.clusterIPs.begin(), spec.clusterIPs.end(),
                          [&](const std::string& ip) { return !is_v6(ip); });
    bool v6 = std::any_of(spec.clusterIPs.begin(), spec.clusterIPs.end(), is_v6);
    if (!(v4 && v6)) {
      errors.push_back(Invalid(cluster_ips, spec.clusterIPs,
                               "may specify no more than one IP for each IP family"));
    }
  }
  if (!IsHeadlessService(spec)) {
    for (size_t i = 0; i < spec.clusterIPs.size() && i < spec.ipFamilies.size(); ++i) {
      const std::string& ip = spec.clusterIPs[i];
      std::string n = std::to_string(i);
      if (spec.ipFamilies[i] == "IPv4" && is_v6(ip)) {
        errors.push_back(Invalid(cluster_ips.Index(i), ip,
                                 "expected an IPv4 value as indicated by `ipFamilies[" + n + "]`"));
      }
      if (spec.ipFamilies[i] == "IPv6" && !is_v6(ip)) {
        errors.push_back(Invalid(cluster_ips.Index(i), ip,
                                 "expected an IPv6 value as indicated by `ipFamilies[" + n + "]`"));
      }
    }
  }
  return errors;
}

// The type-specific part of ValidateService: headless rules and ExternalName fields.
FieldErrors ValidateServiceTypeFields(const ServiceSpec& spec) {
  Path path("spec");
  FieldErrors errors;
  if ((spec.type == "LoadBalancer" || spec.type == "NodePort") && IsHeadlessService(spec)) {
    errors.push_back(Invalid(path.Child("clusterIPs").Index(0), spec.clusterIPs[0],
                             "may not be set to 'None' for " + spec.type + " services"));
  }
  if (spec.type != "ExternalName") return errors;
  const std::string not_for_external_name = "may not be set for ExternalName services";
  if (!spec.clusterIPs.empty()) {
    errors.push_back(Forbidden(path.Child("clusterIPs"), not_for_external_name));
  }
  if (!spec.ipFamilies.empty()) {
    errors.push_back(Forbidden(path.Child("ipFamilies"), not_for_external_name));
  }
  if (spec.ipFamilyPolicy) {
    errors.push_back(Forbidden(path.Child("ipFamilyPolicy"), not_for_external_name));
  }
  std::string cname = spec.externalName;
  if (cname.ends_with('.')) cname.pop_back();
  if (cname.empty()) {
    errors.push_back(Required(path.Child("externalName")));
  } else {
    Append(errors, ValidateDNS1123Subdomain(cname, path.Child("externalName")));
  }
  return errors;
}

// The session affinity part of ValidateService.
FieldErrors ValidateServiceSessionAffinity(const ServiceSpec& spec) {
  Path path("spec");
  FieldErrors errors;
  if (spec.sessionAffinity.empty()) {
    errors.push_back(Required(path.Child("sessionAffinity")));
  } else if (spec.sessionAffinity != "ClientIP" && spec.sessionAffinity != "None") {
    errors.push_back(
        NotSupported(path.Child("sessionAffinity"), spec.sessionAffinity, {"ClientIP", "None"}));
  }
  if (spec.sessionAffinity == "ClientIP") {
    Append(errors, ValidateClientIPAffinityConfig(spec.sessionAffinityConfig,
                                                  path.Child("sessionAffinityConfig")));
  } else if (spec.sessionAffinity == "None" && spec.sessionAffinityConfig) {
    errors.push_back(Forbidden(path.Child("sessionAffinityConfig"),
                               "must not be set when session affinity is None"));
  }
  return errors;
}

// The node port and port uniqueness part of ValidateService.
FieldErrors ValidateServicePortUniqueness(const ServiceSpec& spec) {
  Path ports = Path("spec").Child("ports");
  FieldErrors errors;
  if (spec.type == "ClusterIP") {
    for (size_t i = 0; i < spec.ports.size(); ++i) {
      if (spec.ports[i].nodePort != 0) {
        errors.push_back(Forbidden(ports.Index(i).Child("nodePort"),
                                   "may not be used when `type` is 'ClusterIP'"));
      }
    }
  }
  std::set<std::pair<std::string, int32_t>> node_ports;
  for (size_t i = 0; i < spec.ports.size(); ++i) {
    const ServicePort& port = spec.ports[i];
    if (port.nodePort == 0) continue;
    if (!node_ports.insert({port.protocol, port.nodePort}).second) {
      errors.push_back(Duplicate(ports.Index(i).Child("nodePort"), port.nodePort));
    }
  }
  std::set<std::pair<std::string, int32_t>> seen;
  for (size_t i = 0; i < spec.ports.size(); ++i) {
    const ServicePort& port = spec.ports[i];
    if (!seen.insert({port.protocol, port.port}).second) {
      errors.push_back(Duplicate(ports.Index(i), BadValue::Raw(GoServicePortKey(port))));
    }
  }
  return errors;
}

// The loadBalancerSourceRanges (field or annotation) part of ValidateService.
FieldErrors ValidateServiceSourceRanges(const Service& service) {
  const ServiceSpec& spec = service.spec;
  const std::string only_lb = "may only be used when `type` is 'LoadBalancer'";
  FieldErrors errors;
  if (!spec.loadBalancerSourceRanges.empty()) {
    Path path = Path("spec").Child("LoadBalancerSourceRanges");
    if (spec.type != "LoadBalancer") errors.push_back(Forbidden(path, only_lb));
    for (size_t i = 0; i < spec.loadBalancerSourceRanges.size(); ++i) {
      std::string value = TrimSpace(spec.loadBalancerSourceRanges[i]);
      Append(errors, InvalidPerProblem(validation::IsValidCIDR(value), path.Index(i), value));
    }
    return errors;
  }
  const std::string key = "service.beta.kubernetes.io/load-balancer-source-ranges";
  auto annotation = service.metadata.annotations.find(key);
  if (annotation == service.metadata.annotations.end()) return errors;
  Path path = Path("metadata").Child("annotations").Key(key);
  if (spec.type != "LoadBalancer") errors.push_back(Forbidden(path, only_lb));
  std::string value = TrimSpace(annotation->second);
  if (value.empty()) return errors;
  size_t start = 0;
  while (true) {
    size_t comma = value.find(',', start);
    std::string cidr = TrimSpace(std::string_view(value).substr(start, comma - start));
    Append(errors, InvalidPerProblem(validation::IsValidCIDR(cidr), path, cidr));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return errors;
}

// validateServiceExternalTrafficPolicy, including healthCheckNodePort.
FieldErrors ValidateServiceExternalTrafficPolicy(const ServiceSpec& spec) {
  Path path("spec");
  FieldErrors errors;
  if (!ServiceExternallyAccessible(spec)) {
    if (!spec.externalTrafficPolicy.empty()) {
      errors.push_back(Invalid(path.Child("externalTrafficPolicy"), spec.externalTrafficPolicy,
                               "may only be set for externally-accessible services"));
    }
  } else if (spec.externalTrafficPolicy.empty()) {
    errors.push_back(Required(path.Child("externalTrafficPolicy")));
  } else if (spec.externalTrafficPolicy != "Cluster" && spec.externalTrafficPolicy != "Local") {
    errors.push_back(NotSupported(path.Child("externalTrafficPolicy"), spec.externalTrafficPolicy,
                                  {"Cluster", "Local"}));
  }
  bool needs_health_check = spec.type == "LoadBalancer" && spec.externalTrafficPolicy == "Local";
  Path health = path.Child("healthCheckNodePort");
  if (!needs_health_check) {
    if (spec.healthCheckNodePort != 0) {
      errors.push_back(Invalid(health, spec.healthCheckNodePort,
                               "may only be set when `type` is 'LoadBalancer' and "
                               "`externalTrafficPolicy` is 'Local'"));
    }
  } else if (spec.healthCheckNodePort == 0) {
    errors.push_back(Required(health));
  } else {
    Append(errors, InvalidPerProblem(validation::IsValidPortNum(spec.healthCheckNodePort), health,
                                     spec.healthCheckNodePort));
  }
  return errors;
}

// The load balancer class, internal traffic policy and traffic distribution parts of
// ValidateService.
FieldErrors ValidateServiceTrafficFields(const ServiceSpec& spec) {
  Path path("spec");
  FieldErrors errors;
  if (spec.allocateLoadBalancerNodePorts && spec.type != "LoadBalancer") {
    errors.push_back(Forbidden(path.Child("allocateLoadBalancerNodePorts"),
                               "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.type == "LoadBalancer" && !spec.allocateLoadBalancerNodePorts) {
    errors.push_back(Required(Path("allocateLoadBalancerNodePorts")));
  }
  if (spec.loadBalancerClass) {
    if (spec.type == "LoadBalancer") {
      Append(errors,
             ValidateQualifiedName(*spec.loadBalancerClass, path.Child("loadBalancerClass")));
    } else {
      errors.push_back(Forbidden(path.Child("loadBalancerClass"),
                                 "may only be used when `type` is 'LoadBalancer'"));
    }
  }
  Append(errors, ValidateServiceExternalTrafficPolicy(spec));
  if (!spec.internalTrafficPolicy &&
      Contains({"NodePort", "LoadBalancer", "ClusterIP"}, spec.type)) {
    errors.push_back(Required(path.Child("internalTrafficPolicy")));
  }
  if (spec.internalTrafficPolicy && *spec.internalTrafficPolicy != "Cluster" &&
      *spec.internalTrafficPolicy != "Local") {
    errors.push_back(NotSupported(path.Child("internalTrafficPolicy"), *spec.internalTrafficPolicy,
                                  {"Cluster", "Local"}));
  }
  if (spec.trafficDistribution && *spec.trafficDistribution != "PreferClose") {
    errors.push_back(NotSupported(path.Child("trafficDistribution"), *spec.trafficDistribution,
                                  {"PreferClose"}));
  }
  return errors;
}

// ---- Endpoints ------------------------------------------------------------------------------

// validateEndpointAddress.
FieldErrors ValidateEndpointAddress(const EndpointAddress& address, const Path& path) {
  FieldErrors errors = ValidateIP(address.ip, path.Child("ip"));
  if (!address.hostname.empty()) {
    Append(errors, ValidateDNS1123Label(address.hostname, path.Child("hostname")));
  }
  if (address.nodeName) {
    Append(errors, ValidateSubdomainName(*address.nodeName, path.Child("nodeName")));
  }
  Append(errors, ValidateNonSpecialIP(address.ip, path.Child("ip")));
  return errors;
}

// validateEndpointPort.
FieldErrors ValidateEndpointPort(const EndpointPort& port, bool require_name, const Path& path) {
  FieldErrors errors;
  if (require_name && port.name.empty()) {
    errors.push_back(Required(path.Child("name")));
  } else if (!port.name.empty()) {
    Append(errors, ValidateDNS1123Label(port.name, path.Child("name")));
  }
  Append(errors, ValidatePortAndProtocol(port.port, port.protocol, path));
  if (port.appProtocol) {
    Append(errors, ValidateQualifiedName(*port.appProtocol, path.Child("appProtocol")));
  }
  return errors;
}

// validateEndpointSubsets.
FieldErrors ValidateEndpointSubsets(const std::vector<EndpointSubset>& subsets) {
  FieldErrors errors;
  for (size_t i = 0; i < subsets.size(); ++i) {
    const EndpointSubset& subset = subsets[i];
    Path at = Path("subsets").Index(i);
    if (subset.addresses.empty() && subset.notReadyAddresses.empty()) {
      errors.push_back(Required(at, "must specify `addresses` or `notReadyAddresses`"));
    }
    for (size_t j = 0; j < subset.addresses.size(); ++j) {
      Append(errors, ValidateEndpointAddress(subset.addresses[j], at.Child("addresses").Index(j)));
    }
    for (size_t j = 0; j < subset.notReadyAddresses.size(); ++j) {
      Append(errors, ValidateEndpointAddress(subset.notReadyAddresses[j],
                                             at.Child("notReadyAddresses").Index(j)));
    }
    for (size_t j = 0; j < subset.ports.size(); ++j) {
      Append(errors, ValidateEndpointPort(subset.ports[j], subset.ports.size() > 1,
                                          at.Child("ports").Index(j)));
    }
  }
  return errors;
}

}  // namespace

// ValidateService (create), without the checks that need the cluster's IP allocation.
validation::FieldErrors Validate(const Service& object) {
  const ServiceSpec& spec = object.spec;
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNS1035Label);
  const Map<std::string>& annotations = object.metadata.annotations;
  const std::string hints_key = "service.kubernetes.io/topology-aware-hints";
  const std::string mode_key = "service.kubernetes.io/topology-mode";
  if (annotations.contains(hints_key) && annotations.contains(mode_key) &&
      annotations.at(hints_key) != annotations.at(mode_key)) {
    errors.push_back(Invalid(Path("metadata").Child("annotations").Key(mode_key),
                             annotations.at(mode_key),
                             "must match annotations[" + hints_key + "] when both are specified"));
  }
  Path path("spec");
  if (spec.ports.empty() && !IsHeadlessService(spec) && spec.type != "ExternalName") {
    errors.push_back(Required(path.Child("ports")));
  }
  Append(errors, ValidateServiceTypeFields(spec));
  std::set<std::string> port_names;
  for (size_t i = 0; i < spec.ports.size(); ++i) {
    Append(errors, ValidateServicePort(spec.ports[i], spec.ports.size() > 1, port_names,
                                       path.Child("ports").Index(i)));
  }
  Append(errors, validation::ValidateLabels(spec.selector, path.Child("selector")));
  Append(errors, ValidateServiceSessionAffinity(spec));
  Append(errors, ValidateServiceClusterIPsRelatedFields(spec));
  for (size_t i = 0; i < spec.externalIPs.size(); ++i) {
    Path at = path.Child("externalIPs").Index(i);
    FieldErrors ip_errors = ValidateIP(spec.externalIPs[i], at);
    Append(errors, ip_errors.empty() ? ValidateNonSpecialIP(spec.externalIPs[i], at)
                                     : std::move(ip_errors));
  }
  if (spec.type.empty()) {
    errors.push_back(Required(path.Child("type")));
  } else if (!Contains({"ClusterIP", "NodePort", "LoadBalancer", "ExternalName"}, spec.type)) {
    errors.push_back(NotSupported(path.Child("type"), spec.type,
                                  {"ClusterIP", "ExternalName", "LoadBalancer", "NodePort"}));
  }
  Append(errors, ValidateServicePortUniqueness(spec));
  Append(errors, ValidateServiceSourceRanges(object));
  Append(errors, ValidateServiceTrafficFields(spec));
  return errors;
}

// ValidateEndpoints.
validation::FieldErrors Validate(const Endpoints& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  Append(errors, ValidateEndpointSubsets(object.subsets));
  return errors;
}

}  // namespace kref::api::core
