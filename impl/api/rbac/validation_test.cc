// RBAC create validation and defaulting, rule by rule with upstream's messages
// (impl/api/testdata_test.cc checks the realistic manifests).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/rbac/ops.h"
#include "impl/api/validation/common.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::rbac {
namespace {

using ::kref::testing::Errors;
using ::kref::testing::Strings;

PolicyRule ReadPods() {
  PolicyRule rule;
  rule.verbs = {"get", "list"};
  rule.apiGroups = {""};
  rule.resources = {"pods"};
  return rule;
}

Role ValidRole() {
  Role role;
  role.metadata.name = "pod-reader";
  role.metadata.namespace_ = "shop";
  role.rules = {ReadPods()};
  return role;
}

ClusterRole ValidClusterRole() {
  ClusterRole role;
  role.metadata.name = "system:metrics-reader";
  PolicyRule metrics;
  metrics.verbs = {"get"};
  metrics.nonResourceURLs = {"/metrics"};
  role.rules = {ReadPods(), metrics};
  return role;
}

Subject MakeSubject(std::string kind, std::string name, std::string api_group = "",
                    std::string ns = "") {
  Subject subject;
  subject.kind = std::move(kind);
  subject.name = std::move(name);
  subject.apiGroup = std::move(api_group);
  subject.namespace_ = std::move(ns);
  return subject;
}

RoleBinding ValidRoleBinding() {
  RoleBinding binding;
  binding.metadata.name = "pod-reader-binding";
  binding.metadata.namespace_ = "shop";
  binding.roleRef = {"rbac.authorization.k8s.io", "Role", "pod-reader"};
  binding.subjects = {MakeSubject("ServiceAccount", "ci-deployer", "", "shop"),
                      MakeSubject("User", "jane", "rbac.authorization.k8s.io")};
  return binding;
}

ClusterRoleBinding ValidClusterRoleBinding() {
  ClusterRoleBinding binding;
  binding.metadata.name = "monitoring";
  binding.roleRef = {"rbac.authorization.k8s.io", "ClusterRole", "monitoring"};
  binding.subjects = {MakeSubject("ServiceAccount", "prometheus", "", "monitoring"),
                      MakeSubject("Group", "sre-team", "rbac.authorization.k8s.io")};
  return binding;
}

TEST(RbacValidationTest, ValidObjectsHaveNoErrors) {
  EXPECT_EQ(Errors(ValidRole()), Strings{});
  EXPECT_EQ(Errors(ValidClusterRole()), Strings{});
  EXPECT_EQ(Errors(ValidRoleBinding()), Strings{});
  EXPECT_EQ(Errors(ValidClusterRoleBinding()), Strings{});
}

TEST(RbacValidationTest, NamesArePathSegments) {
  Role role = ValidRole();
  role.metadata.name = "a/b%c";
  EXPECT_EQ(Errors(role),
            (Strings{"metadata.name: Invalid value: \"a/b%c\": may not contain '/'",
                     "metadata.name: Invalid value: \"a/b%c\": may not contain '%'"}));
  role.metadata.name = "..";
  EXPECT_EQ(Errors(role), Strings{"metadata.name: Invalid value: \"..\": may not be '..'"});
  ClusterRoleBinding binding = ValidClusterRoleBinding();
  binding.metadata.name = "system:Admin Binding";
  EXPECT_EQ(Errors(binding), Strings{});
}

TEST(RbacValidationTest, RoleAndRoleBindingAreNamespaced) {
  Role role = ValidRole();
  role.metadata.namespace_.clear();
  EXPECT_EQ(Errors(role), Strings{"metadata.namespace: Required value"});
  RoleBinding binding = ValidRoleBinding();
  binding.metadata.namespace_.clear();
  EXPECT_EQ(Errors(binding), Strings{"metadata.namespace: Required value"});
}

TEST(RbacValidationTest, ClusterKindsAreClusterScoped) {
  ClusterRole role = ValidClusterRole();
  role.metadata.namespace_ = "shop";
  EXPECT_EQ(Errors(role), Strings{"metadata.namespace: Forbidden: not allowed on this type"});
  ClusterRoleBinding binding = ValidClusterRoleBinding();
  binding.metadata.namespace_ = "shop";
  EXPECT_EQ(Errors(binding), Strings{"metadata.namespace: Forbidden: not allowed on this type"});
}

TEST(RbacValidationTest, RuleVerbsRequired) {
  Role role = ValidRole();
  role.rules[0].verbs.clear();
  EXPECT_EQ(Errors(role),
            Strings{"rules[0].verbs: Required value: verbs must contain at least one value"});
}

TEST(RbacValidationTest, RuleApiGroupsRequired) {
  Role role = ValidRole();
  role.rules[0].apiGroups.clear();
  EXPECT_EQ(Errors(role), Strings{"rules[0].apiGroups: Required value: resource rules must "
                                  "supply at least one api group"});
}

TEST(RbacValidationTest, RuleResourcesRequired) {
  ClusterRole role = ValidClusterRole();
  role.rules[0].resources.clear();
  EXPECT_EQ(Errors(role), Strings{"rules[0].resources: Required value: resource rules must "
                                  "supply at least one resource"});
}

TEST(RbacValidationTest, ResourceNamesAllowedWithSeveralResources) {
  Role role = ValidRole();
  role.rules[0].resources = {"pods", "configmaps"};
  role.rules[0].resourceNames = {"web"};
  EXPECT_EQ(Errors(role), Strings{});
}

TEST(RbacValidationTest, NamespacedRulesCannotUseNonResourceURLs) {
  Role role = ValidRole();
  PolicyRule rule;
  rule.verbs = {"get"};
  rule.nonResourceURLs = {"/healthz", "/metrics"};
  role.rules = {rule};
  EXPECT_EQ(Errors(role),
            Strings{"rules[0].nonResourceURLs: Invalid value: []string{\"/healthz\", "
                    "\"/metrics\"}: namespaced rules cannot apply to non-resource URLs"});
}

TEST(RbacValidationTest, NonResourceURLsExcludeResources) {
  ClusterRole role = ValidClusterRole();
  role.rules[1].resources = {"pods"};
  EXPECT_EQ(Errors(role),
            Strings{"rules[1].nonResourceURLs: Invalid value: []string{\"/metrics\"}: rules "
                    "cannot apply to both regular resources and non-resource URLs"});
}

TEST(RbacValidationTest, AggregationRuleNeedsSelectors) {
  ClusterRole role = ValidClusterRole();
  role.aggregationRule = AggregationRule{};
  EXPECT_EQ(Errors(role), Strings{"aggregationRule.clusterRoleSelectors: Required value: at least "
                                  "one clusterRoleSelector required if aggregationRule is "
                                  "non-nil"});
}

TEST(RbacValidationTest, AggregationRuleSelectorsMustBeValid) {
  ClusterRole role = ValidClusterRole();
  meta::LabelSelector selector;
  meta::LabelSelectorRequirement requirement;
  requirement.key = "tier";
  requirement.operator_ = "In";
  selector.matchExpressions = {requirement};
  role.aggregationRule = AggregationRule{{selector}};
  EXPECT_EQ(Errors(role),
            (Strings{"aggregationRule.clusterRoleSelectors[0].matchExpressions[0].values: "
                     "Required value: must be specified when `operator` is 'In' or 'NotIn'",
                     "aggregationRule.clusterRoleSelectors[0]: Invalid value: \"null\": invalid "
                     "label selector."}));
  selector.matchExpressions[0].values = {"frontend"};
  role.aggregationRule = AggregationRule{{selector}};
  EXPECT_EQ(Errors(role), Strings{});
}

TEST(RbacValidationTest, RoleRefApiGroupMustBeRbac) {
  RoleBinding binding = ValidRoleBinding();
  binding.roleRef.apiGroup = "example.com";
  EXPECT_EQ(Errors(binding), Strings{"roleRef.apiGroup: Unsupported value: \"example.com\": "
                                     "supported values: \"rbac.authorization.k8s.io\""});
}

TEST(RbacValidationTest, RoleBindingRoleRefKind) {
  RoleBinding binding = ValidRoleBinding();
  binding.roleRef.kind = "ClusterRole";
  EXPECT_EQ(Errors(binding), Strings{});
  binding.roleRef.kind = "Group";
  EXPECT_EQ(Errors(binding), Strings{"roleRef.kind: Unsupported value: \"Group\": supported "
                                     "values: \"Role\", \"ClusterRole\""});
}

TEST(RbacValidationTest, ClusterRoleBindingRefersOnlyToClusterRoles) {
  ClusterRoleBinding binding = ValidClusterRoleBinding();
  binding.roleRef.kind = "Role";
  EXPECT_EQ(Errors(binding), Strings{"roleRef.kind: Unsupported value: \"Role\": supported "
                                     "values: \"ClusterRole\""});
}

TEST(RbacValidationTest, RoleRefNameRequiredAndValid) {
  RoleBinding binding = ValidRoleBinding();
  binding.roleRef.name = "";
  EXPECT_EQ(Errors(binding), Strings{"roleRef.name: Required value"});
  binding.roleRef.name = "a/b";
  EXPECT_EQ(Errors(binding), Strings{"roleRef.name: Invalid value: \"a/b\": may not contain '/'"});
}

TEST(RbacValidationTest, SubjectNameRequired) {
  RoleBinding binding = ValidRoleBinding();
  binding.subjects[1].name = "";
  EXPECT_EQ(Errors(binding), Strings{"subjects[1].name: Required value"});
}

TEST(RbacValidationTest, ServiceAccountNameIsDNSSubdomain) {
  RoleBinding binding = ValidRoleBinding();
  binding.subjects[0].name = "CI_Deployer";
  Strings errors = Errors(binding);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].starts_with(
      "subjects[0].name: Invalid value: \"CI_Deployer\": a lowercase RFC 1123 subdomain must "
      "consist of"))
      << errors[0];
}

