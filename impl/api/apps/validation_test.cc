// apps/v1 create preparation, defaulting and validation, rule by rule with upstream's paths and
// messages (impl/api/testdata_test.cc checks the realistic manifests).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/apps/ops.h"
#include "impl/api/validation/common.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::apps {
namespace {

using ::kref::testing::Errors;
using ::kref::testing::Strings;

core::PodTemplateSpec WebTemplate() {
  core::PodTemplateSpec template_spec;
  template_spec.metadata.labels = {{"app", "web"}};
  core::Container container;
  container.name = "web";
  container.image = "registry.example.com/web:1.0";
  template_spec.spec.containers.push_back(container);
  return template_spec;
}

meta::LabelSelector WebSelector() {
  meta::LabelSelector selector;
  selector.matchLabels = {{"app", "web"}};
  return selector;
}

Deployment ValidDeployment() {
  Deployment d;
  d.metadata.name = "web";
  d.metadata.namespace_ = "shop";
  d.spec.selector = WebSelector();
  d.spec.template_ = WebTemplate();
  SetDefaults(d);
  return d;
}

ReplicaSet ValidReplicaSet() {
  ReplicaSet rs;
  rs.metadata.name = "web-5d8f";
  rs.metadata.namespace_ = "shop";
  rs.spec.selector = WebSelector();
  rs.spec.template_ = WebTemplate();
  SetDefaults(rs);
  return rs;
}

DaemonSet ValidDaemonSet() {
  DaemonSet ds;
  ds.metadata.name = "agent";
  ds.metadata.namespace_ = "kube-system";
  ds.spec.selector = WebSelector();
  ds.spec.template_ = WebTemplate();
  SetDefaults(ds);
  return ds;
}

StatefulSet ValidStatefulSet() {
  StatefulSet ss;
  ss.metadata.name = "db";
  ss.metadata.namespace_ = "data";
  ss.spec.serviceName = "db";
  ss.spec.selector = WebSelector();
  ss.spec.template_ = WebTemplate();
  SetDefaults(ss);
  return ss;
}

ControllerRevision ValidControllerRevision() {
  ControllerRevision cr;
  cr.metadata.name = "db-6c9f7b5d84";
  cr.metadata.namespace_ = "data";
  cr.data.json = R"({"spec":{}})";
  cr.revision = 1;
  return cr;
}

constexpr char kEmptySelector[] =
    "v1.LabelSelector{MatchLabels:map[string]string(nil), "
    "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}";

// ---- Deployment ----

TEST(AppsValidationTest, ValidObjectsHaveNoErrors) {
  EXPECT_EQ(Errors(ValidDeployment()), Strings{});
  EXPECT_EQ(Errors(ValidReplicaSet()), Strings{});
  EXPECT_EQ(Errors(ValidDaemonSet()), Strings{});
  EXPECT_EQ(Errors(ValidStatefulSet()), Strings{});
  EXPECT_EQ(Errors(ValidControllerRevision()), Strings{});
}

TEST(AppsValidationTest, DeploymentNameMustBeDNSSubdomain) {
  Deployment d = ValidDeployment();
  d.metadata.name = "Web";
  EXPECT_EQ(
      Errors(d),
      Strings{"metadata.name: Invalid value: \"Web\": a lowercase RFC 1123 subdomain must "
              "consist of lower case alphanumeric characters, '-' or '.', and must start "
              "and end with an alphanumeric character (e.g. 'example.com', regex used for "
              "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"});
}

TEST(AppsValidationTest, DeploymentReplicasMustBeNonnegative) {
  Deployment d = ValidDeployment();
  d.spec.replicas = -1;
  EXPECT_EQ(Errors(d),
            Strings{"spec.replicas: Invalid value: -1: must be greater than or equal to 0"});
}

TEST(AppsValidationTest, DeploymentSelectorRequired) {
  Deployment d = ValidDeployment();
  d.spec.selector.reset();
  EXPECT_EQ(Errors(d), (Strings{"spec.selector: Required value",
                                "spec.template.metadata.labels: Invalid value: "
                                "map[string]string{\"app\":\"web\"}: `selector` does not match "
                                "template `labels`"}));
}

TEST(AppsValidationTest, DeploymentEmptySelectorInvalid) {
  Deployment d = ValidDeployment();
  d.spec.selector = meta::LabelSelector();
  EXPECT_EQ(Errors(d), Strings{std::string("spec.selector: Invalid value: ") + kEmptySelector +
                               ": empty selector is invalid for deployment"});
}

TEST(AppsValidationTest, DeploymentSelectorMustMatchTemplateLabels) {
  Deployment d = ValidDeployment();
  d.spec.template_.metadata.labels = {{"app", "api"}, {"tier", "backend"}};
  EXPECT_EQ(Errors(d), Strings{"spec.template.metadata.labels: Invalid value: "
                               "map[string]string{\"app\":\"api\", \"tier\":\"backend\"}: "
                               "`selector` does not match template `labels`"});
}

TEST(AppsValidationTest, DeploymentSelectorIsValidated) {
  Deployment d = ValidDeployment();
  d.spec.selector->matchExpressions.push_back({"tier", "Near", {"a"}});
  Strings errors = Errors(d);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0],
            "spec.selector.matchExpressions[0].operator: Invalid value: \"Near\": not a valid "
            "selector operator");
}

