// rbac.authorization.k8s.io/v1 create validation, as pkg/apis/rbac/validation.
#include <initializer_list>
#include <string>
#include <string_view>

#include "impl/api/labels.h"
#include "impl/api/rbac/ops.h"
#include "impl/api/validation/common.h"

namespace kref::api::rbac {
namespace {

using validation::FieldErrors;
using validation::Path;

constexpr std::string_view kGroupName = "rbac.authorization.k8s.io";

// ValidateRBACName: role and binding names (and generateName prefixes alike) only need to be
// valid path segments.
validation::Problems ValidateRBACName(std::string_view name, bool /*prefix*/) {
  return validation::NameIsPathSegment(name, false);
}

// ValidatePolicyRule.
FieldErrors ValidatePolicyRule(const PolicyRule& rule, bool namespaced, const Path& path) {
  FieldErrors errors;
  if (rule.verbs.empty()) {
    errors.push_back(
        validation::Required(path.Child("verbs"), "verbs must contain at least one value"));
  }
  if (!rule.nonResourceURLs.empty()) {
    Path urls = path.Child("nonResourceURLs");
    if (namespaced) {
      errors.push_back(validation::Invalid(urls, rule.nonResourceURLs,
                                           "namespaced rules cannot apply to non-resource URLs"));
    }
    if (!rule.apiGroups.empty() || !rule.resources.empty() || !rule.resourceNames.empty()) {
      errors.push_back(validation::Invalid(
          urls, rule.nonResourceURLs,
          "rules cannot apply to both regular resources and non-resource URLs"));
    }
    return errors;
  }
  if (rule.apiGroups.empty()) {
    errors.push_back(validation::Required(path.Child("apiGroups"),
                                          "resource rules must supply at least one api group"));
  }
  if (rule.resources.empty()) {
    errors.push_back(validation::Required(path.Child("resources"),
                                          "resource rules must supply at least one resource"));
  }
  return errors;
}

FieldErrors ValidateRules(const std::vector<PolicyRule>& rules, bool namespaced) {
  FieldErrors errors;
  Path path("rules");
  for (size_t i = 0; i < rules.size(); ++i) {
    validation::Append(errors, ValidatePolicyRule(rules[i], namespaced, path.Index(i)));
  }
  return errors;
}

// The aggregationRule part of ValidateClusterRole (selectors validated as on create, invalid
// label values not tolerated).
FieldErrors ValidateAggregationRule(const AggregationRule& rule) {
  FieldErrors errors;
  Path path = Path("aggregationRule").Child("clusterRoleSelectors");
  if (rule.clusterRoleSelectors.empty()) {
    errors.push_back(validation::Required(
        path, "at least one clusterRoleSelector required if aggregationRule is non-nil"));
  }
  for (size_t i = 0; i < rule.clusterRoleSelectors.size(); ++i) {
    const meta::LabelSelector& selector = rule.clusterRoleSelectors[i];
    validation::Append(errors, validation::ValidateLabelSelector(selector, path.Index(i)));
    if (!labels::Selector::FromLabelSelector(selector)) {
      // Upstream prints the nil selector LabelSelectorAsSelector returned as "null".
      errors.push_back(validation::Invalid(path.Index(i), "null", "invalid label selector."));
    }
  }
  return errors;
}

// The roleRef checks of ValidateRoleBinding / ValidateClusterRoleBinding.
FieldErrors ValidateRoleRef(const RoleRef& ref, std::initializer_list<std::string_view> kinds) {
  FieldErrors errors;
  Path path("roleRef");
  if (ref.apiGroup != kGroupName) {
    errors.push_back(validation::NotSupported(path.Child("apiGroup"), ref.apiGroup, {kGroupName}));
  }
  bool known = false;
  for (std::string_view kind : kinds) known = known || ref.kind == kind;
  if (!known) errors.push_back(validation::NotSupported(path.Child("kind"), ref.kind, kinds));
  if (ref.name.empty()) {
    errors.push_back(validation::Required(path.Child("name")));
  } else {
    validation::Append(errors, validation::InvalidPerProblem(ValidateRBACName(ref.name, false),
                                                             path.Child("name"), ref.name));
  }
  return errors;
}

// ValidateRoleBindingSubject.
FieldErrors ValidateRoleBindingSubject(const Subject& subject, bool namespaced, const Path& path) {
  FieldErrors errors;
  if (subject.name.empty()) errors.push_back(validation::Required(path.Child("name")));
  if (subject.kind == "ServiceAccount") {
    if (!subject.name.empty()) {
      validation::Append(
          errors, validation::InvalidPerProblem(validation::NameIsDNSSubdomain(subject.name, false),
                                                path.Child("name"), subject.name));
    }
    if (!subject.apiGroup.empty()) {
      errors.push_back(validation::NotSupported(path.Child("apiGroup"), subject.apiGroup, {""}));
    }
    if (!namespaced && subject.namespace_.empty()) {
      errors.push_back(validation::Required(path.Child("namespace")));
    }
  } else if (subject.kind == "User" || subject.kind == "Group") {
    if (subject.apiGroup != kGroupName) {
      errors.push_back(
          validation::NotSupported(path.Child("apiGroup"), subject.apiGroup, {kGroupName}));
    }
  } else {
    errors.push_back(validation::NotSupported(path.Child("kind"), subject.kind,
                                              {"ServiceAccount", "User", "Group"}));
  }
  return errors;
}

FieldErrors ValidateSubjects(const std::vector<Subject>& subjects, bool namespaced) {
  FieldErrors errors;
  Path path("subjects");
  for (size_t i = 0; i < subjects.size(); ++i) {
    validation::Append(errors, ValidateRoleBindingSubject(subjects[i], namespaced, path.Index(i)));
  }
  return errors;
}

}  // namespace

// ValidateRole.
FieldErrors Validate(const Role& object) {
  FieldErrors errors =
      validation::ValidateObjectMeta(object.metadata, true, ValidateRBACName, Path("metadata"));
  validation::Append(errors, ValidateRules(object.rules, true));
  return errors;
}

// ValidateClusterRole.
FieldErrors Validate(const ClusterRole& object) {
  FieldErrors errors =
      validation::ValidateObjectMeta(object.metadata, false, ValidateRBACName, Path("metadata"));
  validation::Append(errors, ValidateRules(object.rules, false));
  if (object.aggregationRule) {
    validation::Append(errors, ValidateAggregationRule(*object.aggregationRule));
  }
  return errors;
}

// ValidateRoleBinding.
FieldErrors Validate(const RoleBinding& object) {
  FieldErrors errors =
      validation::ValidateObjectMeta(object.metadata, true, ValidateRBACName, Path("metadata"));
  validation::Append(errors, ValidateRoleRef(object.roleRef, {"Role", "ClusterRole"}));
  validation::Append(errors, ValidateSubjects(object.subjects, true));
  return errors;
}

// ValidateClusterRoleBinding.
FieldErrors Validate(const ClusterRoleBinding& object) {
  FieldErrors errors =
      validation::ValidateObjectMeta(object.metadata, false, ValidateRBACName, Path("metadata"));
  validation::Append(errors, ValidateRoleRef(object.roleRef, {"ClusterRole"}));
  validation::Append(errors, ValidateSubjects(object.subjects, false));
  return errors;
}

}  // namespace kref::api::rbac
