// Update validation through the registry's Object interface: metadata immutability, no new
// finalizers on an object being deleted, and each kind's immutable fields, with upstream's
// paths and messages.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "impl/api/registry.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api {
namespace {

using ::kref::testing::ErrorStrings;
using ::kref::testing::Strings;

// The errors of updating `old` to `updated` (both JSON objects of one kind, defaulted as the API
// server defaults them).
Strings UpdateErrors(std::string_view old, std::string_view updated) {
  auto before = Registry::Default().Decode(boost::json::parse(old));
  auto after = Registry::Default().Decode(boost::json::parse(updated));
  EXPECT_TRUE(before.has_value() && after.has_value());
  if (!before.has_value() || !after.has_value()) return {"decode failed"};
  (*before)->Default();
  (*after)->Default();
  return ErrorStrings((*after)->ValidateUpdate(**before));
}

TEST(UpdateValidationTest, MetadataRules) {
  constexpr char kDeleting[] =
      R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"d","uid":"u1","generation":2,
          "deletionTimestamp":"2024-05-01T12:00:00Z","finalizers":["a"]}})";
  EXPECT_EQ(UpdateErrors(kDeleting, R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"d","uid":"u1",
            "generation":2,"deletionTimestamp":"2024-05-01T12:00:00Z","finalizers":["a","z","b"]}})"),
            (Strings{"metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, "
                     "found new finalizers []string{\"b\", \"z\"}"}));
  // Removing finalizers is how deletion proceeds.
  EXPECT_EQ(UpdateErrors(kDeleting, R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"d","uid":"u1",
            "generation":2,"deletionTimestamp":"2024-05-01T12:00:00Z"}})"),
            Strings{});
  EXPECT_EQ(UpdateErrors(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"d","uid":"u1","generation":2}})",
                         R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"e","namespace":"d","uid":"u2","generation":1}})"),
            (Strings{"metadata.generation: Invalid value: 1: must not be decremented",
                     "metadata.name: Invalid value: \"e\": field is immutable",
                     "metadata.uid: Invalid value: \"u2\": field is immutable"}));
}

TEST(UpdateValidationTest, PodSpecChangesOnlyWhereAllowed) {
  auto pod = [](std::string_view spec) {
    return R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","namespace":"d"},"spec":)" + std::string(spec) + "}";
  };
  std::string old = pod(R"({"containers":[{"name":"c","image":"nginx:1"}],"tolerations":[{"key":"k","operator":"Exists"}],
                            "activeDeadlineSeconds":100})");
  EXPECT_EQ(UpdateErrors(old, pod(R"({"containers":[{"name":"c","image":"nginx:2"}],
      "tolerations":[{"key":"k","operator":"Exists"},{"key":"new","operator":"Exists"}],"activeDeadlineSeconds":50})")),
            Strings{});
  EXPECT_EQ(UpdateErrors(old, pod(R"({"containers":[{"name":"c","image":"nginx:1","args":["x"]}],
      "tolerations":[{"key":"k","operator":"Exists"}],"activeDeadlineSeconds":100})")),
            (Strings{"spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,"
                     "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions "
                     "to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was "
                     "previously negative)"}));
  EXPECT_EQ(UpdateErrors(old, pod(R"({"containers":[{"name":"c","image":"nginx:1"}],"activeDeadlineSeconds":200})")),
            (Strings{"spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value",
                     "spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds"}));
}

