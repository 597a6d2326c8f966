// policy/v1 create preparation and validation (PodDisruptionBudget, Eviction), rule by rule
// with upstream's paths and messages (impl/api/testdata_test.cc checks the realistic manifests).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/policy/ops.h"
#include "impl/api/validation/common.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::policy {
namespace {

using ::kref::testing::Errors;
using ::kref::testing::Strings;

PodDisruptionBudget ValidPdb() {
  PodDisruptionBudget pdb;
  pdb.metadata.name = "web";
  pdb.metadata.namespace_ = "shop";
  pdb.spec.minAvailable = IntOrString::FromString("75%");
  pdb.spec.selector.emplace();
  pdb.spec.selector->matchLabels = {{"app", "web"}};
  PrepareForCreate(pdb);
  SetDefaults(pdb);
  return pdb;
}

Eviction ValidEviction() {
  Eviction eviction;
  eviction.metadata.name = "web-7d4b9c8f6d-x2k8p";
  eviction.metadata.namespace_ = "shop";
  return eviction;
}

// ---- PodDisruptionBudget ----

TEST(PolicyValidationTest, ValidObjectsHaveNoErrors) {
  EXPECT_EQ(Errors(ValidPdb()), Strings{});
  EXPECT_EQ(Errors(ValidEviction()), Strings{});
}

TEST(PolicyValidationTest, MinAvailableAndMaxUnavailableExclusive) {
  PodDisruptionBudget pdb = ValidPdb();
  pdb.spec.maxUnavailable = IntOrString::FromInt(1);
  EXPECT_EQ(Errors(pdb),
            Strings{"spec: Invalid value: policy.PodDisruptionBudgetSpec{"
                    "MinAvailable:(*intstr.IntOrString)(0xc000010000), "
                    "Selector:(*v1.LabelSelector)(0xc000010000), "
                    "MaxUnavailable:(*intstr.IntOrString)(0xc000010000), "
                    "UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: "
                    "minAvailable and maxUnavailable cannot be both set"});
}

TEST(PolicyValidationTest, MinAvailableNonnegative) {
  PodDisruptionBudget pdb = ValidPdb();
  pdb.spec.minAvailable = IntOrString::FromInt(-1);
  EXPECT_EQ(Errors(pdb),
            Strings{"spec.minAvailable: Invalid value: -1: must be greater than or equal to 0"});
}

TEST(PolicyValidationTest, MaxUnavailablePercentRules) {
  PodDisruptionBudget pdb = ValidPdb();
  pdb.spec.minAvailable.reset();
  pdb.spec.maxUnavailable = IntOrString::FromString("120%");
  EXPECT_EQ(Errors(pdb), Strings{"spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, "
                                 "IntVal:0, StrVal:\"120%\"}: must not be greater than 100%"});
  pdb.spec.maxUnavailable = IntOrString::FromString("ten");
  EXPECT_EQ(Errors(pdb), Strings{"spec.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, "
                                 "IntVal:0, StrVal:\"ten\"}: a valid percent string must be a "
                                 "numeric string followed by an ending '%' (e.g. '1%',  or '93%', "
                                 "regex used for validation is '[0-9]+%')"});
}

TEST(PolicyValidationTest, SelectorValidated) {
  PodDisruptionBudget pdb = ValidPdb();
  pdb.spec.selector->matchExpressions.push_back({"track", "In", {}});
  EXPECT_EQ(Errors(pdb), Strings{"spec.selector.matchExpressions[0].values: Required value: must "
                                 "be specified when `operator` is 'In' or 'NotIn'"});
}

TEST(PolicyValidationTest, UnhealthyPodEvictionPolicyValues) {
  PodDisruptionBudget pdb = ValidPdb();
  pdb.spec.unhealthyPodEvictionPolicy = "Never";
  EXPECT_EQ(Errors(pdb), Strings{"spec.unhealthyPodEvictionPolicy: Unsupported value: \"Never\": "
                                 "supported values: \"AlwaysAllow\", \"IfHealthyBudget\""});
  pdb.spec.unhealthyPodEvictionPolicy = "IfHealthyBudget";
  EXPECT_EQ(Errors(pdb), Strings{});
}

// Upstream checks a PodDisruptionBudget's metadata only once its spec passed, and its names
// as path segments.
TEST(PolicyValidationTest, MetadataCheckedAfterSpecWithPathSegmentNames) {
  PodDisruptionBudget pdb = ValidPdb();
  pdb.metadata.name = "Web_Budget";
  EXPECT_EQ(Errors(pdb), Strings{});
  pdb.metadata.name = "web/budget";
  EXPECT_EQ(Errors(pdb),
            Strings{"metadata.name: Invalid value: \"web/budget\": may not contain '/'"});
  pdb.metadata.namespace_.clear();
  pdb.spec.minAvailable = IntOrString::FromInt(-1);
  EXPECT_EQ(Errors(pdb),
            Strings{"spec.minAvailable: Invalid value: -1: must be greater than or equal to 0"});
}

TEST(PolicyDefaultsTest, PrepareForCreateResetsStatusAndGeneration) {
  PodDisruptionBudget pdb = ValidPdb();
  pdb.status.currentHealthy = 3;
  pdb.metadata.generation = 9;
  PrepareForCreate(pdb);
  EXPECT_EQ(pdb.status, PodDisruptionBudgetStatus());
  EXPECT_EQ(pdb.metadata.generation, 1);
}

TEST(PolicyDefaultsTest, NoDefaults) {
  PodDisruptionBudget pdb;
  SetDefaults(pdb);
  EXPECT_EQ(pdb, PodDisruptionBudget());
  Eviction eviction;
  PrepareForCreate(eviction);
  SetDefaults(eviction);
  EXPECT_EQ(eviction, Eviction());
}

// ---- Eviction ----

TEST(PolicyValidationTest, EvictionNamesAPod) {
  Eviction eviction = ValidEviction();
  eviction.metadata.name.clear();
  EXPECT_EQ(Errors(eviction),
            Strings{"metadata.name: Required value: name or generateName is required"});
}

TEST(PolicyValidationTest, EvictionPropagationPolicy) {
  Eviction eviction = ValidEviction();
  eviction.deleteOptions.emplace();
  eviction.deleteOptions->propagationPolicy = "Cascade";
  EXPECT_EQ(Errors(eviction),
            Strings{"deleteOptions.propagationPolicy: Unsupported value: \"Cascade\": supported "
                    "values: \"Foreground\", \"Background\", \"Orphan\", \"nil\""});
  eviction.deleteOptions->propagationPolicy = "Background";
  eviction.deleteOptions->orphanDependents = false;
  EXPECT_EQ(Errors(eviction),
            Strings{"deleteOptions.propagationPolicy: Invalid value: \"Background\": "
                    "orphanDependents and deletionPropagation cannot be both set"});
}

TEST(PolicyValidationTest, EvictionDryRunValues) {
  Eviction eviction = ValidEviction();
  eviction.deleteOptions.emplace();
  eviction.deleteOptions->dryRun = {"All", "Server"};
  EXPECT_EQ(Errors(eviction), Strings{"deleteOptions.dryRun: Unsupported value: "
                                      "[]string{\"All\", \"Server\"}: supported values: \"All\""});
  eviction.deleteOptions->dryRun = {"All"};
  EXPECT_EQ(Errors(eviction), Strings{});
}

}  // namespace
}  // namespace kref::api::policy
