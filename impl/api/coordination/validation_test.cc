// Lease create validation and defaulting, rule by rule with upstream's messages, and the
// realistic manifests under impl/api/testdata/coordination.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "impl/api/coordination/ops.h"
#include "impl/api/manifest.h"
#include "impl/api/registry.h"
#include "impl/api/validation/common.h"

namespace kref::api::coordination {
namespace {

Lease ValidLease() {
  Lease lease;
  lease.metadata.name = "worker-1";
  lease.metadata.namespace_ = "kube-node-lease";
  lease.spec.holderIdentity = "worker-1";
  lease.spec.leaseDurationSeconds = 40;
  return lease;
}

std::vector<std::string> Errors(const Lease& lease) {
  std::vector<std::string> out;
  for (const validation::FieldError& e : Validate(lease)) out.push_back(e.ToString());
  return out;
}

using Strings = std::vector<std::string>;

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

TEST(CoordinationValidationTest, TestdataManifestsAreValid) {
  std::ifstream file("impl/api/testdata/coordination/lease.yaml");
  ASSERT_TRUE(file) << "run from the repository root";
  std::stringstream text;
  text << file.rdbuf();
  Result<std::vector<ManifestDocument>> docs = ParseManifests(text.str());
  ASSERT_TRUE(docs) << docs.error().message();
  ASSERT_FALSE(docs->empty());
  for (const ManifestDocument& doc : *docs) {
    Result<std::unique_ptr<Object>> object = Registry::Default().Decode(doc.value);
    ASSERT_TRUE(object) << object.error().message();
    Object& o = **object;
    if (o.metadata().namespace_.empty()) o.metadata().namespace_ = "default";
    o.metadata().uid = std::string(validation::kPlaceholderUid);
    o.PrepareForCreate();
    o.Default();
    std::vector<std::string> errors;
    for (const validation::FieldError& e : o.Validate()) errors.push_back(e.ToString());
    EXPECT_EQ(errors, Strings{}) << "document " << doc.number;
  }
}

}  // namespace
}  // namespace kref::api::coordination
