// autoscaling create preparation, defaulting and validation (Scale, HorizontalPodAutoscaler),
// rule by rule with upstream's paths and messages (impl/api/testdata_test.cc checks the
// realistic manifests).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "impl/api/autoscaling/ops.h"
#include "impl/api/validation/common.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::autoscaling {
namespace {

using ::kref::testing::Errors;
using ::kref::testing::Strings;

Quantity Q(std::string_view text) { return *Quantity::Parse(text); }

HorizontalPodAutoscaler ValidHpa() {
  HorizontalPodAutoscaler hpa;
  hpa.metadata.name = "web";
  hpa.metadata.namespace_ = "shop";
  hpa.spec.scaleTargetRef = {"Deployment", "web", "apps/v1"};
  hpa.spec.maxReplicas = 5;
  PrepareForCreate(hpa);
  SetDefaults(hpa);
  return hpa;
}

HorizontalPodAutoscaler HpaWithMetric(MetricSpec metric) {
  HorizontalPodAutoscaler hpa = ValidHpa();
  hpa.spec.metrics = {std::move(metric)};
  return hpa;
}

MetricSpec ResourceMetric(MetricTarget target) {
  MetricSpec metric;
  metric.type = "Resource";
  metric.resource = ResourceMetricSource{"memory", std::move(target)};
  return metric;
}

MetricTarget Utilization(int32_t percent) {
  MetricTarget target;
  target.type = "Utilization";
  target.averageUtilization = percent;
  return target;
}

MetricTarget AverageValue(std::string_view value) {
  MetricTarget target;
  target.type = "AverageValue";
  target.averageValue = Q(value);
  return target;
}

MetricSpec PodsMetric(MetricTarget target) {
  MetricSpec metric;
  metric.type = "Pods";
  metric.pods.emplace();
  metric.pods->metric.name = "http_requests_per_second";
  metric.pods->target = std::move(target);
  return metric;
}

HorizontalPodAutoscaler HpaWithScaleUp(HPAScalingRules rules) {
  HorizontalPodAutoscaler hpa = ValidHpa();
  hpa.spec.behavior.emplace();
  hpa.spec.behavior->scaleUp = std::move(rules);
  return hpa;
}

HPAScalingRules OnePolicy(std::string type, int32_t value, int32_t period) {
  HPAScalingRules rules;
  rules.policies = {{std::move(type), value, period}};
  return rules;
}

// ---- HorizontalPodAutoscaler: replicas and target ----

TEST(AutoscalingValidationTest, ValidHpaHasNoErrors) { EXPECT_EQ(Errors(ValidHpa()), Strings{}); }

TEST(AutoscalingValidationTest, HpaNameMustBeDNSSubdomain) {
  HorizontalPodAutoscaler hpa = ValidHpa();
  hpa.metadata.name = "web_hpa";
  Strings errors = Errors(hpa);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("metadata.name: Invalid value: \"web_hpa\": a lowercase RFC 1123 "
                            "subdomain",
                            0),
            0u)
      << errors[0];
}

TEST(AutoscalingValidationTest, MinReplicasAtLeastOne) {
  HorizontalPodAutoscaler hpa = ValidHpa();
  hpa.spec.minReplicas = 0;
  EXPECT_EQ(Errors(hpa),
            (Strings{"spec.minReplicas: Invalid value: 0: must be greater than or equal to 1",
                     "spec.metrics: Forbidden: must specify at least one Object or External "
                     "metric to support scaling to zero replicas"}));
}

TEST(AutoscalingValidationTest, MaxReplicasBounds) {
  HorizontalPodAutoscaler hpa = ValidHpa();
  hpa.spec.maxReplicas = 0;
  EXPECT_EQ(Errors(hpa), (Strings{"spec.maxReplicas: Invalid value: 0: must be greater than 0",
                                  "spec.maxReplicas: Invalid value: 0: must be greater than or "
                                  "equal to `minReplicas`"}));
  hpa.spec.minReplicas = 5;
  hpa.spec.maxReplicas = 3;
  EXPECT_EQ(Errors(hpa), Strings{"spec.maxReplicas: Invalid value: 3: must be greater than or "
                                 "equal to `minReplicas`"});
}

TEST(AutoscalingValidationTest, ScaleTargetRefKindAndNameRequired) {
  HorizontalPodAutoscaler hpa = ValidHpa();
  hpa.spec.scaleTargetRef = {};
  EXPECT_EQ(Errors(hpa), (Strings{"spec.scaleTargetRef.kind: Required value",
                                  "spec.scaleTargetRef.name: Required value"}));
  hpa.spec.scaleTargetRef = {"Deployment", "web/v2", "apps/v1"};
  EXPECT_EQ(Errors(hpa),
            Strings{"spec.scaleTargetRef.name: Invalid value: \"web/v2\": may not contain '/'"});
  hpa.spec.scaleTargetRef = {"..", "web", "apps/v1"};
  EXPECT_EQ(Errors(hpa),
            Strings{"spec.scaleTargetRef.kind: Invalid value: \"..\": may not be '..'"});
}

