// Pod, PodTemplate and Binding: scheme defaults (pkg/apis/core/v1/defaults.go and the generated
// recursion of zz_generated.defaults.go) and what the registry strategies do on create
// (pkg/registry/core/pod/strategy.go, pkg/registry/core/podtemplate/strategy.go).
#include <chrono>
#include <limits>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <string_view>

#include "impl/api/core/ops.h"

namespace kref::api::core {
namespace {

constexpr std::string_view kAppArmorAnnotationPrefix =
    "container.apparmor.security.beta.kubernetes.io/";

// ---- Image references ----------------------------------------------------------------------

// A path component of a docker reference: lowercase alphanumerics joined by '.', '_', '__' or
// runs of '-'.
bool IsImagePathComponent(const std::string& component) {
  static const std::regex kComponent("[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*");
  return std::regex_match(component, kComponent);
}

bool IsImageDomain(const std::string& domain) {
  static const std::regex kDomain(
      "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
      "(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?");
  return std::regex_match(domain, kDomain);
}

// The tag of an image reference as upstream's parsers.ParseImageName sees it: the explicit
// tag, "latest" when there is neither tag nor digest, "" when there is only a digest. nullopt
// when the reference does not parse (docker's ParseNormalizedNamed).
std::optional<std::string> ImageTag(std::string_view image) {
  static const std::regex kTag("[\\w][\\w.-]{0,127}");
  std::string name(image);
  std::string digest;
  if (size_t at = name.find('@'); at != std::string::npos) {
    digest = name.substr(at + 1);
    name.resize(at);
    if (digest.find(':') == std::string::npos) return std::nullopt;
  }
  std::string tag;
  size_t last_slash = name.rfind('/');
  size_t last_colon = name.rfind(':');
  if (last_colon != std::string::npos &&
      (last_slash == std::string::npos || last_colon > last_slash)) {
    tag = name.substr(last_colon + 1);
    name.resize(last_colon);
    if (!std::regex_match(tag, kTag)) return std::nullopt;
  }
  if (name.empty() || name.size() > 255) return std::nullopt;
  std::string path = name;
  if (size_t slash = name.find('/'); slash != std::string::npos) {
    std::string first = name.substr(0, slash);
    if (first.find_first_of(".:") != std::string::npos || first == "localhost") {
      if (!IsImageDomain(first)) return std::nullopt;
      path = name.substr(slash + 1);
    }
  }
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    std::string component = path.substr(start, slash == std::string::npos ? slash : slash - start);
    if (!IsImagePathComponent(component)) return std::nullopt;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  if (tag.empty() && digest.empty()) tag = "latest";
  return tag;
}

// Always for ":latest" (explicit or implied), IfNotPresent otherwise, as SetDefaults_Container.
std::string DefaultPullPolicy(std::string_view image) {
  std::optional<std::string> tag = ImageTag(image);
  return tag && *tag == "latest" ? "Always" : "IfNotPresent";
}

// ---- Leaf defaults -------------------------------------------------------------------------

// SetDefaults_ResourceList: quantities are rounded up to milli precision.
void DefaultResourceList(Map<Quantity>& list) {
  for (auto& [name, quantity] : list) {
    int64_t milli = quantity.MilliValue();
    if (milli == std::numeric_limits<int64_t>::max() ||
        milli == std::numeric_limits<int64_t>::min()) {
      continue;
    }
    Quantity rounded = Quantity::FromMilli(milli, quantity.format());
    if (rounded != quantity) quantity = rounded;
  }
}

// SetDefaults_ObjectFieldSelector.
void DefaultFieldRef(std::optional<ObjectFieldSelector>& ref) {
  if (ref && ref->apiVersion.empty()) ref->apiVersion = "v1";
}

// SetDefaults_HTTPGetAction.
void DefaultHTTPGet(std::optional<HTTPGetAction>& action) {
  if (!action) return;
  if (action->path.empty()) action->path = "/";
  if (action->scheme.empty()) action->scheme = "HTTP";
}

// SetDefaults_Probe, with its HTTP handler.
void DefaultProbe(std::optional<Probe>& probe) {
  if (!probe) return;
  if (probe->timeoutSeconds == 0) probe->timeoutSeconds = 1;
  if (probe->periodSeconds == 0) probe->periodSeconds = 10;
  if (probe->successThreshold == 0) probe->successThreshold = 1;
  if (probe->failureThreshold == 0) probe->failureThreshold = 3;
  DefaultHTTPGet(probe->httpGet);
}

void DefaultLifecycle(std::optional<Lifecycle>& lifecycle) {
  if (!lifecycle) return;
  if (lifecycle->postStart) DefaultHTTPGet(lifecycle->postStart->httpGet);
  if (lifecycle->preStop) DefaultHTTPGet(lifecycle->preStop->httpGet);
}

// SetDefaults_Container (and SetDefaults_EphemeralContainer) with the generated recursion into
// ports, env, resources, probes and lifecycle handlers.
template <class C>
void DefaultContainer(C& container) {
  if (container.imagePullPolicy.empty()) {
    container.imagePullPolicy = DefaultPullPolicy(container.image);
  }
  if (container.terminationMessagePath.empty()) {
    container.terminationMessagePath = "/dev/termination-log";
  }
  if (container.terminationMessagePolicy.empty()) container.terminationMessagePolicy = "File";
  for (ContainerPort& port : container.ports) {
    if (port.protocol.empty()) port.protocol = "TCP";
  }
  for (EnvVar& env : container.env) {
    if (env.valueFrom) DefaultFieldRef(env.valueFrom->fieldRef);
  }
  DefaultResourceList(container.resources.limits);
  DefaultResourceList(container.resources.requests);
  DefaultProbe(container.livenessProbe);
  DefaultProbe(container.readinessProbe);
  DefaultProbe(container.startupProbe);
  DefaultLifecycle(container.lifecycle);
}

// ---- Volumes -------------------------------------------------------------------------------

// Whether the volume names no source at all (ptr.AllPtrFieldsNil on the VolumeSource).
bool HasNoSource(const Volume& v) {
  return !v.hostPath && !v.emptyDir && !v.gcePersistentDisk && !v.awsElasticBlockStore &&
         !v.gitRepo && !v.secret && !v.nfs && !v.iscsi && !v.glusterfs &&
         !v.persistentVolumeClaim && !v.rbd && !v.flexVolume && !v.cinder && !v.cephfs &&
         !v.flocker && !v.downwardAPI && !v.fc && !v.azureFile && !v.configMap &&
         !v.vsphereVolume && !v.quobyte && !v.azureDisk && !v.photonPersistentDisk &&
         !v.projected && !v.portworxVolume && !v.scaleIO && !v.storageos && !v.csi &&
         !v.ephemeral && !v.image;
}

// SetDefaults_Volume: no source means an emptyDir; an image volume gets a pull policy.
void DefaultVolumeSource(Volume& volume) {
  if (HasNoSource(volume)) volume.emptyDir.emplace();
  if (volume.image && volume.image->pullPolicy.empty()) {
    volume.image->pullPolicy = DefaultPullPolicy(volume.image->reference);
  }
}

void DefaultFileModes(Volume& volume) {
  constexpr int32_t kDefaultMode = 0644;
  if (volume.secret && !volume.secret->defaultMode) volume.secret->defaultMode = kDefaultMode;
  if (volume.configMap && !volume.configMap->defaultMode) {
    volume.configMap->defaultMode = kDefaultMode;
  }
  if (volume.downwardAPI) {
    if (!volume.downwardAPI->defaultMode) volume.downwardAPI->defaultMode = kDefaultMode;
    for (DownwardAPIVolumeFile& file : volume.downwardAPI->items) DefaultFieldRef(file.fieldRef);
  }
  if (volume.projected) {
    if (!volume.projected->defaultMode) volume.projected->defaultMode = kDefaultMode;
    for (VolumeProjection& source : volume.projected->sources) {
      if (source.downwardAPI) {
        for (DownwardAPIVolumeFile& file : source.downwardAPI->items) {
          DefaultFieldRef(file.fieldRef);
        }
      }
      // SetDefaults_ServiceAccountTokenProjection: one hour.
      if (source.serviceAccountToken && !source.serviceAccountToken->expirationSeconds) {
        source.serviceAccountToken->expirationSeconds = 3600;
      }
    }
  }
}

// The deprecated in-tree plugins' defaults (SetDefaults_ISCSIVolumeSource, _RBDVolumeSource,
// _AzureDiskVolumeSource, _ScaleIOVolumeSource) and SetDefaults_HostPathVolumeSource.
void DefaultPluginSources(Volume& volume) {
  if (volume.hostPath && !volume.hostPath->type) volume.hostPath->type = "";
  if (volume.iscsi && volume.iscsi->iscsiInterface.empty()) {
    volume.iscsi->iscsiInterface = "default";
  }
  if (volume.rbd) {
    if (volume.rbd->pool.empty()) volume.rbd->pool = "rbd";
    if (volume.rbd->user.empty()) volume.rbd->user = "admin";
    if (volume.rbd->keyring.empty()) volume.rbd->keyring = "/etc/ceph/keyring";
  }
  if (volume.azureDisk) {
    AzureDiskVolumeSource& disk = *volume.azureDisk;
    if (!disk.cachingMode) disk.cachingMode = "ReadWrite";
    if (!disk.kind) disk.kind = "Shared";
    if (!disk.fsType) disk.fsType = "ext4";
    if (!disk.readOnly) disk.readOnly = false;
  }
  if (volume.scaleIO) {
    if (volume.scaleIO->storageMode.empty()) volume.scaleIO->storageMode = "ThinProvisioned";
    if (volume.scaleIO->fsType.empty()) volume.scaleIO->fsType = "xfs";
  }
}

// A generic ephemeral volume's claim template gets the claim spec defaults
// (SetDefaults_PersistentVolumeClaimSpec and the resource rounding).
void DefaultEphemeralClaim(Volume& volume) {
  if (!volume.ephemeral || !volume.ephemeral->volumeClaimTemplate) return;
  PersistentVolumeClaimSpec& spec = volume.ephemeral->volumeClaimTemplate->spec;
  if (!spec.volumeMode) spec.volumeMode = "Filesystem";
  DefaultResourceList(spec.resources.limits);
  DefaultResourceList(spec.resources.requests);
}

void DefaultVolume(Volume& volume) {
  DefaultVolumeSource(volume);
  DefaultFileModes(volume);
  DefaultPluginSources(volume);
  DefaultEphemeralClaim(volume);
}

// ---- Pod-only defaults (SetDefaults_Pod) ---------------------------------------------------

// Requests default to limits for every resource that has a limit and no request.
void DefaultRequestsFromLimits(std::vector<Container>& containers) {
  for (Container& container : containers) {
    for (const auto& [name, limit] : container.resources.limits) {
      container.resources.requests.try_emplace(name, limit);
    }
  }
}

// defaultHostNetworkPorts: with host networking a port's hostPort is its containerPort.
void DefaultHostNetworkPorts(std::vector<Container>& containers) {
  for (Container& container : containers) {
    for (ContainerPort& port : container.ports) {
      if (port.hostPort == 0) port.hostPort = port.containerPort;
    }
  }
}

// ---- PrepareForCreate helpers (pod strategy) -------------------------------------------------

bool IsQoSResource(const std::string& name) { return name == "cpu" || name == "memory"; }

// qos.ComputePodQOS over containers and init containers. Requests are taken as the API server
// sees them after defaulting (a limit without a request counts as the request), so the result
// does not depend on whether SetDefaults ran first.
std::string ComputePodQOS(const PodSpec& spec) {
  Map<Quantity> requests;
  Map<Quantity> limits;
  bool guaranteed = true;
  auto visit = [&](const Container& container) {
    Map<Quantity> effective = container.resources.requests;
    for (const auto& [name, limit] : container.resources.limits) effective.try_emplace(name, limit);
    for (const auto& [name, quantity] : effective) {
      if (!IsQoSResource(name) || quantity.Sign() <= 0) continue;
      auto [it, inserted] = requests.try_emplace(name, quantity);
      if (!inserted) it->second.Add(quantity);
    }
    std::set<std::string> limits_found;
    for (const auto& [name, quantity] : container.resources.limits) {
      if (!IsQoSResource(name) || quantity.Sign() <= 0) continue;
      limits_found.insert(name);
      auto [it, inserted] = limits.try_emplace(name, quantity);
      if (!inserted) it->second.Add(quantity);
    }
    if (limits_found.size() != 2) guaranteed = false;
  };
  for (const Container& container : spec.containers) visit(container);
  for (const Container& container : spec.initContainers) visit(container);
  if (requests.empty() && limits.empty()) return "BestEffort";
  if (guaranteed) {
    for (const auto& [name, request] : requests) {
      auto it = limits.find(name);
      if (it == limits.end() || !(it->second == request)) {
        guaranteed = false;
        break;
      }
    }
  }
  return guaranteed && requests.size() == limits.size() ? "Guaranteed" : "Burstable";
}

// applySchedulingGatedCondition: a gated pod starts with PodScheduled=False/SchedulingGated.
void ApplySchedulingGatedCondition(Pod& pod) {
  if (pod.spec.schedulingGates.empty()) return;
  for (const PodCondition& condition : pod.status.conditions) {
    if (condition.type == "PodScheduled") return;
  }
  PodCondition condition;
  condition.type = "PodScheduled";
  condition.status = "False";
  condition.reason = "SchedulingGated";
  condition.message = "Scheduling is blocked due to non-empty scheduling gates";
  condition.lastTransitionTime = Time::FromTimePoint(std::chrono::system_clock::now());
  pod.status.conditions.push_back(std::move(condition));
}

// applyLabelKeysToLabelSelector: each listed key the pod has becomes `key <op> (value)`.
void ApplyLabelKeys(meta::LabelSelector& selector, const std::vector<std::string>& keys,
                    const char* op, const Map<std::string>& pod_labels) {
  for (const std::string& key : keys) {
    auto it = pod_labels.find(key);
    if (it == pod_labels.end()) continue;
    meta::LabelSelectorRequirement requirement;
    requirement.key = key;
    requirement.operator_ = op;
    requirement.values = {it->second};
    selector.matchExpressions.push_back(std::move(requirement));
  }
}

// applyMatchLabelKeysAndMismatchLabelKeys.
void ApplyMatchLabelKeys(PodAffinityTerm& term, const Map<std::string>& pod_labels) {
  if ((term.matchLabelKeys.empty() && term.mismatchLabelKeys.empty()) || !term.labelSelector) {
    return;
  }
  ApplyLabelKeys(*term.labelSelector, term.matchLabelKeys, "In", pod_labels);
  ApplyLabelKeys(*term.labelSelector, term.mismatchLabelKeys, "NotIn", pod_labels);
}

template <class A>
void ApplyMatchLabelKeysToAffinity(A& affinity, const Map<std::string>& pod_labels) {
  for (WeightedPodAffinityTerm& weighted :
       affinity.preferredDuringSchedulingIgnoredDuringExecution) {
    ApplyMatchLabelKeys(weighted.podAffinityTerm, pod_labels);
  }
  for (PodAffinityTerm& term : affinity.requiredDuringSchedulingIgnoredDuringExecution) {
    ApplyMatchLabelKeys(term, pod_labels);
  }
}

// mutatePodAffinity (MatchLabelKeysInPodAffinity, on by default in 1.32).
void MutatePodAffinity(Pod& pod) {
  if (!pod.spec.affinity) return;
  if (pod.spec.affinity->podAffinity) {
    ApplyMatchLabelKeysToAffinity(*pod.spec.affinity->podAffinity, pod.metadata.labels);
  }
  if (pod.spec.affinity->podAntiAffinity) {
    ApplyMatchLabelKeysToAffinity(*pod.spec.affinity->podAntiAffinity, pod.metadata.labels);
  }
}

// podutil.ApparmorFieldForAnnotation: the profile a deprecated annotation value names.
std::optional<AppArmorProfile> AppArmorFieldForAnnotation(const std::string& annotation) {
  AppArmorProfile profile;
  if (annotation == "unconfined") {
    profile.type = "Unconfined";
  } else if (annotation == "runtime/default") {
    profile.type = "RuntimeDefault";
  } else if (annotation.starts_with("localhost/")) {
    std::string name = annotation.substr(std::string_view("localhost/").size());
    if (name.empty()) return std::nullopt;
    // ValidateAppArmorProfileField rejects padded profiles; such a value is not copied.
    if (name.find_first_not_of(" \t\n\r\f\v") != 0 ||
        name.find_last_not_of(" \t\n\r\f\v") != name.size() - 1 || name.size() > 4095) {
      return std::nullopt;
    }
    profile.type = "Localhost";
    profile.localhostProfile = name;
  } else {
    return std::nullopt;
  }
  return profile;
}

// applyAppArmorVersionSkew: a container's deprecated AppArmor annotation becomes its
// appArmorProfile field when the field is unset and differs from the pod's profile.
void ApplyAppArmorVersionSkew(Pod& pod) {
  if (pod.spec.os && pod.spec.os->name == "windows") return;
  std::optional<AppArmorProfile> pod_profile;
  if (pod.spec.securityContext) pod_profile = pod.spec.securityContext->appArmorProfile;
  auto visit = [&](auto& container) {
    auto it =
        pod.metadata.annotations.find(std::string(kAppArmorAnnotationPrefix) + container.name);
    if (it == pod.metadata.annotations.end()) return;
    if (container.securityContext && container.securityContext->appArmorProfile) return;
    std::optional<AppArmorProfile> field = AppArmorFieldForAnnotation(it->second);
    if (!field || field == pod_profile) return;
    if (!container.securityContext) container.securityContext.emplace();
    container.securityContext->appArmorProfile = std::move(field);
  };
  for (Container& container : pod.spec.initContainers) visit(container);
  for (Container& container : pod.spec.containers) visit(container);
  for (EphemeralContainer& container : pod.spec.ephemeralContainers) visit(container);
}

}  // namespace

// SetDefaults_PodSpec and the generated recursion into volumes and containers.
void SetDefaults(PodSpec& spec) {
  if (spec.dnsPolicy.empty()) spec.dnsPolicy = "ClusterFirst";
  if (spec.restartPolicy.empty()) spec.restartPolicy = "Always";
  if (!spec.securityContext) spec.securityContext.emplace();
  if (!spec.terminationGracePeriodSeconds) spec.terminationGracePeriodSeconds = 30;
  if (spec.schedulerName.empty()) spec.schedulerName = "default-scheduler";
  for (Volume& volume : spec.volumes) DefaultVolume(volume);
  for (Container& container : spec.initContainers) DefaultContainer(container);
  for (Container& container : spec.containers) DefaultContainer(container);
  for (EphemeralContainer& container : spec.ephemeralContainers) DefaultContainer(container);
  DefaultResourceList(spec.overhead);
  if (spec.resources) {
    DefaultResourceList(spec.resources->limits);
    DefaultResourceList(spec.resources->requests);
  }
}

// SetObjectDefaults_PodTemplate's recursion: the spec only (SetDefaults_Pod is for Pods).
void SetDefaults(PodTemplateSpec& template_spec) { SetDefaults(template_spec.spec); }

// SetObjectDefaults_Pod: SetDefaults_Pod, then the pod spec.
void SetDefaults(Pod& object) {
  PodSpec& spec = object.spec;
  DefaultRequestsFromLimits(spec.containers);
  DefaultRequestsFromLimits(spec.initContainers);
  if (!spec.enableServiceLinks) spec.enableServiceLinks = true;
  if (spec.hostNetwork) {
    DefaultHostNetworkPorts(spec.containers);
    DefaultHostNetworkPorts(spec.initContainers);
  }
  SetDefaults(spec);
}

void SetDefaults(PodTemplate& object) { SetDefaults(object.template_); }

void SetDefaults(Binding& object) {}

// podStrategy.PrepareForCreate: a new pod is Pending with its QoS class (qos.GetPodQOS keeps a
// class the client already set), gated pods get their condition, affinity terms get the
// selectors their matchLabelKeys/mismatchLabelKeys name, and AppArmor annotations become fields.
void PrepareForCreate(Pod& object) {
  std::string qos_class = object.status.qosClass;
  if (qos_class.empty()) qos_class = ComputePodQOS(object.spec);
  object.status = PodStatus{};
  object.status.phase = "Pending";
  object.status.qosClass = std::move(qos_class);
  ApplySchedulingGatedCondition(object);
  MutatePodAffinity(object);
  ApplyAppArmorVersionSkew(object);
}

// podTemplateStrategy.PrepareForCreate.
void PrepareForCreate(PodTemplate& object) { object.metadata.generation = 1; }

// Bindings are not stored; nothing to prepare.
void PrepareForCreate(Binding& object) {}

}  // namespace kref::api::core