TEST(AppsValidationTest, DeploymentTemplateRestartPolicyMustBeAlways) {
  Deployment d = ValidDeployment();
  d.spec.template_.spec.restartPolicy = "OnFailure";
  EXPECT_EQ(Errors(d), Strings{"spec.template.spec.restartPolicy: Unsupported value: "
                               "\"OnFailure\": supported values: \"Always\""});
}

TEST(AppsValidationTest, DeploymentTemplateActiveDeadlineForbidden) {
  Deployment d = ValidDeployment();
  d.spec.template_.spec.activeDeadlineSeconds = 30;
  EXPECT_EQ(Errors(d), Strings{"spec.template.spec.activeDeadlineSeconds: Forbidden: "
                               "activeDeadlineSeconds in ReplicaSet is not Supported"});
}

TEST(AppsValidationTest, DeploymentTemplatePodSpecIsValidated) {
  Deployment d = ValidDeployment();
  d.spec.template_.spec.containers[0].image.clear();
  EXPECT_EQ(Errors(d), Strings{"spec.template.spec.containers[0].image: Required value"});
}

TEST(AppsValidationTest, DeploymentStrategyTypeMustBeKnown) {
  Deployment d = ValidDeployment();
  d.spec.strategy.type = "BlueGreen";
  d.spec.strategy.rollingUpdate.reset();
  EXPECT_EQ(Errors(d), Strings{"spec.strategy: Unsupported value: "
                               "apps.DeploymentStrategy{Type:\"BlueGreen\", "
                               "RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported "
                               "values: \"Recreate\", \"RollingUpdate\""});
}

TEST(AppsValidationTest, DeploymentRecreateForbidsRollingUpdate) {
  Deployment d = ValidDeployment();
  d.spec.strategy.type = "Recreate";
  EXPECT_EQ(Errors(d), Strings{"spec.strategy.rollingUpdate: Forbidden: may not be specified "
                               "when strategy `type` is 'Recreate'"});
}

TEST(AppsValidationTest, DeploymentRollingUpdateRequiredForRollingUpdate) {
  Deployment d = ValidDeployment();
  d.spec.strategy.rollingUpdate.reset();
  EXPECT_EQ(Errors(d), Strings{"spec.strategy.rollingUpdate: Required value: this should be "
                               "defaulted and never be nil"});
}

TEST(AppsValidationTest, DeploymentMaxUnavailableAndMaxSurgeNotBothZero) {
  Deployment d = ValidDeployment();
  d.spec.strategy.rollingUpdate->maxUnavailable = IntOrString::FromInt(0);
  d.spec.strategy.rollingUpdate->maxSurge = IntOrString::FromString("0%");
  EXPECT_EQ(Errors(d), Strings{"spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "
                               "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 "
                               "when `maxSurge` is 0"});
}

TEST(AppsValidationTest, DeploymentMaxUnavailableAtMost100Percent) {
  Deployment d = ValidDeployment();
  d.spec.strategy.rollingUpdate->maxUnavailable = IntOrString::FromString("150%");
  EXPECT_EQ(Errors(d), Strings{"spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "
                               "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: must not "
                               "be greater than 100%"});
  // maxSurge may exceed 100%.
  d.spec.strategy.rollingUpdate->maxUnavailable = IntOrString::FromString("25%");
  d.spec.strategy.rollingUpdate->maxSurge = IntOrString::FromString("200%");
  EXPECT_EQ(Errors(d), Strings{});
}

