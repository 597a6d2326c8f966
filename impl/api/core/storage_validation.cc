// PersistentVolume and PersistentVolumeClaim create validation, as pkg/apis/core/validation
// (ValidatePersistentVolume, ValidatePersistentVolumeClaim and ValidatePersistentVolumeClaimSpec,
// which pods' ephemeral volumes use too, v1.32).
#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/core/internal/validation_helpers.h"
#include "impl/api/core/ops.h"

namespace kref::api::core {
namespace {

using internal::Contains;
using internal::IsValidIscsiName;
using internal::ValidateCoreObjectMeta;
using internal::ValidateCSIDriverName;
using internal::ValidateDNS1123Label;
using internal::ValidateDNS1123Subdomain;
using internal::ValidateFCVolumeSource;
using internal::ValidateFlexVolume;
using internal::ValidateHostPathVolumeSource;
using internal::ValidateNFSVolumeSource;
using internal::ValidateNodeSelector;
using internal::ValidatePathNoBacksteps;
using internal::ValidateResourceQuantityValue;
using internal::ValidateSubdomainName;
using validation::Append;
using validation::BadValue;
using validation::FieldErrors;
using validation::Forbidden;
using validation::GoQuote;
using validation::Invalid;
using validation::InvalidPerProblem;
using validation::NotSupported;
using validation::Path;
using validation::Required;

// ---- Go renderings of bad values (%#v upstream) ---------------------------------------------

// A resource.Quantity as %#v prints it, derived from the canonical text: an int64Amount and
// the cached string when ParseQuantity would keep it.
std::string GoQuantity(const Quantity& quantity) {
  std::string text = quantity.ToString();
  size_t digits_end = text.find_first_not_of("-0123456789");
  std::string number = text.substr(0, digits_end);
  std::string suffix = digits_end == std::string::npos ? "" : text.substr(digits_end);
  int64_t value = std::stoll(number);
  int scale = 0;
  std::string format = "DecimalSI";
  bool keeps_text = true;
  static constexpr std::array<std::string_view, 6> kBinary = {"Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
  static constexpr std::array<std::string_view, 10> kDecimal = {"n", "u", "m", "",  "k",
                                                                "M", "G", "T", "P", "E"};
  if (auto it = std::find(kBinary.begin(), kBinary.end(), suffix); it != kBinary.end()) {
    format = "BinarySI";
    keeps_text = (value & 0x07) != 0;
    value <<= 10 * (it - kBinary.begin() + 1);
  } else if (auto dec = std::find(kDecimal.begin(), kDecimal.end(), suffix);
             dec != kDecimal.end()) {
    scale = 3 * static_cast<int>(dec - kDecimal.begin()) - 9;
  } else {
    format = "DecimalExponent";
    scale = std::stoi(suffix.substr(1));
    keeps_text = scale % 3 == 0;
  }
  keeps_text = keeps_text && number != "0" && !number.ends_with("000");
  return "resource.Quantity{i:resource.int64Amount{value:" + std::to_string(value) +
         ", scale:" + std::to_string(scale) +
         "}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:" + GoQuote(keeps_text ? text : "") +
         ", Format:\"" + format + "\"}";
}

// core.ResourceList{"storage":resource.Quantity{...}}, or core.ResourceList(nil) when empty.
std::string GoResourceList(const Map<Quantity>& list) {
  if (list.empty()) return "core.ResourceList(nil)";
  std::string out = "core.ResourceList{";
  bool first = true;
  for (const auto& [name, quantity] : list) {
    out += (first ? "" : ", ") + GoQuote(name) + ":" + GoQuantity(quantity);
    first = false;
  }
  return out + "}";
}

// A *field.Path as a bad value: dereferenced, it has no String method, so Go prints the struct
// (its parent pointer as an address).
std::string GoFieldPath(std::string_view name) {
  return "field.Path{name:" + GoQuote(name) + ", index:\"\", parent:(*field.Path)(0xc000000000)}";
}

// ---- Quantities -----------------------------------------------------------------------------

// ValidatePositiveQuantityValue.
FieldErrors ValidatePositiveQuantityValue(const Quantity& quantity, const Path& path) {
  if (quantity.Sign() > 0) return {};
  return {Invalid(path, quantity.ToString(), "must be greater than zero")};
}

// validateBasicResource.
FieldErrors ValidateBasicResource(const Quantity& quantity, const Path& path) {
  if (quantity.Value() >= 0) return {};
  return {Invalid(path, quantity.Value(), "must be a valid resource quantity")};
}

// ---- PersistentVolume sources ---------------------------------------------------------------

// validateLocalVolumeSource.
FieldErrors ValidateLocalSource(const LocalVolumeSource& source, const Path& path) {
  if (source.path.empty()) return {Required(path.Child("path"))};
  return ValidatePathNoBacksteps(source.path, path.Child("path"));
}

// validatePVSecretReference.
FieldErrors ValidatePVSecretReference(const SecretReference& ref, const Path& path) {
  FieldErrors errors;
  if (ref.name.empty()) {
    errors.push_back(Required(path.Child("name")));
  } else {
    Append(errors, ValidateDNS1123Subdomain(ref.name, path.Child("name")));
  }
  if (ref.namespace_.empty()) {
    errors.push_back(Required(path.Child("namespace")));
  } else {
    Append(errors, ValidateDNS1123Label(ref.namespace_, path.Child("namespace")));
  }
  return errors;
}

// validateCSIPersistentVolumeSource (with ValidateCSIDriverName).
FieldErrors ValidateCSISource(const CSIPersistentVolumeSource& source, const Path& path) {
  FieldErrors errors = ValidateCSIDriverName(source.driver, path.Child("driver"));
  if (source.volumeHandle.empty()) errors.push_back(Required(path.Child("volumeHandle")));
  const std::pair<const std::optional<SecretReference>*, const char*> refs[] = {
      {&source.controllerPublishSecretRef, "controllerPublishSecretRef"},
      {&source.controllerExpandSecretRef, "controllerExpandSecretRef"},
      {&source.nodePublishSecretRef, "nodePublishSecretRef"},
      {&source.nodeExpandSecretRef, "nodeExpandSecretRef"},
  };
  for (const auto& [ref, name] : refs) {
    if (*ref) Append(errors, ValidatePVSecretReference(**ref, path.Child(name)));
  }
  return errors;
}

// validateISCSIPersistentVolumeSource.
FieldErrors ValidateISCSISource(const ISCSIPersistentVolumeSource& source,
                                const std::string& pv_name, const Path& path) {
  FieldErrors errors;
  if (source.targetPortal.empty()) errors.push_back(Required(path.Child("targetPortal")));
  if (source.initiatorName && pv_name.size() + 1 + source.targetPortal.size() > 64) {
    errors.push_back(Invalid(path.Child("targetportal"), source.targetPortal,
                             "Total length of <volume name>:<iscsi.targetPortal> must be under 64 "
                             "characters if iscsi.initiatorName is specified."));
  }
  if (source.iqn.empty()) {
    errors.push_back(Required(path.Child("iqn")));
  } else if (!IsValidIscsiName(source.iqn)) {
    errors.push_back(Invalid(path.Child("iqn"), source.iqn, "must be valid format"));
  }
  if (source.lun < 0 || source.lun > 255) {
    errors.push_back(
        Invalid(path.Child("lun"), source.lun, validation::InclusiveRangeError(0, 255)));
  }
  if ((source.chapAuthDiscovery || source.chapAuthSession) && !source.secretRef) {
    errors.push_back(Required(path.Child("secretRef")));
  }
  if (source.secretRef && source.secretRef->name.empty()) {
    errors.push_back(Required(path.Child("secretRef").Child("name")));
  }
  if (source.initiatorName && !IsValidIscsiName(*source.initiatorName)) {
    errors.push_back(
        Invalid(path.Child("initiatorname"), *source.initiatorName, "must be valid format"));
  }
  return errors;
}

// validateRBDPersistentVolumeSource.
FieldErrors ValidateRBDSource(const RBDPersistentVolumeSource& source, const Path& path) {
  FieldErrors errors;
  if (source.monitors.empty()) errors.push_back(Required(path.Child("monitors")));
  if (source.image.empty()) errors.push_back(Required(path.Child("image")));
  return errors;
}

// validateCephFSPersistentVolumeSource.
FieldErrors ValidateCephFSSource(const CephFSPersistentVolumeSource& source, const Path& path) {
  if (source.monitors.empty()) return {Required(path.Child("monitors"))};
  return {};
}

// validateGlusterfsPersistentVolumeSource.
FieldErrors ValidateGlusterfsSource(const GlusterfsPersistentVolumeSource& source,
                                    const Path& path) {
  FieldErrors errors;
  if (source.endpoints.empty()) errors.push_back(Required(path.Child("endpoints")));
  if (source.path.empty()) errors.push_back(Required(path.Child("path")));
  if (source.endpointsNamespace) {
    const std::string& ns = *source.endpointsNamespace;
    Path at = path.Child("endpointsNamespace");
    if (ns.empty()) {
      errors.push_back(
          Invalid(at, ns, "if the endpointnamespace is set, it must be a valid namespace name"));
    } else {
      Append(errors, InvalidPerProblem(validation::NameIsDNSLabel(ns, false), at, ns));
    }
  }
  return errors;
}

// The volume source part of ValidatePersistentVolumeSpec: exactly one source, each validated
// (the retired cloud and vendor sources only counted). Paths are upstream's, including its
// "persistentDisk", "cephFS" and "cephfs" spellings.
class PVSourceValidator {
 public:
  PVSourceValidator(const PersistentVolumeSpec& spec, const std::string& pv_name,
                    bool node_affinity_set, const Path& path)
      : spec_(spec), pv_name_(pv_name), node_affinity_set_(node_affinity_set), path_(path) {}

  FieldErrors Run() {
    Source(spec_.hostPath, "hostPath", "hostPath", ValidateHostPathVolumeSource);
    Count(spec_.gcePersistentDisk, "gcePersistentDisk");
    Count(spec_.awsElasticBlockStore, "awsElasticBlockStore");
    Source(spec_.glusterfs, "glusterfs", "glusterfs", ValidateGlusterfsSource);
    Count(spec_.flocker, "flocker");
    Source(spec_.nfs, "nfs", "nfs", ValidateNFSVolumeSource);
    Source(spec_.rbd, "rbd", "rbd", ValidateRBDSource);
    Count(spec_.quobyte, "quobyte");
    Source(spec_.cephfs, "cephFS", "cephfs", ValidateCephFSSource);
    if (spec_.iscsi && Take("iscsi")) {
      Append(errors_, ValidateISCSISource(*spec_.iscsi, pv_name_, path_.Child("iscsi")));
    }
    Count(spec_.cinder, "cinder");
    Source(spec_.fc, "fc", "fc", ValidateFCVolumeSource);
    if (spec_.flexVolume) {  // upstream never rejects flexVolume as a second source
      ++count_;
      Append(errors_, ValidateFlexVolume(spec_.flexVolume->driver, spec_.flexVolume->options,
                                         path_.Child("flexVolume")));
    }
    Count(spec_.azureFile, "azureFile");
    Count(spec_.vsphereVolume, "vsphereVolume");
    Count(spec_.photonPersistentDisk, "photonPersistentDisk");
    Count(spec_.portworxVolume, "portworxVolume");
    Count(spec_.azureDisk, "azureDisk");
    Count(spec_.scaleIO, "scaleIO");
    if (spec_.local && Take("local")) {
      Append(errors_, ValidateLocalSource(*spec_.local, path_.Child("local")));
      if (!node_affinity_set_) {
        errors_.push_back(
            Required(path_.Child("nodeAffinity"), "Local volume requires node affinity"));
      }
    }
    Count(spec_.storageos, "storageos");
    Source(spec_.csi, "csi", "csi", ValidateCSISource);
    if (count_ == 0) errors_.push_back(Required(path_, "must specify a volume type"));
    return std::move(errors_);
  }

 private:
  // Counts a source; false (with the error) when another one came first.
  bool Take(const char* name) {
    if (count_ > 0) {
      errors_.push_back(Forbidden(path_.Child(name), "may not specify more than 1 volume type"));
      return false;
    }
    ++count_;
    return true;
  }

  template <class T>
  void Count(const std::optional<T>& source, const char* name) {
    if (source) Take(name);
  }

  template <class T, class F>
  void Source(const std::optional<T>& source, const char* name, const char* child, F validate) {
    if (source && Take(name)) Append(errors_, validate(*source, path_.Child(child)));
  }

  const PersistentVolumeSpec& spec_;
  const std::string& pv_name_;
  bool node_affinity_set_;
  Path path_;
  int count_ = 0;
  FieldErrors errors_;
};

const std::vector<std::string> kAccessModes = {"ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce",
                                               "ReadWriteOncePod"};

// The access mode rules shared by volumes and claims.
FieldErrors ValidateAccessModes(const std::vector<std::string>& modes, const Path& path) {
  FieldErrors errors;
  bool once_pod = false;
  bool other = false;
  for (const std::string& mode : modes) {
    bool supported =
        std::find(kAccessModes.begin(), kAccessModes.end(), mode) != kAccessModes.end();
    if (!supported) errors.push_back(NotSupported(path, mode, kAccessModes));
    if (mode == "ReadWriteOncePod") {
      once_pod = true;
    } else if (supported) {
      other = true;
    }
  }
  if (once_pod && other) {
    errors.push_back(Forbidden(path, "may not use ReadWriteOncePod with other access modes"));
  }
  return errors;
}

// ValidatePersistentVolumeSpec (not inline; the VolumeAttributesClass gate off).
FieldErrors ValidatePersistentVolumeSpec(const PersistentVolumeSpec& spec,
                                         const std::string& pv_name) {
  Path path("spec");
  FieldErrors errors;
  if (spec.accessModes.empty()) errors.push_back(Required(path.Child("accessModes")));
  Append(errors, ValidateAccessModes(spec.accessModes, path.Child("accessModes")));
  Path capacity = path.Child("capacity");
  if (spec.capacity.empty()) errors.push_back(Required(capacity));
  if (!spec.capacity.contains("storage") || spec.capacity.size() > 1) {
    errors.push_back(
        NotSupported(capacity, BadValue::Raw(GoResourceList(spec.capacity)), {"storage"}));
  }
  for (const auto& [name, quantity] : spec.capacity) {
    Append(errors, ValidateBasicResource(quantity, capacity.Key(name)));
    Append(errors, ValidatePositiveQuantityValue(quantity, capacity.Key(name)));
  }
  const std::string& policy = spec.persistentVolumeReclaimPolicy;
  if (!policy.empty() && !Contains({"Delete", "Recycle", "Retain"}, policy)) {
    errors.push_back(NotSupported(path.Child("persistentVolumeReclaimPolicy"), policy,
                                  {"Delete", "Recycle", "Retain"}));
  }
  bool node_affinity_set = spec.nodeAffinity.has_value();
  if (spec.nodeAffinity) {
    Path affinity = path.Child("nodeAffinity").Child("required");
    if (spec.nodeAffinity->required) {
      Append(errors, ValidateNodeSelector(*spec.nodeAffinity->required, affinity));
    } else {
      errors.push_back(Required(affinity, "must specify required node constraints"));
    }
  }
  Append(errors, PVSourceValidator(spec, pv_name, node_affinity_set, path).Run());
  if (spec.hostPath && policy == "Recycle") {
    std::string cleaned = spec.hostPath->path;
    while (cleaned.size() > 1 && cleaned.ends_with('/')) cleaned.pop_back();
    if (cleaned == "/") {
      errors.push_back(Forbidden(path.Child("persistentVolumeReclaimPolicy"),
                                 "may not be 'recycle' for a hostPath mount of '/'"));
    }
  }
  if (!spec.storageClassName.empty()) {
    Append(errors, ValidateSubdomainName(spec.storageClassName, path.Child("storageClassName")));
  }
  if (spec.volumeMode && *spec.volumeMode != "Block" && *spec.volumeMode != "Filesystem") {
    errors.push_back(
        NotSupported(path.Child("volumeMode"), *spec.volumeMode, {"Block", "Filesystem"}));
  }
  return errors;
}

// checkMountOption (pkg/volume/validation): the deprecated mount-options annotation only for the
// volume types that take mount options.
FieldErrors ValidateMountOptionAnnotation(const PersistentVolume& pv) {
  const PersistentVolumeSpec& s = pv.spec;
  bool supported = s.gcePersistentDisk || s.awsElasticBlockStore || s.glusterfs || s.nfs || s.rbd ||
                   s.quobyte || s.iscsi || s.cinder || s.cephfs || s.azureFile || s.vsphereVolume ||
                   s.azureDisk || s.photonPersistentDisk || s.csi;
  const std::string key = "volume.beta.kubernetes.io/mount-options";
  if (supported || !pv.metadata.annotations.contains(key)) return {};
  return {Forbidden(Path("metadata").Child("annotations").Child(key),
                    "may not specify mount options for this volume type")};
}

// validateDataSource and validateDataSourceRef: the fields they share.
FieldErrors ValidateDataSourceFields(const std::optional<std::string>& api_group,
                                     const std::string& kind, const std::string& name,
                                     const Path& path) {
  FieldErrors errors;
  if (name.empty()) errors.push_back(Required(path.Child("name")));
  if (kind.empty()) errors.push_back(Required(path.Child("kind")));
  std::string group = api_group.value_or("");
  if (group.empty() && kind != "PersistentVolumeClaim") {
    errors.push_back(Invalid(
        path, kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  }
  if (!group.empty()) {
    Append(errors,
           InvalidPerProblem(validation::IsDNS1123Subdomain(group), path.Child("apiGroup"), group));
  }
  return errors;
}

}  // namespace

// ValidatePersistentVolume, and the volume plugin check the strategy adds.
validation::FieldErrors Validate(const PersistentVolume& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, false, validation::NameIsDNSSubdomain);
  Append(errors, ValidatePersistentVolumeSpec(object.spec, object.metadata.name));
  Append(errors, ValidateMountOptionAnnotation(object));
  return errors;
}

// ValidatePersistentVolumeClaimSpec (create options; the VolumeAttributesClass gate off).
validation::FieldErrors ValidatePersistentVolumeClaimSpec(const PersistentVolumeClaimSpec& spec,
                                                          const validation::Path& path) {
  FieldErrors errors;
  if (spec.accessModes.empty()) {
    errors.push_back(Required(path.Child("accessModes"), "at least 1 access mode is required"));
  }
  if (spec.selector) {
    Append(errors, validation::ValidateLabelSelector(*spec.selector, path.Child("selector")));
  }
  Append(errors, ValidateAccessModes(spec.accessModes, path.Child("accessModes")));
  Path storage = path.Child("resources").Key("storage");
  auto requested = spec.resources.requests.find("storage");
  if (requested == spec.resources.requests.end()) {
    errors.push_back(Required(storage));
  } else if (FieldErrors positive = ValidatePositiveQuantityValue(requested->second, storage);
             !positive.empty()) {
    Append(errors, std::move(positive));
  } else {
    Append(errors, ValidateResourceQuantityValue("storage", requested->second, storage));
  }
  if (spec.storageClassName && !spec.storageClassName->empty()) {
    Append(errors, ValidateSubdomainName(*spec.storageClassName, path.Child("storageClassName")));
  }
  if (spec.volumeMode && *spec.volumeMode != "Block" && *spec.volumeMode != "Filesystem") {
    errors.push_back(
        NotSupported(path.Child("volumeMode"), *spec.volumeMode, {"Block", "Filesystem"}));
  }
  if (const auto& source = spec.dataSource) {
    Append(errors, ValidateDataSourceFields(source->apiGroup, source->kind, source->name,
                                            path.Child("dataSource")));
  }
  if (const auto& ref = spec.dataSourceRef) {
    Path at = path.Child("dataSourceRef");
    Append(errors, ValidateDataSourceFields(ref->apiGroup, ref->kind, ref->name, at));
    if (ref->namespace_ && !ref->namespace_->empty()) {
      Append(errors, InvalidPerProblem(validation::NameIsDNSLabel(*ref->namespace_, false),
                                       at.Child("namespace"), *ref->namespace_));
    }
  }
  const auto& ref = spec.dataSourceRef;
  if (ref && ref->namespace_ && !ref->namespace_->empty()) {
    if (spec.dataSource) {
      errors.push_back(Invalid(path, BadValue::Raw(GoFieldPath("dataSource")),
                               "may not be specified when dataSourceRef.namespace is specified"));
    }
  } else if (spec.dataSource && ref &&
             (spec.dataSource->apiGroup != ref->apiGroup || spec.dataSource->kind != ref->kind ||
              spec.dataSource->name != ref->name)) {
    errors.push_back(
        Invalid(path, BadValue::Raw(GoFieldPath("dataSource")), "must match dataSourceRef"));
  }
  return errors;
}

// ValidatePersistentVolumeClaim.
validation::FieldErrors Validate(const PersistentVolumeClaim& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  Append(errors, ValidatePersistentVolumeClaimSpec(object.spec, Path("spec")));
  return errors;
}

}  // namespace kref::api::core