TEST(RbacValidationTest, ServiceAccountHasNoApiGroup) {
  RoleBinding binding = ValidRoleBinding();
  binding.subjects[0].apiGroup = "rbac.authorization.k8s.io";
  EXPECT_EQ(Errors(binding), Strings{"subjects[0].apiGroup: Unsupported value: "
                                     "\"rbac.authorization.k8s.io\": supported values: \"\""});
}

TEST(RbacValidationTest, ServiceAccountNamespaceRequiredInClusterRoleBinding) {
  ClusterRoleBinding binding = ValidClusterRoleBinding();
  binding.subjects[0].namespace_ = "";
  EXPECT_EQ(Errors(binding), Strings{"subjects[0].namespace: Required value"});
  RoleBinding namespaced = ValidRoleBinding();
  namespaced.subjects[0].namespace_ = "";
  EXPECT_EQ(Errors(namespaced), Strings{});
}

TEST(RbacValidationTest, UserAndGroupApiGroupMustBeRbac) {
  ClusterRoleBinding binding = ValidClusterRoleBinding();
  binding.subjects[1].apiGroup = "";
  EXPECT_EQ(Errors(binding), Strings{"subjects[1].apiGroup: Unsupported value: \"\": supported "
                                     "values: \"rbac.authorization.k8s.io\""});
  RoleBinding user = ValidRoleBinding();
  user.subjects[1].apiGroup = "example.com";
  EXPECT_EQ(Errors(user), Strings{"subjects[1].apiGroup: Unsupported value: \"example.com\": "
                                  "supported values: \"rbac.authorization.k8s.io\""});
}

