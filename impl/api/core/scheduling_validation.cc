// Pod scheduling constraints (pkg/apis/core/validation): node and pod (anti-)affinity,
// topology spread constraints and tolerations.
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "impl/api/core/internal/pod_validation.h"
#include "impl/api/core/internal/validation_helpers.h"

namespace kref::api::core::internal {
namespace {

using validation::Append;
using validation::Duplicate;
using validation::FieldErrors;
using validation::Forbidden;
using validation::Invalid;
using validation::InvalidPerProblem;
using validation::NotSupported;
using validation::Path;
using validation::Problems;
using validation::Required;

constexpr std::string_view kIsNotPositiveErrorMsg = "must be greater than zero";

// validateNodeAffinity (ValidateNodeSelector and ValidatePreferredSchedulingTerms).
FieldErrors ValidateNodeAffinity(const NodeAffinity& na, const Path& path) {
  FieldErrors errors;
  if (na.requiredDuringSchedulingIgnoredDuringExecution) {
    Append(errors,
           ValidateNodeSelector(*na.requiredDuringSchedulingIgnoredDuringExecution,
                                path.Child("requiredDuringSchedulingIgnoredDuringExecution")));
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
    Append(errors, InvalidPerProblem(validation::NameIsDNSLabel(name, false),
                                     path.Child("namespace"), name));
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

}  // namespace

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

}  // namespace kref::api::core::internal