TEST(AppsValidationTest, DeploymentMaxSurgeMustBeIntOrPercent) {
  Deployment d = ValidDeployment();
  d.spec.strategy.rollingUpdate->maxSurge = IntOrString::FromString("half");
  EXPECT_EQ(Errors(d), Strings{"spec.strategy.rollingUpdate.maxSurge: Invalid value: "
                               "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"half\"}: a valid "
                               "percent string must be a numeric string followed by an ending "
                               "'%' (e.g. '1%',  or '93%', regex used for validation is "
                               "'[0-9]+%')"});
}

TEST(AppsValidationTest, DeploymentMaxUnavailableMustBeNonnegative) {
  Deployment d = ValidDeployment();
  d.spec.strategy.rollingUpdate->maxUnavailable = IntOrString::FromInt(-1);
  EXPECT_EQ(Errors(d), Strings{"spec.strategy.rollingUpdate.maxUnavailable: Invalid value: -1: "
                               "must be greater than or equal to 0"});
}

TEST(AppsValidationTest, DeploymentRevisionHistoryLimitNonnegative) {
  Deployment d = ValidDeployment();
  d.spec.revisionHistoryLimit = -1;
  EXPECT_EQ(Errors(d), Strings{"spec.revisionHistoryLimit: Invalid value: -1: must be greater "
                               "than or equal to 0"});
}

TEST(AppsValidationTest, DeploymentMinReadySecondsNonnegative) {
  Deployment d = ValidDeployment();
  d.spec.minReadySeconds = -5;
  EXPECT_EQ(Errors(d), Strings{"spec.minReadySeconds: Invalid value: -5: must be greater than "
                               "or equal to 0"});
}

TEST(AppsValidationTest, DeploymentProgressDeadlineAboveMinReadySeconds) {
  Deployment d = ValidDeployment();
  d.spec.minReadySeconds = 600;
  EXPECT_EQ(Errors(d), Strings{"spec.progressDeadlineSeconds: Invalid value: 600: must be "
                               "greater than minReadySeconds"});
  d.spec.progressDeadlineSeconds = -1;
  d.spec.minReadySeconds = -2;
  EXPECT_EQ(Errors(d), (Strings{"spec.minReadySeconds: Invalid value: -2: must be greater than "
                                "or equal to 0",
                                "spec.progressDeadlineSeconds: Invalid value: -1: must be greater "
                                "than or equal to 0"}));
}

// ---- ReplicaSet ----

TEST(AppsValidationTest, ReplicaSetReplicasAndMinReadySecondsNonnegative) {
  ReplicaSet rs = ValidReplicaSet();
  rs.spec.replicas = -2;
  rs.spec.minReadySeconds = -1;
  EXPECT_EQ(Errors(rs), (Strings{"spec.replicas: Invalid value: -2: must be greater than or "
                                 "equal to 0",
                                 "spec.minReadySeconds: Invalid value: -1: must be greater than "
                                 "or equal to 0"}));
}

TEST(AppsValidationTest, ReplicaSetEmptySelectorUsesUpstreamWording) {
  ReplicaSet rs = ValidReplicaSet();
  rs.spec.selector = meta::LabelSelector();
  EXPECT_EQ(Errors(rs), Strings{std::string("spec.selector: Invalid value: ") + kEmptySelector +
                                ": empty selector is invalid for deployment"});
}

TEST(AppsValidationTest, ReplicaSetSelectorMustMatchTemplate) {
  ReplicaSet rs = ValidReplicaSet();
  rs.spec.selector->matchExpressions.push_back({"tier", "In", {"cache"}});
  EXPECT_EQ(Errors(rs), Strings{"spec.template.metadata.labels: Invalid value: "
                                "map[string]string{\"app\":\"web\"}: `selector` does not match "
                                "template `labels`"});
}

TEST(AppsValidationTest, ReplicaSetTemplateRestartPolicyMustBeAlways) {
  ReplicaSet rs = ValidReplicaSet();
  rs.spec.template_.spec.restartPolicy = "Never";
  EXPECT_EQ(Errors(rs), Strings{"spec.template.spec.restartPolicy: Unsupported value: "
                                "\"Never\": supported values: \"Always\""});
}

// ---- DaemonSet ----

