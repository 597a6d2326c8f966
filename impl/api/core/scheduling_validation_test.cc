// Tests for pod scheduling constraints: node selectors, node and pod (anti-)affinity,
// tolerations and topology spread constraints, with upstream's exact messages.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/core/ops.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::core {
namespace {

using ::kref::testing::kLabelValueMsg;
using ::kref::testing::kQualifiedNameMsg;
using ::kref::testing::PodErrors;
using ::kref::testing::TemplateErrors;
using ::testing::ElementsAre;

TEST(PodValidationTest, NodeSelectorIsLabels) {
  EXPECT_THAT(PodErrors([](Pod& p) { p.spec.nodeSelector["disk"] = "ssd fast"; }),
              ElementsAre(std::string("spec.nodeSelector: Invalid value: \"ssd fast\": ") +
                          kLabelValueMsg));
}

TEST(PodValidationTest, Tolerations) {
  auto toleration = [](std::string key, std::string op, std::string value, std::string effect,
                       std::optional<int64_t> seconds = std::nullopt) {
    return [=](Pod& p) {
      Toleration& t = p.spec.tolerations.emplace_back();
      t.key = key;
      t.operator_ = op;
      t.value = value;
      t.effect = effect;
      t.tolerationSeconds = seconds;
    };
  };
  EXPECT_THAT(PodErrors(toleration("k", "In", "", "")),
              ElementsAre("spec.tolerations[0].operator: Unsupported value: \"In\": supported "
                          "values: \"Equal\", \"Exists\""));
  EXPECT_THAT(PodErrors(toleration("k", "Equal", "v", "NoRun")),
              ElementsAre("spec.tolerations[0].effect: Unsupported value: \"NoRun\": supported "
                          "values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""));
  EXPECT_THAT(PodErrors(toleration("k", "Equal", "v", "NoSchedule", 10)),
              ElementsAre("spec.tolerations[0].effect: Invalid value: \"NoSchedule\": effect must "
                          "be 'NoExecute' when `tolerationSeconds` is set"));
  EXPECT_THAT(PodErrors(toleration("k", "Exists", "v", "")),
              ElementsAre("spec.tolerations[0].operator: Invalid value: \"v\": value must be empty "
                          "when `operator` is 'Exists'"));
  EXPECT_THAT(PodErrors(toleration("", "Equal", "", "")),
              ElementsAre("spec.tolerations[0].operator: Invalid value: \"Equal\": operator must "
                          "be Exists when `key` is empty, which means \"match all values and all "
                          "keys\""));
  EXPECT_THAT(PodErrors(toleration("-k", "Exists", "", "")),
              ElementsAre(std::string("spec.tolerations[0].key: Invalid value: \"-k\": ") +
                          kQualifiedNameMsg));
}

TEST(PodValidationTest, NodeAffinity) {
  auto required = [](std::vector<NodeSelectorTerm> terms) {
    return [terms](Pod& p) {
      p.spec.affinity.emplace()
          .nodeAffinity.emplace()
          .requiredDuringSchedulingIgnoredDuringExecution.emplace()
          .nodeSelectorTerms = terms;
    };
  };
  auto term = [](std::string op, std::vector<std::string> values) {
    NodeSelectorTerm t;
    NodeSelectorRequirement& r = t.matchExpressions.emplace_back();
    r.key = "zone";
    r.operator_ = op;
    r.values = values;
    return t;
  };
  const std::string at =
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms";
  EXPECT_THAT(PodErrors(required({})),
              ElementsAre(at + ": Required value: must have at least one node selector term"));
  EXPECT_THAT(PodErrors(required({term("Equals", {"a"})})),
              ElementsAre(at + "[0].matchExpressions[0].operator: Invalid value: \"Equals\": not "
                               "a valid selector operator"));
  EXPECT_THAT(PodErrors(required({term("In", {})})),
              ElementsAre(at + "[0].matchExpressions[0].values: Required value: must be specified "
                               "when `operator` is 'In' or 'NotIn'"));
  EXPECT_THAT(PodErrors(required({term("Exists", {"a"})})),
              ElementsAre(at + "[0].matchExpressions[0].values: Forbidden: may not be specified "
                               "when `operator` is 'Exists' or 'DoesNotExist'"));
  EXPECT_THAT(PodErrors(required({term("Gt", {"1", "2"})})),
              ElementsAre(at + "[0].matchExpressions[0].values: Required value: must be specified "
                               "single value when `operator` is 'Lt' or 'Gt'"));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                PreferredSchedulingTerm& preferred =
                    p.spec.affinity.emplace()
                        .nodeAffinity.emplace()
                        .preferredDuringSchedulingIgnoredDuringExecution.emplace_back();
                preferred.weight = 0;
                preferred.preference = term("In", {"a"});
              }),
              ElementsAre("spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuring"
                          "Execution[0].weight: Invalid value: 0: must be in the range 1-100"));
}

