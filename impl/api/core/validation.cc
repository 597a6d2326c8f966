// Create validation for the core/v1 kinds other than the pod kinds, with upstream's field paths
// and messages (pkg/apis/core/validation/validation.go and events.go, as of v1.32): Namespace,
// Node, ConfigMap, Secret, ServiceAccount, Event, ReplicationController, LimitRange and
// ResourceQuota. Services and Endpoints are in service_validation.cc, PersistentVolumes and
// claims in storage_validation.cc.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/core/internal/go_json.h"
#include "impl/api/core/internal/validation_helpers.h"
#include "impl/api/core/ops.h"
#include "impl/api/labels.h"

namespace kref::api::core {
namespace {

using internal::Contains;
using internal::IsIPv6Address;
using internal::IsOvercommitAllowed;
using internal::IsStandardQuotaResourceName;
using internal::Unqualified;
using internal::ValidateContainerResourceName;
using internal::ValidateCoreObjectMeta;
using internal::ValidateKubeFinalizerName;
using internal::ValidateQualifiedName;
using internal::ValidateResourceName;
using internal::ValidateResourceQuantityValue;
using validation::Append;
using validation::BadValue;
using validation::Duplicate;
using validation::FieldError;
using validation::FieldErrors;
using validation::Forbidden;
using validation::GoQuote;
using validation::InternalError;
using validation::Invalid;
using validation::InvalidPerProblem;
using validation::NotSupported;
using validation::Path;
using validation::Problems;
using validation::Required;

constexpr int64_t kMaxSecretSize = 1024 * 1024;

// ---- Go renderings of bad values (%#v upstream) ---------------------------------------------

// A string slice of a named type: []core.ResourceQuotaScope{"A", "B"}, or (nil) when empty.
std::string GoSlice(std::string_view type, const std::vector<std::string>& values) {
  if (values.empty()) return "[]" + std::string(type) + "(nil)";
  std::string out = "[]" + std::string(type) + "{";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + GoQuote(values[i]);
  return out + "}";
}

// core.Taint{...}. A set timeAdded is a pointer upstream, printed as an address.
std::string GoTaint(const Taint& taint) {
  return "core.Taint{Key:" + GoQuote(taint.key) + ", Value:" + GoQuote(taint.value) +
         ", Effect:" + GoQuote(taint.effect) + ", TimeAdded:(*v1.Time)(" +
         (taint.timeAdded ? "0xc000000000" : "nil") + ")}";
}

// core.ScopeSelector{MatchExpressions:[]core.ScopedResourceSelectorRequirement{...}} (only
// reported for a selector with expressions).
std::string GoScopeSelector(const ScopeSelector& selector) {
  std::string out = "core.ScopeSelector{MatchExpressions:[]core.ScopedResourceSelectorRequirement{";
  for (size_t i = 0; i < selector.matchExpressions.size(); ++i) {
    const ScopedResourceSelectorRequirement& r = selector.matchExpressions[i];
    out += (i ? ", " : "") + std::string("core.ScopedResourceSelectorRequirement{ScopeName:") +
           GoQuote(r.scopeName) + ", Operator:" + GoQuote(r.operator_) +
           ", Values:" + GoSlice("string", r.values) + "}";
  }
  return out + "}}";
}

// ---- Node -----------------------------------------------------------------------------------

// validateTaintEffect (empty not allowed).
FieldErrors ValidateTaintEffect(const std::string& effect, const Path& path) {
  if (effect.empty()) return {Required(path)};
  if (effect == "NoSchedule" || effect == "PreferNoSchedule" || effect == "NoExecute") return {};
  return {NotSupported(path, effect, {"NoSchedule", "PreferNoSchedule", "NoExecute"})};
}

// validateNodeTaints: key, value and effect of each taint; unique by (key, effect).
FieldErrors ValidateNodeTaints(const std::vector<Taint>& taints, const Path& path) {
  FieldErrors errors;
  std::set<std::pair<std::string, std::string>> seen;
  for (size_t i = 0; i < taints.size(); ++i) {
    const Taint& taint = taints[i];
    Path at = path.Index(i);
    Append(errors, ValidateQualifiedName(taint.key, at.Child("key")));
    Problems value_problems = validation::IsValidLabelValue(taint.value);
    if (!value_problems.empty()) {
      errors.push_back(
          Invalid(at.Child("value"), taint.value, validation::JoinProblems(value_problems, ";")));
    }
    Append(errors, ValidateTaintEffect(taint.effect, at.Child("effect")));
    if (!seen.insert({taint.effect, taint.key}).second) {
      FieldError duplicate = Duplicate(at, BadValue::Raw(GoTaint(taint)));
      duplicate.detail = "taints must be unique by key and effect pair";
      errors.push_back(std::move(duplicate));
    }
  }
  return errors;
}

// ValidateNodeResources: capacity and allocatable quantities (paths use Child, as upstream).
FieldErrors ValidateNodeResources(const NodeStatus& status) {
  FieldErrors errors;
  for (const auto& [name, quantity] : status.capacity) {
    Append(errors, ValidateResourceQuantityValue(name, quantity,
                                                 Path("status").Child("capacity").Child(name)));
  }
  for (const auto& [name, quantity] : status.allocatable) {
    Append(errors, ValidateResourceQuantityValue(name, quantity,
                                                 Path("status").Child("allocatable").Child(name)));
  }
  return errors;
}

// The podCIDRs part of ValidateNode: valid CIDRs, at most one per IP family, no duplicates.
FieldErrors ValidatePodCIDRs(const std::vector<std::string>& cidrs) {
  Path path = Path("spec").Child("podCIDRs");
  FieldErrors errors;
  for (size_t i = 0; i < cidrs.size(); ++i) {
    Append(errors, InvalidPerProblem(validation::IsValidCIDR(cidrs[i]), path.Index(i), cidrs[i]));
  }
  if (cidrs.size() <= 1) return errors;
  bool v4 = false;
  bool v6 = false;
  for (size_t i = 0; i < cidrs.size(); ++i) {
    if (!validation::IsValidCIDR(cidrs[i]).empty()) {
      errors.push_back(InternalError(
          path, "invalid PodCIDRs. failed to check with dual stack with error:invalid CIDR[" +
                    std::to_string(i) + "]: <nil> (invalid CIDR address: " + cidrs[i] + ")"));
      v4 = v6 = false;
      break;
    }
    (IsIPv6Address(cidrs[i].substr(0, cidrs[i].find('/'))) ? v6 : v4) = true;
  }
  if (!(v4 && v6) || cidrs.size() > 2) {
    errors.push_back(Invalid(path, cidrs, "may specify no more than one CIDR for each IP family"));
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < cidrs.size(); ++i) {
    if (!seen.insert(cidrs[i]).second) errors.push_back(Duplicate(path.Index(i), cidrs[i]));
  }
  return errors;
}

// ---- LimitRange -----------------------------------------------------------------------------

// validateLimitRangeTypeName.
FieldErrors ValidateLimitRangeTypeName(const std::string& type, const Path& path) {
  FieldErrors errors = ValidateQualifiedName(type, path);
  if (errors.empty() && Unqualified(type) &&
      !Contains({"Pod", "Container", "PersistentVolumeClaim"}, type)) {
    errors.push_back(Invalid(path, type, "must be a standard limit type or fully qualified"));
  }
  return errors;
}

// validateLimitRangeResourceName.
FieldErrors ValidateLimitRangeResourceName(const std::string& type, const std::string& name,
                                           const Path& path) {
  if (type == "Pod" || type == "Container") return ValidateContainerResourceName(name, path);
  return ValidateResourceName(name, path);
}

// Go's %f.
std::string FormatFloat(double value) {
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  if (std::isnan(value)) return "NaN";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%f", value);
  return buffer;
}

// The per-resource comparisons of ValidateLimitRange for one item and one resource.
FieldErrors ValidateLimitRangeResource(const LimitRangeItem& item, const std::string& name,
                                       const Path& path) {
  auto find = [&](const Map<Quantity>& list) -> const Quantity* {
    auto it = list.find(name);
    return it == list.end() ? nullptr : &it->second;
  };
  const Quantity* min = find(item.min);
  const Quantity* max = find(item.max);
  const Quantity* def = item.type == "Pod" ? nullptr : find(item.default_);
  const Quantity* def_request = item.type == "Pod" ? nullptr : find(item.defaultRequest);
  const Quantity* ratio = find(item.maxLimitRequestRatio);
  auto at = [&](const char* list) { return path.Child(list).Key(name); };
  auto str = [](const Quantity* q) { return q->ToString(); };
  FieldErrors errors;
  if (min && max && *min > *max) {
    errors.push_back(Invalid(at("min"), BadValue::Raw(str(min)),
                             "min value " + str(min) + " is greater than max value " + str(max)));
  }
  if (def_request && min && *min > *def_request) {
    errors.push_back(Invalid(
        at("defaultRequest"), BadValue::Raw(str(def_request)),
        "min value " + str(min) + " is greater than default request value " + str(def_request)));
  }
  if (def_request && max && *def_request > *max) {
    errors.push_back(Invalid(
        at("defaultRequest"), BadValue::Raw(str(def_request)),
        "default request value " + str(def_request) + " is greater than max value " + str(max)));
  }
  if (def_request && def && *def_request > *def) {
    errors.push_back(Invalid(at("defaultRequest"), BadValue::Raw(str(def_request)),
                             "default request value " + str(def_request) +
                                 " is greater than default limit value " + str(def)));
  }
  if (def && min && *min > *def) {
    errors.push_back(
        Invalid(at("default"), BadValue::Raw(str(min)),
                "min value " + str(min) + " is greater than default value " + str(def)));
  }
  if (def && max && *def > *max) {
    errors.push_back(
        Invalid(at("default"), BadValue::Raw(str(max)),
                "default value " + str(def) + " is greater than max value " + str(max)));
  }
  if (ratio && *ratio < Quantity::FromInt(1)) {
    errors.push_back(Invalid(at("maxLimitRequestRatio"), BadValue::Raw(str(ratio)),
                             "ratio " + str(ratio) + " is less than 1"));
  }
  if (ratio && min && max) {
    constexpr int64_t kMaxMilliValue = std::numeric_limits<int64_t>::max() / 1000;
    double ratio_value = static_cast<double>(ratio->Value());
    int64_t min_value = min->Value();
    int64_t max_value = max->Value();
    if (ratio->Value() < kMaxMilliValue && min_value < kMaxMilliValue &&
        max_value < kMaxMilliValue) {
      ratio_value = static_cast<double>(ratio->MilliValue()) / 1000;
      min_value = min->MilliValue();
      max_value = max->MilliValue();
    }
    double limit = static_cast<double>(max_value) / static_cast<double>(min_value);
    if (ratio_value > limit) {
      errors.push_back(
          Invalid(at("maxLimitRequestRatio"), BadValue::Raw(str(ratio)),
                  "ratio " + str(ratio) + " is greater than max/min = " + FormatFloat(limit)));
    }
  }
  if (!IsOvercommitAllowed(name) && def && def_request && !(*def == *def_request)) {
    errors.push_back(Invalid(at("defaultRequest"), BadValue::Raw(str(def_request)),
                             "default value " + str(def) + " must equal to defaultRequest value " +
                                 str(def_request) + " in " + name));
  }
  return errors;
}

// One item of ValidateLimitRange.
FieldErrors ValidateLimitRangeItem(const LimitRangeItem& item, const Path& path) {
  FieldErrors errors;
  std::set<std::string> keys;
  auto names = [&](const Map<Quantity>& list, const char* field) {
    for (const auto& [name, quantity] : list) {
      Append(errors, ValidateLimitRangeResourceName(item.type, name, path.Child(field).Key(name)));
      keys.insert(name);
    }
  };
  names(item.max, "max");
  names(item.min, "min");
  if (item.type == "Pod") {
    const std::string not_for_pod = "may not be specified when `type` is 'Pod'";
    if (!item.default_.empty()) errors.push_back(Forbidden(path.Child("default"), not_for_pod));
    if (!item.defaultRequest.empty()) {
      errors.push_back(Forbidden(path.Child("defaultRequest"), not_for_pod));
    }
  } else {
    names(item.default_, "default");
    names(item.defaultRequest, "defaultRequest");
  }
  if (item.type == "PersistentVolumeClaim" && !item.min.contains("storage") &&
      !item.max.contains("storage")) {
    errors.push_back(Required(path.Child("limits"),
                              "either minimum or maximum storage value is required, but neither "
                              "was provided"));
  }
  names(item.maxLimitRequestRatio, "maxLimitRequestRatio");
  for (const std::string& name : keys) {
    Append(errors, ValidateLimitRangeResource(item, name, path));
  }
  return errors;
}

// ---- ResourceQuota --------------------------------------------------------------------------

bool IsStandardResourceQuotaScope(std::string_view scope) {
  return Contains({"Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass",
                   "CrossNamespacePodAffinity"},
                  scope);
}

// helper.IsResourceQuotaScopeValidForResource.
bool IsResourceQuotaScopeValidForResource(std::string_view scope, std::string_view resource) {
  bool pod_count = resource == "pods";
  bool pod_compute =
      Contains({"cpu", "memory", "limits.cpu", "limits.memory", "requests.cpu", "requests.memory"},
               resource);
  if (Contains({"Terminating", "NotTerminating", "NotBestEffort", "PriorityClass",
                "CrossNamespacePodAffinity"},
               scope)) {
    return pod_count || pod_compute;
  }
  if (scope == "BestEffort") return pod_count;
  return true;
}

// The scope pairs no quota may hold together.
bool ConflictingScopes(const std::set<std::string>& scopes) {
  return (scopes.contains("BestEffort") && scopes.contains("NotBestEffort")) ||
         (scopes.contains("Terminating") && scopes.contains("NotTerminating"));
}

// validateResourceQuotaScopes.
FieldErrors ValidateResourceQuotaScopes(const ResourceQuotaSpec& spec, const Path& path) {
  if (spec.scopes.empty()) return {};
  Path at = path.Child("scopes");
  BadValue value = BadValue::Raw(GoSlice("core.ResourceQuotaScope", spec.scopes));
  FieldErrors errors;
  for (const std::string& scope : spec.scopes) {
    if (!IsStandardResourceQuotaScope(scope))
      errors.push_back(Invalid(at, value, "unsupported scope"));
    for (const auto& [name, quantity] : spec.hard) {
      if (IsStandardQuotaResourceName(name) && !IsResourceQuotaScopeValidForResource(scope, name)) {
        errors.push_back(Invalid(at, value, "unsupported scope applied to resource"));
      }
    }
  }
  if (ConflictingScopes(std::set<std::string>(spec.scopes.begin(), spec.scopes.end()))) {
    errors.push_back(Invalid(at, value, "conflicting scopes"));
  }
  return errors;
}

// validateScopedResourceSelectorRequirement.
FieldErrors ValidateScopeSelector(const ResourceQuotaSpec& spec, const Path& path) {
  if (!spec.scopeSelector) return {};
  Path at = path.Child("scopeSelector").Child("matchExpressions");
  FieldErrors errors;
  std::set<std::string> scopes;
  for (const ScopedResourceSelectorRequirement& req : spec.scopeSelector->matchExpressions) {
    if (!IsStandardResourceQuotaScope(req.scopeName)) {
      errors.push_back(Invalid(at.Child("scopeName"), req.scopeName, "unsupported scope"));
    }
    for (const auto& [name, quantity] : spec.hard) {
      if (IsStandardQuotaResourceName(name) &&
          !IsResourceQuotaScopeValidForResource(req.scopeName, name)) {
        errors.push_back(Invalid(at, BadValue::Raw(GoScopeSelector(*spec.scopeSelector)),
                                 "unsupported scope applied to resource"));
      }
    }
    if (Contains({"BestEffort", "NotBestEffort", "Terminating", "NotTerminating",
                  "CrossNamespacePodAffinity"},
                 req.scopeName) &&
        req.operator_ != "Exists") {
      errors.push_back(Invalid(at.Child("operator"), req.operator_,
                               "must be 'Exists' when scope is any of "
                               "ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, "
                               "ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or "
                               "ResourceQuotaScopeCrossNamespacePodAffinity"));
    }
    if (req.operator_ == "In" || req.operator_ == "NotIn") {
      if (req.values.empty()) {
        errors.push_back(Required(at.Child("values"),
                                  "must be at least one value when `operator` is 'In' or 'NotIn' "
                                  "for scope selector"));
      }
    } else if (req.operator_ == "Exists" || req.operator_ == "DoesNotExist") {
      if (!req.values.empty()) {
        errors.push_back(Invalid(at.Child("values"), req.values,
                                 "must be no value when `operator` is 'Exist' or 'DoesNotExist' "
                                 "for scope selector"));
      }
    } else {
      errors.push_back(
          Invalid(at.Child("operator"), req.operator_, "not a valid selector operator"));
    }
    scopes.insert(req.scopeName);
  }
  if (ConflictingScopes(scopes)) {
    errors.push_back(Invalid(at, BadValue::Raw(GoSlice("core.ResourceQuotaScope", spec.scopes)),
                             "conflicting scopes"));
  }
  return errors;
}

// ValidateResourceQuotaResourceName.
FieldErrors ValidateResourceQuotaResourceName(const std::string& name, const Path& path) {
  FieldErrors errors = ValidateResourceName(name, path);
  if (Unqualified(name) && !IsStandardQuotaResourceName(name)) {
    errors.push_back(Invalid(path, name, "must be a standard resource for quota"));
  }
  return errors;
}

// The resource lists of ValidateResourceQuotaSpec and ValidateResourceQuotaStatus.
FieldErrors ValidateQuotaResourceList(const Map<Quantity>& list, const Path& path) {
  FieldErrors errors;
  for (const auto& [name, quantity] : list) {
    Append(errors, ValidateResourceQuotaResourceName(name, path.Key(name)));
    Append(errors, ValidateResourceQuantityValue(name, quantity, path.Key(name)));
  }
  return errors;
}

// ---- Secret ---------------------------------------------------------------------------------

// The type-specific keys of ValidateSecret, on the merged data.
FieldErrors ValidateSecretType(const Secret& secret, const Map<std::string>& data) {
  Path path("data");
  const std::string& type = secret.type;
  FieldErrors errors;
  if (type == "kubernetes.io/service-account-token") {
    const std::string key = "kubernetes.io/service-account.name";
    auto it = secret.metadata.annotations.find(key);
    if (it == secret.metadata.annotations.end() || it->second.empty()) {
      errors.push_back(Required(Path("metadata").Child("annotations").Key(key)));
    }
  } else if (type == "kubernetes.io/dockercfg" || type == "kubernetes.io/dockerconfigjson") {
    std::string key = type == "kubernetes.io/dockercfg" ? ".dockercfg" : ".dockerconfigjson";
    auto it = data.find(key);
    if (it == data.end()) {
      errors.push_back(Required(path.Key(key)));
    } else if (std::optional<std::string> error = internal::GoJsonUnmarshalMapError(it->second)) {
      errors.push_back(Invalid(path.Key(key), "<secret contents redacted>", *error));
    }
  } else if (type == "kubernetes.io/basic-auth") {
    if (!data.contains("username") && !data.contains("password")) {
      errors.push_back(Required(path.Key("username")));
      errors.push_back(Required(path.Key("password")));
    }
  } else if (type == "kubernetes.io/ssh-auth") {
    auto it = data.find("ssh-privatekey");
    if (it == data.end() || it->second.empty()) {
      errors.push_back(Required(path.Key("ssh-privatekey")));
    }
  } else if (type == "kubernetes.io/tls") {
    if (!data.contains("tls.crt")) errors.push_back(Required(path.Key("tls.crt")));
    if (!data.contains("tls.key")) errors.push_back(Required(path.Key("tls.key")));
  }
  return errors;
}

// ---- Event ----------------------------------------------------------------------------------

// legacyValidateEvent: what core/v1 Events must satisfy.
FieldErrors LegacyValidateEvent(const Event& event) {
  FieldErrors errors;
  const std::string& ns = event.metadata.namespace_;
  const std::string& involved_ns = event.involvedObject.namespace_;
  Path involved = Path("involvedObject").Child("namespace");
  const std::string mismatch = "does not match event.namespace";
  if (event.eventTime.IsZero()) {
    bool ok = involved_ns.empty() ? (ns.empty() || ns == "default") : ns == involved_ns;
    if (!ok) errors.push_back(Invalid(involved, involved_ns, mismatch));
  } else {
    if (involved_ns.empty() && ns != "default" && ns != "kube-system") {
      errors.push_back(Invalid(involved, involved_ns, mismatch));
    }
    auto required_and_short = [&](const std::string& value, const char* field, size_t limit) {
      if (value.empty()) errors.push_back(Required(Path(field)));
      if (value.size() > limit) {
        errors.push_back(
            Invalid(Path(field), "", "can have at most " + std::to_string(limit) + " characters"));
      }
    };
    if (event.reportingComponent.empty()) errors.push_back(Required(Path("reportingController")));
    Append(errors, ValidateQualifiedName(event.reportingComponent, Path("reportingController")));
    required_and_short(event.reportingInstance, "reportingInstance", 128);
    required_and_short(event.action, "action", 128);
    required_and_short(event.reason, "reason", 128);
    if (event.message.size() > 1024) {
      errors.push_back(Invalid(Path("message"), "", "can have at most 1024 characters"));
    }
  }
  Append(errors, InvalidPerProblem(validation::IsDNS1123Subdomain(ns), Path("namespace"), ns));
  return errors;
}

// ---- ReplicationController ------------------------------------------------------------------

// ValidatePodTemplateSpecForRC.
FieldErrors ValidatePodTemplateSpecForRC(const std::optional<PodTemplateSpec>& template_spec,
                                         const Map<std::string>& selector, const Path& path) {
  if (!template_spec) return {Required(path)};
  FieldErrors errors;
  if (!selector.empty() &&
      !labels::Selector::FromSet(selector).Matches(template_spec->metadata.labels)) {
    errors.push_back(
        validation::SelectorDoesNotMatchTemplate(template_spec->metadata.labels, path));
  }
  Append(errors, ValidatePodTemplateSpec(*template_spec, path));
  Append(errors, ValidateLongRunningPodSpec(template_spec->spec, "ReplicationController",
                                            path.Child("spec")));
  return errors;
}

}  // namespace

// ---- Kinds ----------------------------------------------------------------------------------

// ValidateNamespace: cluster-scoped DNS label names, qualified or standard spec finalizers (the
// path has no index upstream).
validation::FieldErrors Validate(const Namespace& object) {
  FieldErrors errors = ValidateCoreObjectMeta(object.metadata, false, validation::NameIsDNSLabel);
  Path path = Path("spec").Child("finalizers");
  for (const std::string& finalizer : object.spec.finalizers) {
    Append(errors, ValidateQualifiedName(finalizer, path));
    Append(errors, ValidateKubeFinalizerName(finalizer, path));
  }
  return errors;
}

// ValidateNode. The taints path starts at metadata, as upstream's does. A podCIDR given alone
// counts as podCIDRs (the v1 to internal conversion).
validation::FieldErrors Validate(const Node& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, false, validation::NameIsDNSSubdomain);
  Append(errors, ValidateNodeTaints(object.spec.taints, Path("metadata").Child("taints")));
  Append(errors, ValidateNodeResources(object.status));
  std::vector<std::string> cidrs = object.spec.podCIDRs;
  if (cidrs.empty() && !object.spec.podCIDR.empty()) cidrs.push_back(object.spec.podCIDR);
  if (!cidrs.empty()) Append(errors, ValidatePodCIDRs(cidrs));
  return errors;
}