TEST(AppsValidationTest, DaemonSetWithoutSelectorFailsTemplateMatch) {
  DaemonSet ds = ValidDaemonSet();
  ds.spec.selector.reset();
  EXPECT_EQ(Errors(ds), Strings{"spec.template.metadata.labels: Invalid value: "
                                "map[string]string{\"app\":\"web\"}: `selector` does not match "
                                "template `labels`"});
}

TEST(AppsValidationTest, DaemonSetEmptySelectorInvalid) {
  DaemonSet ds = ValidDaemonSet();
  ds.spec.selector = meta::LabelSelector();
  EXPECT_EQ(Errors(ds), Strings{std::string("spec.selector: Invalid value: ") + kEmptySelector +
                                ": empty selector is invalid for daemonset"});
}

TEST(AppsValidationTest, DaemonSetTemplateRules) {
  DaemonSet ds = ValidDaemonSet();
  ds.spec.template_.spec.restartPolicy = "OnFailure";
  ds.spec.template_.spec.activeDeadlineSeconds = 10;
  EXPECT_EQ(Errors(ds), (Strings{"spec.template.spec.restartPolicy: Unsupported value: "
                                 "\"OnFailure\": supported values: \"Always\"",
                                 "spec.template.spec.activeDeadlineSeconds: Forbidden: "
                                 "activeDeadlineSeconds in DaemonSet is not Supported"}));
}

TEST(AppsValidationTest, DaemonSetMinReadySecondsAndHistoryNonnegative) {
  DaemonSet ds = ValidDaemonSet();
  ds.spec.minReadySeconds = -1;
  ds.spec.revisionHistoryLimit = -1;
  EXPECT_EQ(Errors(ds), (Strings{"spec.minReadySeconds: Invalid value: -1: must be greater than "
                                 "or equal to 0",
                                 "spec.revisionHistoryLimit: Invalid value: -1: must be greater "
                                 "than or equal to 0"}));
}

TEST(AppsValidationTest, DaemonSetUpdateStrategyTypeMustBeKnown) {
  DaemonSet ds = ValidDaemonSet();
  ds.spec.updateStrategy.type = "Surge";
  ds.spec.updateStrategy.rollingUpdate.reset();
  EXPECT_EQ(Errors(ds), Strings{"spec.updateStrategy: Unsupported value: "
                                "apps.DaemonSetUpdateStrategy{Type:\"Surge\", "
                                "RollingUpdate:(*apps.RollingUpdateDaemonSet)(nil)}: supported "
                                "values: \"RollingUpdate\", \"OnDelete\""});
  ds.spec.updateStrategy.type = "OnDelete";
  EXPECT_EQ(Errors(ds), Strings{});
}

TEST(AppsValidationTest, DaemonSetRollingUpdateRequired) {
  DaemonSet ds = ValidDaemonSet();
  ds.spec.updateStrategy.rollingUpdate.reset();
  EXPECT_EQ(Errors(ds), Strings{"spec.updateStrategy.rollingUpdate: Required value"});
}

TEST(AppsValidationTest, DaemonSetMaxUnavailableAndMaxSurgeNotBothZero) {
  DaemonSet ds = ValidDaemonSet();
  ds.spec.updateStrategy.rollingUpdate->maxUnavailable = IntOrString::FromString("0%");
  EXPECT_EQ(Errors(ds), Strings{"spec.updateStrategy.rollingUpdate.maxUnavailable: Required "
                                "value: cannot be 0 when maxSurge is 0"});
}

TEST(AppsValidationTest, DaemonSetMaxUnavailableAndMaxSurgeNotBothSet) {
  DaemonSet ds = ValidDaemonSet();
  ds.spec.updateStrategy.rollingUpdate->maxSurge = IntOrString::FromString("10%");
  EXPECT_EQ(Errors(ds), Strings{"spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "
                                "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"10%\"}: may not be "
                                "set when maxUnavailable is non-zero"});
}

TEST(AppsValidationTest, DaemonSetMaxSurgeAtMost100Percent) {
  DaemonSet ds = ValidDaemonSet();
  ds.spec.updateStrategy.rollingUpdate->maxUnavailable = IntOrString::FromInt(0);
  ds.spec.updateStrategy.rollingUpdate->maxSurge = IntOrString::FromString("101%");
  EXPECT_EQ(Errors(ds), Strings{"spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "
                                "intstr.IntOrString{Type:1, IntVal:0, StrVal:\"101%\"}: must not "
                                "be greater than 100%"});
}

// ---- StatefulSet ----