TEST(PodValidationTest, PodAffinityTerms) {
  EXPECT_THAT(PodErrors([](Pod& p) {
                PodAffinityTerm& term =
                    p.spec.affinity.emplace()
                        .podAffinity.emplace()
                        .requiredDuringSchedulingIgnoredDuringExecution.emplace_back();
                term.labelSelector.emplace().matchLabels["app"] = "db";
              }),
              ElementsAre("spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                          "[0].topologyKey: Required value: can not be empty",
                          "spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                          "[0].topologyKey: Invalid value: \"\": name part must be non-empty",
                          std::string("spec.affinity.podAffinity.requiredDuringSchedulingIgnored"
                                      "DuringExecution[0].topologyKey: Invalid value: \"\": ") +
                              kQualifiedNameMsg));
  EXPECT_THAT(PodErrors([](Pod& p) {
                WeightedPodAffinityTerm& weighted =
                    p.spec.affinity.emplace()
                        .podAntiAffinity.emplace()
                        .preferredDuringSchedulingIgnoredDuringExecution.emplace_back();
                weighted.weight = 101;
                weighted.podAffinityTerm.topologyKey = "kubernetes.io/hostname";
              }),
              ElementsAre("spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuring"
                          "Execution[0].weight: Invalid value: 101: must be in the range 1-100"));
}

TEST(PodValidationTest, PodAffinityMatchLabelKeys) {
  // A pod's matchLabelKeys become selector requirements on create; a key also in matchLabels
  // then appears twice (reported at the term's index, as upstream).
  EXPECT_THAT(PodErrors([](Pod& p) {
                p.metadata.labels["app"] = "web";
                PodAffinityTerm& term =
                    p.spec.affinity.emplace()
                        .podAffinity.emplace()
                        .requiredDuringSchedulingIgnoredDuringExecution.emplace_back();
                term.topologyKey = "kubernetes.io/hostname";
                term.labelSelector.emplace().matchLabels["app"] = "web";
                term.matchLabelKeys = {"app"};
              }),
              ElementsAre("spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution"
                          "[0][0]: Invalid value: \"app\": exists in both matchLabelKeys and "
                          "labelSelector"));
  EXPECT_THAT(TemplateErrors([](PodTemplateSpec& t) {
                PodAffinityTerm& term =
                    t.spec.affinity.emplace()
                        .podAffinity.emplace()
                        .requiredDuringSchedulingIgnoredDuringExecution.emplace_back();
                term.topologyKey = "kubernetes.io/hostname";
                term.matchLabelKeys = {"app"};
              }),
              ElementsAre("spec.template.spec.affinity.podAffinity.requiredDuringScheduling"
                          "IgnoredDuringExecution[0].matchLabelKeys: Forbidden: must not be "
                          "specified when labelSelector is not set"));
}

TEST(PodValidationTest, TopologySpreadConstraints) {
  auto constraint = [](int32_t skew, std::string key, std::string when) {
    TopologySpreadConstraint c;
    c.maxSkew = skew;
    c.topologyKey = std::move(key);
    c.whenUnsatisfiable = std::move(when);
    return c;
  };
  EXPECT_THAT(PodErrors([&](Pod& p) {
                p.spec.topologySpreadConstraints.push_back(constraint(0, "zone", "DoNotSchedule"));
              }),
              ElementsAre("spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be "
                          "greater than zero"));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                p.spec.topologySpreadConstraints.push_back(constraint(1, "", "DoNotSchedule"));
              }),
              ElementsAre("spec.topologySpreadConstraints[0].topologyKey: Required value: can not "
                          "be empty"));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                p.spec.topologySpreadConstraints.push_back(constraint(1, "zone", "Maybe"));
              }),
              ElementsAre("spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "
                          "\"Maybe\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\""));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                p.spec.topologySpreadConstraints.push_back(constraint(1, "zone", "DoNotSchedule"));
                p.spec.topologySpreadConstraints.push_back(constraint(2, "zone", "DoNotSchedule"));
              }),
              ElementsAre("spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: "
                          "Duplicate value: \"{zone, DoNotSchedule}\""));
  EXPECT_THAT(PodErrors([&](Pod& p) {
                TopologySpreadConstraint c = constraint(1, "zone", "ScheduleAnyway");
                c.minDomains = 2;
                p.spec.topologySpreadConstraints.push_back(c);
              }),
              ElementsAre("spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can "
                          "only use minDomains if whenUnsatisfiable=DoNotSchedule, not "
                          "ScheduleAnyway"));
}

}  // namespace
}  // namespace kref::api::core