// ---- HorizontalPodAutoscaler: metrics ----

TEST(AutoscalingValidationTest, MetricTypeRequiredAndKnown) {
  MetricSpec metric = ResourceMetric(Utilization(50));
  metric.type.clear();
  EXPECT_EQ(Errors(HpaWithMetric(metric)),
            (Strings{"spec.metrics[0].type: Required value: must specify a metric source type",
                     "spec.metrics[0].type: Unsupported value: \"\": supported values: "
                     "\"ContainerResource\", \"External\", \"Object\", \"Pods\", \"Resource\"",
                     "spec.metrics[0].type: Unsupported value: \"\": supported values: "
                     "\"ContainerResource\", \"External\", \"Object\", \"Pods\", \"Resource\""}));
}

TEST(AutoscalingValidationTest, MetricSourceRequiredForType) {
  MetricSpec metric;
  metric.type = "Resource";
  EXPECT_EQ(Errors(HpaWithMetric(metric)),
            Strings{"spec.metrics[0].resource: Required value: must populate information for the "
                    "given metric source"});
}

TEST(AutoscalingValidationTest, MetricOnlyGivenSource) {
  MetricSpec metric = ResourceMetric(Utilization(50));
  metric.pods = PodsMetric(AverageValue("10")).pods;
  EXPECT_EQ(Errors(HpaWithMetric(metric)),
            Strings{"spec.metrics[0].pods: Forbidden: must populate the given metric source only"});
}

TEST(AutoscalingValidationTest, MetricTargetType) {
  MetricTarget target = Utilization(50);
  target.type = "Percent";
  EXPECT_EQ(Errors(HpaWithMetric(ResourceMetric(target))),
            Strings{"spec.metrics[0].resource.target.type: Invalid value: \"Percent\": must be "
                    "either Utilization, Value, or AverageValue"});
  target.type.clear();
  EXPECT_EQ(Errors(HpaWithMetric(ResourceMetric(target))),
            (Strings{"spec.metrics[0].resource.target.type: Required value: must specify a "
                     "metric target type",
                     "spec.metrics[0].resource.target.type: Invalid value: \"\": must be either "
                     "Utilization, Value, or AverageValue"}));
}

TEST(AutoscalingValidationTest, MetricTargetValuesPositive) {
  EXPECT_EQ(Errors(HpaWithMetric(ResourceMetric(Utilization(0)))),
            Strings{"spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be "
                    "greater than 0"});
  EXPECT_EQ(Errors(HpaWithMetric(PodsMetric(AverageValue("-1")))),
            Strings{"spec.metrics[0].pods.target.averageValue: Invalid value: -1: must be "
                    "positive"});
}

TEST(AutoscalingValidationTest, ResourceMetricUtilizationOrValue) {
  MetricTarget target = Utilization(50);
  target.averageValue = Q("1Gi");
  EXPECT_EQ(Errors(HpaWithMetric(ResourceMetric(target))),
            Strings{"spec.metrics[0].resource.target.averageValue: Forbidden: may not set both a "
                    "target raw value and a target utilization"});
  MetricTarget neither;
  neither.type = "Utilization";
  EXPECT_EQ(Errors(HpaWithMetric(ResourceMetric(neither))),
            Strings{"spec.metrics[0].resource.target.averageUtilization: Required value: must set "
                    "either a target raw value or a target utilization"});
  MetricSpec unnamed = ResourceMetric(Utilization(50));
  unnamed.resource->name.clear();
  EXPECT_EQ(Errors(HpaWithMetric(unnamed)),
            Strings{"spec.metrics[0].resource.name: Required value: must specify a resource name"});
}

TEST(AutoscalingValidationTest, PodsMetricNeedsAverageValue) {
  MetricTarget target;
  target.type = "Value";
  target.value = Q("10");
  MetricSpec metric = PodsMetric(target);
  EXPECT_EQ(Errors(HpaWithMetric(metric)),
            Strings{"spec.metrics[0].pods.target.averageValue: Required value: must specify a "
                    "positive target averageValue"});
  metric.pods->metric.name.clear();
  metric.pods->target = AverageValue("10");
  EXPECT_EQ(Errors(HpaWithMetric(metric)),
            Strings{"spec.metrics[0].pods.metric.name: Required value: must specify a metric "
                    "name"});
}

