// Validation shared by every kind, as k8s.io/apimachinery/pkg/api/validation and
// pkg/apis/core/validation do it: object metadata, names, labels, annotations, owner
// references, finalizers, label selectors, and small numeric checks.
#pragma once

#include <functional>
#include <string_view>

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

// Appends all of `more` to `errors`.
inline void Append(FieldErrors& errors, FieldErrors more) {
  errors.insert(errors.end(), std::make_move_iterator(more.begin()),
                std::make_move_iterator(more.end()));
}

// The UID `kref validate` and dry runs give objects that have none yet.
inline constexpr std::string_view kPlaceholderUid = "00000000-0000-0000-0000-000000000000";

}  // namespace kref::api::validation
