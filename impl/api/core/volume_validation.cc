// Pod volume validation (validateVolumes and each volume source's rules in
// pkg/apis/core/validation), and the downward API field selectors that volumes and environment
// variables share.
#include <algorithm>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/core/internal/pod_validation.h"
#include "impl/api/core/internal/validation_helpers.h"
#include "impl/api/core/ops.h"

namespace kref::api::core::internal {
namespace {

using validation::Append;
using validation::BadValue;
using validation::Duplicate;
using validation::FieldErrors;
using validation::Forbidden;
using validation::Invalid;
using validation::NotSupported;
using validation::Path;
using validation::Required;

constexpr std::string_view kFileModeErrorMsg =
    "must be a number between 0 and 0777 (octal), both inclusive";
constexpr std::string_view kMoreThanOneVolume = "may not specify more than 1 volume type";

void ValidateFileMode(const std::optional<int32_t>& mode, const Path& path, FieldErrors& errors) {
  if (mode && (*mode > 0777 || *mode < 0)) {
    errors.push_back(Invalid(path, *mode, std::string(kFileModeErrorMsg)));
  }
}

// ---- Paths and downward API field selectors -------------------------------------------------

// ValidateLocalNonReservedPath: also not starting with "..".
FieldErrors ValidateLocalNonReservedPath(std::string_view target, const Path& path) {
  FieldErrors errors = ValidateLocalDescendingPath(target, path);
  if (target.starts_with("..") && !target.starts_with("../")) {
    errors.push_back(Invalid(path, target, "must not start with '..'"));
  }
  return errors;
}

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

// ---- Volume sources -------------------------------------------------------------------------

// validateKeyToPath.
FieldErrors ValidateKeyToPath(const KeyToPath& kp, const Path& path) {
  FieldErrors errors;
  if (kp.key.empty()) errors.push_back(Required(path.Child("key")));
  if (kp.path.empty()) errors.push_back(Required(path.Child("path")));
  Append(errors, ValidateLocalNonReservedPath(kp.path, path.Child("path")));
  ValidateFileMode(kp.mode, path.Child("mode"), errors);
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

// The iqn, eui or naa name of an iSCSI target or initiator.
void ValidateIscsiName(const std::string& name, const Path& path, FieldErrors& errors) {
  if (!name.starts_with("iqn") && !name.starts_with("eui") && !name.starts_with("naa")) {
    errors.push_back(Invalid(path, name, "must be valid format starting with iqn, eui, or naa"));
  } else if (!IsValidIscsiName(name)) {
    errors.push_back(Invalid(path, name, "must be valid format"));
  }
}

// validateISCSIVolumeSource.
FieldErrors ValidateISCSIVolumeSource(const ISCSIVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.targetPortal.empty()) errors.push_back(Required(path.Child("targetPortal")));
  if (source.iqn.empty()) {
    errors.push_back(Required(path.Child("iqn")));
  } else {
    ValidateIscsiName(source.iqn, path.Child("iqn"), errors);
  }
  if (source.lun < 0 || source.lun > 255) {
    errors.push_back(
        Invalid(path.Child("lun"), source.lun, validation::InclusiveRangeError(0, 255)));
  }
  if ((source.chapAuthDiscovery || source.chapAuthSession) && !source.secretRef) {
    errors.push_back(Required(path.Child("secretRef")));
  }
  if (source.initiatorName) {
    ValidateIscsiName(*source.initiatorName, path.Child("initiatorname"), errors);
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
  sources.Add(v.flexVolume.has_value(), "flexVolume", [&] {
    return ValidateFlexVolume(v.flexVolume->driver, v.flexVolume->options,
                              path.Child("flexVolume"));
  });
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

}  // namespace

// validateLocalDescendingPath: relative, without "..".
FieldErrors ValidateLocalDescendingPath(std::string_view target, const Path& path) {
  FieldErrors errors;
  if (target.starts_with('/')) errors.push_back(Invalid(path, target, "must be a relative path"));
  Append(errors, ValidatePathNoBacksteps(target, path));
  return errors;
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

}  // namespace kref::api::core::internal
