// Pod, PodTemplate and Binding create validation, and the pod spec rules shared with every
// workload kind: pkg/apis/core/validation/validation.go (ValidatePodCreate, ValidatePodSpec,
// ValidatePodTemplate, ValidatePodTemplateSpec, ValidatePodBinding and their helpers), with the
// options the API server uses for new objects in v1.32 (relaxed environment variable names on,
// strict DNS search paths, no zero-second sleep, no alpha pod-level resources).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/api/validation/common.h"
#include "impl/api/validation/names.h"

namespace kref::api::core {
namespace {

using validation::Append;
using validation::BadValue;
using validation::Duplicate;
using validation::FieldErrors;
using validation::Forbidden;
using validation::Invalid;
using validation::NotFound;
using validation::NotSupported;
using validation::Path;
using validation::Problems;
using validation::Required;

constexpr std::string_view kFileModeErrorMsg =
    "must be a number between 0 and 0777 (octal), both inclusive";
constexpr std::string_view kIsNegativeErrorMsg = "must be greater than or equal to 0";
constexpr std::string_view kIsNotPositiveErrorMsg = "must be greater than zero";
constexpr std::string_view kMoreThanOneVolume = "may not specify more than 1 volume type";
constexpr std::string_view kMoreThanOneHandler = "may not specify more than 1 handler type";
constexpr int64_t kMaxInt32 = std::numeric_limits<int32_t>::max();

constexpr std::string_view kMirrorPodAnnotation = "kubernetes.io/config.mirror";
constexpr std::string_view kPodDeletionCostAnnotation =
    "controller.kubernetes.io/pod-deletion-cost";
constexpr std::string_view kSeccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
constexpr std::string_view kSeccompContainerPrefix =
    "container.seccomp.security.alpha.kubernetes.io/";
constexpr std::string_view kAppArmorContainerPrefix =
    "container.apparmor.security.beta.kubernetes.io/";

// The PodValidationOptions that differ between a Pod and a pod template on create.
struct Options {
  // The object being validated is a Pod, not a spec embedded in another kind.
  bool resource_is_pod = false;
};

// Volumes that validated cleanly, by name (ValidateVolumes' result).
using VolumeMap = std::map<std::string, const Volume*>;

// ---- Small helpers ---------------------------------------------------------------------------

// One Invalid error per problem.
FieldErrors InvalidEach(const Problems& problems, const Path& path, const BadValue& value) {
  FieldErrors errors;
  for (const std::string& problem : problems) errors.push_back(Invalid(path, value, problem));
  return errors;
}

// ValidateDNS1123Label.
FieldErrors ValidateDNS1123Label(std::string_view value, const Path& path) {
  return InvalidEach(validation::IsDNS1123Label(value), path, value);
}

// ValidateDNS1123Subdomain.
FieldErrors ValidateDNS1123Subdomain(std::string_view value, const Path& path) {
  return InvalidEach(validation::IsDNS1123Subdomain(value), path, value);
}

// ValidateQualifiedName (and unversionedvalidation.ValidateLabelName, which is the same).
FieldErrors ValidateQualifiedName(std::string_view value, const Path& path) {
  return InvalidEach(validation::IsQualifiedName(value), path, value);
}

// A name checked as a DNS-1123 subdomain (pod, node, secret, service account, priority class,
// runtime class names).
FieldErrors ValidateSubdomainName(std::string_view value, const Path& path, bool prefix = false) {
  return InvalidEach(validation::NameIsDNSSubdomain(value, prefix), path, value);
}

void ValidateFileMode(const std::optional<int32_t>& mode, const Path& path, FieldErrors& errors) {
  if (mode && (*mode > 0777 || *mode < 0)) {
    errors.push_back(Invalid(path, *mode, std::string(kFileModeErrorMsg)));
  }
}

bool Contains(std::initializer_list<std::string_view> set, std::string_view value) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

std::string TrimSpace(std::string_view s) {
  constexpr std::string_view kSpace = " \t\n\v\f\r";
  size_t begin = s.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return "";
  size_t end = s.find_last_not_of(kSpace);
  return std::string(s.substr(begin, end - begin + 1));
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Go's %#v of a resize policy list, as upstream prints it in "must not be set for init
// containers".
std::string ResizePolicyGoSyntax(const std::vector<ContainerResizePolicy>& policies) {
  std::string out = "[]core.ContainerResizePolicy{";
  for (size_t i = 0; i < policies.size(); ++i) {
    if (i > 0) out += ", ";
    out +=
        "core.ContainerResizePolicy{ResourceName:" + validation::GoQuote(policies[i].resourceName) +
        ", RestartPolicy:" + validation::GoQuote(policies[i].restartPolicy) + "}";
  }
  return out + "}";
}

// ---- Paths -----------------------------------------------------------------------------------

// validatePathNoBacksteps: no ".." element.
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

// validateLocalDescendingPath: relative, without "..".
FieldErrors ValidateLocalDescendingPath(std::string_view target, const Path& path) {
  FieldErrors errors;
  if (target.starts_with('/')) errors.push_back(Invalid(path, target, "must be a relative path"));
  Append(errors, ValidatePathNoBacksteps(target, path));
  return errors;
}

// ValidateLocalNonReservedPath: also not starting with "..".
FieldErrors ValidateLocalNonReservedPath(std::string_view target, const Path& path) {
  FieldErrors errors = ValidateLocalDescendingPath(target, path);
  if (target.starts_with("..") && !target.starts_with("../")) {
    errors.push_back(Invalid(path, target, "must not start with '..'"));
  }
  return errors;
}

// ---- Downward API and key selectors ------------------------------------------------------------

// podshelper.ConvertDownwardAPIFieldLabel: the internal field path, or the conversion error.
bool ConvertDownwardAPIFieldLabel(const ObjectFieldSelector& fs, std::string& converted,
                                  std::string& error) {
  if (fs.apiVersion != "v1") {
    error = "unsupported pod version: " + fs.apiVersion;
    return false;
  }
  const std::string& label = fs.fieldPath;
  if (label.ends_with("']")) {
    size_t open = label.find("['");
    if (open != std::string::npos && open > 0) {
      std::string_view path(label.data(), open);
      if (path == "metadata.annotations" || path == "metadata.labels") {
        converted = label;
        return true;
      }
      error = "field label does not support subscript: " + label;
      return false;
    }
  }
  if (Contains({"metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace",
                "metadata.uid", "spec.nodeName", "spec.restartPolicy", "spec.serviceAccountName",
                "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs",
                "status.podIP", "status.podIPs"},
               label)) {
    converted = label;
    return true;
  }
  if (label == "spec.host") {
    converted = "spec.nodeName";
    return true;
  }
  error = "field label not supported: " + label;
  return false;
}

// validateObjectFieldSelector. `expressions` is sorted, as sets.List prints it.
FieldErrors ValidateObjectFieldSelector(const ObjectFieldSelector& fs,
                                        const std::vector<std::string>& expressions,
                                        const Path& path) {
  if (fs.apiVersion.empty()) return {Required(path.Child("apiVersion"))};
  if (fs.fieldPath.empty()) return {Required(path.Child("fieldPath"))};
  std::string internal;
  std::string error;
  if (!ConvertDownwardAPIFieldLabel(fs, internal, error)) {
    return {Invalid(path.Child("fieldPath"), fs.fieldPath, "error converting fieldPath: " + error)};
  }
  if (internal.ends_with("']")) {
    size_t open = internal.find("['");
    std::string base = internal.substr(0, open);
    std::string subscript = internal.substr(open + 2, internal.size() - open - 4);
    if (base == "metadata.annotations") return ValidateQualifiedName(ToLower(subscript), path);
    return ValidateQualifiedName(subscript, path);
  }
  if (std::find(expressions.begin(), expressions.end(), internal) == expressions.end()) {
    return {NotSupported(path.Child("fieldPath"), internal, expressions)};
  }
  return {};
}

const std::vector<std::string>& EnvFieldPathExpressions() {
  static const std::vector<std::string> kExpressions = {"metadata.name",
                                                        "metadata.namespace",
                                                        "metadata.uid",
                                                        "spec.nodeName",
                                                        "spec.serviceAccountName",
                                                        "status.hostIP",
                                                        "status.hostIPs",
                                                        "status.podIP",
                                                        "status.podIPs"};
  return kExpressions;
}

const std::vector<std::string>& VolumeFieldPathExpressions() {
  static const std::vector<std::string> kExpressions = {"metadata.annotations", "metadata.labels",
                                                        "metadata.name", "metadata.namespace",
                                                        "metadata.uid"};
  return kExpressions;
}

const std::vector<std::string>& ContainerResourceFieldExpressions() {
  static const std::vector<std::string> kExpressions = {
      "limits.cpu",   "limits.ephemeral-storage",   "limits.memory",
      "requests.cpu", "requests.ephemeral-storage", "requests.memory"};
  return kExpressions;
}

// validateContainerResourceDivisor.
FieldErrors ValidateContainerResourceDivisor(const std::string& resource, const Quantity& divisor,
                                             const Path& path) {
  if (divisor.IsZero()) return {};
  const std::string text = divisor.ToString();
  static const std::initializer_list<std::string_view> kSizes = {
      "1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"};
  constexpr std::string_view kSizeList = "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei";
  FieldErrors errors;
  Path at = path.Child("divisor");
  if (resource == "limits.cpu" || resource == "requests.cpu") {
    if (!Contains({"1m", "1"}, text)) {
      errors.push_back(Invalid(
          at, resource, "only divisor's values 1m and 1 are supported with the cpu resource"));
    }
  } else if (resource == "limits.memory" || resource == "requests.memory") {
    if (!Contains(kSizes, text)) {
      errors.push_back(Invalid(at, resource,
                               "only divisor's values " + std::string(kSizeList) +
                                   " are supported with the memory resource"));
    }
  } else if (resource == "limits.ephemeral-storage" || resource == "requests.ephemeral-storage") {
    if (!Contains(kSizes, text)) {
      errors.push_back(Invalid(at, resource,
                               "only divisor's values " + std::string(kSizeList) +
                                   " are supported with the local ephemeral storage resource"));
    }
  }
  if (resource.starts_with("requests.hugepages-") || resource.starts_with("limits.hugepages-")) {
    if (!Contains(kSizes, text)) {
      errors.push_back(Invalid(at, resource,
                               "only divisor's values " + std::string(kSizeList) +
                                   " are supported with the hugepages resource"));
    }
  }
  return errors;
}

// validateContainerResourceFieldSelector; `volume` requires the container name.
FieldErrors ValidateContainerResourceFieldSelector(const ResourceFieldSelector& fs,
                                                   const Path& path, bool volume) {
  FieldErrors errors;
  const std::vector<std::string>& expressions = ContainerResourceFieldExpressions();
  if (volume && fs.containerName.empty()) {
    errors.push_back(Required(path.Child("containerName")));
  } else if (fs.resource.empty()) {
    errors.push_back(Required(path.Child("resource")));
  } else if (std::find(expressions.begin(), expressions.end(), fs.resource) == expressions.end() &&
             !fs.resource.starts_with("limits.hugepages-") &&
             !fs.resource.starts_with("requests.hugepages-")) {
    errors.push_back(NotSupported(path.Child("resource"), fs.resource, expressions));
  }
  Append(errors, ValidateContainerResourceDivisor(fs.resource, fs.divisor, path));
  return errors;
}

// validateConfigMapKeySelector and validateSecretKeySelector.
template <class Selector>
FieldErrors ValidateKeySelector(const Selector& s, const Path& path) {
  FieldErrors errors = ValidateSubdomainName(s.name, path.Child("name"));
  if (s.key.empty()) {
    errors.push_back(Required(path.Child("key")));
  } else {
    Append(errors, InvalidEach(validation::IsConfigMapKey(s.key), path.Child("key"), s.key));
  }
  return errors;
}

// ---- Volumes ---------------------------------------------------------------------------------

// validateKeyToPath.
FieldErrors ValidateKeyToPath(const KeyToPath& kp, const Path& path) {
  FieldErrors errors;
  if (kp.key.empty()) errors.push_back(Required(path.Child("key")));
  if (kp.path.empty()) errors.push_back(Required(path.Child("path")));
  Append(errors, ValidateLocalNonReservedPath(kp.path, path.Child("path")));
  ValidateFileMode(kp.mode, path.Child("mode"), errors);
  return errors;
}

// validateHostPathVolumeSource (with validateHostPathType).
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

// validateGitRepoVolumeSource.
FieldErrors ValidateGitRepoVolumeSource(const GitRepoVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.repository.empty()) errors.push_back(Required(path.Child("repository")));
  Append(errors, ValidateLocalDescendingPath(source.directory, path.Child("directory")));
  return errors;
}

// validateGCEPersistentDiskVolumeSource and validateAWSElasticBlockStoreVolumeSource.
FieldErrors ValidateDiskPartition(int32_t partition, const Path& path) {
  if (partition < 0 || partition > 255) {
    return {Invalid(path, partition, validation::InclusiveRangeError(1, 255))};
  }
  return {};
}

// validateSecretVolumeSource.
FieldErrors ValidateSecretVolumeSource(const SecretVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.secretName.empty()) errors.push_back(Required(path.Child("secretName")));
  ValidateFileMode(source.defaultMode, path.Child("defaultMode"), errors);
  for (size_t i = 0; i < source.items.size(); ++i) {
    Append(errors, ValidateKeyToPath(source.items[i], path.Child("items").Index(i)));
  }
  return errors;
}

// validateConfigMapVolumeSource.
FieldErrors ValidateConfigMapVolumeSource(const ConfigMapVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.name.empty()) errors.push_back(Required(path.Child("name")));
  ValidateFileMode(source.defaultMode, path.Child("defaultMode"), errors);
  for (size_t i = 0; i < source.items.size(); ++i) {
    Append(errors, ValidateKeyToPath(source.items[i], path.Child("items").Index(i)));
  }
  return errors;
}

// validateNFSVolumeSource.
FieldErrors ValidateNFSVolumeSource(const NFSVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.server.empty()) errors.push_back(Required(path.Child("server")));
  if (source.path.empty()) errors.push_back(Required(path.Child("path")));
  if (!source.path.starts_with('/')) {
    errors.push_back(Invalid(path.Child("path"), source.path, "must be an absolute path"));
  }
  return errors;
}

// The iSCSI qualified name formats (iqn., eui., naa.).
void ValidateIscsiName(const std::string& name, const Path& path, std::string_view prefix_detail,
                       FieldErrors& errors) {
  static const std::regex kIqn("iqn\\.\\d{4}-\\d{2}\\.([[:alnum:]-.]+)(:[^,;*&$|\\s]+)$");
  static const std::regex kEui("^eui.[[:alnum:]]{16}$");
  static const std::regex kNaa("^naa.[[:alnum:]]{32}$");
  bool iqn = name.starts_with("iqn");
  bool eui = name.starts_with("eui");
  bool naa = name.starts_with("naa");
  if (!iqn && !eui && !naa) {
    errors.push_back(Invalid(path, name, std::string(prefix_detail)));
    return;
  }
  if ((iqn && !std::regex_search(name, kIqn)) || (eui && !std::regex_search(name, kEui)) ||
      (naa && !std::regex_search(name, kNaa))) {
    errors.push_back(Invalid(path, name, "must be valid format"));
  }
}

