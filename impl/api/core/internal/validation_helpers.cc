// The checks every core/v1 validation file shares: names, ports, metadata, IP addresses,
// resource names and quantities, node selectors, and the volume sources that pods and
// PersistentVolumes both have.
#include "impl/api/core/internal/validation_helpers.h"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <optional>
#include <regex>

namespace kref::api::core::internal {
namespace {

using validation::Append;
using validation::FieldErrors;
using validation::Forbidden;
using validation::Invalid;
using validation::InvalidPerProblem;
using validation::NotSupported;
using validation::Path;
using validation::Required;

// An address as Go's net.IP holds it: 16 bytes, IPv4 as ::ffff:a.b.c.d. IPv4 parts may have
// leading zeros (ParseIPSloppy).
std::optional<std::array<uint8_t, 16>> ParseIP(const std::string& text) {
  std::array<uint8_t, 16> ip{};
  if (text.find(':') != std::string::npos) {
    if (inet_pton(AF_INET6, text.c_str(), ip.data()) != 1) return std::nullopt;
    return ip;
  }
  ip[10] = ip[11] = 0xff;
  size_t start = 0;
  for (int part = 0; part < 4; ++part) {
    size_t end = part < 3 ? text.find('.', start) : text.size();
    if (end == std::string::npos || end == start) return std::nullopt;
    int value = 0;
    for (size_t i = start; i < end; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
      value = value * 10 + (text[i] - '0');
      if (value > 255) return std::nullopt;
    }
    ip[12 + part] = static_cast<uint8_t>(value);
    start = end + 1;
  }
  return ip;
}

bool IsV4(const std::array<uint8_t, 16>& ip) {
  return std::all_of(ip.begin(), ip.begin() + 10, [](uint8_t b) { return b == 0; }) &&
         ip[10] == 0xff && ip[11] == 0xff;
}

bool IsQuotaHugePageResourceName(std::string_view name) {
  return IsHugePageResourceName(name) || name.starts_with("requests.hugepages-");
}

// helper.IsNativeResource: unprefixed, or in the kubernetes.io namespace.
bool IsNativeResource(std::string_view name) {
  return name.find('/') == std::string_view::npos ||
         name.find("kubernetes.io/") != std::string_view::npos;
}

// helper.IsExtendedResourceName.
bool IsExtendedResourceName(std::string_view name) {
  if (IsNativeResource(name) || name.starts_with("requests.")) return false;
  return validation::IsQualifiedName("requests." + std::string(name)).empty();
}

bool IsStandardContainerResourceName(std::string_view name) {
  return Contains({"cpu", "memory", "ephemeral-storage"}, name) || IsHugePageResourceName(name);
}

// helper.IsStandardResourceName.
bool IsStandardResourceName(std::string_view name) {
  return Contains({"cpu",
                   "memory",
                   "ephemeral-storage",
                   "requests.cpu",
                   "requests.memory",
                   "requests.ephemeral-storage",
                   "limits.cpu",
                   "limits.memory",
                   "limits.ephemeral-storage",
                   "pods",
                   "resourcequotas",
                   "services",
                   "replicationcontrollers",
                   "secrets",
                   "configmaps",
                   "persistentvolumeclaims",
                   "storage",
                   "requests.storage",
                   "services.nodeports",
                   "services.loadbalancers"},
                  name) ||
         IsQuotaHugePageResourceName(name);
}

// helper.IsIntegerResourceName.
bool IsIntegerResourceName(std::string_view name) {
  return Contains({"pods", "resourcequotas", "services", "replicationcontrollers", "secrets",
                   "configmaps", "persistentvolumeclaims", "services.nodeports",
                   "services.loadbalancers"},
                  name) ||
         IsExtendedResourceName(name);
}

// ValidateNonnegativeQuantity.
FieldErrors ValidateNonnegativeQuantity(const Quantity& quantity, const Path& path) {
  if (quantity.Sign() >= 0) return {};
  return {Invalid(path, quantity.ToString(), "must be greater than or equal to 0")};
}

// ValidateNodeSelectorRequirement.
FieldErrors ValidateNodeSelectorRequirement(const NodeSelectorRequirement& rq,
                                            bool allow_invalid_values, const Path& path) {
  FieldErrors errors;
  const std::string& op = rq.operator_;
  if (op == "In" || op == "NotIn") {
    if (rq.values.empty()) {
      errors.push_back(
          Required(path.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
    }
  } else if (op == "Exists" || op == "DoesNotExist") {
    if (!rq.values.empty()) {
      errors.push_back(Forbidden(path.Child("values"),
                                 "may not be specified when `operator` is 'Exists' or "
                                 "'DoesNotExist'"));
    }
  } else if (op == "Gt" || op == "Lt") {
    if (rq.values.size() != 1) {
      errors.push_back(Required(path.Child("values"),
                                "must be specified single value when `operator` is 'Lt' or 'Gt'"));
    }
  } else {
    errors.push_back(Invalid(path.Child("operator"), op, "not a valid selector operator"));
  }
  Append(errors, ValidateQualifiedName(rq.key, path.Child("key")));
  if (!allow_invalid_values) {
    for (size_t i = 0; i < rq.values.size(); ++i) {
      Append(errors, InvalidPerProblem(validation::IsValidLabelValue(rq.values[i]),
                                       path.Child("values").Index(i), rq.values[i]));
    }
  }
  return errors;
}

// ValidateNodeFieldSelectorRequirement: only metadata.name, with one value.
FieldErrors ValidateNodeFieldSelectorRequirement(const NodeSelectorRequirement& rq,
                                                 const Path& path) {
  FieldErrors errors;
  if (rq.operator_ == "In" || rq.operator_ == "NotIn") {
    if (rq.values.size() != 1) {
      errors.push_back(Required(path.Child("values"),
                                "must be only one value when `operator` is 'In' or 'NotIn' for "
                                "node field selector"));
    }
  } else {
    errors.push_back(
        Invalid(path.Child("operator"), rq.operator_, "not a valid selector operator"));
  }
  if (rq.key != "metadata.name") {
    errors.push_back(Invalid(path.Child("key"), rq.key, "not a valid field selector key"));
  } else {
    for (size_t i = 0; i < rq.values.size(); ++i) {
      Append(errors, ValidateSubdomainName(rq.values[i], path.Child("values").Index(i)));
    }
  }
  return errors;
}

}  // namespace

// ---- Small utilities ------------------------------------------------------------------------

bool Contains(std::initializer_list<std::string_view> set, std::string_view value) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

// ---- Names, ports and object metadata -------------------------------------------------------

FieldErrors ValidateDNS1123Label(std::string_view value, const Path& path) {
  return InvalidPerProblem(validation::IsDNS1123Label(value), path, value);
}

FieldErrors ValidateDNS1123Subdomain(std::string_view value, const Path& path) {
  return InvalidPerProblem(validation::IsDNS1123Subdomain(value), path, value);
}

FieldErrors ValidateQualifiedName(std::string_view value, const Path& path) {
  return InvalidPerProblem(validation::IsQualifiedName(value), path, value);
}

FieldErrors ValidateSubdomainName(std::string_view value, const Path& path, bool prefix) {
  return InvalidPerProblem(validation::NameIsDNSSubdomain(value, prefix), path, value);
}

FieldErrors ValidatePortNumOrName(const IntOrString& port, const Path& path) {
  if (port.is_string()) {
    return InvalidPerProblem(validation::IsValidPortName(port.string_value()), path,
                             port.string_value());
  }
  return InvalidPerProblem(validation::IsValidPortNum(port.int_value()), path, port.int_value());
}

FieldErrors ValidateKubeFinalizerName(const std::string& value, const Path& path) {
  if (value.find('/') != std::string::npos || value == "kubernetes" || value == "orphan" ||
      value == "foregroundDeletion") {
    return {};
  }
  return {
      Invalid(path, value, "name is neither a standard finalizer name nor is it fully qualified")};
}

FieldErrors ValidateCoreObjectMeta(const meta::ObjectMeta& meta, bool namespaced,
                                   const validation::NameValidator& name_validator) {
  Path path("metadata");
  FieldErrors errors = validation::ValidateObjectMeta(meta, namespaced, name_validator, path);
  for (size_t i = 0; i < meta.finalizers.size(); ++i) {
    Append(errors,
           ValidateKubeFinalizerName(meta.finalizers[i], path.Child("finalizers").Index(i)));
  }
  return errors;
}

// ---- IP addresses ---------------------------------------------------------------------------

bool IsIPv6Address(const std::string& text) {
  std::optional<std::array<uint8_t, 16>> ip = ParseIP(text);
  return ip && !IsV4(*ip);
}

FieldErrors ValidateNonSpecialIP(const std::string& value, const Path& path) {
  std::optional<std::array<uint8_t, 16>> parsed = ParseIP(value);
  if (!parsed) return {Invalid(path, value, "must be a valid IP address")};
  const std::array<uint8_t, 16>& ip = *parsed;
  bool v4 = IsV4(ip);
  FieldErrors errors;
  bool unspecified = v4 ? (ip[12] | ip[13] | ip[14] | ip[15]) == 0
                        : std::all_of(ip.begin(), ip.end(), [](uint8_t b) { return b == 0; });
  bool loopback =
      v4 ? ip[12] == 127
         : std::all_of(ip.begin(), ip.end() - 1, [](uint8_t b) { return b == 0; }) && ip[15] == 1;
  bool link_local_unicast =
      v4 ? ip[12] == 169 && ip[13] == 254 : ip[0] == 0xfe && (ip[1] & 0xc0) == 0x80;
  bool link_local_multicast =
      v4 ? ip[12] == 224 && ip[13] == 0 && ip[14] == 0 : ip[0] == 0xff && (ip[1] & 0x0f) == 0x02;
  if (unspecified) {
    errors.push_back(Invalid(path, value, "may not be unspecified (" + value + ")"));
  }
  if (loopback) {
    errors.push_back(
        Invalid(path, value, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
  }
  if (link_local_unicast) {
    errors.push_back(
        Invalid(path, value, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
  }
  if (link_local_multicast) {
    errors.push_back(Invalid(
        path, value, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
  }
  return errors;
}

// ---- Resource names and quantities ----------------------------------------------------------

bool Unqualified(std::string_view name) { return name.find('/') == std::string_view::npos; }

bool IsHugePageResourceName(std::string_view name) { return name.starts_with("hugepages-"); }

bool IsOvercommitAllowed(std::string_view name) {
  return IsNativeResource(name) && !IsHugePageResourceName(name);
}

bool IsStandardQuotaResourceName(std::string_view name) {
  return Contains({"cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory",
                   "requests.storage", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
                   "limits.ephemeral-storage", "pods", "resourcequotas", "services",
                   "replicationcontrollers", "secrets", "persistentvolumeclaims", "configmaps",
                   "services.nodeports", "services.loadbalancers"},
                  name) ||
         IsQuotaHugePageResourceName(name);
}

FieldErrors ValidateResourceName(const std::string& name, const Path& path) {
  FieldErrors errors = ValidateQualifiedName(name, path);
  if (!errors.empty()) return errors;
  if (Unqualified(name) && !IsStandardResourceName(name)) {
    errors.push_back(Invalid(path, name, "must be a standard resource type or fully qualified"));
  }
  return errors;
}

FieldErrors ValidateContainerResourceName(const std::string& name, const Path& path) {
  FieldErrors errors = ValidateResourceName(name, path);
  if (Unqualified(name)) {
    if (!IsStandardContainerResourceName(name)) {
      errors.push_back(Invalid(path, name, "must be a standard resource for containers"));
    }
  } else if (!IsNativeResource(name) && !IsExtendedResourceName(name)) {
    errors.push_back(Invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errors;
}

FieldErrors ValidateResourceQuantityValue(const std::string& name, const Quantity& quantity,
                                          const Path& path) {
  FieldErrors errors = ValidateNonnegativeQuantity(quantity, path);
  if (IsIntegerResourceName(name) && quantity.MilliValue() % 1000 != 0) {
    errors.push_back(
        Invalid(path, validation::BadValue::Raw(quantity.ToString()), "must be an integer"));
  }
  return errors;
}

// ---- Node selectors -------------------------------------------------------------------------

FieldErrors ValidateNodeSelectorTerm(const NodeSelectorTerm& term, bool allow_invalid_values,
                                     const Path& path) {
  FieldErrors errors;
  for (size_t j = 0; j < term.matchExpressions.size(); ++j) {
    Append(errors, ValidateNodeSelectorRequirement(term.matchExpressions[j], allow_invalid_values,
                                                   path.Child("matchExpressions").Index(j)));
  }
  for (size_t j = 0; j < term.matchFields.size(); ++j) {
    Append(errors, ValidateNodeFieldSelectorRequirement(term.matchFields[j],
                                                        path.Child("matchFields").Index(j)));
  }
  return errors;
}

FieldErrors ValidateNodeSelector(const NodeSelector& selector, const Path& path) {
  Path terms = path.Child("nodeSelectorTerms");
  if (selector.nodeSelectorTerms.empty()) {
    return {Required(terms, "must have at least one node selector term")};
  }
  FieldErrors errors;
  for (size_t i = 0; i < selector.nodeSelectorTerms.size(); ++i) {
    Append(errors, ValidateNodeSelectorTerm(selector.nodeSelectorTerms[i], false, terms.Index(i)));
  }
  return errors;
}

// ---- Paths and volume sources ---------------------------------------------------------------

FieldErrors ValidatePathNoBacksteps(std::string_view target, const Path& path) {
  size_t start = 0;
  while (start <= target.size()) {
    size_t slash = target.find('/', start);
    std::string_view item = target.substr(
        start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (item == "..") return {Invalid(path, target, "must not contain '..'")};
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return {};
}

FieldErrors ValidateHostPathVolumeSource(const HostPathVolumeSource& source, const Path& path) {
  if (source.path.empty()) return {Required(path.Child("path"))};
  FieldErrors errors = ValidatePathNoBacksteps(source.path, path.Child("path"));
  if (source.type && !Contains({"", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate",
                                "File", "FileOrCreate", "Socket"},
                               *source.type)) {
    errors.push_back(NotSupported(path.Child("type"), *source.type,
                                  {"", "BlockDevice", "CharDevice", "Directory",
                                   "DirectoryOrCreate", "File", "FileOrCreate", "Socket"}));
  }
  return errors;
}

FieldErrors ValidateNFSVolumeSource(const NFSVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.server.empty()) errors.push_back(Required(path.Child("server")));
  if (source.path.empty()) errors.push_back(Required(path.Child("path")));
  if (!source.path.starts_with('/')) {
    errors.push_back(Invalid(path.Child("path"), source.path, "must be an absolute path"));
  }
  return errors;
}

FieldErrors ValidateFCVolumeSource(const FCVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.targetWWNs.empty() && source.wwids.empty()) {
    errors.push_back(Required(path.Child("targetWWNs"),
                              "must specify either targetWWNs or wwids, but not both"));
  }
  if (!source.targetWWNs.empty() && !source.wwids.empty()) {
    errors.push_back(Invalid(path.Child("targetWWNs"), source.targetWWNs,
                             "targetWWNs and wwids can not be specified simultaneously"));
  }
  if (!source.targetWWNs.empty()) {
    if (!source.lun) {
      errors.push_back(Required(path.Child("lun"), "lun is required if targetWWNs is specified"));
    } else if (*source.lun < 0 || *source.lun > 255) {
      errors.push_back(
          Invalid(path.Child("lun"), *source.lun, validation::InclusiveRangeError(0, 255)));
    }
  }
  return errors;
}

FieldErrors ValidateFlexVolume(const std::string& driver, const Map<std::string>& options,
                               const Path& path) {
  FieldErrors errors;
  if (driver.empty()) errors.push_back(Required(path.Child("driver")));
  for (const auto& [key, value] : options) {
    std::string normalized = "." + ToLower(key.substr(0, key.find('/')));
    if (normalized.ends_with(".kubernetes.io") || normalized.ends_with(".k8s.io")) {
      errors.push_back(Invalid(path.Child("options").Key(key), key,
                               "kubernetes.io and k8s.io namespaces are reserved"));
    }
  }
  return errors;
}

bool IsValidIscsiName(const std::string& name) {
  static const std::regex kIqn(R"(iqn\.\d{4}-\d{2}\.([[:alnum:].-]+)(:[^,;*&$|\s]+)$)");
  static const std::regex kEui(R"(^eui.[[:alnum:]]{16}$)");
  static const std::regex kNaa(R"(^naa.[[:alnum:]]{32}$)");
  if (name.starts_with("iqn")) return std::regex_search(name, kIqn);
  if (name.starts_with("eui")) return std::regex_search(name, kEui);
  if (name.starts_with("naa")) return std::regex_search(name, kNaa);
  return false;
}

FieldErrors ValidateCSIDriverName(const std::string& driver, const Path& path) {
  FieldErrors errors;
  if (driver.empty()) errors.push_back(Required(path));
  if (driver.size() > 63) errors.push_back(validation::TooLong(path, 63));
  Append(errors, InvalidPerProblem(validation::IsDNS1123Subdomain(ToLower(driver)), path, driver));
  return errors;
}

}  // namespace kref::api::core::internal