TEST(AppsValidationTest, StatefulSetNameMustBeDNSLabel) {
  StatefulSet ss = ValidStatefulSet();
  ss.metadata.name = "db.primary";
  EXPECT_EQ(Errors(ss),
            Strings{"metadata.name: Invalid value: \"db.primary\": must not contain dots"});
  ss.metadata.name = "db_primary";
  EXPECT_EQ(Errors(ss),
            Strings{"metadata.name: Invalid value: \"db_primary\": a lowercase RFC 1123 label "
                    "must consist of lower case alphanumeric characters or '-', and must start "
                    "and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex "
                    "used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"});
}

TEST(AppsValidationTest, StatefulSetPodManagementPolicy) {
  StatefulSet ss = ValidStatefulSet();
  ss.spec.podManagementPolicy = "Random";
  EXPECT_EQ(Errors(ss), Strings{"spec.podManagementPolicy: Invalid value: \"Random\": must be "
                                "'OrderedReady' or 'Parallel'"});
  ss.spec.podManagementPolicy.clear();
  EXPECT_EQ(Errors(ss), Strings{"spec.podManagementPolicy: Required value"});
}

TEST(AppsValidationTest, StatefulSetUpdateStrategyType) {
  StatefulSet ss = ValidStatefulSet();
  ss.spec.updateStrategy.type = "Canary";
  ss.spec.updateStrategy.rollingUpdate.reset();
  EXPECT_EQ(Errors(ss), Strings{"spec.updateStrategy: Invalid value: "
                                "apps.StatefulSetUpdateStrategy{Type:\"Canary\", "
                                "RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: "
                                "must be 'RollingUpdate' or 'OnDelete'"});
  ss.spec.updateStrategy.type.clear();
  EXPECT_EQ(Errors(ss), Strings{"spec.updateStrategy: Required value"});
}

TEST(AppsValidationTest, StatefulSetOnDeleteForbidsRollingUpdate) {
  StatefulSet ss = ValidStatefulSet();
  ss.spec.updateStrategy.type = "OnDelete";
  EXPECT_EQ(Errors(ss), Strings{"spec.updateStrategy.rollingUpdate: Invalid value: "
                                "apps.RollingUpdateStatefulSetStrategy{Partition:0, "
                                "MaxUnavailable:(*intstr.IntOrString)(nil)}: only allowed for "
                                "updateStrategy 'RollingUpdate'"});
}

TEST(AppsValidationTest, StatefulSetPartitionNonnegative) {
  StatefulSet ss = ValidStatefulSet();
  ss.spec.updateStrategy.rollingUpdate->partition = -1;
  EXPECT_EQ(Errors(ss), Strings{"spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: "
                                "must be greater than or equal to 0"});
}

TEST(AppsValidationTest, StatefulSetMaxUnavailableRules) {
  StatefulSet ss = ValidStatefulSet();
  ss.spec.updateStrategy.rollingUpdate->maxUnavailable = IntOrString::FromInt(0);
  EXPECT_EQ(Errors(ss), Strings{"spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid "
                                "value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: "
                                "cannot be 0"});
}

TEST(AppsValidationTest, StatefulSetRetentionPolicyValues) {
  StatefulSet ss = ValidStatefulSet();
  ss.spec.persistentVolumeClaimRetentionPolicy->whenScaled = "Keep";
  EXPECT_EQ(Errors(ss), Strings{"spec.persistentVolumeClaimRetentionPolicy.whenScaled: "
                                "Unsupported value: \"Keep\": supported values: \"Retain\", "
                                "\"Delete\""});
}

TEST(AppsValidationTest, StatefulSetCountsNonnegative) {
  StatefulSet ss = ValidStatefulSet();
  ss.spec.replicas = -1;
  ss.spec.minReadySeconds = -1;
  ss.spec.ordinals = StatefulSetOrdinals{-3};
  EXPECT_EQ(Errors(ss), (Strings{"spec.replicas: Invalid value: -1: must be greater than or "
                                 "equal to 0",
                                 "spec.minReadySeconds: Invalid value: -1: must be greater than "
                                 "or equal to 0",
                                 "spec.ordinals.start: Invalid value: -3: must be greater than or "
                                 "equal to 0"}));
}