// validateISCSIVolumeSource.
FieldErrors ValidateISCSIVolumeSource(const ISCSIVolumeSource& source, const Path& path) {
  constexpr std::string_view kPrefixes = "must be valid format starting with iqn, eui, or naa";
  FieldErrors errors;
  if (source.targetPortal.empty()) errors.push_back(Required(path.Child("targetPortal")));
  if (source.iqn.empty()) {
    errors.push_back(Required(path.Child("iqn")));
  } else {
    ValidateIscsiName(source.iqn, path.Child("iqn"), kPrefixes, errors);
  }
  if (source.lun < 0 || source.lun > 255) {
    errors.push_back(
        Invalid(path.Child("lun"), source.lun, validation::InclusiveRangeError(0, 255)));
  }
  if ((source.chapAuthDiscovery || source.chapAuthSession) && !source.secretRef) {
    errors.push_back(Required(path.Child("secretRef")));
  }
  if (source.initiatorName) {
    ValidateIscsiName(*source.initiatorName, path.Child("initiatorname"), kPrefixes, errors);
  }
  return errors;
}

// validateFlockerVolumeSource.
FieldErrors ValidateFlockerVolumeSource(const FlockerVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.datasetName.empty() && source.datasetUUID.empty()) {
    errors.push_back(Required(path, "one of datasetName and datasetUUID is required"));
  }
  if (!source.datasetName.empty() && !source.datasetUUID.empty()) {
    errors.push_back(Invalid(path, "resource",
                             "datasetName and datasetUUID can not be specified simultaneously"));
  }
  if (source.datasetName.find('/') != std::string::npos) {
    errors.push_back(
        Invalid(path.Child("datasetName"), source.datasetName, "must not contain '/'"));
  }
  return errors;
}

// net.SplitHostPort's acceptance: host:port, [host]:port.
bool IsHostPortPair(std::string_view pair) {
  if (pair.starts_with('[')) {
    size_t close = pair.find(']');
    return close != std::string_view::npos && close + 1 < pair.size() && pair[close + 1] == ':' &&
           pair.find(':', close + 2) == std::string_view::npos;
  }
  return std::count(pair.begin(), pair.end(), ':') == 1 &&
         pair.find_first_of("[]") == std::string_view::npos;
}

// validateQuobyteVolumeSource.
FieldErrors ValidateQuobyteVolumeSource(const QuobyteVolumeSource& source, const Path& path) {
  constexpr std::string_view kRegistry =
      "must be a host:port pair or multiple pairs separated by commas";
  FieldErrors errors;
  if (source.registry.empty()) {
    errors.push_back(Required(path.Child("registry"), std::string(kRegistry)));
  } else if (source.tenant.size() >= 65) {
    errors.push_back(Required(path.Child("tenant"),
                              "must be a UUID and may not exceed a length of 64 characters"));
  } else {
    size_t start = 0;
    while (true) {
      size_t comma = source.registry.find(',', start);
      std::string_view pair =
          std::string_view(source.registry)
              .substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!IsHostPortPair(pair)) {
        errors.push_back(Invalid(path.Child("registry"), source.registry, std::string(kRegistry)));
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  if (source.volume.empty()) errors.push_back(Required(path.Child("volume")));
  return errors;
}

// validateDownwardAPIVolumeFile.
FieldErrors ValidateDownwardAPIVolumeFile(const DownwardAPIVolumeFile& file, const Path& path) {
  FieldErrors errors;
  if (file.path.empty()) errors.push_back(Required(path.Child("path")));
  Append(errors, ValidateLocalNonReservedPath(file.path, path.Child("path")));
  if (file.fieldRef) {
    Append(errors, ValidateObjectFieldSelector(*file.fieldRef, VolumeFieldPathExpressions(),
                                               path.Child("fieldRef")));
    if (file.resourceFieldRef) {
      errors.push_back(Invalid(
          path, "resource", "fieldRef and resourceFieldRef can not be specified simultaneously"));
    }
  } else if (file.resourceFieldRef) {
    Append(errors, ValidateContainerResourceFieldSelector(*file.resourceFieldRef,
                                                          path.Child("resourceFieldRef"), true));
  } else {
    errors.push_back(Required(path, "one of fieldRef and resourceFieldRef is required"));
  }
  ValidateFileMode(file.mode, path.Child("mode"), errors);
  return errors;
}

// validateDownwardAPIVolumeSource (items are reported at the volume source's path, as upstream).
FieldErrors ValidateDownwardAPIVolumeSource(const DownwardAPIVolumeSource& source,
                                            const Path& path) {
  FieldErrors errors;
  ValidateFileMode(source.defaultMode, path.Child("defaultMode"), errors);
  for (const DownwardAPIVolumeFile& file : source.items) {
    Append(errors, ValidateDownwardAPIVolumeFile(file, path));
  }
  return errors;
}

// validateFCVolumeSource.
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

// validateFlexVolumeSource.
FieldErrors ValidateFlexVolumeSource(const FlexVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.driver.empty()) errors.push_back(Required(path.Child("driver")));
  for (const auto& [key, value] : source.options) {
    std::string ns = key.substr(0, key.find('/'));
    std::string normalized = "." + ToLower(ns);
    if (normalized.ends_with(".kubernetes.io") || normalized.ends_with(".k8s.io")) {
      errors.push_back(Invalid(path.Child("options").Key(key), key,
                               "kubernetes.io and k8s.io namespaces are reserved"));
    }
  }
  return errors;
}

// validateAzureDisk.
FieldErrors ValidateAzureDisk(const AzureDiskVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.diskName.empty()) errors.push_back(Required(path.Child("diskName")));
  if (source.diskURI.empty()) errors.push_back(Required(path.Child("diskURI")));
  if (source.cachingMode && !Contains({"None", "ReadOnly", "ReadWrite"}, *source.cachingMode)) {
    errors.push_back(NotSupported(path.Child("cachingMode"), *source.cachingMode,
                                  {"None", "ReadOnly", "ReadWrite"}));
  }
  if (source.kind && !Contains({"Dedicated", "Managed", "Shared"}, *source.kind)) {
    errors.push_back(
        NotSupported(path.Child("kind"), *source.kind, {"Dedicated", "Managed", "Shared"}));
  }
  if (source.kind && *source.kind == "Managed" && !source.diskURI.starts_with("/subscriptions/")) {
    errors.push_back(NotSupported(
        path.Child("diskURI"), source.diskURI,
        {"/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/"
         "{disk-id}"}));
  }
  if (source.kind && *source.kind != "Managed" && !source.diskURI.starts_with("https://")) {
    errors.push_back(NotSupported(path.Child("diskURI"), source.diskURI,
                                  {"https://{account-name}.blob.core.windows.net/{container-name}/"
                                   "{disk-name}.vhd"}));
  }
  return errors;
}

// validateStorageOSVolumeSource.
FieldErrors ValidateStorageOSVolumeSource(const StorageOSVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.volumeName.empty()) {
    errors.push_back(Required(path.Child("volumeName")));
  } else {
    Append(errors, ValidateDNS1123Label(source.volumeName, path.Child("volumeName")));
  }
  if (!source.volumeNamespace.empty()) {
    Append(errors, ValidateDNS1123Label(source.volumeNamespace, path.Child("volumeNamespace")));
  }
  if (source.secretRef && source.secretRef->name.empty()) {
    errors.push_back(Required(path.Child("secretRef").Child("name")));
  }
  return errors;
}

// validateScaleIOVolumeSource.
FieldErrors ValidateScaleIOVolumeSource(const ScaleIOVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.gateway.empty()) errors.push_back(Required(path.Child("gateway")));
  if (source.system.empty()) errors.push_back(Required(path.Child("system")));
  if (source.volumeName.empty()) errors.push_back(Required(path.Child("volumeName")));
  return errors;
}

// ValidateCSIDriverName.
FieldErrors ValidateCSIDriverName(const std::string& driver, const Path& path) {
  FieldErrors errors;
  if (driver.empty()) errors.push_back(Required(path));
  if (driver.size() > 63) errors.push_back(validation::TooLong(path, 63));
  Append(errors, InvalidEach(validation::IsDNS1123Subdomain(ToLower(driver)), path, driver));
  return errors;
}

// validateCSIVolumeSource (a bad secret name is reported at csi.name, as upstream).
FieldErrors ValidateCSIVolumeSource(const CSIVolumeSource& source, const Path& path) {
  FieldErrors errors = ValidateCSIDriverName(source.driver, path.Child("driver"));
  if (source.nodePublishSecretRef) {
    const std::string& name = source.nodePublishSecretRef->name;
    if (name.empty()) {
      errors.push_back(Required(path.Child("nodePublishSecretRef").Child("name")));
    } else {
      Append(errors, ValidateSubdomainName(name, path.Child("name")));
    }
  }
  return errors;
}

// ValidateTemplateObjectMeta: annotations and labels, and no other metadata field.
FieldErrors ValidateTemplateObjectMeta(const meta::ObjectMeta& object_meta, const Path& path) {
  FieldErrors errors =
      validation::ValidateAnnotations(object_meta.annotations, path.Child("annotations"));
  Append(errors, validation::ValidateLabels(object_meta.labels, path.Child("labels")));
  meta::ObjectMeta copy = object_meta;
  ForEachField(copy, [&](std::string_view name, const auto& value) {
    if (name == "labels" || name == "annotations") return;
    if (value == std::decay_t<decltype(value)>{}) return;
    // Upstream lower-cases the Go field name's first letter: UID becomes "uID".
    errors.push_back(Forbidden(path.Child(name == "uid" ? "uID" : name), "cannot be set"));
  });
  return errors;
}

// validateEphemeralVolumeSource (ValidatePersistentVolumeClaimTemplate).
FieldErrors ValidateEphemeralVolumeSource(const EphemeralVolumeSource& source, const Path& path) {
  Path at = path.Child("volumeClaimTemplate");
  if (!source.volumeClaimTemplate) return {Required(at)};
  FieldErrors errors =
      ValidateTemplateObjectMeta(source.volumeClaimTemplate->metadata, at.Child("metadata"));
  Append(errors,
         ValidatePersistentVolumeClaimSpec(source.volumeClaimTemplate->spec, at.Child("spec")));
  return errors;
}

// validatePullPolicy.
FieldErrors ValidatePullPolicy(const std::string& policy, const Path& path) {
  if (Contains({"Always", "IfNotPresent", "Never"}, policy)) return {};
  if (policy.empty()) return {Required(path)};
  return {NotSupported(path, policy, {"Always", "IfNotPresent", "Never"})};
}

// validateImageVolumeSource.
FieldErrors ValidateImageVolumeSource(const ImageVolumeSource& source, const Path& path,
                                      const Options& opts) {
  FieldErrors errors;
  if (opts.resource_is_pod && source.reference.empty()) {
    errors.push_back(Required(path.Child("reference")));
  }
  Append(errors, ValidatePullPolicy(source.pullPolicy, path.Child("pullPolicy")));
  return errors;
}

// The sources of one projection (validateProjectionSources); conflicting paths are reported at
// the projected source's path, as upstream.
FieldErrors ValidateProjectionSources(const ProjectedVolumeSource& projection, const Path& path) {
  FieldErrors errors;
  std::set<std::string> all_paths;
  auto claim_path = [&](const std::string& file_path, const BadValue& value) {
    if (!all_paths.insert(file_path).second) {
      errors.push_back(Invalid(path, value, "conflicting duplicate paths"));
    }
  };
  for (size_t i = 0; i < projection.sources.size(); ++i) {
    const VolumeProjection& source = projection.sources[i];
    Path src_path = path.Child("sources").Index(i);
    int sources = 0;
    auto key_to_paths = [&](const std::string& name, const std::vector<KeyToPath>& items,
                            const Path& proj_path) {
      ++sources;
      if (name.empty()) errors.push_back(Required(proj_path.Child("name")));
      for (size_t j = 0; j < items.size(); ++j) {
        Append(errors, ValidateKeyToPath(items[j], proj_path.Child("items").Index(j)));
        if (!items[j].path.empty()) claim_path(items[j].path, name);
      }
    };
    if (source.secret) {
      key_to_paths(source.secret->name, source.secret->items, src_path.Child("secret"));
    }
    if (source.configMap) {
      key_to_paths(source.configMap->name, source.configMap->items, src_path.Child("configMap"));
    }
    if (source.downwardAPI) {
      ++sources;
      for (const DownwardAPIVolumeFile& file : source.downwardAPI->items) {
        Append(errors, ValidateDownwardAPIVolumeFile(file, src_path.Child("downwardAPI")));
        if (!file.path.empty()) claim_path(file.path, file.path);
      }
    }
    if (source.serviceAccountToken) {
      ++sources;
      const ServiceAccountTokenProjection& token = *source.serviceAccountToken;
      Path proj_path = src_path.Child("serviceAccountToken");
      int64_t expiration = token.expirationSeconds.value_or(0);
      if (expiration < 10 * 60) {
        errors.push_back(Invalid(proj_path.Child("expirationSeconds"), expiration,
                                 "may not specify a duration less than 10 minutes"));
      }
      if (expiration > (int64_t{1} << 32)) {
        errors.push_back(Invalid(proj_path.Child("expirationSeconds"), expiration,
                                 "may not specify a duration larger than 2^32 seconds"));
      }
      if (token.path.empty()) {
        errors.push_back(Required(path.Child("path")));
      } else {
        Append(errors, ValidateLocalNonReservedPath(token.path, path.Child("path")));
      }
    }
    if (sources > 1) {
      errors.push_back(Forbidden(src_path, "may not specify more than 1 volume type per source"));
    }
  }
  return errors;
}

// validateProjectedVolumeSource.
FieldErrors ValidateProjectedVolumeSource(const ProjectedVolumeSource& source, const Path& path) {
  FieldErrors errors;
  ValidateFileMode(source.defaultMode, path.Child("defaultMode"), errors);
  Append(errors, ValidateProjectionSources(source, path));
  return errors;
}

// Counts a volume's sources: the first one is validated, any further one is Forbidden.
class SourceCounter {
 public:
  SourceCounter(const Path& path, FieldErrors& errors) : path_(path), errors_(errors) {}

  // `name` is where upstream reports a second source (it differs from the validation path for
  // cephfs and downwardAPI).
  template <class F>
  void Add(bool present, std::string_view name, F&& validate) {
    if (!present) return;
    if (count_ > 0) {
      errors_.push_back(Forbidden(path_.Child(name), std::string(kMoreThanOneVolume)));
      return;
    }
    ++count_;
    Append(errors_, validate());
  }
  int count() const { return count_; }