TEST(UpdateValidationTest, ImmutableSelectorsAndFields) {
  auto deployment = [](std::string_view app) {
    return R"({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"w","namespace":"d"},"spec":{"selector":
      {"matchLabels":{"app":")" + std::string(app) + R"("}},"template":{"metadata":{"labels":{"app":")" + std::string(app) +
           R"("}},"spec":{"containers":[{"name":"c","image":"i"}]}}}})";
  };
  EXPECT_EQ(UpdateErrors(deployment("a"), deployment("a")), Strings{});
  EXPECT_EQ(UpdateErrors(deployment("a"), deployment("b")),
            (Strings{"spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"b\"}, "
                     "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable"}));
  auto stateful_set = [](std::string_view service, int replicas) {
    return R"({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"s","namespace":"d"},"spec":{"replicas":)" +
           std::to_string(replicas) + R"(,"serviceName":")" + std::string(service) +
           R"(","selector":{"matchLabels":{"app":"a"}},"template":{"metadata":{"labels":{"app":"a"}},
           "spec":{"containers":[{"name":"c","image":"i"}]}}}})";
  };
  EXPECT_EQ(UpdateErrors(stateful_set("x", 1), stateful_set("x", 3)), Strings{});
  EXPECT_EQ(UpdateErrors(stateful_set("x", 1), stateful_set("y", 1)),
            (Strings{"spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                     "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are "
                     "forbidden"}));
  auto job = [](int completions) {
    return R"({"apiVersion":"batch/v1","kind":"Job","metadata":{"name":"j","namespace":"d"},"spec":{"completions":)" +
           std::to_string(completions) + R"(,"template":{"spec":{"restartPolicy":"Never","containers":[{"name":"c","image":"i"}]}}}})";
  };
  EXPECT_EQ(UpdateErrors(job(2), job(3)), (Strings{"spec.completions: Invalid value: 3: field is immutable"}));
  constexpr char kImmutable[] = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"d"},"immutable":true,"data":{"a":"1"}})";
  EXPECT_EQ(UpdateErrors(kImmutable, R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"d"},"data":{"a":"2"}})"),
            (Strings{"immutable: Forbidden: field is immutable when `immutable` is set",
                     "data: Forbidden: field is immutable when `immutable` is set"}));
  EXPECT_EQ(UpdateErrors(R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"d"},"type":"Opaque"})",
                         R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"s","namespace":"d"},"type":"kubernetes.io/tls"})"),
            (Strings{"type: Invalid value: \"kubernetes.io/tls\": field is immutable"}));
}

TEST(UpdateValidationTest, NodesSetPodCidrsAndProviderIdOnce) {
  auto node = [](std::string_view spec) {
    return R"({"apiVersion":"v1","kind":"Node","metadata":{"name":"n1"},"spec":)" + std::string(spec) + "}";
  };
  EXPECT_EQ(UpdateErrors(node("{}"), node(R"({"podCIDR":"10.244.1.0/24","podCIDRs":["10.244.1.0/24"],"providerID":"kref://n1",
                                              "unschedulable":true,"taints":[{"key":"k","effect":"NoSchedule"}]})")),
            Strings{});
  EXPECT_EQ(UpdateErrors(node(R"({"podCIDR":"10.244.1.0/24","podCIDRs":["10.244.1.0/24"],"providerID":"kref://n1"})"),
                         node(R"({"podCIDR":"10.244.2.0/24","podCIDRs":["10.244.2.0/24"],"providerID":"kref://n2"})")),
            (Strings{"spec.podCIDRs: Forbidden: node updates may not change podCIDR except from \"\" to valid",
                     "spec.providerID: Forbidden: node updates may not change providerID except from \"\" to valid"}));
  EXPECT_EQ(UpdateErrors(node(R"({"externalID":"a"})"), node(R"({"externalID":"b"})")),
            (Strings{": Forbidden: node updates may only change labels, taints, or capacity (or configSource, if the "
                     "DynamicKubeletConfig feature gate is enabled)"}));
}

TEST(UpdateValidationTest, BindingsPriorityClassesAndEndpointSlices) {
  auto binding = [](std::string_view role) {
    return R"({"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"b","namespace":"d"},
               "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":")" + std::string(role) + R"("}})";
  };
  EXPECT_EQ(UpdateErrors(binding("a"), binding("a")), Strings{});
  EXPECT_EQ(UpdateErrors(binding("a"), binding("b")),
            (Strings{"roleRef: Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", Kind:\"Role\", "
                     "Name:\"b\"}: cannot change roleRef"}));
  EXPECT_EQ(UpdateErrors(R"({"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"p"},"value":10})",
                         R"({"apiVersion":"scheduling.k8s.io/v1","kind":"PriorityClass","metadata":{"name":"p"},"value":20,
                             "preemptionPolicy":"Never"})"),
            (Strings{"value: Forbidden: may not be changed in an update.",
                     "preemptionPolicy: Invalid value: \"Never\": field is immutable"}));
  EXPECT_EQ(UpdateErrors(R"({"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"s","namespace":"d"},
                             "addressType":"IPv4","endpoints":[]})",
                         R"({"apiVersion":"discovery.k8s.io/v1","kind":"EndpointSlice","metadata":{"name":"s","namespace":"d"},
                             "addressType":"IPv6","endpoints":[]})"),
            (Strings{"addressType: Invalid value: \"IPv6\": field is immutable"}));
}

}  // namespace
}  // namespace kref::api