TEST(RbacValidationTest, SubjectKindIsEnum) {
  RoleBinding binding = ValidRoleBinding();
  binding.subjects[1].kind = "Robot";
  EXPECT_EQ(Errors(binding), Strings{"subjects[1].kind: Unsupported value: \"Robot\": supported "
                                     "values: \"ServiceAccount\", \"User\", \"Group\""});
}

TEST(RbacDefaultsTest, BindingsDefaultRoleRefAndSubjectApiGroups) {
  RoleBinding binding;
  binding.roleRef = {"", "Role", "pod-reader"};
  binding.subjects = {MakeSubject("ServiceAccount", "ci"), MakeSubject("User", "jane"),
                      MakeSubject("Group", "devs"), MakeSubject("Robot", "r2"),
                      MakeSubject("User", "bob", "example.com")};
  SetDefaults(binding);
  EXPECT_EQ(binding.roleRef.apiGroup, "rbac.authorization.k8s.io");
  EXPECT_EQ(binding.subjects[0].apiGroup, "");
  EXPECT_EQ(binding.subjects[1].apiGroup, "rbac.authorization.k8s.io");
  EXPECT_EQ(binding.subjects[2].apiGroup, "rbac.authorization.k8s.io");
  EXPECT_EQ(binding.subjects[3].apiGroup, "");
  EXPECT_EQ(binding.subjects[4].apiGroup, "example.com");

  ClusterRoleBinding cluster;
  cluster.roleRef = {"", "ClusterRole", "view"};
  cluster.subjects = {MakeSubject("Group", "devs")};
  SetDefaults(cluster);
  EXPECT_EQ(cluster.roleRef.apiGroup, "rbac.authorization.k8s.io");
  EXPECT_EQ(cluster.subjects[0].apiGroup, "rbac.authorization.k8s.io");
}

TEST(RbacDefaultsTest, ExplicitRoleRefApiGroupKept) {
  RoleBinding binding = ValidRoleBinding();
  binding.roleRef.apiGroup = "example.com";
  SetDefaults(binding);
  EXPECT_EQ(binding.roleRef.apiGroup, "example.com");
}

}  // namespace
}  // namespace kref::api::rbac
