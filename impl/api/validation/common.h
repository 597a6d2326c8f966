// Validation shared by every kind, as k8s.io/apimachinery/pkg/api/validation and
// pkg/apis/core/validation do it: object metadata, names, labels, annotations, owner
// references, finalizers, label selectors, small numeric checks, the int-or-percent and
// selector-matches-template rules the workload kinds share, and Go %#v renderings of the
// composite values those rules report.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "impl/api/int_or_string.h"
#include "impl/api/meta/types.h"
#include "impl/api/validation/field_error.h"
#include "impl/api/validation/names.h"

namespace kref::api::validation {

// Validates a name (or, with prefix=true, a generateName prefix); returns problems.
using NameValidator = std::function<Problems(std::string_view name, bool prefix)>;

// Names that are DNS-1123 subdomains (most kinds). A prefix may end in '-'.
Problems NameIsDNSSubdomain(std::string_view name, bool prefix);
// Names that are DNS-1123 labels (Namespace).
Problems NameIsDNSLabel(std::string_view name, bool prefix);
// Names that are DNS-1035 labels (Service).
Problems NameIsDNS1035Label(std::string_view name, bool prefix);
// Names that are path segments: not "." or "..", no "/" or "%" (RBAC kinds).
Problems NameIsPathSegment(std::string_view name, bool prefix);

// metadata on create: name or generateName required and valid, namespace required (and a
// DNS-1123 label) when `namespaced`, forbidden otherwise; labels, annotations, owner
// references, finalizers, generation >= 0.
FieldErrors ValidateObjectMeta(const meta::ObjectMeta& meta, bool namespaced,
                               const NameValidator& name_validator, const Path& path);

// metadata on update (upstream's ValidateObjectMetaUpdate): name, namespace, uid,
// creationTimestamp, deletionTimestamp and deletionGracePeriodSeconds are immutable
// ("field is immutable"), generation "must not be decremented", and an object being deleted
// takes no new finalizers ("no new finalizers can be added if the object is being deleted,
// found new finalizers []string{...}").
FieldErrors ValidateObjectMetaUpdate(const meta::ObjectMeta& meta, const meta::ObjectMeta& old, const Path& path);

// Invalid(path, value, "field is immutable") when `changed`.
FieldErrors ValidateImmutableField(bool changed, const BadValue& value, const Path& path);

FieldErrors ValidateLabels(const Map<std::string>& labels, const Path& path);
FieldErrors ValidateAnnotations(const Map<std::string>& annotations, const Path& path);
FieldErrors ValidateOwnerReferences(const std::vector<meta::OwnerReference>& refs,
                                    const Path& path);
FieldErrors ValidateFinalizers(const std::vector<std::string>& finalizers, const Path& path);

// A LabelSelector object: operators, keys, values (metav1validation.ValidateLabelSelector).
FieldErrors ValidateLabelSelector(const meta::LabelSelector& selector, const Path& path);
// A string label selector like "app=web" (e.g. a Scale's status.selector); empty is allowed.
FieldErrors ValidateLabelSelectorString(std::string_view selector, const Path& path);

// "must be greater than or equal to 0".
FieldErrors ValidateNonnegative(int64_t value, const Path& path);
// "must be greater than 0" (upstream: ValidatePositiveField).
FieldErrors ValidatePositive(int64_t value, const Path& path);

// One Invalid error at `path` with `value` per problem (how upstream turns the messages of
// IsDNS1123Label and friends into field errors); empty when `problems` is.
FieldErrors InvalidPerProblem(const Problems& problems, const Path& path, const BadValue& value);

// ---- Int-or-percent values (pkg/apis/apps/validation) ----

// getPercentValue: N for a string "N%" that IsValidPercent accepts (INT64_MAX when N does not
// fit), nullopt for an int or any other string.
std::optional<int64_t> PercentValue(const IntOrString& value);
// ValidatePositiveIntOrPercent: a string must be a valid percentage (one error per problem), an
// int must be >= 0. The bad value prints as GoIntOrString.
FieldErrors ValidatePositiveIntOrPercent(const IntOrString& value, const Path& path);
// IsNotMoreThan100Percent: a percentage above 100% is "must not be greater than 100%"; ints and
// non-percent strings pass.
FieldErrors IsNotMoreThan100Percent(const IntOrString& value, const Path& path);

// ---- Workload templates ----

// The error a workload's validation gives when its selector does not match its pod template's
// labels: "<template_path>.metadata.labels: Invalid value: map[string]string{...}: `selector`
// does not match template `labels`". Whether the selector matches is the caller's rule.
FieldError SelectorDoesNotMatchTemplate(const Map<std::string>& template_labels,
                                        const Path& template_path);
// The selector-matches-template rule: SelectorDoesNotMatchTemplate when `selector` converts to a
// label selector (an absent one matches nothing) that does not match `template_labels`; nothing
// when it matches, or when it does not convert (its own validation reports why).
FieldErrors ValidateSelectorMatchesTemplate(const std::optional<meta::LabelSelector>& selector,
                                            const Map<std::string>& template_labels,
                                            const Path& template_path);

// ---- Go %#v renderings of bad values (use with BadValue::Raw) ----

// map[string]string{"a":"b", "c":"d"} (keys sorted, as fmt prints maps), or
// map[string]string(nil) when empty.
std::string GoStringMap(const Map<std::string>& map);
// v1.LabelSelector{MatchLabels:..., MatchExpressions:[]v1.LabelSelectorRequirement{...}}, nil
// slices and maps printed as (nil).
std::string GoLabelSelector(const meta::LabelSelector& selector);
// intstr.IntOrString{Type:0, IntVal:5, StrVal:""} (Type 1 for a string).
std::string GoIntOrString(const IntOrString& value);
// A struct field holding a *T: (*T)(nil), or (*T)(0xc000010000), a fixed placeholder address,
// when set.
std::string GoPointer(std::string_view type, bool present);

// ASCII lower case.
std::string ToLower(std::string_view s);
// Go's strings.TrimSpace for ASCII whitespace.
std::string TrimSpace(std::string_view s);

// Appends all of `more` to `errors`.
inline void Append(FieldErrors& errors, FieldErrors more) {
  errors.insert(errors.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
}

// The UID `kref validate` and dry runs give objects that have none yet.
inline constexpr std::string_view kPlaceholderUid = "00000000-0000-0000-0000-000000000000";

}  // namespace kref::api::validation