TEST(AutoscalingValidationTest, ObjectMetricRules) {
  MetricSpec metric;
  metric.type = "Object";
  metric.object.emplace();
  metric.object->metric.name = "requests-per-second";
  metric.object->target.type = "Value";
  EXPECT_EQ(Errors(HpaWithMetric(metric)),
            (Strings{"spec.metrics[0].object.describedObject.kind: Required value",
                     "spec.metrics[0].object.describedObject.name: Required value",
                     "spec.metrics[0].object.target.averageValue: Required value: must set either "
                     "a target value or averageValue"}));
  metric.object->describedObject = {"Ingress", "main-route", "networking.k8s.io/v1"};
  metric.object->target.value = Q("2k");
  EXPECT_EQ(Errors(HpaWithMetric(metric)), Strings{});
}

TEST(AutoscalingValidationTest, ExternalMetricRules) {
  MetricSpec metric;
  metric.type = "External";
  metric.external.emplace();
  metric.external->metric.name = "queue_messages_ready";
  metric.external->target.type = "Value";
  metric.external->target.value = Q("30");
  metric.external->target.averageValue = Q("5");
  EXPECT_EQ(Errors(HpaWithMetric(metric)),
            Strings{"spec.metrics[0].external.target.value: Forbidden: may not set both a target "
                    "value for metric and a per-pod target"});
  metric.external->target.value.reset();
  metric.external->target.averageValue.reset();
  EXPECT_EQ(Errors(HpaWithMetric(metric)),
            Strings{"spec.metrics[0].external.target.averageValue: Required value: must set "
                    "either a target value for metric or a per-pod target"});
}

TEST(AutoscalingValidationTest, ContainerResourceMetricRules) {
  MetricSpec metric;
  metric.type = "ContainerResource";
  metric.containerResource = ContainerResourceMetricSource{"cpu", Utilization(60), ""};
  EXPECT_EQ(Errors(HpaWithMetric(metric)),
            Strings{"spec.metrics[0].containerResource.container: Required value: must specify a "
                    "container"});
  metric.containerResource->container = "app";
  metric.containerResource->name = "gpu";
  EXPECT_EQ(Errors(HpaWithMetric(metric)),
            Strings{"spec.metrics[0].containerResource.name: Invalid value: \"gpu\": must be a "
                    "standard resource type or fully qualified"});
  metric.containerResource->name = "pods";
  EXPECT_EQ(Errors(HpaWithMetric(metric)),
            Strings{"spec.metrics[0].containerResource.name: Invalid value: \"pods\": must be a "
                    "standard resource for containers"});
  metric.containerResource->name = "memory";
  EXPECT_EQ(Errors(HpaWithMetric(metric)), Strings{});
}

// ---- HorizontalPodAutoscaler: behavior ----

TEST(AutoscalingValidationTest, BehaviorStabilizationWindowRange) {
  HPAScalingRules rules = OnePolicy("Pods", 1, 60);
  rules.stabilizationWindowSeconds = 3601;
  EXPECT_EQ(Errors(HpaWithScaleUp(rules)),
            Strings{"spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: 3601: must "
                    "be less than or equal to 3600"});
  rules.stabilizationWindowSeconds = -1;
  EXPECT_EQ(Errors(HpaWithScaleUp(rules)),
            Strings{"spec.behavior.scaleUp.stabilizationWindowSeconds: Invalid value: -1: must be "
                    "greater than or equal to zero"});
}

TEST(AutoscalingValidationTest, BehaviorSelectPolicy) {
  HPAScalingRules rules = OnePolicy("Pods", 1, 60);
  rules.selectPolicy = "Average";
  EXPECT_EQ(Errors(HpaWithScaleUp(rules)),
            Strings{"spec.behavior.scaleUp.selectPolicy: Unsupported value: \"Average\": "
                    "supported values: \"Disabled\", \"Max\", \"Min\""});
}

TEST(AutoscalingValidationTest, BehaviorPolicies) {
  EXPECT_EQ(Errors(HpaWithScaleUp(OnePolicy("Nodes", 0, 1801))),
            (Strings{"spec.behavior.scaleUp.policies[0].type: Unsupported value: \"Nodes\": "
                     "supported values: \"Percent\", \"Pods\"",
                     "spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater "
                     "than zero",
                     "spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 1801: must "
                     "be less than or equal to 1800"}));
  EXPECT_EQ(Errors(HpaWithScaleUp(OnePolicy("Percent", 10, 0))),
            Strings{"spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 0: must be "
                    "greater than zero"});
}

TEST(AutoscalingValidationTest, BehaviorPoliciesRequired) {
  HorizontalPodAutoscaler hpa = HpaWithScaleUp(OnePolicy("Pods", 1, 60));
  hpa.spec.behavior->scaleUp->policies.clear();
  EXPECT_EQ(Errors(hpa), Strings{"spec.behavior.scaleUp.policies: Required value: must specify "
                                 "at least one Policy"});
}