TEST(AppsValidationTest, StatefulSetSelectorRules) {
  StatefulSet ss = ValidStatefulSet();
  ss.spec.selector = meta::LabelSelector();
  EXPECT_EQ(Errors(ss), Strings{std::string("spec.selector: Invalid value: ") + kEmptySelector +
                                ": empty selector is invalid for statefulset"});
  ss.spec.selector = meta::LabelSelector();
  ss.spec.selector->matchLabels = {{"app", "db"}};
  EXPECT_EQ(Errors(ss), Strings{"spec.template.metadata.labels: Invalid value: "
                                "map[string]string{\"app\":\"web\"}: `selector` does not match "
                                "template `labels`"});
}

TEST(AppsValidationTest, StatefulSetTemplateRules) {
  StatefulSet ss = ValidStatefulSet();
  ss.spec.template_.spec.restartPolicy = "Never";
  ss.spec.template_.spec.activeDeadlineSeconds = 5;
  EXPECT_EQ(Errors(ss), (Strings{"spec.template.spec.restartPolicy: Unsupported value: "
                                 "\"Never\": supported values: \"Always\"",
                                 "spec.template.spec.activeDeadlineSeconds: Forbidden: "
                                 "activeDeadlineSeconds in StatefulSet is not Supported"}));
}

TEST(AppsValidationTest, StatefulSetTemplateLabelsValidatedAtUpstreamPath) {
  StatefulSet ss = ValidStatefulSet();
  ss.spec.template_.metadata.labels["tier"] = "-bad";
  Strings errors = Errors(ss);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("spec.template.labels: Invalid value: \"-bad\": a valid label must "
                            "be an empty string",
                            0),
            0u)
      << errors[0];
}

// Upstream does not validate a StatefulSet's pod spec or claim templates on create.
TEST(AppsValidationTest, StatefulSetPodSpecNotValidated) {
  StatefulSet ss = ValidStatefulSet();
  ss.spec.template_.spec.containers[0].image.clear();
  EXPECT_EQ(Errors(ss), Strings{});
}

// ---- ControllerRevision ----

TEST(AppsValidationTest, ControllerRevisionDataRequired) {
  ControllerRevision cr = ValidControllerRevision();
  cr.data.json.clear();
  EXPECT_EQ(Errors(cr), Strings{"data: Required value: data is mandatory"});
}

TEST(AppsValidationTest, ControllerRevisionRevisionNonnegative) {
  ControllerRevision cr = ValidControllerRevision();
  cr.revision = -1;
  EXPECT_EQ(Errors(cr), Strings{"revision: Invalid value: -1: must be greater than or equal to 0"});
}

// ---- Defaults and PrepareForCreate ----

TEST(AppsDefaultsTest, DeploymentDefaults) {
  Deployment d;
  d.spec.template_ = WebTemplate();
  SetDefaults(d);
  EXPECT_EQ(d.spec.replicas, 1);
  EXPECT_EQ(d.spec.strategy.type, "RollingUpdate");
  ASSERT_TRUE(d.spec.strategy.rollingUpdate);
  EXPECT_EQ(d.spec.strategy.rollingUpdate->maxUnavailable, IntOrString::FromString("25%"));
  EXPECT_EQ(d.spec.strategy.rollingUpdate->maxSurge, IntOrString::FromString("25%"));
  EXPECT_EQ(d.spec.revisionHistoryLimit, 10);
  EXPECT_EQ(d.spec.progressDeadlineSeconds, 600);
  EXPECT_EQ(d.spec.template_.spec.restartPolicy, "Always");
}

TEST(AppsDefaultsTest, DeploymentRecreateGetsNoRollingUpdate) {
  Deployment d;
  d.spec.strategy.type = "Recreate";
  d.spec.replicas = 0;
  SetDefaults(d);
  EXPECT_FALSE(d.spec.strategy.rollingUpdate);
  EXPECT_EQ(d.spec.replicas, 0);
}

TEST(AppsDefaultsTest, DeploymentKeepsGivenRollingUpdateValues) {
  Deployment d;
  d.spec.strategy.rollingUpdate.emplace();
  d.spec.strategy.rollingUpdate->maxSurge = IntOrString::FromInt(2);
  SetDefaults(d);
  EXPECT_EQ(d.spec.strategy.rollingUpdate->maxSurge, IntOrString::FromInt(2));
  EXPECT_EQ(d.spec.strategy.rollingUpdate->maxUnavailable, IntOrString::FromString("25%"));
}

TEST(AppsDefaultsTest, ReplicaSetDefaults) {
  ReplicaSet rs;
  SetDefaults(rs);
  EXPECT_EQ(rs.spec.replicas, 1);
}