 private:
  const Path& path_;
  FieldErrors& errors_;
  int count_ = 0;
};

// Required fields of the in-tree plugins whose validation is one or two checks.
template <class... Fields>
FieldErrors RequireStrings(const Path& path, const Fields&... fields) {
  FieldErrors errors;
  ((fields.second.empty() ? errors.push_back(Required(path.Child(fields.first))) : void()), ...);
  return errors;
}

using Field = std::pair<std::string_view, std::string>;

// validateVolumeSource: exactly one source, each validated by its own rules.
FieldErrors ValidateVolumeSource(const Volume& v, const Path& path,
                                 const meta::ObjectMeta* pod_meta, const Options& opts) {
  FieldErrors errors;
  SourceCounter sources(path, errors);
  sources.Add(v.emptyDir.has_value(), "emptyDir", [&]() -> FieldErrors {
    if (v.emptyDir->sizeLimit && v.emptyDir->sizeLimit->Sign() < 0) {
      return {Forbidden(path.Child("emptyDir").Child("sizeLimit"),
                        "SizeLimit field must be a valid resource quantity")};
    }
    return {};
  });
  sources.Add(v.hostPath.has_value(), "hostPath",
              [&] { return ValidateHostPathVolumeSource(*v.hostPath, path.Child("hostPath")); });
  sources.Add(v.gitRepo.has_value(), "gitRepo",
              [&] { return ValidateGitRepoVolumeSource(*v.gitRepo, path.Child("gitRepo")); });
  sources.Add(v.gcePersistentDisk.has_value(), "gcePersistentDisk", [&] {
    Path at = path.Child("persistentDisk");
    FieldErrors e = RequireStrings(at, Field{"pdName", v.gcePersistentDisk->pdName});
    Append(e, ValidateDiskPartition(v.gcePersistentDisk->partition, at.Child("partition")));
    return e;
  });
  sources.Add(v.awsElasticBlockStore.has_value(), "awsElasticBlockStore", [&] {
    Path at = path.Child("awsElasticBlockStore");
    FieldErrors e = RequireStrings(at, Field{"volumeID", v.awsElasticBlockStore->volumeID});
    Append(e, ValidateDiskPartition(v.awsElasticBlockStore->partition, at.Child("partition")));
    return e;
  });
  sources.Add(v.secret.has_value(), "secret",
              [&] { return ValidateSecretVolumeSource(*v.secret, path.Child("secret")); });
  sources.Add(v.nfs.has_value(), "nfs",
              [&] { return ValidateNFSVolumeSource(*v.nfs, path.Child("nfs")); });
  sources.Add(v.iscsi.has_value(), "iscsi",
              [&] { return ValidateISCSIVolumeSource(*v.iscsi, path.Child("iscsi")); });
  if (v.iscsi && v.iscsi->initiatorName && (v.name + ":" + v.iscsi->targetPortal).size() > 64) {
    errors.push_back(Invalid(path.Child("name"), v.name,
                             "Total length of <volume name>:<iscsi.targetPortal> must be under 64 "
                             "characters if iscsi.initiatorName is specified."));
  }
  sources.Add(v.glusterfs.has_value(), "glusterfs", [&] {
    return RequireStrings(path.Child("glusterfs"), Field{"endpoints", v.glusterfs->endpoints},
                          Field{"path", v.glusterfs->path});
  });
  sources.Add(v.flocker.has_value(), "flocker",
              [&] { return ValidateFlockerVolumeSource(*v.flocker, path.Child("flocker")); });
  sources.Add(v.persistentVolumeClaim.has_value(), "persistentVolumeClaim", [&] {
    return RequireStrings(path.Child("persistentVolumeClaim"),
                          Field{"claimName", v.persistentVolumeClaim->claimName});
  });
  sources.Add(v.rbd.has_value(), "rbd", [&] {
    FieldErrors e;
    if (v.rbd->monitors.empty()) e.push_back(Required(path.Child("rbd").Child("monitors")));
    Append(e, RequireStrings(path.Child("rbd"), Field{"image", v.rbd->image}));
    return e;
  });
  sources.Add(v.cinder.has_value(), "cinder", [&] {
    FieldErrors e = RequireStrings(path.Child("cinder"), Field{"volumeID", v.cinder->volumeID});
    if (v.cinder->secretRef && v.cinder->secretRef->name.empty()) {
      e.push_back(Required(path.Child("cinder").Child("secretRef").Child("name")));
    }
    return e;
  });
  sources.Add(v.cephfs.has_value(), "cephFS", [&]() -> FieldErrors {
    if (v.cephfs->monitors.empty()) return {Required(path.Child("cephfs").Child("monitors"))};
    return {};
  });
  sources.Add(v.quobyte.has_value(), "quobyte",
              [&] { return ValidateQuobyteVolumeSource(*v.quobyte, path.Child("quobyte")); });
  sources.Add(v.downwardAPI.has_value(), "downwarAPI", [&] {
    return ValidateDownwardAPIVolumeSource(*v.downwardAPI, path.Child("downwardAPI"));
  });
  sources.Add(v.fc.has_value(), "fc",
              [&] { return ValidateFCVolumeSource(*v.fc, path.Child("fc")); });
  sources.Add(v.flexVolume.has_value(), "flexVolume",
              [&] { return ValidateFlexVolumeSource(*v.flexVolume, path.Child("flexVolume")); });
  sources.Add(v.configMap.has_value(), "configMap",
              [&] { return ValidateConfigMapVolumeSource(*v.configMap, path.Child("configMap")); });
  sources.Add(v.azureFile.has_value(), "azureFile", [&] {
    return RequireStrings(path.Child("azureFile"), Field{"secretName", v.azureFile->secretName},
                          Field{"shareName", v.azureFile->shareName});
  });
  sources.Add(v.vsphereVolume.has_value(), "vsphereVolume", [&] {
    return RequireStrings(path.Child("vsphereVolume"),
                          Field{"volumePath", v.vsphereVolume->volumePath});
  });
  sources.Add(v.photonPersistentDisk.has_value(), "photonPersistentDisk", [&] {
    return RequireStrings(path.Child("photonPersistentDisk"),
                          Field{"pdID", v.photonPersistentDisk->pdID});
  });
  sources.Add(v.portworxVolume.has_value(), "portworxVolume", [&] {
    return RequireStrings(path.Child("portworxVolume"),
                          Field{"volumeID", v.portworxVolume->volumeID});
  });
  sources.Add(v.azureDisk.has_value(), "azureDisk",
              [&] { return ValidateAzureDisk(*v.azureDisk, path.Child("azureDisk")); });
  sources.Add(v.storageos.has_value(), "storageos",
              [&] { return ValidateStorageOSVolumeSource(*v.storageos, path.Child("storageos")); });
  sources.Add(v.projected.has_value(), "projected",
              [&] { return ValidateProjectedVolumeSource(*v.projected, path.Child("projected")); });
  sources.Add(v.scaleIO.has_value(), "scaleIO",
              [&] { return ValidateScaleIOVolumeSource(*v.scaleIO, path.Child("scaleIO")); });
  sources.Add(v.csi.has_value(), "csi",
              [&] { return ValidateCSIVolumeSource(*v.csi, path.Child("csi")); });
  sources.Add(v.ephemeral.has_value(), "ephemeral", [&] {
    FieldErrors e = ValidateEphemeralVolumeSource(*v.ephemeral, path.Child("ephemeral"));
    // The claim a pod's ephemeral volume creates is named <pod>-<volume>.
    if (pod_meta && !pod_meta->name.empty() && !v.name.empty()) {
      std::string pvc_name = pod_meta->name + "-" + v.name;
      for (const std::string& problem : validation::NameIsDNSSubdomain(pvc_name, false)) {
        e.push_back(Invalid(path.Child("name"), v.name,
                            "PVC name " + validation::GoQuote(pvc_name) + ": " + problem));
      }
    }
    return e;
  });
  sources.Add(v.image.has_value(), "image",
              [&] { return ValidateImageVolumeSource(*v.image, path.Child("image"), opts); });
  if (sources.count() == 0) errors.push_back(Required(path, "must specify a volume type"));
  return errors;
}

// ValidateVolumes: names are unique DNS labels; returns the volumes that validated cleanly.
FieldErrors ValidateVolumes(const std::vector<Volume>& volumes, const meta::ObjectMeta* pod_meta,
                            const Path& path, const Options& opts, VolumeMap& valid) {
  FieldErrors errors;
  std::set<std::string> created_claims;
  if (pod_meta && !pod_meta->name.empty()) {
    for (const Volume& volume : volumes) {
      if (volume.ephemeral) created_claims.insert(pod_meta->name + "-" + volume.name);
    }
  }
  for (size_t i = 0; i < volumes.size(); ++i) {
    const Volume& volume = volumes[i];
    Path at = path.Index(i);
    FieldErrors el = ValidateVolumeSource(volume, at, pod_meta, opts);
    if (volume.name.empty()) {
      el.push_back(Required(at.Child("name")));
    } else {
      Append(el, ValidateDNS1123Label(volume.name, at.Child("name")));
    }
    if (valid.contains(volume.name)) el.push_back(Duplicate(at.Child("name"), volume.name));
    if (el.empty()) {
      valid.emplace(volume.name, &volume);
    } else {
      Append(errors, std::move(el));
    }
    if (volume.persistentVolumeClaim &&
        created_claims.contains(volume.persistentVolumeClaim->claimName)) {
      errors.push_back(Invalid(at.Child("persistentVolumeClaim").Child("claimName"),
                               volume.persistentVolumeClaim->claimName,
                               "must not reference a PVC that gets created for an ephemeral "
                               "volume"));
    }
  }
  return errors;
}

// ---- Containers: ports, env, mounts ------------------------------------------------------------

// validateContainerPorts.
FieldErrors ValidateContainerPorts(const std::vector<ContainerPort>& ports, const Path& path) {
  FieldErrors errors;
  std::set<std::string> names;
  for (size_t i = 0; i < ports.size(); ++i) {
    const ContainerPort& port = ports[i];
    Path at = path.Index(i);
    if (!port.name.empty()) {
      Problems problems = validation::IsValidPortName(port.name);
      if (!problems.empty()) {
        Append(errors, InvalidEach(problems, at.Child("name"), port.name));
      } else if (!names.insert(port.name).second) {
        errors.push_back(Duplicate(at.Child("name"), port.name));
      }
    }
    if (port.containerPort == 0) {
      errors.push_back(Required(at.Child("containerPort")));
    } else {
      Append(errors, InvalidEach(validation::IsValidPortNum(port.containerPort),
                                 at.Child("containerPort"), port.containerPort));
    }
    if (port.hostPort != 0) {
      Append(errors, InvalidEach(validation::IsValidPortNum(port.hostPort), at.Child("hostPort"),
                                 port.hostPort));
    }
    if (port.protocol.empty()) {
      errors.push_back(Required(at.Child("protocol")));
    } else if (!Contains({"SCTP", "TCP", "UDP"}, port.protocol)) {
      errors.push_back(NotSupported(at.Child("protocol"), port.protocol, {"SCTP", "TCP", "UDP"}));
    }
  }
  return errors;
}

// validation.IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation is on in v1.32): any
// printable ASCII but '='.
Problems IsRelaxedEnvVarName(std::string_view value) {
  Problems problems;
  if (value.empty()) problems.push_back("environment variable name must be non-empty");
  for (char c : value) {
    if (c < 0x20 || c > 0x7E || c == '=') {
      problems.push_back(
          "a valid environment variable name must consist only of printable ASCII characters "
          "other than '='");
      break;
    }
  }
  return problems;
}

// validateEnvVarValueFrom.
FieldErrors ValidateEnvVarValueFrom(const EnvVar& env, const Path& path) {
  if (!env.valueFrom) return {};
  const EnvVarSource& from = *env.valueFrom;
  FieldErrors errors;
  int sources = 0;
  if (from.fieldRef) {
    ++sources;
    Append(errors, ValidateObjectFieldSelector(*from.fieldRef, EnvFieldPathExpressions(),
                                               path.Child("fieldRef")));
  }
  if (from.resourceFieldRef) {
    ++sources;
    Append(errors, ValidateContainerResourceFieldSelector(*from.resourceFieldRef,
                                                          path.Child("resourceFieldRef"), false));
  }
  if (from.configMapKeyRef) {
    ++sources;
    Append(errors, ValidateKeySelector(*from.configMapKeyRef, path.Child("configMapKeyRef")));
  }
  if (from.secretKeyRef) {
    ++sources;
    Append(errors, ValidateKeySelector(*from.secretKeyRef, path.Child("secretKeyRef")));
  }
  if (sources == 0) {
    errors.push_back(Invalid(path, "",
                             "must specify one of: `fieldRef`, `resourceFieldRef`, "
                             "`configMapKeyRef` or `secretKeyRef`"));
  } else if (!env.value.empty()) {
    errors.push_back(Invalid(path, "", "may not be specified when `value` is not empty"));
  } else if (sources > 1) {
    errors.push_back(Invalid(path, "", "may not have more than one field specified at a time"));
  }
  return errors;
}

// ValidateEnv.
FieldErrors ValidateEnv(const std::vector<EnvVar>& vars, const Path& path) {
  FieldErrors errors;
  for (size_t i = 0; i < vars.size(); ++i) {
    Path at = path.Index(i);
    if (vars[i].name.empty()) {
      errors.push_back(Required(at.Child("name")));
    } else {
      Append(errors,
             InvalidEach(IsRelaxedEnvVarName(vars[i].name), at.Child("name"), vars[i].name));
    }
    Append(errors, ValidateEnvVarValueFrom(vars[i], at.Child("valueFrom")));
  }
  return errors;
}

// ValidateEnvFrom (the one-source errors are reported at envFrom, as upstream).
FieldErrors ValidateEnvFrom(const std::vector<EnvFromSource>& sources, const Path& path) {
  FieldErrors errors;
  for (size_t i = 0; i < sources.size(); ++i) {
    const EnvFromSource& source = sources[i];
    Path at = path.Index(i);
    if (!source.prefix.empty()) {
      Append(errors,
             InvalidEach(IsRelaxedEnvVarName(source.prefix), at.Child("prefix"), source.prefix));
    }
    int count = 0;
    auto validate_ref = [&](const std::string& name, const Path& ref_path) {
      ++count;
      if (name.empty()) {
        errors.push_back(Required(ref_path.Child("name")));
      } else {
        Append(errors, ValidateSubdomainName(name, ref_path.Child("name"), true));
      }
    };
    if (source.configMapRef) validate_ref(source.configMapRef->name, at.Child("configMapRef"));
    if (source.secretRef) validate_ref(source.secretRef->name, at.Child("secretRef"));
    if (count == 0) {
      errors.push_back(Invalid(path, "", "must specify one of: `configMapRef` or `secretRef`"));
    } else if (count > 1) {
      errors.push_back(Invalid(path, "", "may not have more than one field specified at a time"));
    }
  }
  return errors;
}