// ---- Defaults and PrepareForCreate ----

TEST(AutoscalingDefaultsTest, HpaDefaults) {
  HorizontalPodAutoscaler hpa;
  SetDefaults(hpa);
  EXPECT_EQ(hpa.spec.minReplicas, 1);
  ASSERT_EQ(hpa.spec.metrics.size(), 1u);
  const MetricSpec& metric = hpa.spec.metrics[0];
  EXPECT_EQ(metric.type, "Resource");
  ASSERT_TRUE(metric.resource);
  EXPECT_EQ(metric.resource->name, "cpu");
  EXPECT_EQ(metric.resource->target.type, "Utilization");
  EXPECT_EQ(metric.resource->target.averageUtilization, 80);
  EXPECT_FALSE(hpa.spec.behavior);
}

TEST(AutoscalingDefaultsTest, HpaKeepsGivenMetricsAndMinReplicas) {
  HorizontalPodAutoscaler hpa;
  hpa.spec.minReplicas = 3;
  hpa.spec.metrics = {PodsMetric(AverageValue("100"))};
  SetDefaults(hpa);
  EXPECT_EQ(hpa.spec.minReplicas, 3);
  ASSERT_EQ(hpa.spec.metrics.size(), 1u);
  EXPECT_EQ(hpa.spec.metrics[0].type, "Pods");
}

TEST(AutoscalingDefaultsTest, BehaviorDefaultsWhenBehaviorSet) {
  HorizontalPodAutoscaler hpa;
  hpa.spec.behavior.emplace();
  SetDefaults(hpa);
  ASSERT_TRUE(hpa.spec.behavior->scaleUp);
  const HPAScalingRules& up = *hpa.spec.behavior->scaleUp;
  EXPECT_EQ(up.stabilizationWindowSeconds, 0);
  EXPECT_EQ(up.selectPolicy, "Max");
  EXPECT_EQ(up.policies, (std::vector<HPAScalingPolicy>{{"Pods", 4, 15}, {"Percent", 100, 15}}));
  ASSERT_TRUE(hpa.spec.behavior->scaleDown);
  const HPAScalingRules& down = *hpa.spec.behavior->scaleDown;
  EXPECT_FALSE(down.stabilizationWindowSeconds);
  EXPECT_EQ(down.selectPolicy, "Max");
  EXPECT_EQ(down.policies, (std::vector<HPAScalingPolicy>{{"Percent", 100, 15}}));
}

TEST(AutoscalingDefaultsTest, BehaviorDefaultsFillOnlyUnsetFields) {
  HorizontalPodAutoscaler hpa;
  hpa.spec.behavior.emplace();
  hpa.spec.behavior->scaleDown.emplace();
  hpa.spec.behavior->scaleDown->stabilizationWindowSeconds = 300;
  hpa.spec.behavior->scaleDown->selectPolicy = "Min";
  SetDefaults(hpa);
  const HPAScalingRules& down = *hpa.spec.behavior->scaleDown;
  EXPECT_EQ(down.stabilizationWindowSeconds, 300);
  EXPECT_EQ(down.selectPolicy, "Min");
  EXPECT_EQ(down.policies, (std::vector<HPAScalingPolicy>{{"Percent", 100, 15}}));
}

TEST(AutoscalingDefaultsTest, PrepareForCreateClearsStatusOnly) {
  HorizontalPodAutoscaler hpa = ValidHpa();
  hpa.status.currentReplicas = 4;
  hpa.metadata.generation = 0;
  hpa.spec.behavior.emplace();
  hpa.spec.behavior->scaleUp = OnePolicy("Pods", 1, 60);
  hpa.spec.behavior->scaleUp->tolerance = Q("0.1");
  PrepareForCreate(hpa);
  EXPECT_EQ(hpa.status, HorizontalPodAutoscalerStatus());
  EXPECT_EQ(hpa.metadata.generation, 0);
  EXPECT_FALSE(hpa.spec.behavior->scaleUp->tolerance);
}

// ---- Scale ----

TEST(AutoscalingValidationTest, ScaleReplicasNonnegative) {
  Scale scale;
  scale.metadata.name = "web";
  scale.metadata.namespace_ = "shop";
  scale.spec.replicas = 3;
  EXPECT_EQ(Errors(scale), Strings{});
  scale.spec.replicas = -1;
  EXPECT_EQ(Errors(scale),
            Strings{"spec.replicas: Invalid value: -1: must be greater than or equal to 0"});
}

TEST(AutoscalingValidationTest, ScaleMetadataValidated) {
  Scale scale;
  scale.metadata.name = "web";
  EXPECT_EQ(Errors(scale), Strings{"metadata.namespace: Required value"});
}

}  // namespace
}  // namespace kref::api::autoscaling