// ValidateConfigMap: keys, no key in both data and binaryData, total size.
validation::FieldErrors Validate(const ConfigMap& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  int64_t total = 0;
  for (const auto& [key, value] : object.data) {
    Path at = Path("data").Key(key);
    Append(errors, InvalidPerProblem(validation::IsConfigMapKey(key), at, key));
    if (object.binaryData.contains(key)) {
      errors.push_back(Invalid(at, key, "duplicate of key present in binaryData"));
    }
    total += static_cast<int64_t>(value.size());
  }
  for (const auto& [key, value] : object.binaryData) {
    Append(errors,
           InvalidPerProblem(validation::IsConfigMapKey(key), Path("binaryData").Key(key), key));
    total += static_cast<int64_t>(value.data.size());
  }
  if (total > kMaxSecretSize) errors.push_back(validation::TooLong(Path(""), kMaxSecretSize));
  return errors;
}

// ValidateSecret, on data with stringData merged in as the API server stores it.
validation::FieldErrors Validate(const Secret& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  Map<std::string> data;
  for (const auto& [key, value] : object.data) data[key] = value.data;
  for (const auto& [key, value] : object.stringData) data[key] = value;
  int64_t total = 0;
  for (const auto& [key, value] : data) {
    Append(errors, InvalidPerProblem(validation::IsConfigMapKey(key), Path("data").Key(key), key));
    total += static_cast<int64_t>(value.size());
  }
  if (total > kMaxSecretSize) errors.push_back(validation::TooLong(Path("data"), kMaxSecretSize));
  Append(errors, ValidateSecretType(object, data));
  return errors;
}