// validateMountPropagation.
FieldErrors ValidateMountPropagation(const std::string& propagation, const Container& container,
                                     const Path& path) {
  FieldErrors errors;
  if (!Contains({"Bidirectional", "HostToContainer", "None"}, propagation)) {
    errors.push_back(NotSupported(path, propagation, {"Bidirectional", "HostToContainer", "None"}));
  }
  bool privileged = container.securityContext && container.securityContext->privileged &&
                    *container.securityContext->privileged;
  if (propagation == "Bidirectional" && !privileged) {
    errors.push_back(Forbidden(
        path, "Bidirectional mount propagation is available only to privileged containers"));
  }
  return errors;
}

// validateMountRecursiveReadOnly.
FieldErrors ValidateMountRecursiveReadOnly(const VolumeMount& mount, const Path& path) {
  if (!mount.recursiveReadOnly) return {};
  const std::string& rro = *mount.recursiveReadOnly;
  FieldErrors errors;
  if (rro == "Disabled") return errors;
  if (rro == "Enabled" || rro == "IfPossible") {
    if (!mount.readOnly) {
      errors.push_back(Forbidden(path, "may only be specified when readOnly is true"));
    }
    if (mount.mountPropagation && *mount.mountPropagation != "None") {
      errors.push_back(
          Forbidden(path, "may only be specified when mountPropagation is None or not specified"));
    }
    return errors;
  }
  return {NotSupported(path, rro, {"Disabled", "Enabled", "IfPossible"})};
}

bool HasMountPath(const std::map<std::string, std::string>& by_name, const std::string& value) {
  for (const auto& [name, mount_path] : by_name) {
    if (mount_path == value) return true;
  }
  return false;
}

// ValidateVolumeMounts (subPath, propagation and recursiveReadOnly errors are reported without
// the mount's index, as upstream).
FieldErrors ValidateVolumeMounts(const Container& container, const VolumeMap& volumes,
                                 const Path& path) {
  std::map<std::string, std::string> devices;
  for (const VolumeDevice& device : container.volumeDevices)
    devices[device.name] = device.devicePath;
  FieldErrors errors;
  std::set<std::string> mount_points;
  for (size_t i = 0; i < container.volumeMounts.size(); ++i) {
    const VolumeMount& mount = container.volumeMounts[i];
    Path at = path.Index(i);
    if (mount.name.empty()) errors.push_back(Required(at.Child("name")));
    if (!volumes.contains(mount.name)) errors.push_back(NotFound(at.Child("name"), mount.name));
    if (mount.mountPath.empty()) errors.push_back(Required(at.Child("mountPath")));
    if (!mount_points.insert(mount.mountPath).second) {
      errors.push_back(Invalid(at.Child("mountPath"), mount.mountPath, "must be unique"));
    }
    if (devices.contains(mount.name)) {
      errors.push_back(
          Invalid(at.Child("name"), mount.name, "must not already exist in volumeDevices"));
    }
    if (HasMountPath(devices, mount.mountPath)) {
      errors.push_back(Invalid(at.Child("mountPath"), mount.mountPath,
                               "must not already exist as a path in volumeDevices"));
    }
    if (auto it = volumes.find(mount.name); it != volumes.end() && it->second->image) {
      if (!mount.subPath.empty()) {
        errors.push_back(
            Invalid(at.Child("subPath"), mount.subPath, "not allowed in image volume sources"));
      }
      if (!mount.subPathExpr.empty()) {
        errors.push_back(Invalid(at.Child("subPathExpr"), mount.subPathExpr,
                                 "not allowed in image volume sources"));
      }
    }
    if (!mount.subPath.empty()) {
      Append(errors, ValidateLocalDescendingPath(mount.subPath, path.Child("subPath")));
    }
    if (!mount.subPathExpr.empty()) {
      if (!mount.subPath.empty()) {
        errors.push_back(Invalid(at.Child("subPathExpr"), mount.subPathExpr,
                                 "subPathExpr and subPath are mutually exclusive"));
      }
      Append(errors, ValidateLocalDescendingPath(mount.subPathExpr, path.Child("subPathExpr")));
    }
    if (mount.mountPropagation) {
      Append(errors, ValidateMountPropagation(*mount.mountPropagation, container,
                                              path.Child("mountPropagation")));
    }
    Append(errors, ValidateMountRecursiveReadOnly(mount, path.Child("recursiveReadOnly")));
  }
  return errors;
}

// ValidateVolumeDevices: raw block devices come from claims only.
FieldErrors ValidateVolumeDevices(const Container& container, const VolumeMap& volumes,
                                  const Path& path) {
  std::map<std::string, std::string> mounts;
  for (const VolumeMount& mount : container.volumeMounts) mounts[mount.name] = mount.mountPath;
  FieldErrors errors;
  std::set<std::string> device_paths;
  std::set<std::string> device_names;
  for (size_t i = 0; i < container.volumeDevices.size(); ++i) {
    const VolumeDevice& device = container.volumeDevices[i];
    Path at = path.Index(i);
    auto it = volumes.find(device.name);
    bool matched = it != volumes.end();
    bool is_claim = matched && (it->second->persistentVolumeClaim || it->second->ephemeral);
    if (device.name.empty()) errors.push_back(Required(at.Child("name")));
    if (device_names.contains(device.name)) {
      errors.push_back(Invalid(at.Child("name"), device.name, "must be unique"));
    }
    if (matched && !is_claim) {
      errors.push_back(Invalid(at.Child("name"), device.name,
                               "can only use volume source type of PersistentVolumeClaim or "
                               "Ephemeral for block mode"));
    }
    if (!matched) errors.push_back(NotFound(at.Child("name"), device.name));
    if (device.devicePath.empty()) errors.push_back(Required(at.Child("devicePath")));
    if (device_paths.contains(device.devicePath)) {
      errors.push_back(Invalid(at.Child("devicePath"), device.devicePath, "must be unique"));
    }
    if (!device.devicePath.empty() &&
        !ValidatePathNoBacksteps(device.devicePath, path.Child("devicePath")).empty()) {
      errors.push_back(
          Invalid(at.Child("devicePath"), device.devicePath, "can not contain backsteps ('..')"));
    } else {
      device_paths.insert(device.devicePath);
    }
    if (mounts.contains(device.name)) {
      errors.push_back(
          Invalid(at.Child("name"), device.name, "must not already exist in volumeMounts"));
    }
    if (HasMountPath(mounts, device.devicePath)) {
      errors.push_back(Invalid(at.Child("devicePath"), device.devicePath,
                               "must not already exist as a path in volumeMounts"));
    }
    if (!device.name.empty()) device_names.insert(device.name);
  }
  return errors;
}

// ---- Containers: resources -------------------------------------------------------------------

bool IsHugePageResourceName(std::string_view name) { return name.starts_with("hugepages-"); }

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
         name.starts_with("hugepages-") || name.starts_with("requests.hugepages-");
}

// helper.IsIntegerResourceName.
bool IsIntegerResourceName(std::string_view name) {
  return Contains({"pods", "services", "replicationcontrollers", "resourcequotas", "secrets",
                   "configmaps", "persistentvolumeclaims", "services.nodeports",
                   "services.loadbalancers"},
                  name) ||
         IsExtendedResourceName(name);
}

// helper.IsOvercommitAllowed: native resources other than huge pages.
bool IsOvercommitAllowed(std::string_view name) {
  return IsNativeResource(name) && !IsHugePageResourceName(name);
}

