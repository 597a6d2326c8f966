// Lease create validation and defaulting, rule by rule with upstream's messages
// (impl/api/testdata_test.cc checks the realistic manifests).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/coordination/ops.h"
#include "impl/api/validation/common.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::coordination {
namespace {

using ::kref::testing::Errors;
using ::kref::testing::Strings;

Lease ValidLease() {
  Lease lease;
  lease.metadata.name = "worker-1";
  lease.metadata.namespace_ = "kube-node-lease";
  lease.spec.holderIdentity = "worker-1";
  lease.spec.leaseDurationSeconds = 40;
  return lease;
}

TEST(CoordinationValidationTest, ValidLeaseHasNoErrors) {
  EXPECT_EQ(Errors(ValidLease()), Strings{});
}

TEST(CoordinationValidationTest, NameMustBeDNSSubdomain) {
  Lease lease = ValidLease();
  lease.metadata.name = "Worker_1";
  EXPECT_EQ(Errors(lease),
            Strings{"metadata.name: Invalid value: \"Worker_1\": a lowercase RFC 1123 subdomain "
                    "must consist of lower case alphanumeric characters, '-' or '.', and must "
                    "start and end with an alphanumeric character (e.g. 'example.com', regex used "
                    "for validation is "
                    "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"});
}

TEST(CoordinationValidationTest, NamespaceRequired) {
  Lease lease = ValidLease();
  lease.metadata.namespace_.clear();
  EXPECT_EQ(Errors(lease), Strings{"metadata.namespace: Required value"});
}

TEST(CoordinationValidationTest, LeaseDurationSecondsMustBePositive) {
  Lease lease = ValidLease();
  lease.spec.leaseDurationSeconds = 0;
  EXPECT_EQ(Errors(lease),
            Strings{"spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0"});
}

TEST(CoordinationValidationTest, LeaseTransitionsMustBeNonnegative) {
  Lease lease = ValidLease();
  lease.spec.leaseTransitions = -1;
  EXPECT_EQ(Errors(lease), Strings{"spec.leaseTransitions: Invalid value: -1: must be greater "
                                   "than or equal to 0"});
  lease.spec.leaseTransitions = 0;
  EXPECT_EQ(Errors(lease), Strings{});
}

TEST(CoordinationValidationTest, StrategyMustBeKnownName) {
  Lease lease = ValidLease();
  lease.spec.strategy = "Newest";
  EXPECT_EQ(Errors(lease),
            Strings{"spec.strategy.strategy: Unsupported value: \"Newest\": supported values: "
                    "\"OldestEmulationVersion\""});
  lease.spec.strategy = "OldestEmulationVersion";
  EXPECT_EQ(Errors(lease), Strings{});
}

TEST(CoordinationValidationTest, PrefixedStrategyMustBeQualifiedName) {
  Lease lease = ValidLease();
  lease.spec.strategy = "example.com/Best-";
  EXPECT_EQ(Errors(lease),
            Strings{"spec.strategy.strategy: Invalid value: \"example.com/Best-\": name part "
                    "must consist of alphanumeric characters, '-', '_' or '.', and must start and "
                    "end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
                    "'123-abc', regex used for validation is "
                    "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"});
  lease.spec.strategy = "example.com/best";
  EXPECT_EQ(Errors(lease), Strings{});
}

TEST(CoordinationValidationTest, PreferredHolderNeedsStrategy) {
  Lease lease = ValidLease();
  lease.spec.preferredHolder = "worker-2";
  EXPECT_EQ(Errors(lease), Strings{"spec.preferredHolder: Forbidden: may only be specified if "
                                   "`strategy` is defined"});
  lease.spec.strategy = "OldestEmulationVersion";
  EXPECT_EQ(Errors(lease), Strings{});
}

TEST(CoordinationDefaultsTest, PrepareForCreateDropsCoordinatedElectionFields) {
  Lease lease = ValidLease();
  lease.spec.strategy = "OldestEmulationVersion";
  lease.spec.preferredHolder = "worker-2";
  PrepareForCreate(lease);
  EXPECT_FALSE(lease.spec.strategy.has_value());
  EXPECT_FALSE(lease.spec.preferredHolder.has_value());
  EXPECT_EQ(lease.spec.holderIdentity, "worker-1");
}

}  // namespace
}  // namespace kref::api::coordination
