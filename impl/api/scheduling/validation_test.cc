// PriorityClass create validation and defaulting, rule by rule with upstream's messages
// (impl/api/testdata_test.cc checks the realistic manifests).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/scheduling/ops.h"
#include "impl/api/validation/common.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::scheduling {
namespace {

using ::kref::testing::Errors;
using ::kref::testing::Strings;

PriorityClass ValidPriorityClass() {
  PriorityClass pc;
  pc.metadata.name = "high-priority";
  pc.value = 1000000;
  pc.preemptionPolicy = "PreemptLowerPriority";
  return pc;
}

TEST(SchedulingValidationTest, ValidPriorityClassHasNoErrors) {
  EXPECT_EQ(Errors(ValidPriorityClass()), Strings{});
}

TEST(SchedulingValidationTest, NameMustBeDNSSubdomain) {
  PriorityClass pc = ValidPriorityClass();
  pc.metadata.name = "High";
  ASSERT_EQ(Errors(pc).size(), 1u);
  EXPECT_TRUE(Errors(pc)[0].starts_with(
      "metadata.name: Invalid value: \"High\": a lowercase RFC 1123 subdomain"));
}

TEST(SchedulingValidationTest, ClusterScoped) {
  PriorityClass pc = ValidPriorityClass();
  pc.metadata.namespace_ = "default";
  EXPECT_EQ(Errors(pc), Strings{"metadata.namespace: Forbidden: not allowed on this type"});
}

TEST(SchedulingValidationTest, SystemPrefixIsReserved) {
  PriorityClass pc = ValidPriorityClass();
  pc.metadata.name = "system-important";
  EXPECT_EQ(Errors(pc),
            Strings{"metadata.name: Forbidden: priority class names with 'system-' prefix are "
                    "reserved for system use only. error: system-important is not a known system "
                    "priority class"});
}

TEST(SchedulingValidationTest, SystemClassMustKeepItsValue) {
  PriorityClass pc = ValidPriorityClass();
  pc.metadata.name = "system-node-critical";
  pc.value = 2000000000;
  EXPECT_EQ(Errors(pc),
            Strings{"metadata.name: Forbidden: priority class names with 'system-' prefix are "
                    "reserved for system use only. error: value of system-node-critical "
                    "PriorityClass must be 2000001000"});
  pc.value = 2000001000;
  EXPECT_EQ(Errors(pc), Strings{});
}

TEST(SchedulingValidationTest, SystemClassMustNotBeGlobalDefault) {
  PriorityClass pc = ValidPriorityClass();
  pc.metadata.name = "system-cluster-critical";
  pc.value = 2000000000;
  pc.globalDefault = true;
  EXPECT_EQ(Errors(pc),
            Strings{"metadata.name: Forbidden: priority class names with 'system-' prefix are "
                    "reserved for system use only. error: globalDefault of "
                    "system-cluster-critical PriorityClass must be false"});
}

TEST(SchedulingValidationTest, UserValueAtMostOneBillion) {
  PriorityClass pc = ValidPriorityClass();
  pc.value = 1000000000;
  EXPECT_EQ(Errors(pc), Strings{});
  pc.value = 1000000001;
  EXPECT_EQ(Errors(pc), Strings{"value: Forbidden: maximum allowed value of a user defined "
                                "priority is 1000000000"});
}

TEST(SchedulingValidationTest, PreemptionPolicyIsEnum) {
  PriorityClass pc = ValidPriorityClass();
  pc.preemptionPolicy = "Sometimes";
  EXPECT_EQ(Errors(pc), Strings{"preemptionPolicy: Unsupported value: \"Sometimes\": supported "
                                "values: \"PreemptLowerPriority\", \"PreemptNever\""});
  pc.preemptionPolicy = "PreemptNever";
  EXPECT_EQ(Errors(pc), Strings{});
}

TEST(SchedulingValidationTest, EmptyPreemptionPolicyRequired) {
  PriorityClass pc = ValidPriorityClass();
  pc.preemptionPolicy = "";
  EXPECT_EQ(Errors(pc), Strings{"preemptionPolicy: Required value"});
}

TEST(SchedulingDefaultsTest, PreemptionPolicyDefaultsToPreemptLowerPriority) {
  PriorityClass pc = ValidPriorityClass();
  pc.preemptionPolicy.reset();
  SetDefaults(pc);
  EXPECT_EQ(pc.preemptionPolicy, "PreemptLowerPriority");
  pc.preemptionPolicy = "PreemptNever";
  SetDefaults(pc);
  EXPECT_EQ(pc.preemptionPolicy, "PreemptNever");
}

TEST(SchedulingDefaultsTest, PrepareForCreateSetsGeneration) {
  PriorityClass pc = ValidPriorityClass();
  pc.metadata.generation = 7;
  PrepareForCreate(pc);
  EXPECT_EQ(pc.metadata.generation, 1);
}

}  // namespace
}  // namespace kref::api::scheduling
