#include "impl/api/validation/common.h"

#include <set>

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "impl/api/labels.h"

namespace kref::api::validation {
namespace {

constexpr int64_t kTotalAnnotationSizeLimitBytes = 256 * 1024;

// A generateName prefix may end in '-': it is checked as if a letter followed.
std::string MaskTrailingDash(std::string_view name) {
  std::string masked(name);
  if (masked.size() > 1 && masked.back() == '-') masked.back() = 'a';
  return masked;
}

}  // namespace

Problems NameIsDNSSubdomain(std::string_view name, bool prefix) {
  return IsDNS1123Subdomain(prefix ? MaskTrailingDash(name) : std::string(name));
}

Problems NameIsDNSLabel(std::string_view name, bool prefix) {
  return IsDNS1123Label(prefix ? MaskTrailingDash(name) : std::string(name));
}

Problems NameIsDNS1035Label(std::string_view name, bool prefix) {
  return IsDNS1035Label(prefix ? MaskTrailingDash(name) : std::string(name));
}

Problems NameIsPathSegment(std::string_view name, bool prefix) {
  Problems problems;
  if (prefix) {
    if (name == "." || name == "..") {
      problems.push_back("may not be '" + std::string(name) + "'");
    }
  } else if (name == "." || name == "..") {
    problems.push_back("may not be '" + std::string(name) + "'");
  }
  for (std::string_view illegal : {"/", "%"}) {
    if (name.find(illegal) != std::string_view::npos) {
      problems.push_back("may not contain '" + std::string(illegal) + "'");
    }
  }
  return problems;
}

FieldErrors ValidateLabels(const Map<std::string>& labels, const Path& path) {
  FieldErrors errors;
  for (const auto& [key, value] : labels) {
    Append(errors, InvalidPerProblem(IsQualifiedName(key), path, key));
    Append(errors, InvalidPerProblem(IsValidLabelValue(value), path, value));
  }
  return errors;
}

FieldErrors ValidateAnnotations(const Map<std::string>& annotations, const Path& path) {
  FieldErrors errors;
  int64_t total = 0;
  for (const auto& [key, value] : annotations) {
    Append(errors, InvalidPerProblem(IsQualifiedName(ToLower(key)), path, key));
    total += static_cast<int64_t>(key.size() + value.size());
  }
  if (total > kTotalAnnotationSizeLimitBytes) {
    errors.push_back(TooLong(path, kTotalAnnotationSizeLimitBytes));
  }
  return errors;
}

FieldErrors ValidateOwnerReferences(const std::vector<meta::OwnerReference>& refs,
                                    const Path& path) {
  FieldErrors errors;
  std::vector<std::string> controllers;
  for (const meta::OwnerReference& ref : refs) {
    std::string_view version = ref.apiVersion;
    if (size_t slash = version.rfind('/'); slash != std::string_view::npos) {
      version.remove_prefix(slash + 1);
    }
    if (version.empty()) {
      errors.push_back(
          Invalid(path.Child("apiVersion"), ref.apiVersion, "version must not be empty"));
    }
    if (ref.kind.empty())
      errors.push_back(Invalid(path.Child("kind"), ref.kind, "must not be empty"));
    if (ref.name.empty())
      errors.push_back(Invalid(path.Child("name"), ref.name, "must not be empty"));
    if (ref.uid.empty()) errors.push_back(Invalid(path.Child("uid"), ref.uid, "must not be empty"));
    if (ref.apiVersion == "v1" && ref.kind == "Event") {
      errors.push_back(Invalid(path, BadValue::Raw("v1.OwnerReference{...}"),
                               "/v1, Kind=Event is disallowed from being an owner"));
    }
    if (ref.controller.value_or(false)) controllers.push_back(ref.kind + "/" + ref.name);
  }
  if (controllers.size() > 1) {
    std::string list;
    for (size_t i = 0; i < controllers.size(); ++i) {
      if (i > 0) list += " and ";
      list += controllers[i];
    }
    errors.push_back(Invalid(path, BadValue::Raw("[]v1.OwnerReference{...}"),
                             "Only one reference can have Controller set to true. Found \"true\" "
                             "in references for " +
                                 list));
  }
  return errors;
}

FieldErrors ValidateFinalizers(const std::vector<std::string>& finalizers, const Path& path) {
  FieldErrors errors;
  bool orphan = false;
  bool foreground = false;
  for (const std::string& finalizer : finalizers) {
    Append(errors, InvalidPerProblem(IsQualifiedName(finalizer), path, finalizer));
    orphan |= finalizer == "orphan";
    foreground |= finalizer == "foregroundDeletion";
  }
  if (orphan && foreground) {
    errors.push_back(
        Invalid(path, finalizers, "finalizer orphan and foregroundDeletion cannot be both set"));
  }
  return errors;
}

FieldErrors ValidateObjectMeta(const meta::ObjectMeta& meta, bool namespaced,
                               const NameValidator& name_validator, const Path& path) {
  FieldErrors errors;
  if (!meta.generateName.empty()) {
    Append(errors, InvalidPerProblem(name_validator(meta.generateName, true),
                                     path.Child("generateName"), meta.generateName));
  }
  if (meta.name.empty()) {
    errors.push_back(Required(path.Child("name"), "name or generateName is required"));
  } else {
    Append(errors,
           InvalidPerProblem(name_validator(meta.name, false), path.Child("name"), meta.name));
  }
  if (namespaced) {
    if (meta.namespace_.empty()) {
      errors.push_back(Required(path.Child("namespace")));
    } else {
      Append(errors, InvalidPerProblem(IsDNS1123Label(meta.namespace_), path.Child("namespace"),
                                       meta.namespace_));
    }
  } else if (!meta.namespace_.empty()) {
    errors.push_back(Forbidden(path.Child("namespace"), "not allowed on this type"));
  }
  Append(errors, ValidateNonnegative(meta.generation, path.Child("generation")));
  Append(errors, ValidateLabels(meta.labels, path.Child("labels")));
  Append(errors, ValidateAnnotations(meta.annotations, path.Child("annotations")));
  Append(errors, ValidateOwnerReferences(meta.ownerReferences, path.Child("ownerReferences")));
  Append(errors, ValidateFinalizers(meta.finalizers, path.Child("finalizers")));
  return errors;
}

FieldErrors ValidateLabelSelector(const meta::LabelSelector& selector, const Path& path) {
  FieldErrors errors = ValidateLabels(selector.matchLabels, path.Child("matchLabels"));
  Path expressions = path.Child("matchExpressions");
  for (size_t i = 0; i < selector.matchExpressions.size(); ++i) {
    const meta::LabelSelectorRequirement& r = selector.matchExpressions[i];
    Path at = expressions.Index(i);
    if (r.operator_ == "In" || r.operator_ == "NotIn") {
      if (r.values.empty()) {
        errors.push_back(
            Required(at.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
      }
    } else if (r.operator_ == "Exists" || r.operator_ == "DoesNotExist") {
      if (!r.values.empty()) {
        errors.push_back(Forbidden(at.Child("values"),
                                   "may not be specified when `operator` is 'Exists' or "
                                   "'DoesNotExist'"));
      }
    } else {
      errors.push_back(Invalid(at.Child("operator"), r.operator_, "not a valid selector operator"));
    }
    Append(errors, InvalidPerProblem(IsQualifiedName(r.key), at.Child("key"), r.key));
    for (size_t j = 0; j < r.values.size(); ++j) {
      Append(errors, InvalidPerProblem(IsValidLabelValue(r.values[j]), at.Child("values").Index(j),
                                       r.values[j]));
    }
  }
  return errors;
}

FieldErrors ValidateLabelSelectorString(std::string_view selector, const Path& path) {
  Result<labels::Selector> parsed = labels::Selector::Parse(selector);
  if (parsed) return {};
  return {Invalid(path, selector, parsed.error().message())};
}

FieldErrors ValidateNonnegative(int64_t value, const Path& path) {
  if (value >= 0) return {};
  return {Invalid(path, value, "must be greater than or equal to 0")};
}

FieldErrors ValidatePositive(int64_t value, const Path& path) {
  if (value > 0) return {};
  return {Invalid(path, value, "must be greater than 0")};
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string TrimSpace(std::string_view s) {
  constexpr std::string_view kSpace = " \t\n\v\f\r";
  size_t begin = s.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) return "";
  size_t end = s.find_last_not_of(kSpace);
  return std::string(s.substr(begin, end - begin + 1));
}

FieldErrors InvalidPerProblem(const Problems& problems, const Path& path, const BadValue& value) {
  FieldErrors errors;
  for (const std::string& problem : problems) errors.push_back(Invalid(path, value, problem));
  return errors;
}

std::optional<int64_t> PercentValue(const IntOrString& value) {
  if (!value.is_string() || !IsValidPercent(value.string_value()).empty()) return std::nullopt;
  const std::string& text = value.string_value();
  int64_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size() - 1, number);
  if (error != std::errc()) return INT64_MAX;
  return number;
}

FieldErrors ValidatePositiveIntOrPercent(const IntOrString& value, const Path& path) {
  if (!value.is_string()) return ValidateNonnegative(value.int_value(), path);
  return InvalidPerProblem(IsValidPercent(value.string_value()), path,
                           BadValue::Raw(GoIntOrString(value)));
}

FieldErrors IsNotMoreThan100Percent(const IntOrString& value, const Path& path) {
  std::optional<int64_t> percent = PercentValue(value);
  if (!percent || *percent <= 100) return {};
  return {Invalid(path, BadValue::Raw(GoIntOrString(value)), "must not be greater than 100%")};
}

FieldError SelectorDoesNotMatchTemplate(const Map<std::string>& template_labels,
                                        const Path& template_path) {
  return Invalid(template_path.Child("metadata").Child("labels"),
                 BadValue::Raw(GoStringMap(template_labels)),
                 "`selector` does not match template `labels`");
}

FieldErrors ValidateSelectorMatchesTemplate(const std::optional<meta::LabelSelector>& selector,
                                            const Map<std::string>& template_labels,
                                            const Path& template_path) {
  Result<labels::Selector> parsed = labels::Selector::FromLabelSelector(selector);
  if (!parsed.has_value() || parsed->Matches(template_labels)) return {};
  return {SelectorDoesNotMatchTemplate(template_labels, template_path)};
}

std::string GoStringMap(const Map<std::string>& map) {
  if (map.empty()) return "map[string]string(nil)";
  std::string out = "map[string]string{";
  bool first = true;
  for (const auto& [key, value] : map) {
    if (!first) out += ", ";
    first = false;
    out += GoQuote(key) + ":" + GoQuote(value);
  }
  return out + "}";
}

FieldErrors ValidateImmutableField(bool changed, const BadValue& value, const Path& path) {
  if (!changed) return {};
  return {Invalid(path, value, "field is immutable")};
}

FieldErrors ValidateObjectMetaUpdate(const meta::ObjectMeta& meta, const meta::ObjectMeta& old, const Path& path) {
  FieldErrors errors;
  if (old.deletionTimestamp) {
    std::set<std::string> added(meta.finalizers.begin(), meta.finalizers.end());
    for (const std::string& f : old.finalizers) added.erase(f);
    if (!added.empty()) {
      errors.push_back(Forbidden(path.Child("finalizers"),
                                 "no new finalizers can be added if the object is being deleted, found new finalizers " +
                                     BadValue(std::vector<std::string>(added.begin(), added.end())).text()));
    }
  }
  if (meta.generation < old.generation) {
    errors.push_back(Invalid(path.Child("generation"), meta.generation, "must not be decremented"));
  }
  auto time_value = [](const std::optional<Time>& t) {
    return t ? BadValue::Raw(t->ToString()) : BadValue::Null();
  };
  Append(errors, ValidateImmutableField(meta.name != old.name, meta.name, path.Child("name")));
  Append(errors, ValidateImmutableField(meta.namespace_ != old.namespace_, meta.namespace_, path.Child("namespace")));
  Append(errors, ValidateImmutableField(meta.uid != old.uid, meta.uid, path.Child("uid")));
  Append(errors, ValidateImmutableField(meta.creationTimestamp != old.creationTimestamp,
                                        BadValue::Raw(meta.creationTimestamp.ToString()), path.Child("creationTimestamp")));
  Append(errors, ValidateImmutableField(meta.deletionTimestamp != old.deletionTimestamp,
                                        time_value(meta.deletionTimestamp), path.Child("deletionTimestamp")));
  Append(errors, ValidateImmutableField(
                     meta.deletionGracePeriodSeconds != old.deletionGracePeriodSeconds,
                     meta.deletionGracePeriodSeconds ? BadValue(*meta.deletionGracePeriodSeconds) : BadValue::Null(),
                     path.Child("deletionGracePeriodSeconds")));
  return errors;
}

std::string GoLabelSelector(const meta::LabelSelector& selector) {
  std::string out =
      "v1.LabelSelector{MatchLabels:" + GoStringMap(selector.matchLabels) + ", MatchExpressions:";
  if (selector.matchExpressions.empty()) {
    out += "[]v1.LabelSelectorRequirement(nil)";
  } else {
    out += "[]v1.LabelSelectorRequirement{";
    for (size_t i = 0; i < selector.matchExpressions.size(); ++i) {
      const meta::LabelSelectorRequirement& r = selector.matchExpressions[i];
      if (i > 0) out += ", ";
      out += "v1.LabelSelectorRequirement{Key:" + GoQuote(r.key) +
             ", Operator:" + GoQuote(r.operator_) +
             ", Values:" + (r.values.empty() ? "[]string(nil)" : BadValue(r.values).text()) + "}";
    }
    out += "}";
  }
  return out + "}";
}

std::string GoIntOrString(const IntOrString& value) {
  return "intstr.IntOrString{Type:" + std::string(value.is_string() ? "1" : "0") +
         ", IntVal:" + std::to_string(value.int_value()) +
         ", StrVal:" + GoQuote(value.string_value()) + "}";
}

std::string GoPointer(std::string_view type, bool present) {
  return "(*" + std::string(type) + ")(" + (present ? "0xc000010000" : "nil") + ")";
}

}  // namespace kref::api::validation