// ValidateServiceAccount checks the metadata only.
validation::FieldErrors Validate(const ServiceAccount& object) {
  return ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
}

// ValidateEventCreate for core/v1: legacyValidateEvent; the metadata rules (path segment names)
// run after it, as the generic create path does once the strategy's validation passed.
validation::FieldErrors Validate(const Event& object) {
  FieldErrors errors = LegacyValidateEvent(object);
  if (!errors.empty()) return errors;
  return ValidateCoreObjectMeta(object.metadata, true, validation::NameIsPathSegment);
}

// ValidateReplicationController.
validation::FieldErrors Validate(const ReplicationController& object) {
  const ReplicationControllerSpec& spec = object.spec;
  Path path("spec");
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  Append(errors,
         validation::ValidateNonnegative(spec.minReadySeconds, path.Child("minReadySeconds")));
  if (spec.selector.empty()) errors.push_back(Required(path.Child("selector")));
  Append(errors,
         validation::ValidateNonnegative(spec.replicas.value_or(0), path.Child("replicas")));
  Append(errors,
         ValidatePodTemplateSpecForRC(spec.template_, spec.selector, path.Child("template")));
  return errors;
}

// ValidateLimitRange: item types (unique), resource names, and the ordering of min, default
// request, default, max and the limit/request ratio.
validation::FieldErrors Validate(const LimitRange& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  std::set<std::string> types;
  for (size_t i = 0; i < object.spec.limits.size(); ++i) {
    const LimitRangeItem& item = object.spec.limits[i];
    Path at = Path("spec").Child("limits").Index(i);
    Append(errors, ValidateLimitRangeTypeName(item.type, at.Child("type")));
    if (!types.insert(item.type).second) errors.push_back(Duplicate(at.Child("type"), item.type));
    Append(errors, ValidateLimitRangeItem(item, at));
  }
  return errors;
}

// ValidateResourceQuota: hard resources, scopes and the scope selector, and the status lists.
validation::FieldErrors Validate(const ResourceQuota& object) {
  FieldErrors errors =
      ValidateCoreObjectMeta(object.metadata, true, validation::NameIsDNSSubdomain);
  Path spec("spec");
  Append(errors, ValidateQuotaResourceList(object.spec.hard, spec.Child("hard")));
  Append(errors, ValidateResourceQuotaScopes(object.spec, spec));
  Append(errors, ValidateScopeSelector(object.spec, spec));
  Path status("status");
  Append(errors, ValidateQuotaResourceList(object.status.hard, status.Child("hard")));
  Append(errors, ValidateQuotaResourceList(object.status.used, status.Child("used")));
  return errors;
}

}  // namespace kref::api::core
