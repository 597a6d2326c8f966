#include "impl/apiserver/service_allocator.h"

#include <arpa/inet.h>

#include <charconv>

#include "impl/api/validation/field_error.h"

namespace kref::apiserver {

namespace v = api::validation;

namespace {

constexpr char kIpPrefix[] = "/registry/ranges/serviceips/";
constexpr char kPortPrefix[] = "/registry/ranges/servicenodeports/";

std::optional<uint32_t> ParseIpv4(const std::string& text) {
  in_addr address{};
  if (inet_pton(AF_INET, text.c_str(), &address) != 1) return std::nullopt;
  return ntohl(address.s_addr);
}

std::string FormatIpv4(uint32_t ip) {
  in_addr address{htonl(ip)};
  char text[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &address, text, sizeof text);
  return text;
}

bool NeedsNodePorts(const api::core::ServiceSpec& spec) {
  return spec.type == "NodePort" || spec.type == "LoadBalancer";
}

bool Headless(const api::core::ServiceSpec& spec) { return spec.clusterIP == "None"; }

Status Invalid422(const api::core::Service& service, v::FieldError error) {
  return v::InvalidError("", "Service", service.metadata.name, {std::move(error)});
}

}  // namespace

Result<ServiceRanges> ServiceRanges::Parse(const std::string& cidr) {
  size_t slash = cidr.find('/');
  auto bad = [&] { return InvalidArgumentError("service cluster IP range \"" + cidr + "\" is not an IPv4 CIDR with a prefix from 8 to 30"); };
  if (slash == std::string::npos) return bad();
  auto ip = ParseIpv4(cidr.substr(0, slash));
  int prefix = 0;
  auto [end, ec] = std::from_chars(cidr.data() + slash + 1, cidr.data() + cidr.size(), prefix);
  if (!ip || ec != std::errc() || end != cidr.data() + cidr.size() || prefix < 8 || prefix > 30) {
    return bad();
  }
  ServiceRanges ranges;
  ranges.size = uint32_t{1} << (32 - prefix);
  ranges.first_ip = *ip & ~(ranges.size - 1);
  ranges.cidr = cidr;
  return ranges;
}

std::string ServiceRanges::FirstServiceIp() const { return FormatIpv4(first_ip + 1); }

Result<std::set<std::string>> ServiceAllocator::Taken(const std::string& prefix) {
  KREF_ASSIGN_OR_RETURN(std::vector<std::string> keys, objects_.ListKeys(prefix));
  std::set<std::string> taken;
  for (const std::string& key : keys) taken.insert(key.substr(prefix.size()));
  return taken;
}

std::vector<std::string> ServiceAllocator::Held(const api::core::Service& service) {
  std::vector<std::string> keys;
  if (!service.spec.clusterIP.empty() && !Headless(service.spec)) {
    keys.push_back(kIpPrefix + service.spec.clusterIP);
  }
  for (const api::core::ServicePort& port : service.spec.ports) {
    if (port.nodePort != 0) keys.push_back(kPortPrefix + std::to_string(port.nodePort));
  }
  return keys;
}

Result<RangeClaims> ServiceAllocator::Prepare(const api::core::Service* old,
                                              api::core::Service& service) {
  api::core::ServiceSpec& spec = service.spec;
  RangeClaims claims;
  std::vector<std::string> held = old != nullptr ? Held(*old) : std::vector<std::string>();

  // ---- cluster IP ----
  if (old != nullptr && !old->spec.clusterIP.empty()) {
    if (spec.clusterIP.empty()) {
      spec.clusterIP = old->spec.clusterIP;
      spec.clusterIPs = old->spec.clusterIPs;
    } else if (spec.clusterIP != old->spec.clusterIP) {
      return Invalid422(service, v::Invalid(v::Path("spec").Child("clusterIPs").Index(0),
                                            v::BadValue(spec.clusterIPs), "may not change once set"));
    }
    if (spec.ipFamilies.empty()) spec.ipFamilies = old->spec.ipFamilies;
    if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = old->spec.ipFamilyPolicy;
  } else if (spec.type != "ExternalName" && !Headless(spec)) {
    KREF_ASSIGN_OR_RETURN(std::set<std::string> taken, Taken(kIpPrefix));
    if (spec.clusterIP.empty()) {
      // A free address from a random start, skipping the network and broadcast addresses.
      uint32_t usable = ranges_.size - 2;
      uint32_t start;
      {
        std::lock_guard lock(rng_mu_);
        start = static_cast<uint32_t>(rng_.Uniform(0, usable - 1));
      }
      for (uint32_t i = 0; i < usable && spec.clusterIP.empty(); ++i) {
        std::string ip = FormatIpv4(ranges_.first_ip + 1 + (start + i) % usable);
        if (!taken.contains(ip)) spec.clusterIP = ip;
      }
      if (spec.clusterIP.empty()) {
        return InternalError("failed to allocate a serviceIP: range is full");
      }
    } else {
      auto ip = ParseIpv4(spec.clusterIP);
      v::Path path = v::Path("spec").Child("clusterIPs");
      std::vector<std::string> ips = spec.clusterIPs.empty() ? std::vector<std::string>{spec.clusterIP} : spec.clusterIPs;
      if (!ip || *ip <= ranges_.first_ip || *ip >= ranges_.first_ip + ranges_.size - 1) {
        return Invalid422(service, v::Invalid(path, v::BadValue(ips),
                                              "failed to allocate IP " + spec.clusterIP +
                                                  ": the provided IP (" + spec.clusterIP +
                                                  ") is not in the valid range. The range of "
                                                  "valid IPs is " + ranges_.cidr));
      }
      if (taken.contains(spec.clusterIP)) {
        return Invalid422(service, v::Invalid(path, v::BadValue(ips),
                                              "failed to allocate IP " + spec.clusterIP +
                                                  ": provided IP is already allocated"));
      }
    }
    spec.clusterIPs = {spec.clusterIP};
    if (spec.ipFamilies.empty()) spec.ipFamilies = {"IPv4"};
    if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = "SingleStack";
    claims.claim.push_back(kIpPrefix + spec.clusterIP);
  } else if (Headless(spec)) {
    spec.clusterIPs = {"None"};
    if (spec.type != "ExternalName") {
      if (spec.ipFamilies.empty()) spec.ipFamilies = {"IPv4"};
      if (!spec.ipFamilyPolicy) spec.ipFamilyPolicy = "SingleStack";
    }
  }

  // ---- node ports ----
  std::set<std::string> taken_ports;
  bool read_ports = false;
  for (size_t i = 0; i < spec.ports.size(); ++i) {
    api::core::ServicePort& port = spec.ports[i];
    if (!NeedsNodePorts(spec)) {
      port.nodePort = 0;
      continue;
    }
    // An update keeps the node port of the same port (by name, else position).
    if (port.nodePort == 0 && old != nullptr) {
      for (size_t j = 0; j < old->spec.ports.size(); ++j) {
        const api::core::ServicePort& before = old->spec.ports[j];
        bool same = !port.name.empty() ? before.name == port.name : j == i;
        if (same && before.nodePort != 0) port.nodePort = before.nodePort;
      }
    }
    std::string key = kPortPrefix + std::to_string(port.nodePort);
    if (port.nodePort != 0 && std::find(held.begin(), held.end(), key) != held.end()) continue;
    if (!read_ports) {
      KREF_ASSIGN_OR_RETURN(taken_ports, Taken(kPortPrefix));
      read_ports = true;
    }
    v::Path path = v::Path("spec").Child("ports").Index(i).Child("nodePort");
    if (port.nodePort == 0) {
      int32_t span = ranges_.node_port_max - ranges_.node_port_min + 1;
      int32_t start;
      {
        std::lock_guard lock(rng_mu_);
        start = static_cast<int32_t>(rng_.Uniform(0, span - 1));
      }
      for (int32_t k = 0; k < span && port.nodePort == 0; ++k) {
        int32_t candidate = ranges_.node_port_min + (start + k) % span;
        std::string candidate_key = kPortPrefix + std::to_string(candidate);
        bool claimed = std::find(claims.claim.begin(), claims.claim.end(), candidate_key) != claims.claim.end();
        if (!taken_ports.contains(std::to_string(candidate)) && !claimed) port.nodePort = candidate;
      }
      if (port.nodePort == 0) return InternalError("failed to allocate a nodePort: range is full");
    } else if (port.nodePort < ranges_.node_port_min || port.nodePort > ranges_.node_port_max) {
      return Invalid422(service, v::Invalid(path, v::BadValue(port.nodePort),
                                            "provided port is not in the valid range. The range of valid ports is " +
                                                std::to_string(ranges_.node_port_min) + "-" +
                                                std::to_string(ranges_.node_port_max)));
    } else if (taken_ports.contains(std::to_string(port.nodePort)) ||
               std::find(claims.claim.begin(), claims.claim.end(), key) != claims.claim.end()) {
      return Invalid422(service, v::Invalid(path, v::BadValue(port.nodePort),
                                            "provided port is already allocated"));
    }
    claims.claim.push_back(kPortPrefix + std::to_string(port.nodePort));
  }

  // What the old Service held and the new one does not is released.
  std::vector<std::string> now = Held(service);
  for (const std::string& key : held) {
    if (std::find(now.begin(), now.end(), key) == now.end()) claims.release.push_back(key);
  }
  return claims;
}

}  // namespace kref::apiserver