// validateContainerResourceName (with validateResourceName).
FieldErrors ValidateContainerResourceName(const std::string& name, const Path& path) {
  FieldErrors errors = InvalidEach(validation::IsQualifiedName(name), path, name);
  bool unprefixed = name.find('/') == std::string::npos;
  if (errors.empty() && unprefixed && !IsStandardResourceName(name)) {
    errors.push_back(Invalid(path, name, "must be a standard resource type or fully qualified"));
  }
  if (unprefixed) {
    if (name != "cpu" && name != "memory" && name != "ephemeral-storage" &&
        !IsHugePageResourceName(name)) {
      errors.push_back(Invalid(path, name, "must be a standard resource for containers"));
    }
  } else if (!IsNativeResource(name) && !IsExtendedResourceName(name)) {
    errors.push_back(Invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errors;
}

// ValidateResourceQuantityValue.
FieldErrors ValidateResourceQuantityValue(const std::string& name, const Quantity& value,
                                          const Path& path) {
  FieldErrors errors;
  if (value.Sign() < 0) {
    errors.push_back(Invalid(path, value.ToString(), std::string(kIsNegativeErrorMsg)));
  }
  if (IsIntegerResourceName(name) && value.MilliValue() % 1000 != 0) {
    errors.push_back(Invalid(path, BadValue::Raw(value.ToString()), "must be an integer"));
  }
  return errors;
}

// validateResourceQuantityHugePageValue: a multiple of the page size.
FieldErrors ValidateHugePageValue(const std::string& name, const Quantity& value,
                                  const Path& path) {
  if (!IsHugePageResourceName(name)) return {};
  Result<Quantity> page = Quantity::Parse(std::string_view(name).substr(10));
  bool divisible = page && page->Sign() > 0 && page->MilliValue() % 1000 == 0 &&
                   value.Value() % page->Value() == 0;
  if (divisible) return {};
  return {Invalid(path, value.ToString(),
                  value.ToString() + " is not positive integer multiple of " + name)};
}

// validateResourceRequirements for containers (ValidateContainerResourceRequirements).
FieldErrors ValidateContainerResourceRequirements(const Map<Quantity>& limits,
                                                  const Map<Quantity>& requests, const Path& path) {
  FieldErrors errors;
  Path lim_path = path.Child("limits");
  Path req_path = path.Child("requests");
  bool cpu_or_memory = false;
  bool huge_pages = false;
  for (const auto& [name, quantity] : limits) {
    Path at = lim_path.Key(name);
    Append(errors, ValidateContainerResourceName(name, at));
    Append(errors, ValidateResourceQuantityValue(name, quantity, at));
    if (IsHugePageResourceName(name)) {
      huge_pages = true;
      Append(errors, ValidateHugePageValue(name, quantity, at));
    }
    cpu_or_memory |= name == "cpu" || name == "memory";
  }
  for (const auto& [name, quantity] : requests) {
    Path at = req_path.Key(name);
    Append(errors, ValidateContainerResourceName(name, at));
    Append(errors, ValidateResourceQuantityValue(name, quantity, at));
    auto limit = limits.find(name);
    if (limit != limits.end()) {
      const std::string limit_text = limit->second.ToString();
      if (!(quantity == limit->second) && !IsOvercommitAllowed(name)) {
        errors.push_back(Invalid(req_path, quantity.ToString(),
                                 "must be equal to " + name + " limit of " + limit_text));
      } else if (quantity > limit->second) {
        errors.push_back(
            Invalid(req_path, quantity.ToString(),
                    "must be less than or equal to " + name + " limit of " + limit_text));
      }
    } else if (!IsOvercommitAllowed(name)) {
      errors.push_back(Required(lim_path, "Limit must be set for non overcommitable resources"));
    }
    if (IsHugePageResourceName(name)) {
      huge_pages = true;
      Append(errors, ValidateHugePageValue(name, quantity, at));
    }
    cpu_or_memory |= name == "cpu" || name == "memory";
  }
  if (!cpu_or_memory && huge_pages) {
    errors.push_back(Forbidden(path, "HugePages require cpu or memory"));
  }
  return errors;
}

// validateResizePolicy.
FieldErrors ValidateResizePolicy(const std::vector<ContainerResizePolicy>& policies,
                                 const Path& path, const std::string& pod_restart_policy) {
  FieldErrors errors;
  std::set<std::string> resources;
  for (size_t i = 0; i < policies.size(); ++i) {
    const ContainerResizePolicy& p = policies[i];
    if (!resources.insert(p.resourceName).second) {
      errors.push_back(Duplicate(path.Index(i), p.resourceName));
    }
    if (p.resourceName.empty()) {
      errors.push_back(Required(path));
    } else if (p.resourceName != "cpu" && p.resourceName != "memory") {
      errors.push_back(NotSupported(path, p.resourceName, {"cpu", "memory"}));
    }
    if (p.restartPolicy.empty()) {
      errors.push_back(Required(path));
    } else if (p.restartPolicy != "NotRequired" && p.restartPolicy != "RestartContainer") {
      errors.push_back(NotSupported(path, p.restartPolicy, {"NotRequired", "RestartContainer"}));
    }
    if (pod_restart_policy == "Never" && p.restartPolicy != "NotRequired") {
      errors.push_back(
          Invalid(path, p.restartPolicy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    }
  }
  return errors;
}

// ---- Security contexts -----------------------------------------------------------------------

// validation.IsValidUserID / IsValidGroupID: 0..2^31-1.
FieldErrors ValidateID(int64_t id, const Path& path) {
  if (id >= 0 && id <= kMaxInt32) return {};
  return {Invalid(path, id, validation::InclusiveRangeError(0, kMaxInt32))};
}

// validateSeccompProfileField.
FieldErrors ValidateSeccompProfileField(const std::optional<SeccompProfile>& profile,
                                        const Path& path) {
  if (!profile) return {};
  FieldErrors errors;
  const std::string& type = profile->type;
  if (type.empty()) {
    errors.push_back(Required(path.Child("type"), "type is required when seccompProfile is set"));
  } else if (!Contains({"Localhost", "RuntimeDefault", "Unconfined"}, type)) {
    errors.push_back(
        NotSupported(path.Child("type"), type, {"Localhost", "RuntimeDefault", "Unconfined"}));
  }
  if (type == "Localhost") {
    if (!profile->localhostProfile) {
      errors.push_back(
          Required(path.Child("localhostProfile"), "must be set when seccomp type is Localhost"));
    } else {
      Append(errors, ValidateLocalDescendingPath(*profile->localhostProfile,
                                                 path.Child("localhostProfile")));
    }
  } else if (profile->localhostProfile) {
    errors.push_back(Invalid(path.Child("localhostProfile"),
                             BadValue::Raw("core.SeccompProfile{...}"),
                             "can only be set when seccomp type is Localhost"));
  }
  return errors;
}

// ValidateAppArmorProfileField.
FieldErrors ValidateAppArmorProfileField(const std::optional<AppArmorProfile>& profile,
                                         const Path& path) {
  if (!profile) return {};
  FieldErrors errors;
  const std::string& type = profile->type;
  if (type == "Localhost") {
    if (!profile->localhostProfile) {
      errors.push_back(
          Required(path.Child("localhostProfile"), "must be set when AppArmor type is Localhost"));
    } else {
      const std::string& name = *profile->localhostProfile;
      std::string trimmed = TrimSpace(name);
      if (trimmed != name) {
        errors.push_back(
            Invalid(path.Child("localhostProfile"), name, "must not be padded with whitespace"));
      } else if (trimmed.empty()) {
        errors.push_back(Required(path.Child("localhostProfile"),
                                  "must be set when AppArmor type is Localhost"));
      }
      if (name.size() > 4095)
        errors.push_back(validation::TooLong(path.Child("localhostProfile"), 4095));
    }
  } else if (type == "RuntimeDefault" || type == "Unconfined") {
    if (profile->localhostProfile) {
      errors.push_back(Invalid(path.Child("localhostProfile"), *profile->localhostProfile,
                               "can only be set when AppArmor type is Localhost"));
    }
  } else if (type.empty()) {
    errors.push_back(Required(path.Child("type"), "type is required when appArmorProfile is set"));
  } else {
    errors.push_back(
        NotSupported(path.Child("type"), type, {"Localhost", "RuntimeDefault", "Unconfined"}));
  }
  return errors;
}

// ValidateSecurityContext (privileged containers are allowed: kref runs with
// --allow-privileged).
FieldErrors ValidateSecurityContext(const std::optional<SecurityContext>& sc, const Path& path,
                                    bool host_users) {
  if (!sc) return {};
  FieldErrors errors;
  if (sc->runAsUser) Append(errors, ValidateID(*sc->runAsUser, path.Child("runAsUser")));
  if (sc->runAsGroup) Append(errors, ValidateID(*sc->runAsGroup, path.Child("runAsGroup")));
  if (sc->procMount) {
    if (*sc->procMount != "Default" && *sc->procMount != "Unmasked") {
      errors.push_back(
          NotSupported(path.Child("procMount"), *sc->procMount, {"Default", "Unmasked"}));
    }
    if (host_users && *sc->procMount == "Unmasked") {
      errors.push_back(Invalid(path.Child("procMount"), *sc->procMount,
                               "`hostUsers` must be false to use `Unmasked`"));
    }
  }
  Append(errors, ValidateSeccompProfileField(sc->seccompProfile, path.Child("seccompProfile")));
  if (sc->allowPrivilegeEscalation && !*sc->allowPrivilegeEscalation) {
    const BadValue value = BadValue::Raw("core.SecurityContext{...}");
    if (sc->privileged && *sc->privileged) {
      errors.push_back(Invalid(path, value,
                               "cannot set `allowPrivilegeEscalation` to false and `privileged` to "
                               "true"));
    }
    if (sc->capabilities) {
      for (const std::string& capability : sc->capabilities->add) {
        if (capability == "CAP_SYS_ADMIN") {
          errors.push_back(Invalid(path, value,
                                   "cannot set `allowPrivilegeEscalation` to false and "
                                   "`capabilities.Add` CAP_SYS_ADMIN"));
        }
      }
    }
  }
  Append(errors, ValidateAppArmorProfileField(sc->appArmorProfile, path.Child("appArmorProfile")));
  return errors;
}

// ---- Probes and lifecycle handlers -----------------------------------------------------------

// validateHTTPGetAction's port and ValidatePortNumOrName.
FieldErrors ValidatePortNumOrName(const IntOrString& port, const Path& path) {
  if (port.is_string()) {
    return InvalidEach(validation::IsValidPortName(port.string_value()), path, port.string_value());
  }
  return InvalidEach(validation::IsValidPortNum(port.int_value()), path, port.int_value());
}

// validateHTTPGetAction.
FieldErrors ValidateHTTPGetAction(const HTTPGetAction& action, const Path& path) {
  FieldErrors errors;
  if (action.path.empty()) errors.push_back(Required(path.Child("path")));
  Append(errors, ValidatePortNumOrName(action.port, path.Child("port")));
  if (action.scheme != "HTTP" && action.scheme != "HTTPS") {
    errors.push_back(NotSupported(path.Child("scheme"), action.scheme, {"HTTP", "HTTPS"}));
  }
  for (const HTTPHeader& header : action.httpHeaders) {
    Append(errors, InvalidEach(validation::IsHTTPHeaderName(header.name), path.Child("httpHeaders"),
                               header.name));
  }
  return errors;
}

// The handlers a probe or lifecycle hook may name (upstream's commonHandler).
struct CommonHandler {
  const ExecAction* exec = nullptr;
  const HTTPGetAction* http_get = nullptr;
  const TCPSocketAction* tcp_socket = nullptr;
  const GRPCAction* grpc = nullptr;
  const SleepAction* sleep = nullptr;
};

template <class T>
const T* Ptr(const std::optional<T>& value) {
  return value ? &*value : nullptr;
}

// validateSleepAction (AllowPodLifecycleSleepActionZeroValue is off in v1.32).
FieldErrors ValidateSleepAction(const SleepAction& sleep, const std::optional<int64_t>& grace,
                                const Path& path) {
  if (grace && (sleep.seconds <= 0 || sleep.seconds > *grace)) {
    return {Invalid(path, sleep.seconds,
                    "must be greater than 0 and less than terminationGracePeriodSeconds (" +
                        std::to_string(*grace) +
                        "). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero "
                        "sleep.")};
  }
  return {};
}

// validateHandler: exactly one handler.
FieldErrors ValidateHandler(const CommonHandler& handler, const std::optional<int64_t>& grace,
                            const Path& path) {
  FieldErrors errors;
  int count = 0;
  auto add = [&](bool present, std::string_view name, auto&& validate) {
    if (!present) return;
    if (count > 0) {
      errors.push_back(Forbidden(path.Child(name), std::string(kMoreThanOneHandler)));
      return;
    }
    ++count;
    Append(errors, validate(path.Child(name)));
  };
  add(handler.exec, "exec", [&](const Path& at) -> FieldErrors {
    if (handler.exec->command.empty()) return {Required(at.Child("command"))};
    return {};
  });
  add(handler.http_get, "httpGet",
      [&](const Path& at) { return ValidateHTTPGetAction(*handler.http_get, at); });
  add(handler.tcp_socket, "tcpSocket", [&](const Path& at) {
    return ValidatePortNumOrName(handler.tcp_socket->port, at.Child("port"));
  });
  add(handler.grpc, "grpc", [&](const Path& at) {
    return ValidatePortNumOrName(IntOrString::FromInt(handler.grpc->port), at.Child("port"));
  });
  add(handler.sleep, "sleep",
      [&](const Path& at) { return ValidateSleepAction(*handler.sleep, grace, at); });
  if (count == 0) errors.push_back(Required(path, "must specify a handler type"));
  return errors;
}

// validateLifecycle.
FieldErrors ValidateLifecycle(const Lifecycle& lifecycle, const std::optional<int64_t>& grace,
                              const Path& path) {
  FieldErrors errors;
  auto hook = [&](const std::optional<LifecycleHandler>& h, std::string_view name) {
    if (!h) return;
    Append(errors, ValidateHandler(
                       {Ptr(h->exec), Ptr(h->httpGet), Ptr(h->tcpSocket), nullptr, Ptr(h->sleep)},
                       grace, path.Child(name)));
  };
  hook(lifecycle.postStart, "postStart");
  hook(lifecycle.preStop, "preStop");
  return errors;
}

// validateProbe.
FieldErrors ValidateProbe(const Probe& probe, const std::optional<int64_t>& grace,
                          const Path& path) {
  FieldErrors errors = ValidateHandler(
      {Ptr(probe.exec), Ptr(probe.httpGet), Ptr(probe.tcpSocket), Ptr(probe.grpc), nullptr}, grace,
      path);
  using validation::ValidateNonnegative;
  Append(errors, ValidateNonnegative(probe.initialDelaySeconds, path.Child("initialDelaySeconds")));
  Append(errors, ValidateNonnegative(probe.timeoutSeconds, path.Child("timeoutSeconds")));
  Append(errors, ValidateNonnegative(probe.periodSeconds, path.Child("periodSeconds")));
  Append(errors, ValidateNonnegative(probe.successThreshold, path.Child("successThreshold")));
  Append(errors, ValidateNonnegative(probe.failureThreshold, path.Child("failureThreshold")));
  if (probe.terminationGracePeriodSeconds && *probe.terminationGracePeriodSeconds <= 0) {
    errors.push_back(Invalid(path.Child("terminationGracePeriodSeconds"),
                             *probe.terminationGracePeriodSeconds, "must be greater than 0"));
  }
  return errors;
}

// validateLivenessProbe and validateStartupProbe: successThreshold must be 1.
FieldErrors ValidateLivenessOrStartupProbe(const std::optional<Probe>& probe,
                                           const std::optional<int64_t>& grace, const Path& path) {
  if (!probe) return {};
  FieldErrors errors = ValidateProbe(*probe, grace, path);
  if (probe->successThreshold != 1) {
    errors.push_back(Invalid(path.Child("successThreshold"), probe->successThreshold, "must be 1"));
  }
  return errors;
}

// validateReadinessProbe: no terminationGracePeriodSeconds.
FieldErrors ValidateReadinessProbe(const std::optional<Probe>& probe,
                                   const std::optional<int64_t>& grace, const Path& path) {
  if (!probe) return {};
  FieldErrors errors = ValidateProbe(*probe, grace, path);
  if (probe->terminationGracePeriodSeconds) {
    errors.push_back(Invalid(path.Child("terminationGracePeriodSeconds"),
                             *probe->terminationGracePeriodSeconds,
                             "must not be set for readinessProbes"));
  }
  return errors;
}

// The probes and lifecycle regular containers and sidecars may have.
FieldErrors ValidateProbesAndLifecycle(const Container& ctr, const std::optional<int64_t>& grace,
                                       const Path& path) {
  FieldErrors errors;
  if (ctr.lifecycle)
    Append(errors, ValidateLifecycle(*ctr.lifecycle, grace, path.Child("lifecycle")));
  Append(errors,
         ValidateLivenessOrStartupProbe(ctr.livenessProbe, grace, path.Child("livenessProbe")));
  Append(errors, ValidateReadinessProbe(ctr.readinessProbe, grace, path.Child("readinessProbe")));
  Append(errors,
         ValidateLivenessOrStartupProbe(ctr.startupProbe, grace, path.Child("startupProbe")));
  return errors;
}

// ---- Container lists ---------------------------------------------------------------------------

// What validating one container needs to know about its pod.
struct PodContext {
  const VolumeMap& volumes;
  const std::optional<int64_t>& grace_period;
  const std::string& restart_policy;
  bool host_users;
};

// validateContainerCommon.
FieldErrors ValidateContainerCommon(const Container& ctr, const PodContext& pod, const Path& path) {
  FieldErrors errors;
  if (ctr.name.empty()) {
    errors.push_back(Required(path.Child("name")));
  } else {
    Append(errors, ValidateDNS1123Label(ctr.name, path.Child("name")));
  }
  if (ctr.image.empty()) errors.push_back(Required(path.Child("image")));
  const std::string& policy = ctr.terminationMessagePolicy;
  if (policy.empty()) {
    errors.push_back(Required(path.Child("terminationMessagePolicy")));
  } else if (policy != "File" && policy != "FallbackToLogsOnError") {
    errors.push_back(NotSupported(path.Child("terminationMessagePolicy"), policy,
                                  {"File", "FallbackToLogsOnError"}));
  }
  Append(errors, ValidateContainerPorts(ctr.ports, path.Child("ports")));
  Append(errors, ValidateEnv(ctr.env, path.Child("env")));
  Append(errors, ValidateEnvFrom(ctr.envFrom, path.Child("envFrom")));
  Append(errors, ValidateVolumeMounts(ctr, pod.volumes, path.Child("volumeMounts")));
  Append(errors, ValidateVolumeDevices(ctr, pod.volumes, path.Child("volumeDevices")));
  Append(errors, ValidatePullPolicy(ctr.imagePullPolicy, path.Child("imagePullPolicy")));
  Append(errors, ValidateContainerResourceRequirements(ctr.resources.limits, ctr.resources.requests,
                                                       path.Child("resources")));
  Append(errors,
         ValidateResizePolicy(ctr.resizePolicy, path.Child("resizePolicy"), pod.restart_policy));
  Append(errors, ValidateSecurityContext(ctr.securityContext, path.Child("securityContext"),
                                         pod.host_users));
  return errors;
}

// AccumulateUniqueHostPorts: a protocol/hostIP/hostPort triple is used once.
FieldErrors CheckHostPortConflicts(const std::vector<const Container*>& containers,
                                   const std::vector<size_t>& indexes, const Path& path) {
  FieldErrors errors;
  std::set<std::string> seen;
  for (size_t c = 0; c < containers.size(); ++c) {
    const Container& ctr = *containers[c];
    for (size_t p = 0; p < ctr.ports.size(); ++p) {
      const ContainerPort& port = ctr.ports[p];
      if (port.hostPort == 0) continue;
      std::string key = port.protocol + "/" + port.hostIP + "/" + std::to_string(port.hostPort);
      if (!seen.insert(key).second) {
        errors.push_back(
            Duplicate(path.Index(indexes[c]).Child("ports").Index(p).Child("hostPort"), key));
      }
    }
  }
  return errors;
}

// validateContainers.
FieldErrors ValidateContainers(const std::vector<Container>& containers, const PodContext& pod,
                               const Path& path) {
  if (containers.empty()) return {Required(path)};
  FieldErrors errors;
  std::set<std::string> names;
  std::vector<const Container*> all;
  std::vector<size_t> indexes;
  for (size_t i = 0; i < containers.size(); ++i) {
    const Container& ctr = containers[i];
    Path at = path.Index(i);
    Append(errors, ValidateContainerCommon(ctr, pod, at));
    if (!names.insert(ctr.name).second) errors.push_back(Duplicate(at.Child("name"), ctr.name));
    Append(errors, ValidateProbesAndLifecycle(ctr, pod.grace_period, at));
    if (ctr.restartPolicy) {
      errors.push_back(
          Forbidden(at.Child("restartPolicy"), "may not be set for non-init containers"));
    }
    all.push_back(&ctr);
    indexes.push_back(i);
  }
  Append(errors, CheckHostPortConflicts(all, indexes, path));
  return errors;
}

// validateInitContainers: sidecars (restartPolicy Always) may have probes and lifecycle hooks.
FieldErrors ValidateInitContainers(const std::vector<Container>& containers,
                                   const std::vector<Container>& regular, const PodContext& pod,
                                   const Path& path) {
  FieldErrors errors;
  std::set<std::string> names;
  for (const Container& ctr : regular) names.insert(ctr.name);
  for (size_t i = 0; i < containers.size(); ++i) {
    const Container& ctr = containers[i];
    Path at = path.Index(i);
    Append(errors, ValidateContainerCommon(ctr, pod, at));
    bool restart_always = false;
    if (ctr.restartPolicy) {
      if (*ctr.restartPolicy != "Always") {
        errors.push_back(NotSupported(at.Child("restartPolicy"), *ctr.restartPolicy, {"Always"}));
      }
      restart_always = *ctr.restartPolicy == "Always";
    }
    if (names.contains(ctr.name)) {
      errors.push_back(Duplicate(at.Child("name"), ctr.name));
    } else if (!ctr.name.empty()) {
      names.insert(ctr.name);
    }
    Append(errors, CheckHostPortConflicts({&ctr}, {i}, path));
    if (restart_always) {
      Append(errors, ValidateProbesAndLifecycle(ctr, pod.grace_period, at));
    } else {
      constexpr std::string_view kNotSidecar =
          "may not be set for init containers without restartPolicy=Always";
      if (ctr.lifecycle)
        errors.push_back(Forbidden(at.Child("lifecycle"), std::string(kNotSidecar)));
      if (ctr.livenessProbe) {
        errors.push_back(Forbidden(at.Child("livenessProbe"), std::string(kNotSidecar)));
      }
      if (ctr.readinessProbe) {
        errors.push_back(Forbidden(at.Child("readinessProbe"), std::string(kNotSidecar)));
      }
      if (ctr.startupProbe) {
        errors.push_back(Forbidden(at.Child("startupProbe"), std::string(kNotSidecar)));
      }
    }
    if (!ctr.resizePolicy.empty()) {
      errors.push_back(Invalid(at.Child("resizePolicy"),
                               BadValue::Raw(ResizePolicyGoSyntax(ctr.resizePolicy)),
                               "must not be set for init containers"));
    }
  }
  return errors;
}

// The Container an ephemeral container's common fields describe.
Container AsContainer(const EphemeralContainer& ec) {
  Container c;
  c.name = ec.name;
  c.image = ec.image;
  c.command = ec.command;
  c.args = ec.args;
  c.workingDir = ec.workingDir;
  c.ports = ec.ports;
  c.envFrom = ec.envFrom;
  c.env = ec.env;
  c.resources = ec.resources;
  c.resizePolicy = ec.resizePolicy;
  c.restartPolicy = ec.restartPolicy;
  c.volumeMounts = ec.volumeMounts;
  c.volumeDevices = ec.volumeDevices;
  c.livenessProbe = ec.livenessProbe;
  c.readinessProbe = ec.readinessProbe;
  c.startupProbe = ec.startupProbe;
  c.lifecycle = ec.lifecycle;
  c.terminationMessagePath = ec.terminationMessagePath;
  c.terminationMessagePolicy = ec.terminationMessagePolicy;
  c.imagePullPolicy = ec.imagePullPolicy;
  c.securityContext = ec.securityContext;
  c.stdin = ec.stdin;
  c.stdinOnce = ec.stdinOnce;
  c.tty = ec.tty;
  return c;
}

// validateContainerOnlyForPod: no surrounding whitespace in the image.
FieldErrors ValidateContainerOnlyForPod(const Container& ctr, const Path& path) {
  if (TrimSpace(ctr.image).size() != ctr.image.size()) {
    return {
        Invalid(path.Child("image"), ctr.image, "must not have leading or trailing whitespace")};
  }
  return {};
}

// validateEphemeralContainers (they are rejected on create, but validated all the same).
FieldErrors ValidateEphemeralContainers(const PodSpec& spec, const PodContext& pod,
                                        const Path& path) {
  FieldErrors errors;
  std::set<std::string> other_names;
  for (const Container& c : spec.containers) other_names.insert(c.name);
  for (const Container& c : spec.initContainers) other_names.insert(c.name);
  std::set<std::string> all_names = other_names;
  for (size_t i = 0; i < spec.ephemeralContainers.size(); ++i) {
    const EphemeralContainer& ec = spec.ephemeralContainers[i];
    Path at = path.Index(i);
    Container c = AsContainer(ec);
    Append(errors, ValidateContainerCommon(c, pod, at));
    Append(errors, ValidateContainerOnlyForPod(c, at));
    if (!all_names.insert(ec.name).second) errors.push_back(Duplicate(at.Child("name"), ec.name));
    if (!ec.targetContainerName.empty() && !other_names.contains(ec.targetContainerName)) {
      errors.push_back(NotFound(at.Child("targetContainerName"), ec.targetContainerName));
    }
    ForEachField(c, [&](std::string_view name, const auto& value) {
      static const std::initializer_list<std::string_view> kAllowed = {"name",
                                                                       "image",
                                                                       "command",
                                                                       "args",
                                                                       "workingDir",
                                                                       "envFrom",
                                                                       "env",
                                                                       "volumeMounts",
                                                                       "volumeDevices",
                                                                       "terminationMessagePath",
                                                                       "terminationMessagePolicy",
                                                                       "imagePullPolicy",
                                                                       "securityContext",
                                                                       "stdin",
                                                                       "stdinOnce",
                                                                       "tty"};
      if (Contains(kAllowed, name) || value == std::decay_t<decltype(value)>{}) return;
      errors.push_back(Forbidden(at.Child(name), "cannot be set for an Ephemeral Container"));
    });
    for (size_t m = 0; m < ec.volumeMounts.size(); ++m) {
      Path mount = at.Child("volumeMounts").Index(m);
      if (!ec.volumeMounts[m].subPath.empty()) {
        errors.push_back(
            Forbidden(mount.Child("subPath"), "cannot be set for an Ephemeral Container"));
      }
      if (!ec.volumeMounts[m].subPathExpr.empty()) {
        errors.push_back(
            Forbidden(mount.Child("subPathExpr"), "cannot be set for an Ephemeral Container"));
      }
    }
  }
  return errors;
}

// Calls f(container, path) for init, regular and ephemeral containers
// (podshelper.VisitContainersWithPath).
template <class F>
void VisitContainersWithPath(const PodSpec& spec, const Path& path, F&& f) {
  for (size_t i = 0; i < spec.initContainers.size(); ++i) {
    f(spec.initContainers[i].name, spec.initContainers[i].securityContext,
      path.Child("initContainers").Index(i));
  }
  for (size_t i = 0; i < spec.containers.size(); ++i) {
    f(spec.containers[i].name, spec.containers[i].securityContext,
      path.Child("containers").Index(i));
  }
  for (size_t i = 0; i < spec.ephemeralContainers.size(); ++i) {
    f(spec.ephemeralContainers[i].name, spec.ephemeralContainers[i].securityContext,
      path.Child("ephemeralContainers").Index(i));
  }
}

// ---- Pod-level fields
// ----------------------------------------------------------------------------

// validatePodHostNetworkDeps: with host networking a hostPort must equal its containerPort (a
// template may leave it 0, to be defaulted when the pod is made).
FieldErrors ValidatePodHostNetworkDeps(const PodSpec& spec, const Path& path, const Options& opts) {
  if (!spec.hostNetwork) return {};
  FieldErrors errors;
  Path containers = path.Child("containers");
  for (size_t i = 0; i < spec.containers.size(); ++i) {
    const std::vector<ContainerPort>& ports = spec.containers[i].ports;
    for (size_t p = 0; p < ports.size(); ++p) {
      int32_t hp = ports[p].hostPort;
      if ((opts.resource_is_pod || hp != 0) && hp != ports[p].containerPort) {
        errors.push_back(Invalid(containers.Index(i).Child("ports").Index(p).Child("hostPort"), hp,
                                 "must match `containerPort` when `hostNetwork` is true"));
      }
    }
  }
  return errors;
}

// validateRestartPolicy.
FieldErrors ValidateRestartPolicy(const std::string& policy, const Path& path) {
  if (Contains({"Always", "OnFailure", "Never"}, policy)) return {};
  if (policy.empty()) return {Required(path)};
  return {NotSupported(path, policy, {"Always", "OnFailure", "Never"})};
}

// validateDNSPolicy.
FieldErrors ValidateDNSPolicy(const std::string& policy, const Path& path) {
  if (Contains({"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"}, policy)) return {};
  if (policy.empty()) return {Required(path)};
  return {
      NotSupported(path, policy, {"ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"})};
}

// utilsysctl.NormalizeName: slash-separated names become dot-separated.
std::string NormalizeSysctlName(std::string name) {
  size_t first = name.find_first_of("./");
  if (first == std::string::npos || name[first] == '.') return name;
  for (char& c : name) {
    if (c == '.') {
      c = '/';
    } else if (c == '/') {
      c = '.';
    }
  }
  return name;
}

// ValidateHostSysctl: namespaced sysctls cannot be set when sharing that namespace with the host.
FieldErrors ValidateHostSysctl(const std::string& sysctl, const PodSpec& spec, const Path& path) {
  std::string name = NormalizeSysctlName(sysctl);
  bool net = name.starts_with("net.");
  bool ipc = name.starts_with("fs.mqueue.") ||
             Contains({"kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni",
                       "kernel.shm_rmid_forced", "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni"},
                      name);
  if (spec.hostNetwork && net) {
    return {Invalid(path, sysctl, "may not be specified when 'hostNetwork' is true")};
  }
  if (spec.hostIPC && ipc)
    return {Invalid(path, sysctl, "may not be specified when 'hostIPC' is true")};
  return {};
}

// validateSysctls.
FieldErrors ValidateSysctls(const PodSpec& spec, const std::vector<Sysctl>& sysctls,
                            const Path& path) {
  static const std::string kSysctlRegex =
      "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";
  static const std::regex kSysctl(kSysctlRegex);
  FieldErrors errors;
  std::set<std::string> names;
  for (size_t i = 0; i < sysctls.size(); ++i) {
    const std::string& name = sysctls[i].name;
    Path at = path.Index(i).Child("name");
    if (name.empty()) {
      errors.push_back(Required(at));
    } else if (name.size() > 253 || !std::regex_match(name, kSysctl)) {
      errors.push_back(
          Invalid(at, name, "must have at most 253 characters and match regex " + kSysctlRegex));
    } else if (names.contains(name)) {
      errors.push_back(Duplicate(at, name));
    }
    Append(errors, ValidateHostSysctl(name, spec, at));
    names.insert(name);
  }
  return errors;
}

// validatePodSpecSecurityContext (alpha fields supplementalGroupsPolicy and seLinuxChangePolicy
// are not checked).
FieldErrors ValidatePodSpecSecurityContext(const PodSpec& spec, const Path& path) {
  if (!spec.securityContext) return {};
  const PodSecurityContext& sc = *spec.securityContext;
  FieldErrors errors;
  if (sc.fsGroup) Append(errors, ValidateID(*sc.fsGroup, path.Child("fsGroup")));
  if (sc.runAsUser) Append(errors, ValidateID(*sc.runAsUser, path.Child("runAsUser")));
  if (sc.runAsGroup) Append(errors, ValidateID(*sc.runAsGroup, path.Child("runAsGroup")));
  for (size_t g = 0; g < sc.supplementalGroups.size(); ++g) {
    Append(errors, ValidateID(sc.supplementalGroups[g], path.Child("supplementalGroups").Index(g)));
  }
  if (spec.shareProcessNamespace && *spec.shareProcessNamespace && spec.hostPID) {
    errors.push_back(Invalid(path.Child("shareProcessNamespace"), true,
                             "ShareProcessNamespace and HostPID cannot both be enabled"));
  }
  if (!sc.sysctls.empty()) Append(errors, ValidateSysctls(spec, sc.sysctls, path.Child("sysctls")));
  if (sc.fsGroupChangePolicy && *sc.fsGroupChangePolicy != "Always" &&
      *sc.fsGroupChangePolicy != "OnRootMismatch") {
    errors.push_back(NotSupported(path.Child("fsGroupChangePolicy"), *sc.fsGroupChangePolicy,
                                  {"Always", "OnRootMismatch"}));
  }
  Append(errors, ValidateSeccompProfileField(sc.seccompProfile, path.Child("seccompProfile")));
  Append(errors, ValidateAppArmorProfileField(sc.appArmorProfile, path.Child("appArmorProfile")));
  return errors;
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
      Append(errors, InvalidEach(validation::IsValidLabelValue(rq.values[i]),
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

// ValidateNodeSelectorTerm.
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

// validateNodeAffinity (ValidateNodeSelector and ValidatePreferredSchedulingTerms).
FieldErrors ValidateNodeAffinity(const NodeAffinity& na, const Path& path) {
  FieldErrors errors;
  if (na.requiredDuringSchedulingIgnoredDuringExecution) {
    Path terms =
        path.Child("requiredDuringSchedulingIgnoredDuringExecution").Child("nodeSelectorTerms");
    const auto& list = na.requiredDuringSchedulingIgnoredDuringExecution->nodeSelectorTerms;
    if (list.empty()) {
      errors.push_back(Required(terms, "must have at least one node selector term"));
    }
    for (size_t i = 0; i < list.size(); ++i) {
      Append(errors, ValidateNodeSelectorTerm(list[i], false, terms.Index(i)));
    }
  }
  Path preferred = path.Child("preferredDuringSchedulingIgnoredDuringExecution");
  const auto& terms = na.preferredDuringSchedulingIgnoredDuringExecution;
  for (size_t i = 0; i < terms.size(); ++i) {
    if (terms[i].weight <= 0 || terms[i].weight > 100) {
      errors.push_back(Invalid(preferred.Index(i).Child("weight"), terms[i].weight,
                               "must be in the range 1-100"));
    }
    // Preferred terms tolerate invalid label values: they can still match on a small cluster.
    Append(errors, ValidateNodeSelectorTerm(terms[i].preference, true,
                                            preferred.Index(i).Child("preference")));
  }
  return errors;
}

// validateLabelKeys (matchLabelKeys / mismatchLabelKeys need a labelSelector).
FieldErrors ValidateLabelKeys(const std::vector<std::string>& keys,
                              const std::optional<meta::LabelSelector>& selector,
                              const Path& path) {
  if (keys.empty()) return {};
  if (!selector) return {Forbidden(path, "must not be specified when labelSelector is not set")};
  FieldErrors errors;
  for (size_t i = 0; i < keys.size(); ++i) {
    Append(errors, ValidateQualifiedName(keys[i], path.Index(i)));
  }
  return errors;
}

// validateMatchLabelKeysAndMismatchLabelKeys.
FieldErrors ValidateMatchLabelKeysAndMismatchLabelKeys(const PodAffinityTerm& term,
                                                       const Path& path) {
  FieldErrors errors =
      ValidateLabelKeys(term.matchLabelKeys, term.labelSelector, path.Child("matchLabelKeys"));
  Append(errors, ValidateLabelKeys(term.mismatchLabelKeys, term.labelSelector,
                                   path.Child("mismatchLabelKeys")));
  if (term.labelSelector) {
    std::map<std::string, size_t> key_index;
    for (size_t i = 0; i < term.matchLabelKeys.size(); ++i) key_index[term.matchLabelKeys[i]] = i;
    std::set<std::string> selector_keys;
    for (const auto& [key, value] : term.labelSelector->matchLabels) selector_keys.insert(key);
    for (const meta::LabelSelectorRequirement& requirement : term.labelSelector->matchExpressions) {
      auto it = key_index.find(requirement.key);
      if (it != key_index.end() && selector_keys.contains(requirement.key)) {
        errors.push_back(Invalid(path.Index(it->second), requirement.key,
                                 "exists in both matchLabelKeys and labelSelector"));
      }
      selector_keys.insert(requirement.key);
    }
  }
  std::set<std::string> mismatch(term.mismatchLabelKeys.begin(), term.mismatchLabelKeys.end());
  for (size_t i = 0; i < term.matchLabelKeys.size(); ++i) {
    if (mismatch.contains(term.matchLabelKeys[i])) {
      errors.push_back(Invalid(path.Child("matchLabelKeys").Index(i), term.matchLabelKeys[i],
                               "exists in both matchLabelKeys and mismatchLabelKeys"));
    }
  }
  return errors;
}

// validatePodAffinityTerm.
FieldErrors ValidatePodAffinityTerm(const PodAffinityTerm& term, const Path& path) {
  FieldErrors errors;
  if (term.labelSelector) {
    Append(errors,
           validation::ValidateLabelSelector(*term.labelSelector, path.Child("labelSelector")));
  }
  if (term.namespaceSelector) {
    Append(errors, validation::ValidateLabelSelector(*term.namespaceSelector,
                                                     path.Child("namespaceSelector")));
  }
  for (const std::string& name : term.namespaces) {
    Append(errors,
           InvalidEach(validation::NameIsDNSLabel(name, false), path.Child("namespace"), name));
  }
  Append(errors, ValidateMatchLabelKeysAndMismatchLabelKeys(term, path));
  if (term.topologyKey.empty()) {
    errors.push_back(Required(path.Child("topologyKey"), "can not be empty"));
  }
  Append(errors, ValidateQualifiedName(term.topologyKey, path.Child("topologyKey")));
  return errors;
}

// validatePodAffinity and validatePodAntiAffinity.
template <class A>
FieldErrors ValidatePodAffinityTerms(const A& affinity, const Path& path) {
  FieldErrors errors;
  Path required = path.Child("requiredDuringSchedulingIgnoredDuringExecution");
  for (size_t i = 0; i < affinity.requiredDuringSchedulingIgnoredDuringExecution.size(); ++i) {
    Append(errors,
           ValidatePodAffinityTerm(affinity.requiredDuringSchedulingIgnoredDuringExecution[i],
                                   required.Index(i)));
  }
  Path preferred = path.Child("preferredDuringSchedulingIgnoredDuringExecution");
  const auto& weighted = affinity.preferredDuringSchedulingIgnoredDuringExecution;
  for (size_t j = 0; j < weighted.size(); ++j) {
    if (weighted[j].weight <= 0 || weighted[j].weight > 100) {
      errors.push_back(Invalid(preferred.Index(j).Child("weight"), weighted[j].weight,
                               "must be in the range 1-100"));
    }
    Append(errors, ValidatePodAffinityTerm(weighted[j].podAffinityTerm,
                                           preferred.Index(j).Child("podAffinityTerm")));
  }
  return errors;
}

// validateAffinity.
FieldErrors ValidateAffinity(const std::optional<Affinity>& affinity, const Path& path) {
  if (!affinity) return {};
  FieldErrors errors;
  if (affinity->nodeAffinity) {
    Append(errors, ValidateNodeAffinity(*affinity->nodeAffinity, path.Child("nodeAffinity")));
  }
  if (affinity->podAffinity) {
    Append(errors, ValidatePodAffinityTerms(*affinity->podAffinity, path.Child("podAffinity")));
  }
  if (affinity->podAntiAffinity) {
    Append(errors,
           ValidatePodAffinityTerms(*affinity->podAntiAffinity, path.Child("podAntiAffinity")));
  }
  return errors;
}

// validatePodDNSConfig.
FieldErrors ValidatePodDNSConfig(const std::optional<PodDNSConfig>& config,
                                 const std::string& policy, const Path& path) {
  if (policy == "None") {
    if (!config) return {Required(path, "must provide `dnsConfig` when `dnsPolicy` is None")};
    if (config->nameservers.empty()) {
      return {Required(path.Child("nameservers"),
                       "must provide at least one DNS nameserver when `dnsPolicy` is None")};
    }
  }
  if (!config) return {};
  FieldErrors errors;
  if (config->nameservers.size() > 3) {
    errors.push_back(Invalid(path.Child("nameservers"), config->nameservers,
                             "must not have more than 3 nameservers"));
  }
  for (size_t i = 0; i < config->nameservers.size(); ++i) {
    Append(errors, InvalidEach(validation::IsValidIP(config->nameservers[i]),
                               path.Child("nameservers").Index(i), config->nameservers[i]));
  }
  if (config->searches.size() > 32) {
    errors.push_back(Invalid(path.Child("searches"), config->searches,
                             "must not have more than 32 search paths"));
  }
  size_t chars = 0;
  for (const std::string& search : config->searches) chars += search.size();
  if (!config->searches.empty()) chars += config->searches.size() - 1;
  if (chars > 2048) {
    errors.push_back(Invalid(path.Child("searches"), config->searches,
                             "must not have more than 2048 characters (including spaces) in the "
                             "search list"));
  }
  for (size_t i = 0; i < config->searches.size(); ++i) {
    std::string_view search = config->searches[i];
    if (search.ends_with('.')) search.remove_suffix(1);
    Append(errors, ValidateDNS1123Subdomain(search, path.Child("searches").Index(i)));
  }
  for (size_t i = 0; i < config->options.size(); ++i) {
    if (config->options[i].name.empty()) {
      errors.push_back(Required(path.Child("options").Index(i), "must not be empty"));
    }
  }
  return errors;
}

// validateTopologySpreadConstraints.
FieldErrors ValidateTopologySpreadConstraints(const std::vector<TopologySpreadConstraint>& list,
                                              const Path& path) {
  FieldErrors errors;
  for (size_t i = 0; i < list.size(); ++i) {
    const TopologySpreadConstraint& c = list[i];
    Path at = path.Index(i);
    if (c.maxSkew <= 0) {
      errors.push_back(
          Invalid(at.Child("maxSkew"), c.maxSkew, std::string(kIsNotPositiveErrorMsg)));
    }
    if (c.topologyKey.empty())
      errors.push_back(Required(at.Child("topologyKey"), "can not be empty"));
    if (c.whenUnsatisfiable != "DoNotSchedule" && c.whenUnsatisfiable != "ScheduleAnyway") {
      errors.push_back(NotSupported(at.Child("whenUnsatisfiable"), c.whenUnsatisfiable,
                                    {"DoNotSchedule", "ScheduleAnyway"}));
    }
    for (size_t j = i + 1; j < list.size(); ++j) {
      if (c.topologyKey == list[j].topologyKey &&
          c.whenUnsatisfiable == list[j].whenUnsatisfiable) {
        errors.push_back(Duplicate(at.Child("{topologyKey, whenUnsatisfiable}"),
                                   "{" + c.topologyKey + ", " + c.whenUnsatisfiable + "}"));
        break;
      }
    }
    if (c.minDomains) {
      if (*c.minDomains <= 0) {
        errors.push_back(
            Invalid(at.Child("minDomains"), *c.minDomains, std::string(kIsNotPositiveErrorMsg)));
      }
      if (c.whenUnsatisfiable != "DoNotSchedule") {
        errors.push_back(
            Invalid(at.Child("minDomains"), *c.minDomains,
                    "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " +
                        c.whenUnsatisfiable));
      }
    }
    for (const auto& [name, policy] : {std::pair{"nodeAffinityPolicy", &c.nodeAffinityPolicy},
                                       std::pair{"nodeTaintsPolicy", &c.nodeTaintsPolicy}}) {
      if (*policy && **policy != "Honor" && **policy != "Ignore") {
        errors.push_back(NotSupported(at.Child(name), **policy, {"Honor", "Ignore"}));
      }
    }
    if (!c.matchLabelKeys.empty()) {
      Path keys = at.Child("matchLabelKeys");
      std::set<std::string> selector_keys;
      if (c.labelSelector) {
        for (const auto& [key, value] : c.labelSelector->matchLabels) selector_keys.insert(key);
        for (const auto& requirement : c.labelSelector->matchExpressions) {
          selector_keys.insert(requirement.key);
        }
      } else {
        errors.push_back(Forbidden(keys, "must not be specified when labelSelector is not set"));
      }
      for (size_t k = 0; k < c.matchLabelKeys.size(); ++k) {
        Append(errors, ValidateQualifiedName(c.matchLabelKeys[k], keys.Index(k)));
        if (selector_keys.contains(c.matchLabelKeys[k])) {
          errors.push_back(Invalid(keys.Index(k), c.matchLabelKeys[k],
                                   "exists in both matchLabelKeys and labelSelector"));
        }
      }
    }
    if (c.labelSelector) {
      Append(errors,
             validation::ValidateLabelSelector(*c.labelSelector, at.Child("labelSelector")));
    }
  }
  return errors;
}

// ValidateTolerations.
FieldErrors ValidateTolerations(const std::vector<Toleration>& tolerations, const Path& path) {
  FieldErrors errors;
  for (size_t i = 0; i < tolerations.size(); ++i) {
    const Toleration& t = tolerations[i];
    Path at = path.Index(i);
    if (!t.key.empty()) Append(errors, ValidateQualifiedName(t.key, at.Child("key")));
    if (t.key.empty() && t.operator_ != "Exists") {
      errors.push_back(Invalid(at.Child("operator"), t.operator_,
                               "operator must be Exists when `key` is empty, which means \"match "
                               "all values and all keys\""));
    }
    if (t.tolerationSeconds && t.effect != "NoExecute") {
      errors.push_back(Invalid(at.Child("effect"), t.effect,
                               "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (t.operator_ == "Equal" || t.operator_.empty()) {
      Problems problems = validation::IsValidLabelValue(t.value);
      if (!problems.empty()) {
        errors.push_back(
            Invalid(at.Child("operator"), t.value, validation::JoinProblems(problems, ";")));
      }
    } else if (t.operator_ == "Exists") {
      if (!t.value.empty()) {
        errors.push_back(Invalid(at.Child("operator"), t.value,
                                 "value must be empty when `operator` is 'Exists'"));
      }
    } else {
      errors.push_back(NotSupported(at.Child("operator"), t.operator_, {"Equal", "Exists"}));
    }
    if (!t.effect.empty() && !Contains({"NoSchedule", "PreferNoSchedule", "NoExecute"}, t.effect)) {
      errors.push_back(NotSupported(at.Child("effect"), t.effect,
                                    {"NoSchedule", "PreferNoSchedule", "NoExecute"}));
    }
  }
  return errors;
}

// ValidateHostAliases.
FieldErrors ValidateHostAliases(const std::vector<HostAlias>& aliases, const Path& path) {
  FieldErrors errors;
  for (size_t i = 0; i < aliases.size(); ++i) {
    Append(errors, InvalidEach(validation::IsValidIP(aliases[i].ip), path.Index(i).Child("ip"),
                               aliases[i].ip));
    for (size_t j = 0; j < aliases[i].hostnames.size(); ++j) {
      Append(errors, ValidateDNS1123Subdomain(aliases[i].hostnames[j],
                                              path.Index(i).Child("hostnames").Index(j)));
    }
  }
  return errors;
}

// validateHostUsers: a user namespace cannot be combined with host namespaces.
FieldErrors ValidateHostUsers(const PodSpec& spec, const Path& path) {
  if (!spec.hostUsers || *spec.hostUsers) return {};
  FieldErrors errors;
  constexpr std::string_view kDetail = "when `pod.Spec.HostUsers` is false";
  if (spec.hostNetwork)
    errors.push_back(Forbidden(path.Child("hostNetwork"), std::string(kDetail)));
  if (spec.hostPID) errors.push_back(Forbidden(path.Child("HostPID"), std::string(kDetail)));
  if (spec.hostIPC) errors.push_back(Forbidden(path.Child("HostIPC"), std::string(kDetail)));
  return errors;
}

// validateOS, and validateLinux for Linux pods (Windows pods' rules are not checked).
FieldErrors ValidateOS(const PodSpec& spec, const Path& path) {
  if (!spec.os) return {};
  Path os_path = path.Child("os");
  if (spec.os->name.empty()) return {Required(os_path.Child("name"), "cannot be empty")};
  if (spec.os->name != "linux" && spec.os->name != "windows") {
    return {NotSupported(os_path, spec.os->name, {"linux", "windows"})};
  }
  if (spec.os->name != "linux") return {};
  FieldErrors errors;
  constexpr std::string_view kDetail = "windows options cannot be set for a linux pod";
  if (spec.securityContext && spec.securityContext->windowsOptions) {
    errors.push_back(
        Forbidden(path.Child("securityContext").Child("windowsOptions"), std::string(kDetail)));
  }
  VisitContainersWithPath(spec, path, [&](const std::string&, const auto& sc, const Path& at) {
    if (sc && sc->windowsOptions) {
      errors.push_back(
          Forbidden(at.Child("securityContext").Child("windowsOptions"), std::string(kDetail)));
    }
  });
  return errors;
}

// The pod-level fields ValidatePodSpec checks after the containers.
FieldErrors ValidatePodSpecFields(const PodSpec& spec, const Path& path) {
  FieldErrors errors;
  if (!spec.serviceAccountName.empty()) {
    Append(errors,
           ValidateSubdomainName(spec.serviceAccountName, path.Child("serviceAccountName")));
  }
  if (!spec.nodeName.empty()) {
    Append(errors, ValidateSubdomainName(spec.nodeName, path.Child("nodeName")));
  }
  if (spec.activeDeadlineSeconds) {
    int64_t value = *spec.activeDeadlineSeconds;
    if (value < 1 || value > kMaxInt32) {
      errors.push_back(Invalid(path.Child("activeDeadlineSeconds"), value,
                               validation::InclusiveRangeError(1, kMaxInt32)));
    }
  }
  if (!spec.hostname.empty())
    Append(errors, ValidateDNS1123Label(spec.hostname, path.Child("hostname")));
  if (!spec.subdomain.empty()) {
    Append(errors, ValidateDNS1123Label(spec.subdomain, path.Child("subdomain")));
  }
  Append(errors, ValidateTolerations(spec.tolerations, path.Child("tolerations")));
  Append(errors, ValidateHostAliases(spec.hostAliases, path.Child("hostAliases")));
  if (!spec.priorityClassName.empty()) {
    Append(errors, ValidateSubdomainName(spec.priorityClassName, path.Child("priorityClassName")));
  }
  if (spec.runtimeClassName) {
    Append(errors, ValidateSubdomainName(*spec.runtimeClassName, path.Child("runtimeClassName")));
  }
  if (spec.preemptionPolicy) {
    const std::string& policy = *spec.preemptionPolicy;
    if (policy.empty()) {
      errors.push_back(Required(path.Child("preemptionPolicy")));
    } else if (policy != "PreemptLowerPriority" && policy != "Never") {
      errors.push_back(
          NotSupported(path.Child("preemptionPolicy"), policy, {"PreemptLowerPriority", "Never"}));
    }
  }
  if (!spec.overhead.empty()) {
    Append(errors,
           ValidateContainerResourceRequirements(spec.overhead, {}, path.Child("overhead")));
  }
  Append(errors, ValidateOS(spec, path));
  return errors;
}

// ValidatePodSpec with the given options; `pod_meta` is set for Pods (ephemeral volume names).
FieldErrors ValidatePodSpecWith(const PodSpec& spec, const meta::ObjectMeta* pod_meta,
                                const Path& path, const Options& opts) {
  FieldErrors errors;
  if (!spec.terminationGracePeriodSeconds) {
    errors.push_back(Required(path.Child("terminationGracePeriodSeconds")));
  }
  VolumeMap volumes;
  Append(errors, ValidateVolumes(spec.volumes, pod_meta, path.Child("volumes"), opts, volumes));
  PodContext pod{volumes, spec.terminationGracePeriodSeconds, spec.restartPolicy,
                 !spec.hostUsers || *spec.hostUsers};
  Append(errors, ValidateContainers(spec.containers, pod, path.Child("containers")));
  Append(errors, ValidateInitContainers(spec.initContainers, spec.containers, pod,
                                        path.Child("initContainers")));
  Append(errors, ValidateEphemeralContainers(spec, pod, path.Child("ephemeralContainers")));
  Append(errors, ValidatePodHostNetworkDeps(spec, path, opts));
  Append(errors, ValidateRestartPolicy(spec.restartPolicy, path.Child("restartPolicy")));
  Append(errors, ValidateDNSPolicy(spec.dnsPolicy, path.Child("dnsPolicy")));
  Append(errors, validation::ValidateLabels(spec.nodeSelector, path.Child("nodeSelector")));
  Append(errors, ValidatePodSpecSecurityContext(spec, path.Child("securityContext")));
  Append(errors, ValidateAffinity(spec.affinity, path.Child("affinity")));
  Append(errors, ValidatePodDNSConfig(spec.dnsConfig, spec.dnsPolicy, path.Child("dnsConfig")));
  for (size_t i = 0; i < spec.readinessGates.size(); ++i) {
    Append(errors,
           ValidateQualifiedName(spec.readinessGates[i].conditionType,
                                 path.Child("readinessGates").Index(i).Child("conditionType")));
  }
  std::set<std::string> gates;
  for (size_t i = 0; i < spec.schedulingGates.size(); ++i) {
    Path at = path.Child("schedulingGates").Index(i);
    Append(errors, ValidateQualifiedName(spec.schedulingGates[i].name, at));
    if (!gates.insert(spec.schedulingGates[i].name).second) {
      errors.push_back(Duplicate(at, spec.schedulingGates[i].name));
    }
  }
  Append(errors, ValidateTopologySpreadConstraints(spec.topologySpreadConstraints,
                                                   path.Child("topologySpreadConstraints")));
  Append(errors, ValidateHostUsers(spec, path));
  Append(errors, ValidatePodSpecFields(spec, path));
  return errors;
}

// ---- Annotations
// ---------------------------------------------------------------------------------

// ValidateSeccompProfile: a deprecated seccomp annotation value.
FieldErrors ValidateSeccompProfileAnnotation(const std::string& value, const Path& path) {
  if (value == "runtime/default" || value == "docker/default" || value == "unconfined") return {};
  if (value.starts_with("localhost/")) {
    return ValidateLocalDescendingPath(std::string_view(value).substr(10), path);
  }
  return {Invalid(path, value, "must be a valid seccomp profile")};
}

// ValidateAppArmorPodAnnotations.
FieldErrors ValidateAppArmorPodAnnotations(const Map<std::string>& annotations, const PodSpec& spec,
                                           const Path& path) {
  FieldErrors errors;
  for (const auto& [key, value] : annotations) {
    if (!key.starts_with(kAppArmorContainerPrefix)) continue;
    std::string container = key.substr(kAppArmorContainerPrefix.size());
    bool found = false;
    VisitContainersWithPath(spec, path, [&](const std::string& name, const auto&, const Path&) {
      found |= name == container;
    });
    if (!found) errors.push_back(Invalid(path.Key(key), container, "container not found"));
    if (!value.empty() && value != "runtime/default" && value != "unconfined" &&
        !value.starts_with("localhost/")) {
      errors.push_back(Invalid(path.Key(key), value,
                               "invalid AppArmor profile name: " + validation::GoQuote(value)));
    }
  }
  return errors;
}

// helper.GetDeletionCostFromPodAnnotations' acceptance: a 32-bit integer without '+' or
// leading zeros.
bool IsValidDeletionCost(const std::string& value) {
  if (value.empty()) return false;
  char first = value[0];
  if (!(first == '-' || (first == '0' && value == "0") || (first >= '1' && first <= '9'))) {
    return false;
  }
  size_t digits = first == '-' ? 1 : 0;
  if (digits == value.size()) return false;
  for (size_t i = digits; i < value.size(); ++i) {
    if (value[i] < '0' || value[i] > '9') return false;
  }
  if (value.size() - digits > 10) return false;
  int64_t parsed = std::stoll(value);
  return parsed >= std::numeric_limits<int32_t>::min() && parsed <= kMaxInt32;
}

// ValidatePodSpecificAnnotations (the deprecated tolerations annotation is not checked).
FieldErrors ValidatePodSpecificAnnotations(const Map<std::string>& annotations, const PodSpec& spec,
                                           const Path& path) {
  FieldErrors errors;
  if (auto it = annotations.find(std::string(kMirrorPodAnnotation));
      it != annotations.end() && spec.nodeName.empty()) {
    errors.push_back(Invalid(path.Key(kMirrorPodAnnotation), it->second,
                             "must set spec.nodeName if mirror pod annotation is set"));
  }
  if (auto it = annotations.find(std::string(kPodDeletionCostAnnotation));
      it != annotations.end() && !IsValidDeletionCost(it->second)) {
    errors.push_back(
        Invalid(path.Key(kPodDeletionCostAnnotation), it->second, "must be a 32bit integer"));
  }
  if (auto it = annotations.find(std::string(kSeccompPodAnnotation)); it != annotations.end()) {
    Append(errors, ValidateSeccompProfileAnnotation(it->second, path.Child(kSeccompPodAnnotation)));
  }
  for (const auto& [key, value] : annotations) {
    if (key.starts_with(kSeccompContainerPrefix)) {
      Append(errors, ValidateSeccompProfileAnnotation(value, path.Child(key)));
    }
  }
  Append(errors, ValidateAppArmorPodAnnotations(annotations, spec, path));
  return errors;
}

// validateSeccompAnnotationsAndFieldsMatch.
std::optional<validation::FieldError> SeccompAnnotationMismatch(const std::string& annotation,
                                                                const SeccompProfile& field,
                                                                const Path& path) {
  constexpr std::string_view kTypes = "seccomp type in annotation and field must match";
  if (field.type == "Unconfined" && annotation != "unconfined") {
    return Forbidden(path.Child("type"), std::string(kTypes));
  }
  if (field.type == "RuntimeDefault" && annotation != "runtime/default" &&
      annotation != "docker/default") {
    return Forbidden(path.Child("type"), std::string(kTypes));
  }
  if (field.type == "Localhost") {
    if (!annotation.starts_with("localhost/"))
      return Forbidden(path.Child("type"), std::string(kTypes));
    if (!field.localhostProfile || annotation.substr(10) != *field.localhostProfile) {
      return Forbidden(path.Child("localhostProfile"),
                       "seccomp profile in annotation and field must match");
    }
  }
  return std::nullopt;
}

// validateSeccompAnnotationsAndFields: where both are given they must agree.
FieldErrors ValidateSeccompAnnotationsAndFields(const meta::ObjectMeta& object_meta,
                                                const PodSpec& spec, const Path& path) {
  FieldErrors errors;
  if (spec.securityContext && spec.securityContext->seccompProfile) {
    if (auto it = object_meta.annotations.find(std::string(kSeccompPodAnnotation));
        it != object_meta.annotations.end()) {
      if (auto error =
              SeccompAnnotationMismatch(it->second, *spec.securityContext->seccompProfile,
                                        path.Child("securityContext").Child("seccompProfile"))) {
        errors.push_back(*error);
      }
    }
  }
  VisitContainersWithPath(spec, path, [&](const std::string& name, const auto& sc, const Path& at) {
    if (!sc || !sc->seccompProfile) return;
    auto it = object_meta.annotations.find(std::string(kSeccompContainerPrefix) + name);
    if (it == object_meta.annotations.end()) return;
    if (auto error = SeccompAnnotationMismatch(
            it->second, *sc->seccompProfile, at.Child("securityContext").Child("seccompProfile"))) {
      errors.push_back(*error);
    }
  });
  return errors;
}

// validateAppArmorAnnotationsAndFieldsMatchOnCreate.
FieldErrors ValidateAppArmorAnnotationsAndFieldsMatch(const meta::ObjectMeta& object_meta,
                                                      const PodSpec& spec, const Path& path) {
  if (spec.os && spec.os->name == "windows") return {};
  std::optional<AppArmorProfile> pod_profile;
  if (spec.securityContext) pod_profile = spec.securityContext->appArmorProfile;
  FieldErrors errors;
  VisitContainersWithPath(spec, path, [&](const std::string& name, const auto& sc, const Path& at) {
    std::optional<AppArmorProfile> profile = pod_profile;
    if (sc && sc->appArmorProfile) profile = sc->appArmorProfile;
    if (!profile) return;
    auto it = object_meta.annotations.find(std::string(kAppArmorContainerPrefix) + name);
    if (it == object_meta.annotations.end()) return;
    const std::string& annotation = it->second;
    Path apparmor = at.Child("securityContext").Child("appArmorProfile");
    constexpr std::string_view kTypes = "apparmor type in annotation and field must match";
    if ((profile->type == "Unconfined" && annotation != "unconfined") ||
        (profile->type == "RuntimeDefault" && annotation != "runtime/default") ||
        (profile->type == "Localhost" && !annotation.starts_with("localhost/"))) {
      errors.push_back(Forbidden(apparmor.Child("type"), std::string(kTypes)));
    } else if (profile->type == "Localhost" &&
               (!profile->localhostProfile ||
                annotation.substr(10) != *profile->localhostProfile)) {
      errors.push_back(Forbidden(apparmor.Child("localhostProfile"),
                                 "apparmor profile in annotation and field must match"));
    }
  });
  return errors;
}

// ValidatePodTemplateSpec with the given options.
FieldErrors ValidatePodTemplateSpecWith(const PodTemplateSpec& template_spec, const Path& path,
                                        const Options& opts) {
  FieldErrors errors =
      validation::ValidateLabels(template_spec.metadata.labels, path.Child("labels"));
  Append(errors, validation::ValidateAnnotations(template_spec.metadata.annotations,
                                                 path.Child("annotations")));
  Append(errors, ValidatePodSpecificAnnotations(template_spec.metadata.annotations,
                                                template_spec.spec, path.Child("annotations")));
  Append(errors, ValidatePodSpecWith(template_spec.spec, nullptr, path.Child("spec"), opts));
  Append(errors, ValidateSeccompAnnotationsAndFields(template_spec.metadata, template_spec.spec,
                                                     path.Child("spec")));
  Append(errors, ValidateAppArmorAnnotationsAndFieldsMatch(template_spec.metadata,
                                                           template_spec.spec, path.Child("spec")));
  if (!template_spec.spec.ephemeralContainers.empty()) {
    errors.push_back(Forbidden(path.Child("spec").Child("ephemeralContainers"),
                               "ephemeral containers not allowed in pod template"));
  }
  return errors;
}

}  // namespace

// For specs embedded in other kinds: a template's hostPort may be left 0 and an image volume's
// reference empty. Pods themselves are validated with the Pod options by Validate(const Pod&).
FieldErrors ValidatePodSpec(const PodSpec& spec, const meta::ObjectMeta& pod_meta,
                            const Path& path) {
  return ValidatePodSpecWith(spec, &pod_meta, path, Options{});
}

FieldErrors ValidatePodTemplateSpec(const PodTemplateSpec& template_spec, const Path& path) {
  return ValidatePodTemplateSpecWith(template_spec, path, Options{});
}

// ValidatePodCreate (validatePodMetadataAndSpec and the create-only rules).
FieldErrors Validate(const Pod& object) {
  Path meta_path("metadata");
  Path spec_path("spec");
  const PodSpec& spec = object.spec;
  FieldErrors errors = validation::ValidateObjectMeta(object.metadata, true,
                                                      validation::NameIsDNSSubdomain, meta_path);
  Append(errors, ValidatePodSpecificAnnotations(object.metadata.annotations, spec,
                                                meta_path.Child("annotations")));
  Append(errors,
         ValidatePodSpecWith(spec, &object.metadata, spec_path, Options{.resource_is_pod = true}));
  if (spec.serviceAccountName.empty()) {
    for (size_t v = 0; v < spec.volumes.size(); ++v) {
      if (!spec.volumes[v].projected) continue;
      const auto& sources = spec.volumes[v].projected->sources;
      for (size_t s = 0; s < sources.size(); ++s) {
        if (!sources[s].serviceAccountToken) continue;
        errors.push_back(Forbidden(spec_path.Child("volumes")
                                       .Index(v)
                                       .Child("projected")
                                       .Child("sources")
                                       .Index(s)
                                       .Child("serviceAccountToken"),
                                   "must not be specified when serviceAccountName is not set"));
      }
    }
  }
  for (size_t i = 0; i < spec.containers.size(); ++i) {
    Append(errors,
           ValidateContainerOnlyForPod(spec.containers[i], spec_path.Child("containers").Index(i)));
  }
  for (size_t i = 0; i < spec.initContainers.size(); ++i) {
    Append(errors, ValidateContainerOnlyForPod(spec.initContainers[i],
                                               spec_path.Child("initContainers").Index(i)));
  }
  if (!spec.ephemeralContainers.empty()) {
    errors.push_back(Forbidden(spec_path.Child("ephemeralContainers"), "cannot be set on create"));
  }
  if (!spec.nodeName.empty() && !spec.schedulingGates.empty()) {
    errors.push_back(Forbidden(spec_path.Child("nodeName"),
                               "cannot be set until all schedulingGates have been cleared"));
  }
  Append(errors, ValidateSeccompAnnotationsAndFields(object.metadata, spec, spec_path));
  Append(errors, ValidateAppArmorAnnotationsAndFieldsMatch(object.metadata, spec, spec_path));
  return errors;
}

// ValidatePodTemplate.
FieldErrors Validate(const PodTemplate& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  Append(errors, ValidatePodTemplateSpec(object.template_, Path("template")));
  return errors;
}

// ValidatePodBinding, after the metadata every kind validates.
FieldErrors Validate(const Binding& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  const ObjectReference& target = object.target;
  if (!target.kind.empty() && target.kind != "Node") {
    errors.push_back(NotSupported(Path("target").Child("kind"), target.kind, {"Node", "<empty>"}));
  }
  if (target.name.empty()) errors.push_back(Required(Path("target").Child("name")));
  return errors;
}

}  // namespace kref::api::core
