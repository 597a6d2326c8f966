// Helpers for the validation tests under impl/api (test-only, header-only): field errors as the
// strings tests compare, the name-rule messages many rules report, and the minimal objects the
// core pod tests start from.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/api/quantity.h"
#include "impl/api/validation/common.h"

namespace kref::testing {

using Strings = std::vector<std::string>;

// ---- Any kind ----

// Each error's ToString(), in order.
inline Strings ErrorStrings(const api::validation::FieldErrors& errors) {
  Strings out;
  for (const api::validation::FieldError& error : errors) out.push_back(error.ToString());
  return out;
}

// ErrorStrings(Validate(object)), Validate found by argument-dependent lookup in the object's API
// group.
template <class T>
Strings Errors(const T& object) {
  return ErrorStrings(Validate(object));
}

// A quantity from text that parses (the test fails with an exception otherwise).
inline api::Quantity Q(std::string_view text) { return api::Quantity::Parse(text).value(); }

// The messages of IsDNS1123Label, IsDNS1123Subdomain, IsQualifiedName's name part,
// IsValidLabelValue and IsConfigMapKey for a value that breaks their pattern.
inline constexpr char kDNS1123LabelMsg[] =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
    "must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex "
    "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
inline constexpr char kDNS1123SubdomainMsg[] =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used "
    "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
inline constexpr char kQualifiedNameMsg[] =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
    "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
    "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
inline constexpr char kLabelValueMsg[] =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or "
    "'.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
    "'my_value',  or '12345', regex used for validation is "
    "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
inline constexpr char kConfigKeyMsg[] =
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. "
    "'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

// ---- core/v1 ----

// Metadata with a name, in namespace `ns` ("" for cluster-scoped kinds).
inline api::meta::ObjectMeta Meta(std::string name, std::string ns = "default") {
  api::meta::ObjectMeta m;
  m.name = std::move(name);
  m.namespace_ = std::move(ns);
  return m;
}

inline api::core::Container MakeContainer(std::string name, std::string image = "nginx:1.27") {
  api::core::Container container;
  container.name = std::move(name);
  container.image = std::move(image);
  return container;
}

// A minimal valid Pod: "web" in "default", one container "app".
inline api::core::Pod BasePod() {
  api::core::Pod pod;
  pod.metadata.name = "web";
  pod.metadata.namespace_ = "default";
  pod.metadata.uid = std::string(api::validation::kPlaceholderUid);
  pod.spec.containers.push_back(MakeContainer("app"));
  return pod;
}

// The errors for BasePod() changed by `edit`, then prepared and defaulted as on create.
inline Strings PodErrors(const std::function<void(api::core::Pod&)>& edit) {
  api::core::Pod pod = BasePod();
  edit(pod);
  PrepareForCreate(pod);
  SetDefaults(pod);
  return ErrorStrings(Validate(pod));
}

// As PodErrors, with `edit` applied after defaulting (for fields defaulting would fill).
inline Strings DefaultedPodErrors(const std::function<void(api::core::Pod&)>& edit) {
  api::core::Pod pod = BasePod();
  PrepareForCreate(pod);
  SetDefaults(pod);
  edit(pod);
  return ErrorStrings(Validate(pod));
}

// The errors for a Deployment-style template (label app=web, one container "app") changed by
// `edit`, defaulted, and validated at spec.template.
inline Strings TemplateErrors(const std::function<void(api::core::PodTemplateSpec&)>& edit) {
  api::core::PodTemplateSpec spec;
  spec.metadata.labels["app"] = "web";
  spec.spec.containers.push_back(MakeContainer("app"));
  edit(spec);
  SetDefaults(spec);
  return ErrorStrings(
      ValidatePodTemplateSpec(spec, api::validation::Path("spec").Child("template")));
}

inline api::core::Volume EmptyDirVolume(std::string name) {
  api::core::Volume volume;
  volume.name = std::move(name);
  volume.emptyDir.emplace();
  return volume;
}

// A probe with an exec handler running "true".
inline api::core::Probe ExecProbe() {
  api::core::Probe probe;
  probe.exec.emplace();
  probe.exec->command = {"true"};
  return probe;
}

}  // namespace kref::testing