TEST(AppsDefaultsTest, DaemonSetDefaults) {
  DaemonSet ds;
  SetDefaults(ds);
  EXPECT_EQ(ds.spec.updateStrategy.type, "RollingUpdate");
  ASSERT_TRUE(ds.spec.updateStrategy.rollingUpdate);
  EXPECT_EQ(ds.spec.updateStrategy.rollingUpdate->maxUnavailable, IntOrString::FromInt(1));
  EXPECT_EQ(ds.spec.updateStrategy.rollingUpdate->maxSurge, IntOrString::FromInt(0));
  EXPECT_EQ(ds.spec.revisionHistoryLimit, 10);

  DaemonSet on_delete;
  on_delete.spec.updateStrategy.type = "OnDelete";
  SetDefaults(on_delete);
  EXPECT_FALSE(on_delete.spec.updateStrategy.rollingUpdate);
}

TEST(AppsDefaultsTest, StatefulSetDefaults) {
  StatefulSet ss;
  core::PersistentVolumeClaim claim;
  claim.metadata.name = "data";
  ss.spec.volumeClaimTemplates.push_back(claim);
  SetDefaults(ss);
  EXPECT_EQ(ss.spec.replicas, 1);
  EXPECT_EQ(ss.spec.podManagementPolicy, "OrderedReady");
  EXPECT_EQ(ss.spec.updateStrategy.type, "RollingUpdate");
  ASSERT_TRUE(ss.spec.updateStrategy.rollingUpdate);
  EXPECT_EQ(ss.spec.updateStrategy.rollingUpdate->partition, 0);
  EXPECT_EQ(ss.spec.revisionHistoryLimit, 10);
  ASSERT_TRUE(ss.spec.persistentVolumeClaimRetentionPolicy);
  EXPECT_EQ(ss.spec.persistentVolumeClaimRetentionPolicy->whenDeleted, "Retain");
  EXPECT_EQ(ss.spec.persistentVolumeClaimRetentionPolicy->whenScaled, "Retain");
  EXPECT_EQ(ss.spec.volumeClaimTemplates[0].spec.volumeMode, "Filesystem");
}

TEST(AppsDefaultsTest, StatefulSetOnDeleteGetsNoRollingUpdate) {
  StatefulSet ss;
  ss.spec.updateStrategy.type = "OnDelete";
  SetDefaults(ss);
  EXPECT_FALSE(ss.spec.updateStrategy.rollingUpdate);
}

TEST(AppsDefaultsTest, PrepareForCreateResetsStatusAndGeneration) {
  Deployment d = ValidDeployment();
  d.status.replicas = 3;
  d.metadata.generation = 7;
  PrepareForCreate(d);
  EXPECT_EQ(d.status, DeploymentStatus());
  EXPECT_EQ(d.metadata.generation, 1);

  ReplicaSet rs = ValidReplicaSet();
  rs.status.replicas = 2;
  PrepareForCreate(rs);
  EXPECT_EQ(rs.status, ReplicaSetStatus());
  EXPECT_EQ(rs.metadata.generation, 1);

  StatefulSet ss = ValidStatefulSet();
  ss.status.replicas = 2;
  ss.spec.updateStrategy.rollingUpdate->maxUnavailable = IntOrString::FromInt(2);
  PrepareForCreate(ss);
  EXPECT_EQ(ss.status, StatefulSetStatus());
  EXPECT_EQ(ss.metadata.generation, 1);
  EXPECT_FALSE(ss.spec.updateStrategy.rollingUpdate->maxUnavailable);
}

TEST(AppsDefaultsTest, DaemonSetPrepareForCreateSetsTemplateGeneration) {
  DaemonSet ds = ValidDaemonSet();
  ds.status.numberReady = 4;
  PrepareForCreate(ds);
  EXPECT_EQ(ds.status, DaemonSetStatus());
  EXPECT_EQ(ds.metadata.generation, 1);
  EXPECT_EQ(ds.metadata.annotations["deprecated.daemonset.template.generation"], "1");

  ds.metadata.annotations["deprecated.daemonset.template.generation"] = "4";
  PrepareForCreate(ds);
  EXPECT_EQ(ds.metadata.annotations["deprecated.daemonset.template.generation"], "4");
  EXPECT_EQ(Errors(ds), Strings{});
}

}  // namespace
}  // namespace kref::api::apps
