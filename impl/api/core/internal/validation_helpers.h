// Checks the core/v1 validation files share (private to impl/api/core): the pod files
// (pod, container, volume and scheduling validation) and the other kinds' files (validation,
// service and storage validation). Each follows the upstream helper it names, in
// pkg/apis/core/validation or pkg/apis/core/helper, with upstream's paths and messages.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "impl/api/core/types.h"
#include "impl/api/validation/common.h"

namespace kref::api::core::internal {

// ---- Small utilities ----

bool Contains(std::initializer_list<std::string_view> set, std::string_view value);
using validation::ToLower;
using validation::TrimSpace;

// ---- Names, ports and object metadata ----

// ValidateDNS1123Label, ValidateDNS1123Subdomain and ValidateQualifiedName (also
// metav1validation.ValidateLabelName, the same rule): one Invalid error per problem.
validation::FieldErrors ValidateDNS1123Label(std::string_view value, const validation::Path& path);
validation::FieldErrors ValidateDNS1123Subdomain(std::string_view value,
                                                 const validation::Path& path);
validation::FieldErrors ValidateQualifiedName(std::string_view value, const validation::Path& path);
// A name checked as a DNS-1123 subdomain (ValidateNodeName, ValidateSecretName, ... upstream);
// with `prefix`, a generateName-style prefix that may end in '-'.
validation::FieldErrors ValidateSubdomainName(std::string_view value, const validation::Path& path,
                                              bool prefix = false);
// ValidatePortNumOrName: a port number in 1-65535, or an IANA service name.
validation::FieldErrors ValidatePortNumOrName(const IntOrString& port,
                                              const validation::Path& path);

// validateKubeFinalizerName: an unqualified finalizer must be "kubernetes", "orphan" or
// "foregroundDeletion".
validation::FieldErrors ValidateKubeFinalizerName(const std::string& value,
                                                  const validation::Path& path);
// ValidateObjectMeta of pkg/apis/core/validation at "metadata": the generic rules, then
// ValidateKubeFinalizerName on every finalizer.
validation::FieldErrors ValidateCoreObjectMeta(const meta::ObjectMeta& meta, bool namespaced,
                                               const validation::NameValidator& name_validator);

// ---- IP addresses ----

// netutils.IsIPv6String: an address that parses (IPv4 parts may have leading zeros) and is not
// IPv4 nor IPv4-mapped.
bool IsIPv6Address(const std::string& text);
// ValidateNonSpecialIP: a valid address that is not unspecified, loopback or link-local.
validation::FieldErrors ValidateNonSpecialIP(const std::string& value,
                                             const validation::Path& path);

// ---- Resource names and quantities (pkg/apis/core/helper) ----

// A name without a "<prefix>/" (len(strings.Split(name, "/")) == 1 upstream).
bool Unqualified(std::string_view name);
// "hugepages-<size>".
bool IsHugePageResourceName(std::string_view name);
// helper.IsOvercommitAllowed: native resources other than huge pages may request less than
// their limit.
bool IsOvercommitAllowed(std::string_view name);
// helper.IsStandardQuotaResourceName.
bool IsStandardQuotaResourceName(std::string_view name);
// validateResourceName: a qualified name; an unprefixed one must be a standard resource.
validation::FieldErrors ValidateResourceName(const std::string& name, const validation::Path& path);
// validateContainerResourceName: validateResourceName, then an unprefixed name must be cpu,
// memory, ephemeral-storage or hugepages-*, a prefixed one native or an extended resource.
validation::FieldErrors ValidateContainerResourceName(const std::string& name,
                                                      const validation::Path& path);
// ValidateResourceQuantityValue: not negative ("must be greater than or equal to 0"), and whole for
// the integer resources (pods, services, ... and extended resources).
validation::FieldErrors ValidateResourceQuantityValue(const std::string& name,
                                                      const Quantity& quantity,
                                                      const validation::Path& path);

// ---- Node selectors (pod node affinity, PersistentVolume node affinity) ----

// ValidateNodeSelectorTerm: each match expression (ValidateNodeSelectorRequirement; label
// values are not checked when `allow_invalid_values`) and each match field (only
// metadata.name, with one value, ValidateNodeFieldSelectorRequirement).
validation::FieldErrors ValidateNodeSelectorTerm(const NodeSelectorTerm& term,
                                                 bool allow_invalid_values,
                                                 const validation::Path& path);
// ValidateNodeSelector: at least one term, each validated with label values checked.
validation::FieldErrors ValidateNodeSelector(const NodeSelector& selector,
                                             const validation::Path& path);

// ---- Paths and volume sources (pod volumes and PersistentVolumes) ----

// validatePathNoBacksteps: no ".." element.
validation::FieldErrors ValidatePathNoBacksteps(std::string_view target,
                                                const validation::Path& path);
// validateHostPathVolumeSource, with validateHostPathType.
validation::FieldErrors ValidateHostPathVolumeSource(const HostPathVolumeSource& source,
                                                     const validation::Path& path);
// validateNFSVolumeSource.
validation::FieldErrors ValidateNFSVolumeSource(const NFSVolumeSource& source,
                                                const validation::Path& path);
// validateFCVolumeSource.
validation::FieldErrors ValidateFCVolumeSource(const FCVolumeSource& source,
                                               const validation::Path& path);
// validateFlexVolumeSource and validateFlexPersistentVolumeSource: a driver, and no option in
// the reserved kubernetes.io and k8s.io namespaces.
validation::FieldErrors ValidateFlexVolume(const std::string& driver,
                                           const Map<std::string>& options,
                                           const validation::Path& path);
// The iSCSI qualified name formats (iqn., eui., naa.); false for any other prefix.
bool IsValidIscsiName(const std::string& name);
// ValidateCSIDriverName: required, at most 63 characters, a DNS-1123 subdomain once lower-cased.
validation::FieldErrors ValidateCSIDriverName(const std::string& driver,
                                              const validation::Path& path);

}  // namespace kref::api::core::internal
